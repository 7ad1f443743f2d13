#pragma once

#include "core/model/roles.h"
#include "core/render/label_placer.h"
#include "core/render/line_overview.h"
#include "core/render/map_style.h"
#include "core/render/map_view.h"
#include "core/util/feedback.h"

#include <QImage>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QPainter;

namespace core {

/// One layer of a render snapshot. The data is shared and immutable, so a job can outlive
/// the GUI's own copy of the layer list.
struct RenderLayer {
    ClassifiedLayer layer;
    bool visible = true;
    /// The label text of each feature (parallel to layer.data->features), computed once per
    /// load (see featureLabels()). When null, the layer's name-like field is used.
    std::shared_ptr<const std::vector<QString>> labels;
    /// Joined and simplified chains drawn instead of a line layer's features when zoomed far
    /// out (see LineOverview::suits); null = always draw the features.
    std::shared_ptr<const LineOverview> overview;
};

/// When an overlay paints, relative to the base map.
enum class OverlayStage : std::uint8_t {
    BelowFeatures, ///< after the background, before any layer (e.g. a highlight halo)
    AboveFeatures, ///< after all layers, before the base map's labels: labels an overlay
                   ///< places here win over base labels
    AboveLabels,   ///< last (selection markers, route arrows that must stay visible)
};

/// What an overlay gets to paint with. The painter works in logical pixels of `view`
/// (device pixel ratio already applied), antialiased, with its state saved and restored
/// around each overlay.
struct RenderContext {
    QPainter& painter;
    const MapView& view;
    const MapStyle& style;
    LabelPlacer& labels; ///< shared with the base map: reserve() room or place labels
    Feedback& feedback;  ///< check isCanceled() in long loops; throwing OperationCanceled is fine
    double devicePixelRatio = 1.0;
};

/// An extra layer drawn by a feature of the app (draw results, defects, routes, rings).
///
/// `paint` runs on the render worker thread: it must only read data it owns or shares
/// immutably (capture shared_ptr<const ...> by value), never a QObject or a widget.
struct MapOverlay {
    QString id; ///< for debugging and for replacing an overlay by id
    OverlayStage stage = OverlayStage::AboveFeatures;
    std::function<void(RenderContext&)> paint;
};

/// Everything a render needs, copied on the GUI thread and handed to a worker.
struct RenderJob {
    std::vector<RenderLayer> layers; ///< first = bottom within each draw stage
    MapView view;                    ///< logical size of the output
    double devicePixelRatio = 1.0;   ///< output image has view.size() * ratio pixels
    MapStyle style = MapStyle::standard();
    std::vector<MapOverlay> overlays;
    bool drawLabels = true;
    bool adaptStyleToScale = true; ///< apply MapStyle::adaptedToScale for the view's scale
};

/// Counts of what a render did, for tests and diagnostics.
struct RenderStats {
    std::size_t layersDrawn = 0;
    std::size_t featuresInLayers = 0; ///< features of visible layers
    std::size_t featuresQueried = 0;  ///< returned by the spatial index for the view
    std::size_t featuresDrawn = 0;
    std::size_t featuresTooSmall = 0; ///< skipped because they cover less than half a pixel
    std::size_t verticesIn = 0;       ///< vertices of drawn lines and polygons
    std::size_t verticesOut = 0;      ///< vertices handed to QPainter after decimation
};

/// What a render produced.
struct RenderResult {
    QImage image;                    ///< ARGB32_Premultiplied with the job's pixel ratio
    std::vector<PlacedLabel> labels; ///< labels drawn, in logical pixels
    RenderStats stats;
};

/// Renders the base map (layers by role style, labels) plus overlays.
///
/// Thread: any. It only paints on QImage or on a caller's QPainter and reads the job's
/// immutable layer data; the desktop runs it in QtConcurrent, export runs it blocking.
/// render() draws a frame of more than 20,000 features on two threads: the calling one draws
/// the first part straight onto the frame, a helper it starts and joins draws the rest into
/// images of their own, composited in drawing order. paint() onto a caller's painter (a PDF
/// page, say) stays on the calling thread.
class MapRenderer {
public:
    explicit MapRenderer(RenderJob job);

    /// Renders to a new image of view.size() * devicePixelRatio. Throws OperationCanceled
    /// when `feedback` is cancelled (checked every few hundred features and between stages).
    RenderResult render(Feedback& feedback);

    /// Paints onto an existing painter whose coordinate system is the view's logical pixels
    /// (the export places its painter on the map frame of a page first). Does not fill the
    /// background. Same cancellation as render().
    RenderResult paint(QPainter& painter, Feedback& feedback);

    const RenderJob& job() const { return job_; }

private:
    /// `ownImage`: the painter is render()'s own, fresh on its image, so areas and lines may
    /// be drawn into images of their own on two threads and composited.
    RenderResult paint(QPainter& painter, Feedback& feedback, bool ownImage);

    RenderJob job_;
};

/// Convenience: MapRenderer(job).render(feedback).image.
QImage renderMap(const RenderJob& job, Feedback& feedback);

/// A label for every feature of `layer` from the rules' name fields for its primary role,
/// or the first name-like field ("name:zh", "name", "名称", ...) for unclassified features.
std::vector<QString> featureLabels(const ClassifiedLayer& layer, const RuleSet& rules);

/// A layer ready to draw: each feature classified by `rules`, the layer's roles, the labels,
/// and for a line layer its overview. Costs a pass over the layer: build it once per load,
/// on a worker thread.
RenderLayer classifiedRenderLayer(LayerPtr layer, const RuleSet& rules);

/// The index of the field a layer's labels come from when no rules name it, or -1.
int defaultNameField(const LayerData& layer);

} // namespace core
