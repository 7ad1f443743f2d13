#include "core/store/photo_processing.h"

#include "core/util/error.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>

namespace core {

ProcessedPhoto processPhoto(const PhotoInput& photo) {
    const QString name =
        photo.originalName.isEmpty() ? QStringLiteral("(unnamed)") : photo.originalName;
    QByteArray bytes = photo.data;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format().toLower();
    if (format != "jpeg" && format != "jpg" && format != "png")
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("photo %1 is not a JPEG or PNG image").arg(name));
    // Phones store portrait shots as landscape pixels plus an orientation tag.
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        throw Error(
            ErrorCode::InvalidInput,
            QStringLiteral("photo %1 cannot be decoded: %2").arg(name, reader.errorString()));
    ProcessedPhoto out;
    out.mime = format == "png" ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
    out.width = image.width();
    out.height = image.height();
    out.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(photo.data, QCryptographicHash::Sha256).toHex());
    const QImage thumb = (image.width() > kThumbnailSize || image.height() > kThumbnailSize)
                             ? image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                                            Qt::SmoothTransformation)
                             : image;
    QBuffer tb(&out.thumbnail);
    tb.open(QIODevice::WriteOnly);
    thumb.convertToFormat(QImage::Format_RGB32).save(&tb, "JPEG", 80);
    return out;
}

} // namespace core
