#include "core/routing/route_profile.h"

#include <algorithm>

namespace core {

namespace {

void set(RouteProfile& p, RoadClass c, double kmh) {
    p.speedKmh[static_cast<std::size_t>(c)] = kmh;
}

} // namespace

QString travelModeName(TravelMode mode) {
    switch (mode) {
    case TravelMode::Drive:
        return QStringLiteral("drive");
    case TravelMode::Ebike:
        return QStringLiteral("ebike");
    case TravelMode::Walk:
        break;
    }
    return QStringLiteral("walk");
}

std::optional<TravelMode> travelModeFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("walk") || n == QLatin1String("foot"))
        return TravelMode::Walk;
    if (n == QLatin1String("drive") || n == QLatin1String("car"))
        return TravelMode::Drive;
    if (n == QLatin1String("ebike") || n == QLatin1String("e-bike") || n == QLatin1String("bike"))
        return TravelMode::Ebike;
    return std::nullopt;
}

RouteProfile RouteProfile::walk(double kmh) {
    RouteProfile p;
    p.mode = TravelMode::Walk;
    p.speedKmh.fill(kmh);
    set(p, RoadClass::Motorway, 0);
    // Steps are climbed at about half the pace on the level.
    set(p, RoadClass::Steps, kmh * 0.5);
    return p;
}

RouteProfile RouteProfile::drive() {
    RouteProfile p;
    p.mode = TravelMode::Drive;
    p.respectOneway = true;
    // Urban speeds (km/h) with junction delays folded in; inspectors drive through town.
    set(p, RoadClass::Motorway, 80);
    set(p, RoadClass::Trunk, 50);
    set(p, RoadClass::Primary, 40);
    set(p, RoadClass::Secondary, 35);
    set(p, RoadClass::Tertiary, 30);
    set(p, RoadClass::Unclassified, 25);
    set(p, RoadClass::Residential, 20);
    set(p, RoadClass::LivingStreet, 10);
    set(p, RoadClass::Service, 15);
    set(p, RoadClass::Track, 10);
    set(p, RoadClass::Other, 25);
    return p;
}

RouteProfile RouteProfile::ebike(double kmh) {
    RouteProfile p;
    p.mode = TravelMode::Ebike;
    p.respectOneway = true;
    p.speedKmh.fill(kmh);
    set(p, RoadClass::Motorway, 0);
    set(p, RoadClass::Steps, 0);
    set(p, RoadClass::Track, kmh * 0.6);
    set(p, RoadClass::Path, kmh * 0.6);
    // On footways and pedestrian streets the bike is pushed.
    set(p, RoadClass::Footway, 4.5);
    set(p, RoadClass::Pedestrian, 4.5);
    return p;
}

RouteProfile RouteProfile::forMode(TravelMode mode) {
    switch (mode) {
    case TravelMode::Drive:
        return drive();
    case TravelMode::Ebike:
        return ebike();
    case TravelMode::Walk:
        break;
    }
    return walk();
}

double RouteProfile::maxSpeedMps() const {
    return *std::max_element(speedKmh.begin(), speedKmh.end()) / 3.6;
}

void RouteProfile::setTopSpeedKmh(double kmh) {
    const double top = *std::max_element(speedKmh.begin(), speedKmh.end());
    if (top <= 0 || kmh <= 0)
        return;
    for (auto& s : speedKmh)
        s *= kmh / top;
}

} // namespace core
