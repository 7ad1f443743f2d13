#pragma once

#include "core/model/defect.h"
#include "core/model/taxonomy.h"
#include "core/model/unit.h"
#include "core/render/defect_overlay.h"
#include "core/render/draw_overlay.h"
#include "core/render/page_layout.h"
#include "core/sampling/draw_record.h"
#include "core/store/campaign.h"
#include "core/util/feedback.h"
#include "gis/proj/crs.h"

#include <QString>

#include <optional>
#include <vector>

namespace gis {

/// What map pages of a campaign are made from, read once: the imported layers classified by
/// the campaign's role rules (as the desktop canvas shows them), the defects, the units and,
/// when asked, one stored draw. Geometry in the campaign's working CRS.
struct CampaignMapData {
    QString campaignName;
    QString campaignPath;
    Crs working;
    std::vector<core::RenderLayer> layers;
    bool usesOsm = false; ///< some layer came through GDAL's OSM driver
    core::Taxonomy taxonomy;
    std::vector<core::Defect> defects;
    std::vector<core::ResponsibleUnit> units;
    core::Box districtWorking; ///< the district (or the layers') extent, working CRS
    std::optional<core::DrawRecord> draw;
    core::DrawLayers drawLayers;
};

/// Reads a campaign for map pages. `drawId`: a draw id or prefix; empty = the current draw
/// when `needDraw`, else none. Throws NotFound when `needDraw` and the campaign holds no
/// draw, core::Error from the store. Thread: that of the campaign.
CampaignMapData loadCampaignMap(core::Campaign& campaign, const QString& drawId, bool needDraw,
                                core::Feedback& feedback);

/// The working-CRS box an extent spec names: "district" (or empty), "subdistrict:NAME" (the
/// sub-district polygon of that name), "anchor:ID" (that anchor's ring in the loaded draw) or
/// "LON,LAT,LON,LAT" (CGCS2000 degrees). Throws core::Error(InvalidInput) naming the spec and
/// listing the accepted forms (and the known names/ids when one is not found).
core::Box resolveExtent(const CampaignMapData& data, const QString& spec);
/// The sub-district names "subdistrict:NAME" accepts (the canvas's labels, else the layer's
/// name field), sorted, without repeats.
QStringList subdistrictNames(const CampaignMapData& data);

/// Options of a single map page.
struct MapExportOptions {
    QString extent; ///< see resolveExtent()
    core::PageFormat format;
    QString title; ///< default: "<campaign> 问题分布图"
    core::DefectStyle style = core::DefectStyle::Card;
    bool grid = false;
    double dpi = 200;      ///< PNG resolution
    bool showDraw = false; ///< draw rings and drawn units of the loaded draw (all anchors)
};

/// The page (layers, overlays, legend, furniture) for `options` without writing it.
core::MapPage buildMapPage(const CampaignMapData& data, const MapExportOptions& options);

/// Writes a map page of the campaign to `path` (.pdf vector, .png at options.dpi, .svg).
/// Atomic; throws IoError naming the path, FormatError for another extension, InvalidInput
/// for a bad extent, OperationCanceled (no file left). Returns the layout (scale, frame).
core::MapPageLayout exportMap(const CampaignMapData& data, const QString& path,
                              const MapExportOptions& options, core::Feedback& feedback);

/// What an atlas has one page per.
enum class AtlasBy : std::uint8_t { Anchor, Subdistrict, Unit };
/// "anchor", "subdistrict", "unit" or nullopt.
std::optional<AtlasBy> atlasByFromKey(const QString& key);

struct AtlasOptions {
    AtlasBy by = AtlasBy::Anchor;
    core::PageFormat format;
    QString title; ///< default: "<campaign> 任务图集"
    core::DefectStyle style = core::DefectStyle::Card;
};

/// What exportAtlas() wrote.
struct AtlasSummary {
    int items = 0;      ///< map pages (anchors, sub-districts or units)
    int frontPages = 0; ///< cover + contents pages
    int pages() const { return items + frontPages; }
};

/// Writes an atlas PDF: a cover (title, campaign, draw, counts), contents pages, then one map
/// page per item with its defects numbered on the map and listed in a table below it. By
/// anchor: the anchor's ring, drawn streets and compounds (needs data.draw); by sub-district:
/// its polygon; by unit: the extent of the unit's defects. Atomic: a failure or a cancel via
/// `feedback` leaves no file. Throws as exportMap(); InvalidInput when there is nothing to
/// put on pages (no draw, no sub-districts, no units with defects).
AtlasSummary exportAtlas(const CampaignMapData& data, const QString& path,
                         const AtlasOptions& options, core::Feedback& feedback);

} // namespace gis
