#pragma once

#include "core/routing/road_graph.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace core {

/// How inspectors travel.
enum class TravelMode : std::uint8_t { Walk, Drive, Ebike };

/// "walk", "drive", "ebike".
QString travelModeName(TravelMode mode);
/// The mode named (case-insensitive; "e-bike" too), or nullopt.
std::optional<TravelMode> travelModeFromName(const QString& name);

/// Which roads a travel mode may use and how fast, per road class. Value type.
///
/// - walk: every walkable way (all but motorways) at one pace, steps slower; oneway ignored.
/// - drive: no footway, steps, path, pedestrian street or cycleway; oneway respected; urban
///   speeds by class.
/// - ebike: no motorway or steps; footways and pedestrian streets at walking pace (pushed);
///   oneway respected (wrong-way riding is itself a defect the inspectors note).
struct RouteProfile {
    TravelMode mode = TravelMode::Walk;
    std::array<double, kRoadClassCount> speedKmh{}; ///< 0 = closed to this mode
    bool respectOneway = false;

    static RouteProfile walk(double kmh = 4.5);
    static RouteProfile drive();
    static RouteProfile ebike(double kmh = 15);
    static RouteProfile forMode(TravelMode mode);

    bool allows(RoadClass c) const { return speedKmh[static_cast<std::size_t>(c)] > 0; }
    /// Metres per second on a class (0 when closed).
    double speedMps(RoadClass c) const { return speedKmh[static_cast<std::size_t>(c)] / 3.6; }
    /// The fastest speed of any class, m/s (the A* heuristic divides distance by it).
    double maxSpeedMps() const;
    /// Scales every open class so that the fastest runs at `kmh` (a configurable pace).
    void setTopSpeedKmh(double kmh);
    /// Whether the edge may be travelled from its `from` node to its `to` node (forward) or
    /// the other way.
    bool allowsForward(const RoadEdge& e) const {
        return allows(e.roadClass) && !(respectOneway && e.oneway == Oneway::Backward);
    }
    bool allowsBackward(const RoadEdge& e) const {
        return allows(e.roadClass) && !(respectOneway && e.oneway == Oneway::Forward);
    }
};

} // namespace core
