#include "gis/proj/china_offsets.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gis {
namespace {

constexpr double kPi = std::numbers::pi;
// GCJ-02 was defined with the Krasovsky 1940 ellipsoid; using WGS84's a = 6378137 here is a
// known bug of several public ports that shifts results by decimetres.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyE2 = 0.00669342162296594323;
// BD-09 needs pi * 3000 / 180; ports that used plain pi are off by hundreds of metres.
constexpr double kXPi = kPi * 3000.0 / 180.0;

// The box of the eviltransform/PRCoords implementations: the widest of the published ones, so
// that border towns (Kashgar, Mohe) get the offset that Chinese map services apply there.
constexpr double kChinaMinLon = 72.004;
constexpr double kChinaMaxLon = 137.8347;
constexpr double kChinaMinLat = 0.8293;
constexpr double kChinaMaxLat = 55.8271;

// The inverses are fixed-point iterations; 1e-12 degrees is about 0.1 micrometre, and the
// iteration contracts by roughly 1e-5 per step, so it stops after 3-4 steps in practice.
constexpr double kInverseTolerance = 1e-12;
constexpr int kInverseMaxIterations = 20;

// The two polynomial-plus-harmonics offsets, in metres of arc (north, east).
double gcjNorthMetres(double x, double y) {
    double d =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    d += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    d += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    d += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return d;
}

double gcjEastMetres(double x, double y) {
    double d = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    d += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    d += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    d += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return d;
}

core::Point bd09Naive(core::Point bd) {
    const double x = bd.x - 0.0065;
    const double y = bd.y - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    return {z * std::cos(theta), z * std::sin(theta)};
}

// Solves forward(w) = target for w by w <- w - (forward(w) - target), starting at `start`.
// Both offsets are small and slowly varying, so the map is a strong contraction.
template <typename Forward>
core::Point invertByIteration(core::Point target, core::Point start, Forward forward) {
    core::Point w = start;
    for (int i = 0; i < kInverseMaxIterations; ++i) {
        const core::Point f = forward(w);
        const double dx = f.x - target.x;
        const double dy = f.y - target.y;
        w.x -= dx;
        w.y -= dy;
        if (!(std::max(std::abs(dx), std::abs(dy)) >= kInverseTolerance))
            break; // also stops on NaN input
    }
    return w;
}

} // namespace

bool insideChinaOffsetArea(core::Point lonLat) {
    return lonLat.x >= kChinaMinLon && lonLat.x <= kChinaMaxLon && lonLat.y >= kChinaMinLat &&
           lonLat.y <= kChinaMaxLat;
}

core::Point wgs84ToGcj02(core::Point lonLat) {
    if (!insideChinaOffsetArea(lonLat))
        return lonLat;
    const double x = lonLat.x - 105.0;
    const double y = lonLat.y - 35.0;
    const double phi = lonLat.y / 180.0 * kPi;
    const double sinPhi = std::sin(phi);
    const double m = 1.0 - kKrasovskyE2 * sinPhi * sinPhi;
    const double sqrtM = std::sqrt(m);
    const double meridianRadius = kKrasovskyA * (1.0 - kKrasovskyE2) / (m * sqrtM);
    const double parallelRadius = kKrasovskyA * std::cos(phi) / sqrtM;
    const double dLat = gcjNorthMetres(x, y) * 180.0 / (kPi * meridianRadius);
    const double dLon = gcjEastMetres(x, y) * 180.0 / (kPi * parallelRadius);
    return {lonLat.x + dLon, lonLat.y + dLat};
}

core::Point gcj02ToWgs84(core::Point lonLat) {
    // Outside the box the forward map is the identity, so is its inverse; starting the
    // iteration there could bounce across the box edge.
    if (!insideChinaOffsetArea(lonLat))
        return lonLat;
    return invertByIteration(lonLat, lonLat, wgs84ToGcj02);
}

core::Point gcj02ToBd09(core::Point lonLat) {
    const double x = lonLat.x;
    const double y = lonLat.y;
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

core::Point bd09ToGcj02(core::Point lonLat) {
    // The naive inverse is within 0.2 m; the iteration removes the rest.
    return invertByIteration(lonLat, bd09Naive(lonLat), gcj02ToBd09);
}

core::Point toWgs84(core::Point lonLat, ChinaOffset from) {
    switch (from) {
    case ChinaOffset::None:
        return lonLat;
    case ChinaOffset::Gcj02:
        return gcj02ToWgs84(lonLat);
    case ChinaOffset::Bd09:
        return gcj02ToWgs84(bd09ToGcj02(lonLat));
    }
    return lonLat;
}

core::Point fromWgs84(core::Point lonLat, ChinaOffset to) {
    switch (to) {
    case ChinaOffset::None:
        return lonLat;
    case ChinaOffset::Gcj02:
        return wgs84ToGcj02(lonLat);
    case ChinaOffset::Bd09:
        return gcj02ToBd09(wgs84ToGcj02(lonLat));
    }
    return lonLat;
}

} // namespace gis
