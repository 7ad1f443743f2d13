#pragma once

#include "core/model/geometry.h"
#include "core/model/roles.h"
#include "core/render/map_renderer.h"
#include "core/util/feedback.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QPainter;

namespace core {

/// Paper sizes of printed maps and reports.
enum class PaperSize : std::uint8_t { A4, A3 };

/// "A4" / "A3" (case-insensitive) or nullopt.
std::optional<PaperSize> paperSizeFromKey(const QString& key);

/// A sheet of paper: size and orientation. All page painting works in points (1/72 inch)
/// with (0,0) at the top-left corner of the sheet.
struct PageFormat {
    PaperSize paper = PaperSize::A4;
    bool landscape = false;
    /// Width and height in millimetres, orientation applied.
    QSizeF sizeMm() const;
    /// Width and height in points, orientation applied.
    QSizeF sizePt() const;
};

inline constexpr double kPointsPerMm = 72.0 / 25.4;
/// Map views on paper use logical pixels of 1/96 inch (the screen's), so the canvas's symbol
/// and line sizes keep their proportions on paper: 1 map pixel = 0.75 pt.
inline constexpr double kPointsPerMapPixel = 72.0 / 96.0;

/// The page font: "Noto Sans CJK SC" (or the default family) at `points` size. Sizes are
/// rounded to whole points (painting uses a point-based coordinate system).
QFont pageFont(double points, bool bold = false);

/// One line of a map legend.
struct LegendEntry {
    enum class Kind : std::uint8_t { Marker, Line, Area, Symbol };
    Kind kind = Kind::Marker;
    QString label;
    QColor stroke;
    QColor fill;
    double strokeWidth = 1.0; ///< in map pixels
    Qt::PenStyle penStyle = Qt::SolidLine;
    std::optional<Role> symbol; ///< Kind::Symbol: the role's map symbol
};

/// A scale bar: a round length (1, 2 or 5 times a power of ten metres) and its width on paper.
struct ScaleBar {
    double lengthM = 0;
    double widthPt = 0;
    QString label; ///< "500 m", "2 km"
};

/// The largest 1-2-5 series value (1, 2, 5, 10, 20, 50, ...) not above `maxValue` (> 0).
double niceRoundValue(double maxValue);
/// A scale bar no wider than `maxWidthPt` for a map of `metresPerPoint` on paper.
ScaleBar scaleBarFor(double metresPerPoint, double maxWidthPt);
/// "500 m" below 1 km, else "2 km" / "1.5 km".
QString distanceLabel(double metres);

/// Legend lines for the base map: one per role present among the visible layers' features
/// (anchor kinds with their symbols, roads, compounds, sub-districts, boundary, toilets), in
/// drawing order, styled as `style` draws them. With a non-empty `extent` (working CRS), only
/// roles of features whose bounds meet it count.
std::vector<LegendEntry> baseMapLegend(const std::vector<RenderLayer>& layers,
                                       const MapStyle& style, const Box& extent = {});

/// Everything a map page shows besides the map itself.
struct MapPage {
    QString title;
    QString subtitle;
    /// Layers, overlays and style of the map; `job.view` is set by the layout to fit `extent`.
    RenderJob job;
    Box extent; ///< working CRS (metres): the part of the map the frame must show
    std::vector<LegendEntry> legend;
    QString attribution; ///< e.g. "© OpenStreetMap contributors"; may be empty
    QString footer;      ///< small print at the bottom right (software, date)
    bool grid = false;   ///< coordinate grid with labels (working CRS metres)
    /// An optional panel under the map (the atlas's table of defects): height in points and
    /// a painter of the given rectangle (page points).
    double belowHeightPt = 0;
    std::function<void(QPainter&, const QRectF&)> paintBelow;
};

/// Where the layout put things, for tests and for callers that draw on top.
struct MapPageLayout {
    QRectF mapFramePt;         ///< the map frame on the page
    MapView view;              ///< the view painted into the frame (map pixels)
    double metresPerPoint = 0; ///< map scale on paper
    double scaleDenominator = 0;
    ScaleBar scaleBar;
    QRectF legendPt;
    RenderStats stats;
};

/// Paints a map page with `painter` in page points (see PageFormat): title and subtitle, the
/// map through MapRenderer::paint (the canvas's renderer), legend, scale bar and "1:n", north
/// arrow, optional grid, attribution and footer. Thread: any (QPainter on an image, PDF or SVG
/// device owned by the caller). Throws OperationCanceled via `feedback`.
MapPageLayout paintMapPage(QPainter& painter, const PageFormat& format, const MapPage& page,
                           Feedback& feedback);

/// The map frame paintMapPage() would use, without painting (points).
QRectF mapFrameFor(const PageFormat& format, const MapPage& page);

} // namespace core
