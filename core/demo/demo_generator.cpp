#include "core/demo/demo_generator.h"

#include "core/demo/demo_builder.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

DemoScaleParams paramsFor(DemoScale scale) {
    DemoScaleParams p;
    if (scale == DemoScale::City) {
        p.columns = 84;
        p.rows = 76;
        p.minSubdistricts = 14;
        p.maxSubdistricts = 26;
        p.sectionCells = 10;
    }
    return p;
}

QVariant text(const char* utf8) {
    return utf8 && *utf8 ? QVariant(QString::fromUtf8(utf8)) : QVariant();
}

QVariant text(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

std::shared_ptr<LayerData> makeLayer(const char* name, GeometryKind kind,
                                     std::initializer_list<std::pair<const char*, FieldType>> f) {
    auto layer = std::make_shared<LayerData>();
    layer->name = QString::fromLatin1(name);
    layer->kind = kind;
    layer->crsAuthId = QStringLiteral("EPSG:%1").arg(kDemoWorkingEpsg);
    layer->source.layerName = layer->name;
    layer->source.driver = QStringLiteral("demo");
    layer->source.crsAuthId = layer->crsAuthId;
    for (const auto& [fieldName, type] : f)
        layer->fields.push_back({QString::fromUtf8(fieldName), type});
    return layer;
}

void addFeature(LayerData& layer, Geometry geometry, std::vector<QVariant> attributes) {
    Feature f;
    f.fid = static_cast<std::int64_t>(layer.features.size()) + 1;
    f.geometry = std::move(geometry);
    f.attributes = std::move(attributes);
    layer.features.push_back(std::move(f));
}

} // namespace

QStringList demoLayerNames() {
    return {QStringLiteral("district_boundary"),
            QStringLiteral("subdistricts"),
            QStringLiteral("roads"),
            QStringLiteral("pois"),
            QStringLiteral("facilities"),
            QStringLiteral("compounds")};
}

QString demoScaleName(DemoScale scale) {
    return scale == DemoScale::City ? QStringLiteral("city") : QStringLiteral("district");
}

std::optional<DemoScale> demoScaleFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("district"))
        return DemoScale::District;
    if (n == QLatin1String("city"))
        return DemoScale::City;
    return std::nullopt;
}

QString demoFileName(DemoScale scale) {
    return scale == DemoScale::City ? QStringLiteral("x_city.gpkg")
                                    : QStringLiteral("x_district.gpkg");
}

std::vector<LayerPtr> generateDemoDistrict(const DemoOptions& options, Feedback& feedback) {
    DemoBuilder builder(options, feedback);
    return builder.layers();
}

DemoBuilder::DemoBuilder(const DemoOptions& options, Feedback& feedback)
    : options_(options), feedback_(feedback), params_(paramsFor(options.scale)),
      rng_(DemoRandom(options.seed).fork(2)) {}

std::vector<LayerPtr> DemoBuilder::layers() {
    feedback_.setProgress(0, QStringLiteral("laying out streets"));
    DemoRandom layoutRng = DemoRandom(options_.seed).fork(1);
    layout_ = buildDemoLayout(layoutRng, params_, names_);
    feedback_.throwIfCanceled();
    use_.assign(layout_.cells.size(), Use::Free);
    firstCell_.assign(layout_.blocks.size() + 1, static_cast<std::uint32_t>(layout_.cells.size()));
    for (std::size_t c = layout_.cells.size(); c-- > 0;)
        firstCell_[layout_.cells[c].block] = static_cast<std::uint32_t>(c);

    boundary_ = makeLayer("district_boundary", GeometryKind::Polygon,
                          {{"name", FieldType::String},
                           {"boundary", FieldType::String},
                           {"admin_level", FieldType::String}});
    subdistricts_ = makeLayer("subdistricts", GeometryKind::Polygon,
                              {{"name", FieldType::String},
                               {"boundary", FieldType::String},
                               {"admin_level", FieldType::String},
                               {"district", FieldType::String},
                               {"blocks", FieldType::Integer}});
    roads_ = makeLayer("roads", GeometryKind::Line,
                       {{"name", FieldType::String},
                        {"highway", FieldType::String},
                        {"service", FieldType::String},
                        {"oneway", FieldType::String},
                        {"street_id", FieldType::Integer}});
    const std::initializer_list<std::pair<const char*, FieldType>> placeFields{
        {"name", FieldType::String},    {"类型", FieldType::String},
        {"amenity", FieldType::String}, {"shop", FieldType::String},
        {"railway", FieldType::String}, {"public_transport", FieldType::String},
        {"station", FieldType::String}, {"train", FieldType::String},
        {"leisure", FieldType::String}, {"subdistrict", FieldType::String}};
    pois_ = makeLayer("pois", GeometryKind::Point, placeFields);
    facilities_ = makeLayer("facilities", GeometryKind::Polygon, placeFields);
    compoundLayer_ = makeLayer("compounds", GeometryKind::Polygon,
                               {{"name", FieldType::String},
                                {"类型", FieldType::String},
                                {"landuse", FieldType::String},
                                {"households", FieldType::Integer},
                                {"area_m2", FieldType::Real},
                                {"subdistrict", FieldType::String}});

    feedback_.setProgress(25, QStringLiteral("placing anchors"));
    placeAnchors();
    placeParks();
    feedback_.throwIfCanceled();
    feedback_.setProgress(40, QStringLiteral("placing compounds"));
    placeCompounds();
    placeCommunities();
    placeToilets();
    feedback_.throwIfCanceled();
    feedback_.setProgress(70, QStringLiteral("building layers"));
    emitRoads();
    emitOutlines();

    std::vector<LayerPtr> out;
    for (const auto& layer :
         {boundary_, subdistricts_, roads_, pois_, facilities_, compoundLayer_}) {
        feedback_.throwIfCanceled();
        layer->source.declaredFeatureCount = static_cast<std::int64_t>(layer->features.size());
        layer->buildIndex();
        layer->source.sourceExtent = layer->extent;
        out.push_back(layer);
    }
    feedback_.setProgress(100);
    return out;
}

Point DemoBuilder::world(Point local) const {
    return {kDemoCentreEasting + local.x, kDemoCentreNorthing + local.y};
}

void DemoBuilder::emitRoads() {
    // One feature per stretch between consecutive junctions of a street line.
    for (std::size_t li = 0; li < layout_.lines.size(); ++li) {
        if (li % 4096 == 0)
            feedback_.throwIfCanceled();
        auto stops = layout_.lines[li].stops;
        std::sort(stops.begin(), stops.end());
        const DemoRoad& road = layout_.roads[layout_.lines[li].road];
        for (std::size_t k = 0; k + 1 < stops.size(); ++k) {
            if (stops[k].second == stops[k + 1].second)
                continue;
            addFeature(*roads_,
                       Geometry::line({world(layout_.nodes[stops[k].second]),
                                       world(layout_.nodes[stops[k + 1].second])}),
                       {road.name, road.highway, text(road.service),
                        road.oneway ? QVariant(QStringLiteral("yes")) : QVariant(),
                        QVariant(static_cast<qlonglong>(layout_.lines[li].road) + 1)});
        }
    }
}

void DemoBuilder::emitOutlines() {
    const auto ring = [this](const std::vector<Point>& local) {
        std::vector<Point> pts;
        pts.reserve(local.size());
        for (const auto& p : local)
            pts.push_back(world(p));
        return Geometry::polygon(std::move(pts));
    };
    const QString district = QString::fromUtf8("X区");
    addFeature(*boundary_, ring(layout_.boundary),
               {district, QStringLiteral("administrative"), QStringLiteral("6")});
    for (const auto& sub : layout_.subdistricts)
        addFeature(*subdistricts_, ring(sub.ring),
                   {sub.name, QStringLiteral("administrative"), QStringLiteral("8"), district,
                    QVariant(static_cast<qlonglong>(sub.blocks))});
}

void DemoBuilder::addPlace(LayerData& layer, Geometry geometry, const QString& name,
                           const DemoTags& tags, const QString& subdistrict) {
    addFeature(layer, std::move(geometry),
               {name, text(tags.type), text(tags.amenity), text(tags.shop), text(tags.railway),
                text(tags.publicTransport), text(tags.station), text(tags.train),
                text(tags.leisure), subdistrict});
}

bool DemoBuilder::hasMainSide(const DemoCell& cell) const {
    for (auto line : cell.line)
        if (layout_.roads[layout_.lines[line].road].main)
            return true;
    return false;
}

std::array<double, 4> DemoBuilder::inner(const DemoCell& c) const {
    const DemoBlock& b = layout_.blocks[c.block];
    return {c.s0 + c.setback[SideS0] / b.lenS, c.s1 - c.setback[SideS1] / b.lenS,
            c.t0 + c.setback[SideT0] / b.lenT, c.t1 - c.setback[SideT1] / b.lenT};
}

Geometry DemoBuilder::plotPolygon(std::uint32_t block, double s0, double s1, double t0, double t1,
                                  bool cutCorner) {
    const DemoBlock& b = layout_.blocks[block];
    std::vector<std::pair<double, double>> st{{s0, t0}, {s1, t0}, {s1, t1}, {s0, t1}};
    if (cutCorner) {
        // An L-shaped plot: one corner rectangle removed (never the middle of the plot).
        const auto k = static_cast<std::size_t>(rng_.below(4));
        const double cutS = (s1 - s0) * rng_.range(0.2, 0.45);
        const double cutT = (t1 - t0) * rng_.range(0.2, 0.45);
        const auto [cs, ct] = st[k];
        const double ds = cs == s1 ? -cutS : cutS;
        const double dt = ct == t1 ? -cutT : cutT;
        const std::pair<double, double> in{cs + ds, ct + dt};
        const std::pair<double, double> alongS{cs + ds, ct}, alongT{cs, ct + dt};
        const auto prev = k % 2 == 0 ? alongT : alongS;
        const auto next = k % 2 == 0 ? alongS : alongT;
        st[k] = prev;
        st.insert(st.begin() + static_cast<std::ptrdiff_t>(k) + 1, {in, next});
    }
    std::vector<Point> ring;
    for (const auto& [s, t] : st)
        ring.push_back(world(b.at(s, t)));
    if (b.transposed) // (s, t) = (v, u): the frame is mirrored; keep rings counter-clockwise
        std::reverse(ring.begin(), ring.end());
    return Geometry::polygon(std::move(ring));
}

Point DemoBuilder::frontPoint(const DemoCell& c, int side, double offsetM, double along) const {
    const DemoBlock& b = layout_.blocks[c.block];
    const double s = c.s0 + (c.s1 - c.s0) * along, t = c.t0 + (c.t1 - c.t0) * along;
    switch (side) {
    case SideS0:
        return b.at(c.s0 + offsetM / b.lenS, t);
    case SideS1:
        return b.at(c.s1 - offsetM / b.lenS, t);
    case SideT0:
        return b.at(s, c.t0 + offsetM / b.lenT);
    default:
        return b.at(s, c.t1 - offsetM / b.lenT);
    }
}

QStringList DemoBuilder::roadNames(const DemoCell& cell) const {
    QStringList names;
    for (auto line : cell.line)
        names << layout_.roads[layout_.lines[line].road].name;
    return names;
}

QString DemoBuilder::subdistrictOf(const DemoCell& cell) const {
    return layout_.subdistricts[layout_.blocks[cell.block].subdistrict].name;
}

} // namespace core
