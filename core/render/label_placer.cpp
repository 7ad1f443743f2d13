#include "core/render/label_placer.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace core {

namespace {

struct TextMetrics {
    double width = 0;
    double height = 0;
    double ascent = 0;
    double descent = 0;
};

TextMetrics measure(const QString& text, const QFont& font) {
    const QFontMetricsF fm(font);
    return {fm.horizontalAdvance(text), fm.ascent() + fm.descent(), fm.ascent(), fm.descent()};
}

QRectF rotatedBounds(QPointF center, QSizeF size, double angleDeg) {
    const double a = angleDeg * std::numbers::pi / 180.0;
    const double c = std::abs(std::cos(a)), s = std::abs(std::sin(a));
    const double w = size.width() * c + size.height() * s;
    const double h = size.width() * s + size.height() * c;
    return {center.x() - w / 2, center.y() - h / 2, w, h};
}

// A point at arc length `s` along `line` (clamped), and the vertex index just before it.
QPointF pointAt(const QPolygonF& line, const std::vector<double>& cumulative, double s,
                qsizetype* segment = nullptr) {
    s = std::clamp(s, 0.0, cumulative.back());
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), s);
    qsizetype i = std::max<qsizetype>(0, (it - cumulative.begin()) - 1);
    i = std::min<qsizetype>(i, line.size() - 2);
    if (segment)
        *segment = i;
    const double segLen = cumulative[i + 1] - cumulative[i];
    const double t = segLen > 0 ? (s - cumulative[i]) / segLen : 0;
    return line[i] + (line[i + 1] - line[i]) * t;
}

// Han characters (and CJK punctuation) only: such text reads naturally stacked vertically.
bool isCjk(const QString& text) {
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool han = (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
                         (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF);
        if (!han)
            return false;
    }
    return !text.isEmpty();
}

} // namespace

LabelPlacer::LabelPlacer(const QRectF& area, double cellSize)
    : area_(area), cellSize_(std::max(8.0, cellSize)) {
    cols_ = std::max(1, static_cast<int>(std::ceil(area_.width() / cellSize_)));
    rows_ = std::max(1, static_cast<int>(std::ceil(area_.height() / cellSize_)));
    cells_.resize(static_cast<std::size_t>(cols_) * rows_);
}

template <typename Fn>
bool LabelPlacer::forCells(const QRectF& box, Fn&& fn) const {
    const int c0 =
        std::clamp(static_cast<int>((box.left() - area_.left()) / cellSize_), 0, cols_ - 1);
    const int c1 =
        std::clamp(static_cast<int>((box.right() - area_.left()) / cellSize_), 0, cols_ - 1);
    const int r0 =
        std::clamp(static_cast<int>((box.top() - area_.top()) / cellSize_), 0, rows_ - 1);
    const int r1 =
        std::clamp(static_cast<int>((box.bottom() - area_.top()) / cellSize_), 0, rows_ - 1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            if (!fn(static_cast<std::size_t>(r) * cols_ + c))
                return false;
    return true;
}

bool LabelPlacer::isFree(const QRectF& box) const {
    if (!area_.contains(box))
        return false;
    return forCells(box, [&](std::size_t cell) {
        for (std::uint32_t i : cells_[cell])
            if (occupied_[i].intersects(box))
                return false;
        return true;
    });
}

bool LabelPlacer::isFree(const std::vector<QRectF>& boxes) const {
    return std::all_of(boxes.begin(), boxes.end(), [&](const QRectF& b) { return isFree(b); });
}

void LabelPlacer::occupy(const QRectF& box) {
    if (!box.intersects(area_))
        return;
    const auto index = static_cast<std::uint32_t>(occupied_.size());
    occupied_.push_back(box);
    auto& cells = cells_;
    forCells(box, [&](std::size_t cell) {
        cells[cell].push_back(index);
        return true;
    });
}

void LabelPlacer::reserve(const QRectF& box) {
    occupy(box);
    reserved_.push_back(box);
}

std::vector<QRectF> LabelPlacer::reserved() const {
    return reserved_;
}

bool LabelPlacer::repeats(const QString& text, QPointF center) const {
    const double d2 = repeatDistance_ * repeatDistance_;
    for (const PlacedLabel& l : labels_) {
        if (l.text != text)
            continue;
        const QPointF d = l.center - center;
        if (d.x() * d.x() + d.y() * d.y() < d2)
            return true;
    }
    return false;
}

const PlacedLabel* LabelPlacer::accept(PlacedLabel label) {
    for (const QRectF& b : label.boxes)
        occupy(b);
    labels_.push_back(std::move(label));
    return &labels_.back();
}

const PlacedLabel* LabelPlacer::placeBeside(const QString& text, const QRectF& symbol,
                                            const LabelStyle& style, int priority) {
    if (text.isEmpty())
        return nullptr;
    const double gap = 2.0;
    const QPointF c = symbol.center();
    const auto offsetsFor = [&](QSizeF size) -> std::array<QPointF, 8> {
        const double hx = symbol.width() / 2 + gap + size.width() / 2;
        const double hy = symbol.height() / 2 + gap + size.height() / 2;
        return {{{hx, 0}, {-hx, 0}, {0, -hy}, {0, hy}, {hx, -hy}, {hx, hy}, {-hx, -hy}, {-hx, hy}}};
    };
    const auto boxAt = [&](QPointF center, QSizeF size) {
        return QRectF(center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(),
                      size.height());
    };
    // Measuring text costs more than testing boxes, and on a crowded map most symbols have
    // no room at all. Every position's real box contains the box a one-narrow-character label
    // would take there (both start at the symbol's edge), so when none of those is free the
    // label cannot fit either.
    const double px = style.font.pixelSize() > 0 ? style.font.pixelSize() : 8.0;
    const QSizeF least(0.25 * px + 2, 0.8 * px);
    const auto leastOffsets = offsetsFor(least);
    if (std::none_of(leastOffsets.begin(), leastOffsets.end(),
                     [&](QPointF o) { return isFree(boxAt(c + o, least)); }))
        return nullptr;
    const TextMetrics m = measure(text, style.font);
    const QSizeF size(m.width + 2, m.height);
    for (const QPointF& o : offsetsFor(size)) {
        const QPointF center = c + o;
        const QRectF box = boxAt(center, size);
        if (!isFree(box) || repeats(text, center))
            continue;
        return accept({text, center, 0.0, size, box, {box}, priority, style});
    }
    return nullptr;
}

const PlacedLabel* LabelPlacer::placeAt(const QString& text, QPointF center,
                                        const LabelStyle& style, int priority, QSizeF slack) {
    if (text.isEmpty())
        return nullptr;
    const TextMetrics m = measure(text, style.font);
    const QSizeF size(m.width + 2, m.height);
    const double sx = slack.width(), sy = slack.height();
    const QPointF shifts[] = {{0, 0},   {0, -sy / 2}, {0, sy / 2}, {-sx / 2, 0}, {sx / 2, 0},
                              {0, -sy}, {0, sy},      {-sx, 0},    {sx, 0}};
    for (const QPointF& shift : shifts) {
        if ((shift.x() != 0 || shift.y() != 0) && std::abs(shift.x()) + std::abs(shift.y()) < 2)
            continue;
        const QPointF at = center + shift;
        const QRectF box(at.x() - size.width() / 2, at.y() - size.height() / 2, size.width(),
                         size.height());
        if (!isFree(box) || repeats(text, at))
            continue;
        return accept({text, at, 0.0, size, box, {box}, priority, style});
    }
    return nullptr;
}

const PlacedLabel* LabelPlacer::placeAlong(const QString& text,
                                           const std::vector<QPolygonF>& pieces,
                                           const LabelStyle& style, int priority) {
    if (text.isEmpty() || pieces.empty())
        return nullptr;
    const TextMetrics m = measure(text, style.font);
    const bool cjk = isCjk(text);
    // Stacked characters advance by one em instead of their width; reserve room for either.
    const double em = style.font.pixelSize() > 0 ? style.font.pixelSize() : m.height * 0.7;
    const double stackStep = em * 1.08;
    const double stackedLength = stackStep * text.size();
    const double need = std::max(m.width, cjk ? stackedLength : 0.0) + 4;
    const QSizeF size(m.width + 2, m.height);

    std::vector<const QPolygonF*> order;
    for (const QPolygonF& p : pieces)
        if (p.size() >= 2)
            order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [](const QPolygonF* a, const QPolygonF* b) {
        return a->boundingRect().width() + a->boundingRect().height() >
               b->boundingRect().width() + b->boundingRect().height();
    });

    for (const QPolygonF* piece : order) {
        const QPolygonF& line = *piece;
        std::vector<double> cum(static_cast<std::size_t>(line.size()), 0.0);
        for (qsizetype i = 1; i < line.size(); ++i)
            cum[i] = cum[i - 1] +
                     std::hypot(line[i].x() - line[i - 1].x(), line[i].y() - line[i - 1].y());
        const double total = cum.back();
        if (total < need)
            continue;
        // Candidate centres from the middle outwards, a third of the text apart.
        const double step = std::max(8.0, need / 3);
        const double mid = total / 2;
        const int maxK = static_cast<int>((total - need) / 2 / step);
        for (int k = 0; k <= maxK * 2; ++k) {
            const double offset = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * step;
            const double s = mid + offset;
            const double s0 = s - need / 2, s1 = s + need / 2;
            if (s0 < 0 || s1 > total)
                continue;
            qsizetype i0 = 0, i1 = 0;
            QPointF a = pointAt(line, cum, s0, &i0);
            QPointF b = pointAt(line, cum, s1, &i1);
            const QPointF chord = b - a;
            const double chordLen = std::hypot(chord.x(), chord.y());
            if (chordLen < need * 0.92)
                continue;
            // The stretch must be nearly straight: no vertex strays far from the chord.
            bool straight = true;
            for (qsizetype v = i0 + 1; v <= i1 && straight; ++v) {
                const QPointF d = line[v] - a;
                const double dist = std::abs(d.x() * chord.y() - d.y() * chord.x()) / chordLen;
                straight = dist <= m.height * 0.35;
            }
            if (!straight)
                continue;
            double angle = std::atan2(chord.y(), chord.x()) * 180.0 / std::numbers::pi;
            if (angle > 90)
                angle -= 180;
            else if (angle < -90)
                angle += 180;
            const QPointF center = (a + b) / 2;
            if (repeats(text, center))
                continue;
            if (cjk && std::abs(angle) > 50) {
                // Top to bottom: the direction must point down the screen.
                if (angle < 0)
                    angle += 180;
                const double rad = angle * std::numbers::pi / 180.0;
                const QPointF dir(std::cos(rad), std::sin(rad));
                std::vector<QRectF> boxes;
                QRectF bounds;
                for (qsizetype c = 0; c < text.size(); ++c) {
                    const QPointF cc = center + dir * (-stackedLength / 2 + stackStep * (c + 0.5));
                    const QRectF box(cc.x() - em / 2 - 1, cc.y() - stackStep / 2, em + 2,
                                     stackStep);
                    boxes.push_back(box);
                    bounds = bounds.isNull() ? box : bounds.united(box);
                }
                if (!isFree(boxes))
                    continue;
                PlacedLabel label{text,   center,           angle,    QSizeF(stackedLength, em),
                                  bounds, std::move(boxes), priority, style};
                label.stacked = true;
                return accept(std::move(label));
            }
            // A chain of squares along the text stands in for the rotated box.
            const double rad = angle * std::numbers::pi / 180.0;
            const QPointF dir(std::cos(rad), std::sin(rad));
            const int chunks = std::max(1, static_cast<int>(std::ceil(size.width() / m.height)));
            const double chunkLen = size.width() / chunks;
            std::vector<QRectF> boxes;
            boxes.reserve(static_cast<std::size_t>(chunks));
            for (int c = 0; c < chunks; ++c) {
                const QPointF cc = center + dir * (-size.width() / 2 + chunkLen * (c + 0.5));
                boxes.push_back(rotatedBounds(cc, QSizeF(chunkLen, m.height), angle));
            }
            if (!isFree(boxes))
                continue;
            return accept({text, center, angle, size, rotatedBounds(center, size, angle),
                           std::move(boxes), priority, style});
        }
    }
    return nullptr;
}

void LabelPlacer::draw(QPainter& painter, const PlacedLabel& label) {
    const QFontMetricsF fm(label.style.font);
    QPainterPath path;
    // The glyphs are filled with drawText, not as a path, so a PDF export keeps the names as
    // text (searchable, extractable); the halo is the outline of the same glyphs.
    std::vector<std::pair<QPointF, QString>> runs;
    const double baseline = (fm.ascent() - fm.descent()) / 2;
    painter.save();
    painter.translate(label.center);
    if (label.stacked) {
        const double rad = label.angleDegrees * std::numbers::pi / 180.0;
        const QPointF dir(std::cos(rad), std::sin(rad));
        const double step = label.size.width() / std::max<qsizetype>(1, label.text.size());
        for (qsizetype c = 0; c < label.text.size(); ++c) {
            const QString ch = label.text.mid(c, 1);
            const QPointF at = dir * (-label.size.width() / 2 + step * (c + 0.5));
            runs.emplace_back(at + QPointF(-fm.horizontalAdvance(ch) / 2, baseline), ch);
        }
    } else {
        runs.emplace_back(QPointF(-label.size.width() / 2 + 1, baseline), label.text);
        if (label.angleDegrees != 0)
            painter.rotate(label.angleDegrees);
    }
    painter.setFont(label.style.font);
    const bool raster =
        painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    if (raster) {
        // On an image the halo is the text itself drawn around the label in the halo colour
        // (glyphs come from the glyph cache): outlining every glyph as a path cost more than
        // the rest of a city map. The halo's alpha is spread over the copies. The text is
        // laid out once (QStaticText) for its nine copies; it is placed by its top-left.
        std::vector<std::pair<QPointF, QStaticText>> laidOut;
        for (const auto& [at, text] : runs) {
            QStaticText st(text);
            st.setTextFormat(Qt::PlainText);
            st.prepare(QTransform(), label.style.font);
            laidOut.emplace_back(at - QPointF(0, fm.ascent()), std::move(st));
        }
        if (label.style.haloWidth > 0) {
            const double r = label.style.haloWidth / 2;
            QColor halo = label.style.halo;
            halo.setAlphaF(1.0 - std::pow(1.0 - halo.alphaF(), 1.0 / 3.0));
            painter.setPen(halo);
            static constexpr double kDirs[8][2] = {
                {1, 0},  {0.7071, 0.7071},   {0, 1},  {-0.7071, 0.7071},
                {-1, 0}, {-0.7071, -0.7071}, {0, -1}, {0.7071, -0.7071}};
            for (const auto& [at, text] : laidOut)
                for (const auto& d : kDirs)
                    painter.drawStaticText(at + QPointF(d[0] * r, d[1] * r), text);
        }
        painter.setPen(label.style.color);
        for (const auto& [at, text] : laidOut)
            painter.drawStaticText(at, text);
        painter.restore();
        return;
    }
    if (label.style.haloWidth > 0) {
        for (const auto& [at, text] : runs)
            path.addText(at, label.style.font, text);
        QPen halo(label.style.halo, label.style.haloWidth, Qt::SolidLine, Qt::RoundCap,
                  Qt::RoundJoin);
        painter.strokePath(path, halo);
    }
    painter.setPen(label.style.color);
    for (const auto& [at, text] : runs)
        painter.drawText(at, text);
    painter.restore();
}

} // namespace core
