#include "app/desktop/panels/draw_panel.h"

#include "app/ui/display_text.h"
#include "app/ui/layer_icons.h"
#include "core/render/map_style.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRectF>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace app {

namespace {

constexpr int kBoxRole = Qt::UserRole + 1;
const QColor kShortfallColour(0xc0, 0x39, 0x2b);

// The bounds of the features of `layer` drawn for `anchorId` (with `rank`, when > 0).
core::Box featureBox(const core::LayerPtr& layer, const QString& anchorId, int rank) {
    core::Box box;
    if (!layer)
        return box;
    const int anchorField = layer->fieldIndex(QStringLiteral("anchor_id"));
    const int rankField = layer->fieldIndex(QStringLiteral("draw_rank"));
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
        if (layer->text(i, anchorField) != anchorId)
            continue;
        if (rank > 0 && layer->text(i, rankField).toInt() != rank)
            continue;
        box.expand(layer->features[i].geometry.bounds());
    }
    return box;
}

void setBox(QTreeWidgetItem* item, const core::Box& box) {
    if (!box.empty())
        item->setData(0, kBoxRole, QRectF(box.minX, box.minY, box.width(), box.height()));
}

QString itemName(const QString& name) {
    return name.isEmpty() ? DrawPanel::tr("(unnamed)") : name;
}

} // namespace

DrawPanel::DrawPanel(QWidget* parent) : QWidget(parent) {
    setMinimumWidth(380);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    tree_ = new QTreeWidget;
    tree_->setObjectName(QStringLiteral("drawTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Anchor / drawn item"), tr("Details")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    recordButton_ = new QPushButton(tr("Draw record..."));
    recordButton_->setEnabled(false);
    connect(recordButton_, &QPushButton::clicked, this, &DrawPanel::recordRequested);
    connect(tree_, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item, int) { onItemClicked(item); });
    connect(tree_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { onItemClicked(item); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(tree_, 1);
    layout->addWidget(recordButton_);
    setDraw(std::nullopt, {});
}

int DrawPanel::anchorCount() const {
    return tree_->topLevelItemCount();
}

void DrawPanel::setDraw(const std::optional<core::DrawRecord>& record,
                        const core::DrawLayers& layers) {
    tree_->clear();
    recordButton_->setEnabled(record.has_value());
    if (!record) {
        summary_->setText(tr("No draw yet. Use Draw > New draw... to make one."));
        return;
    }
    const core::MapStyle style = core::MapStyle::standard();
    int streets = 0;
    int compounds = 0;
    for (const core::AnchorDraw& a : record->outcome.anchors) {
        auto* top = new QTreeWidgetItem(tree_);
        top->setIcon(0, roleIcon(a.kind, style));
        top->setText(0, itemName(a.name));
        top->setText(1, QStringLiteral("%1 · %2").arg(roleDisplayName(a.kind), a.id));
        top->setToolTip(0, a.source);
        core::Box anchorBox = featureBox(layers.rings, a.id, 0);
        if (anchorBox.empty())
            anchorBox.expand(a.location);
        setBox(top, anchorBox);

        int rank = 0;
        for (const core::DrawnItem& s : a.streets.items) {
            auto* child = new QTreeWidgetItem(top);
            child->setText(0, tr("Back street: %1").arg(itemName(s.name)));
            child->setText(1, tr("%1 m long, %2 m away")
                                  .arg(groupedNumber(s.measure, 0), groupedNumber(s.distanceM, 0)));
            core::Box b = featureBox(layers.streets, a.id, ++rank);
            if (b.empty())
                b.expand(s.nearPoint);
            setBox(child, b);
            ++streets;
        }
        rank = 0;
        for (const core::DrawnItem& c : a.compounds.items) {
            auto* child = new QTreeWidgetItem(top);
            child->setText(0, tr("Compound: %1").arg(itemName(c.name)));
            child->setText(1, tr("%1 m², centroid %2 m away")
                                  .arg(groupedNumber(c.measure, 0), groupedNumber(c.distanceM, 0)));
            core::Box b = featureBox(layers.compounds, a.id, ++rank);
            if (b.empty())
                b.expand(c.nearPoint);
            setBox(child, b);
            ++compounds;
        }
        const auto shortfall = [&](const core::UnitDraw& u, const QString& what) {
            if (u.shortfall <= 0)
                return;
            auto* child = new QTreeWidgetItem(top);
            child->setText(0, tr("Shortfall: %n %1 missing", nullptr, u.shortfall).arg(what));
            child->setText(1, u.candidates == 0
                                  ? tr("no eligible %1 in the ring").arg(what)
                                  : tr("only %n eligible left in the ring", nullptr, u.available));
            child->setForeground(0, kShortfallColour);
            child->setForeground(1, kShortfallColour);
            setBox(child, anchorBox);
            top->setForeground(0, kShortfallColour);
        };
        shortfall(a.streets, tr("back street(s)"));
        shortfall(a.compounds, tr("compound(s)"));
    }
    summary_->setText(tr("Draw %1 · seed %2\n%3 anchors, %4 back streets, %5 compounds, "
                         "shortfall %6")
                          .arg(record->drawId.left(8), QString::number(record->seed))
                          .arg(record->outcome.anchors.size())
                          .arg(streets)
                          .arg(compounds)
                          .arg(record->totalShortfall()));
}

void DrawPanel::onItemClicked(QTreeWidgetItem* item) {
    const QVariant v = item ? item->data(0, kBoxRole) : QVariant();
    if (!v.isValid())
        return;
    const QRectF r = v.toRectF();
    core::Box box;
    box.expand(core::Point{r.left(), r.top()});
    box.expand(core::Point{r.right(), r.bottom()});
    emit zoomRequested(box);
}

} // namespace app
