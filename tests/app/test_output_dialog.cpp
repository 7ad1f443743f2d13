// The output dialog (issue 7 item 6) on the demo district with a draw and three defects: the
// map preview appears in the background with the paper's shape, a PDF map holds its title,
// an atlas by anchor has a page per anchor plus its front matter, the XLSX report has the
// report's rows, a GBK shapefile gets its .cpg, a cancelled atlas and an unwritable path leave
// no file.
#include "app/desktop/dialogs/output_dialog.h"
#include "core/report/report_tables.h"
#include "core/store/campaign.h"
#include "gis/io/vector_reader.h"
#include "support/desktop_fixture.h"
#include "support/pdf_text.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <map>

using app::OutputDialog;

namespace {

struct Outputs : testing::CampaignFixture {
    QString bigDraw;   ///< the fixture's draw (seed 7): dozens of anchors
    QString smallDraw; ///< one anchor per kind, the latest draw

    Outputs() : CampaignFixture(true) {
        bigDraw = draws().front().drawId;
        REQUIRE(testing::runCli({QStringLiteral("draw"), path, QStringLiteral("--seed"),
                                 QStringLiteral("7"), QStringLiteral("--anchors-per-kind"),
                                 QStringLiteral("1")}) == 0);
        smallDraw = draws().back().drawId;
        // Near the district's centre, so that the district map shows them.
        core::Point centre;
        {
            core::Campaign c = core::Campaign::open(path, core::OpenMode::ReadOnly);
            centre = c.districtExtent().center();
        }
        const struct {
            const char* code;
            double dLon;
            double dLat;
        } defects[] = {{"RD-01", 0, 0}, {"EN-01", 0.002, 0.001}, {"AD-03", -0.002, -0.001}};
        for (const auto& d : defects)
            REQUIRE(testing::runCli(
                        {QStringLiteral("defect"), QStringLiteral("add"), path,
                         QStringLiteral("--code"), QString::fromLatin1(d.code),
                         QStringLiteral("--lon"), QString::number(centre.x + d.dLon, 'f', 6),
                         QStringLiteral("--lat"), QString::number(centre.y + d.dLat, 'f', 6),
                         QStringLiteral("--inspector"), QStringLiteral("测试员")}) == 0);
    }
    QString out(const QString& name) const { return dir.filePath(name); }
};

Outputs& outputs() {
    static Outputs o;
    return o;
}

/// Counts the dialog's signals and keeps the last message.
struct Signals {
    int written = 0;
    int failed = 0;
    QString path;
    QString message;
    explicit Signals(OutputDialog& d) {
        QObject::connect(&d, &OutputDialog::written, [this](const QString& p) {
            ++written;
            path = p;
        });
        QObject::connect(&d, &OutputDialog::failed, [this](const QString& m) {
            ++failed;
            message = m;
        });
    }
};

bool waitLoaded(OutputDialog& d) {
    return testing::waitUntil([&] { return d.isLoaded(); }, 60000);
}

bool waitPreview(OutputDialog& d, int after) {
    return testing::waitUntil(
        [&] { return !d.isPreviewPending() && d.previewGeneration() > after; }, 60000);
}

bool waitExport(OutputDialog& d) {
    return testing::waitUntil([&] { return !d.isBusy(); }, 180000);
}

double aspect(const QImage& image) {
    return static_cast<double>(image.width()) / image.height();
}

// Share of pixels that are not paper white, and how many colours the page has.
std::pair<double, int> inked(const QImage& image) {
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            if ((line[x] & 0xFFFFFF) != 0xFFFFFF)
                ++ink;
            if (colours.size() < 1000)
                colours.insert(line[x]);
        }
    }
    return {static_cast<double>(ink) / (static_cast<qint64>(img.width()) * img.height()),
            static_cast<int>(colours.size())};
}

} // namespace

TEST_CASE("the map preview renders in the background with the paper's shape", "[gui][output]") {
    Outputs& o = outputs();
    OutputDialog d(OutputDialog::Mode::Map, o.path, QString(), std::nullopt, nullptr);
    CHECK_FALSE(d.isLoaded()); // read in the background: the constructor does not block
    REQUIRE(waitLoaded(d));
    CHECK(d.subdistrictNames().size() == 7);
    CHECK_FALSE(d.anchorIds().isEmpty());
    d.setPaper(core::PaperSize::A3);
    d.setLandscape(true);
    REQUIRE(waitPreview(d, 0));
    const QImage a3 = d.previewImage();
    REQUIRE_FALSE(a3.isNull());
    CHECK(aspect(a3) == Approx(420.0 / 297.0).epsilon(0.01));
    const auto [ink, colours] = inked(a3);
    CHECK(ink > 0.2);
    CHECK(colours > 50);

    const int before = d.previewGeneration();
    d.setPaper(core::PaperSize::A4);
    d.setLandscape(false);
    REQUIRE(waitPreview(d, before));
    CHECK(aspect(d.previewImage()) == Approx(210.0 / 297.0).epsilon(0.01));

    SECTION("a change while a preview renders drops that preview") {
        const int from = d.previewGeneration();
        int ready = 0;
        QObject::connect(&d, &OutputDialog::previewReady, [&ready] { ++ready; });
        d.setGrid(true);
        // The grid preview is rendering when the paper turns.
        REQUIRE(testing::waitUntil([&] { return d.isPreviewRendering(); }, 10000));
        d.setLandscape(true);
        REQUIRE(waitPreview(d, from));
        CHECK(d.previewGeneration() == from + 2);
        CHECK(ready == 1);
        CHECK(aspect(d.previewImage()) == Approx(297.0 / 210.0).epsilon(0.01));
    }
    SECTION("an anchor's ring and the current view are extents too") {
        REQUIRE(d.setExtent(OutputDialog::ExtentKind::Anchor, d.anchorIds().front()));
        const int from = d.previewGeneration();
        REQUIRE(waitPreview(d, from));
        CHECK_FALSE(d.previewImage().isNull());
        CHECK_FALSE(d.setExtent(OutputDialog::ExtentKind::Subdistrict, QStringLiteral("无此街道")));
    }
}

TEST_CASE("a PDF map is written in the background with its title", "[gui][output]") {
    Outputs& o = outputs();
    core::Box view;
    {
        core::Campaign c = core::Campaign::open(o.path, core::OpenMode::ReadOnly);
        for (const core::Defect& defect : c.defects())
            if (defect.working)
                view.expand(*defect.working);
    }
    REQUIRE_FALSE(view.empty());
    view = view.buffered(800);
    OutputDialog d(OutputDialog::Mode::Map, o.path, QString(), view, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    REQUIRE(d.setExtent(OutputDialog::ExtentKind::CurrentView));
    d.setTitle(QStringLiteral("PeriSurvey 测试图 7"));
    d.setGrid(true);
    const QString pdf = o.out(QStringLiteral("map.pdf"));
    d.setOutputPath(pdf);
    REQUIRE(d.startExport());
    CHECK(d.isBusy());
    CHECK_FALSE(d.startExport()); // one export at a time
    REQUIRE(waitExport(d));
    INFO(d.statusText().toStdString());
    REQUIRE(s.written == 1);
    CHECK(s.failed == 0);
    CHECK(s.path == QFileInfo(pdf).absoluteFilePath());
    CHECK(d.statusText().contains(QStringLiteral("map.pdf")));
    CHECK(testing::pdfPageCount(pdf) == 1);
    CHECK(testing::pdfText(pdf).contains(QStringLiteral("PeriSurvey测试图7")));
    // The current view holds the three defects.
    CHECK(testing::pdfText(pdf).contains(QStringLiteral("问题3条")));
}

TEST_CASE("an atlas by anchor has one page per anchor plus its front matter",
          "[gui][output][slow]") {
    Outputs& o = outputs();
    int anchors = 0;
    for (const core::DrawRecord& r : o.draws())
        if (r.drawId == o.smallDraw)
            anchors = static_cast<int>(r.outcome.anchors.size());
    REQUIRE(anchors >= 3);
    OutputDialog d(OutputDialog::Mode::Atlas, o.path, o.smallDraw, std::nullopt, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    d.setAtlasBy(gis::AtlasBy::Anchor);
    REQUIRE(waitPreview(d, 0));
    CHECK_FALSE(d.previewImage().isNull());
    const QString pdf = o.out(QStringLiteral("atlas.pdf"));
    d.setOutputPath(pdf);
    REQUIRE(d.startExport());
    REQUIRE(waitExport(d));
    INFO(d.statusText().toStdString());
    REQUIRE(s.written == 1);
    CHECK(testing::pdfPageCount(pdf) == anchors + 2); // cover + one contents page
    CHECK(testing::pdfText(pdf).contains(QStringLiteral("示范区2027春季测评任务图集")));
}

TEST_CASE("a cancelled atlas export leaves no file", "[gui][output][slow]") {
    Outputs& o = outputs();
    QDir folder(o.out(QStringLiteral("cancel")));
    REQUIRE(folder.mkpath(QStringLiteral(".")));
    OutputDialog d(OutputDialog::Mode::Atlas, o.path, o.bigDraw, std::nullopt, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    d.setOutputPath(folder.filePath(QStringLiteral("atlas.pdf")));
    REQUIRE(d.startExport());
    // Past loading (0-20 %) and into the pages.
    REQUIRE(testing::waitUntil([&] { return d.exportProgress() >= 25 || !d.isBusy(); }, 60000));
    REQUIRE(d.isBusy());
    d.cancelExport();
    REQUIRE(waitExport(d));
    CHECK(s.written == 0);
    CHECK(s.failed == 0);
    CHECK(d.statusText().contains(QStringLiteral("cancel")));
    CHECK(folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

TEST_CASE("the XLSX report has the report's sheets and rows", "[gui][output]") {
    Outputs& o = outputs();
    OutputDialog d(OutputDialog::Mode::Report, o.path, QString(), std::nullopt, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    REQUIRE(d.setReportUnit(QString()));
    const QString xlsx = o.out(QStringLiteral("report.xlsx"));
    d.setOutputPath(xlsx);
    REQUIRE(d.startExport());
    REQUIRE(waitExport(d));
    INFO(d.statusText().toStdString());
    REQUIRE(s.written == 1);

    core::Campaign c = core::Campaign::open(o.path, core::OpenMode::ReadOnly);
    core::Feedback fb;
    const core::CampaignReport report =
        core::loadCampaignReport(c, std::nullopt, QDateTime::currentDateTimeUtc(), fb);
    CHECK(report.rows.size() == 3);
    std::map<QString, std::size_t> expected;
    for (const auto* tables : {&report.summaryTables, &report.unitTables})
        for (const core::ReportTable& t : *tables)
            expected[t.sheetName] = t.rows.size();
    qputenv("OGR_XLSX_HEADERS", "FORCE");
    const auto back = gis::readLayersRaw(xlsx);
    qunsetenv("OGR_XLSX_HEADERS");
    std::map<QString, std::size_t> rows;
    for (const auto& l : back)
        rows[l->name] = l->features.size();
    CHECK(rows == expected);
    std::size_t unitRows = 0;
    for (const core::ReportTable& t : report.unitTables)
        unitRows += rows[t.sheetName];
    CHECK(unitRows == 3);
}

TEST_CASE("a GBK shapefile of the defects gets its .cpg", "[gui][output]") {
    Outputs& o = outputs();
    OutputDialog d(OutputDialog::Mode::Data, o.path, QString(), std::nullopt, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    d.setDataWhat(OutputDialog::DataWhat::Defects);
    d.setDataFormat(gis::ExportFormat::Shapefile);
    CHECK(d.outputPath().endsWith(QStringLiteral(".shp"))); // the format sets the extension
    d.setShapefileEncoding(QStringLiteral("GBK"));
    d.setOutputPath(o.out(QStringLiteral("问题.shp")));
    REQUIRE(d.startExport());
    REQUIRE(waitExport(d));
    INFO(d.statusText().toStdString());
    REQUIRE(s.written == 1);
    CHECK(QFileInfo(o.out(QStringLiteral("问题.shp"))).isFile());
    QFile cpg(o.out(QStringLiteral("问题.cpg")));
    REQUIRE(cpg.open(QIODevice::ReadOnly));
    CHECK(cpg.readAll().trimmed() == QByteArray("936"));

    SECTION("the draw as a GeoPackage") {
        d.setDataWhat(OutputDialog::DataWhat::Draw);
        d.setDataFormat(gis::ExportFormat::GeoPackage);
        d.setOutputPath(o.out(QStringLiteral("draw.gpkg")));
        REQUIRE(d.startExport());
        REQUIRE(waitExport(d));
        CHECK(s.written == 2);
        CHECK(QFileInfo(o.out(QStringLiteral("draw.gpkg"))).isFile());
    }
    SECTION("no route plan: refused before any work") {
        d.setDataWhat(OutputDialog::DataWhat::Route);
        d.setOutputPath(o.out(QStringLiteral("route.gpkg")));
        CHECK_FALSE(d.startExport());
        CHECK(s.failed == 1);
        CHECK_FALSE(QFileInfo::exists(o.out(QStringLiteral("route.gpkg"))));
    }
}

TEST_CASE("an unwritable output path shows one clear message", "[gui][output]") {
    Outputs& o = outputs();
    OutputDialog d(OutputDialog::Mode::Map, o.path, QString(), std::nullopt, nullptr);
    Signals s(d);
    REQUIRE(waitLoaded(d));
    const QString bad = QStringLiteral("/proc/x.pdf");
    d.setOutputPath(bad);
    REQUIRE(d.startExport());
    REQUIRE(waitExport(d));
    CHECK(s.written == 0);
    REQUIRE(s.failed == 1);
    CHECK(s.message.contains(bad));
    CHECK_FALSE(s.message.contains(QLatin1Char('\n')));
    CHECK(d.statusText() == s.message);
    CHECK_FALSE(QFileInfo::exists(bad));
    // The dialog stays usable.
    d.setOutputPath(QString());
    CHECK_FALSE(d.startExport());
    CHECK(s.failed == 2);
    CHECK_FALSE(d.isBusy());
}

TEST_CASE("closing the dialog during an export stops it and leaves no file", "[gui][output]") {
    Outputs& o = outputs();
    QDir folder(o.out(QStringLiteral("closed")));
    REQUIRE(folder.mkpath(QStringLiteral(".")));
    {
        OutputDialog d(OutputDialog::Mode::Atlas, o.path, o.bigDraw, std::nullopt, nullptr);
        REQUIRE(waitLoaded(d));
        d.setOutputPath(folder.filePath(QStringLiteral("atlas.pdf")));
        REQUIRE(d.startExport());
        REQUIRE(testing::waitUntil([&] { return d.exportProgress() >= 25 || !d.isBusy(); }, 60000));
        d.reject();
    } // the destructor cancels the worker and waits for it
    CHECK(folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}
