#pragma once

#include "core/model/geometry.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace gis {

/// What a photo's EXIF block says about where and when it was taken.
struct ExifInfo {
    QDateTime time;                    ///< DateTimeOriginal (else DateTime) as UTC; null if absent
    std::optional<core::Point> lonLat; ///< GPS position, WGS84 degrees (x = lon); absent if none
    int orientation = 1;               ///< EXIF orientation 1..8 (1 = upright)
};

/// Reads the EXIF block of a JPEG (other formats, or a JPEG without EXIF, give an empty
/// ExifInfo). EXIF times carry no zone unless OffsetTimeOriginal is present; otherwise they are
/// taken as local time at `utcOffsetMinutes` (China: +480). GPS fixes with a zero or
/// out-of-range position are ignored. Never throws for bad EXIF: a photo without usable
/// metadata is still a photo. Thread: any (libexif keeps no global state we use).
ExifInfo readExif(const QByteArray& imageBytes, int utcOffsetMinutes = 480);

} // namespace gis
