#include "gis/io/export_files.h"

#include "core/util/error.h"
#include "core/util/staged_output.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/io/vector_writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>
#include <set>

namespace gis {

namespace {

using detail::ThreadConfig;

[[noreturn]] void rethrowRewritten(const core::Error& e, const core::StagedOutput& out) {
    const QString m = out.rewrite(e.message());
    switch (e.code()) {
    case core::ErrorCode::Io:
        throw core::IoError(m, e.nativeCode());
    case core::ErrorCode::Format:
        throw core::FormatError(m, e.nativeCode());
    case core::ErrorCode::Crs:
        throw core::CrsError(m, e.nativeCode());
    default:
        throw core::Error(e.code(), m, e.nativeCode());
    }
}

void writeTextFile(const QString& path, const QByteArray& bytes, const QString& shownAs) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.flush())
        throw core::IoError(QStringLiteral("cannot write %1: %2").arg(shownAs, f.errorString()));
}

/// A CSV cell: quoted when it holds a separator, a quote or a line break.
QString csvCell(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

/// Marks a written .dbf as GBK for tools that read only its language-driver byte (LDID 0x4D,
/// code page 936) and rewrites the .cpg as the ArcGIS-style "936".
void markShapefileGbk(const QString& stagedShp, const QString& shownAs) {
    const QString base = stagedShp.left(stagedShp.size() - 4);
    QFile dbf(base + QStringLiteral(".dbf"));
    constexpr qint64 kLdidOffset = 29;
    if (!dbf.open(QIODevice::ReadWrite) || !dbf.seek(kLdidOffset) || dbf.write("\x4D", 1) != 1)
        throw core::IoError(
            QStringLiteral("%1: cannot mark the .dbf as GBK: %2").arg(shownAs, dbf.errorString()));
    dbf.close();
    writeTextFile(base + QStringLiteral(".cpg"), QByteArrayLiteral("936"), shownAs);
}

} // namespace

std::optional<ExportFormat> exportFormatFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("gpkg") || k == QLatin1String("geopackage"))
        return ExportFormat::GeoPackage;
    if (k == QLatin1String("geojson") || k == QLatin1String("json"))
        return ExportFormat::GeoJson;
    if (k == QLatin1String("kml"))
        return ExportFormat::Kml;
    if (k == QLatin1String("shp") || k == QLatin1String("shapefile"))
        return ExportFormat::Shapefile;
    if (k == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (k == QLatin1String("xlsx"))
        return ExportFormat::Xlsx;
    return std::nullopt;
}

QString exportFormatExtension(ExportFormat format) {
    switch (format) {
    case ExportFormat::GeoPackage:
        return QStringLiteral("gpkg");
    case ExportFormat::GeoJson:
        return QStringLiteral("geojson");
    case ExportFormat::Kml:
        return QStringLiteral("kml");
    case ExportFormat::Shapefile:
        return QStringLiteral("shp");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Xlsx:
        break;
    }
    return QStringLiteral("xlsx");
}

QString shapefileEncoding(const QString& given) {
    const QString g = given.trimmed().toUpper();
    if (g.isEmpty() || g == QLatin1String("UTF-8") || g == QLatin1String("UTF8"))
        return QStringLiteral("UTF-8");
    if (g == QLatin1String("GBK") || g == QLatin1String("CP936") || g == QLatin1String("936"))
        return QStringLiteral("CP936");
    throw core::Error(
        core::ErrorCode::InvalidInput,
        QStringLiteral("unknown shapefile encoding '%1'; use UTF-8 (default) or GBK").arg(given));
}

bool exportFormatHoldsLayers(ExportFormat format) {
    return format == ExportFormat::GeoPackage || format == ExportFormat::Kml ||
           format == ExportFormat::Xlsx;
}

QStringList shortFieldNames(const QStringList& names, int maxBytes) {
    QStringList out;
    std::set<QString> used;
    auto cut = [](const QString& s, int bytes) {
        QString r;
        for (const QChar c : s) {
            if ((r + c).toUtf8().size() > bytes)
                break;
            r += c;
        }
        return r;
    };
    // Names that fit are reserved first, so a cut name never takes an existing one.
    for (const QString& n : names)
        if (n.toUtf8().size() <= maxBytes)
            used.insert(n.toLower());
    for (const QString& n : names) {
        if (n.toUtf8().size() <= maxBytes) {
            out << n;
            continue;
        }
        QString candidate = cut(n, maxBytes);
        for (int k = 2; used.count(candidate.toLower()); ++k) {
            const QString suffix = QStringLiteral("_%1").arg(k);
            candidate = cut(n, maxBytes - static_cast<int>(suffix.size())) + suffix;
        }
        used.insert(candidate.toLower());
        out << candidate;
    }
    return out;
}

void writeExportFile(core::StagedOutput& out, const QString& fileName,
                     std::vector<core::LayerPtr> layers, const ExportFileOptions& options,
                     core::Feedback& feedback) {
    const QString encoding = shapefileEncoding(options.encoding);
    const QString staged = out.stagedPath(fileName);
    const QString shownPath = QDir(QFileInfo(out.targetPath()).absolutePath()).filePath(fileName);
    // GDAL's CSV, Shapefile and LIBKML drivers make a folder of a name without their extension.
    const bool needsExtension = options.format == ExportFormat::Csv ||
                                options.format == ExportFormat::Shapefile ||
                                options.format == ExportFormat::Kml;
    if (needsExtension && QFileInfo(fileName).suffix().compare(
                              exportFormatExtension(options.format), Qt::CaseInsensitive) != 0)
        throw core::FormatError(QStringLiteral("%1: a %2 file must end in .%2; choose a name "
                                               "like %3.%2")
                                    .arg(shownPath, exportFormatExtension(options.format),
                                         QFileInfo(fileName).completeBaseName()));
    WriteOptions write;
    switch (options.format) {
    case ExportFormat::GeoPackage:
        write.driver = QStringLiteral("GPKG");
        break;
    case ExportFormat::GeoJson:
        write.driver = QStringLiteral("GeoJSON");
        break;
    case ExportFormat::Kml:
        // GDAL 3.6's KML writer misaligns the attributes when given a NameField; LIBKML writes
        // them right and names placemarks after LIBKML_NAME_FIELD (set below).
        write.driver =
            GDALGetDriverByName("LIBKML") ? QStringLiteral("LIBKML") : QStringLiteral("KML");
        break;
    case ExportFormat::Shapefile: {
        write.driver = QStringLiteral("ESRI Shapefile");
        write.layerOptions = {{QStringLiteral("ENCODING"), encoding}};
        if (layers.size() != 1)
            throw core::FormatError(
                QStringLiteral("%1: a shapefile holds one layer").arg(shownPath));
        auto layer = std::make_shared<core::LayerData>(*layers.front());
        const QString base = QFileInfo(fileName).completeBaseName();
        layer->name = base;
        QStringList names;
        for (const auto& f : layer->fields)
            names << f.name;
        const QStringList shortNames = shortFieldNames(names);
        QString csv = QStringLiteral("field,shapefile_field\r\n");
        for (qsizetype i = 0; i < names.size(); ++i) {
            layer->fields[static_cast<std::size_t>(i)].name = shortNames[i];
            csv += csvCell(names[i]) + QLatin1Char(',') + csvCell(shortNames[i]) +
                   QStringLiteral("\r\n");
        }
        const QString mapName = base + QStringLiteral("_fields.csv");
        writeTextFile(out.stagedPath(mapName), QByteArray("\xEF\xBB\xBF") + csv.toUtf8(),
                      QDir(QFileInfo(shownPath).absolutePath()).filePath(mapName));
        layers = {layer};
        break;
    }
    case ExportFormat::Csv:
        write.driver = QStringLiteral("CSV");
        write.layerOptions = {{QStringLiteral("WRITE_BOM"), QStringLiteral("YES")},
                              {QStringLiteral("LINEFORMAT"), QStringLiteral("CRLF")}};
        // Geometries other than points go in a WKT column; points are expected as lon/lat
        // attributes and written without geometry.
        for (const auto& l : layers)
            if (l->kind != core::GeometryKind::None)
                write.layerOptions.emplace_back(QStringLiteral("GEOMETRY"),
                                                QStringLiteral("AS_WKT"));
        break;
    case ExportFormat::Xlsx:
        write.driver = QStringLiteral("XLSX");
        break;
    }
    {
        const ThreadConfig kmlName(
            "LIBKML_NAME_FIELD",
            options.kmlNameField.isEmpty() ? nullptr : options.kmlNameField.toUtf8().constData());
        try {
            writeVector(staged, layers, write, feedback);
        } catch (const core::Error& e) {
            rethrowRewritten(e, out);
        }
    }
    if (!QFileInfo(staged).isFile())
        throw core::IoError(
            QStringLiteral("%1: GDAL reported success but wrote no such file").arg(shownPath));
    if (options.format == ExportFormat::Shapefile && encoding == QLatin1String("CP936"))
        markShapefileGbk(staged, shownPath);
}

} // namespace gis
