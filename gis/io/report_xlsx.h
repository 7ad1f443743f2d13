#pragma once

#include "core/report/report_tables.h"
#include "core/util/feedback.h"

#include <QString>
#include <QStringList>

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

} // namespace gis
