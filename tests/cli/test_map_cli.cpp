// `perisurvey-cli map` and `atlas` on the demo district with a draw and a few defects: PDF
// text (pdftotext) holds the title, anchor and defect names; the atlas has one page per anchor
// plus its front matter (pdfinfo); PNG/SVG output; extents; a cancelled atlas and an
// unwritable path leave no file.
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"
#include "core/render/draw_certificate.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/io/map_export.h"
#include "gis/proj/crs.h"
#include "support/cli_run.h"
#include "support/pdf_text.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <map>

namespace {

using Result = testing::CliResult;

Result run(const QStringList& argv) {
    return testing::runCliCommand(argv);
}

QString tool(const QString& program, const QStringList& args) {
    return testing::toolOutput(program, args);
}

QString pdfText(const QString& pdf) {
    return testing::pdfText(pdf);
}

int pdfPages(const QString& pdf) {
    return testing::pdfPageCount(pdf);
}

/// The demo district as a campaign with a draw of one anchor per kind and three defects in the
/// first anchor's ring (two with cards). Built once for all test cases.
struct DemoCampaign {
    QTemporaryDir dir;
    QString path;
    QStringList anchorNames;
    QString firstAnchorId;
    int anchors = 0;

    DemoCampaign() {
        path = dir.filePath(QStringLiteral("m.gpkg"));
        const Result c =
            run({QStringLiteral("campaign"), QStringLiteral("new"), path, QStringLiteral("--name"),
                 QStringLiteral("X区测评"), QStringLiteral("--import"),
                 testing::sourcePath(QStringLiteral("data/demo/x_district.gpkg"))});
        REQUIRE(c.rc == 0);
        const Result d =
            run({QStringLiteral("draw"), path, QStringLiteral("--seed"), QStringLiteral("7"),
                 QStringLiteral("--anchors-per-kind"), QStringLiteral("1"),
                 QStringLiteral("--operator"), QStringLiteral("测试员")});
        INFO(d.err.toStdString());
        REQUIRE(d.rc == 0);
        core::Campaign campaign = core::Campaign::open(path);
        const core::DrawRecord rec = campaign.requireDraw();
        anchors = static_cast<int>(rec.outcome.anchors.size());
        for (const auto& a : rec.outcome.anchors)
            anchorNames << a.name;
        firstAnchorId = rec.outcome.anchors.front().id;
        // Defects on the first anchor's drawn street (inside its ring).
        const core::LayerData streets =
            campaign.readDrawLayer(QStringLiteral("drawn_streets"), rec.drawId);
        const int anchorField = streets.fieldIndex(QStringLiteral("anchor_id"));
        core::Point onStreet = rec.outcome.anchors.front().location;
        for (std::size_t i = 0; i < streets.features.size(); ++i)
            if (streets.text(i, anchorField) == firstAnchorId) {
                onStreet = core::labelPoint(streets.features[i].geometry);
                break;
            }
        const gis::Crs working = gis::Crs::fromUserInput(campaign.workingCrs().authId);
        const gis::CoordinateTransform toLonLat(working, gis::Crs::fromEpsg(4490));
        const struct {
            const char* code;
            double dx;
            std::optional<core::CardColour> card;
        } defects[] = {{"RD-01", 0, core::CardColour::Red},
                       {"EN-01", 15, core::CardColour::Yellow},
                       {"AD-03", -15, std::nullopt}};
        for (const auto& spec : defects) {
            core::NewDefect nd;
            nd.code = QString::fromLatin1(spec.code);
            nd.working = core::Point{onStreet.x + spec.dx, onStreet.y};
            nd.lonLat = toLonLat.apply(*nd.working);
            nd.inspector = QStringLiteral("测试员");
            const core::Defect added = campaign.addDefect(nd);
            if (spec.card)
                campaign.issueCard(added.uuid, spec.card, QStringLiteral("测试员"), QString());
        }
    }
};

DemoCampaign& demo() {
    static DemoCampaign d;
    return d;
}

} // namespace

TEST_CASE("map writes a PDF page of the district with its title and legend", "[map][slow]") {
    DemoCampaign& d = demo();
    const QString pdf = d.dir.filePath(QStringLiteral("map.pdf"));
    const Result r =
        run({QStringLiteral("map"), d.path, QStringLiteral("--out"), pdf, QStringLiteral("--paper"),
             QStringLiteral("A3"), QStringLiteral("--landscape"), QStringLiteral("--grid")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    CHECK(r.out.contains(QStringLiteral("scale 1:")));
    CHECK(pdfPages(pdf) == 1);
    CHECK(tool(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("1191 x 842")));
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("X区测评问题分布图")));
    CHECK(text.contains(QStringLiteral("问题（红卡）")));
    CHECK(text.contains(QStringLiteral("问题（黄卡）")));
    CHECK(text.contains(QStringLiteral("问题（未发卡）")));
    CHECK_FALSE(text.contains(QStringLiteral("问题（白卡）"))); // no white card issued
    CHECK(text.contains(QStringLiteral("比例尺1:")));
}

TEST_CASE("the perisurvey-cli binary keeps --style and --title from Qt", "[map][slow]") {
    DemoCampaign& d = demo();
    const QString pdf = d.dir.filePath(QStringLiteral("binary.pdf"));
    QProcess p;
    p.start(testing::binPath(QStringLiteral("perisurvey-cli")),
            {QStringLiteral("map"), d.path, QStringLiteral("--style"), QStringLiteral("category"),
             QStringLiteral("--title"), QStringLiteral("分类问题图"), QStringLiteral("--out"),
             pdf});
    REQUIRE(p.waitForFinished(120000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("分类问题图")));
    CHECK(text.contains(QStringLiteral("按问题类别着色")));
    CHECK(text.contains(QStringLiteral("RD道路设施")));
    CHECK(text.contains(QStringLiteral("EN环境卫生")));
    CHECK_FALSE(text.contains(QStringLiteral("问题（红卡）")));
}

TEST_CASE("map writes PNG and SVG, by category, for a sub-district and an anchor", "[map][slow]") {
    DemoCampaign& d = demo();
    const QString png = d.dir.filePath(QStringLiteral("anchor.png"));
    Result r = run({QStringLiteral("map"), d.path, QStringLiteral("--out"), png,
                    QStringLiteral("--extent"), QStringLiteral("anchor:") + d.firstAnchorId,
                    QStringLiteral("--dpi"), QStringLiteral("100")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    const QImage img(png);
    CHECK(img.width() == std::lround(210 / 25.4 * 100));

    const QString svg = d.dir.filePath(QStringLiteral("cat.svg"));
    r = run({QStringLiteral("map"), d.path, QStringLiteral("--out"), svg, QStringLiteral("--style"),
             QStringLiteral("category"), QStringLiteral("--title"), QStringLiteral("类别图")});
    REQUIRE(r.rc == 0);
    CHECK(QFileInfo(svg).size() > 1000);

    SECTION("an unknown sub-district lists the known ones") {
        r = run({QStringLiteral("map"), d.path, QStringLiteral("--out"),
                 d.dir.filePath(QStringLiteral("s.pdf")), QStringLiteral("--extent"),
                 QStringLiteral("subdistrict:不存在街道")});
        CHECK(r.rc == cli::BadInput);
        CHECK(r.err.contains(QStringLiteral("不存在街道")));
        CHECK(r.err.contains(QStringLiteral("街道,")));
        CHECK_FALSE(QFileInfo::exists(d.dir.filePath(QStringLiteral("s.pdf"))));
    }
    SECTION("a BBOX extent in lon/lat works") {
        r = run({QStringLiteral("map"), d.path, QStringLiteral("--out"),
                 d.dir.filePath(QStringLiteral("bbox.pdf")), QStringLiteral("--extent"),
                 QStringLiteral("114.32,30.535,114.345,30.555")});
        INFO(r.err.toStdString());
        CHECK(r.rc == 0);
    }
    SECTION("an unwritable path gives one message naming it and leaves nothing") {
        const QString bad = d.dir.filePath(QStringLiteral("no/such/dir/map.pdf"));
        r = run({QStringLiteral("map"), d.path, QStringLiteral("--out"), bad});
        CHECK(r.rc == cli::BadInput);
        CHECK(r.err.contains(bad));
        CHECK(r.err.count(QLatin1Char('\n')) == 1);
    }
}

TEST_CASE("atlas has one page per anchor plus cover and contents, with the defect table",
          "[atlas][slow]") {
    DemoCampaign& d = demo();
    const QString pdf = d.dir.filePath(QStringLiteral("atlas.pdf"));
    const Result r = run({QStringLiteral("atlas"), d.path, QStringLiteral("--by"),
                          QStringLiteral("anchor"), QStringLiteral("--out"), pdf});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    REQUIRE(d.anchors >= 3);
    CHECK(pdfPages(pdf) == d.anchors + 2); // cover + one contents page
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("X区测评任务图集")));
    CHECK(text.contains(QStringLiteral("目录")));
    for (const QString& name : d.anchorNames)
        CHECK(text.contains(QString(name).remove(QRegularExpression(QStringLiteral("\\s")))));
    CHECK(text.contains(QStringLiteral("路面坑洼破损")));
    CHECK(text.contains(QStringLiteral("暴露垃圾/卫生死角")));
    CHECK(text.contains(QStringLiteral("乱贴乱画/小广告")));
    CHECK(text.contains(QStringLiteral("抽中背街小巷")));

    SECTION("by sub-district and by unit") {
        const QString sub = d.dir.filePath(QStringLiteral("sub.pdf"));
        Result s = run({QStringLiteral("atlas"), d.path, QStringLiteral("--by"),
                        QStringLiteral("subdistrict"), QStringLiteral("--out"), sub});
        INFO(s.err.toStdString());
        REQUIRE(s.rc == 0);
        CHECK(pdfPages(sub) == 7 + 2); // the demo has 7 街道
        const QString unit = d.dir.filePath(QStringLiteral("unit.pdf"));
        s = run({QStringLiteral("atlas"), d.path, QStringLiteral("--by"), QStringLiteral("unit"),
                 QStringLiteral("--out"), unit});
        INFO(s.err.toStdString());
        REQUIRE(s.rc == 0);
        CHECK(pdfPages(unit) >= 3);
    }
}

TEST_CASE("a cancelled atlas leaves no file", "[atlas][slow]") {
    DemoCampaign& d = demo();
    core::Campaign campaign = core::Campaign::open(d.path, core::OpenMode::ReadOnly);
    core::Feedback load;
    const gis::CampaignMapData data = gis::loadCampaignMap(campaign, {}, true, load);
    const QString pdf = d.dir.filePath(QStringLiteral("cancel.pdf"));
    core::Feedback* self = nullptr;
    core::Feedback fb([&](double percent, const QString&) {
        if (percent > 30 && self)
            self->cancel();
    });
    self = &fb;
    CHECK_THROWS_AS(gis::exportAtlas(data, pdf, {}, fb), core::OperationCanceled);
    CHECK_FALSE(QFileInfo::exists(pdf));
    for (const QString& f : QDir(d.dir.path()).entryList(QDir::Files | QDir::Hidden))
        CHECK_FALSE(f.startsWith(QStringLiteral("cancel")));
}

TEST_CASE("the draw certificate of a stored draw lists its anchors and input fingerprints",
          "[certificate][slow]") {
    DemoCampaign& d = demo();
    core::Campaign campaign = core::Campaign::open(d.path, core::OpenMode::ReadOnly);
    const core::DrawRecord rec = campaign.requireDraw();
    const QString pdf = d.dir.filePath(QStringLiteral("cert.pdf"));
    core::writeDrawCertificate(pdf, rec, {campaign.name(), campaign.path(), {}});
    const QString text = pdfText(pdf);
    CHECK(text.contains(QString::number(rec.seed)));
    CHECK(text.contains(rec.resultSha256()));
    CHECK(text.contains(rec.rulesSha256));
    for (const core::InputDataset& ds : rec.inputs)
        for (const core::InputLayer& l : ds.layers)
            CHECK(text.contains(l.sha256));
    for (const QString& name : d.anchorNames)
        CHECK(text.contains(QString(name).remove(QRegularExpression(QStringLiteral("\\s")))));
    for (const core::AnchorDraw& a : rec.outcome.anchors)
        for (const core::DrawnItem& s : a.streets.items)
            CHECK(text.contains(QString(s.name).remove(QRegularExpression(QStringLiteral("\\s")))));
    CHECK(text.contains(QStringLiteral("测试员")));
    CHECK(text.contains(QStringLiteral("见证人（签字）")));
}
