#include "app/desktop/panels/layer_panel.h"

#include "app/ui/display_text.h"
#include "app/ui/layer_icons.h"

#include <QHeaderView>

#include <array>

namespace app {

namespace {

/// The kind as the UI shows it (translated, plural).
QString kindLabel(core::GeometryKind kind) {
    switch (kind) {
    case core::GeometryKind::Point:
        return LayerPanel::tr("points");
    case core::GeometryKind::Line:
        return LayerPanel::tr("lines");
    case core::GeometryKind::Polygon:
        return LayerPanel::tr("polygons");
    case core::GeometryKind::None:
        break;
    }
    return LayerPanel::tr("no geometry");
}

QString sourceTooltip(const core::LayerData& d) {
    const core::LayerSource& s = d.source;
    QStringList lines;
    lines << LayerPanel::tr("<b>%1</b> (%2)").arg(d.name.toHtmlEscaped(), kindLabel(d.kind));
    lines << LayerPanel::tr("File: %1").arg(s.path.toHtmlEscaped());
    if (!s.layerName.isEmpty())
        lines << LayerPanel::tr("Source layer: %1").arg(s.layerName.toHtmlEscaped());
    if (!s.driver.isEmpty())
        lines << LayerPanel::tr("Format: %1").arg(s.driver.toHtmlEscaped());
    lines << LayerPanel::tr("Source CRS: %1 %2")
                 .arg(s.crsAuthId.isEmpty() ? LayerPanel::tr("unknown") : s.crsAuthId,
                      s.crsReason.isEmpty()
                          ? QString()
                          : QStringLiteral("(%1)").arg(s.crsReason.toHtmlEscaped()));
    if (!s.encoding.isEmpty())
        lines << LayerPanel::tr("Encoding: %1 %2")
                     .arg(s.encoding,
                          s.encodingReason.isEmpty()
                              ? QString()
                              : QStringLiteral("(%1)").arg(s.encodingReason.toHtmlEscaped()));
    lines << LayerPanel::tr("Working CRS: %1").arg(d.crsAuthId);
    if (!d.warnings.isEmpty())
        lines << LayerPanel::tr("%n warning(s)", nullptr, static_cast<int>(d.warnings.size()));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

LayerPanel::LayerPanel(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(3);
    setHeaderLabels({tr("Layer"), tr("Features"), tr("Roles")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::itemChanged, this, &LayerPanel::onItemChanged);
}

QString LayerPanel::roleSummary(const core::ClassifiedLayer& layer) {
    std::array<int, core::kRoleCount> counts{};
    for (core::RoleMask m : layer.roles)
        for (std::size_t r = 0; r < core::kRoleCount; ++r)
            if (m & core::roleBit(static_cast<core::Role>(r)))
                ++counts[r];
    QStringList parts;
    for (std::size_t r = 0; r < core::kRoleCount; ++r)
        if (counts[r] > 0)
            parts << QStringLiteral("%1 %2")
                         .arg(roleDisplayName(static_cast<core::Role>(r)))
                         .arg(counts[r]);
    return parts.isEmpty() ? tr("unclassified") : parts.join(QStringLiteral(" · "));
}

void LayerPanel::setLayers(const std::vector<DistrictLayer>& layers) {
    updating_ = true;
    clear();
    const core::MapStyle style = core::MapStyle::standard();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const DistrictLayer& l = layers[i];
        const core::LayerData& d = *l.layer.data;
        auto* item = new QTreeWidgetItem(this);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setText(0, d.name);
        item->setIcon(0, layerIcon(l.layer, style));
        item->setCheckState(0, l.visible ? Qt::Checked : Qt::Unchecked);
        item->setText(1, groupedNumber(static_cast<double>(d.features.size()), 0));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        const QString roles = roleSummary(l.layer);
        item->setText(2, roles);
        const QString tip = sourceTooltip(d) + QStringLiteral("<br>") + roles.toHtmlEscaped();
        for (int c = 0; c < 3; ++c)
            item->setToolTip(c, tip);
        item->setData(0, Qt::UserRole, static_cast<int>(i));
    }
    updating_ = false;
}

void LayerPanel::setLayerChecked(int index, bool visible) {
    QTreeWidgetItem* item = topLevelItem(index);
    if (!item)
        return;
    updating_ = true;
    item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
    updating_ = false;
}

void LayerPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (updating_ || column != 0)
        return;
    emit visibilityToggled(item->data(0, Qt::UserRole).toInt(), item->checkState(0) == Qt::Checked);
}

} // namespace app
