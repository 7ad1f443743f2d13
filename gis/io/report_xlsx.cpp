#include "gis/io/report_xlsx.h"

#include "core/report/report_pdf.h"
#include "core/store/campaign.h"

#include "core/report/photo_files.h"
#include "core/util/error.h"
#include "core/util/staged_output.h"
#include "gis/io/export_files.h"

#include <QDir>
#include <QFileInfo>

#include <memory>

namespace gis {

namespace {

core::FieldType fieldType(core::ReportColumnKind kind) {
    switch (kind) {
    case core::ReportColumnKind::Integer:
        return core::FieldType::Integer;
    case core::ReportColumnKind::Percent:
        return core::FieldType::Real;
    case core::ReportColumnKind::Text:
    case core::ReportColumnKind::Photo:
        break;
    }
    return core::FieldType::String;
}

core::LayerPtr sheet(const core::ReportTable& t, const std::vector<QStringList>& photoPaths) {
    auto layer = std::make_shared<core::LayerData>();
    layer->name = t.sheetName;
    layer->kind = core::GeometryKind::None;
    for (const auto& c : t.columns)
        layer->fields.push_back({c.title, fieldType(c.kind)});
    layer->features.reserve(t.rows.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        core::Feature f;
        f.fid = static_cast<std::int64_t>(i) + 1;
        f.attributes = t.rows[i];
        f.attributes.resize(t.columns.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (t.columns[c].kind != core::ReportColumnKind::Photo)
                continue;
            const std::size_t row = i < t.defectRows.size() ? t.defectRows[i] : photoPaths.size();
            f.attributes[c] = row < photoPaths.size() && !photoPaths[row].isEmpty()
                                  ? QVariant(photoPaths[row].join(QLatin1Char(';')))
                                  : QVariant();
        }
        layer->features.push_back(std::move(f));
    }
    return layer;
}

} // namespace

ReportXlsxResult writeReportXlsx(core::Campaign& campaign, const core::CampaignReport& report,
                                 const QString& path, core::Feedback& feedback) {
    core::StagedOutput out(path);
    ReportXlsxResult result;
    std::vector<QStringList> photoPaths(report.rows.size());
    bool anyPhoto = false;
    for (const auto& r : report.rows)
        anyPhoto = anyPhoto || !r.photos.empty();
    if (anyPhoto) {
        const QString folderName = out.baseName() + QStringLiteral("_photos");
        if (!QDir().mkpath(out.stagedPath(folderName)))
            throw core::IoError(QStringLiteral("%1: cannot create the photo folder").arg(path));
        core::Feedback sub(feedback, 0, 50);
        const core::PhotoFiles written = core::writePhotoFiles(
            campaign, report.rows, out.stagedPath(folderName), folderName, sub);
        photoPaths = written.relativePaths;
        result.photos = written.count;
    }
    std::vector<core::LayerPtr> sheets;
    for (const auto& t : report.summaryTables)
        sheets.push_back(sheet(t, photoPaths));
    for (const auto& t : report.unitTables)
        sheets.push_back(sheet(t, photoPaths));
    ExportFileOptions write;
    write.format = ExportFormat::Xlsx;
    {
        core::Feedback sub(feedback, anyPhoto ? 50 : 0, 97);
        writeExportFile(out, out.fileName(), sheets, write, sub);
    }
    feedback.throwIfCanceled();
    result.files = out.commit();
    feedback.setProgress(100);
    return result;
}

CampaignReportResult writeCampaignReport(core::Campaign& campaign,
                                         const std::optional<core::ResponsibleUnit>& unit,
                                         const QDateTime& nowUtc, const QString& path,
                                         core::Feedback& feedback) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext != QLatin1String("xlsx") && ext != QLatin1String("pdf"))
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("%1: a report is written as .xlsx or .pdf").arg(path));
    CampaignReportResult out;
    core::Feedback reading(feedback, 0, 30);
    out.report = core::loadCampaignReport(campaign, unit, nowUtc, reading);
    core::Feedback writing(feedback, 30, 100);
    if (ext == QLatin1String("pdf")) {
        core::writeReportPdf(
            out.report, path, [&campaign](std::int64_t id) { return campaign.photoData(id, true); },
            writing);
        out.files << QFileInfo(path).absoluteFilePath();
    } else {
        ReportXlsxResult r = writeReportXlsx(campaign, out.report, path, writing);
        out.files = r.files;
        out.photos = r.photos;
    }
    return out;
}

} // namespace gis
