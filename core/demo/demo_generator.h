#pragma once

#include "core/model/layer_data.h"
#include "core/util/feedback.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// How big a demo district to generate.
enum class DemoScale : std::uint8_t {
    District, ///< about 5 km across, a few thousand road segments (the shipped demo)
    City,     ///< about 45 km across, over 200,000 road segments (for load and speed tests)
};

/// The seed of the shipped demo district (data/demo/x_district.gpkg).
inline constexpr std::uint64_t kDemoDefaultSeed = 2021;
/// The CRS of the generated coordinates: CGCS2000 / 3-degree Gauss-Kruger CM 114E, metres.
inline constexpr int kDemoWorkingEpsg = 4547;
/// The CRS the demo dataset is stored in: CGCS2000 longitude/latitude.
inline constexpr int kDemoStorageEpsg = 4490;
/// Where the district lies: its centre in EPSG:4547 metres (lon 114.3335, lat 30.5443, in
/// Wuchang, Wuhan, Hubei).
inline constexpr double kDemoCentreEasting = 532000;
inline constexpr double kDemoCentreNorthing = 3380500;

struct DemoOptions {
    std::uint64_t seed = kDemoDefaultSeed;
    DemoScale scale = DemoScale::District;
};

/// The layers of a demo dataset, in the order generateDemoDistrict returns them:
/// district_boundary, subdistricts, roads, pois, facilities, compounds.
QStringList demoLayerNames();
/// "district" / "city".
QString demoScaleName(DemoScale scale);
/// The scale named "district" or "city" (case-insensitive), or nullopt.
std::optional<DemoScale> demoScaleFromName(const QString& name);
/// The file name the CLI writes: "x_district.gpkg" or "x_city.gpkg".
QString demoFileName(DemoScale scale);

/// Generates the synthetic district "X区": an irregular outline, 4-8 街道 tiling it along main
/// roads, a slightly irregular main-road grid with back streets filling the blocks (one line
/// feature per segment between junctions, OSM-like `highway`/`service`/`oneway` fields, Chinese
/// names), anchors of the six kinds as points (`pois`) and polygons (`facilities`) tagged so
/// OSM role rules match them (plus a Chinese `类型` field), residential compounds (`compounds`,
/// landuse=residential) clear of the streets, parks and public toilets.
///
/// Coordinates are metres in EPSG:4547 (crsAuthId of every layer); the caller reprojects to
/// EPSG:4490 for storage. The same options give bit-identical layers on every platform: the
/// draw uses DemoRandom and only correctly rounded arithmetic. Layers are indexed.
/// Thread: any. Progress 0-100 on `feedback`; throws OperationCanceled when cancelled.
std::vector<LayerPtr> generateDemoDistrict(const DemoOptions& options, Feedback& feedback);

} // namespace core
