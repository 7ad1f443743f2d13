#include "core/render/defect_overlay.h"

#include "core/render/map_style.h"
#include "core/report/defect_rows.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <map>
#include <set>

namespace core {

namespace {

struct CategoryInfo {
    const char* key;
    QRgb colour;
};

// Categories of resources/taxonomy/defects.json (the code prefixes) with colours that stay
// apart from the card colours' yellow and red where possible.
constexpr CategoryInfo kCategories[] = {
    {"RD", 0x6D4C41}, {"LT", 0xFBC02D}, {"WS", 0x2E7D32}, {"EN", 0x00897B}, {"AD", 0x8E24AA},
    {"WR", 0x455A64}, {"EV", 0xF4511E}, {"PK", 0x1E88E5}, {"TR", 0x3949AB}, {"BZ", 0xD81B60},
    {"ST", 0x5D4037}, {"DG", 0x7CB342}, {"TL", 0x546E7A}, {"GR", 0x43A047}, {"AC", 0x039BE5},
    {"MK", 0xEF6C00}, {"SC", 0x5E35B1}, {"BH", 0xC0CA33}, {"BG", 0x757575},
};

const CategoryInfo* findCategory(const QString& key) {
    for (const CategoryInfo& c : kCategories)
        if (key == QLatin1String(c.key))
            return &c;
    return nullptr;
}

QColor markFill(const DefectMark& m, DefectStyle style) {
    QColor c = style == DefectStyle::Card ? cardFillColor(m.card)
                                          : defectCategoryColor(defectCategory(m.code));
    if (m.closed)
        c.setAlpha(70);
    return c;
}

/// Paint order within open (or closed) marks: no card, white, yellow, red.
int urgency(const DefectMark& m) {
    return m.card ? static_cast<int>(*m.card) : -1;
}

QColor markStroke(const DefectMark& m) {
    return m.closed ? QColor(0x30, 0x30, 0x30, 90) : QColor(0x20, 0x20, 0x20);
}

} // namespace

std::optional<DefectStyle> defectStyleFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("card") || k == QLatin1String("colour") || k == QLatin1String("color"))
        return DefectStyle::Card;
    if (k == QLatin1String("category"))
        return DefectStyle::Category;
    return std::nullopt;
}

std::optional<DefectMark> defectMark(const Defect& d) {
    if (!d.working)
        return std::nullopt;
    DefectMark m;
    m.at = *d.working;
    m.code = d.code;
    m.card = d.cardColour;
    m.closed = d.status == CardStage::Closed;
    m.id = d.id;
    return m;
}

QColor defectCategoryColor(const QString& key) {
    if (const CategoryInfo* c = findCategory(key))
        return QColor::fromRgb(c->colour);
    // An unknown category gets a hue from its name, the same on every run.
    return QColor::fromHsv(static_cast<int>(qHash(key, 7) % 360), 180, 200);
}

QColor cardFillColor(std::optional<CardColour> card) {
    if (!card)
        return QColor(0x9E, 0x9E, 0x9E);
    switch (*card) {
    case CardColour::White:
        return QColor(0xFF, 0xFF, 0xFF);
    case CardColour::Yellow:
        return QColor(0xFF, 0xC8, 0x00);
    case CardColour::Red:
        return QColor(0xE0, 0x1B, 0x1B);
    }
    return Qt::gray;
}

MapOverlay defectOverlay(std::shared_ptr<const std::vector<DefectMark>> marks, DefectStyle style,
                         double diameterPx, bool declutter) {
    MapOverlay o;
    o.id = QStringLiteral("defects");
    o.stage = OverlayStage::AboveLabels;
    o.paint = [marks = std::move(marks), style, diameterPx, declutter](RenderContext& ctx) {
        if (!marks)
            return;
        QPainter& p = ctx.painter;
        const QRectF visible = QRectF(QPointF(0, 0), QSizeF(ctx.view.size()))
                                   .adjusted(-diameterPx, -diameterPx, diameterPx, diameterPx);
        QFont font(ctx.style.fontFamily);
        font.setPixelSize(9);
        font.setBold(true);
        p.setFont(font);
        const QFontMetricsF fm(font);
        // Open defects on top of closed ones, red on top of the rest, the selection on top.
        std::vector<const DefectMark*> order;
        order.reserve(marks->size());
        for (const DefectMark& m : *marks)
            order.push_back(&m);
        std::stable_sort(order.begin(), order.end(), [](const DefectMark* a, const DefectMark* b) {
            if (a->selected != b->selected)
                return b->selected;
            if (a->closed != b->closed)
                return a->closed;
            return urgency(*a) < urgency(*b);
        });
        // Decluttering: marks are binned in screen cells of about one marker; a cell holding
        // more than one unselected mark is drawn as a cluster.
        struct Cluster {
            QPointF sum;
            int count = 0;
            const DefectMark* top = nullptr; ///< most urgent (last in `order`)
        };
        std::map<std::pair<int, int>, Cluster> cells;
        const double cell = diameterPx * 1.6;
        std::size_t n = 0;
        std::vector<std::pair<const DefectMark*, QPointF>> singles;
        for (const DefectMark* m : order) {
            if (++n % 256 == 0)
                ctx.feedback.throwIfCanceled();
            const QPointF at = ctx.view.toPixel(m->at);
            if (!visible.contains(at))
                continue;
            if (!declutter || m->selected) {
                singles.emplace_back(m, at);
                continue;
            }
            Cluster& c = cells[{static_cast<int>(std::floor(at.x() / cell)),
                                static_cast<int>(std::floor(at.y() / cell))}];
            c.sum += at;
            ++c.count;
            c.top = m;
        }
        for (const auto& [key, c] : cells) {
            if (c.count == 1) {
                singles.emplace_back(c.top, c.sum);
                continue;
            }
            const QPointF at = c.sum / c.count;
            const double d = diameterPx * (1.3 + 0.25 * std::log2(static_cast<double>(c.count)));
            const QRectF r(at.x() - d / 2, at.y() - d / 2, d, d);
            p.setPen(QPen(markStroke(*c.top), 1.4));
            p.setBrush(markFill(*c.top, style));
            p.drawEllipse(r);
            const QString t = QString::number(c.count);
            p.setPen(c.top->card == CardColour::Red ? QColor(Qt::white) : QColor(0x10, 0x10, 0x10));
            p.drawText(r, Qt::AlignCenter, t);
        }
        // Singles after clusters, in the urgency order (the selection last, on top).
        std::stable_sort(singles.begin(), singles.end(), [](const auto& a, const auto& b) {
            if (a.first->selected != b.first->selected)
                return b.first->selected;
            if (a.first->closed != b.first->closed)
                return a.first->closed;
            return urgency(*a.first) < urgency(*b.first);
        });
        for (const auto& [m, at] : singles) {
            const QRectF r(at.x() - diameterPx / 2, at.y() - diameterPx / 2, diameterPx,
                           diameterPx);
            if (m->selected) {
                p.setPen(QPen(QColor(0x00, 0xB0, 0xFF), 3));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(r.adjusted(-4, -4, 4, 4));
            }
            QPen pen(markStroke(*m), 1.2);
            if (m->closed)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.setBrush(markFill(*m, style));
            p.drawEllipse(r);
            if (m->number > 0) {
                const QString t = QString::number(m->number);
                const QPointF tp(r.right() + 1, r.top() + fm.ascent() - 1);
                p.setPen(QPen(QColor(255, 255, 255, 230), 3));
                QPainterPath path;
                path.addText(tp, font, t);
                p.setBrush(Qt::NoBrush);
                p.drawPath(path);
                p.setPen(QColor(0x10, 0x10, 0x10));
                p.drawText(tp, t);
            }
        }
    };
    return o;
}

std::vector<LegendEntry> defectLegend(const std::vector<DefectMark>& marks, DefectStyle style) {
    std::vector<LegendEntry> out;
    bool anyClosed = false;
    const auto marker = [](const QString& label, QColor fill) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Marker;
        e.label = label;
        e.fill = fill;
        e.stroke = QColor(0x20, 0x20, 0x20);
        e.strokeWidth = 1.6;
        return e;
    };
    if (style == DefectStyle::Card) {
        std::set<int> colours; // -1 = no card yet
        for (const DefectMark& m : marks) {
            anyClosed = anyClosed || m.closed;
            if (!m.closed)
                colours.insert(m.card ? static_cast<int>(*m.card) : -1);
        }
        for (int c : colours) {
            const std::optional<CardColour> card =
                c < 0 ? std::nullopt : std::optional<CardColour>(static_cast<CardColour>(c));
            const QString label = card ? QStringLiteral("问题（%1）").arg(cardColourChinese(*card))
                                       : QStringLiteral("问题（未发卡）");
            out.push_back(marker(label, cardFillColor(card)));
        }
    } else {
        std::map<QString, int> categories;
        for (const DefectMark& m : marks) {
            anyClosed = anyClosed || m.closed;
            ++categories[defectCategory(m.code)];
        }
        for (const auto& [key, count] : categories)
            out.push_back(marker(
                QStringLiteral("%1 %2（%3）").arg(key, defectCategoryChinese(key)).arg(count),
                defectCategoryColor(key)));
    }
    if (anyClosed) {
        LegendEntry e = marker(QStringLiteral("已销号问题"), QColor(0x9E, 0x9E, 0x9E, 70));
        e.stroke = QColor(0x30, 0x30, 0x30, 90);
        e.penStyle = Qt::DashLine;
        out.push_back(e);
    }
    return out;
}

} // namespace core
