#pragma once

#include "core/report/defect_rows.h"
#include "core/util/feedback.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace core {

class Campaign;

/// Photos written beside an export or a report.
struct PhotoFiles {
    /// Per row (same order as the rows given): the written files' paths relative to the folder
    /// that holds the photo folder, with '/' ("defects_photos/12_1.jpg").
    std::vector<QStringList> relativePaths;
    std::size_t count = 0; ///< files written
};

/// Writes the photos of `rows` (full size, or the stored thumbnails when `thumbnails`) as
/// files into the existing folder `folder`, named <defect id>_<n>.jpg|.png with n counting each
/// defect's photos from 1 in their stored order; `relativeFolder` is the folder's name as the
/// returned paths start with it. Throws IoError naming the file on a write failure and
/// OperationCanceled on cancel (the caller removes the folder). Progress 0-100.
/// Thread: the campaign's.
PhotoFiles writePhotoFiles(Campaign& campaign, const std::vector<DefectRow>& rows,
                           const QString& folder, const QString& relativeFolder, Feedback& feedback,
                           bool thumbnails = false);

} // namespace core
