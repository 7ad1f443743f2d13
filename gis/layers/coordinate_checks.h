#pragma once

#include "core/model/layer_data.h"
#include "gis/proj/crs.h"

#include <QString>

namespace gis {

/// What a file's name says about Chinese web-map coordinates. Files cut from Amap or Baidu are
/// often named for their source ("poi_amap.csv", "districts_gcj02.shp", "百度POI.xlsx") while
/// declaring WGS 84 or nothing at all.
struct OffsetHint {
    ChinaOffset offset = ChinaOffset::None;
    QString word; ///< the word of the name that says so ("gcj02", "amap", "百度")
};

/// The offset announced by the base name of `path`: the words gcj02/gcj/amap/gaode/autonavi/
/// tencent or 高德/腾讯/火星 mean GCJ-02, bd09/baidu/百度 mean BD-09. Latin words count only
/// when not part of a longer word ("amapola" says nothing); case and '-' are ignored.
OffsetHint offsetHintFromName(const QString& path);

/// The code that declares an offset system: "GCJ02", "BD09", or "EPSG:4326" for none.
QString offsetCrsCode(ChinaOffset offset);

/// A display name of an offset system: "WGS 84/CGCS2000", "GCJ-02 (Amap, Tencent)",
/// "BD-09 (Baidu)".
QString offsetSystemName(ChinaOffset offset);

/// For a point layer that also carries longitude/latitude columns (recognised as point tables
/// recognise them: lon/lng/longitude/经度, lat/latitude/纬度, ...), compares the points, read in
/// `source` (their declared CRS), with the columns. Returns "" when there are no such columns,
/// when they hold no lon/lat values, or when both agree (median gap under 50 m). Otherwise a
/// warning naming the file, the layer and the columns that gives the gap (median and maximum
/// over up to 2,000 evenly spread points) and whether the columns are the points converted by
/// a known web-map offset, and if that conversion says the geometry is not in the declared
/// system, which CRS to declare. Layers without a CRS are not checked. Thread: any.
QString checkLonLatColumns(const core::LayerData& layer, const Crs& source);

} // namespace gis
