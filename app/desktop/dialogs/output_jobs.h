#pragma once

// The background work of OutputDialog: reading what its combos offer, rendering a page
// preview, writing the outputs. Plain functions over value snapshots, no QObject: they run on
// QtConcurrent workers, each opening its own read-only core::Campaign (single-thread).

#include "core/model/geometry.h"
#include "core/render/defect_overlay.h"
#include "core/render/page_layout.h"
#include "core/util/feedback.h"
#include "gis/io/export_files.h"
#include "gis/io/map_export.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace app::output {

/// What the dialog writes: a map page, an atlas, the unit report, a data export.
enum class Kind : std::uint8_t { Map, Atlas, Report, Data };
/// The part of the district a map page shows.
enum class ExtentKind : std::uint8_t { CurrentView, District, Subdistrict, Anchor };
/// What a data export holds (`export --what`).
enum class DataWhat : std::uint8_t { Defects, Draw, Route };

/// What the option combos offer, read once from the campaign in the background.
struct Choices {
    /// Map and atlas modes: the campaign's map data (with the draw, when it has one), shared
    /// read-only with the preview workers.
    std::shared_ptr<const gis::CampaignMapData> map;
    QStringList subdistricts;                            ///< sorted names
    std::vector<std::pair<QString, QString>> anchors;    ///< id, label of the draw's anchors
    std::vector<std::pair<std::int64_t, QString>> units; ///< id, name
    bool hasDraw = false;
    bool hasRoute = false;
};

/// A snapshot of the dialog's options, handed to a worker.
struct Request {
    Kind kind = Kind::Map;
    QString campaignPath;
    QString drawId; ///< empty: the latest draw
    QString outputPath;
    // Map and atlas.
    core::PageFormat format;
    QString title;
    core::DefectStyle style = core::DefectStyle::Card;
    bool grid = false;
    bool showDraw = false;
    double dpi = 200;
    ExtentKind extent = ExtentKind::District;
    QString extentName;            ///< the sub-district name or the anchor id
    std::optional<core::Box> view; ///< ExtentKind::CurrentView: working CRS
    gis::AtlasBy atlasBy = gis::AtlasBy::Anchor;
    // Report.
    std::optional<std::int64_t> unitId; ///< nullopt: all units
    // Data.
    DataWhat what = DataWhat::Defects;
    gis::ExportFormat dataFormat = gis::ExportFormat::GeoPackage;
    QString encoding = QStringLiteral("UTF-8"); ///< shapefiles: UTF-8 or GBK
    bool photos = false;
};

/// Reads the choices of `kind` from the campaign at `campaignPath` (opened read-only here).
/// Throws core::Error naming the file; OperationCanceled.
Choices loadChoices(Kind kind, const QString& campaignPath, const QString& drawId,
                    core::Feedback& feedback);

/// The extent spec of gis::resolveExtent for the request: "district", "subdistrict:NAME",
/// "anchor:ID" or, for the current view, the CGCS2000 lon/lat box around it.
QString extentSpec(const gis::CampaignMapData& data, const Request& request);

/// The first page of the map or atlas the request would write (for the atlas: its first map
/// page), as an image whose longer side has about `longSidePx` pixels. Throws core::Error
/// (e.g. an extent that names nothing), OperationCanceled.
QImage renderPreview(const gis::CampaignMapData& data, const Request& request, int longSidePx,
                     core::Feedback& feedback);

/// Writes the request's output with the library calls the CLI makes (map, atlas, report,
/// export), from a campaign opened read-only here. Atomic: a failure or a cancel leaves no
/// file. Returns the files written; throws core::Error naming the path, OperationCanceled.
QStringList writeOutput(const Request& request, core::Feedback& feedback);

} // namespace app::output
