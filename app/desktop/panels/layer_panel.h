#pragma once

#include "app/desktop/controllers/district_controller.h"

#include <QTreeWidget>

namespace app {

/// The list of loaded layers: a checkbox for visibility, the layer's name and icon, its
/// feature count and a summary of the roles found in it. Details of the source (file,
/// driver, CRS, encoding) are in each row's tooltip.
class LayerPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);

    /// Rebuilds the rows from the controller's layers (row i = layer i).
    void setLayers(const std::vector<DistrictLayer>& layers);
    /// Updates one row's checkbox without emitting visibilityToggled.
    void setLayerChecked(int index, bool visible);

    /// "Back street 12 · Compound 30", in the UI language; "unclassified" when no roles.
    static QString roleSummary(const core::ClassifiedLayer& layer);

signals:
    void visibilityToggled(int index, bool visible);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    bool updating_ = false;
};

} // namespace app
