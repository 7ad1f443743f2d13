#include "core/report/photo_files.h"

#include "core/store/campaign.h"
#include "core/util/error.h"

#include <QDir>
#include <QFile>

namespace core {

PhotoFiles writePhotoFiles(Campaign& campaign, const std::vector<DefectRow>& rows,
                           const QString& folder, const QString& relativeFolder, Feedback& feedback,
                           bool thumbnails) {
    PhotoFiles out;
    out.relativePaths.resize(rows.size());
    const QDir dir(folder);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const DefectRow& r = rows[i];
        int n = 0;
        for (const PhotoInfo& p : r.photos) {
            const QByteArray data = campaign.photoData(p.id, thumbnails);
            if (data.isEmpty())
                continue;
            // Thumbnails are always stored as JPEG; originals keep their format.
            const bool png = !thumbnails && p.mime == QLatin1String("image/png");
            const QString name = QStringLiteral("%1_%2.%3")
                                     .arg(r.defect.id)
                                     .arg(++n)
                                     .arg(png ? QStringLiteral("png") : QStringLiteral("jpg"));
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.flush())
                throw IoError(QStringLiteral("cannot write photo %1: %2")
                                  .arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
            out.relativePaths[i] << relativeFolder + QLatin1Char('/') + name;
            ++out.count;
        }
        if (i % 64 == 63) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * static_cast<double>(i) / static_cast<double>(rows.size()),
                                 QStringLiteral("writing photos"));
        }
    }
    feedback.setProgress(100);
    return out;
}

} // namespace core
