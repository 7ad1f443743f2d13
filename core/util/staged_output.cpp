#include "core/util/staged_output.h"

#include "core/util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>
#include <vector>

namespace core {

StagedOutput::StagedOutput(const QString& targetPath) : target_(targetPath) {
    const QFileInfo target(targetPath);
    if (target.fileName().isEmpty() || target.isDir())
        throw IoError(QStringLiteral("%1: is a folder; give a file name to write").arg(targetPath));
    const QDir folder = target.absoluteDir();
    folder_ = folder.absolutePath();
    if (!folder.exists())
        throw IoError(QStringLiteral("%1: cannot write there: the folder %2 does not exist")
                          .arg(targetPath, QDir::toNativeSeparators(folder_)));
    // No dots from the file name in the folder's: GDAL's /vsizip/ (XLSX, KMZ) would take a
    // folder named ".a.xlsx.X.tmp" for the archive.
    QString stem = target.fileName();
    stem.replace(QLatin1Char('.'), QLatin1Char('_'));
    stage_ = std::make_unique<QTemporaryDir>(
        folder.filePath(QStringLiteral(".%1.XXXXXX.tmp").arg(stem)));
    if (!stage_->isValid())
        throw IoError(
            QStringLiteral("%1: cannot write in the folder %2: %3")
                .arg(targetPath, QDir::toNativeSeparators(folder_), stage_->errorString()));
}

StagedOutput::~StagedOutput() = default;
StagedOutput::StagedOutput(StagedOutput&&) noexcept = default;
StagedOutput& StagedOutput::operator=(StagedOutput&&) noexcept = default;

QString StagedOutput::fileName() const {
    return QFileInfo(target_).fileName();
}

QString StagedOutput::baseName() const {
    return QFileInfo(target_).completeBaseName();
}

QString StagedOutput::stagedPath(const QString& name) const {
    return stage_->filePath(name);
}

QString StagedOutput::rewrite(const QString& message) const {
    QString m = message;
    m.replace(stagedPath(fileName()), target_);
    return m.replace(stage_->path(), QDir::toNativeSeparators(folder_));
}

QStringList StagedOutput::commit() {
    const QDir stage(stage_->path());
    const QDir folder(folder_);
    const QStringList names =
        stage.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    const QString aside = QStringLiteral(".old");
    // Old entries of the same names go into the staging folder first, so a failed move can put
    // them back, and so they disappear with it on success.
    std::vector<std::pair<QString, QString>> movedAside; // target entry, its place in the stage
    std::vector<QString> placed;
    auto undo = [&] {
        for (const QString& p : placed)
            QFileInfo(p).isDir() ? QDir(p).removeRecursively() : QFile::remove(p);
        for (const auto& [original, kept] : movedAside)
            QDir().rename(kept, original);
    };
    if (!stage.mkdir(aside)) {
        throw IoError(QStringLiteral("%1: cannot write in the staging folder %2")
                          .arg(target_, QDir::toNativeSeparators(stage_->path())));
    }
    for (const QString& name : names) {
        const QString to = folder.filePath(name);
        const QFileInfo existing(to);
        if (existing.exists() || existing.isSymLink()) {
            const QString kept = stage.filePath(aside + QLatin1Char('/') + name);
            if (!QDir().rename(to, kept)) {
                undo();
                throw IoError(QStringLiteral("%1: cannot replace %2; is it open in another "
                                             "program?")
                                  .arg(target_, QDir::toNativeSeparators(to)));
            }
            movedAside.emplace_back(to, kept);
        }
        if (!QDir().rename(stage.filePath(name), to)) {
            undo();
            throw IoError(
                QStringLiteral("%1: cannot move the written %2 into place").arg(target_, name));
        }
        placed.push_back(to);
    }
    stage_.reset(); // removes the folder and the replaced old entries in it
    return QStringList(placed.begin(), placed.end());
}

} // namespace core
