#pragma once

#include "core/model/roles.h"
#include "core/render/map_style.h"

#include <QIcon>

namespace app {

/// A small legend icon for a role: its map symbol for anchors and toilets, else a swatch of
/// its line or fill style. GUI thread (makes a QPixmap).
QIcon roleIcon(core::Role role, const core::MapStyle& style, int size = 20);

/// The icon of a layer in the layer list: the icon of its most important role, or a grey
/// swatch of its geometry kind when nothing in it has a role.
QIcon layerIcon(const core::ClassifiedLayer& layer, const core::MapStyle& style, int size = 20);

} // namespace app
