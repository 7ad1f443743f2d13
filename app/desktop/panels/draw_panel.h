#pragma once

#include "core/model/geometry.h"
#include "core/render/draw_overlay.h"
#include "core/sampling/draw_record.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace app {

/// The current draw as a list: each anchor (kind icon, name, id) with its drawn back streets
/// and compounds as children; shortfalls in red with their reason. Clicking a row asks the
/// map to zoom to it; "Draw record..." asks for the record dialog.
class DrawPanel : public QWidget {
    Q_OBJECT
public:
    explicit DrawPanel(QWidget* parent = nullptr);

    /// Rebuilds the list (none: "no draw yet"). `layers` give the items' extents.
    void setDraw(const std::optional<core::DrawRecord>& record, const core::DrawLayers& layers);
    QTreeWidget& tree() { return *tree_; }
    /// Number of anchors listed.
    int anchorCount() const;

signals:
    /// Zoom the map to this working-CRS box.
    void zoomRequested(const core::Box& box);
    void recordRequested();

private:
    void onItemClicked(QTreeWidgetItem* item);

    QLabel* summary_;
    QTreeWidget* tree_;
    QPushButton* recordButton_;
};

} // namespace app
