// `perisurvey-cli route`: the inspectors' round through a draw's streets and compounds (or
// through given stops), ordered along the roads, split across teams, written for phones.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/model/roles.h"
#include "core/routing/road_network.h"
#include "core/routing/route_layers.h"
#include "core/routing/route_plan.h"
#include "core/routing/stop_places.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/analysis/draw_session.h"
#include "gis/io/map_export.h"
#include "gis/io/route_export.h"
#include "gis/layers/layer_loader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace cli {

namespace {

const char* const kSynopsis =
    "route CAMPAIGN|DRAW.gpkg|DATASET... [--draw ID] [--stops FILE | --stop LON,LAT ...] "
    "[--start LON,LAT] [--end LON,LAT | --round-trip] [--profile walk|drive|ebike] [--speed KMH] "
    "[--teams K] [--budget 4h] [--walk-streets] [--snap-tolerance M] [--seed N] [--rules FILE] "
    "[--out FILE.gpx|.kml|.geojson|.pdf] [--json]";

core::Error bad(const QString& message) {
    return core::Error(core::ErrorCode::InvalidInput, message);
}

core::Point lonLat(const QString& option, const QString& text) {
    const QStringList parts = text.split(QLatin1Char(','));
    bool ok1 = false;
    bool ok2 = false;
    const double lon = parts.value(0).trimmed().toDouble(&ok1);
    const double lat = parts.value(1).trimmed().toDouble(&ok2);
    if (parts.size() != 2 || !ok1 || !ok2 || std::abs(lon) > 180 || std::abs(lat) > 90)
        throw bad(QStringLiteral("--%1 takes LON,LAT in degrees (e.g. 1.5218,42.5075), not '%2'")
                      .arg(option, text));
    return {lon, lat};
}

double budgetMinutes(const QString& text) {
    static const QRegularExpression re(QStringLiteral(
        "^\\s*(?:(\\d+(?:\\.\\d+)?)\\s*h)?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:m|min)?)?\\s*$"));
    const auto m = re.match(text.toLower());
    if (text.trimmed().isEmpty() || !m.hasMatch() ||
        (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        throw bad(QStringLiteral("--budget takes a duration such as 4h, 3h30m or 240 (minutes), "
                                 "not '%1'")
                      .arg(text));
    return m.captured(1).toDouble() * 60 + m.captured(2).toDouble();
}

double number(const Args& args, const char* name, double fallback) {
    const QString key = QLatin1String(name);
    if (!args.has(key))
        return fallback;
    bool ok = false;
    const double v = args.value(key).toDouble(&ok);
    if (!ok || v < 0)
        throw bad(
            QStringLiteral("--%1 takes a positive number, not '%2'").arg(key, args.value(key)));
    return v;
}

QString nameOf(const core::LayerData& layer, std::size_t f) {
    for (const char* n : {"name:zh", "name", "名称", "NAME"}) {
        const QString v = layer.text(f, layer.fieldIndex(QString::fromUtf8(n)));
        if (!v.isEmpty())
            return v;
    }
    return {};
}

QString minutes(double s) {
    return QStringLiteral("%1 min").arg(s / 60, 0, 'f', 0);
}

// Where the stops and roads come from.
struct Inputs {
    QStringList datasets; ///< road datasets
    QString drawFile;     ///< a draw output file, or empty
    QString workingCrs;   ///< from the draw record, or empty
    QString drawId;
    /// The campaign when drawFile is one: opened once, read-write (its draw, the base map,
    /// and the route recorded in it).
    std::optional<core::Campaign> campaign;
};

Inputs resolveInputs(const Args& args) {
    Inputs in;
    const QStringList pos = args.positionals();
    if (pos.isEmpty())
        throw bad(QStringLiteral("route needs a draw file or at least one DATASET: %1")
                      .arg(QLatin1String(kSynopsis)));
    const bool givenStops = args.has(QStringLiteral("stops")) || args.has(QStringLiteral("stop"));
    if (pos.size() == 1 && !givenStops) {
        const QString wanted = args.value(QStringLiteral("draw"));
        in.drawFile = pos.front();
        if (core::Campaign::isCampaignFile(pos.front())) {
            in.campaign = core::Campaign::open(pos.front(), core::OpenMode::ReadWrite);
            // The campaign's current draw (the latest one not superseded), or the one named.
            const core::DrawRecord rec = in.campaign->requireDraw(wanted);
            in.workingCrs = rec.workingCrs;
            in.drawId = rec.drawId;
            for (const auto& ds : rec.inputs)
                in.datasets << ds.path;
            return in;
        }
        const auto records = gis::readDrawRecords(pos.front());
        const core::DrawRecord* rec = &records.back();
        if (!wanted.isEmpty()) {
            rec = nullptr;
            for (const auto& r : records)
                if (r.drawId == wanted || r.drawId.startsWith(wanted))
                    rec = &r;
            if (!rec)
                throw bad(QStringLiteral("%1 holds no draw %2").arg(pos.front(), wanted));
        }
        in.workingCrs = rec->workingCrs;
        in.drawId = rec->drawId;
        for (const auto& ds : rec->inputs)
            in.datasets << ds.path;
        return in;
    }
    if (!givenStops)
        throw bad(QStringLiteral("route on datasets needs stops: --stops FILE or --stop LON,LAT"));
    in.datasets = pos;
    return in;
}

} // namespace

int runRoute(Context& ctx) {
    const Args args(
        ctx.args,
        {QStringLiteral("draw"), QStringLiteral("stops"), QStringLiteral("stop"),
         QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("profile"),
         QStringLiteral("speed"), QStringLiteral("teams"), QStringLiteral("budget"),
         QStringLiteral("snap-tolerance"), QStringLiteral("seed"), QStringLiteral("rules"),
         QStringLiteral("out"), QStringLiteral("crs")},
        {QStringLiteral("round-trip"), QStringLiteral("json"), QStringLiteral("walk-streets")});
    Inputs in = resolveInputs(args);
    if (args.has(QStringLiteral("end")) && args.has(QStringLiteral("round-trip")))
        throw bad(QStringLiteral("give either --end or --round-trip, not both"));
    const QString modeName = args.value(QStringLiteral("profile"), QStringLiteral("walk"));
    const auto mode = core::travelModeFromName(modeName);
    if (!mode)
        throw bad(QStringLiteral("--profile takes walk, drive or ebike, not '%1'").arg(modeName));
    core::RouteRequest request;
    request.profile = core::RouteProfile::forMode(*mode);
    if (args.has(QStringLiteral("speed")))
        request.profile.setTopSpeedKmh(number(args, "speed", 0));
    request.teams = static_cast<int>(args.integer(QStringLiteral("teams"), 1));
    if (request.teams < 1 || request.teams > 50)
        throw bad(QStringLiteral("--teams takes a number from 1 to 50"));
    if (args.has(QStringLiteral("budget")))
        request.budgetMinutes = budgetMinutes(args.value(QStringLiteral("budget")));
    request.roundTrip = args.has(QStringLiteral("round-trip"));
    request.walkStreets = args.has(QStringLiteral("walk-streets"));
    request.seed = static_cast<std::uint64_t>(args.integer(QStringLiteral("seed"), 1));
    const QString out = args.value(QStringLiteral("out"));
    if (!out.isEmpty() && !gis::routeFormatForPath(out))
        throw bad(QStringLiteral("--out %1: the format comes from the extension: .gpx, .kml, "
                                 ".geojson or .pdf")
                      .arg(out));
    const core::RuleSet rules = args.has(QStringLiteral("rules"))
                                    ? core::RuleSet::fromFile(args.value(QStringLiteral("rules")))
                                    : core::RuleSet::defaults();

    // Load the roads in one working CRS.
    gis::OpenOptions options;
    options.crs = args.value(QStringLiteral("crs"));
    std::vector<gis::LayerInfo> infos;
    for (const QString& path : in.datasets) {
        const auto more = gis::inspectDataset(path, options);
        infos.insert(infos.end(), more.begin(), more.end());
    }
    const gis::Crs working = in.workingCrs.isEmpty() ? gis::workingCrsFor(infos)
                                                     : gis::Crs::fromUserInput(in.workingCrs);
    std::vector<core::LayerPtr> layers;
    QStringList warnings;
    for (const QString& path : in.datasets) {
        core::Feedback fb;
        auto ds = gis::loadDataset(path, working, options, fb);
        layers.insert(layers.end(), ds.layers.begin(), ds.layers.end());
        warnings << ds.warnings;
    }
    core::RoadGraphOptions graphOptions;
    graphOptions.snapToleranceM = number(args, "snap-tolerance", graphOptions.snapToleranceM);
    core::Feedback graphFeedback;
    const core::RoadGraph graph = core::buildRoadGraph(layers, rules, graphOptions, graphFeedback);
    if (graph.edgeCount() == 0)
        throw bad(QStringLiteral("no roads found in %1: route needs line layers of streets "
                                 "(OSM highway=*, or layers the role rules call back streets or "
                                 "main roads)")
                      .arg(in.datasets.join(QStringLiteral(", "))));

    // Stops: the draw's streets and compounds, or the ones given.
    const gis::CoordinateTransform fromLonLat(gis::Crs::fromEpsg(4326), working);
    std::vector<core::Stop> stops;
    auto addLayerStops = [&](const core::LayerData& layer, core::StopKind kind) {
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const QString name = nameOf(layer, f);
            const QString id = QStringLiteral("%1#%2").arg(layer.name).arg(layer.features[f].fid);
            stops.push_back(
                core::stopFromGeometry(layer.features[f].geometry, kind, id, name, graph));
        }
    };
    if (in.campaign) {
        core::Campaign& campaign = *in.campaign;
        addLayerStops(campaign.readDrawLayer(QStringLiteral("drawn_streets"), in.drawId),
                      core::StopKind::Street);
        addLayerStops(campaign.readDrawLayer(QStringLiteral("drawn_compounds"), in.drawId),
                      core::StopKind::Compound);
    } else if (!in.drawFile.isEmpty()) {
        core::Feedback fb;
        const auto plan = gis::loadDataset(in.drawFile, working, {}, fb);
        for (const auto& l : plan.layers) {
            if (l->name.endsWith(QLatin1String("drawn_streets")))
                addLayerStops(*l, core::StopKind::Street);
            else if (l->name.endsWith(QLatin1String("drawn_compounds")))
                addLayerStops(*l, core::StopKind::Compound);
        }
    }
    if (args.has(QStringLiteral("stops"))) {
        core::Feedback fb;
        const auto ds = gis::loadDataset(args.value(QStringLiteral("stops")), working, {}, fb);
        for (const auto& l : ds.layers)
            addLayerStops(*l, l->kind == core::GeometryKind::Line ? core::StopKind::Street
                                                                  : core::StopKind::Other);
    }
    int given = 0;
    for (const QString& s : args.values(QStringLiteral("stop"))) {
        core::Stop stop;
        stop.id = QStringLiteral("stop-%1").arg(++given);
        stop.name = QStringLiteral("stop %1").arg(given);
        stop.location = fromLonLat.apply(lonLat(QStringLiteral("stop"), s));
        stops.push_back(std::move(stop));
    }
    if (stops.empty())
        throw bad(QStringLiteral("no stops found: the draw has no drawn streets or compounds, or "
                                 "--stops holds no features"));
    if (args.has(QStringLiteral("start")))
        request.start =
            fromLonLat.apply(lonLat(QStringLiteral("start"), args.value(QStringLiteral("start"))));
    if (args.has(QStringLiteral("end")))
        request.end =
            fromLonLat.apply(lonLat(QStringLiteral("end"), args.value(QStringLiteral("end"))));

    core::Feedback planFeedback;
    const core::RoutePlan plan = core::planRoute(graph, stops, request, planFeedback);
    warnings << plan.warnings;
    if (!out.isEmpty()) {
        core::Feedback fb;
        const QString title =
            in.drawId.isEmpty()
                ? QStringLiteral("PeriSurvey route")
                : QStringLiteral("PeriSurvey route, draw %1").arg(in.drawId.left(8));
        gis::RouteSheetOptions sheet;
        if (out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) && in.campaign) {
            // The sheet's map shows the district, the ring and the drawn items under the route.
            core::Feedback mapFeedback;
            gis::CampaignMapData map =
                gis::loadCampaignMap(*in.campaign, in.drawId, false, mapFeedback);
            sheet.baseLayers = std::move(map.layers);
            sheet.usesOsm = map.usesOsm;
            sheet.subtitle = in.campaign->name();
        }
        gis::exportRoute(out, plan, working, title, fb, sheet);
    }

    // A route through a campaign's draw is kept in the campaign (route_stops, route_legs).
    QString routeId;
    if (in.campaign) {
        const QJsonObject summary{
            {QStringLiteral("profile"), core::travelModeName(plan.mode)},
            {QStringLiteral("teams"), static_cast<int>(plan.teams.size())},
            {QStringLiteral("stops"), static_cast<int>(plan.stops.size())},
            {QStringLiteral("unplaced"), static_cast<int>(plan.unplaced.size())},
            {QStringLiteral("unreachable"), static_cast<int>(plan.unreachable.size())},
            {QStringLiteral("total_distance_m"), plan.totalDistanceM()},
            {QStringLiteral("longest_day_min"), plan.longestDayS() / 60},
            {QStringLiteral("budget_min"), request.budgetMinutes},
            {QStringLiteral("round_trip"), request.roundTrip}};
        routeId = in.campaign->recordRoute(in.drawId, core::routeLayers(plan, working.authId()),
                                           QJsonDocument(summary).toJson(QJsonDocument::Compact),
                                           actorName({}));
    }

    if (args.has(QStringLiteral("json"))) {
        QJsonArray teams;
        for (std::size_t t = 0; t < plan.teams.size(); ++t) {
            const auto& team = plan.teams[t];
            QJsonArray legs;
            for (const auto& leg : team.legs)
                legs.append(QJsonObject{
                    {QStringLiteral("from"), leg.fromStop},
                    {QStringLiteral("to"), leg.toStop},
                    {QStringLiteral("along_street"), leg.alongStreet},
                    {QStringLiteral("distance_m"), leg.distanceM},
                    {QStringLiteral("minutes"), leg.travelS / 60},
                    {QStringLiteral("streets"), QJsonArray::fromStringList(leg.streets)}});
            QJsonArray order;
            for (std::size_t k = 0; k < team.stops.size(); ++k)
                order.append(QJsonObject{
                    {QStringLiteral("stop"), team.stops[k]},
                    {QStringLiteral("label"),
                     core::stopLabel(plan, static_cast<int>(t), static_cast<int>(k) + 1)}});
            teams.append(QJsonObject{{QStringLiteral("team"), static_cast<int>(t) + 1},
                                     {QStringLiteral("stops"), order},
                                     {QStringLiteral("legs"), legs},
                                     {QStringLiteral("distance_m"), team.distanceM},
                                     {QStringLiteral("travel_min"), team.travelS / 60},
                                     {QStringLiteral("dwell_min"), team.dwellS / 60},
                                     {QStringLiteral("total_min"), team.totalS() / 60}});
        }
        QJsonArray stopList;
        for (const auto& s : plan.stops)
            stopList.append(QJsonObject{{QStringLiteral("id"), s.id},
                                        {QStringLiteral("name"), s.name},
                                        {QStringLiteral("kind"), core::stopKindKey(s.kind)}});
        auto ints = [](const std::vector<int>& v) {
            QJsonArray a;
            for (const int i : v)
                a.append(i);
            return a;
        };
        QJsonArray components;
        for (std::size_t c = 0; c < graph.components().size() && c < 10; ++c) {
            const auto& comp = graph.components()[c];
            components.append(
                QJsonObject{{QStringLiteral("nodes"), static_cast<qint64>(comp.nodes)},
                            {QStringLiteral("length_m"), comp.lengthM}});
        }
        const QJsonObject root{
            {QStringLiteral("profile"), core::travelModeName(plan.mode)},
            {QStringLiteral("working_crs"), working.authId()},
            {QStringLiteral("draw_id"), in.drawId},
            {QStringLiteral("route_id"), routeId},
            {QStringLiteral("graph"),
             QJsonObject{
                 {QStringLiteral("nodes"), static_cast<qint64>(graph.nodeCount())},
                 {QStringLiteral("edges"), static_cast<qint64>(graph.edgeCount())},
                 {QStringLiteral("components"), static_cast<qint64>(graph.components().size())},
                 {QStringLiteral("largest_components"), components}}},
            {QStringLiteral("stops"), stopList},
            {QStringLiteral("teams"), teams},
            {QStringLiteral("unplaced"), ints(plan.unplaced)},
            {QStringLiteral("unreachable"), ints(plan.unreachable)},
            {QStringLiteral("exact_order"), plan.exactOrder},
            {QStringLiteral("total_distance_m"), plan.totalDistanceM()},
            {QStringLiteral("longest_day_min"), plan.longestDayS() / 60},
            {QStringLiteral("out"), out},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
        ctx.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Ok;
    }

    ctx.out << "Road graph: " << graph.nodeCount() << " nodes, " << graph.edgeCount() << " edges, "
            << graph.components().size() << " component(s); working CRS " << working.authId()
            << '\n';
    ctx.out << "Profile: " << core::travelModeName(plan.mode) << ", " << plan.stops.size()
            << " stops, " << plan.teams.size() << " team(s)"
            << (plan.exactOrder ? ", order proven optimal" : ", order by heuristic") << "\n\n";
    for (std::size_t t = 0; t < plan.teams.size(); ++t) {
        const auto& team = plan.teams[t];
        if (plan.teams.size() > 1)
            ctx.out << "Team " << t + 1 << '\n';
        for (const auto& leg : team.legs) {
            const QString to =
                leg.toStop < 0 ? QStringLiteral("back/end") : plan.stops[leg.toStop].name;
            ctx.out << "  " << (leg.alongStreet ? "walk along " : "to ") << to << ": "
                    << QString::number(leg.distanceM, 'f', 0) << " m, " << minutes(leg.travelS);
            if (!leg.streets.isEmpty())
                ctx.out << " via " << leg.streets.join(QStringLiteral(", "));
            ctx.out << '\n';
        }
        ctx.out << "  total: " << QString::number(team.distanceM / 1000, 'f', 2) << " km, travel "
                << minutes(team.travelS) << ", dwell " << minutes(team.dwellS) << ", day "
                << minutes(team.totalS()) << "\n\n";
    }
    for (const int u : plan.unplaced)
        ctx.out << "NOT PLACED (over budget): " << plan.stops[u].name << '\n';
    for (const auto& w : warnings)
        ctx.out << "WARNING: " << w << '\n';
    if (!routeId.isEmpty())
        ctx.out << "Route " << routeId << " recorded in " << in.drawFile << '\n';
    if (!out.isEmpty())
        ctx.out << "Written: " << out << '\n';
    return Ok;
}

} // namespace cli
