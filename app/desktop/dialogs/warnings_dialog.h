#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace app {

/// A non-modal list of the data-quality warnings collected while loading (partial reads,
/// skipped geometries, guessed encodings), with a button to copy them for a report.
class WarningsDialog : public QDialog {
    Q_OBJECT
public:
    explicit WarningsDialog(QWidget* parent = nullptr);
    void setWarnings(const QStringList& warnings);
    int count() const;

private:
    QListWidget* list_ = nullptr;
};

} // namespace app
