#pragma once

// Pieces of map pages shared by map_export.cpp and atlas_export.cpp (not a public API).

#include "gis/io/map_export.h"

#include <utility>
#include <vector>

namespace gis::detail {

/// A map page of `extent` with the base layers, the draw overlays, the marks and the legend,
/// attribution and footer filled in (no title).
core::MapPage atlasPage(const CampaignMapData& data, const core::Box& extent,
                        std::vector<core::DefectMark> marks, const core::DrawLayers& draw,
                        core::DefectStyle style);
/// Even-odd point-in-polygon over all rings of `polygon` (holes excluded).
bool containsPoint(const core::Geometry& polygon, core::Point p);
/// The sub-district polygons by name, sorted by name.
std::vector<std::pair<QString, const core::Geometry*>> subdistrictAreas(const CampaignMapData& d);
/// "PeriSurvey ... · date · CRS · 抽样 id".
QString pageFooter(const CampaignMapData& data);

} // namespace gis::detail
