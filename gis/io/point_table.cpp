#include "gis/io/point_table.h"

#include "core/util/error.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/io/csv_text.h"
#include "gis/io/encoding.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace gis {

namespace {

// A table as read from a file, before columns are recognised.
struct RawTable {
    QString fileLabel; // file name (and sheet) for messages
    QString name;      // layer name: file base name or sheet name
    QString layerName; // name inside the dataset
    QString driver;
    QString encoding;
    QString encodingReason;
    std::vector<CsvRecord> rows; // `line` is the row number shown to the user
    bool decimalComma = false;   // cells may write 114,37 for 114.37 (non-comma delimiters)
};

struct ColumnSpec {
    enum class Kind { Auto, Number, Name } kind = Kind::Auto;
    int number = 0; // 1-based
    QString name;
};

ColumnSpec parseSpec(const QString& raw) {
    const QString s = raw.trimmed();
    if (s.isEmpty())
        return {};
    bool ok = false;
    const int n = s.toInt(&ok);
    if (ok && n >= 1)
        return {ColumnSpec::Kind::Number, n, {}};
    return {ColumnSpec::Kind::Name, 0, s};
}

std::optional<double> parseNumber(const QString& cell, bool decimalComma) {
    QString s = cell.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (decimalComma && s.count(QLatin1Char(',')) == 1 && !s.contains(QLatin1Char('.')))
        s.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

enum class ValueKind { Empty, Integer, Real, Text };

ValueKind classify(const QString& cell, bool decimalComma) {
    const QString s = cell.trimmed();
    if (s.isEmpty())
        return ValueKind::Empty;
    // Codes with leading zeros (area codes, ids) and ids too long for int64 stay text.
    static const QRegularExpression integer(QStringLiteral("^[+-]?(0|[1-9][0-9]*)$"));
    static const QRegularExpression leadingZero(QStringLiteral("^[+-]?0[0-9]"));
    if (integer.match(s).hasMatch()) {
        bool ok = false;
        s.toLongLong(&ok);
        return ok ? ValueKind::Integer : ValueKind::Text;
    }
    if (leadingZero.match(s).hasMatch())
        return ValueKind::Text;
    return parseNumber(s, decimalComma) ? ValueKind::Real : ValueKind::Text;
}

} // namespace

int coordinateColumnScore(const QString& header, bool longitude) {
    static const QStringList lonNames = {
        QStringLiteral("lon"),       QStringLiteral("lng"),     QStringLiteral("long"),
        QStringLiteral("longitude"), QStringLiteral("x"),       QString::fromUtf8("经度"),
        QString::fromUtf8("东经"),   QStringLiteral("point_x"), QString::fromUtf8("坐标x")};
    static const QStringList latNames = {QStringLiteral("lat"),     QStringLiteral("latitude"),
                                         QStringLiteral("y"),       QString::fromUtf8("纬度"),
                                         QString::fromUtf8("北纬"), QStringLiteral("point_y"),
                                         QString::fromUtf8("坐标y")};
    static const QStringList lonWords = {QStringLiteral("lon"), QStringLiteral("lng"),
                                         QStringLiteral("longitude")};
    static const QStringList latWords = {QStringLiteral("lat"), QStringLiteral("latitude")};
    static const QRegularExpression letterRuns(QStringLiteral("[a-z]+"));
    const QString h = header.trimmed().toLower();
    if ((longitude ? lonNames : latNames).contains(h))
        return 2;
    if (h.contains(longitude ? QString::fromUtf8("经度") : QString::fromUtf8("纬度")))
        return 1;
    for (auto it = letterRuns.globalMatch(h); it.hasNext();)
        if ((longitude ? lonWords : latWords).contains(it.next().captured()))
            return 1;
    return 0;
}

namespace {

// The best-scoring column, or -1; notes in `warnings` when another column scores the same.
int recogniseColumn(const QStringList& names, bool longitude, const QString& fileLabel,
                    QStringList& warnings) {
    int best = -1;
    int bestScore = 0;
    QStringList ties;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const int score = coordinateColumnScore(names[i], longitude);
        if (score > bestScore) {
            best = static_cast<int>(i);
            bestScore = score;
            ties.clear();
        } else if (score > 0 && score == bestScore) {
            ties << names[i];
        }
    }
    if (!ties.isEmpty())
        warnings << QStringLiteral("%1: several columns look like the %2 (%3 and %4); using "
                                   "\"%3\". Give --%5-column to choose another.")
                        .arg(fileLabel,
                             longitude ? QStringLiteral("longitude") : QStringLiteral("latitude"),
                             names[best], ties.join(QStringLiteral(", ")),
                             longitude ? QStringLiteral("lon") : QStringLiteral("lat"));
    return best;
}

core::Error columnError(const QString& message) {
    return core::Error(core::ErrorCode::InvalidInput, message);
}

bool isBlank(const CsvRecord& r) {
    return std::all_of(r.cells.cbegin(), r.cells.cend(),
                       [](const QString& c) { return c.trimmed().isEmpty(); });
}

QString cellAt(const CsvRecord& r, int column) {
    return column < r.cells.size() ? r.cells[column] : QString();
}

// A suggestion for a headerless table: the first pair of neighbouring columns of the first
// row that hold a plausible longitude and latitude.
QString suggestColumns(const CsvRecord& first, bool decimalComma) {
    for (int i = 0; i + 1 < first.cells.size(); ++i) {
        const auto x = parseNumber(first.cells[i], decimalComma);
        const auto y = parseNumber(first.cells[i + 1], decimalComma);
        if (x && y && std::abs(*x) <= 180 && std::abs(*y) <= 90 && std::abs(*x) > 1e-9)
            return QStringLiteral("--lon-column %1 --lat-column %2").arg(i + 1).arg(i + 2);
    }
    return QStringLiteral("--lon-column 3 --lat-column 4");
}

std::shared_ptr<core::LayerData> buildLayer(RawTable table, const PointTableOptions& options,
                                            const QString& path) {
    QStringList warnings;
    while (!table.rows.empty() && isBlank(table.rows.back()))
        table.rows.pop_back();
    if (table.rows.empty())
        throw core::FormatError(QStringLiteral("%1 has no rows.").arg(table.fileLabel));

    const ColumnSpec lonSpec = parseSpec(options.lonColumn);
    const ColumnSpec latSpec = parseSpec(options.latColumn);
    const CsvRecord& first = table.rows.front();
    bool header = options.hasHeader == 1;
    if (options.hasHeader < 0) {
        if (lonSpec.kind == ColumnSpec::Kind::Name || latSpec.kind == ColumnSpec::Kind::Name) {
            header = true;
        } else if (lonSpec.kind == ColumnSpec::Kind::Number &&
                   latSpec.kind == ColumnSpec::Kind::Number) {
            header = !parseNumber(cellAt(first, lonSpec.number - 1), table.decimalComma) ||
                     !parseNumber(cellAt(first, latSpec.number - 1), table.decimalComma);
        } else {
            QStringList ignored;
            const bool named = recogniseColumn(first.cells, true, {}, ignored) >= 0 &&
                               recogniseColumn(first.cells, false, {}, ignored) >= 0;
            const bool anyNumber =
                std::any_of(first.cells.cbegin(), first.cells.cend(), [&](const QString& c) {
                    return parseNumber(c, table.decimalComma).has_value();
                });
            header = named || !anyNumber;
        }
    }

    // Prose, a log or a list of names is not a table of points: without a single number in
    // it there are no coordinates to find (a header alone naming lon/lat is an empty table).
    if (lonSpec.kind == ColumnSpec::Kind::Auto && latSpec.kind == ColumnSpec::Kind::Auto) {
        const auto firstData = table.rows.cbegin() + (header ? 1 : 0);
        const bool numbers = std::any_of(firstData, table.rows.cend(), [&](const CsvRecord& r) {
            return std::any_of(r.cells.cbegin(), r.cells.cend(), [&](const QString& c) {
                return parseNumber(c, table.decimalComma).has_value();
            });
        });
        QStringList ignored;
        const bool emptyTable = firstData == table.rows.cend() &&
                                recogniseColumn(first.cells, true, {}, ignored) >= 0 &&
                                recogniseColumn(first.cells, false, {}, ignored) >= 0;
        // A workbook's sheet of notes beside its data is normal (a column problem, which
        // readXlsx skips); a text file without numbers is not geodata.
        if (!numbers && !emptyTable && table.driver == QLatin1String("XLSX"))
            throw columnError(
                QStringLiteral("%1 holds no numbers, so no coordinates.").arg(table.fileLabel));
        if (!numbers && !emptyTable)
            throw core::FormatError(
                QStringLiteral("%1 is not geodata: none of its values is a number, so it holds no "
                               "coordinates. PeriSurvey reads the vector formats GDAL "
                               "knows (GeoPackage, Shapefile, GeoJSON, KML, OSM, ...) and CSV/XLSX "
                               "tables with longitude and latitude columns.")
                    .arg(table.fileLabel));
    }

    qsizetype columnCount = 0;
    for (const auto& r : table.rows)
        columnCount = std::max(columnCount, r.cells.size());
    QStringList names;
    for (qsizetype i = 0; i < columnCount; ++i) {
        QString n = header && i < first.cells.size() ? first.cells[i].trimmed() : QString();
        if (n.isEmpty())
            n = QStringLiteral("col%1").arg(i + 1);
        const QString base = n;
        for (int k = 2; names.contains(n, Qt::CaseInsensitive); ++k)
            n = QStringLiteral("%1_%2").arg(base).arg(k);
        names << n;
    }
    if (header && columnCount > first.cells.size())
        warnings << QStringLiteral("%1: some rows have more cells than the header (%2); the "
                                   "extra columns are named col%3 and on.")
                        .arg(table.fileLabel)
                        .arg(first.cells.size())
                        .arg(first.cells.size() + 1);

    const auto resolve = [&](const ColumnSpec& spec, bool longitude) -> int {
        const QString what = longitude ? QStringLiteral("longitude") : QStringLiteral("latitude");
        switch (spec.kind) {
        case ColumnSpec::Kind::Number:
            if (spec.number > columnCount)
                throw columnError(QStringLiteral("%1 has %2 columns: there is no column %3 for the "
                                                 "%4.")
                                      .arg(table.fileLabel)
                                      .arg(columnCount)
                                      .arg(spec.number)
                                      .arg(what));
            return spec.number - 1;
        case ColumnSpec::Kind::Name: {
            if (!header)
                throw columnError(QStringLiteral("%1 has no header row, so the %2 column \"%3\" "
                                                 "cannot be found by name: give its number "
                                                 "(1 for the first column).")
                                      .arg(table.fileLabel, what, spec.name));
            const auto i = names.indexOf(QRegularExpression(
                QStringLiteral("^%1$").arg(QRegularExpression::escape(spec.name)),
                QRegularExpression::CaseInsensitiveOption));
            if (i < 0)
                throw columnError(
                    QStringLiteral("%1 has no column \"%2\" for the %3; its columns "
                                   "are: %4.")
                        .arg(table.fileLabel, spec.name, what, names.join(QStringLiteral(", "))));
            return static_cast<int>(i);
        }
        case ColumnSpec::Kind::Auto:
            break;
        }
        if (!header)
            throw columnError(QStringLiteral("%1 has no header row, so its longitude/latitude "
                                             "columns cannot be recognised: give them by number, "
                                             "e.g. %2.")
                                  .arg(table.fileLabel, suggestColumns(first, table.decimalComma)));
        const int i = recogniseColumn(names, longitude, table.fileLabel, warnings);
        if (i < 0)
            throw columnError(
                QStringLiteral("%1: no %2 column recognised among the header names (%3). Name "
                               "the columns lon/lat (or 经度/纬度, longitude/latitude, x/y), or "
                               "give them, e.g. --lon-column \"%4\" --lat-column \"%5\".")
                    .arg(table.fileLabel, what, names.join(QStringLiteral(", ")), names.value(0),
                         names.value(1)));
        return i;
    };
    const int lonCol = resolve(lonSpec, true);
    const int latCol = resolve(latSpec, false);
    if (lonCol == latCol)
        throw columnError(QStringLiteral("%1: the longitude and the latitude cannot both be "
                                         "column %2 (\"%3\").")
                              .arg(table.fileLabel)
                              .arg(lonCol + 1)
                              .arg(names[lonCol]));

    auto layer = std::make_shared<core::LayerData>();
    std::vector<const CsvRecord*> data;
    for (std::size_t r = header ? 1 : 0; r < table.rows.size(); ++r) {
        const CsvRecord& row = table.rows[r];
        if (isBlank(row)) {
            warnings << QStringLiteral("%1: row %2 is empty and was skipped.")
                            .arg(table.fileLabel)
                            .arg(row.line);
            continue;
        }
        data.push_back(&row);
    }

    std::vector<ValueKind> kinds(static_cast<std::size_t>(columnCount), ValueKind::Empty);
    for (const CsvRecord* row : data)
        for (int c = 0; c < columnCount; ++c)
            kinds[c] = std::max(kinds[c], classify(cellAt(*row, c), table.decimalComma));
    for (int c = 0; c < columnCount; ++c) {
        core::FieldType type = core::FieldType::String;
        if (kinds[c] == ValueKind::Integer)
            type = core::FieldType::Integer;
        else if (kinds[c] == ValueKind::Real)
            type = core::FieldType::Real;
        layer->fields.push_back({names[c], type});
    }

    layer->features.reserve(data.size());
    for (const CsvRecord* row : data) {
        const auto coordinate = [&](int column) {
            const QString cell = cellAt(*row, column);
            const auto v = parseNumber(cell, table.decimalComma);
            if (!v)
                throw core::FormatError(
                    QStringLiteral("%1: row %2, column %3 (\"%4\"): %5 is not a number. Fix or "
                                   "delete that row; rows are never skipped silently.")
                        .arg(table.fileLabel)
                        .arg(row->line)
                        .arg(column + 1)
                        .arg(names[column], cell.trimmed().isEmpty()
                                                ? QStringLiteral("the empty cell")
                                                : QStringLiteral("\"%1\"").arg(cell.trimmed())));
            return *v;
        };
        core::Feature f;
        f.fid = row->line;
        const core::Point p{coordinate(lonCol), coordinate(latCol)};
        f.geometry = core::Geometry::point(p);
        layer->extent.expand(p);
        f.attributes.reserve(static_cast<std::size_t>(columnCount));
        for (int c = 0; c < columnCount; ++c) {
            const QString cell = cellAt(*row, c).trimmed();
            if (cell.isEmpty())
                f.attributes.emplace_back();
            else if (layer->fields[c].type == core::FieldType::Integer)
                f.attributes.emplace_back(cell.toLongLong());
            else if (layer->fields[c].type == core::FieldType::Real)
                f.attributes.emplace_back(*parseNumber(cell, table.decimalComma));
            else
                f.attributes.emplace_back(cell);
        }
        layer->features.push_back(std::move(f));
    }

    layer->name = table.name;
    layer->kind = core::GeometryKind::Point;
    layer->source.path = path;
    layer->source.layerName = table.layerName;
    layer->source.driver = table.driver;
    layer->source.geometryType = QStringLiteral("Point");
    layer->source.declaredFeatureCount = static_cast<std::int64_t>(layer->features.size());
    layer->source.encoding = table.encoding;
    layer->source.encodingReason = table.encodingReason;
    layer->source.sourceExtent = layer->extent;
    layer->warnings = warnings;
    return layer;
}

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

RawTable readCsv(const QString& path, const PointTableOptions& options) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw core::IoError(
            QStringLiteral("Cannot read %1: %2").arg(nativePath(path), file.errorString()));
    const QByteArray bytes = file.readAll();
    const QFileInfo info(path);
    RawTable t;
    t.fileLabel = info.fileName();
    t.name = info.completeBaseName();
    t.layerName = t.name;
    t.driver = QStringLiteral("CSV");
    if (options.encoding.trimmed().isEmpty()) {
        const EncodingDecision d = decideTextEncoding(bytes, t.fileLabel);
        t.encoding = d.encoding;
        t.encodingReason = d.reason;
    } else {
        t.encoding = options.encoding.trimmed();
        t.encodingReason = QStringLiteral("encoding %1 given by the user").arg(t.encoding);
    }
    const QString text = decodeText(bytes, t.encoding);
    const QChar delimiter = detectCsvDelimiter(text);
    t.rows = parseCsvText(text, delimiter, t.fileLabel);
    t.decimalComma = delimiter != QLatin1Char(',');
    return t;
}

using detail::ThreadConfig;

void ensureXlsxDriver() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (GDALGetDriverByName("XLSX") == nullptr)
            GDALAllRegister();
    });
}

// Every sheet of a workbook as raw text rows (no header guessing, every cell a string).
std::vector<RawTable> readXlsxSheets(const QString& path) {
    ensureXlsxDriver();
    const char* const drivers[] = {"XLSX", nullptr};
    // Raw strings, no header guessing: the same header and typing rules as for CSV apply.
    // GDAL 3.6's XLSX driver takes these as configuration options only, read while the sheets
    // are parsed, so they stay set (for this thread) until the dataset is closed.
    const ThreadConfig headers("OGR_XLSX_HEADERS", "DISABLE");
    const ThreadConfig types("OGR_XLSX_FIELD_TYPES", "STRING");
    const detail::QuietErrors quiet;
    const detail::DatasetPtr ds(GDALOpenEx(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds)
        throw core::FormatError(
            QStringLiteral("Cannot open %1 as an Excel workbook (.xlsx): %2")
                .arg(nativePath(path), detail::lastGdalError(QStringLiteral("unknown reason"))));
    const QString fileName = QFileInfo(path).fileName();
    std::vector<RawTable> sheets;
    const int count = GDALDatasetGetLayerCount(ds.get());
    for (int i = 0; i < count; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), i);
        const QString sheet = QString::fromUtf8(OGR_L_GetName(layer));
        RawTable t;
        t.fileLabel = QStringLiteral("%1 (sheet %2)").arg(fileName, sheet);
        t.name = sheet;
        t.layerName = sheet;
        t.driver = QStringLiteral("XLSX");
        t.encoding = QStringLiteral("UTF-8");
        t.encodingReason = QStringLiteral("an .xlsx workbook stores its text as Unicode (UTF-8)");
        const int fieldCount = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer));
        OGR_L_ResetReading(layer);
        while (const detail::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
            CsvRecord r;
            r.line = OGR_F_GetFID(f.get()); // the sheet's row number with HEADERS=DISABLE
            for (int c = 0; c < fieldCount; ++c)
                r.cells << (OGR_F_IsFieldSetAndNotNull(f.get(), c)
                                ? QString::fromUtf8(OGR_F_GetFieldAsString(f.get(), c))
                                : QString());
            t.rows.push_back(std::move(r));
        }
        sheets.push_back(std::move(t));
    }
    return sheets;
}

std::vector<std::shared_ptr<core::LayerData>> readXlsx(const QString& path,
                                                       const PointTableOptions& options) {
    const QString fileName = QFileInfo(path).fileName();
    std::vector<std::shared_ptr<core::LayerData>> layers;
    QStringList sheetNames;
    QStringList skipped;
    std::optional<core::Error> firstSkip;
    for (RawTable& t : readXlsxSheets(path)) {
        const QString sheet = t.name;
        sheetNames << sheet;
        if (!options.sheet.isEmpty() && sheet != options.sheet)
            continue;
        if (std::all_of(t.rows.cbegin(), t.rows.cend(), isBlank)) {
            skipped << QStringLiteral("%1 is empty.").arg(t.fileLabel);
            continue;
        }
        try {
            layers.push_back(buildLayer(std::move(t), options, path));
        } catch (const core::Error& e) {
            // A sheet of notes next to the data is normal; bad coordinates are not.
            if (e.code() != core::ErrorCode::InvalidInput || !options.sheet.isEmpty())
                throw;
            skipped << e.message();
            if (!firstSkip)
                firstSkip = e;
        }
    }
    if (!options.sheet.isEmpty() && !sheetNames.contains(options.sheet))
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1 has no sheet \"%2\"; its sheets are: %3.")
                              .arg(fileName, options.sheet, sheetNames.join(QStringLiteral(", "))));
    if (layers.empty()) {
        if (firstSkip && skipped.size() == 1)
            throw *firstSkip;
        throw core::FormatError(QStringLiteral("%1 has no sheet with longitude/latitude "
                                               "columns. %2")
                                    .arg(fileName, skipped.join(QLatin1Char(' '))));
    }
    for (const QString& s : skipped)
        layers.front()->warnings << s + QStringLiteral(" The sheet was skipped.");
    return layers;
}

} // namespace

bool isPointTableFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
           suffix == QLatin1String("txt") || suffix == QLatin1String("xlsx");
}

std::vector<std::shared_ptr<core::LayerData>> readPointTable(const QString& path,
                                                             const PointTableOptions& options) {
    if (!QFileInfo(path).isFile())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1: no such file").arg(nativePath(path)));
    if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)
        return readXlsx(path, options);
    return {buildLayer(readCsv(path, options), options, path)};
}

std::vector<TextTable> readTextTables(const QString& path, const QString& encoding) {
    if (!QFileInfo(path).isFile())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1: no such file").arg(nativePath(path)));
    std::vector<RawTable> raw;
    if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0) {
        raw = readXlsxSheets(path);
    } else {
        PointTableOptions options;
        options.encoding = encoding;
        raw.push_back(readCsv(path, options));
    }
    std::vector<TextTable> out;
    for (RawTable& t : raw) {
        std::erase_if(t.rows, isBlank);
        if (t.rows.empty())
            continue;
        out.push_back({t.name, t.fileLabel, t.encoding, std::move(t.rows)});
    }
    return out;
}

} // namespace gis
