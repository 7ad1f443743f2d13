// A route through Andorra la Vella's back streets on the real OSM extract: the graph is built
// from the highway lines, the stops are real back streets, and the GPX reads back.

#include "app/cli/commands.h"
#include "core/model/roles.h"
#include "core/routing/road_network.h"
#include "core/routing/route_plan.h"
#include "core/routing/stop_places.h"
#include "gis/analysis/draw_session.h"
#include "gis/io/route_export.h"
#include "gis/layers/layer_loader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>

namespace cli {
int runRoute(Context& ctx);
}

namespace {

// Debian's interpreter, where python3-gpxpy is installed (a pyenv python3 on PATH lacks it).
QString debianPython() {
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStringLiteral("python3");
}

QString andorra() {
    return testing::realData(QStringLiteral("andorra/andorra-2021-06-22.osm.pbf"));
}

struct Andorra {
    gis::Crs working;
    std::vector<core::LayerPtr> layers;
    core::RoadGraph graph;
    Andorra() {
        gis::initGdal();
        working = gis::workingCrsFor(gis::inspectDataset(andorra()));
        core::Feedback fb;
        layers = gis::loadDataset(andorra(), working, {}, fb).layers;
        graph = core::buildRoadGraph(layers, core::RuleSet::defaults(), {}, fb);
    }
};

const Andorra& data() {
    static const Andorra a;
    return a;
}

} // namespace

TEST_CASE("andorra: the road graph covers the country's ways", "[route][realdata]") {
    REQUIRE_REAL_DATA();
    const auto& a = data();
    CHECK(a.working.authId() == QLatin1String("EPSG:32631"));
    // About 6,000 highway lines are cut at their junctions into more edges.
    CHECK(a.graph.edgeCount() > 8000);
    CHECK(a.graph.nodeCount() > 6000);
    REQUIRE_FALSE(a.graph.components().empty());
    // The main network holds most of the length; small islands (private estates, tracks cut by
    // the extract border) are reported separately.
    const double total = a.graph.totalLengthM();
    CHECK(a.graph.components()[0].lengthM > 0.8 * total);
    CHECK(total > 1'000'000); // well over 1,000 km of ways
    CHECK(a.graph.components().size() > 1);
}

TEST_CASE("andorra: a walking round through six back streets of Andorra la Vella",
          "[route][realdata]") {
    REQUIRE_REAL_DATA();
    const auto& a = data();
    const gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4326), a.working);
    const core::Point centre = toWorking.apply(core::Point{1.5218, 42.5075});
    const core::RuleSet rules = core::RuleSet::defaults();

    // Named back streets within 1.2 km of the centre, one per name, in name order.
    std::map<QString, core::Stop> byName;
    for (const auto& layer : a.layers) {
        if (layer->kind != core::GeometryKind::Line)
            continue;
        const auto masks = rules.classify(*layer);
        for (std::size_t f = 0; f < layer->features.size(); ++f) {
            if (!(masks[f] & core::roleBit(core::Role::BackStreet)))
                continue;
            const QString name = rules.featureName(*layer, f, core::Role::BackStreet);
            const auto& g = layer->features[f].geometry;
            const core::Point mid = core::labelPoint(g);
            if (name.isEmpty() || std::hypot(mid.x - centre.x, mid.y - centre.y) > 1200)
                continue;
            byName.try_emplace(name, core::stopFromGeometry(g, core::StopKind::Street,
                                                            QString::number(layer->features[f].fid),
                                                            name, a.graph));
        }
    }
    REQUIRE(byName.size() >= 6);
    std::vector<core::Stop> stops;
    for (auto it = byName.begin(); stops.size() < 6; ++it)
        stops.push_back(it->second);

    core::RouteRequest req;
    req.start = centre;
    req.roundTrip = true;
    core::Feedback fb;
    const core::RoutePlan plan = core::planRoute(a.graph, stops, req, fb);
    CHECK(plan.unreachable.empty());
    CHECK(plan.unplaced.empty());
    CHECK(plan.exactOrder);
    REQUIRE(plan.teams.size() == 1);
    const auto& team = plan.teams[0];
    CHECK(team.stops.size() == 6);
    REQUIRE(team.legs.size() == 7);
    for (const auto& leg : team.legs) {
        REQUIRE(leg.geometry.size() >= 2);
        const core::Point p = leg.geometry.front();
        const core::Point q = leg.geometry.back();
        CHECK(leg.distanceM >= std::hypot(q.x - p.x, q.y - p.y) - 1e-6);
        CHECK(leg.travelS == Approx(leg.distanceM / (4.5 / 3.6)).epsilon(0.5)); // steps slower
    }
    // Six stops within 1.2 km of the centre: a walk of a few km, and never absurd.
    CHECK(team.distanceM > 1000);
    CHECK(team.distanceM < 15000);
    CHECK(team.dwellS == Approx(6 * 20 * 60));
    QStringList streets;
    for (const auto& leg : team.legs)
        streets << leg.streets;
    for (const auto& s : stops)
        CHECK(streets.contains(s.name));

    // A day of two teams within 2 hours each.
    core::RouteRequest two = req;
    two.teams = 2;
    two.budgetMinutes = 120;
    const core::RoutePlan split = core::planRoute(a.graph, stops, two, fb);
    REQUIRE(split.teams.size() == 2);
    for (const auto& t : split.teams)
        CHECK(t.totalS() <= 120 * 60 + 1e-6);
    std::size_t placed = split.unplaced.size();
    for (const auto& t : split.teams)
        placed += t.stops.size();
    CHECK(placed == 6);
    CHECK(split.longestDayS() < plan.longestDayS());

    // GPX for the phones, read back by gpxpy.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("andorra.gpx"));
    gis::exportRoute(path, plan, a.working, QStringLiteral("Andorra la Vella"), fb);
    QProcess py;
    py.start(debianPython(),
             {QStringLiteral("-c"),
              QStringLiteral("import sys, gpxpy\n"
                             "g = gpxpy.parse(open(sys.argv[1], encoding='utf-8'))\n"
                             "print(len(g.waypoints), len(g.tracks), g.length_2d() if False "
                             "else round(g.tracks[0].length_2d()))\n"),
              path});
    REQUIRE(py.waitForFinished(30000));
    REQUIRE(py.exitCode() == 0);
    const QStringList out =
        QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    REQUIRE(out.size() == 3);
    CHECK(out[0].toInt() == 7);
    CHECK(out[1].toInt() == 1);
    // gpxpy measures the track on the sphere: within 1% of our metric-plane length.
    CHECK(out[2].toDouble() == Approx(team.distanceM).epsilon(0.01));
}

TEST_CASE("andorra: drive keeps to roads open to cars", "[route][realdata]") {
    REQUIRE_REAL_DATA();
    const auto& a = data();
    const gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4326), a.working);
    core::Router walk(a.graph, core::RouteProfile::walk());
    core::Router drive(a.graph, core::RouteProfile::drive());
    // Andorra la Vella centre to Escaldes-Engordany.
    const core::Point p = toWorking.apply(core::Point{1.5218, 42.5075});
    const core::Point q = toWorking.apply(core::Point{1.5340, 42.5095});
    const auto w = walk.route(*walk.snap(p), *walk.snap(q));
    const auto d = drive.route(*drive.snap(p), *drive.snap(q));
    REQUIRE(w.found);
    REQUIRE(d.found);
    CHECK(d.distanceM >= w.distanceM * 0.9);
    for (const auto& piece : d.pieces) {
        const auto c = a.graph.edge(piece.edge).roadClass;
        CHECK(drive.profile().allows(c));
    }
    CHECK(drive.components().size() >= 1);
}

TEST_CASE("andorra: the route command writes a GPX from a dataset and stops",
          "[route][realdata][cli]") {
    REQUIRE_REAL_DATA();
    QTemporaryDir dir;
    const QString gpx = dir.filePath(QStringLiteral("cli.gpx"));
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    cli::Context ctx{{andorra(), QStringLiteral("--stop"), QStringLiteral("1.5190,42.5060"),
                      QStringLiteral("--stop"), QStringLiteral("1.5250,42.5085"),
                      QStringLiteral("--stop"), QStringLiteral("1.5300,42.5100"),
                      QStringLiteral("--start"), QStringLiteral("1.5218,42.5075"),
                      QStringLiteral("--round-trip"), QStringLiteral("--out"), gpx,
                      QStringLiteral("--json")},
                     out,
                     err};
    REQUIRE(cli::runRoute(ctx) == cli::Ok);
    out.flush();
    const QJsonObject o = QJsonDocument::fromJson(outText.toUtf8()).object();
    CHECK(o.value(QLatin1String("profile")).toString() == QLatin1String("walk"));
    const QJsonArray teams = o.value(QLatin1String("teams")).toArray();
    REQUIRE(teams.size() == 1);
    CHECK(teams[0].toObject().value(QLatin1String("stops")).toArray().size() == 3);
    CHECK(o.value(QLatin1String("total_distance_m")).toDouble() > 1000);
    CHECK(QFileInfo::exists(gpx));
    core::Feedback fb;
    const auto ds = gis::readDataset(gpx, {}, fb);
    std::size_t waypoints = 0;
    for (const auto& l : ds.layers)
        if (l->name.endsWith(QLatin1String("waypoints")))
            waypoints = l->features.size();
    CHECK(waypoints == 4);
}

TEST_CASE("andorra: the route command plans a draw file's streets and compounds",
          "[route][realdata][cli]") {
    REQUIRE_REAL_DATA();
    gis::initGdal();
    QTemporaryDir dir;
    gis::DrawRequest request;
    request.datasets = {andorra()};
    request.seed = 20210622;
    request.params.anchorsPerKind = 1;
    request.params.kinds = {core::Role::School, core::Role::Hospital};
    core::Feedback fb;
    const gis::DrawRun run = gis::performDraw(request, fb);
    const QString planPath = dir.filePath(QStringLiteral("draw.gpkg"));
    gis::writeDrawOutput(planPath, run, fb);
    int drawn = 0;
    for (const auto& a : run.record.outcome.anchors)
        drawn += static_cast<int>(a.streets.items.size() + a.compounds.items.size());
    REQUIRE(drawn > 0);

    const QString gpx = dir.filePath(QStringLiteral("draw.gpx"));
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    cli::Context ctx{{planPath, QStringLiteral("--profile"), QStringLiteral("ebike"),
                      QStringLiteral("--teams"), QStringLiteral("2"), QStringLiteral("--budget"),
                      QStringLiteral("6h"), QStringLiteral("--out"), gpx, QStringLiteral("--json")},
                     out,
                     err};
    REQUIRE(cli::runRoute(ctx) == cli::Ok);
    out.flush();
    const QJsonObject o = QJsonDocument::fromJson(outText.toUtf8()).object();
    CHECK(o.value(QLatin1String("draw_id")).toString() == run.record.drawId);
    CHECK(o.value(QLatin1String("stops")).toArray().size() == drawn);
    int planned = o.value(QLatin1String("unplaced")).toArray().size() +
                  o.value(QLatin1String("unreachable")).toArray().size();
    for (const auto& t : o.value(QLatin1String("teams")).toArray()) {
        planned += t.toObject().value(QLatin1String("stops")).toArray().size();
        CHECK(t.toObject().value(QLatin1String("total_min")).toDouble() <= 360 + 1e-6);
    }
    CHECK(planned == drawn);
    QProcess py;
    py.start(debianPython(),
             {QStringLiteral("-c"),
              QStringLiteral("import sys, gpxpy\n"
                             "g = gpxpy.parse(open(sys.argv[1], encoding='utf-8'))\n"
                             "print(len(g.tracks))\n"),
              gpx});
    REQUIRE(py.waitForFinished(30000));
    REQUIRE(py.exitCode() == 0);
    CHECK(QString::fromUtf8(py.readAllStandardOutput()).trimmed() == QLatin1String("2"));
}
