#pragma once

#include "core/model/geometry.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace gis {

/// A GPX waypoint; coordinates are WGS84 longitude/latitude in degrees.
struct GpxWaypoint {
    core::Point lonLat;
    QString name;
    QString description;
    QString type;
};

/// A GPX track: one or more segments of WGS84 lon/lat points.
struct GpxTrack {
    QString name;
    QString description;
    std::vector<std::vector<core::Point>> segments;
};

/// What a GPX file holds (names and descriptions are any Unicode text; written as UTF-8).
struct GpxDocument {
    QString creator = QStringLiteral("PeriSurvey");
    QString name;
    QString description;
    QDateTime time; ///< written in UTC when valid
    std::vector<GpxWaypoint> waypoints;
    std::vector<GpxTrack> tracks;
};

/// The document as GPX 1.1 (namespace http://www.topografix.com/GPX/1/1, version="1.1"):
/// metadata (name, desc, time, bounds), then every wpt, then every trk, in the element order
/// the GPX 1.1 schema requires; UTF-8; coordinates with 7 decimals. Thread: any.
QByteArray gpxBytes(const GpxDocument& document);

/// Writes gpxBytes() to `path` atomically (a temporary file renamed on success, so a failure
/// leaves no partial file). Throws core::IoError naming the file. Thread: any.
void writeGpx(const QString& path, const GpxDocument& document);

} // namespace gis
