// The defect form, driven offscreen on a fresh campaign with a few units: the code picker's
// filter and greying, the unit suggestion and card preview, photos (EXIF time, GPS, refusals,
// drops), the checks on accept, and the NewDefect it produces recorded by the store.
#include "app/desktop/dialogs/defect_form.h"
#include "app/ui/display_text.h"
#include "core/photo_test_support.h"
#include "core/report/defect_rows.h"
#include "core/store/campaign.h"
#include "core/store_test_support.h"
#include "core/workflow/card_rules.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTreeWidget>
#include <QUrl>

#include <cstdlib>
#include <set>

namespace {

core::ResponsibleUnit unit(const QString& name, core::UnitKind kind, const QString& area = {}) {
    core::ResponsibleUnit u;
    u.name = name;
    u.kind = kind;
    u.area = area;
    return u;
}

// A new campaign (no district layers, so any location is accepted) with units of the kinds
// the tests' codes go to: RD-01 -> HOUSING_CONSTR, RD-04 -> UTILITY_OWNER, EN-01 ->
// STREET_OFFICE placed by sub-district.
struct FormFixture {
    QTemporaryDir dir;
    core::Campaign campaign;
    std::int64_t housing = 0;
    std::int64_t utility = 0;
    std::int64_t xihu = 0;
    std::int64_t lingyin = 0;

    FormFixture()
        : campaign(core::Campaign::create(dir.filePath(QStringLiteral("c.gpkg")),
                                          testing::campaignOptions())) {
        housing = campaign.addUnit(unit(QStringLiteral("区住建局"), core::UnitKind::HousingConstr));
        utility = campaign.addUnit(unit(QStringLiteral("水务集团"), core::UnitKind::UtilityOwner));
        lingyin = campaign.addUnit(unit(QStringLiteral("灵隐街道办事处"),
                                        core::UnitKind::StreetOffice, QStringLiteral("灵隐街道")));
        xihu = campaign.addUnit(unit(QStringLiteral("西湖街道办事处"), core::UnitKind::StreetOffice,
                                     QStringLiteral("西湖街道")));
    }

    QString write(const QString& name, const QByteArray& bytes) const {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
};

// Codes of the leaves a person sees (item and its group not hidden).
std::set<QString> visibleCodes(QTreeWidget& tree) {
    std::set<QString> codes;
    for (int g = 0; g < tree.topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree.topLevelItem(g);
        for (int i = 0; !group->isHidden() && i < group->childCount(); ++i)
            if (!group->child(i)->isHidden())
                codes.insert(group->child(i)->data(0, Qt::UserRole).toString());
    }
    return codes;
}

int visibleGroups(QTreeWidget& tree) {
    int n = 0;
    for (int g = 0; g < tree.topLevelItemCount(); ++g)
        n += tree.topLevelItem(g)->isHidden() ? 0 : 1;
    return n;
}

QTreeWidgetItem* leaf(QTreeWidget& tree, const QString& code) {
    for (int g = 0; g < tree.topLevelItemCount(); ++g)
        for (int i = 0; i < tree.topLevelItem(g)->childCount(); ++i)
            if (tree.topLevelItem(g)->child(i)->data(0, Qt::UserRole).toString() == code)
                return tree.topLevelItem(g)->child(i);
    return nullptr;
}

// A JPEG taken 2027-03-15 10:20:30 Beijing time at 120.15 E, 30.25 N.
QByteArray gpsJpeg() {
    return testing::jpeg(64, 48, testing::exifBlock(1, "2027:03:15 10:20:30", 30.25, 120.15));
}

} // namespace

TEST_CASE("the defect form's code filter matches code, Chinese and English names",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    QTreeWidget& tree = form.codeTree();
    const auto all = f.campaign.taxonomy().types().size();
    CHECK(visibleCodes(tree).size() == all);

    form.codeFilter().setText(QStringLiteral("井盖"));
    CHECK(visibleCodes(tree) ==
          std::set<QString>{QStringLiteral("RD-04"), QStringLiteral("RD-05")});
    CHECK(visibleGroups(tree) == 1);
    CHECK(leaf(tree, QStringLiteral("RD-04"))->parent()->isExpanded());
    CHECK(leaf(tree, QStringLiteral("RD-04"))->parent()->text(0).contains(QStringLiteral("RD")));

    form.codeFilter().setText(QStringLiteral("POTHOLE"));
    CHECK(visibleCodes(tree).count(QStringLiteral("RD-01")) == 1);
    CHECK(visibleCodes(tree).size() == 1);

    form.codeFilter().setText(QStringLiteral("ev-"));
    CHECK(visibleCodes(tree) == std::set<QString>{QStringLiteral("EV-01")});

    form.codeFilter().setText(QStringLiteral("no such thing"));
    CHECK(visibleCodes(tree).empty());
    CHECK(visibleGroups(tree) == 0);

    // Enter in the filter picks the first match and does not accept the form.
    form.codeFilter().setText(QStringLiteral("井盖"));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(&form.codeFilter(), &enter);
    CHECK(form.code() == QStringLiteral("RD-04"));
    CHECK(form.result() != QDialog::Accepted);

    form.codeFilter().clear();
    CHECK(visibleCodes(tree).size() == all);
    // Pre-selecting a code the filter hides clears the filter.
    form.codeFilter().setText(QStringLiteral("井盖"));
    form.setCode(QStringLiteral("EN-01"));
    CHECK(form.code() == QStringLiteral("EN-01"));
    CHECK(form.codeFilter().text().isEmpty());
    CHECK(tree.currentItem() == leaf(tree, QStringLiteral("EN-01")));
    form.setCode(QStringLiteral("XX-99"));
    CHECK(form.code() == QStringLiteral("EN-01"));
}

TEST_CASE("codes that do not fit the attached kind are greyed but selectable",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    const QColor grey = form.palette().color(QPalette::Disabled, QPalette::Text);
    QTreeWidget& tree = form.codeTree();
    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::Compound,
                     QStringLiteral("drawn_compounds:3"), QStringLiteral("翠苑一区"), {});
    // RD-02 (road collapse) is listed for streets only; RD-01 for streets and compounds.
    CHECK(leaf(tree, QStringLiteral("RD-02"))->foreground(0).color() == grey);
    CHECK(leaf(tree, QStringLiteral("RD-01"))->foreground(0).color() != grey);
    CHECK(leaf(tree, QStringLiteral("EV-01"))->foreground(0).color() != grey);
    form.selectCode(QStringLiteral("RD-02"));
    CHECK(form.code() == QStringLiteral("RD-02"));

    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::Street,
                     QStringLiteral("drawn_streets:12"), QStringLiteral("文三路"), {});
    CHECK(leaf(tree, QStringLiteral("RD-02"))->foreground(0).color() != grey);
    CHECK(leaf(tree, QStringLiteral("EV-01"))->foreground(0).color() == grey);
    CHECK(form.attachText() ==
          app::DefectForm::tr("Attached to: %1 (%2)")
              .arg(app::roleDisplayName(core::Role::BackStreet) + QStringLiteral(" 文三路"),
                   QStringLiteral("drawn_streets:12")));

    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::None, {}, {}, {});
    CHECK(leaf(tree, QStringLiteral("EV-01"))->foreground(0).color() != grey);
    CHECK(form.attachText() == app::DefectForm::tr("Not attached"));
}

TEST_CASE("choosing a code suggests its unit and shows the card and its deadline",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    QComboBox& units = form.unitCombo();
    CHECK_FALSE(form.unitId());
    CHECK(units.count() == 5); // "none" and the four units

    form.selectCode(QStringLiteral("RD-04")); // missing manhole cover: red, severity 1
    REQUIRE(form.suggestedUnitId() == f.utility);
    CHECK(form.unitId() == f.utility);
    CHECK(units.currentText() ==
          app::DefectForm::tr("%1 (suggested)").arg(QStringLiteral("水务集团")));
    CHECK(form.severity() == 1);
    CHECK(form.shownCardColour() == core::CardColour::Red);
    CHECK_FALSE(form.cardColour());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime deadline = form.shownDeadline();
    REQUIRE(deadline.isValid());
    // Red for a severity-1 defect: 24 calendar hours from now.
    CHECK(std::abs(now.addSecs(24 * 3600).secsTo(deadline)) < 120);
    CHECK(form.cardText().contains(app::DefectForm::tr("Red card")));
    CHECK(form.cardText().contains(core::localTimeText(deadline, 480)));

    // The unit follows the code.
    form.selectCode(QStringLiteral("RD-01"));
    CHECK(form.unitId() == f.housing);
    CHECK(form.severity() == 2);
    CHECK(form.shownCardColour() == core::CardColour::Yellow);
    const core::Taxonomy& tax = f.campaign.taxonomy();
    const QDateTime yellowDue = f.campaign.calendar().add(
        QDateTime::currentDateTimeUtc(),
        core::cardAllowance(tax, *tax.find(QStringLiteral("RD-01")), core::CardColour::Yellow));
    CHECK(std::abs(yellowDue.secsTo(form.shownDeadline())) < 120);

    // A street-office code goes to the office of the sub-district.
    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::None, {}, {},
                     QStringLiteral("西湖街道"));
    form.selectCode(QStringLiteral("EN-01"));
    CHECK(form.unitId() == f.xihu);
    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::None, {}, {},
                     QStringLiteral("灵隐街道"));
    CHECK(form.unitId() == f.lingyin);

    // A unit picked by hand stays when the code changes.
    units.setCurrentIndex(units.findData(QVariant::fromValue<qint64>(f.housing)));
    emit units.activated(units.currentIndex());
    form.selectCode(QStringLiteral("RD-04"));
    CHECK(form.unitId() == f.housing);
    CHECK(form.suggestedUnitId() == f.utility);

    // Overriding the colour changes the preview and the result.
    QComboBox& colour = form.colourCombo();
    colour.setCurrentIndex(colour.findData(static_cast<int>(core::CardColour::White)));
    CHECK(form.cardColour() == core::CardColour::White);
    CHECK(form.shownCardColour() == core::CardColour::White);
    CHECK(form.cardText().contains(app::DefectForm::tr("White card")));
}

TEST_CASE("a campaign without units offers none", "[app][gui][defect]") {
    QTemporaryDir dir;
    core::Campaign c =
        core::Campaign::create(dir.filePath(QStringLiteral("c.gpkg")), testing::campaignOptions());
    app::DefectForm form(c);
    form.selectCode(QStringLiteral("RD-01"));
    CHECK(form.unitCombo().count() == 1);
    CHECK_FALSE(form.unitId());
    CHECK_FALSE(form.suggestedUnitId());
}

TEST_CASE("photos show their EXIF time and give the location from their GPS",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    form.setWorkingTransform([](core::Point ll) -> std::optional<core::Point> {
        return core::Point{ll.x * 1000, ll.y * 1000};
    });
    form.setLocation({120.16, 30.26}, core::Point{1, 2}, core::AttachKind::Street,
                     QStringLiteral("drawn_streets:12"), QStringLiteral("文三路"), {});
    std::vector<core::Point> emitted;
    QObject::connect(&form, &app::DefectForm::locationFromPhoto,
                     [&](core::Point ll) { emitted.push_back(ll); });

    // A photo without EXIF: no time, no GPS.
    const QString plain = f.write(QStringLiteral("plain.jpg"), testing::jpeg(32, 32, {}, 5));
    REQUIRE(form.addPhotoFile(plain));
    CHECK(form.lastMessage().isEmpty());
    CHECK(form.photoList().item(0)->text().contains(app::DefectForm::tr("No capture time")));
    CHECK_FALSE(form.usePhotoLocationButton().isEnabled());
    CHECK_FALSE(form.photoList().item(0)->icon().isNull());

    const QString gps = f.write(QStringLiteral("IMG_0420.jpg"), gpsJpeg());
    REQUIRE(form.addPhotoFile(gps));
    REQUIRE(form.photoList().count() == 2);
    const QString text = form.photoList().item(1)->text();
    CHECK(text.contains(QStringLiteral("IMG_0420.jpg")));
    CHECK(text.contains(app::DefectForm::tr("Taken %1").arg(QStringLiteral("2027-03-15 10:20"))));
    // The observed time defaults to the first photo's EXIF time (UTC).
    CHECK(form.observedAt() == QDateTime(QDate(2027, 3, 15), QTime(2, 20, 30), QTimeZone::utc()));
    CHECK(form.usePhotoLocationButton().isEnabled());

    form.usePhotoLocationButton().click();
    REQUIRE(emitted.size() == 1);
    CHECK(emitted[0].x == Approx(120.15).margin(1e-6));
    CHECK(emitted[0].y == Approx(30.25).margin(1e-6));
    const core::NewDefect d = form.newDefect();
    REQUIRE(d.lonLat);
    CHECK(d.lonLat->x == Approx(120.15).margin(1e-6));
    REQUIRE(d.working);
    CHECK(d.working->x == Approx(120150).margin(1e-3));
    CHECK(d.working->y == Approx(30250).margin(1e-3));
    CHECK(d.attachKind == core::AttachKind::None);
    CHECK(d.attachId.isEmpty());
    CHECK(form.attachText() == app::DefectForm::tr("Not attached"));

    // Removing the GPS photo disables the button again.
    form.removePhoto(1);
    CHECK(form.photoList().count() == 1);
    CHECK_FALSE(form.usePhotoLocationButton().isEnabled());
}

TEST_CASE("the defect form refuses non-images, duplicates and missing files",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    const QString notes = f.write(QStringLiteral("notes.txt"), QByteArray("not a photo"));
    CHECK_FALSE(form.addPhotoFile(notes));
    CHECK(form.lastMessage().contains(QStringLiteral("notes.txt")));
    const QString fake = f.write(QStringLiteral("scan.jpg"), QByteArray("%PDF-1.4"));
    CHECK_FALSE(form.addPhotoFile(fake));
    CHECK(form.lastMessage().contains(QStringLiteral("scan.jpg")));
    CHECK_FALSE(form.addPhotoFile(f.dir.filePath(QStringLiteral("gone.jpg"))));
    CHECK(form.lastMessage().contains(QStringLiteral("gone.jpg")));
    CHECK(form.photoList().count() == 0);

    const QString a = f.write(QStringLiteral("a.jpg"), gpsJpeg());
    const QString copy = f.write(QStringLiteral("copy of a.jpg"), gpsJpeg());
    CHECK(form.addPhotoFile(a));
    CHECK_FALSE(form.addPhotoFile(a));
    CHECK_FALSE(form.addPhotoFile(copy));
    CHECK(form.lastMessage().contains(QStringLiteral("copy of a.jpg")));
    CHECK(form.photoList().count() == 1);

    // Dropping files adds the images and names the refused ones.
    const QString png = f.dir.filePath(QStringLiteral("b.png"));
    {
        QImage img(16, 16, QImage::Format_RGB32);
        img.fill(Qt::green);
        REQUIRE(img.save(png, "PNG"));
    }
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(png), QUrl::fromLocalFile(notes)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&form, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&form, &drop);
    CHECK(form.photoList().count() == 2);
    CHECK(form.lastMessage().contains(QStringLiteral("notes.txt")));
}

TEST_CASE("accepting the defect form needs a code, an inspector and a location",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    form.show();
    form.accept();
    CHECK(form.isVisible());
    CHECK(form.result() != QDialog::Accepted);
    CHECK(form.lastMessage() == app::DefectForm::tr("Choose a defect type."));

    form.selectCode(QStringLiteral("EN-01"));
    form.setInspector(QStringLiteral("   "));
    form.accept();
    CHECK(form.isVisible());
    CHECK(form.lastMessage() == app::DefectForm::tr("Enter the inspector's name."));

    form.setInspector(QStringLiteral("张三"));
    form.accept();
    CHECK(form.isVisible());
    CHECK(form.lastMessage().contains(QStringLiteral("GPS")));

    form.setLocation({120.15, 30.25}, std::nullopt, core::AttachKind::None, {}, {}, {});
    form.accept();
    CHECK_FALSE(form.isVisible());
    CHECK(form.result() == QDialog::Accepted);
    CHECK(form.lastMessage().isEmpty());
}

TEST_CASE("the defect form's NewDefect is recorded by the campaign as entered",
          "[app][gui][defect]") {
    FormFixture f;
    app::DefectForm form(f.campaign);
    form.setLocation({120.15, 30.25}, core::Point{620000.5, 3347000.25}, core::AttachKind::Street,
                     QStringLiteral("drawn_streets:12"), QStringLiteral("文三路"),
                     QStringLiteral("西湖街道"));
    form.setCode(QStringLiteral("RD-01"));
    form.setDescription(QStringLiteral("人行道旁坑洼约 30 cm"));
    form.setInspector(QStringLiteral("李四"));
    const QByteArray bytes = gpsJpeg();
    const QString photo = f.write(QStringLiteral("IMG_0420.jpg"), bytes);
    REQUIRE(form.addPhotoFile(photo));
    // The inspector judges it worse than the taxonomy's default (2).
    form.severityCombo().setCurrentIndex(form.severityCombo().findData(1));
    form.accept();
    REQUIRE(form.result() == QDialog::Accepted);

    const core::NewDefect in = form.newDefect();
    CHECK(in.code == QStringLiteral("RD-01"));
    CHECK(in.description == QStringLiteral("人行道旁坑洼约 30 cm"));
    CHECK(form.severity() == 1);
    CHECK(in.severity == 1);
    REQUIRE(in.lonLat);
    CHECK(*in.lonLat == core::Point{120.15, 30.25});
    CHECK(in.working == core::Point{620000.5, 3347000.25});
    CHECK(in.attachKind == core::AttachKind::Street);
    CHECK(in.attachId == QStringLiteral("drawn_streets:12"));
    CHECK(in.inspector == QStringLiteral("李四"));
    CHECK(in.unitId == f.housing);
    REQUIRE(in.photos.size() == 1);
    CHECK(in.photos[0].data == bytes);
    CHECK(in.photos[0].originalName == QStringLiteral("IMG_0420.jpg"));
    CHECK(in.photos[0].exifTime ==
          QDateTime(QDate(2027, 3, 15), QTime(2, 20, 30), QTimeZone::utc()));
    REQUIRE(in.photos[0].exifLonLat);
    CHECK(in.photos[0].exifLonLat->y == Approx(30.25).margin(1e-6));
    CHECK(form.inspector() == QStringLiteral("李四"));
    CHECK_FALSE(form.issueCardNow());

    const core::Defect d = f.campaign.addDefect(in);
    CHECK(d.code == QStringLiteral("RD-01"));
    CHECK(d.description == in.description);
    CHECK(d.severity == 1);
    CHECK(d.attachKind == core::AttachKind::Street);
    CHECK(d.attachId == QStringLiteral("drawn_streets:12"));
    CHECK(d.inspector == QStringLiteral("李四"));
    CHECK(d.unitId == f.housing);
    CHECK(d.observedAt == in.observedAt);
    CHECK(d.lonLat.x == Approx(120.15).margin(1e-9));
    REQUIRE(d.working);
    CHECK(d.working->x == Approx(620000.5).margin(1e-6));
    const auto photos = f.campaign.photos(d.id);
    REQUIRE(photos.size() == 1);
    CHECK(photos[0].originalName == QStringLiteral("IMG_0420.jpg"));
    CHECK(f.campaign.photoData(photos[0].id) == bytes);

    // The caller issues the card with the form's choices.
    QComboBox& colour = form.colourCombo();
    colour.setCurrentIndex(colour.findData(static_cast<int>(core::CardColour::Red)));
    const core::Card card = f.campaign.issueCard(d.uuid, form.cardColour(), form.inspector(), {});
    CHECK(card.colour == core::CardColour::Red);
}
