#pragma once

#include "core/model/roles.h"

#include <QByteArray>
#include <QImage>

namespace core {

/// The SVG document (24x24 viewBox) of the map symbol for a role: a coloured badge with a
/// white pictogram for each anchor kind, a small sign for toilets; empty for other roles.
/// resources/icons/<roleKey>.svg are copies of these documents for the desktop's widgets.
QByteArray symbolSvg(Role role);

/// The symbol of `role` rasterised to a square of `devicePixels` (premultiplied ARGB, device
/// pixel ratio 1). Null image when the role has no symbol. Thread: any; results are cached
/// behind a mutex, so the same role and size render once per process.
QImage symbolImage(Role role, int devicePixels);

} // namespace core
