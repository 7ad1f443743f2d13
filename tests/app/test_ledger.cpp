// The card ledger dock (督办台账) driven offscreen on the hand-made report campaign of
// tests/core/report_test_support.h: a yellow card through every step to 销号 with its audit
// trail, the overdue filter against Campaign::overdueCards, the other filters, numeric sorting,
// selection signals, and the detail dialog with before and after photos and the history.
#include "app/desktop/dialogs/defect_detail_dialog.h"
#include "app/desktop/panels/ledger_model.h"
#include "app/desktop/panels/ledger_panel.h"
#include "core/report_test_support.h"
#include "core/store/campaign.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

#include <functional>
#include <memory>
#include <optional>
#include <set>

namespace {

using app::LedgerModel;

const QString kActor = QStringLiteral("李四");

// The report campaign opened read-write and shown in a ledger panel (not interactive).
struct LedgerFixture {
    QTemporaryDir dir;
    testing::ReportFixture fx;
    std::optional<core::Campaign> campaign;
    app::LedgerPanel panel;
    QStringList failures;
    int changes = 0;

    LedgerFixture() {
        REQUIRE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ledger.gpkg"));
        fx = testing::buildReportCampaign(path);
        campaign.emplace(core::Campaign::open(path));
        panel.setInteractive(false);
        panel.resize(1000, 600);
        panel.setCampaign(&*campaign, kActor);
        QObject::connect(&panel, &app::LedgerPanel::actionFailed, &panel,
                         [this](const QString& m) { failures << m; });
        QObject::connect(&panel, &app::LedgerPanel::defectsChanged, &panel, [this] { ++changes; });
    }

    /// Defect n (1-based, as in report_test_support.h).
    qint64 id(int n) const { return fx.defects[static_cast<std::size_t>(n - 1)].id; }
    QString uuid(int n) const { return fx.defects[static_cast<std::size_t>(n - 1)].uuid; }

    QString cell(qint64 defectId, int column) {
        const int row = panel.model().rowOf(defectId);
        REQUIRE(row >= 0);
        return panel.model().index(row, column).data().toString();
    }

    std::set<qint64> shown() {
        std::set<qint64> ids;
        for (int r = 0; r < panel.filter().rowCount(); ++r)
            ids.insert(panel.filter().defectIdAt(r));
        return ids;
    }

    std::set<qint64> ids(std::initializer_list<int> numbers) const {
        std::set<qint64> out;
        for (int n : numbers)
            out.insert(id(n));
        return out;
    }

    void choose(const char* comboName, const QVariant& data) {
        auto* combo = panel.findChild<QComboBox*>(QString::fromLatin1(comboName));
        REQUIRE(combo);
        if (!data.isValid() || (data.typeId() == QMetaType::QString && data.toString().isEmpty())) {
            combo->setCurrentIndex(0);
            return;
        }
        const int index = combo->findData(data);
        REQUIRE(index >= 0);
        combo->setCurrentIndex(index);
    }
};

QString writeJpeg(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST_CASE("a yellow card goes through every step to 销号 from the ledger", "[app][gui][ledger]") {
    LedgerFixture f;
    const qint64 lamp = f.id(7); // LT-01 路灯不亮, 住建局, no card yet
    CHECK(f.panel.model().rowCount() == 8);
    CHECK(f.panel.countText() == QStringLiteral("Showing 8 / 8"));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("发现"));
    CHECK(f.cell(lamp, LedgerModel::CardColumn).isEmpty());

    f.panel.selectDefects({lamp});
    CHECK(f.panel.issueAction().isEnabled());
    CHECK_FALSE(f.panel.advanceAction().isEnabled());
    CHECK_FALSE(f.panel.closeAction().isEnabled());
    CHECK_FALSE(f.panel.returnAction().isEnabled());

    REQUIRE(f.panel.issueCard(lamp, core::CardColour::Yellow, QStringLiteral("夜间巡查发现")));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("发卡"));
    CHECK(f.cell(lamp, LedgerModel::CardColumn) == QStringLiteral("黄卡"));
    CHECK_FALSE(f.cell(lamp, LedgerModel::DeadlineColumn).isEmpty());
    // The selection survives the refresh, and the actions follow the stage.
    CHECK(f.panel.selectedDefects() == QList<qint64>{lamp});
    CHECK_FALSE(f.panel.issueAction().isEnabled());
    CHECK(f.panel.advanceAction().isEnabled());
    CHECK(f.panel.advanceAction().text() == QStringLiteral("派遣"));

    for (const char* stage : {"派遣", "整改", "反馈"}) {
        REQUIRE(f.panel.advance(lamp, QString()));
        CHECK(f.cell(lamp, LedgerModel::StageColumn) == QString::fromUtf8(stage));
    }
    CHECK(f.panel.advanceAction().text() == QStringLiteral("复核"));
    CHECK(f.panel.returnAction().isEnabled());
    CHECK_FALSE(f.panel.closeAction().isEnabled());

    // Closing before the re-check is refused by the workflow, and said; nothing changes.
    CHECK_FALSE(f.panel.closeCard(lamp, QString()));
    REQUIRE(f.failures.size() == 1);
    CHECK(f.failures.back().contains(QStringLiteral("复核")));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("反馈"));

    // 退回 needs a reason: an empty one is refused before anything is written.
    const std::size_t trailBefore = f.campaign->auditTrail(f.uuid(7)).size();
    CHECK_FALSE(f.panel.returnCard(lamp, QStringLiteral("  ")));
    CHECK(f.failures.size() == 2);
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("反馈"));
    CHECK(f.campaign->auditTrail(f.uuid(7)).size() == trailBefore);
    CHECK(f.campaign->card(lamp)->stage == core::CardStage::Reported);

    REQUIRE(f.panel.returnCard(lamp, QStringLiteral("灯罩未更换")));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("整改"));
    REQUIRE(f.panel.advance(lamp, QStringLiteral("已更换灯罩")));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("反馈"));

    // 复核 with an after-photo chosen from a file.
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    const QString photo = f.dir.filePath(QStringLiteral("after.jpg"));
    REQUIRE(image.save(photo, "JPEG"));
    REQUIRE(f.panel.advance(lamp, QStringLiteral("现场复核已修复"), photo));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("复核"));
    CHECK(f.panel.closeAction().isEnabled());
    CHECK_FALSE(f.panel.advanceAction().isEnabled());

    REQUIRE(f.panel.closeCard(lamp, QStringLiteral("销号")));
    CHECK(f.cell(lamp, LedgerModel::StageColumn) == QStringLiteral("销号"));
    CHECK(f.cell(lamp, LedgerModel::CardColumn) == QStringLiteral("黄卡"));
    CHECK_FALSE(f.panel.closeAction().isEnabled());
    CHECK_FALSE(f.panel.returnAction().isEnabled());
    CHECK_FALSE(f.panel.advanceAction().isEnabled());
    CHECK(f.panel.detailAction().isEnabled());
    CHECK(f.changes == 8);
    CHECK(f.failures.size() == 2);

    int afterPhotos = 0;
    for (const core::PhotoInfo& p : f.campaign->photos(lamp))
        afterPhotos += p.role == QStringLiteral("after") ? 1 : 0;
    CHECK(afterPhotos == 1);

    // The file's audit trail lists every step with the actor. The store keys card entries
    // by the defect's uuid (entity "card").
    QStringList steps;
    for (const core::AuditEntry& e : f.campaign->auditTrail(f.uuid(7))) {
        if (e.entity != QStringLiteral("card"))
            continue;
        CHECK(e.actor == kActor);
        if (e.field == QStringLiteral("status"))
            steps << e.action + QLatin1Char(':') + e.newValue;
        if (e.action == QStringLiteral("return"))
            CHECK(e.reason == QStringLiteral("灯罩未更换"));
    }
    CHECK(steps == QStringList{QStringLiteral("issue:issued"), QStringLiteral("advance:dispatched"),
                               QStringLiteral("advance:fixing"), QStringLiteral("advance:reported"),
                               QStringLiteral("return:fixing"), QStringLiteral("advance:reported"),
                               QStringLiteral("advance:rechecked"),
                               QStringLiteral("close:closed")});
    CHECK(f.campaign->verifyAudit().ok);
}

TEST_CASE("the overdue filter shows exactly the overdue cards", "[app][gui][ledger]") {
    LedgerFixture f;
    // Two more cards issued in the past: #6 on a Saturday (due Monday 03-22), #7 due 03-29.
    f.campaign->issueCard(f.uuid(6), core::CardColour::White, kActor, {}, testing::utc(3, 20, 1));
    f.campaign->issueCard(f.uuid(7), core::CardColour::Yellow, kActor, {}, testing::utc(3, 24, 1));
    f.panel.refresh();
    f.panel.overdueOnlyBox().setChecked(true);

    const std::pair<QDateTime, std::size_t> moments[] = {
        {testing::kReportNow, 3},    // #3, #5 and #6
        {testing::utc(3, 15, 7), 0}, // before any deadline passed
        {testing::utc(4, 5, 2), 5},  // #7 and #8 too; #4 is reported, never overdue
    };
    for (const auto& [now, count] : moments) {
        INFO(now.toString(Qt::ISODate).toStdString());
        f.panel.setNow(now);
        std::set<qint64> expected;
        for (const core::Card& c : f.campaign->overdueCards(now))
            expected.insert(c.defectId);
        CHECK(expected.size() == count);
        CHECK(f.shown() == expected);
        CHECK(f.panel.countText() == QStringLiteral("Showing %1 / 8").arg(count));
    }

    f.panel.setNow(testing::kReportNow);
    CHECK(f.shown() == f.ids({3, 5, 6}));
    // Overdue rows say by how many days (a started day counts).
    CHECK(f.cell(f.id(3), LedgerModel::OverdueColumn) == LedgerModel::overdueText(8));
    CHECK(f.cell(f.id(3), LedgerModel::OverdueColumn).contains(QStringLiteral("8")));
    CHECK(f.cell(f.id(5), LedgerModel::OverdueColumn) == LedgerModel::overdueText(1));
    CHECK(f.cell(f.id(4), LedgerModel::OverdueColumn).isEmpty());
    const QModelIndex overdue = f.panel.model().index(f.panel.model().rowOf(f.id(3)), 0);
    const QModelIndex onTime = f.panel.model().index(f.panel.model().rowOf(f.id(8)), 0);
    CHECK(overdue.data(Qt::ForegroundRole).isValid());
    CHECK_FALSE(onTime.data(Qt::ForegroundRole).isValid());

    f.panel.overdueOnlyBox().setChecked(false);
    CHECK(f.shown().size() == 8);
}

TEST_CASE("the ledger's filters narrow and its columns sort by value", "[app][gui][ledger]") {
    LedgerFixture f;
    core::NewDefect street = testing::defectAt(114.3011, 30.5811, QStringLiteral("EN-01"));
    street.attachKind = core::AttachKind::Street;
    street.attachId = QStringLiteral("drawn_streets:3");
    street.unitId = f.fx.urban;
    street.observedAt = testing::utc(3, 20, 2);
    street.description = QStringLiteral("背街小巷垃圾");
    street.inspector = QStringLiteral("王五");
    const qint64 onStreet = f.campaign->addDefect(street).id;
    f.panel.refresh();
    REQUIRE(f.panel.model().rowCount() == 9);
    CHECK(
        f.cell(onStreet, LedgerModel::AttachedColumn).contains(QStringLiteral("drawn_streets:3")));

    // Card colour: the yellow cards, as the campaign lists them.
    f.choose("colourFilter", static_cast<int>(core::CardColour::Yellow));
    std::set<qint64> yellow;
    for (const core::Defect& d : f.campaign->defects({.card = core::CardColour::Yellow}))
        yellow.insert(d.id);
    CHECK(yellow == f.ids({3, 4, 8}));
    CHECK(f.shown() == yellow);
    f.choose("colourFilter", QVariant());

    // Free text: description, unit name, code (any case), inspector.
    f.panel.searchEdit().setText(QStringLiteral("路灯"));
    CHECK(f.shown() == f.ids({7}));
    f.panel.searchEdit().setText(QStringLiteral("城管执法局"));
    std::set<qint64> urban = f.ids({5, 6, 8});
    urban.insert(onStreet);
    CHECK(f.shown() == urban);
    f.panel.searchEdit().setText(QStringLiteral("en-05"));
    CHECK(f.shown() == f.ids({3, 8}));
    f.panel.searchEdit().setText(QStringLiteral("王五"));
    CHECK(f.shown() == std::set<qint64>{onStreet});
    f.panel.searchEdit().clear();
    CHECK(f.shown().size() == 9);

    // Unit, code category, sub-district, stage.
    f.choose("unitFilter", static_cast<qlonglong>(f.fx.housing));
    CHECK(f.shown() == f.ids({4, 7}));
    f.choose("unitFilter", static_cast<qlonglong>(app::LedgerFilter::kNoUnit));
    CHECK(f.shown().empty());
    f.choose("unitFilter", QVariant());
    f.choose("codeFilter", QStringLiteral("EN"));
    std::set<qint64> environment = f.ids({1, 3, 6, 8});
    environment.insert(onStreet);
    CHECK(f.shown() == environment);
    f.choose("codeFilter", QStringLiteral("EN-05"));
    CHECK(f.shown() == f.ids({3, 8}));
    f.choose("codeFilter", QString());
    f.choose("subdistrictFilter", QStringLiteral("东湖街道"));
    CHECK(f.shown() == f.ids({4, 5}));
    f.choose("subdistrictFilter", QString());
    f.choose("stageFilter", static_cast<int>(core::CardStage::Closed));
    CHECK(f.shown() == f.ids({1, 2}));
    f.choose("stageFilter", QVariant());

    // Drawn item: attached, that item, not attached.
    f.choose("attachedFilter", 1);
    CHECK(f.shown() == std::set<qint64>{onStreet});
    f.choose("attachedFilter", 2);
    CHECK(f.shown() == f.ids({1, 2, 3, 4, 5, 6, 7, 8}));
    auto* attached = f.panel.findChild<QComboBox*>(QStringLiteral("attachedFilter"));
    REQUIRE(attached->findText(QStringLiteral("drawn_streets:3"), Qt::MatchContains) >= 0);
    attached->setCurrentIndex(
        attached->findText(QStringLiteral("drawn_streets:3"), Qt::MatchContains));
    CHECK(f.shown() == std::set<qint64>{onStreet});
    attached->setCurrentIndex(0);

    // Observed dates (local): only the defect seen on 03-20.
    auto dates = f.panel.findChildren<QDateEdit*>();
    REQUIRE(dates.size() == 2);
    auto* observed = f.panel.findChild<QCheckBox*>(QStringLiteral("observedRange"));
    REQUIRE(observed);
    observed->setChecked(true);
    CHECK(f.shown().size() == 9); // the dates start at the first and last observed day
    dates[0]->setDate(QDate(2027, 3, 20));
    dates[1]->setDate(QDate(2027, 3, 20));
    CHECK(f.shown() == std::set<qint64>{onStreet});
    f.panel.filter().setObservedRange(QDate(2027, 3, 14), QDate(2027, 3, 14));
    CHECK(f.shown() == f.ids({1, 2, 3, 4, 5, 6, 7, 8}));
    f.panel.filter().clearFilters();
    CHECK(f.shown().size() == 9);

    // Days overdue sort as numbers: 19, 12, 8 (a text sort would put 8 first).
    f.panel.setNow(testing::utc(4, 5, 2));
    f.panel.view().sortByColumn(LedgerModel::OverdueColumn, Qt::DescendingOrder);
    std::vector<int> days;
    for (int r = 0; r < f.panel.filter().rowCount(); ++r)
        days.push_back(f.panel.filter().index(r, 0).data(LedgerModel::OverdueDaysRole).toInt());
    CHECK(std::is_sorted(days.rbegin(), days.rend()));
    REQUIRE(days.size() >= 3);
    CHECK(std::vector<int>(days.begin(), days.begin() + 3) == std::vector<int>{19, 12, 8});
    CHECK(f.panel.filter().defectIdAt(0) == f.id(3));
    CHECK(f.panel.filter().defectIdAt(1) == f.id(5));
    CHECK(f.panel.filter().defectIdAt(2) == f.id(8));
    // Ids sort as numbers too.
    f.panel.view().sortByColumn(LedgerModel::IdColumn, Qt::DescendingOrder);
    CHECK(f.panel.filter().defectIdAt(0) == onStreet);

    // Selection: from the map it is silent, from the user it is announced; double-click zooms.
    QList<QList<qint64>> announced;
    QObject::connect(&f.panel, &app::LedgerPanel::selectionChangedByUser, &f.panel,
                     [&](const QList<qint64>& ids) { announced << ids; });
    QList<qint64> zoomed;
    QObject::connect(&f.panel, &app::LedgerPanel::zoomRequested, &f.panel,
                     [&](qint64 id) { zoomed << id; });
    f.panel.selectDefects({f.id(2), f.id(4)});
    CHECK(announced.isEmpty());
    CHECK(f.panel.selectedDefects().size() == 2);
    CHECK_FALSE(f.panel.detailAction().isEnabled()); // one row at a time
    const int proxyRow =
        f.panel.filter()
            .mapFromSource(f.panel.model().index(f.panel.model().rowOf(f.id(5)), 0))
            .row();
    f.panel.view().selectRow(proxyRow);
    REQUIRE(announced.size() == 1);
    CHECK(announced.back() == QList<qint64>{f.id(5)});
    emit f.panel.view().doubleClicked(f.panel.filter().index(proxyRow, 2));
    CHECK(zoomed == QList<qint64>{f.id(5)});
}

TEST_CASE("the detail dialog shows before and after photos and the history", "[app][gui][ledger]") {
    LedgerFixture f;
    const qint64 heap = f.id(3); // EN-05 楼道口乱堆建材, yellow card at 整改, one before-photo
    REQUIRE(f.panel.advance(heap, QStringLiteral("已清理")));
    const QString photo = writeJpeg(
        f.dir, QStringLiteral("IMG_after.jpg"),
        testing::jpeg(80, 60, testing::exifBlock(1, "2027:03:26 15:30:00", 30.5834, 114.3034), 9));
    REQUIRE(f.panel.advance(heap, QStringLiteral("复核通过"), photo));

    app::DefectDetailDialog* dialog = f.panel.openDetail(heap);
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->photoCount(QStringLiteral("before")) == 1);
    CHECK(dialog->photoCount(QStringLiteral("after")) == 1);
    CHECK(dialog->fieldsText().contains(QStringLiteral("EN-05")));
    CHECK(dialog->fieldsText().contains(QStringLiteral("楼道口乱堆建材")));
    CHECK(dialog->fieldsText().contains(QStringLiteral("黄卡 · 复核")));
    CHECK(dialog->fieldsText().contains(QStringLiteral("西湖街道办事处")));

    // The after-photo's EXIF time (local) under its thumbnail; a click opens the full image.
    const std::int64_t afterId = dialog->photoIds(QStringLiteral("after")).front();
    auto* thumb = dialog->findChild<QToolButton*>(QStringLiteral("photo_%1").arg(afterId));
    REQUIRE(thumb);
    CHECK(thumb->text() == QStringLiteral("2027-03-26 15:30"));
    CHECK_FALSE(thumb->icon().isNull());
    QDialog* viewer = dialog->openPhoto(afterId);
    REQUIRE(viewer);
    auto* image = viewer->findChild<QLabel*>(QStringLiteral("photoImage"));
    REQUIRE(image);
    CHECK(image->pixmap().size() == QSize(80, 60));
    CHECK(dialog->openPhoto(987654) == nullptr);
    const std::int64_t beforeId = dialog->photoIds(QStringLiteral("before")).front();
    QDialog* beforeViewer = dialog->openPhoto(beforeId);
    REQUIRE(beforeViewer);
    CHECK(beforeViewer->findChild<QLabel*>(QStringLiteral("photoImage"))->pixmap().size() ==
          QSize(40, 30));

    // The history: every audit entry of the defect and its card, oldest first.
    const auto trail = f.campaign->auditTrail(f.uuid(3));
    QTableWidget& history = dialog->history();
    REQUIRE(history.rowCount() == static_cast<int>(trail.size()));
    CHECK(history.item(0, 2)->data(Qt::UserRole).toString() == QStringLiteral("create"));
    bool sawRecheck = false;
    for (int r = 0; r < history.rowCount(); ++r)
        if (history.item(r, 4)->text() == QStringLiteral("复核通过")) {
            sawRecheck = true;
            CHECK(history.item(r, 1)->text() == kActor);
            CHECK(history.item(r, 3)->text().contains(QStringLiteral("反馈 → 复核")));
        }
    CHECK(sawRecheck);
    for (int r = 1; r < history.rowCount(); ++r)
        CHECK(history.item(r - 1, 0)->text() <= history.item(r, 0)->text());

    // A defect that does not exist: said, not shown.
    CHECK(f.panel.openDetail(987654) == nullptr);
    CHECK(f.failures.size() == 1);
    dialog->close();
}

TEST_CASE("the ledger without a campaign is empty and refuses actions", "[app][gui][ledger]") {
    app::LedgerPanel panel;
    panel.setInteractive(false);
    QStringList failures;
    QObject::connect(&panel, &app::LedgerPanel::actionFailed, &panel,
                     [&](const QString& m) { failures << m; });
    CHECK(panel.model().rowCount() == 0);
    CHECK_FALSE(panel.issueAction().isEnabled());
    CHECK_FALSE(panel.issueCard(1, std::nullopt, QString()));
    CHECK(failures.size() == 1);
    {
        LedgerFixture f;
        CHECK(f.panel.model().rowCount() == 8);
        f.panel.setCampaign(nullptr, kActor);
        CHECK(f.panel.model().rowCount() == 0);
        CHECK(f.panel.filter().rowCount() == 0);
    }
}

namespace {

// Answers the next modal dialog (found by polling, as exec() starts it) with `answer`.
void answerNextDialog(const std::function<void(QDialog&)>& answer) {
    auto* poll = new QTimer;
    auto tries = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, [poll, tries, answer] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog && ++*tries < 250)
            return;
        poll->stop();
        poll->deleteLater();
        if (dialog)
            answer(*dialog);
    });
    poll->start(20);
}

} // namespace

TEST_CASE("the ledger's buttons ask for the colour and the reason", "[app][gui][ledger]") {
    LedgerFixture f;
    f.panel.show();
    const qint64 litter = f.id(6); // EN-01: the taxonomy's default is a white card
    f.panel.selectDefects({litter});
    REQUIRE(f.panel.issueAction().isEnabled());
    int presetColour = -1;
    answerNextDialog([&](QDialog& dialog) {
        auto* colour = dialog.findChild<QComboBox*>(QStringLiteral("issueColour"));
        if (colour) {
            presetColour = colour->currentData().toInt();
            colour->setCurrentIndex(colour->findData(static_cast<int>(core::CardColour::Red)));
        }
        dialog.accept();
    });
    f.panel.issueAction().trigger();
    CHECK(presetColour == static_cast<int>(core::CardColour::White));
    CHECK(f.cell(litter, LedgerModel::CardColumn) == QStringLiteral("红卡"));
    CHECK(f.cell(litter, LedgerModel::StageColumn) == QStringLiteral("发卡"));

    // Advance from 发卡: a note is asked for, then the card moves to 派遣.
    REQUIRE(f.panel.advanceAction().text() == QStringLiteral("派遣"));
    answerNextDialog([](QDialog& dialog) {
        if (auto* input = qobject_cast<QInputDialog*>(&dialog))
            input->setTextValue(QStringLiteral("派往城管执法局"));
        dialog.accept();
    });
    f.panel.advanceAction().trigger();
    CHECK(f.cell(litter, LedgerModel::StageColumn) == QStringLiteral("派遣"));

    // 退回 of #4 (反馈): an empty reason is refused, a reason sends it back to 整改.
    const qint64 road = f.id(4);
    f.panel.selectDefects({road});
    REQUIRE(f.panel.returnAction().isEnabled());
    answerNextDialog([](QDialog& dialog) { dialog.accept(); });
    f.panel.returnAction().trigger();
    CHECK(f.failures.size() == 1);
    CHECK(f.cell(road, LedgerModel::StageColumn) == QStringLiteral("反馈"));
    answerNextDialog([](QDialog& dialog) {
        if (auto* input = qobject_cast<QInputDialog*>(&dialog))
            input->setTextValue(QStringLiteral("坑洼仍在"));
        dialog.accept();
    });
    f.panel.returnAction().trigger();
    CHECK(f.cell(road, LedgerModel::StageColumn) == QStringLiteral("整改"));
    CHECK(f.campaign->auditTrail(f.uuid(4)).back().reason == QStringLiteral("坑洼仍在"));
}
