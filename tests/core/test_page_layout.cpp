// Map pages, PDF documents and the draw certificate: round scale bars, the page furniture on
// real output (pixels of card colours where the defects are, legend lines for the styles used,
// text extractable from the PDF with pdftotext), SVG output, atomic writing, cancellation and
// the unwritable-path message. Layers are built by hand in a metric CRS around (500000,
// 3380000).
#include "core/render/defect_overlay.h"
#include "core/render/draw_certificate.h"
#include "core/render/page_document.h"
#include "core/render/page_layout.h"
#include "core/util/error.h"
#include "support/pdf_text.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <cmath>

using core::GeometryKind;
using core::Role;

namespace {

const core::Point kCenter{500000, 3380000};

QString runTool(const QString& program, const QStringList& args) {
    return testing::toolOutput(program, args);
}

core::RenderLayer layer(const char* name, GeometryKind kind, Role role,
                        std::vector<core::Geometry> geoms, const QStringList& names) {
    auto d = std::make_shared<core::LayerData>();
    d->name = QString::fromUtf8(name);
    d->kind = kind;
    d->crsAuthId = QStringLiteral("EPSG:4547");
    d->fields = {{QStringLiteral("name"), core::FieldType::String}};
    for (std::size_t i = 0; i < geoms.size(); ++i) {
        core::Feature f;
        f.fid = static_cast<std::int64_t>(i) + 1;
        f.geometry = std::move(geoms[i]);
        f.attributes = {names.value(static_cast<int>(i))};
        d->features.push_back(std::move(f));
    }
    d->buildIndex();
    core::RenderLayer rl;
    rl.layer.data = d;
    rl.layer.roles.assign(d->features.size(), core::roleBit(role));
    rl.layer.layerRoles = core::roleBit(role);
    return rl;
}

core::Point at(double dx, double dy) {
    return {kCenter.x + dx, kCenter.y + dy};
}

struct Fixture {
    core::MapPage page;
    std::vector<core::DefectMark> marks;
    Fixture() {
        page.title = QStringLiteral("测试区问题分布图");
        page.subtitle = QStringLiteral("2027 春季测评 · 全区");
        page.job.layers.push_back(
            layer("sub", GeometryKind::Polygon, Role::Subdistrict,
                  {core::Geometry::polygon(
                      {at(-1500, -1000), at(1500, -1000), at(1500, 1000), at(-1500, 1000)})},
                  {QStringLiteral("东湖街道")}));
        page.job.layers.push_back(layer("roads", GeometryKind::Line, Role::MainRoad,
                                        {core::Geometry::line({at(-1500, 0), at(1500, 0)}),
                                         core::Geometry::line({at(0, -1000), at(0, 1000)})},
                                        {QStringLiteral("中山大道"), QStringLiteral("解放路")}));
        page.extent =
            core::Box{kCenter.x - 1500, kCenter.y - 1000, kCenter.x + 1500, kCenter.y + 1000};
        const auto mark = [&](core::Point p, std::optional<core::CardColour> c, bool closed) {
            core::DefectMark m;
            m.at = p;
            m.code = QStringLiteral("RD-01");
            m.card = c;
            m.closed = closed;
            marks.push_back(m);
        };
        mark(at(-800, 500), core::CardColour::Red, false);
        mark(at(700, -600), core::CardColour::Yellow, false);
        mark(at(900, 600), core::CardColour::White, false);
        mark(at(-900, -600), core::CardColour::Red, true);
        auto shared = std::make_shared<const std::vector<core::DefectMark>>(marks);
        page.job.overlays.push_back(core::defectOverlay(shared, core::DefectStyle::Card, 12));
        page.legend = core::baseMapLegend(page.job.layers, page.job.style);
        for (auto& e : core::defectLegend(marks, core::DefectStyle::Card))
            page.legend.push_back(e);
        page.attribution = QStringLiteral("底图数据 © OpenStreetMap contributors (ODbL)");
        page.footer = QStringLiteral("PeriSurvey test");
    }
};

bool near(QColor a, QColor b, int tol) {
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
           std::abs(a.blue() - b.blue()) <= tol;
}

// True when some pixel within `radius` of `centre` has colour `want`.
bool colourAround(const QImage& img, QPointF centre, int radius, QColor want, int tol) {
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p(static_cast<int>(centre.x()) + dx, static_cast<int>(centre.y()) + dy);
            if (img.rect().contains(p) && near(img.pixelColor(p), want, tol))
                return true;
        }
    return false;
}

// Device pixel of a world point on a page image rendered at `dpi`.
QPointF pagePixel(const core::MapPageLayout& l, core::Point world, double dpi) {
    const QPointF viewPx = l.view.toPixel(world);
    const QPointF pagePt = l.mapFramePt.topLeft() + viewPx * core::kPointsPerMapPixel;
    return pagePt * (dpi / 72.0);
}

} // namespace

TEST_CASE("scale bars use 1-2-5 round lengths that match the map scale", "[page]") {
    CHECK(core::niceRoundValue(1) == Approx(1));
    CHECK(core::niceRoundValue(1.9) == Approx(1));
    CHECK(core::niceRoundValue(2) == Approx(2));
    CHECK(core::niceRoundValue(4.99) == Approx(2));
    CHECK(core::niceRoundValue(730) == Approx(500));
    CHECK(core::niceRoundValue(1999) == Approx(1000));
    CHECK(core::niceRoundValue(0.037) == Approx(0.02));
    CHECK(core::niceRoundValue(0) == 0);
    const core::ScaleBar bar = core::scaleBarFor(10.0, 170); // 10 m per point, <= 1700 m
    CHECK(bar.lengthM == Approx(1000));
    CHECK(bar.widthPt == Approx(100));
    CHECK(bar.label == QStringLiteral("1 km"));
    CHECK(core::scaleBarFor(2.0, 170).label == QStringLiteral("200 m"));
    CHECK(core::distanceLabel(2500) == QStringLiteral("2.5 km"));
}

TEST_CASE("a map page shows defects in card colours, a legend of them and a true scale bar",
          "[page]") {
    Fixture fx;
    const core::PageFormat format{core::PaperSize::A4, true};
    const double dpi = 100;
    core::MapPageLayout layout;
    core::Feedback fb;
    const QImage img = core::renderPageImage(
        format, [&](QPainter& p) { layout = core::paintMapPage(p, format, fx.page, fb); }, dpi);

    SECTION("the page has the paper's size and the map frame shows the whole extent") {
        CHECK(img.width() == std::lround(297 / 25.4 * dpi));
        CHECK(img.height() == std::lround(210 / 25.4 * dpi));
        const core::Box shown = layout.view.extent();
        CHECK(shown.minX <= fx.page.extent.minX);
        CHECK(shown.maxX >= fx.page.extent.maxX);
        CHECK(shown.minY <= fx.page.extent.minY);
        CHECK(shown.maxY >= fx.page.extent.maxY);
    }
    SECTION("the scale bar's label is the round length that fits the computed scale") {
        const double mPerPt = layout.view.metresPerPixel() / core::kPointsPerMapPixel;
        CHECK(layout.metresPerPoint == Approx(mPerPt));
        CHECK(layout.scaleDenominator == Approx(mPerPt * 72 / 0.0254).epsilon(1e-9));
        CHECK(layout.scaleBar.widthPt * layout.metresPerPoint == Approx(layout.scaleBar.lengthM));
        const double lead = layout.scaleBar.lengthM /
                            std::pow(10.0, std::floor(std::log10(layout.scaleBar.lengthM)));
        CHECK((lead == Approx(1) || lead == Approx(2) || lead == Approx(5)));
        CHECK(layout.scaleBar.label == core::distanceLabel(layout.scaleBar.lengthM));
        // 3 km across ~270 mm of map: about 1:11,000, a 500 m or 1 km bar.
        CHECK(layout.scaleDenominator > 8000);
        CHECK(layout.scaleDenominator < 16000);
    }
    SECTION("pixels of the card colours appear where the defects are") {
        CHECK(colourAround(img, pagePixel(layout, fx.marks[0].at, dpi), 3,
                           core::cardFillColor(core::CardColour::Red), 30));
        CHECK(colourAround(img, pagePixel(layout, fx.marks[1].at, dpi), 3,
                           core::cardFillColor(core::CardColour::Yellow), 30));
        // No red where no defect is.
        CHECK_FALSE(colourAround(img, pagePixel(layout, at(300, 300), dpi), 4,
                                 core::cardFillColor(core::CardColour::Red), 30));
        // The closed red defect is faded: no full red at its place.
        CHECK_FALSE(colourAround(img, pagePixel(layout, fx.marks[3].at, dpi), 2,
                                 core::cardFillColor(core::CardColour::Red), 30));
    }
    SECTION("the legend lists every defect style present and nothing else") {
        const auto legend = core::defectLegend(fx.marks, core::DefectStyle::Card);
        QStringList labels;
        for (const auto& e : legend)
            labels << e.label;
        CHECK(labels == QStringList{QStringLiteral("问题（白卡）"), QStringLiteral("问题（黄卡）"),
                                    QStringLiteral("问题（红卡）"), QStringLiteral("已销号问题")});
        const auto byCategory = core::defectLegend(fx.marks, core::DefectStyle::Category);
        REQUIRE(byCategory.size() == 2);
        CHECK(byCategory[0].label.contains(QStringLiteral("道路设施")));
        CHECK(layout.legendPt.height() > 0);
    }
    SECTION("the same inputs give the same image (control image within a tolerance)") {
        core::MapPageLayout again;
        const QImage control = core::renderPageImage(
            format, [&](QPainter& p) { again = core::paintMapPage(p, format, fx.page, fb); }, dpi);
        REQUIRE(control.size() == img.size());
        long differing = 0;
        for (int y = 0; y < img.height(); y += 2)
            for (int x = 0; x < img.width(); x += 2)
                if (!near(img.pixelColor(x, y), control.pixelColor(x, y), 8))
                    ++differing;
        CHECK(differing < img.width() * img.height() / 4 / 1000);
    }
}

TEST_CASE("map pages are written as PDF with extractable Chinese text, PNG and SVG", "[page]") {
    Fixture fx;
    QTemporaryDir dir;
    const core::PageFormat format{core::PaperSize::A3, false};
    core::Feedback fb;
    const auto paint = [&](QPainter& p) {
        core::paintMapPage(p, format, fx.page, fb);
    };

    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    core::writePageFile(pdf, format, fx.page.title, paint);
    REQUIRE(QFileInfo::exists(pdf));
    CHECK(testing::pdfPageCount(pdf) == 1);
    const QString text = testing::pdfText(pdf);
    CHECK(text.contains(QStringLiteral("测试区问题分布图")));
    CHECK(text.contains(QStringLiteral("问题（红卡）")));
    CHECK(text.contains(QStringLiteral("中山大道"))); // map labels stay text in the PDF
    CHECK(text.contains(QStringLiteral("©OpenStreetMapcontributors")));
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QStringLiteral("842 x 1191"))); // A3 portrait in points

    const QString png = dir.filePath(QStringLiteral("map.png"));
    core::writePageFile(png, format, fx.page.title, paint, 150);
    const QImage image(png);
    REQUIRE(!image.isNull());
    CHECK(image.width() == std::lround(297 / 25.4 * 150));

    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    core::writePageFile(svg, format, fx.page.title, paint);
    QFile f(svg);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.contains("<svg"));
    CHECK(bytes.contains("viewBox"));
    // Qt's own SVG renderer reads it back and draws the red defect where the PNG has it.
    QSvgRenderer svgRenderer(bytes);
    REQUIRE(svgRenderer.isValid());
    QImage fromSvg(image.size(), QImage::Format_ARGB32_Premultiplied);
    fromSvg.fill(Qt::white);
    {
        QPainter p(&fromSvg);
        svgRenderer.render(&p);
    }
    core::MapPageLayout layout;
    core::renderPageImage(
        format, [&](QPainter& p) { layout = core::paintMapPage(p, format, fx.page, fb); }, 150);
    CHECK(colourAround(fromSvg, pagePixel(layout, fx.marks[0].at, 150), 4,
                       core::cardFillColor(core::CardColour::Red), 40));

    // Nothing but the three outputs: no temporary files left behind.
    CHECK(QDir(dir.path()).entryList(QDir::Files).size() == 3);
}

TEST_CASE("page output is atomic: cancel and unwritable paths leave no file", "[page]") {
    Fixture fx;
    QTemporaryDir dir;
    const core::PageFormat format;
    SECTION("a cancelled page leaves nothing") {
        for (const char* name : {"c.pdf", "c.png", "c.svg"}) {
            core::Feedback fb;
            fb.cancel();
            const QString path = dir.filePath(QString::fromLatin1(name));
            CHECK_THROWS_AS(core::writePageFile(
                                path, format, QString(),
                                [&](QPainter& p) { core::paintMapPage(p, format, fx.page, fb); }),
                            core::OperationCanceled);
            CHECK_FALSE(QFileInfo::exists(path));
        }
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
    SECTION("an existing file survives a failed rewrite") {
        const QString path = dir.filePath(QStringLiteral("keep.pdf"));
        core::writePageFile(path, format, QString(), [](QPainter&) {});
        const qint64 size = QFileInfo(path).size();
        CHECK_THROWS(core::writePageFile(path, format, QString(), [](QPainter&) {
            throw core::IoError(QStringLiteral("boom"));
        }));
        CHECK(QFileInfo(path).size() == size);
    }
    SECTION("an unwritable path gives one clear message naming it") {
        const QString path = dir.filePath(QStringLiteral("no/such/folder/map.pdf"));
        try {
            core::writePageFile(path, format, QString(), [](QPainter&) {});
            FAIL("no error");
        } catch (const core::IoError& e) {
            CHECK(e.message().contains(QDir::toNativeSeparators(path)));
            CHECK(e.message().contains(QStringLiteral("does not exist")));
            CHECK_FALSE(e.message().contains(QLatin1Char('\n')));
        }
    }
    SECTION("an unknown extension is refused naming the accepted ones") {
        CHECK_THROWS_WITH(core::pageFileFormatFor(QStringLiteral("a.tiff")),
                          Catch::Contains("a.tiff") && Catch::Contains(".svg"));
    }
}

TEST_CASE("the draw certificate holds seed, fingerprints, drawn units and signature lines",
          "[page][certificate]") {
    core::DrawRecord r;
    r.drawId = QStringLiteral("3f2a9c4e-1111-2222-3333-444455556666");
    r.createdUtc = QStringLiteral("2027-03-01T08:00:00.000Z");
    r.operatorName = QStringLiteral("张三");
    r.software = QStringLiteral("PeriSurvey 0.1.0");
    r.algorithm = QString::fromLatin1(core::kDrawAlgorithm);
    r.seed = 18446744073709551557ull;
    r.rulesName = QStringLiteral("osm+attributes-zh");
    r.rulesSha256 = QStringLiteral("ab12").repeated(16);
    r.workingCrs = QStringLiteral("EPSG:4547");
    r.inputs.push_back(
        {QStringLiteral("/data/x_district.gpkg"),
         {{QStringLiteral("roads"), 2466, QStringLiteral("cd34").repeated(16)},
          {QStringLiteral("compounds"), 1001, QStringLiteral("ef56").repeated(16)}}});
    for (int i = 0; i < 3; ++i) {
        core::AnchorDraw a;
        a.id = QStringLiteral("market-%1").arg(i + 1);
        a.kind = Role::Market;
        a.name = QStringLiteral("东门农贸市场%1").arg(i + 1);
        a.order = 3 - i;
        core::DrawnItem s;
        s.name = QStringLiteral("青石巷%1").arg(i + 1);
        s.measure = 320.5;
        s.distanceM = 812.25;
        a.streets.items.push_back(s);
        a.streets.asked = 2;
        a.streets.shortfall = i == 0 ? 1 : 0;
        a.streets.candidates = 1;
        core::DrawnItem c;
        c.name = QStringLiteral("幸福小区%1").arg(i + 1);
        c.measure = 12000;
        c.distanceM = 1500;
        a.compounds.items.push_back(c);
        a.compounds.asked = 1;
        r.outcome.anchors.push_back(a);
    }
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("cert.pdf"));
    core::writeDrawCertificate(pdf, r, {QStringLiteral("X区 2027 春季测评"), {}, {}});
    REQUIRE(QFileInfo::exists(pdf));
    const QString text = testing::pdfText(pdf);
    CHECK(text.contains(QStringLiteral("抽样证明")));
    CHECK(text.contains(QStringLiteral("X区2027春季测评")));
    CHECK(text.contains(QStringLiteral("18446744073709551557")));
    CHECK(text.contains(r.resultSha256()));
    CHECK(text.contains(r.rulesSha256));
    CHECK(text.contains(QStringLiteral("cd34").repeated(16)));
    CHECK(text.contains(QStringLiteral("ef56").repeated(16)));
    CHECK(text.contains(QStringLiteral("张三")));
    for (int i = 1; i <= 3; ++i) {
        CHECK(text.contains(QStringLiteral("东门农贸市场%1").arg(i)));
        CHECK(text.contains(QStringLiteral("青石巷%1").arg(i)));
        CHECK(text.contains(QStringLiteral("幸福小区%1").arg(i)));
    }
    CHECK(text.contains(QStringLiteral("812.3m")));
    CHECK(text.contains(QStringLiteral("操作员（签字）")));
    CHECK(text.contains(QStringLiteral("见证人（签字）")));
    CHECK(text.contains(QStringLiteral("缺额")));

    SECTION("an unwritable certificate path names the path and leaves nothing") {
        const QString bad = dir.filePath(QStringLiteral("missing/cert.pdf"));
        CHECK_THROWS_WITH(core::writeDrawCertificate(bad, r), Catch::Contains("missing/cert.pdf"));
        CHECK_FALSE(QFileInfo::exists(bad));
    }
}
