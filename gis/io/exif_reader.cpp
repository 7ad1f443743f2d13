#include "gis/io/exif_reader.h"

#include <QTimeZone>

#include <libexif/exif-data.h>
#include <libexif/exif-tag.h>
#include <libexif/exif-utils.h>

#include <cmath>
#include <cstring>
#include <memory>

namespace gis {

namespace {

struct ExifDataDeleter {
    void operator()(ExifData* d) const { exif_data_unref(d); }
};
using ExifDataPtr = std::unique_ptr<ExifData, ExifDataDeleter>;

QString asciiTag(ExifData* d, ExifIfd ifd, ExifTag tag) {
    ExifEntry* e = exif_content_get_entry(d->ifd[ifd], tag);
    if (!e || e->format != EXIF_FORMAT_ASCII || !e->data || e->size == 0)
        return {};
    return QString::fromLatin1(
               reinterpret_cast<const char*>(e->data),
               static_cast<qsizetype>(strnlen(reinterpret_cast<const char*>(e->data), e->size)))
        .trimmed();
}

std::optional<double> degrees(ExifData* d, ExifTag tag) {
    ExifEntry* e = exif_content_get_entry(d->ifd[EXIF_IFD_GPS], tag);
    if (!e || e->format != EXIF_FORMAT_RATIONAL || e->components < 3 || e->size < 24)
        return std::nullopt;
    const ExifByteOrder order = exif_data_get_byte_order(d);
    double parts[3];
    for (int i = 0; i < 3; ++i) {
        const ExifRational r = exif_get_rational(e->data + 8 * i, order);
        if (r.denominator == 0)
            return std::nullopt;
        parts[i] = static_cast<double>(r.numerator) / r.denominator;
    }
    return parts[0] + parts[1] / 60 + parts[2] / 3600;
}

QDateTime parseTime(const QString& text, const QString& offset, int utcOffsetMinutes) {
    QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!local.isValid())
        return {};
    int minutes = utcOffsetMinutes;
    // OffsetTimeOriginal looks like "+08:00".
    if (offset.size() == 6 && (offset[0] == QLatin1Char('+') || offset[0] == QLatin1Char('-'))) {
        const int sign = offset[0] == QLatin1Char('-') ? -1 : 1;
        minutes = sign * (offset.mid(1, 2).toInt() * 60 + offset.mid(4, 2).toInt());
    }
    return QDateTime(local.date(), local.time(), QTimeZone(minutes * 60)).toUTC();
}

} // namespace

ExifInfo readExif(const QByteArray& imageBytes, int utcOffsetMinutes) {
    ExifInfo info;
    if (imageBytes.size() < 4)
        return info;
    ExifDataPtr d(
        exif_data_new_from_data(reinterpret_cast<const unsigned char*>(imageBytes.constData()),
                                static_cast<unsigned int>(imageBytes.size())));
    if (!d)
        return info;
    QString when = asciiTag(d.get(), EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
    if (when.isEmpty())
        when = asciiTag(d.get(), EXIF_IFD_0, EXIF_TAG_DATE_TIME);
    // 0x9011 OffsetTimeOriginal is newer than libexif's tag table, so ask by number.
    const QString offset = asciiTag(d.get(), EXIF_IFD_EXIF, static_cast<ExifTag>(0x9011));
    info.time = parseTime(when, offset, utcOffsetMinutes);

    if (ExifEntry* o = exif_content_get_entry(d->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
        o && o->format == EXIF_FORMAT_SHORT && o->size >= 2) {
        const int v = exif_get_short(o->data, exif_data_get_byte_order(d.get()));
        if (v >= 1 && v <= 8)
            info.orientation = v;
    }

    const auto lat = degrees(d.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE));
    const auto lon = degrees(d.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE));
    if (lat && lon) {
        const QString latRef =
            asciiTag(d.get(), EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF));
        const QString lonRef =
            asciiTag(d.get(), EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF));
        const double y = latRef.startsWith(QLatin1Char('S')) ? -*lat : *lat;
        const double x = lonRef.startsWith(QLatin1Char('W')) ? -*lon : *lon;
        // Cameras without a fix write 0/0; that is "unknown", not the Gulf of Guinea.
        if (std::abs(y) <= 90 && std::abs(x) <= 180 && !(x == 0 && y == 0))
            info.lonLat = core::Point{x, y};
    }
    return info;
}

} // namespace gis
