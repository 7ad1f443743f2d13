#include "core/util/error.h"
#include "gis/proj/china_offsets.h"
#include "gis/proj/crs.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using gis::ChinaOffset;
using gis::CoordinateTransform;
using gis::Crs;

namespace {

Crs crs(const char* definition) {
    return Crs::fromUserInput(QString::fromUtf8(definition));
}

// The message of the CrsError thrown by fromUserInput, or "" when it did not throw.
QString crsErrorFor(const QString& input) {
    try {
        Crs::fromUserInput(input);
    } catch (const core::CrsError& e) {
        return e.message();
    }
    return {};
}

void requireNear(core::Point actual, core::Point expected, double tolerance) {
    INFO("actual (" << actual.x << ", " << actual.y << ") expected (" << expected.x << ", "
                    << expected.y << ")");
    REQUIRE(std::abs(actual.x - expected.x) < tolerance);
    REQUIRE(std::abs(actual.y - expected.y) < tolerance);
}

// ESRI WKT as ArcGIS writes it into a shapefile's .prj for CGCS2000 GK CM 114E.
const char* const kEsriCm114 =
    R"(PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",)"
    R"(DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],)"
    R"(PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
    R"(PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],)"
    R"(PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";

const core::Point kBeijing{116.39, 39.91};

} // namespace

TEST_CASE("Gauss-Kruger CM codes follow the 3-degree zones", "[crs]") {
    CHECK(gis::gaussKrugerCmEpsg(114.3) == 4547); // Wuhan
    CHECK(gis::gaussKrugerCmEpsg(115.49) == 4547);
    CHECK(gis::gaussKrugerCmEpsg(115.51) == 4548); // CM 117
    CHECK(gis::gaussKrugerCmEpsg(112.51) == 4547);
    CHECK(gis::gaussKrugerCmEpsg(75.0) == 4534);
    CHECK(gis::gaussKrugerCmEpsg(135.0) == 4554);
    CHECK(gis::gaussKrugerCmEpsg(73.4) == 0);
    CHECK(gis::gaussKrugerCmEpsg(136.6) == 0);
    CHECK(gis::gaussKrugerCmEpsg(std::nan("")) == 0);

    CHECK(gis::gaussKrugerZoneEpsg(25) == 4513);
    CHECK(gis::gaussKrugerZoneEpsg(38) == 4526);
    CHECK(gis::gaussKrugerZoneEpsg(39) == 4527);
    CHECK(gis::gaussKrugerZoneEpsg(45) == 4533);
    CHECK(gis::gaussKrugerZoneEpsg(24) == 0);
    CHECK(gis::gaussKrugerZoneEpsg(46) == 0);
}

TEST_CASE("The codes really are the Gauss-Kruger CRSs they claim to be", "[crs]") {
    // Public code mislabels these codes; the EPSG database decides.
    CHECK(Crs::fromEpsg(4547).name() == QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger CM 114E"));
    CHECK(Crs::fromEpsg(4548).name() == QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger CM 117E"));
    CHECK(Crs::fromEpsg(4527).name() == QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger zone 39"));
}

TEST_CASE("The working CRS is the GK CM zone in China and UTM elsewhere", "[crs]") {
    CHECK(gis::chooseWorkingCrs({114.3, 30.6}).authId() == QStringLiteral("EPSG:4547"));
    CHECK(gis::chooseWorkingCrs({115.51, 30.6}).authId() == QStringLiteral("EPSG:4548"));
    CHECK(gis::chooseWorkingCrs({87.6, 43.8}).authId() == QStringLiteral("EPSG:4538"));   // Urumqi
    CHECK(gis::chooseWorkingCrs({1.52, 42.5}).authId() == QStringLiteral("EPSG:32631"));  // Andorra
    CHECK(gis::chooseWorkingCrs({139.7, 35.7}).authId() == QStringLiteral("EPSG:32654")); // Tokyo
    CHECK(gis::chooseWorkingCrs({151.2, -33.9}).authId() == QStringLiteral("EPSG:32756"));
    CHECK(gis::chooseWorkingCrs({-180.0, 10.0}).authId() == QStringLiteral("EPSG:32601"));
    CHECK(gis::utmEpsg({180.0, 10.0}) == 32601); // the antimeridian wraps, it is not zone 61
    CHECK(gis::utmEpsg({179.9, 10.0}) == 32660);
    CHECK_FALSE(gis::chooseWorkingCrs({114.3, 30.6}).isGeographic());
    CHECK_THROWS_AS(gis::chooseWorkingCrs({4.4e6, 39.0e6}), core::CrsError);
}

TEST_CASE("Lon/lat extents are guessed as CGCS2000 in China and WGS84 elsewhere", "[crs]") {
    const auto china = gis::guessCrs({114.1, 30.4, 114.6, 30.8});
    REQUIRE(china.size() >= 2);
    CHECK(china[0].code == QStringLiteral("EPSG:4490"));
    CHECK(china[1].code == QStringLiteral("EPSG:4326"));
    CHECK(china[0].reason.contains(QStringLiteral("CGCS2000")));
    for (const auto& guess : china) {
        CHECK_FALSE(guess.reason.isEmpty());
        CHECK_NOTHROW(Crs::fromUserInput(guess.code));
    }

    const auto france = gis::guessCrs({2.2, 48.8, 2.5, 48.9});
    REQUIRE(france.size() == 1);
    CHECK(france[0].code == QStringLiteral("EPSG:4326"));
    CHECK(france[0].reason.contains(QStringLiteral("WGS 84")));
}

TEST_CASE("Zone-prefixed eastings are guessed from their leading digits", "[crs]") {
    const auto guesses = gis::guessCrs({39.4e6, 4.3e6, 39.5e6, 4.4e6});
    REQUIRE(guesses.size() == 1);
    CHECK(guesses[0].code == QStringLiteral("EPSG:4527"));
    CHECK(guesses[0].reason.contains(QStringLiteral("zone prefix 39")));
    CHECK(guesses[0].reason.contains(QStringLiteral("EPSG:4527")));
    CHECK(guesses[0].reason.contains(QStringLiteral("117E")));

    const auto six = gis::guessCrs({20.3e6, 4.3e6, 20.4e6, 4.4e6});
    REQUIRE(six.size() == 1);
    CHECK(six[0].code == QStringLiteral("EPSG:4498")); // 6-degree zone 20, CM 117
    CHECK(Crs::fromEpsg(4498).name() == QStringLiteral("CGCS2000 / Gauss-Kruger zone 20"));

    // A box straddling two zones is not one zone's data.
    CHECK(gis::guessCrs({38.9e6, 4.3e6, 39.1e6, 4.4e6}).empty());
}

TEST_CASE("Plain eastings ask the user for the central meridian", "[crs]") {
    const auto guesses = gis::guessCrs({420000, 3.35e6, 580000, 3.40e6});
    REQUIRE(guesses.size() == 1);
    CHECK(guesses[0].code.isEmpty());
    CHECK(guesses[0].reason.contains(QStringLiteral("central meridian")));
    CHECK(gis::guessCrs({}).empty());
    CHECK(gis::guessCrs({-5e6, -5e6, -4e6, -4e6}).empty());
}

TEST_CASE("fromUserInput accepts EPSG codes in every usual spelling", "[crs]") {
    for (const char* spelling : {"EPSG:4547", "4547", "epsg:4547", "  EPSG:4547 "}) {
        INFO(spelling);
        const Crs c = crs(spelling);
        CHECK(c.isValid());
        CHECK(c.authId() == QStringLiteral("EPSG:4547"));
        CHECK(c.epsg() == 4547);
        CHECK_FALSE(c.isGeographic());
        CHECK(c.offset() == ChinaOffset::None);
        CHECK(c.wkt().startsWith(QStringLiteral("PROJCRS[")));
    }
    const Crs cgcs = crs("EPSG:4490");
    CHECK(cgcs.isGeographic());
    CHECK(cgcs.name() == QStringLiteral("China Geodetic Coordinate System 2000"));
}

TEST_CASE("fromUserInput accepts the web-map pseudo-CRSs", "[crs]") {
    for (const char* spelling : {"GCJ02", "GCJ-02", "gcj02", "gcj_02"}) {
        INFO(spelling);
        const Crs c = crs(spelling);
        CHECK(c.offset() == ChinaOffset::Gcj02);
        CHECK(c.authId() == QStringLiteral("GCJ02"));
        CHECK(c.isGeographic());
        CHECK(c.epsg() == 0);
        CHECK(c.wkt().contains(QStringLiteral("WGS 84")));
    }
    for (const char* spelling : {"BD09", "BD-09", "bd09"}) {
        INFO(spelling);
        const Crs c = crs(spelling);
        CHECK(c.offset() == ChinaOffset::Bd09);
        CHECK(c.authId() == QStringLiteral("BD09"));
        CHECK(c.isGeographic());
    }
}

TEST_CASE("fromUserInput identifies WKT and PROJ strings", "[crs]") {
    const Crs esri = Crs::fromUserInput(QString::fromUtf8(kEsriCm114));
    CHECK(esri.authId() == QStringLiteral("EPSG:4547"));
    CHECK(esri.isSameAs(Crs::fromEpsg(4547)));
    CHECK(Crs::fromWkt(QString::fromUtf8(kEsriCm114)).epsg() == 4547);

    const Crs fromWkt2 = Crs::fromUserInput(Crs::fromEpsg(4490).wkt());
    CHECK(fromWkt2.authId() == QStringLiteral("EPSG:4490"));

    const Crs utm = crs("+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs");
    CHECK(utm.authId() == QStringLiteral("EPSG:32650"));
    CHECK_FALSE(utm.isGeographic());

    // GRS80 without a datum is close to EPSG:4547 but not it: no code is claimed.
    const Crs bare = crs("+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 "
                         "+units=m +no_defs");
    CHECK(bare.isValid());
    CHECK(bare.authId().isEmpty());
    CHECK(bare.epsg() == 0);
    CHECK_FALSE(bare.name().isEmpty());
}

TEST_CASE("fromUserInput rejects what is not a CRS, naming the input", "[crs]") {
    for (const char* bad : {"foo", "EPSG:99999", "+proj=foo", "PROJCS[broken", "GCJ03"}) {
        INFO(bad);
        const QString message = crsErrorFor(QString::fromUtf8(bad));
        REQUIRE_FALSE(message.isEmpty());
        CHECK(message.contains(QString::fromUtf8(bad).remove(QStringLiteral("EPSG:"))));
        CHECK(message.contains(QStringLiteral("EPSG")));
    }
    const QString empty = crsErrorFor(QStringLiteral("   "));
    CHECK(empty.contains(QStringLiteral("GCJ02")));
    CHECK_THROWS_AS(Crs::fromEpsg(99999), core::CrsError);
    CHECK_THROWS_AS(Crs::fromWkt(QString()), core::CrsError);
    CHECK_FALSE(Crs().isValid());
    CHECK_THROWS_AS(CoordinateTransform(Crs(), Crs::fromEpsg(4326)), core::CrsError);
}

TEST_CASE("Transforms keep lon/lat and easting/northing in x/y order", "[crs][transform]") {
    // EPSG:4490 is lat-first and EPSG:4547 northing-first; we must not see either swap.
    const CoordinateTransform toGk(crs("EPSG:4490"), crs("EPSG:4547"));
    CHECK_FALSE(toGk.isIdentity());
    const core::Point gk = toGk.apply(kBeijing);
    // cs2cs EPSG:4490 EPSG:4547 gives northing 4422271.593, easting 704369.609 for this point
    // (2.39 degrees east of CM 114: about 204 km east of the 500 km false easting).
    CHECK(gk.x == Approx(704369.609).margin(0.01));
    CHECK(gk.y == Approx(4422271.593).margin(0.01));

    const CoordinateTransform back(crs("EPSG:4547"), crs("EPSG:4490"));
    requireNear(back.apply(gk), kBeijing, 1e-9);

    // WGS84 -> CGCS2000 is a ballpark (null) transformation: lon stays x.
    const CoordinateTransform wgsToCgcs(crs("EPSG:4326"), crs("EPSG:4490"));
    CHECK_FALSE(wgsToCgcs.isIdentity());
    requireNear(wgsToCgcs.apply(kBeijing), kBeijing, 1e-9);
}

TEST_CASE("Same definitions give an identity transform", "[crs][transform]") {
    CHECK(CoordinateTransform(crs("EPSG:4547"), crs("4547")).isIdentity());
    CHECK(CoordinateTransform(crs("EPSG:4547"), Crs::fromWkt(QString::fromUtf8(kEsriCm114)))
              .isIdentity());
    CHECK(CoordinateTransform(crs("GCJ02"), crs("gcj-02")).isIdentity());
    CHECK_FALSE(CoordinateTransform(crs("GCJ02"), crs("EPSG:4326")).isIdentity());
    CHECK_FALSE(CoordinateTransform(crs("GCJ02"), crs("BD09")).isIdentity());
    const CoordinateTransform same(crs("EPSG:4547"), crs("EPSG:4547"));
    CHECK(same.apply(core::Point{1.0, 2.0}) == core::Point{1.0, 2.0});
}

TEST_CASE("Pseudo-CRS transforms apply the China offsets around PROJ", "[crs][transform]") {
    const core::Point gcj{116.403671626, 39.910633506};
    const CoordinateTransform gcjToCgcs(crs("GCJ02"), crs("EPSG:4490"));
    requireNear(gcjToCgcs.apply(gcj), gis::gcj02ToWgs84(gcj), 1e-12);

    const CoordinateTransform cgcsToBd(crs("EPSG:4490"), crs("BD09"));
    requireNear(cgcsToBd.apply(kBeijing), gis::fromWgs84(kBeijing, ChinaOffset::Bd09), 1e-12);

    const CoordinateTransform gcjToBd(crs("GCJ02"), crs("BD09"));
    requireNear(gcjToBd.apply(gcj), gis::gcj02ToBd09(gcj), 1e-12);
    const CoordinateTransform bdToGcj(crs("BD09"), crs("GCJ02"));
    requireNear(bdToGcj.apply(gis::gcj02ToBd09(gcj)), gcj, 1e-11);

    // GCJ-02 straight into the metric working CRS equals the two steps.
    const CoordinateTransform gcjToGk(crs("GCJ02"), crs("EPSG:4547"));
    const CoordinateTransform cgcsToGk(crs("EPSG:4490"), crs("EPSG:4547"));
    requireNear(gcjToGk.apply(gcj), cgcsToGk.apply(gis::gcj02ToWgs84(gcj)), 1e-6);
    // And the GK coordinates differ by the ~555 m offset from transforming GCJ as if WGS84.
    const core::Point naive = cgcsToGk.apply(gcj);
    const core::Point proper = gcjToGk.apply(gcj);
    CHECK(std::hypot(naive.x - proper.x, naive.y - proper.y) == Approx(555.0).margin(5.0));
}

TEST_CASE("Batch transforms equal point transforms and fail whole", "[crs][transform]") {
    const CoordinateTransform toGk(crs("EPSG:4490"), crs("EPSG:4547"));
    std::vector<core::Point> points;
    for (int i = 0; i < 2000; ++i)
        points.push_back({113.0 + i * 0.001, 30.0 + i * 0.0005});
    std::vector<core::Point> batch = points;
    toGk.apply(batch);
    REQUIRE(batch.size() == points.size());
    for (std::size_t i = 0; i < points.size(); i += 97)
        requireNear(batch[i], toGk.apply(points[i]), 1e-6);

    core::Geometry line = core::Geometry::line({{114.0, 30.0}, {114.0, 31.0}});
    toGk.apply(line);
    CHECK(line.points[0].x == Approx(500000.0).margin(1e-6)); // on the central meridian
    CHECK(line.points[1].y - line.points[0].y == Approx(110850.0).margin(100.0));

    std::vector<core::Point> withBad = {{114.0, 30.0}, {116.39, 95.0}, {115.0, 31.0}};
    const std::vector<core::Point> before = withBad;
    try {
        toGk.apply(withBad);
        FAIL("a latitude of 95 degrees was transformed");
    } catch (const core::CrsError& e) {
        CHECK(e.message().contains(QStringLiteral("(116.39, 95)")));
        CHECK(e.message().contains(QStringLiteral("EPSG:4547")));
    }
    CHECK(withBad == before);
    CHECK_THROWS_AS(toGk.apply(core::Point{116.39, 95.0}), core::CrsError);
}

TEST_CASE("A transform can be moved", "[crs][transform]") {
    CoordinateTransform a(crs("EPSG:4490"), crs("EPSG:4547"));
    CoordinateTransform b = std::move(a);
    CHECK(b.apply(kBeijing).x == Approx(704369.609).margin(0.01));
    CoordinateTransform c(crs("GCJ02"), crs("EPSG:4326"));
    c = std::move(b);
    CHECK(c.apply(kBeijing).y == Approx(4422271.593).margin(0.01));
}

TEST_CASE("Geodesic distance matches the ellipsoid", "[crs][distance]") {
    // One degree of longitude on the equator is a * pi / 180.
    CHECK(gis::geodesicDistance({0.0, 0.0}, {1.0, 0.0}) ==
          Approx(6378137.0 * std::numbers::pi / 180.0).margin(1e-6));
    CHECK(gis::geodesicDistance(kBeijing, kBeijing) == 0.0);
}

TEST_CASE("2 km in the GK working CRS is 2 km on the ground up to the scale factor",
          "[crs][distance]") {
    const CoordinateTransform toGk(crs("EPSG:4490"), crs("EPSG:4547"));
    const CoordinateTransform toLonLat(crs("EPSG:4547"), crs("EPSG:4490"));
    const core::Point start = toGk.apply(kBeijing);
    const core::Point end{start.x + 2000.0, start.y};
    const double ground = gis::geodesicDistance(toLonLat.apply(start), toLonLat.apply(end));

    // Transverse Mercator stretches grid distances by k = 1 + x^2/(2R^2) + x^4/(24R^4), x the
    // distance from the central meridian and R the Gaussian radius at the latitude. Beijing is
    // ~205 km off CM 114, so k ~ 1.00052: 2000 grid metres are ~1998.97 m on the ground. That
    // is why metric work must correct for the scale, or stay within 2 m at 2 km as asserted last.
    const double a = 6378137.0;
    const double e2 = 0.00669438002290; // CGCS2000/GRS80
    const double phi = kBeijing.y * std::numbers::pi / 180.0;
    const double w = 1.0 - e2 * std::sin(phi) * std::sin(phi);
    const double r2 = (a * (1.0 - e2) / std::pow(w, 1.5)) * (a / std::sqrt(w));
    const double x = (start.x + end.x) / 2.0 - 500000.0;
    const double k = 1.0 + x * x / (2.0 * r2) + x * x * x * x / (24.0 * r2 * r2);
    INFO("ground " << ground << " m, scale factor " << k);
    CHECK(k > 1.0005);
    CHECK(ground == Approx(2000.0 / k).margin(0.01));
    CHECK(std::abs(ground - 2000.0) < 2.0);
}
