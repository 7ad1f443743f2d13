#pragma once

// Builds small JPEGs with a hand-made EXIF block (orientation, DateTimeOriginal, GPS), so the
// photo tests need no binary fixtures.

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QtEndian>

#include <cmath>

namespace testing {

namespace detail {

inline void put16(QByteArray& b, quint16 v) {
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}
inline void put32(QByteArray& b, quint32 v) {
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}
inline void entry(QByteArray& b, quint16 tag, quint16 type, quint32 count, quint32 value) {
    put16(b, tag);
    put16(b, type);
    put32(b, count);
    put32(b, value);
}
inline void dms(QByteArray& b, double deg) {
    const double a = std::abs(deg);
    const auto d = static_cast<quint32>(a);
    const auto m = static_cast<quint32>((a - d) * 60);
    const auto s = static_cast<quint32>(std::llround(((a - d) * 60 - m) * 60 * 10000));
    for (auto [n, den] : {std::pair{d, 1u}, std::pair{m, 1u}, std::pair{s, 10000u}}) {
        put32(b, n);
        put32(b, den);
    }
}

} // namespace detail

/// A little-endian TIFF/EXIF block: IFD0 (orientation, Exif and GPS pointers), the Exif IFD
/// (DateTimeOriginal "YYYY:MM:DD HH:MM:SS") and the GPS IFD (N/E degrees).
inline QByteArray exifBlock(int orientation, const char* dateTime, double lat, double lon) {
    using namespace detail;
    QByteArray t("II*\0", 4);
    put32(t, 8);
    const quint32 exifOff = 8 + 2 + 3 * 12 + 4, dateOff = exifOff + 2 + 12 + 4;
    const quint32 gpsOff = dateOff + 20, latOff = gpsOff + 2 + 4 * 12 + 4, lonOff = latOff + 24;
    put16(t, 3);
    entry(t, 0x0112, 3, 1, static_cast<quint32>(orientation));
    entry(t, 0x8769, 4, 1, exifOff);
    entry(t, 0x8825, 4, 1, gpsOff);
    put32(t, 0);
    put16(t, 1);
    entry(t, 0x9003, 2, 20, dateOff);
    put32(t, 0);
    t.append(dateTime, 19);
    t.append('\0');
    put16(t, 4);
    entry(t, 0x0001, 2, 2, lat < 0 ? 'S' : 'N');
    entry(t, 0x0002, 5, 3, latOff);
    entry(t, 0x0003, 2, 2, lon < 0 ? 'W' : 'E');
    entry(t, 0x0004, 5, 3, lonOff);
    put32(t, 0);
    dms(t, lat);
    dms(t, lon);
    return t;
}

/// A w x h JPEG (left half red, right half blue), with an APP1 EXIF segment when `exif` is set.
inline QByteArray jpeg(int w, int h, const QByteArray& exif = {}, int seed = 0) {
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(Qt::blue);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w / 2; ++x)
            img.setPixel(x, y, qRgb(255, seed % 256, 0));
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "JPEG", 90);
    if (exif.isEmpty())
        return out;
    QByteArray app1("\xFF\xE1", 2);
    const int len = 2 + 6 + static_cast<int>(exif.size());
    app1.append(static_cast<char>(len >> 8)).append(static_cast<char>(len & 0xff));
    app1.append("Exif\0\0", 6).append(exif);
    return out.left(2) + app1 + out.mid(2);
}

} // namespace testing
