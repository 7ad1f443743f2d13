// The dependency direction core <- gis <- app, checked on the include lines of every source.
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

namespace {

struct Include {
    QString file;
    QString header;
};

std::vector<Include> includesUnder(const QString& folder) {
    std::vector<Include> out;
    static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"));
    QDirIterator it(testing::sourcePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        while (!f.atEnd()) {
            const auto m = re.match(QString::fromUtf8(f.readLine()));
            if (m.hasMatch())
                out.push_back({path, m.captured(1)});
        }
    }
    return out;
}

bool isCLibraryHeader(const QString& h) {
    static const QRegularExpression re(
        QStringLiteral(R"(^(gdal|ogr_|cpl_|proj\.h|proj/|geos_c|geodesic\.h|libexif/))"));
    return re.match(h).hasMatch();
}

bool isWidgetsHeader(const QString& h) {
    return h.startsWith(QLatin1String("QtWidgets")) || h == QLatin1String("QWidget") ||
           h == QLatin1String("QMainWindow") || h == QLatin1String("QDialog") ||
           h == QLatin1String("QApplication");
}

} // namespace

TEST_CASE("core includes neither gis, app, C GIS libraries nor Qt Widgets", "[layering]") {
    const auto includes = includesUnder(QStringLiteral("core"));
    REQUIRE(includes.size() > 20);
    for (const auto& inc : includes) {
        INFO(inc.file.toStdString() << " includes " << inc.header.toStdString());
        CHECK_FALSE(inc.header.startsWith(QLatin1String("gis/")));
        CHECK_FALSE(inc.header.startsWith(QLatin1String("app/")));
        CHECK_FALSE(isCLibraryHeader(inc.header));
        CHECK_FALSE(isWidgetsHeader(inc.header));
    }
}

TEST_CASE("gis includes no app code and keeps C headers out of its public headers", "[layering]") {
    const auto includes = includesUnder(QStringLiteral("gis"));
    REQUIRE(includes.size() > 10);
    for (const auto& inc : includes) {
        INFO(inc.file.toStdString() << " includes " << inc.header.toStdString());
        CHECK_FALSE(inc.header.startsWith(QLatin1String("app/")));
        CHECK_FALSE(isWidgetsHeader(inc.header));
        const bool publicHeader =
            inc.file.endsWith(QLatin1String(".h")) && !inc.file.contains(QLatin1String("/detail/"));
        if (publicHeader)
            CHECK_FALSE(isCLibraryHeader(inc.header));
    }
}

TEST_CASE("app reaches GDAL, PROJ and GEOS only through gis", "[layering]") {
    for (const auto& inc : includesUnder(QStringLiteral("app"))) {
        INFO(inc.file.toStdString() << " includes " << inc.header.toStdString());
        CHECK_FALSE(isCLibraryHeader(inc.header));
        CHECK_FALSE(inc.header.contains(QLatin1String("/detail/")));
    }
}
