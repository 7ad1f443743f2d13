#include "gis/io/encoding.h"

#include "core/util/error.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/io/text_bytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QStringDecoder>

#include <iconv.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <utility>

namespace gis {

namespace {

using detail::ByteStats;
using detail::checkUtf8;
using detail::Utf8Result;

QString percentText(double fraction) {
    // Floor to one decimal so that 99.96% is not shown as a misleading 100%.
    const double pct = std::floor(fraction * 1000.0) / 10.0;
    return QString::number(pct, 'g', 4) + QLatin1Char('%');
}

QString gbEncoding(const ByteStats& s) {
    return s.gbQuads > 0 ? QStringLiteral("GB18030") : QStringLiteral("CP936");
}

QString gbLabel(const QString& encoding) {
    return encoding == QLatin1String("CP936") ? QStringLiteral("GBK (CP936)")
                                              : QStringLiteral("GB18030");
}

QString exampleText(const ByteStats& s, const QString& encoding) {
    if (s.example.isEmpty())
        return {};
    QString text = decodeText(s.example, encoding).trimmed();
    if (text.size() > 24)
        text = text.left(24) + QStringLiteral("…");
    return QStringLiteral(", e.g. \"%1\"").arg(text);
}

// What the bytes say, given what the file declared. `declared` is the encoding to keep when
// the bytes do not contradict it (empty: nothing declared).
EncodingDecision decideFromBytes(const ByteStats& s, const QString& declaredText,
                                 const QString& declared) {
    const QString fallback = declared.isEmpty() ? QStringLiteral("ISO-8859-1") : declared;
    if (s.nonAsciiValues == 0) {
        if (declared.isEmpty())
            return {QStringLiteral("UTF-8"),
                    declaredText + QStringLiteral("; all text is ASCII: reading as UTF-8"), false};
        return {declared,
                declaredText +
                    QStringLiteral("; all text is ASCII, so %1 reads it as is").arg(declared),
                false};
    }
    if (s.utf8InvalidValues == 0)
        return {QStringLiteral("UTF-8"),
                declaredText + QStringLiteral(", but the text is valid UTF-8: reading as UTF-8") +
                    exampleText(s, QStringLiteral("UTF-8")),
                true};
    if (s.looksLikeGbk()) {
        const QString enc = gbEncoding(s);
        return {enc,
                declaredText +
                    QStringLiteral(", but the text is not valid UTF-8 and %1 of non-ASCII "
                                   "sequences are valid GBK%2: reading as %3")
                        .arg(percentText(s.gbValidFraction()),
                             s.gbQuads > 0 ? QStringLiteral(" or GB18030") : QString(),
                             gbLabel(enc)) +
                    exampleText(s, enc),
                true};
    }
    return {fallback,
            declaredText + QStringLiteral("; the text is neither valid UTF-8 nor GBK (%1 of "
                                          "non-ASCII sequences are valid GBK): reading as %2")
                               .arg(percentText(s.gbValidFraction()), fallback),
            false};
}

// ---- declarations: .cpg and LDID ------------------------------------------------------------

// Maps a .cpg value to a GDAL/iconv name, like GDAL's OGRShapeLayer::ConvertCodePage but
// normalising the GBK family to "CP936". Empty for values that declare nothing.
QString encodingFromCpg(const QString& raw) {
    QString u = raw.trimmed().toUpper();
    if (u.startsWith(QLatin1String("ANSI ")))
        u = u.mid(5).trimmed();
    if (u.isEmpty() || u == QLatin1String("SYSTEM") || u == QLatin1String("OEM"))
        return {};
    if (u == QLatin1String("UTF-8") || u == QLatin1String("UTF8") || u == QLatin1String("65001"))
        return QStringLiteral("UTF-8");
    bool isNumber = false;
    const int n = u.toInt(&isNumber);
    if (isNumber) {
        if (n == 936 || n == 20936)
            return QStringLiteral("CP936");
        if (n == 54936)
            return QStringLiteral("GB18030");
        if (n >= 28591 && n <= 28599)
            return QStringLiteral("ISO-8859-%1").arg(n - 28590);
        if ((n >= 437 && n <= 950) || (n >= 1250 && n <= 1258))
            return QStringLiteral("CP%1").arg(n);
        return raw.trimmed();
    }
    for (const char* prefix : {"ISO-8859-", "ISO8859-", "ISO_8859-", "ISO8859", "8859-", "8859"})
        if (u.startsWith(QLatin1String(prefix)))
            return QStringLiteral("ISO-8859-") + u.mid(static_cast<qsizetype>(qstrlen(prefix)));
    static const QStringList gbk = {QStringLiteral("GBK"),       QStringLiteral("CP936"),
                                    QStringLiteral("MS936"),     QStringLiteral("WINDOWS-936"),
                                    QStringLiteral("GB2312"),    QStringLiteral("GB_2312-80"),
                                    QStringLiteral("GB2312-80"), QStringLiteral("EUC-CN")};
    if (gbk.contains(u))
        return QStringLiteral("CP936");
    if (u == QLatin1String("GB18030"))
        return QStringLiteral("GB18030");
    if (u == QLatin1String("BIG5") || u == QLatin1String("BIG-5"))
        return QStringLiteral("CP950");
    for (const char* prefix : {"WINDOWS-", "CP"}) {
        if (u.startsWith(QLatin1String(prefix))) {
            const int cp = u.mid(static_cast<qsizetype>(qstrlen(prefix))).toInt(&isNumber);
            if (isNumber)
                return cp == 936 ? QStringLiteral("CP936") : QStringLiteral("CP%1").arg(cp);
        }
    }
    return raw.trimmed();
}

// The dBASE language driver IDs, as GDAL maps them (ESRI's table).
QString encodingFromLdid(int ldid) {
    struct Entry {
        int id;
        int codePage;
    };
    static constexpr Entry table[] = {
        {1, 437},     {2, 850},    {3, 1252},   {4, 10000},  {8, 865},    {10, 850},  {11, 437},
        {13, 437},    {14, 850},   {15, 437},   {16, 850},   {17, 437},   {18, 850},  {19, 932},
        {20, 850},    {21, 437},   {22, 850},   {23, 865},   {24, 437},   {25, 437},  {26, 850},
        {27, 437},    {28, 863},   {29, 850},   {31, 852},   {34, 852},   {35, 852},  {36, 860},
        {37, 850},    {38, 866},   {55, 850},   {64, 852},   {77, 936},   {78, 949},  {79, 950},
        {80, 874},    {88, 1252},  {89, 1252},  {100, 852},  {101, 866},  {102, 865}, {103, 861},
        {104, 895},   {105, 620},  {106, 737},  {107, 857},  {108, 863},  {120, 950}, {121, 949},
        {122, 936},   {123, 932},  {124, 874},  {134, 737},  {135, 852},  {136, 857}, {150, 10007},
        {151, 10029}, {200, 1250}, {201, 1251}, {202, 1254}, {203, 1253}, {204, 1257}};
    if (ldid == 87)
        return QStringLiteral("ISO-8859-1");
    for (const auto& e : table)
        if (e.id == ldid)
            return QStringLiteral("CP%1").arg(e.codePage);
    return {};
}

// Declarations GIS tools write by default whatever the text really is; they get checked.
bool isWesternDefault(const QString& encoding) {
    return encoding.isEmpty() || encoding == QLatin1String("CP1252") ||
           encoding == QLatin1String("ISO-8859-1");
}

QString describe(const QString& encoding) {
    if (encoding == QLatin1String("CP936"))
        return QStringLiteral("GBK (CP936)");
    return encoding;
}

// ---- the .dbf -------------------------------------------------------------------------------

struct DbfField {
    QByteArray name;
    char type = 'C';
    int offset = 0; // from the record start (byte 0 is the deletion flag)
    int length = 0;
};

QString sibling(const QString& path, const char* suffix) {
    const QFileInfo fi(path);
    const QString base = fi.path() + QLatin1Char('/') + fi.completeBaseName() + QLatin1Char('.');
    const QString lower = base + QLatin1String(suffix);
    if (QFileInfo::exists(lower))
        return lower;
    const QString upper = base + QString::fromLatin1(suffix).toUpper();
    return QFileInfo::exists(upper) ? upper : QString();
}

// A .dbf up to this size is read whole; a larger one is sampled (kSampledRecords records).
constexpr std::int64_t kReadWholeBytes = 32 * 1024 * 1024;
constexpr std::int64_t kSampledRecords = 5000;

// Reads the header, field descriptors and the records (or a sample) of a .dbf, feeding
// every character value and field name to `stats`. Returns the LDID byte.
int scanDbf(const QString& dbfPath, ByteStats& stats) {
    QFile file(dbfPath);
    if (!file.open(QIODevice::ReadOnly))
        throw core::Error(core::ErrorCode::Io,
                          QStringLiteral("Cannot read the attribute table %1: %2")
                              .arg(QDir::toNativeSeparators(dbfPath), file.errorString()));
    const QByteArray head = file.read(32);
    const auto u8 = [&head](int i) {
        return static_cast<unsigned char>(head[i]);
    };
    if (head.size() < 32)
        throw core::FormatError(QStringLiteral("%1 is not a dBASE (.dbf) file: it is shorter "
                                               "than a dBASE header")
                                    .arg(QDir::toNativeSeparators(dbfPath)));
    const std::int64_t declaredRecords =
        u8(4) | (u8(5) << 8) | (u8(6) << 16) | (static_cast<std::int64_t>(u8(7)) << 24);
    const int headerLength = u8(8) | (u8(9) << 8);
    const int recordLength = u8(10) | (u8(11) << 8);
    const int ldid = u8(29);
    if (headerLength < 33 || recordLength < 1 || headerLength > file.size())
        throw core::FormatError(
            QStringLiteral("%1 is not a valid dBASE (.dbf) file: header length %2, record length "
                           "%3. The shapefile's attribute table is damaged; re-export it.")
                .arg(QDir::toNativeSeparators(dbfPath))
                .arg(headerLength)
                .arg(recordLength));

    const QByteArray descriptors = file.read(headerLength - 32);
    std::vector<DbfField> fields;
    int offset = 1;
    for (qsizetype pos = 0; pos + 32 <= descriptors.size(); pos += 32) {
        if (static_cast<unsigned char>(descriptors[pos]) == 0x0D)
            break;
        DbfField f;
        f.name = descriptors.mid(pos, 11);
        f.name.truncate(f.name.indexOf('\0') < 0 ? f.name.size() : f.name.indexOf('\0'));
        f.type = descriptors[pos + 11];
        f.length = static_cast<unsigned char>(descriptors[pos + 16]);
        f.offset = offset;
        offset += f.length;
        const auto* nameBytes = reinterpret_cast<const unsigned char*>(f.name.constData());
        stats.add(nameBytes, f.name.size(), f.name.size() >= 10);
        if (f.offset + f.length <= recordLength)
            fields.push_back(f);
    }

    const std::int64_t available = (file.size() - headerLength) / recordLength;
    const std::int64_t records = std::min(declaredRecords, available);
    const auto scanRecord = [&](const unsigned char* rec) {
        for (const auto& f : fields) {
            if (f.type != 'C')
                continue;
            qsizetype n = f.length;
            while (n > 0 && (rec[f.offset + n - 1] == ' ' || rec[f.offset + n - 1] == '\0'))
                --n;
            stats.add(rec + f.offset, n, n == f.length);
        }
    };
    if (records * recordLength <= kReadWholeBytes) {
        // Small enough to read whole: a lone Chinese name among ASCII rows is not missed.
        const std::int64_t perChunk = std::max<std::int64_t>(1, (1 << 20) / recordLength);
        if (!file.seek(headerLength))
            return ldid;
        for (std::int64_t r = 0; r < records; r += perChunk) {
            const std::int64_t n = std::min(perChunk, records - r);
            const QByteArray chunk = file.read(n * recordLength);
            const auto* p = reinterpret_cast<const unsigned char*>(chunk.constData());
            for (std::int64_t k = 0; (k + 1) * recordLength <= chunk.size(); ++k)
                scanRecord(p + k * recordLength);
            if (chunk.size() < n * recordLength)
                break;
        }
        return ldid;
    }
    // Spread the sample over the whole file, first and last record included.
    QByteArray record;
    for (std::int64_t k = 0; k < kSampledRecords; ++k) {
        const std::int64_t r = k * (records - 1) / (kSampledRecords - 1);
        if (!file.seek(headerLength + r * recordLength))
            break;
        record = file.read(recordLength);
        if (record.size() < recordLength)
            break;
        scanRecord(reinterpret_cast<const unsigned char*>(record.constData()));
    }
    return ldid;
}

QString readCpg(const QString& cpgPath) {
    QFile file(cpgPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.read(256);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const qsizetype eol = bytes.indexOf('\n');
    return QString::fromLatin1(eol < 0 ? bytes : bytes.left(eol)).trimmed();
}

bool iconvKnows(const QString& encoding) {
    static QMutex mutex;
    static QHash<QString, bool> known;
    const QMutexLocker lock(&mutex);
    const auto it = known.constFind(encoding);
    if (it != known.constEnd())
        return *it;
    const iconv_t cd = iconv_open("UTF-8", encoding.toLatin1().constData());
    const bool ok = cd != reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));
    if (ok)
        iconv_close(cd);
    known.insert(encoding, ok);
    return ok;
}

bool isUtf8Name(const QString& e) {
    return e.isEmpty() || e.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0 ||
           e.compare(QLatin1String("UTF8"), Qt::CaseInsensitive) == 0;
}

void ensureGdalDrivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (GDALGetDriverByName("ESRI Shapefile") == nullptr)
            GDALAllRegister();
    });
}

} // namespace

bool isValidUtf8(const QByteArray& bytes) {
    return checkUtf8(reinterpret_cast<const unsigned char*>(bytes.constData()), bytes.size()) ==
           Utf8Result::Valid;
}

QString decodeText(const QByteArray& bytes, const QString& encoding) {
    const QString enc = encoding.trimmed();
    if (isUtf8Name(enc))
        return QString::fromUtf8(bytes);
    if (enc.compare(QLatin1String("UTF-16LE"), Qt::CaseInsensitive) == 0 ||
        enc.compare(QLatin1String("UTF-16BE"), Qt::CaseInsensitive) == 0) {
        QStringDecoder decoder(enc.endsWith(QLatin1String("LE"), Qt::CaseInsensitive)
                                   ? QStringConverter::Utf16LE
                                   : QStringConverter::Utf16BE);
        return decoder.decode(bytes);
    }
    if (!iconvKnows(enc))
        throw core::Error(core::ErrorCode::Encoding,
                          QStringLiteral("Unknown text encoding \"%1\": use an iconv name such as "
                                         "UTF-8, CP936 (GBK), GB18030 or ISO-8859-1.")
                              .arg(enc));
    if (bytes.isEmpty())
        return {};
    const detail::QuietErrors quiet;
    const detail::CplString utf8(
        CPLRecode(bytes.constData(), enc.toLatin1().constData(), CPL_ENC_UTF8));
    return utf8 ? QString::fromUtf8(utf8.get()) : QString();
}

EncodingDecision decideTextEncoding(const QByteArray& bytes, const QString& sourceName,
                                    bool complete) {
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return {QStringLiteral("UTF-8"),
                QStringLiteral("%1 starts with a UTF-8 byte order mark").arg(sourceName), false};
    if (bytes.startsWith("\xFF\xFE"))
        return {QStringLiteral("UTF-16LE"),
                QStringLiteral("%1 starts with a UTF-16LE byte order mark").arg(sourceName), false};
    if (bytes.startsWith("\xFE\xFF"))
        return {QStringLiteral("UTF-16BE"),
                QStringLiteral("%1 starts with a UTF-16BE byte order mark").arg(sourceName), false};
    ByteStats s;
    s.add(reinterpret_cast<const unsigned char*>(bytes.constData()), bytes.size(), !complete);
    if (s.nonAsciiValues == 0)
        return {QStringLiteral("UTF-8"),
                QStringLiteral("%1 is all ASCII: reading as UTF-8").arg(sourceName), false};
    if (s.utf8InvalidValues == 0)
        return {QStringLiteral("UTF-8"),
                QStringLiteral("%1 is valid UTF-8 (without a byte order mark)").arg(sourceName) +
                    exampleText(s, QStringLiteral("UTF-8")),
                true};
    if (s.looksLikeGbk()) {
        const QString enc = gbEncoding(s);
        return {enc,
                QStringLiteral("%1 is not valid UTF-8 and %2 of its non-ASCII sequences are "
                               "valid GBK%3: reading as %4")
                        .arg(sourceName, percentText(s.gbValidFraction()),
                             s.gbQuads > 0 ? QStringLiteral(" or GB18030") : QString(),
                             gbLabel(enc)) +
                    exampleText(s, enc),
                true};
    }
    return {QStringLiteral("ISO-8859-1"),
            QStringLiteral("%1 is neither valid UTF-8 nor GBK (%2 of its non-ASCII sequences are "
                           "valid GBK): reading as ISO-8859-1; if the text looks wrong, give the "
                           "encoding explicitly")
                .arg(sourceName, percentText(s.gbValidFraction())),
            true};
}

EncodingDecision decideTextFileEncoding(const QString& path) {
    QFile file(path);
    if (!file.exists())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1: no such file").arg(QDir::toNativeSeparators(path)));
    if (!file.open(QIODevice::ReadOnly))
        throw core::IoError(QStringLiteral("Cannot read %1: %2")
                                .arg(QDir::toNativeSeparators(path), file.errorString()));
    constexpr qint64 kSample = 16 * 1024 * 1024;
    const QByteArray bytes = file.read(kSample);
    return decideTextEncoding(bytes, QFileInfo(path).fileName(), file.atEnd());
}

EncodingDecision decideShapefileEncoding(const QString& shpOrDbfPath) {
    const QString dbf = shpOrDbfPath.endsWith(QLatin1String(".dbf"), Qt::CaseInsensitive)
                            ? shpOrDbfPath
                            : sibling(shpOrDbfPath, "dbf");
    if (dbf.isEmpty() || !QFileInfo::exists(dbf))
        throw core::Error(
            core::ErrorCode::NotFound,
            QStringLiteral("%1 has no attribute table: %2.dbf is missing. A shapefile needs its "
                           ".shp, .shx and .dbf side by side.")
                .arg(QDir::toNativeSeparators(shpOrDbfPath),
                     QFileInfo(shpOrDbfPath).completeBaseName()));
    ByteStats stats;
    const int ldid = scanDbf(dbf, stats);

    QString declaredText;
    QString declared;
    const QString cpgPath = sibling(dbf, "cpg");
    const QString cpgValue = cpgPath.isEmpty() ? QString() : readCpg(cpgPath);
    const QString fromCpg = encodingFromCpg(cpgValue);
    if (!fromCpg.isEmpty()) {
        declared = fromCpg;
        declaredText = QStringLiteral(".cpg says \"%1\" (%2)").arg(cpgValue, describe(fromCpg));
        if (!isWesternDefault(fromCpg))
            return {
                fromCpg,
                QStringLiteral(".cpg says \"%1\": reading as %2").arg(cpgValue, describe(fromCpg)),
                false};
    } else {
        const QString cpgNote =
            cpgPath.isEmpty()
                ? QStringLiteral("there is no .cpg")
                : QStringLiteral("the .cpg (\"%1\") names no code page").arg(cpgValue);
        declared = encodingFromLdid(ldid);
        if (ldid == 0)
            declaredText =
                QStringLiteral(".dbf declares no code page (LDID 0) and %1").arg(cpgNote);
        else if (declared.isEmpty())
            declaredText = QStringLiteral(".dbf declares an unknown code page (LDID %1) and %2")
                               .arg(ldid)
                               .arg(cpgNote);
        else
            declaredText = QStringLiteral(".dbf declares code page LDID %1 (%2) and %3")
                               .arg(ldid)
                               .arg(declared, cpgNote);
        if (!isWesternDefault(declared))
            return {declared,
                    declaredText + QStringLiteral(": reading as %1").arg(describe(declared)),
                    false};
    }
    return decideFromBytes(stats, declaredText, declared);
}

ShapefileTextPreview previewShapefileText(const QString& shpPath, const QString& encoding,
                                          int maxFeatures) {
    ensureGdalDrivers();
    detail::StringList openOptions;
    if (!encoding.isEmpty())
        openOptions.add(QStringLiteral("ENCODING"), encoding);
    const char* const drivers[] = {"ESRI Shapefile", nullptr};
    const detail::QuietErrors quiet;
    const detail::DatasetPtr ds(GDALOpenEx(shpPath.toUtf8().constData(),
                                           GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                           openOptions.get(), nullptr));
    if (!ds || GDALDatasetGetLayerCount(ds.get()) < 1)
        throw core::FormatError(
            QStringLiteral("Cannot open %1 as a shapefile: %2")
                .arg(QDir::toNativeSeparators(shpPath),
                     detail::lastGdalError(QStringLiteral("GDAL gave no reason"))));
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    ShapefileTextPreview preview;
    if (const char* src = GDALGetMetadataItem(layer, "SOURCE_ENCODING", "SHAPEFILE"))
        preview.sourceEncoding = QString::fromUtf8(src);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<int> stringFields;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        if (OGR_Fld_GetType(fd) == OFTString) {
            stringFields.push_back(i);
            preview.fields << QString::fromUtf8(OGR_Fld_GetNameRef(fd));
        }
    }
    OGR_L_ResetReading(layer);
    while (maxFeatures < 0 || std::cmp_less(preview.rows.size(), maxFeatures)) {
        const detail::FeaturePtr f(OGR_L_GetNextFeature(layer));
        if (!f)
            break;
        QStringList row;
        for (int i : stringFields)
            row << QString::fromUtf8(OGR_F_GetFieldAsString(f.get(), i));
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

} // namespace gis
