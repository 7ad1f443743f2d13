#include "core/util/resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace core {

QString resourcePath(const QString& relative) {
    QStringList roots;
    const QString env = qEnvironmentVariable("PERISURVEY_RESOURCES");
    if (!env.isEmpty())
        roots << env;
    if (QCoreApplication::instance()) {
        const QString bin = QCoreApplication::applicationDirPath();
        roots << bin + QStringLiteral("/../resources")
              << bin + QStringLiteral("/../share/perisurvey");
    }
    roots << QStringLiteral(PERISURVEY_RESOURCE_DIR);
    for (const auto& root : roots) {
        const QFileInfo fi(QDir(root).filePath(relative));
        if (fi.isFile())
            return fi.absoluteFilePath();
    }
    return {};
}

} // namespace core
