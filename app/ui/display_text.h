#pragma once

#include "core/model/geometry.h"
#include "core/model/roles.h"

#include <QString>

namespace app {

/// The role's name in the UI language (Chinese names come from the translation).
QString roleDisplayName(core::Role role);

/// A number with its thousands grouped by spaces and `decimals` digits: 3384112.94 ->
/// "3 384 112.9" (decimals 1). Independent of the system locale, as survey sheets expect.
QString groupedNumber(double value, int decimals);

/// "114.301234°E 30.581234°N" (hemisphere letters instead of signs).
QString formatLonLat(core::Point lonLat);

/// "EPSG:4547 E 527 812.3 N 3 384 112.9" for a point in a projected working CRS; degrees with
/// six decimals when the CRS is geographic.
QString formatWorking(core::Point xy, const QString& crsAuthId, bool geographic);

/// "1:12 345" for a scale denominator (rounded to 3 significant digits above 1000).
QString formatScale(double denominator);

} // namespace app
