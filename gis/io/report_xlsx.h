#pragma once

#include "core/report/report_tables.h"
#include "core/util/feedback.h"

#include "core/model/unit.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace core {
class Campaign;
}

namespace gis {

/// What writeReportXlsx wrote.
struct ReportXlsxResult {
    QStringList files; ///< the workbook and the photo folder, when there are photos
    std::size_t photos = 0;
};

/// Writes `report` as an XLSX workbook through GDAL's XLSX driver: one sheet per table
/// (汇总, 按类别和状态, 按责任单位, 按街道, 逾期清单, then one per responsible unit), the
/// column titles in the first row. Counts are numbers, rates numbers in percent; the photo
/// column holds the relative paths (';'-separated) of the defect's photos, written as files
/// into NAME_photos/ beside the workbook.
///
/// Atomic (core::StagedOutput): a failure or a cancel leaves nothing. Throws core::IoError
/// naming `path`, core::OperationCanceled. Progress 0-100. Thread: the campaign's.
ReportXlsxResult writeReportXlsx(core::Campaign& campaign, const core::CampaignReport& report,
                                 const QString& path, core::Feedback& feedback);

/// What writeCampaignReport wrote, with the report it wrote (for summaries).
struct CampaignReportResult {
    core::CampaignReport report;
    QStringList files;
    std::size_t photos = 0;
};

/// The per-unit report (通报) of a campaign, for one unit or all, at `nowUtc`, as XLSX
/// (writeReportXlsx) or PDF (core::writeReportPdf, with photo thumbnails) by the suffix of
/// `path`. Reading is the first 30% of the progress. Throws core::Error(InvalidInput) for
/// another suffix, and what the writers throw. Thread: the campaign's (a PDF also needs a
/// QGuiApplication for fonts).
CampaignReportResult writeCampaignReport(core::Campaign& campaign,
                                         const std::optional<core::ResponsibleUnit>& unit,
                                         const QDateTime& nowUtc, const QString& path,
                                         core::Feedback& feedback);

} // namespace gis
