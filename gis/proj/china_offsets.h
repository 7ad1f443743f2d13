#pragma once

#include "core/model/geometry.h"

namespace gis {

/// The obfuscating offsets of Chinese web maps applied on top of WGS84 lon/lat.
enum class ChinaOffset { None, Gcj02, Bd09 };

/// True inside the box where GCJ-02 applies (outside it GCJ-02 == WGS84).
bool insideChinaOffsetArea(core::Point lonLat);
/// WGS84 -> GCJ-02 (Amap, Tencent). Degrees in, degrees out.
core::Point wgs84ToGcj02(core::Point lonLat);
/// GCJ-02 -> WGS84 by the iterative inverse (round trip error well under 0.01 m).
core::Point gcj02ToWgs84(core::Point lonLat);
/// GCJ-02 -> BD-09 (Baidu).
core::Point gcj02ToBd09(core::Point lonLat);
/// BD-09 -> GCJ-02 by the iterative inverse.
core::Point bd09ToGcj02(core::Point lonLat);
/// From the given offset system to WGS84, and back.
core::Point toWgs84(core::Point lonLat, ChinaOffset from);
core::Point fromWgs84(core::Point lonLat, ChinaOffset to);

} // namespace gis
