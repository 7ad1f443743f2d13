#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;

namespace core {

/// How a label's text looks.
struct LabelStyle {
    QFont font; ///< pixel-sized (QFont::setPixelSize), logical pixels
    QColor color{0x30, 0x30, 0x30};
    QColor halo{255, 255, 255, 220};
    double haloWidth = 3.0; ///< logical pixels; 0 = no halo
};

/// A label that found room on the map. Coordinates are logical pixels of the map view.
struct PlacedLabel {
    QString text;
    QPointF center;            ///< centre of the text box
    double angleDegrees = 0;   ///< rotation about `center`, clockwise on screen
    QSizeF size;               ///< unrotated text box
    QRectF bounds;             ///< axis-aligned bounds of the (rotated) text box
    std::vector<QRectF> boxes; ///< what the label occupies for collision tests
    int priority = 0;
    LabelStyle style;
    /// Chinese text along a steep line: each character stays upright and the characters are
    /// stacked along the line (top to bottom), as Chinese maps name north-south streets.
    bool stacked = false;
};

/// Places labels so that none overlaps another or a reserved area (symbols), inside a given
/// area of the map. Callers offer labels from the most to the least important; the first
/// that fits wins. Rotated labels occupy a chain of small boxes along their text, so a label
/// along a diagonal street does not block its whole bounding box.
///
/// A uniform grid of cells keeps collision tests local. Not thread-safe; one per render.
class LabelPlacer {
public:
    /// `area`: where labels may go (the map frame in logical pixels).
    explicit LabelPlacer(const QRectF& area, double cellSize = 48.0);

    const QRectF& area() const { return area_; }
    /// True when `box` lies inside the area and overlaps nothing placed or reserved.
    bool isFree(const QRectF& box) const;
    bool isFree(const std::vector<QRectF>& boxes) const;
    /// Marks `box` as occupied without a label (symbols, overlay furniture).
    void reserve(const QRectF& box);
    /// The boxes reserve() marked, in order (to hand them to another placer).
    std::vector<QRectF> reserved() const;

    /// Labels with the same text keep at least this far apart (logical pixels), so a street
    /// split into many segments is not named on each of them. Default 220.
    void setRepeatDistance(double px) { repeatDistance_ = px; }

    /// Tries positions right, left, above and below `symbol`, then diagonals; returns the
    /// placed label or nullptr when none fits.
    const PlacedLabel* placeBeside(const QString& text, const QRectF& symbol,
                                   const LabelStyle& style, int priority);
    /// Tries the text box centred on `center` (area labels), then, when blocked, shifted up,
    /// down, left and right by up to `slack` (half the room the area leaves around it).
    const PlacedLabel* placeAt(const QString& text, QPointF center, const LabelStyle& style,
                               int priority, QSizeF slack = {});
    /// Tries straight stretches of the given pixel polylines, rotated along the line and kept
    /// upright, preferring the middle of the longest piece. Chinese text on lines steeper than
    /// 50 degrees is stacked character by character instead of rotated.
    const PlacedLabel* placeAlong(const QString& text, const std::vector<QPolygonF>& pieces,
                                  const LabelStyle& style, int priority);

    /// Every label placed so far, in placement order.
    const std::vector<PlacedLabel>& labels() const { return labels_; }

    /// Draws a placed label (halo, then text) with `painter` in logical pixels.
    static void draw(QPainter& painter, const PlacedLabel& label);

private:
    const PlacedLabel* accept(PlacedLabel label);
    bool repeats(const QString& text, QPointF center) const;
    void occupy(const QRectF& box);
    template <typename Fn>
    bool forCells(const QRectF& box, Fn&& fn) const;

    QRectF area_;
    double cellSize_;
    int cols_ = 0;
    int rows_ = 0;
    std::vector<std::vector<std::uint32_t>> cells_;
    std::vector<QRectF> occupied_;
    std::vector<QRectF> reserved_; ///< what reserve() got, in order
    std::vector<PlacedLabel> labels_;
    double repeatDistance_ = 220.0;
};

} // namespace core
