#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace core {

/// Atomic output of several files that belong together (a dataset, its sidecars, a photo
/// folder): everything is written into a hidden staging folder beside the target, then moved
/// into place by commit(). Destroyed without commit() (a failure, a cancel), it removes the
/// staging folder and leaves the target folder as it was.
///
/// Move-only owner of the staging folder; thread: any, one at a time.
class StagedOutput {
public:
    /// Stages output for `targetPath` (a file in an existing, writable folder). Throws IoError
    /// naming `targetPath` when the folder does not exist or cannot be written, or when
    /// `targetPath` is a folder.
    explicit StagedOutput(const QString& targetPath);
    ~StagedOutput();
    StagedOutput(StagedOutput&&) noexcept;
    StagedOutput& operator=(StagedOutput&&) noexcept;

    /// The target as given.
    const QString& targetPath() const { return target_; }
    /// The file name of the target ("defects.shp") and its base name ("defects").
    QString fileName() const;
    QString baseName() const;
    /// Where to write the entry `name` (a file or a folder name) so that commit() moves it
    /// next to the target; stagedPath(fileName()) is the target's own staged path.
    QString stagedPath(const QString& name) const;
    /// Replaces the staging path by the target's in a message (errors of a writer that only
    /// saw the staged path), so users read the path they gave.
    QString rewrite(const QString& message) const;

    /// Moves every entry of the staging folder into the target folder, replacing files and
    /// folders of the same names. When one move fails the ones done are undone and the old
    /// entries restored; throws IoError naming the target. Returns the paths now in place.
    QStringList commit();

private:
    QString target_;
    QString folder_;
    std::unique_ptr<QTemporaryDir> stage_;
};

} // namespace core
