#pragma once

#include "core/store/audit_log.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

#include <cstdint>
#include <vector>

class QTableWidget;

namespace core {
class Campaign;
}

namespace app {

/// One defect of the ledger in full (non-modal): its fields (code, name, description,
/// severity, location, attached item, inspector, unit, card colour, stage and deadline), its
/// before and after photos side by side as thumbnails with their EXIF time (a click opens the
/// full image), and its audit history (the defect's and its card's entries, by time).
///
/// Everything is read from the campaign in the constructor; the dialog keeps no reference to
/// it, so it may stay open while the campaign changes or closes. GUI thread.
class DefectDetailDialog : public QDialog {
    Q_OBJECT
public:
    /// Throws core::Error (NotFound naming the defect) when the campaign has no such defect.
    DefectDetailDialog(core::Campaign& campaign, qint64 defectId, QWidget* parent = nullptr);

    qint64 defectId() const { return defectId_; }
    /// The fields as shown, one "label: value" line each (for tests and copying).
    QString fieldsText() const;
    /// Photos shown with this role ("before" or "after").
    int photoCount(const QString& role) const;
    /// Ids of the photos shown with this role, in order.
    std::vector<std::int64_t> photoIds(const QString& role) const;
    /// The audit history table: time, actor, action, change, reason.
    QTableWidget& history() { return *history_; }
    /// Opens the full-size image of a shown photo in a viewer window (deleted on close);
    /// returns it, or null for a photo the dialog does not show.
    QDialog* openPhoto(std::int64_t photoId);

private:
    struct Photo {
        std::int64_t id = 0;
        QString role;
        QString name;
        QString exifTime; ///< local time text, "" without EXIF time
        QByteArray thumbnail;
        QByteArray full;
    };

    QWidget* photoStrip(const QString& role);
    void fillHistory(const std::vector<core::AuditEntry>& entries);

    qint64 defectId_ = 0;
    int utcOffsetMinutes_ = 480;
    QStringList fieldLines_;
    std::vector<Photo> photos_;
    QTableWidget* history_ = nullptr;
};

} // namespace app
