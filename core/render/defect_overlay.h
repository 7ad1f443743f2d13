#pragma once

#include "core/model/card.h"
#include "core/model/defect.h"
#include "core/render/map_renderer.h"
#include "core/render/page_layout.h"

#include <QColor>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace core {

/// How defects are coloured on maps: by card colour (white/yellow/red, grey without a card,
/// closed ones faded) or by category (the taxonomy code's prefix: RD, EN, AD, ...).
enum class DefectStyle : std::uint8_t { Card, Category };
/// "card" / "category" or nullopt.
std::optional<DefectStyle> defectStyleFromKey(const QString& key);

/// A defect as a map shows it. `at` is in the map's working CRS.
struct DefectMark {
    Point at;
    QString code; ///< taxonomy code, e.g. "RD-01"
    std::optional<CardColour> card;
    bool closed = false;
    int number = 0;        ///< > 0: drawn beside the marker (atlas pages number their table rows)
    std::int64_t id = 0;   ///< the defect's id (for picking on a canvas); 0 when unknown
    bool selected = false; ///< drawn on top with a highlight ring, never clustered
};

/// A DefectMark for a stored defect (needs its working-CRS point; nullopt without one).
std::optional<DefectMark> defectMark(const Defect& defect);

/// A distinct colour per category (core::defectCategory() of core/report/defect_rows.h, the
/// code's prefix), stable across runs.
QColor defectCategoryColor(const QString& categoryKey);
/// Marker fill of a card colour (no card: grey).
QColor cardFillColor(std::optional<CardColour> card);

/// The overlay painting the marks (AboveLabels, so they stay visible), with a marker diameter
/// in map pixels. With `declutter`, marks that would overlap on screen are drawn as one
/// cluster disc with their count, filled with the most urgent open card among them (closed
/// ones only count when nothing open is there); selected marks are always drawn singly.
/// Thread: the overlay only reads the shared marks.
MapOverlay defectOverlay(std::shared_ptr<const std::vector<DefectMark>> marks, DefectStyle style,
                         double diameterPx = 10, bool declutter = false);

/// Legend lines for the styles present among `marks` (one per card colour / category used,
/// plus "已销号" when some are closed), in a stable order.
std::vector<LegendEntry> defectLegend(const std::vector<DefectMark>& marks, DefectStyle style);

} // namespace core
