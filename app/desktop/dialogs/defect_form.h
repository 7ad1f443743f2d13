#pragma once

#include "core/model/card.h"
#include "core/model/defect.h"
#include "core/model/geometry.h"
#include "core/model/taxonomy.h"

#include <QDateTime>
#include <QDialog>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace core {
class Campaign;
}

namespace app {

/// The defect form (登记问题): opened by the map tool at a clicked point, it gathers one defect
/// (code from the campaign's taxonomy, description, severity, observed time, photos, responsible
/// unit, inspector) and the card choices. It never writes to the campaign: the caller takes
/// newDefect(), issueCardNow() and cardColour() after accept() and records them (through an
/// undo command). It only reads the campaign (taxonomy, units, calendar, unit suggestion).
///
/// Codes that do not list the attached kind (street or compound) in their `attach` are shown
/// greyed out in their usual place, still selectable. Photos are read and checked
/// (core::processPhoto, gis::readExif) when added; times are shown in the campaign calendar's
/// local time. Accepting checks the entries; the problem is shown in the form, which stays
/// open. GUI thread only; the campaign must outlive the form.
class DefectForm : public QDialog {
    Q_OBJECT
public:
    explicit DefectForm(core::Campaign& campaign, QWidget* parent = nullptr);
    ~DefectForm() override;

    /// Where the defect is: `lonLat` EPSG:4490 degrees, `working` the same in the campaign's
    /// working CRS (metres), the feature it is attached to (`attachId` "<table>:<fid>",
    /// `attachLabel` its name for people) and the sub-district that places the unit suggestion.
    void setLocation(core::Point lonLat, std::optional<core::Point> working, core::AttachKind kind,
                     const QString& attachId, const QString& attachLabel,
                     const QString& subdistrict);
    /// Pre-selects a code (e.g. of a failed checklist item); an unknown code selects nothing.
    void setCode(const QString& code);
    void setDescription(const QString& text);
    void setInspector(const QString& name);
    /// lon/lat (EPSG:4490) -> working CRS, used when the location is taken from a photo's GPS.
    void
    setWorkingTransform(std::function<std::optional<core::Point>(core::Point lonLat)> toWorking);

    // Results, read after accept().
    /// The defect as entered, photos with their bytes, name, EXIF time and GPS. core::NewDefect
    /// has no severity: the store records the type's; see severity().
    core::NewDefect newDefect() const;
    QString code() const { return code_; }
    /// 1 safety-critical, 2 major, 3 minor; defaults to the selected type's.
    int severity() const;
    /// "Issue the card now" (立即发卡) is checked.
    bool issueCardNow() const;
    /// The colour chosen over the taxonomy's; nullopt = the taxonomy's (and the repeat rule).
    std::optional<core::CardColour> cardColour() const;
    QString inspector() const;
    /// The chosen responsible unit; nullopt = none chosen (the store assigns the suggested one).
    std::optional<std::int64_t> unitId() const;

    // What the form shows.
    /// The unit Campaign::suggestUnit gives for the code and sub-district.
    std::optional<std::int64_t> suggestedUnitId() const { return suggestedUnit_; }
    /// The colour a card issued now would get (the override, else the taxonomy's); White
    /// without a code.
    core::CardColour shownCardColour() const;
    /// The deadline (UTC) of a card of shownCardColour() issued at the last refresh; null
    /// without a code.
    QDateTime shownDeadline() const { return deadline_; }
    /// The card lines as shown ("Yellow card ... due 2027-03-18 10:20").
    QString cardText() const;
    /// "Attached to: Back street XX路 (drawn_streets:12)" or "Not attached".
    QString attachText() const;
    /// The observed time (UTC) as entered.
    QDateTime observedAt() const { return observed_; }
    /// The first problem with the entries, translated; empty when they are fine.
    QString problem() const;
    /// The last refusal (photo or accept), translated; empty after a success.
    QString lastMessage() const { return lastMessage_; }

    // The paths the buttons and drops take; public for tests.
    /// Adds one photo file; false (reason in lastMessage()) for a missing or unreadable file,
    /// one that is not a JPEG/PNG image, or the same photo twice.
    bool addPhotoFile(const QString& path);
    /// Adds several; the refusals are shown together. Returns how many were added.
    int addPhotoFiles(const QStringList& paths);
    void removePhoto(int row);
    /// Selects a code in the tree (clearing a filter that hides it).
    void selectCode(const QString& code);
    /// Sets the location from the selected photo's GPS (else the first photo with GPS).
    void usePhotoLocation();
    QLineEdit& codeFilter() { return *filter_; }
    QTreeWidget& codeTree() { return *tree_; }
    QListWidget& photoList() { return *photoList_; }
    QComboBox& unitCombo() { return *unit_; }
    QComboBox& severityCombo() { return *severity_; }
    QComboBox& colourCombo() { return *colour_; }
    QPushButton& usePhotoLocationButton() { return *usePhotoLocation_; }

    void accept() override;

signals:
    /// The location was taken from a photo's GPS (lon/lat EPSG:4490); the attachment is cleared
    /// until the caller snaps the point and calls setLocation() again.
    void locationFromPhoto(core::Point lonLat);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Photo {
        core::PhotoInput input;
        QString sha256;
    };

    QWidget* buildCodePicker();
    QWidget* buildPhotos();
    QWidget* buildCard();
    void fillTree();
    void applyFilter(const QString& text);
    void markAttachFit();
    void codeChosen(const QString& code);
    void refreshUnits();
    void refreshCard();
    void refreshLocation();
    void refreshObservedDefault();
    void refreshPhotoButtons();
    void showMessage(const QString& text);
    void observedEdited();
    QTreeWidgetItem* itemOf(const QString& code) const;

    core::Campaign& campaign_;
    int offsetMinutes_ = 480;
    std::vector<core::ResponsibleUnit> units_;

    std::optional<core::Point> lonLat_;
    std::optional<core::Point> working_;
    core::AttachKind attachKind_ = core::AttachKind::None;
    QString attachId_;
    QString attachLabel_;
    QString subdistrict_;
    std::function<std::optional<core::Point>(core::Point)> toWorking_;

    QString code_;
    std::optional<std::int64_t> suggestedUnit_;
    bool unitByHand_ = false;
    bool severityByHand_ = false;
    bool observedByHand_ = false;
    QDateTime observed_;
    QDateTime deadline_;
    std::vector<Photo> photos_;
    QString lastMessage_;

    QLineEdit* filter_;
    QTreeWidget* tree_;
    QLabel* chosen_;
    QLabel* location_;
    QLabel* attach_;
    QPlainTextEdit* description_;
    QComboBox* severity_;
    QDateTimeEdit* observedEdit_;
    QListWidget* photoList_;
    QPushButton* removePhoto_;
    QPushButton* usePhotoLocation_;
    QComboBox* unit_;
    QLabel* cardColourLabel_;
    QLabel* deadlineLabel_;
    QCheckBox* issueNow_;
    QComboBox* colour_;
    QLineEdit* inspector_;
    QLabel* message_;
};

} // namespace app
