#include "gis/io/osm_integrity.h"

#include <QFile>
#include <QFileInfo>

namespace gis {

namespace {

bool readVarint(const char*& p, const char* end, std::uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const auto byte = static_cast<std::uint8_t>(*p++);
        out |= std::uint64_t(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// Returns the BlobHeader's datasize (field 3), or -1 when the header is malformed.
std::int64_t blobDataSize(const QByteArray& header) {
    const char* p = header.constData();
    const char* end = p + header.size();
    std::int64_t datasize = -1;
    while (p < end) {
        std::uint64_t key = 0;
        if (!readVarint(p, end, key))
            return -1;
        const auto field = key >> 3;
        const auto wire = key & 7;
        if (wire == 0) {
            std::uint64_t v = 0;
            if (!readVarint(p, end, v))
                return -1;
            if (field == 3)
                datasize = static_cast<std::int64_t>(v);
        } else if (wire == 2) {
            std::uint64_t len = 0;
            if (!readVarint(p, end, len) || len > std::uint64_t(end - p))
                return -1;
            p += len;
        } else {
            return -1;
        }
    }
    return datasize;
}

OsmIntegrity checkPbf(const QString& path) {
    OsmIntegrity r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.complete = false;
        r.problem = QStringLiteral("%1 cannot be read: %2").arg(path, f.errorString());
        return r;
    }
    const qint64 size = f.size();
    qint64 pos = 0;
    while (pos < size) {
        if (size - pos < 4) {
            r.complete = false;
            r.problem = QStringLiteral("%1 is cut short: %2 stray bytes after the last complete "
                                       "block at byte %3")
                            .arg(path)
                            .arg(size - pos)
                            .arg(pos);
            return r;
        }
        f.seek(pos);
        const QByteArray len4 = f.read(4);
        const auto* u = reinterpret_cast<const unsigned char*>(len4.constData());
        const qint64 headerLen = (qint64(u[0]) << 24) | (u[1] << 16) | (u[2] << 8) | u[3];
        if (headerLen <= 0 || headerLen > 64 * 1024 || pos + 4 + headerLen > size) {
            r.complete = false;
            r.problem = QStringLiteral("%1 is cut short or damaged: the block header at byte %2 "
                                       "runs past the end of the file (%3 bytes)")
                            .arg(path)
                            .arg(pos)
                            .arg(size);
            return r;
        }
        const std::int64_t dataSize = blobDataSize(f.read(headerLen));
        if (dataSize < 0) {
            r.complete = false;
            r.problem = QStringLiteral("%1 is damaged: unreadable block header at byte %2")
                            .arg(path)
                            .arg(pos);
            return r;
        }
        const qint64 next = pos + 4 + headerLen + dataSize;
        if (next > size) {
            r.complete = false;
            r.problem = QStringLiteral("%1 is cut short: block %2 needs bytes up to %3 but the "
                                       "file ends at %4; only the data before it can be read")
                            .arg(path)
                            .arg(r.blocks + 1)
                            .arg(next)
                            .arg(size);
            return r;
        }
        ++r.blocks;
        pos = next;
    }
    if (r.blocks == 0) {
        r.complete = false;
        r.problem = QStringLiteral("%1 is empty").arg(path);
    }
    return r;
}

OsmIntegrity checkXml(const QString& path) {
    OsmIntegrity r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.complete = false;
        r.problem = QStringLiteral("%1 cannot be read: %2").arg(path, f.errorString());
        return r;
    }
    const qint64 tail = std::min<qint64>(f.size(), 4096);
    f.seek(f.size() - tail);
    const QByteArray end = f.read(tail).trimmed();
    if (!end.endsWith("</osm>")) {
        r.complete = false;
        r.problem = QStringLiteral("%1 is cut short: the OSM XML document does not end with "
                                   "</osm>")
                        .arg(path);
    }
    return r;
}

} // namespace

OsmIntegrity checkOsmFile(const QString& path) {
    const QString suffix = QFileInfo(path).completeSuffix().toLower();
    if (suffix.endsWith(QLatin1String("pbf")))
        return checkPbf(path);
    if (suffix.endsWith(QLatin1String("osm")) || suffix.endsWith(QLatin1String("xml")))
        return checkXml(path);
    return {};
}

} // namespace gis
