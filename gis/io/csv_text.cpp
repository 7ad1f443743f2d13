#include "gis/io/csv_text.h"

#include "core/util/error.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace gis {

namespace {

constexpr std::array<QChar, 4> kDelimiters = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'),
                                              QLatin1Char('|')};

struct ParseResult {
    std::vector<CsvRecord> records;
    std::int64_t unclosedQuoteLine = 0; // 0 when every quote was closed
};

ParseResult parse(QStringView text, QChar delimiter, std::int64_t firstLine) {
    ParseResult result;
    CsvRecord record;
    record.line = firstLine;
    QString cell;
    std::int64_t line = firstLine;
    bool quoted = false;     // inside a quoted cell
    bool cellStart = true;   // nothing read yet for the current cell
    bool recordOpen = false; // something read for the current record
    const auto endRecord = [&] {
        record.cells << cell;
        result.records.push_back(std::move(record));
        record = CsvRecord{};
        cell.clear();
        cellStart = true;
        recordOpen = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n') ||
                    (c == QLatin1Char('\r') &&
                     (i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n'))))
                    ++line;
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            record.line = line;
            continue;
        }
        recordOpen = true;
        if (c == delimiter) {
            record.cells << cell;
            cell.clear();
            cellStart = true;
            continue;
        }
        if (cellStart && c == QLatin1Char('"')) {
            quoted = true;
            cellStart = false;
            continue;
        }
        cellStart = false;
        cell += c;
    }
    if (quoted)
        result.unclosedQuoteLine = record.line;
    if (recordOpen || quoted)
        endRecord();
    return result;
}

// The first lines only: enough to see the table's shape without parsing a large file thrice.
QStringView head(const QString& text, int lines) {
    qsizetype pos = 0;
    for (int n = 0; n < lines && pos >= 0; ++n) {
        pos = text.indexOf(QLatin1Char('\n'), pos);
        if (pos >= 0)
            ++pos;
    }
    return pos < 0 ? QStringView(text) : QStringView(text).left(pos);
}

bool isBlank(const CsvRecord& r) {
    return std::all_of(r.cells.cbegin(), r.cells.cend(),
                       [](const QString& c) { return c.trimmed().isEmpty(); });
}

} // namespace

QChar detectCsvDelimiter(const QString& text) {
    const QStringView sample = head(text, 50);
    QChar best = QLatin1Char(',');
    int bestAgreeing = 0;
    qsizetype bestFields = 0;
    for (const QChar d : kDelimiters) {
        const ParseResult r = parse(sample, d, 1);
        QHash<qsizetype, int> counts;
        for (const auto& rec : r.records)
            if (!isBlank(rec))
                ++counts[rec.cells.size()];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.key() < 2)
                continue;
            if (it.value() > bestAgreeing ||
                (it.value() == bestAgreeing && it.key() > bestFields)) {
                best = d;
                bestAgreeing = it.value();
                bestFields = it.key();
            }
        }
    }
    return best;
}

std::vector<CsvRecord> parseCsvText(const QString& text, QChar delimiter,
                                    const QString& fileLabel) {
    QStringView body(text);
    if (body.startsWith(QChar(0xFEFF)))
        body = body.mid(1);
    std::int64_t firstLine = 1;
    // Excel writes "sep=;" as a first line when asked to name the delimiter.
    if (body.startsWith(QLatin1String("sep="), Qt::CaseInsensitive) && body.size() >= 5) {
        const qsizetype eol = body.indexOf(QLatin1Char('\n'));
        const QStringView first = eol < 0 ? body : body.left(eol);
        if (first.trimmed().size() == 5) {
            delimiter = first[4];
            body = eol < 0 ? QStringView() : body.mid(eol + 1);
            firstLine = 2;
        }
    }
    ParseResult r = parse(body, delimiter, firstLine);
    if (r.unclosedQuoteLine > 0)
        throw core::FormatError(
            QStringLiteral("%1: a quoted cell in the row starting on line %2 is never closed (a "
                           "'\"' is missing); fix the quotes in that row.")
                .arg(fileLabel)
                .arg(r.unclosedQuoteLine));
    return std::move(r.records);
}

} // namespace gis
