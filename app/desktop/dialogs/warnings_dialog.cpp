#include "app/desktop/dialogs/warnings_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace app {

WarningsDialog::WarningsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Data warnings"));
    resize(640, 360);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("The data was loaded, but some of it may be incomplete or was read with guesses:"),
        this));
    list_ = new QListWidget(this);
    list_->setWordWrap(true);
    list_->setAlternatingRowColors(true);
    layout->addWidget(list_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] {
        QStringList lines;
        for (int i = 0; i < list_->count(); ++i)
            lines << list_->item(i)->text();
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(buttons);
}

void WarningsDialog::setWarnings(const QStringList& warnings) {
    list_->clear();
    list_->addItems(warnings);
}

int WarningsDialog::count() const {
    return list_->count();
}

} // namespace app
