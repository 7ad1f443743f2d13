#pragma once

#include "core/model/defect.h"

#include <QByteArray>
#include <QString>

namespace core {

/// A photo checked and prepared for storage.
struct ProcessedPhoto {
    QString mime;   ///< "image/jpeg" or "image/png"
    QString sha256; ///< hex of the file bytes: the same photo twice is the same hash
    int width = 0;  ///< after applying the EXIF orientation
    int height = 0;
    QByteArray thumbnail; ///< JPEG, longest side kThumbnailSize px, EXIF orientation applied
};

inline constexpr int kThumbnailSize = 320;

/// Decodes the photo (JPEG or PNG only) and makes its thumbnail. Throws InvalidInput naming
/// the photo when it is not such an image. Thread: any (QImage only).
ProcessedPhoto processPhoto(const PhotoInput& photo);

} // namespace core
