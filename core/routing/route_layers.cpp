#include "core/routing/route_layers.h"

#include <memory>

namespace core {

QString stopLabel(const RoutePlan& plan, int team, int position) {
    const QString seq = QStringLiteral("%1").arg(position, 2, 10, QLatin1Char('0'));
    const TeamRoute& t = plan.teams[team];
    const Stop& s = plan.stops[t.stops[position - 1]];
    const QString name = s.name.isEmpty() ? s.id : s.name;
    if (plan.teams.size() > 1)
        return QStringLiteral("T%1-%2 %3").arg(team + 1).arg(seq, name);
    return QStringLiteral("%1 %2").arg(seq, name);
}

std::vector<LayerPtr> routeLayers(const RoutePlan& plan, const QString& crsAuthId) {
    auto stops = std::make_shared<LayerData>();
    stops->name = QStringLiteral("route_stops");
    stops->kind = GeometryKind::Point;
    stops->crsAuthId = crsAuthId;
    for (const char* f : {"label", "stop_id", "name", "kind"})
        stops->fields.push_back({QString::fromLatin1(f), FieldType::String});
    stops->fields.insert(stops->fields.begin(), {{QStringLiteral("team"), FieldType::Integer},
                                                 {QStringLiteral("seq"), FieldType::Integer}});
    for (const char* f : {"dwell_min", "arrive_min", "leg_m"})
        stops->fields.push_back({QString::fromLatin1(f), FieldType::Real});

    auto legs = std::make_shared<LayerData>();
    legs->name = QStringLiteral("route_legs");
    legs->kind = GeometryKind::Line;
    legs->crsAuthId = crsAuthId;
    legs->fields = {{QStringLiteral("team"), FieldType::Integer},
                    {QStringLiteral("seq"), FieldType::Integer},
                    {QStringLiteral("from_label"), FieldType::String},
                    {QStringLiteral("to_label"), FieldType::String},
                    {QStringLiteral("along_street"), FieldType::Integer},
                    {QStringLiteral("distance_m"), FieldType::Real},
                    {QStringLiteral("minutes"), FieldType::Real},
                    {QStringLiteral("streets"), FieldType::String}};

    std::int64_t fid = 1;
    auto endStop = [&](Point p, const char* kind, int team) {
        Feature f;
        f.fid = fid++;
        f.geometry = Geometry::point(p);
        const QString k = QString::fromLatin1(kind);
        f.attributes = {team + 1, 0, k, k, k, k, 0.0, QVariant(), 0.0};
        stops->features.push_back(std::move(f));
    };
    std::int64_t legFid = 1;
    for (std::size_t t = 0; t < plan.teams.size(); ++t) {
        const TeamRoute& team = plan.teams[t];
        const int ti = static_cast<int>(t);
        if (plan.start)
            endStop(*plan.start, "start", ti);
        auto label = [&](int stop) -> QString {
            if (stop < 0)
                return plan.roundTrip ? QStringLiteral("start") : QStringLiteral("end");
            for (std::size_t k = 0; k < team.stops.size(); ++k)
                if (team.stops[k] == stop)
                    return stopLabel(plan, ti, static_cast<int>(k) + 1);
            return {};
        };
        double clock = 0;
        int seq = 0;
        int legSeq = 0;
        auto addStop = [&](int stop, Point at, double legM) {
            const Stop& s = plan.stops[stop];
            ++seq;
            Feature f;
            f.fid = fid++;
            f.geometry = Geometry::point(at);
            f.attributes = {ti + 1,
                            seq,
                            stopLabel(plan, ti, seq),
                            s.id,
                            s.name,
                            stopKindKey(s.kind),
                            s.dwellS() / 60,
                            clock / 60,
                            legM};
            stops->features.push_back(std::move(f));
            clock += s.dwellS();
        };
        // Without a start the day begins at its first stop.
        if (!plan.start && !team.stops.empty())
            addStop(team.stops.front(), plan.stops[team.stops.front()].location, 0);
        for (const RouteLeg& leg : team.legs) {
            clock += leg.travelS;
            Feature lf;
            lf.fid = legFid++;
            lf.geometry = Geometry::line(leg.geometry);
            lf.attributes = {ti + 1,
                             ++legSeq,
                             leg.fromStop < 0 ? QStringLiteral("start") : label(leg.fromStop),
                             label(leg.toStop),
                             leg.alongStreet ? 1 : 0,
                             leg.distanceM,
                             leg.travelS / 60,
                             leg.streets.join(QStringLiteral(", "))};
            legs->features.push_back(std::move(lf));
            if (leg.alongStreet || leg.toStop < 0 || seq >= static_cast<int>(team.stops.size()))
                continue;
            addStop(leg.toStop,
                    leg.geometry.empty() ? plan.stops[leg.toStop].location : leg.geometry.back(),
                    leg.distanceM);
        }
        if (plan.end && !plan.roundTrip)
            endStop(*plan.end, "end", ti);
    }
    stops->buildIndex();
    legs->buildIndex();
    return {stops, legs};
}

} // namespace core
