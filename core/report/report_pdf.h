#pragma once

#include "core/report/report_tables.h"
#include "core/util/feedback.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>

namespace core {

/// The thumbnail (JPEG/PNG bytes) of a stored photo by its id, empty when there is none;
/// typically `[&](auto id) { return campaign.photoData(id, true); }`.
using ThumbnailSource = std::function<QByteArray(std::int64_t photoId)>;

/// Writes `report` as an A4 landscape PDF: title, the summary tables, then each responsible
/// unit's defects on a new page with photo thumbnails; long tables break across pages with
/// their header row repeated; page numbers in the footer. Text is set in Noto Sans CJK SC
/// (embedded as a subset, so the Chinese text is searchable and extractable).
///
/// Atomic (QSaveFile): a failure or a cancel leaves no file and an existing one untouched.
/// Throws IoError naming `path` (cannot create or write), OperationCanceled. Needs a
/// QGuiApplication (fonts); thread: the one that owns it, or any when the offscreen platform
/// is used. Progress 0-100.
void writeReportPdf(const CampaignReport& report, const QString& path,
                    const ThumbnailSource& thumbnail, Feedback& feedback);

} // namespace core
