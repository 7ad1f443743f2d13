#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

namespace testing {

/// A file of tests/data (small fixtures named for their content).
inline QString fixture(const QString& name) {
    return QStringLiteral(PERISURVEY_TEST_DATA_DIR "/") + name;
}
/// A file of ../shared/data/real (read-only real data; may be absent).
inline QString realData(const QString& name) {
    return QStringLiteral(PERISURVEY_REALDATA_DIR "/") + name;
}
inline bool haveRealData() {
    return QFileInfo(QStringLiteral(PERISURVEY_REALDATA_DIR)).isDir();
}
inline QString sourcePath(const QString& rel) {
    return QStringLiteral(PERISURVEY_SOURCE_DIR "/") + rel;
}
inline QString binPath(const QString& exe) {
    return QStringLiteral(PERISURVEY_BIN_DIR "/") + exe;
}

} // namespace testing

/// At the top of a realdata test case: returns (passing, with a warning) when the data is absent.
#define REQUIRE_REAL_DATA()                                                                        \
    do {                                                                                           \
        if (!testing::haveRealData()) {                                                            \
            WARN("skipped: real data folder " PERISURVEY_REALDATA_DIR " is absent");               \
            return;                                                                                \
        }                                                                                          \
    } while (false)
