#include "gis/io/route_export.h"

#include "core/routing/route_layers.h"
#include "core/util/error.h"
#include "gis/io/vector_writer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace gis {

namespace {

Crs wgs84() {
    return Crs::fromEpsg(4326);
}

QString minutesText(double s) {
    return QStringLiteral("%1 min").arg(s / 60, 0, 'f', 0);
}

QString kmText(double m) {
    return QStringLiteral("%1 km").arg(m / 1000, 0, 'f', 2);
}

QJsonValue jsonValue(const QVariant& v) {
    if (v.isNull())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        return v.toLongLong();
    case QMetaType::Double:
        return v.toDouble();
    default:
        return v.toString();
    }
}

QJsonArray position(core::Point p) {
    // Seven decimals: centimetres, as RFC 7946 suggests not to overdo precision.
    return {std::round(p.x * 1e7) / 1e7, std::round(p.y * 1e7) / 1e7};
}

} // namespace

std::optional<RouteFormat> routeFormatForPath(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("gpx"))
        return RouteFormat::Gpx;
    if (ext == QLatin1String("kml"))
        return RouteFormat::Kml;
    if (ext == QLatin1String("geojson") || ext == QLatin1String("json"))
        return RouteFormat::GeoJson;
    if (ext == QLatin1String("pdf"))
        return RouteFormat::Pdf;
    return std::nullopt;
}

GpxDocument routeToGpx(const core::RoutePlan& plan, const Crs& working, const QString& title) {
    const CoordinateTransform toLonLat(working, wgs84());
    GpxDocument doc;
    doc.name = title;
    doc.time = QDateTime::currentDateTimeUtc();
    doc.description = QStringLiteral("%1 stops, %2 team(s), %3, longest day %4")
                          .arg(plan.stops.size() - plan.unreachable.size() - plan.unplaced.size())
                          .arg(plan.teams.size())
                          .arg(kmText(plan.totalDistanceM()), minutesText(plan.longestDayS()));
    if (plan.start)
        doc.waypoints.push_back({toLonLat.apply(*plan.start),
                                 QStringLiteral("00 起点 start"),
                                 {},
                                 QStringLiteral("start")});
    for (std::size_t t = 0; t < plan.teams.size(); ++t) {
        const core::TeamRoute& team = plan.teams[t];
        const int ti = static_cast<int>(t);
        std::vector<core::Point> at(plan.stops.size());
        for (const auto& s : team.stops)
            at[s] = plan.stops[s].location;
        // The waypoint sits where the route reaches the stop (on the road), not off it.
        for (const auto& leg : team.legs)
            if (leg.toStop >= 0 && !leg.alongStreet && !leg.geometry.empty())
                at[leg.toStop] = leg.geometry.back();
        for (std::size_t k = 0; k < team.stops.size(); ++k) {
            const core::Stop& s = plan.stops[team.stops[k]];
            GpxWaypoint w;
            w.lonLat = toLonLat.apply(at[team.stops[k]]);
            w.name = core::stopLabel(plan, ti, static_cast<int>(k) + 1);
            w.description = QStringLiteral("%1, dwell %2")
                                .arg(core::stopKindKey(s.kind), minutesText(s.dwellS()));
            w.type = core::stopKindKey(s.kind);
            doc.waypoints.push_back(std::move(w));
        }
        GpxTrack track;
        track.name =
            plan.teams.size() > 1 ? QStringLiteral("%1 T%2").arg(title).arg(ti + 1) : title;
        track.description =
            QStringLiteral("%1, travel %2, total %3")
                .arg(kmText(team.distanceM), minutesText(team.travelS), minutesText(team.totalS()));
        for (const auto& leg : team.legs) {
            if (leg.geometry.size() < 2)
                continue;
            std::vector<core::Point> seg = leg.geometry;
            toLonLat.apply(seg);
            track.segments.push_back(std::move(seg));
        }
        doc.tracks.push_back(std::move(track));
    }
    if (plan.end && !plan.roundTrip)
        doc.waypoints.push_back(
            {toLonLat.apply(*plan.end), QStringLiteral("99 终点 end"), {}, QStringLiteral("end")});
    return doc;
}

QByteArray routeToGeoJson(const core::RoutePlan& plan, const Crs& working) {
    const CoordinateTransform toLonLat(working, wgs84());
    QJsonArray features;
    for (const auto& layer : core::routeLayers(plan, working.authId())) {
        for (const auto& f : layer->features) {
            QJsonObject props{{QStringLiteral("layer"), layer->name}};
            for (std::size_t i = 0; i < layer->fields.size(); ++i)
                props[layer->fields[i].name] = jsonValue(f.attributes[i]);
            std::vector<core::Point> pts = f.geometry.points;
            toLonLat.apply(pts);
            QJsonObject geom;
            if (layer->kind == core::GeometryKind::Point) {
                geom[QStringLiteral("type")] = QStringLiteral("Point");
                geom[QStringLiteral("coordinates")] = position(pts.front());
            } else {
                QJsonArray coords;
                for (const auto& p : pts)
                    coords.append(position(p));
                geom[QStringLiteral("type")] = QStringLiteral("LineString");
                geom[QStringLiteral("coordinates")] = coords;
            }
            features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                        {QStringLiteral("geometry"), geom},
                                        {QStringLiteral("properties"), props}});
        }
    }
    const QJsonObject root{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                           {QStringLiteral("features"), features}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void exportRoute(const QString& path, const core::RoutePlan& plan, const Crs& working,
                 const QString& title, core::Feedback& feedback, const RouteSheetOptions& sheet) {
    const auto format = routeFormatForPath(path);
    if (!format)
        throw core::FormatError(
            QStringLiteral("cannot export a route to %1: unknown extension; use .gpx, .kml, "
                           ".geojson or .pdf")
                .arg(path));
    switch (*format) {
    case RouteFormat::Gpx:
        writeGpx(path, routeToGpx(plan, working, title));
        break;
    case RouteFormat::GeoJson: {
        QSaveFile file(path);
        const QByteArray bytes = routeToGeoJson(plan, working);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            throw core::IoError(
                QStringLiteral("cannot write GeoJSON file %1: %2").arg(path, file.errorString()));
        break;
    }
    case RouteFormat::Kml: {
        WriteOptions options;
        options.driver = QStringLiteral("KML");
        options.targetCrs = wgs84();
        writeVector(path, core::routeLayers(plan, working.authId()), options, feedback);
        break;
    }
    case RouteFormat::Pdf:
        writeRouteSheet(path, plan, working, title, sheet);
        break;
    }
    feedback.setProgress(100);
}

} // namespace gis
