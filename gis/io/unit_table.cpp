#include "gis/io/unit_table.h"

#include "core/util/error.h"
#include "gis/io/point_table.h"

#include <QStringList>

namespace gis {

namespace {

int findColumn(const QStringList& header, std::initializer_list<const char*> names) {
    for (qsizetype c = 0; c < header.size(); ++c) {
        const QString h = header[c].trimmed().toLower();
        for (const char* n : names)
            if (h == QString::fromUtf8(n).toLower())
                return static_cast<int>(c);
    }
    return -1;
}

QString cell(const CsvRecord& r, int column) {
    return column >= 0 && column < r.cells.size() ? r.cells[column].trimmed() : QString();
}

std::optional<core::UnitKind> kindOf(const QString& text) {
    if (auto k = core::unitKindFromKey(text))
        return k;
    for (std::size_t i = 0; i < core::kUnitKindCount; ++i) {
        const auto kind = static_cast<core::UnitKind>(i);
        if (core::unitKindChineseName(kind) == text)
            return kind;
    }
    return std::nullopt;
}

QString acceptedKinds() {
    QStringList kinds;
    for (std::size_t i = 0; i < core::kUnitKindCount; ++i) {
        const auto kind = static_cast<core::UnitKind>(i);
        kinds << QStringLiteral("%1 (%2)").arg(core::unitKindKey(kind),
                                               core::unitKindChineseName(kind));
    }
    return kinds.join(QStringLiteral(", "));
}

} // namespace

std::vector<core::ResponsibleUnit> readUnitTable(const QString& path) {
    const std::vector<TextTable> tables = readTextTables(path);
    QStringList seen;
    for (const TextTable& t : tables) {
        const QStringList header = t.rows.front().cells;
        const int name = findColumn(header, {"name", "名称", "单位名称", "责任单位", "单位"});
        if (name < 0) {
            seen << QStringLiteral("%1: %2").arg(t.fileLabel, header.join(QStringLiteral(", ")));
            continue;
        }
        const int kind = findColumn(header, {"kind", "type", "类型", "单位类型", "类别"});
        if (kind < 0)
            throw core::Error(core::ErrorCode::InvalidInput,
                              QStringLiteral("%1 has no kind column (kind / 类型 / 单位类型); "
                                             "add one with a kind such as STREET_OFFICE or "
                                             "街道办事处 for every unit")
                                  .arg(t.fileLabel));
        const int contact =
            findColumn(header, {"contact", "联系人", "联系方式", "电话", "联系电话"});
        const int area = findColumn(header, {"area", "辖区", "街道", "所属街道"});
        std::vector<core::ResponsibleUnit> units;
        for (std::size_t i = 1; i < t.rows.size(); ++i) {
            const CsvRecord& r = t.rows[i];
            core::ResponsibleUnit u;
            u.name = cell(r, name);
            if (u.name.isEmpty())
                throw core::Error(core::ErrorCode::InvalidInput,
                                  QStringLiteral("%1, row %2: the unit has no name; fill it in "
                                                 "or delete the row")
                                      .arg(t.fileLabel)
                                      .arg(r.line));
            const QString kindText = cell(r, kind);
            const auto k = kindOf(kindText);
            if (!k)
                throw core::Error(core::ErrorCode::InvalidInput,
                                  QStringLiteral("%1, row %2: unit %3 has kind '%4', which is not "
                                                 "a unit kind; use one of: %5")
                                      .arg(t.fileLabel)
                                      .arg(r.line)
                                      .arg(u.name, kindText, acceptedKinds()));
            u.kind = *k;
            u.contact = cell(r, contact);
            u.area = cell(r, area);
            units.push_back(std::move(u));
        }
        if (units.empty())
            throw core::FormatError(
                QStringLiteral("%1 has a header but no units below it").arg(t.fileLabel));
        return units;
    }
    throw core::FormatError(
        QStringLiteral("%1 has no table with a unit name column (name / 名称 / 单位名称); "
                       "found columns: %2")
            .arg(path, seen.isEmpty() ? QStringLiteral("none") : seen.join(QStringLiteral("; "))));
}

} // namespace gis
