#pragma once

#include "core/model/geometry.h"

namespace gis {

/// The obfuscating offsets of Chinese web maps applied on top of WGS84 lon/lat.
enum class ChinaOffset { None, Gcj02, Bd09 };

/// True inside the box where GCJ-02 applies (outside it GCJ-02 == WGS84): lon 72.004-137.8347,
/// lat 0.8293-55.8271 degrees, the box of the widely used eviltransform/PRCoords implementations.
///
/// All functions here are pure (thread-safe) and take and return degrees as (x = lon, y = lat).
/// Points outside the box pass through GCJ-02 unchanged; BD-09 applies everywhere.
bool insideChinaOffsetArea(core::Point lonLat);
/// WGS84 -> GCJ-02 (Amap, Tencent). Degrees in, degrees out.
core::Point wgs84ToGcj02(core::Point lonLat);
/// GCJ-02 -> WGS84 by the fixed-point inverse w <- w - (wgs84ToGcj02(w) - g), iterated until
/// the correction is below 1e-12 degrees (at most 20 steps): round trips agree to micrometres.
core::Point gcj02ToWgs84(core::Point lonLat);
/// GCJ-02 -> BD-09 (Baidu).
core::Point gcj02ToBd09(core::Point lonLat);
/// BD-09 -> GCJ-02 by the same fixed-point inverse of gcj02ToBd09 (the closed-form "naive"
/// inverse of public libraries is up to 0.2 m off; this one is exact to 1e-12 degrees).
core::Point bd09ToGcj02(core::Point lonLat);
/// From the given offset system to WGS84 (BD-09 goes through GCJ-02), and back. None is the
/// identity.
core::Point toWgs84(core::Point lonLat, ChinaOffset from);
core::Point fromWgs84(core::Point lonLat, ChinaOffset to);

} // namespace gis
