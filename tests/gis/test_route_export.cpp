// Route export: GPX 1.1 as the schema orders it, read back whole by GDAL's GPX driver and by
// gpxpy; GeoJSON in lon/lat; KML through GDAL.

#include "core/routing/road_graph.h"
#include "core/routing/route_plan.h"
#include "gis/io/gpx_writer.h"
#include "gis/io/route_export.h"
#include "gis/layers/layer_loader.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

// Debian's interpreter, where python3-gpxpy is installed (a pyenv python3 on PATH lacks it).
QString debianPython() {
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStringLiteral("python3");
}

// A small town block in UTM 31N (Andorra la Vella is near 379500 E, 4708500 N).
constexpr double kX = 379500;
constexpr double kY = 4708500;

core::RoadLine road(std::vector<core::Point> pts, const char* name) {
    core::RoadLine l;
    for (auto& p : pts)
        l.points.push_back({kX + p.x, kY + p.y});
    l.roadClass = core::RoadClass::Residential;
    l.name = QString::fromUtf8(name);
    return l;
}

struct Fixture {
    gis::Crs working = gis::Crs::fromEpsg(32631);
    core::RoadGraph graph;
    core::RoutePlan plan;

    explicit Fixture(int teams = 1) {
        graph = core::RoadGraph::build({road({{0, 0}, {300, 0}}, "Carrer Major 主街"),
                                        road({{300, 0}, {300, 300}}, "背街小巷一号"),
                                        road({{300, 300}, {0, 300}}, "Avinguda Meritxell"),
                                        road({{0, 300}, {0, 0}}, "Carrer de la Unió")});
        std::vector<core::Stop> stops;
        const std::vector<std::pair<core::Point, const char*>> places{
            {{310, 150}, "背街小巷一号"}, {{150, 310}, "阳光花园小区"}, {{-10, 150}, "Unió"}};
        for (std::size_t i = 0; i < places.size(); ++i) {
            core::Stop s;
            s.id = QStringLiteral("s%1").arg(i);
            s.name = QString::fromUtf8(places[i].second);
            s.kind = i == 1 ? core::StopKind::Compound : core::StopKind::Street;
            s.location = {kX + places[i].first.x, kY + places[i].first.y};
            stops.push_back(s);
        }
        core::RouteRequest req;
        req.start = core::Point{kX + 100, kY - 5};
        req.roundTrip = true;
        req.teams = teams;
        core::Feedback fb;
        plan = core::planRoute(graph, stops, req, fb);
    }
};

QString python(const QString& script, const QString& arg) {
    QProcess p;
    p.start(debianPython(), {QStringLiteral("-c"), script, arg});
    REQUIRE(p.waitForFinished(30000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("GPX output is GPX 1.1: namespace, version, creator, element order, UTF-8 names",
          "[route][export]") {
    Fixture fx;
    REQUIRE(fx.plan.teams.size() == 1);
    REQUIRE(fx.plan.teams[0].stops.size() == 3);
    const gis::GpxDocument doc = gis::routeToGpx(fx.plan, fx.working, QStringLiteral("测试路线"));
    REQUIRE(doc.waypoints.size() == 4); // the start and three stops
    const QByteArray bytes = gis::gpxBytes(doc);
    CHECK(bytes.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    CHECK(bytes.contains("阳光花园小区"));

    QXmlStreamReader xml(bytes);
    QStringList topLevel;
    int depth = 0;
    int trkpts = 0;
    QString rootNs;
    QString version;
    QString creator;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (depth == 1) {
                CHECK(xml.name() == QLatin1String("gpx"));
                rootNs = xml.namespaceUri().toString();
                version = xml.attributes().value(QLatin1String("version")).toString();
                creator = xml.attributes().value(QLatin1String("creator")).toString();
            } else if (depth == 2) {
                topLevel << xml.name().toString();
                CHECK(xml.namespaceUri() == QLatin1String("http://www.topografix.com/GPX/1/1"));
            }
            if (xml.name() == QLatin1String("trkpt"))
                ++trkpts;
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    CHECK(rootNs == QLatin1String("http://www.topografix.com/GPX/1/1"));
    CHECK(version == QLatin1String("1.1"));
    CHECK(creator == QLatin1String("PeriSurvey"));
    CHECK(topLevel == QStringList{QStringLiteral("metadata"), QStringLiteral("wpt"),
                                  QStringLiteral("wpt"), QStringLiteral("wpt"),
                                  QStringLiteral("wpt"), QStringLiteral("trk")});
    CHECK(trkpts > 4);
}

TEST_CASE("GPX reads back whole through GDAL's GPX driver and through gpxpy", "[route][export]") {
    Fixture fx;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("route.gpx"));
    core::Feedback fb;
    gis::exportRoute(path, fx.plan, fx.working, QStringLiteral("测试路线"), fb);
    const gis::GpxDocument doc = gis::routeToGpx(fx.plan, fx.working, QStringLiteral("测试路线"));
    std::size_t points = 0;
    for (const auto& seg : doc.tracks[0].segments)
        points += seg.size();

    SECTION("GDAL") {
        const gis::SourceDataset ds = gis::readDataset(path, {}, fb);
        std::size_t waypoints = 0;
        std::size_t trackPoints = 0;
        QStringList names;
        for (const auto& layer : ds.layers) {
            if (layer->name.endsWith(QLatin1String("waypoints"))) {
                waypoints = layer->features.size();
                const int nameField = layer->fieldIndex(QStringLiteral("name"));
                for (std::size_t f = 0; f < layer->features.size(); ++f)
                    names << layer->text(f, nameField);
            }
            if (layer->name.endsWith(QLatin1String("track_points")))
                trackPoints = layer->features.size();
        }
        CHECK(waypoints == 4);
        CHECK(trackPoints == points);
        CHECK(names.contains(QStringLiteral("02 阳光花园小区")) +
                  names.contains(QStringLiteral("01 阳光花园小区")) +
                  names.contains(QStringLiteral("03 阳光花园小区")) ==
              1);
    }
    SECTION("gpxpy") {
        const QString out = python(
            QStringLiteral("import sys, json, gpxpy\n"
                           "g = gpxpy.parse(open(sys.argv[1], encoding='utf-8'))\n"
                           "print(json.dumps({'version': g.version, 'creator': g.creator,\n"
                           " 'wpt': [w.name for w in g.waypoints],\n"
                           " 'trk': len(g.tracks),\n"
                           " 'pts': sum(len(s.points) for t in g.tracks for s in t.segments),\n"
                           " 'lat': g.waypoints[1].latitude, 'lon': g.waypoints[1].longitude},"
                           " ensure_ascii=False))\n"),
            path);
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        CHECK(o.value(QLatin1String("version")).toString() == QLatin1String("1.1"));
        CHECK(o.value(QLatin1String("creator")).toString() == QLatin1String("PeriSurvey"));
        const QJsonArray wpt = o.value(QLatin1String("wpt")).toArray();
        REQUIRE(wpt.size() == 4);
        CHECK(wpt[0].toString() == QStringLiteral("00 起点 start"));
        CHECK(o.value(QLatin1String("trk")).toInt() == 1);
        CHECK(o.value(QLatin1String("pts")).toInt() == static_cast<int>(points));
        // Andorra la Vella: the UTM 31N block lies near 1.52 E, 42.51 N.
        CHECK(o.value(QLatin1String("lon")).toDouble() == Approx(1.52).margin(0.02));
        CHECK(o.value(QLatin1String("lat")).toDouble() == Approx(42.51).margin(0.02));
    }
}

TEST_CASE("the route's distance and names add up on the block", "[route][export]") {
    Fixture fx;
    const auto& team = fx.plan.teams[0];
    // Around the 300 m block from the middle of the south side and back: 1200 m.
    CHECK(team.distanceM == Approx(1200).margin(0.5));
    CHECK(team.travelS == Approx(1200 / (4.5 / 3.6)).margin(1));
    // Dwell: two streets of 20 minutes and a compound of 20.
    CHECK(team.dwellS == Approx(3 * 20 * 60));
    QStringList streets;
    for (const auto& leg : team.legs)
        streets << leg.streets;
    CHECK(streets.contains(QStringLiteral("背街小巷一号")));
}

TEST_CASE("GeoJSON and KML exports", "[route][export]") {
    Fixture fx(2);
    QTemporaryDir dir;
    core::Feedback fb;
    SECTION("GeoJSON: stops and legs in lon/lat") {
        const QString path = dir.filePath(QStringLiteral("route.geojson"));
        gis::exportRoute(path, fx.plan, fx.working, QStringLiteral("t"), fb);
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        CHECK(root.value(QLatin1String("type")).toString() == QLatin1String("FeatureCollection"));
        int points = 0;
        int lines = 0;
        for (const auto& v : root.value(QLatin1String("features")).toArray()) {
            const QJsonObject geom = v.toObject().value(QLatin1String("geometry")).toObject();
            const QString type = geom.value(QLatin1String("type")).toString();
            if (type == QLatin1String("Point")) {
                ++points;
                const QJsonArray c = geom.value(QLatin1String("coordinates")).toArray();
                CHECK(c[0].toDouble() == Approx(1.52).margin(0.02));
                CHECK(c[1].toDouble() == Approx(42.51).margin(0.02));
            } else if (type == QLatin1String("LineString")) {
                ++lines;
            }
        }
        CHECK(points == 3 + 2); // three stops and the start once per team
        CHECK(lines >= 3);
    }
    SECTION("KML via GDAL") {
        const QString path = dir.filePath(QStringLiteral("route.kml"));
        gis::exportRoute(path, fx.plan, fx.working, QStringLiteral("t"), fb);
        const gis::SourceDataset ds = gis::readDataset(path, {}, fb);
        std::size_t features = 0;
        for (const auto& l : ds.layers)
            features += l->features.size();
        CHECK(features >= 5 + 3);
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll().contains("阳光花园小区"));
    }
    SECTION("an unknown extension is refused, naming it") {
        CHECK_THROWS_WITH(gis::exportRoute(dir.filePath(QStringLiteral("route.pdfx")), fx.plan,
                                           fx.working, QStringLiteral("t"), fb),
                          Catch::Contains("route.pdfx") && Catch::Contains(".gpx"));
    }
}
