#pragma once

#include "core/model/unit.h"
#include "core/report/campaign_summary.h"
#include "core/report/defect_rows.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

class Campaign;

/// What a report column holds; the writers format and type cells by it.
enum class ReportColumnKind : std::uint8_t {
    Text,    ///< QString (null: empty)
    Integer, ///< qlonglong (null: empty)
    Percent, ///< double, already in percent (87.5); null: no rate
    Photo,   ///< qlonglong photo id of the first photo (null: none); PDF: thumbnail, XLSX: path
};

struct ReportColumn {
    QString title; ///< header text (Chinese), also the XLSX column name
    ReportColumnKind kind = ReportColumnKind::Text;
    double width = 1; ///< relative width in the PDF
};

/// One table of a report: a PDF section, an XLSX sheet.
struct ReportTable {
    QString title;     ///< heading in the PDF ("按类别和状态统计")
    QString sheetName; ///< XLSX sheet name (at most 31 characters, none of []:*?/\)
    std::vector<ReportColumn> columns;
    std::vector<std::vector<QVariant>> rows; ///< one value per column
    /// For tables of defects: the DefectRow index of each table row (for photo lookups).
    std::vector<std::size_t> defectRows;
};

/// A campaign report (通报): the summary tables, then one table of defects per responsible
/// unit. Pure data built from rows and summary; thread: any.
struct CampaignReport {
    QString title;    ///< "X区 2027 春季测评 问题整改通报"
    QString subtitle; ///< "统计时间 2027-03-20 18:00 (UTC+08:00)" (+ the unit when filtered)
    std::vector<ReportTable> summaryTables;
    std::vector<ReportTable> unitTables;
    std::vector<QString> unitTableNames; ///< the unit of each unit table
    std::vector<DefectRow> rows;         ///< the defects the report covers
    CampaignSummary summary;
};

/// Builds the report tables from `rows` (all of one unit when `unit` is given) at `nowUtc`,
/// local times shown with `utcOffsetMinutes`. Sheet names are unique and valid for XLSX.
CampaignReport buildCampaignReport(const QString& campaignName, std::vector<DefectRow> rows,
                                   const QStringList& categoryOrder, const QDateTime& nowUtc,
                                   int utcOffsetMinutes,
                                   const std::optional<ResponsibleUnit>& unit = std::nullopt);

/// Reads the defects (of `unit` when given) and builds the report. Throws StoreError;
/// OperationCanceled on cancel. Progress 0-100. Thread: the campaign's.
CampaignReport loadCampaignReport(Campaign& campaign, const std::optional<ResponsibleUnit>& unit,
                                  const QDateTime& nowUtc, Feedback& feedback);

/// A valid, unique XLSX sheet name for `wanted` given the names already `used` (which it
/// joins): forbidden characters become '_', cut to 31 characters, "(2)" etc. on a clash.
QString uniqueSheetName(const QString& wanted, QStringList& used);

} // namespace core
