#include "core/util/error.h"
#include "gis/proj/crs.h"

#include <cmath>

namespace gis {
namespace {

constexpr int kFirstCm = 75;
constexpr int kLastCm = 135;
constexpr int kFirstCmEpsg = 4534; // CGCS2000 / 3-degree Gauss-Kruger CM 75E
constexpr int kFirstZone = 25;
constexpr int kLastZone = 45;
constexpr int kFirstZoneEpsg = 4513; // CGCS2000 / 3-degree Gauss-Kruger zone 25
constexpr int kFirstSixDegreeZone = 13;
constexpr int kLastSixDegreeZone = 23;
constexpr int kFirstSixDegreeZoneEpsg = 4491; // CGCS2000 / Gauss-Kruger zone 13

constexpr double kMaxNorthing = 1e7;
constexpr double kZoneWidth = 1e6; // zone-prefixed eastings are zone * 1e6 + easting

bool isLonLatBox(const core::Box& b) {
    return b.minX >= -180.0 && b.maxX <= 180.0 && b.minY >= -90.0 && b.maxY <= 90.0;
}

bool northingsPlausible(const core::Box& b) {
    return b.minY >= 0.0 && b.maxY <= kMaxNorthing;
}

// The zone of a prefixed-easting box, or 0 when the box straddles two zones.
int prefixZone(const core::Box& b) {
    const int zone = static_cast<int>(std::floor(b.minX / kZoneWidth));
    return static_cast<int>(std::floor(b.maxX / kZoneWidth)) == zone ? zone : 0;
}

QString epsgId(int code) {
    return QStringLiteral("EPSG:%1").arg(code);
}

std::vector<CrsGuess> lonLatGuesses(const core::Box& b) {
    const bool china = insideChina({b.minX, b.minY}) && insideChina({b.maxX, b.maxY});
    std::vector<CrsGuess> guesses;
    if (china) {
        guesses.push_back(
            {epsgId(4490), QStringLiteral("Coordinates are longitudes and latitudes in China: "
                                          "assumed CGCS2000 (EPSG:4490), the national standard "
                                          "since 2008.")});
        guesses.push_back({epsgId(4326), QStringLiteral("Longitudes and latitudes from GPS "
                                                        "receivers are WGS 84 (EPSG:4326); it "
                                                        "differs from CGCS2000 by centimetres.")});
        guesses.push_back({QStringLiteral("GCJ02"),
                           QStringLiteral("If the points were picked on Amap, Tencent or Google "
                                          "China maps they are GCJ-02 and lie several hundred "
                                          "metres off.")});
        guesses.push_back({QStringLiteral("BD09"),
                           QStringLiteral("If the points were picked on Baidu maps they are BD-09 "
                                          "and lie about 1-1.5 km off.")});
    } else {
        guesses.push_back({epsgId(4326), QStringLiteral("Coordinates are longitudes and "
                                                        "latitudes outside China: assumed WGS 84 "
                                                        "(EPSG:4326).")});
    }
    return guesses;
}

} // namespace

int gaussKrugerCmEpsg(double lon) {
    if (!std::isfinite(lon))
        return 0;
    const double cm = 3.0 * std::round(lon / 3.0);
    if (cm < kFirstCm || cm > kLastCm)
        return 0;
    return kFirstCmEpsg + (static_cast<int>(cm) - kFirstCm) / 3;
}

int gaussKrugerZoneEpsg(int zone) {
    if (zone < kFirstZone || zone > kLastZone)
        return 0;
    return kFirstZoneEpsg + zone - kFirstZone;
}

int utmEpsg(core::Point lonLat) {
    // Longitudes outside -180..180 (data crossing the antimeridian) are wrapped first.
    double lon = std::fmod(lonLat.x + 180.0, 360.0);
    if (lon < 0)
        lon += 360.0;
    int zone = static_cast<int>(std::floor(lon / 6.0)) + 1;
    if (zone > 60)
        zone = 60;
    // Norway/Svalbard's widened zones (32V, 31X-37X) are ignored: the regular zone is still a
    // valid transverse Mercator there, with at most 1.5 zone widths of scale error.
    return (lonLat.y >= 0 ? 32600 : 32700) + zone;
}

bool insideChina(core::Point lonLat) {
    return lonLat.x >= 73.0 && lonLat.x <= 136.0 && lonLat.y >= 3.0 && lonLat.y <= 54.0;
}

Crs chooseWorkingCrs(core::Point lonLat) {
    if (!std::isfinite(lonLat.x) || !std::isfinite(lonLat.y) || std::abs(lonLat.y) > 90.0 ||
        std::abs(lonLat.x) > 540.0)
        throw core::CrsError(QStringLiteral("Cannot choose a working projection for (%1, %2): "
                                            "that is not a longitude/latitude in degrees.")
                                 .arg(lonLat.x, 0, 'g', 12)
                                 .arg(lonLat.y, 0, 'g', 12));
    if (insideChina(lonLat)) {
        const int code = gaussKrugerCmEpsg(lonLat.x);
        if (code != 0)
            return Crs::fromEpsg(code);
    }
    return Crs::fromEpsg(utmEpsg(lonLat));
}

std::vector<CrsGuess> guessCrs(const core::Box& extent) {
    if (extent.empty() || !std::isfinite(extent.minX) || !std::isfinite(extent.maxX) ||
        !std::isfinite(extent.minY) || !std::isfinite(extent.maxY))
        return {};

    if (isLonLatBox(extent))
        return lonLatGuesses(extent);

    if (!northingsPlausible(extent))
        return {};

    const int zone = prefixZone(extent);
    if (zone >= kFirstZone && zone <= kLastZone) {
        const int code = gaussKrugerZoneEpsg(zone);
        return {{epsgId(code),
                 QStringLiteral("Eastings %1 xxx xxx carry zone prefix %1 -> CGCS2000 3-degree "
                                "Gauss-Kruger zone %1 (EPSG:%2, central meridian %3E). Data "
                                "older than 2008 may instead be Beijing 1954 or Xian 1980 in "
                                "the same zone, which use other datums.")
                     .arg(zone)
                     .arg(code)
                     .arg(3 * zone)}};
    }
    if (zone >= kFirstSixDegreeZone && zone <= kLastSixDegreeZone) {
        const int code = kFirstSixDegreeZoneEpsg + zone - kFirstSixDegreeZone;
        return {{epsgId(code),
                 QStringLiteral("Eastings %1 xxx xxx carry zone prefix %1 -> CGCS2000 6-degree "
                                "Gauss-Kruger zone %1 (EPSG:%2, central meridian %3E).")
                     .arg(zone)
                     .arg(code)
                     .arg(6 * zone - 3)}};
    }
    if (extent.minX >= 0.0 && extent.maxX <= kZoneWidth) {
        return {{QString(),
                 QStringLiteral("Eastings between 0 and 1 000 000 m without a zone prefix look "
                                "like a CGCS2000 3-degree Gauss-Kruger projection with a 500 km "
                                "false easting (EPSG:4534-4554). Give the central meridian of "
                                "the area: the multiple of 3 degrees nearest to its longitude "
                                "(for example 114 for Wuhan, which is EPSG:4547).")}};
    }
    return {};
}

} // namespace gis
