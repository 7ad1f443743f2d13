#include "core/render/page_layout.h"

#include "core/render/map_style.h"
#include "core/render/map_symbols.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace core {

namespace {

constexpr double kMarginPt = 12 * kPointsPerMm;

// save()/restore() that also restores when painting throws (a cancel), so the painter can
// still be ended cleanly.
class SavedState {
public:
    explicit SavedState(QPainter& p) : p_(p) { p_.save(); }
    ~SavedState() { p_.restore(); }
    SavedState(const SavedState&) = delete;
    SavedState& operator=(const SavedState&) = delete;

private:
    QPainter& p_;
};
constexpr double kLegendRowPt = 14;
constexpr double kLegendColumnPt = 150;

double titleSize(const PageFormat& f) {
    return f.paper == PaperSize::A3 ? 24 : 18;
}

double headerHeight(const PageFormat& f, const MapPage& page) {
    double h = titleSize(f) * 1.5;
    if (!page.subtitle.isEmpty())
        h += 16;
    return h + 6;
}

int legendColumns(double widthPt) {
    return std::max(1, static_cast<int>(widthPt / kLegendColumnPt));
}

double bottomHeight(const PageFormat& f, const MapPage& page) {
    const double legendWidth = f.sizePt().width() * 0.62;
    const int cols = legendColumns(legendWidth);
    const int rows = (static_cast<int>(page.legend.size()) + cols - 1) / std::max(1, cols);
    return std::max(70.0, 22 + rows * kLegendRowPt);
}

void drawLegendSwatch(QPainter& p, const LegendEntry& e, const QRectF& box) {
    p.save();
    const double w = std::max(0.6, e.strokeWidth * kPointsPerMapPixel);
    switch (e.kind) {
    case LegendEntry::Kind::Marker: {
        p.setPen(e.stroke.isValid() ? QPen(e.stroke, w, e.penStyle) : QPen(Qt::NoPen));
        p.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
        const double d = std::min(box.width(), box.height()) * 0.7;
        p.drawEllipse(QRectF(box.center().x() - d / 2, box.center().y() - d / 2, d, d));
        break;
    }
    case LegendEntry::Kind::Line: {
        if (e.fill.isValid()) { // a casing
            p.setPen(QPen(e.fill, w + 2, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(QPointF(box.left(), box.center().y()),
                       QPointF(box.right(), box.center().y()));
        }
        p.setPen(QPen(e.stroke, w, e.penStyle, Qt::FlatCap));
        p.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
        break;
    }
    case LegendEntry::Kind::Area:
        p.setPen(e.stroke.isValid() ? QPen(e.stroke, w, e.penStyle) : QPen(Qt::NoPen));
        p.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
        p.drawRect(box.adjusted(1, 1, -1, -1));
        break;
    case LegendEntry::Kind::Symbol: {
        const double d = std::min(box.width(), box.height());
        const QRectF sq(box.center().x() - d / 2, box.center().y() - d / 2, d, d);
        const QImage img = e.symbol ? symbolImage(*e.symbol, 64) : QImage();
        if (!img.isNull())
            p.drawImage(sq, img);
        break;
    }
    }
    p.restore();
}

QRectF paintLegend(QPainter& p, const std::vector<LegendEntry>& legend, const QRectF& area) {
    if (legend.empty())
        return {};
    p.save();
    p.setFont(pageFont(9, true));
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(QPointF(area.left(), area.top() + 10), QStringLiteral("图例"));
    p.setFont(pageFont(8));
    const int cols = legendColumns(area.width());
    const int rows = (static_cast<int>(legend.size()) + cols - 1) / cols;
    const double colW = area.width() / cols;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const int col = static_cast<int>(i) / rows;
        const int row = static_cast<int>(i) % rows;
        const double x = area.left() + col * colW;
        const double y = area.top() + 16 + row * kLegendRowPt;
        drawLegendSwatch(p, legend[i], QRectF(x, y + 1, 22, kLegendRowPt - 4));
        p.setPen(QColor(0x20, 0x20, 0x20));
        const QFontMetricsF fm(p.font());
        p.drawText(QPointF(x + 28, y + kLegendRowPt / 2 + fm.ascent() / 2 - 1),
                   fm.elidedText(legend[i].label, Qt::ElideRight, colW - 32));
    }
    p.restore();
    return QRectF(area.left(), area.top(), area.width(), 16 + rows * kLegendRowPt);
}

void paintScaleBar(QPainter& p, const ScaleBar& bar, double scaleDenominator, QPointF at) {
    p.save();
    const double h = 5;
    const int segments = 4;
    const double seg = bar.widthPt / segments;
    p.setPen(QPen(Qt::black, 0.6));
    for (int i = 0; i < segments; ++i) {
        p.setBrush(i % 2 == 0 ? Qt::black : Qt::white);
        p.drawRect(QRectF(at.x() + i * seg, at.y(), seg, h));
    }
    p.setFont(pageFont(8));
    const QFontMetricsF fm(p.font());
    const QString zero = QStringLiteral("0");
    p.drawText(QPointF(at.x() - fm.horizontalAdvance(zero) / 2, at.y() + h + fm.ascent() + 2),
               zero);
    p.drawText(QPointF(at.x() + bar.widthPt - fm.horizontalAdvance(bar.label) / 2,
                       at.y() + h + fm.ascent() + 2),
               bar.label);
    const QString ratio = QStringLiteral("比例尺 1:%L1").arg(std::llround(scaleDenominator));
    p.drawText(QPointF(at.x(), at.y() - 4), ratio);
    p.restore();
}

void paintNorthArrow(QPainter& p, const QRectF& box) {
    p.save();
    const QPointF c = box.center();
    const double h = box.height();
    QPainterPath left, right;
    left.moveTo(c.x(), box.top() + h * 0.25);
    left.lineTo(c.x() - h * 0.18, box.bottom());
    left.lineTo(c.x(), box.bottom() - h * 0.15);
    left.closeSubpath();
    right.moveTo(c.x(), box.top() + h * 0.25);
    right.lineTo(c.x() + h * 0.18, box.bottom());
    right.lineTo(c.x(), box.bottom() - h * 0.15);
    right.closeSubpath();
    p.setPen(QPen(Qt::black, 0.8));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawPath(right);
    p.setBrush(Qt::black);
    p.drawPath(left);
    p.setFont(pageFont(10, true));
    const QFontMetricsF fm(p.font());
    const QString n = QStringLiteral("N");
    p.drawText(QPointF(c.x() - fm.horizontalAdvance(n) / 2, box.top() + fm.ascent() * 0.9), n);
    p.restore();
}

// Grid lines every round number of metres of the working CRS, labelled on the frame's top
// and left edges in kilometres.
void paintGrid(QPainter& p, const MapView& view) {
    const Box e = view.extent();
    const double step = niceRoundValue(std::max(e.width(), e.height()) / 5);
    if (step <= 0)
        return;
    p.save();
    p.setPen(QPen(QColor(0x30, 0x30, 0x60, 110), 0.7));
    QFont f = pageFont(7);
    f.setPixelSize(10);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const auto label = [&](double v) {
        return QStringLiteral("%1 km").arg(v / 1000, 0, 'f', step < 1000 ? 1 : 0);
    };
    for (double x = std::ceil(e.minX / step) * step; x <= e.maxX; x += step) {
        const double px = view.toPixel({x, e.minY}).x();
        p.drawLine(QPointF(px, 0), QPointF(px, view.size().height()));
        const QString t = QStringLiteral("E ") + label(x);
        const QRectF r(px + 2, 1, fm.horizontalAdvance(t) + 2, fm.height());
        p.fillRect(r, QColor(255, 255, 255, 200));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, t);
    }
    for (double y = std::ceil(e.minY / step) * step; y <= e.maxY; y += step) {
        const double py = view.toPixel({e.minX, y}).y();
        p.drawLine(QPointF(0, py), QPointF(view.size().width(), py));
        const QString t = QStringLiteral("N ") + label(y);
        const QRectF r(2, py - fm.height() - 1, fm.horizontalAdvance(t) + 2, fm.height());
        p.fillRect(r, QColor(255, 255, 255, 200));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, t);
    }
    p.restore();
}

} // namespace

std::optional<PaperSize> paperSizeFromKey(const QString& key) {
    const QString k = key.trimmed().toUpper();
    if (k == QLatin1String("A4"))
        return PaperSize::A4;
    if (k == QLatin1String("A3"))
        return PaperSize::A3;
    return std::nullopt;
}

QSizeF PageFormat::sizeMm() const {
    const QSizeF portrait = paper == PaperSize::A3 ? QSizeF(297, 420) : QSizeF(210, 297);
    return landscape ? portrait.transposed() : portrait;
}

QSizeF PageFormat::sizePt() const {
    return sizeMm() * kPointsPerMm;
}

QFont pageFont(double points, bool bold) {
    QFont f(preferredLabelFontFamily());
    // Page painters work in points: a pixel size in that system is a size in points.
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(points))));
    f.setBold(bold);
    // Shaping substitutes glyphs (digits in Latin runs of the CJK font) that QPdfWriter's
    // ToUnicode map cannot name, so pdftotext and search lose them; Latin and Han need none.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

double niceRoundValue(double maxValue) {
    if (!(maxValue > 0) || !std::isfinite(maxValue))
        return 0;
    const double p = std::pow(10.0, std::floor(std::log10(maxValue)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= maxValue * (1 + 1e-12))
            return m * p;
    return p;
}

QString distanceLabel(double metres) {
    if (metres < 1000)
        return QStringLiteral("%1 m").arg(std::lround(metres));
    const double km = metres / 1000;
    return std::abs(km - std::round(km)) < 1e-9 ? QStringLiteral("%1 km").arg(std::lround(km))
                                                : QStringLiteral("%1 km").arg(km, 0, 'g', 3);
}

ScaleBar scaleBarFor(double metresPerPoint, double maxWidthPt) {
    ScaleBar bar;
    if (!(metresPerPoint > 0) || !(maxWidthPt > 0))
        return bar;
    bar.lengthM = niceRoundValue(metresPerPoint * maxWidthPt);
    bar.widthPt = bar.lengthM / metresPerPoint;
    bar.label = distanceLabel(bar.lengthM);
    return bar;
}

std::vector<LegendEntry> baseMapLegend(const std::vector<RenderLayer>& layers,
                                       const MapStyle& style, const Box& extent) {
    RoleMask present = 0;
    for (const RenderLayer& l : layers) {
        if (!l.visible || !l.layer.data)
            continue;
        if (extent.empty()) {
            present |= l.layer.layerRoles;
            continue;
        }
        l.layer.data->index.query(extent, [&](std::uint32_t i) {
            if (i < l.layer.roles.size())
                present |= l.layer.roles[i];
            return true;
        });
    }
    std::vector<LegendEntry> out;
    for (Role r : kAnchorRoles)
        if (present & roleBit(r)) {
            LegendEntry e;
            e.kind = LegendEntry::Kind::Symbol;
            e.symbol = r;
            e.label = roleChineseName(r);
            out.push_back(e);
        }
    const auto add = [&](Role r, LegendEntry::Kind kind) {
        if (!(present & roleBit(r)))
            return;
        const FeatureStyle& s = style.forRole(r);
        LegendEntry e;
        e.kind = kind;
        e.label = roleChineseName(r);
        e.stroke = s.stroke;
        e.strokeWidth = s.strokeWidth;
        e.penStyle = s.dashPattern.isEmpty() ? Qt::SolidLine : Qt::DashLine;
        e.fill = kind == LegendEntry::Kind::Line ? s.casing : s.fill;
        if (r == Role::Toilet) {
            e.kind = LegendEntry::Kind::Symbol;
            e.symbol = r;
        }
        out.push_back(e);
    };
    add(Role::MainRoad, LegendEntry::Kind::Line);
    add(Role::BackStreet, LegendEntry::Kind::Line);
    add(Role::Compound, LegendEntry::Kind::Area);
    add(Role::Subdistrict, LegendEntry::Kind::Area);
    add(Role::Boundary, LegendEntry::Kind::Line);
    add(Role::Toilet, LegendEntry::Kind::Symbol);
    return out;
}

QRectF mapFrameFor(const PageFormat& format, const MapPage& page) {
    const QSizeF size = format.sizePt();
    const double top = kMarginPt + headerHeight(format, page);
    const double bottom = size.height() - kMarginPt - bottomHeight(format, page) -
                          (page.paintBelow ? page.belowHeightPt + 6 : 0);
    return QRectF(kMarginPt, top, size.width() - 2 * kMarginPt, std::max(40.0, bottom - top));
}

MapPageLayout paintMapPage(QPainter& p, const PageFormat& format, const MapPage& page,
                           Feedback& feedback) {
    MapPageLayout out;
    const QSizeF size = format.sizePt();
    const SavedState pageState(p);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);

    // Header.
    p.setPen(QColor(0x10, 0x10, 0x10));
    p.setFont(pageFont(titleSize(format), true));
    QFontMetricsF tfm(p.font());
    p.drawText(QPointF(kMarginPt, kMarginPt + tfm.ascent()),
               tfm.elidedText(page.title, Qt::ElideRight, size.width() - 2 * kMarginPt));
    if (!page.subtitle.isEmpty()) {
        p.setFont(pageFont(11));
        p.setPen(QColor(0x40, 0x40, 0x40));
        p.drawText(QPointF(kMarginPt, kMarginPt + titleSize(format) * 1.5 + 12), page.subtitle);
    }

    // Map.
    const QRectF frame = mapFrameFor(format, page);
    out.mapFramePt = frame;
    RenderJob job = page.job;
    const QSize viewSize(static_cast<int>(std::floor(frame.width() / kPointsPerMapPixel)),
                         static_cast<int>(std::floor(frame.height() / kPointsPerMapPixel)));
    job.view.setSize(viewSize);
    if (!page.extent.empty())
        job.view.fit(page.extent, 12);
    out.view = job.view;
    {
        const SavedState mapState(p);
        p.fillRect(frame, job.style.background);
        p.translate(frame.topLeft());
        p.scale(kPointsPerMapPixel, kPointsPerMapPixel);
        const RenderResult rendered = MapRenderer(job).paint(p, feedback);
        out.stats = rendered.stats;
        if (page.grid) {
            p.setClipRect(QRectF(QPointF(0, 0), QSizeF(viewSize)));
            paintGrid(p, job.view);
        }
    }
    p.setPen(QPen(QColor(0x20, 0x20, 0x20), 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    paintNorthArrow(p, QRectF(frame.right() - 34, frame.top() + 8, 26, 40));

    out.metresPerPoint = job.view.metresPerPixel() / kPointsPerMapPixel;
    out.scaleDenominator = job.view.scaleDenominator(96.0);

    // Below the map: the caller's panel.
    double y = frame.bottom() + 6;
    if (page.paintBelow) {
        const QRectF below(kMarginPt, y, size.width() - 2 * kMarginPt, page.belowHeightPt);
        const SavedState belowState(p);
        page.paintBelow(p, below);
        y = below.bottom();
    }

    // Bottom band: legend on the left, scale bar, attribution and footer on the right.
    const double bandTop = y + 6;
    const double legendWidth = size.width() * 0.62 - kMarginPt;
    out.legendPt = paintLegend(p, page.legend, QRectF(kMarginPt, bandTop, legendWidth, 0));
    const double rightX = kMarginPt + legendWidth + 12;
    const double rightW = size.width() - kMarginPt - rightX;
    out.scaleBar = scaleBarFor(out.metresPerPoint, std::min(rightW - 30, 60 * kPointsPerMm));
    paintScaleBar(p, out.scaleBar, out.scaleDenominator, QPointF(rightX + 6, bandTop + 18));
    p.setFont(pageFont(7));
    p.setPen(QColor(0x40, 0x40, 0x40));
    const QFontMetricsF sfm(p.font());
    double ty = bandTop + 48;
    for (const QString& line : {page.attribution, page.footer}) {
        if (line.isEmpty())
            continue;
        p.drawText(QPointF(rightX + 6, ty), sfm.elidedText(line, Qt::ElideRight, rightW - 6));
        ty += sfm.height() + 1;
    }
    feedback.throwIfCanceled();
    return out;
}

} // namespace core
