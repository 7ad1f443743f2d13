// `perisurvey-cli demo`: regenerates the shipped demo district exactly, and refuses bad
// arguments with one line and exit code 2.

#include "core/demo/demo_generator.h"
#include "gis/io/vector_reader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <map>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    p.start(testing::binPath(QStringLiteral("perisurvey-cli")), args);
    REQUIRE(p.waitForStarted(10000));
    REQUIRE(p.waitForFinished(120000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

using Layers = std::vector<std::shared_ptr<core::LayerData>>;

std::map<QString, std::shared_ptr<core::LayerData>> byName(const Layers& layers) {
    std::map<QString, std::shared_ptr<core::LayerData>> m;
    for (const auto& l : layers)
        m[l->name] = l;
    return m;
}

/// Compares two readings of demo datasets: same layers, fields, feature counts, attributes,
/// and coordinates within 1e-9 degrees.
void requireSameContent(const Layers& actual, const Layers& expected) {
    const auto a = byName(actual);
    const auto e = byName(expected);
    REQUIRE(a.size() == e.size());
    for (const auto& [name, exp] : e) {
        INFO("layer " << name.toStdString());
        REQUIRE(a.count(name) == 1);
        const auto& act = a.at(name);
        CHECK(act->crsAuthId == exp->crsAuthId);
        CHECK(act->kind == exp->kind);
        REQUIRE(act->fields.size() == exp->fields.size());
        for (std::size_t i = 0; i < exp->fields.size(); ++i) {
            CHECK(act->fields[i].name == exp->fields[i].name);
            CHECK(act->fields[i].type == exp->fields[i].type);
        }
        REQUIRE(act->features.size() == exp->features.size());
        for (std::size_t f = 0; f < exp->features.size(); ++f) {
            const auto& fa = act->features[f];
            const auto& fe = exp->features[f];
            INFO("feature " << fe.fid);
            REQUIRE(fa.attributes == fe.attributes);
            REQUIRE(fa.geometry.parts == fe.geometry.parts);
            REQUIRE(fa.geometry.points.size() == fe.geometry.points.size());
            for (std::size_t p = 0; p < fe.geometry.points.size(); ++p) {
                REQUIRE(std::abs(fa.geometry.points[p].x - fe.geometry.points[p].x) < 1e-9);
                REQUIRE(std::abs(fa.geometry.points[p].y - fe.geometry.points[p].y) < 1e-9);
            }
        }
    }
}

} // namespace

TEST_CASE("demo regenerates the shipped data/demo/x_district.gpkg", "[cli][demo]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Run run = runCli({QStringLiteral("demo"), QStringLiteral("--out"), dir.path()});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QString written = dir.filePath(QStringLiteral("x_district.gpkg"));
    REQUIRE(QFileInfo::exists(written));
    CHECK(run.out.contains(written));
    CHECK(run.out.contains(QStringLiteral("seed 2021")));
    CHECK(run.out.contains(QStringLiteral("EPSG:4490")));
    for (const auto& name : core::demoLayerNames())
        CHECK(run.out.contains(name));
    // Only the dataset is left behind: no temporary folder.
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("x_district.gpkg")});

    const Layers actual = gis::readLayersRaw(written);
    const Layers shipped =
        gis::readLayersRaw(testing::sourcePath(QStringLiteral("data/demo/x_district.gpkg")));
    requireSameContent(actual, shipped);

    // What the command printed is what the file holds.
    for (const auto& l : actual) {
        const QString line = run.out.section(l->name, 1, 1).section(QLatin1Char('\n'), 0, 0);
        CHECK(line.trimmed().endsWith(QString::number(l->features.size())));
    }
    for (const auto& l : actual) {
        CHECK(l->crsAuthId == QLatin1String("EPSG:4490"));
        // Lon/lat in Wuchang, Wuhan.
        CHECK(l->extent.minX > 114.2);
        CHECK(l->extent.maxX < 114.5);
        CHECK(l->extent.minY > 30.4);
        CHECK(l->extent.maxY < 30.7);
    }
    CHECK(QFileInfo(written).size() < 5 * 1024 * 1024);
}

TEST_CASE("demo with another seed writes another district", "[cli][demo]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("nested/folder"));
    const Run run =
        runCli({QStringLiteral("demo"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
                QStringLiteral("7"), QStringLiteral("--scale"), QStringLiteral("district")});
    REQUIRE(run.exitCode == 0);
    const Layers other = gis::readLayersRaw(out + QStringLiteral("/x_district.gpkg"));
    const Layers shipped =
        gis::readLayersRaw(testing::sourcePath(QStringLiteral("data/demo/x_district.gpkg")));
    const auto a = byName(other);
    const auto b = byName(shipped);
    const auto& ra = a.at(QStringLiteral("roads"))->features;
    const auto& rb = b.at(QStringLiteral("roads"))->features;
    bool differs = ra.size() != rb.size();
    for (std::size_t i = 0; !differs && i < ra.size(); ++i)
        differs = ra[i].geometry.points != rb[i].geometry.points;
    CHECK(differs);
}

TEST_CASE("demo refuses bad arguments with one line and exit code 2", "[cli][demo]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString out = dir.path();
    const std::vector<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("demo")}, QStringLiteral("--out")},
        {{QStringLiteral("demo"), QStringLiteral("--out"), out, QStringLiteral("--scale"),
          QStringLiteral("town")},
         QStringLiteral("town")},
        {{QStringLiteral("demo"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
          QStringLiteral("-3")},
         QStringLiteral("-3")},
        {{QStringLiteral("demo"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
          QStringLiteral("abc")},
         QStringLiteral("abc")},
        {{QStringLiteral("demo"), QStringLiteral("--out"), out, QStringLiteral("--colour")},
         QStringLiteral("--colour")},
        {{QStringLiteral("demo"), QStringLiteral("stray"), QStringLiteral("--out"), out},
         QStringLiteral("stray")},
    };
    for (const auto& [args, mention] : cases) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const Run run = runCli(args);
        CHECK(run.exitCode == 2);
        CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(run.err.contains(mention));
        CHECK(run.out.isEmpty());
    }
    CHECK(QDir(out).isEmpty());
}
