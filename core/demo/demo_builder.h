#pragma once

// Internal to the demo generator (core/demo): puts content (anchors, compounds, parks,
// toilets) on the layout's plots and turns everything into layers.

#include "core/demo/demo_generator.h"
#include "core/demo/demo_layout.h"
#include "core/demo/demo_names.h"
#include "core/demo/demo_random.h"

#include <memory>
#include <vector>

namespace core {

/// OSM-like tags of a place (null members are absent tags) and its Chinese type (类型).
struct DemoTags {
    const char* type = nullptr; ///< 类型: 农贸市场, 商场超市, 学校, 医院, 交通场站, 城市社区, ...
    const char* amenity = nullptr;
    const char* shop = nullptr;
    const char* railway = nullptr;
    const char* publicTransport = nullptr;
    const char* station = nullptr;
    const char* train = nullptr;
    const char* leisure = nullptr;
};

/// Builds the demo layers from a layout. One use: construct, then call layers().
class DemoBuilder {
public:
    DemoBuilder(const DemoOptions& options, Feedback& feedback);
    std::vector<LayerPtr> layers();

private:
    enum class Use : std::uint8_t { Free, Compound, Facility, PointAnchor, Park };
    struct CompoundPlot {
        std::uint32_t cell = 0;
        double s0 = 0, s1 = 0, t0 = 0, t1 = 0;
    };

    void placeAnchors();
    void placeParks();
    void placeCompounds();
    void placeCommunities();
    void placeToilets();
    void emitRoads();
    void emitOutlines();

    void addCompound(std::uint32_t cell, double s0, double s1, double t0, double t1);
    /// Adds a dead-end alley into a plot and the compounds beside it; false (nothing added)
    /// when it would end up a few metres from another junction.
    bool addStub(std::uint32_t cell, std::vector<CompoundPlot>& plots);
    int pickCell(double minArea, bool needMainSide);
    bool hasMainSide(const DemoCell& cell) const;
    /// The inner (set back) rectangle of a cell in its block's (s, t) frame.
    std::array<double, 4> inner(const DemoCell& cell) const;
    /// A polygon over an (s, t) rectangle of a block, optionally with one corner cut away.
    Geometry plotPolygon(std::uint32_t block, double s0, double s1, double t0, double t1,
                         bool cutCorner);
    /// A point `offsetM` metres inside a cell from the centreline of its `side` street.
    Point frontPoint(const DemoCell& cell, int side, double offsetM, double along) const;
    QStringList roadNames(const DemoCell& cell) const;
    QString subdistrictOf(const DemoCell& cell) const;
    void addPlace(LayerData& layer, Geometry geometry, const QString& name, const DemoTags& tags,
                  const QString& subdistrict);
    Point world(Point local) const;
    Geometry worldPoint(Point local) const { return Geometry::point(world(local)); }

    DemoOptions options_;
    Feedback& feedback_;
    DemoScaleParams params_;
    DemoNames names_;
    DemoLayout layout_;
    DemoRandom rng_;
    std::vector<Use> use_;
    std::vector<std::uint32_t> firstCell_; ///< cells of block b: [firstCell_[b], firstCell_[b+1])
    std::vector<CompoundPlot> compounds_;
    std::shared_ptr<LayerData> boundary_, subdistricts_, roads_, pois_, facilities_, compoundLayer_;
};

} // namespace core
