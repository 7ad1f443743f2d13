#include "core/render/map_renderer.h"

#include "core/render/map_symbols.h"
#include "core/render/scratch_images.h"
#include "core/render/screen_geometry.h"
#include "core/util/error.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <map>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

namespace core {

namespace {

// How far beyond the view geometry is kept when clipping: wider than any outline or casing,
// so the clip edges never show.
constexpr double kClipMarginPx = 24.0;
// Vertices closer than this to the previous kept one are dropped.
constexpr double kDecimatePx = 0.5;
constexpr std::size_t kCancelCheckEvery = 128;
// Areas whose screen box is smaller than this both ways are drawn as a dot (a small filled
// box): at that size the outline covers the fill anyway, and a city at full extent has tens
// of thousands of them.
constexpr double kDotPx = 4.0;
// Dots drawn per call at most: enough to spread the per-call cost, few enough to stay cheap
// for the rasterizer.
constexpr qsizetype kBatchElements = 2048;
// A run of lines is also drawn at every multiple of this many items (counted over the whole
// frame), so a frame can be cut there for two threads without changing the picture.
constexpr std::size_t kLineRunItems = 1024;
constexpr std::uint32_t kNoChain = ~std::uint32_t{0};
// From this many features on, render() draws on two threads: below it the extra images cost
// more than the second core saves.
constexpr std::size_t kParallelItems = 20000;

struct Item {
    DrawStage stage;
    std::uint32_t layer;
    std::uint32_t feature;
    std::optional<Role> role;
    bool symbolOnly;                ///< an anchor area or line drawn as its icon at the label point
    std::uint32_t chain = kNoChain; ///< a chain of the layer's overview, drawn for `feature`
};

struct LabelCandidate {
    int priority = 0;
    double weight = 0; ///< bigger features first among equal priorities
    QString text;
    LabelPlacement placement = LabelPlacement::None;
    QRectF symbol;
    QPointF point;
    std::vector<QPolygonF> pieces;
    QSizeF slack; ///< area labels: how far the label may move off the label point
    const FeatureStyle* style = nullptr;
};

// Streets are stored as many short segments between junctions: join the segments that share
// a name into chains so the name has room, and label each chain rather than each segment.
void joinLineCandidates(std::vector<LabelCandidate>& candidates) {
    QHash<std::pair<int, QString>, std::size_t> chainOf;
    std::vector<LabelCandidate> out;
    out.reserve(candidates.size());
    for (LabelCandidate& c : candidates) {
        if (c.placement != LabelPlacement::AlongLine) {
            out.push_back(std::move(c));
            continue;
        }
        const auto it = chainOf.constFind({c.priority, c.text});
        if (it == chainOf.cend()) {
            chainOf.insert({c.priority, c.text}, out.size());
            out.push_back(std::move(c));
            continue;
        }
        LabelCandidate& target = out[it.value()];
        target.weight += c.weight;
        for (QPolygonF& piece : c.pieces)
            target.pieces.push_back(std::move(piece));
    }
    for (const std::size_t index : std::as_const(chainOf))
        out[index].pieces = joinPolylines(std::move(out[index].pieces));
    candidates = std::move(out);
}

QPen strokePen(const FeatureStyle& s) {
    QPen pen(s.stroke, s.strokeWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    if (!s.dashPattern.isEmpty()) {
        pen.setDashPattern(s.dashPattern);
        pen.setCapStyle(Qt::FlatCap);
    }
    return pen;
}

class BaseMapPainter {
public:
    BaseMapPainter(const RenderJob& job, const MapStyle& style, QPainter& p, Feedback& fb,
                   RenderStats& stats)
        : job_(job), style_(style), p_(p), fb_(fb), stats_(stats),
          labels_(QRectF(QPointF(0, 0), QSizeF(job.view.size()))),
          nameFields_(job.layers.size(), -2) {
        const QSizeF size(job.view.size());
        clip_ = QRectF(QPointF(0, 0), size)
                    .adjusted(-kClipMarginPx, -kClipMarginPx, kClipMarginPx, kClipMarginPx);
    }

    LabelPlacer& labels() { return labels_; }

    std::vector<Item> collect() {
        std::vector<Item> items;
        double maxSymbol = 0;
        for (Role r : kAnchorRoles)
            maxSymbol = std::max(maxSymbol, style_.forRole(r).symbolSize);
        maxSymbol = std::max(maxSymbol, style_.forRole(Role::Toilet).symbolSize);
        const double mpp = job_.view.metresPerPixel();
        const Box area = job_.view.extent().buffered((maxSymbol + 4) * mpp);
        for (std::size_t li = 0; li < job_.layers.size(); ++li) {
            const RenderLayer& rl = job_.layers[li];
            if (!rl.visible || !rl.layer.data)
                continue;
            const LayerData& data = *rl.layer.data;
            ++stats_.layersDrawn;
            stats_.featuresInLayers += data.features.size();
            if (rl.overview && rl.overview->suits(mpp)) {
                collectChains(static_cast<std::uint32_t>(li), *rl.overview, area, items);
                continue;
            }
            data.index.query(area, [&](std::uint32_t fi) {
                if (fi >= data.features.size())
                    return true;
                ++stats_.featuresQueried;
                const Geometry& g = data.features[fi].geometry;
                const RoleMask mask = fi < rl.layer.roles.size() ? rl.layer.roles[fi] : 0;
                const std::optional<Role> role = primaryRole(mask);
                const GeometryKind kind = g.kind == GeometryKind::None ? data.kind : g.kind;
                items.push_back(
                    {drawStageFor(role, kind), static_cast<std::uint32_t>(li), fi, role, false});
                if (role && isAnchor(*role) && kind != GeometryKind::Point)
                    items.push_back(
                        {DrawStage::AnchorSymbol, static_cast<std::uint32_t>(li), fi, role, true});
                return true;
            });
        }
        return sortedByStage(items);
    }

    // Stable counting sort by stage: two passes over the items, where a comparison sort of
    // a city's 200,000 items took longer than querying them.
    static std::vector<Item> sortedByStage(const std::vector<Item>& items) {
        constexpr std::size_t kStages = static_cast<std::size_t>(DrawStage::AnchorSymbol) + 1;
        std::array<std::size_t, kStages> next{};
        for (const Item& i : items)
            ++next[static_cast<std::size_t>(i.stage)];
        std::size_t start = 0;
        for (std::size_t& n : next)
            start += std::exchange(n, start);
        std::vector<Item> sorted(items.size());
        for (const Item& i : items)
            sorted[next[static_cast<std::size_t>(i.stage)]++] = i;
        return sorted;
    }

    void collectChains(std::uint32_t li, const LineOverview& overview, const Box& area,
                       std::vector<Item>& items) {
        const RenderLayer& rl = job_.layers[li];
        overview.index().query(area, [&](std::uint32_t ci) {
            if (ci >= overview.chains().size())
                return true;
            ++stats_.featuresQueried;
            const std::uint32_t fi = overview.chains()[ci].feature;
            const std::optional<Role> role =
                primaryRole(fi < rl.layer.roles.size() ? rl.layer.roles[fi] : 0);
            items.push_back({drawStageFor(role, GeometryKind::Line), li, fi, role, false, ci});
            return true;
        });
    }

    /// Draws items[from, to). `progress` maps the run onto that range of percent; null
    /// reports none (a helper thread only checks for cancellation).
    void draw(const std::vector<Item>& items, std::size_t from, std::size_t to,
              std::optional<std::pair<double, double>> progress) {
        for (std::size_t i = from; i < to; ++i) {
            if ((i - from) % kCancelCheckEvery == 0) {
                fb_.throwIfCanceled();
                if (progress)
                    fb_.setProgress(progress->first + (progress->second - progress->first) *
                                                          static_cast<double>(i - from) /
                                                          static_cast<double>(to - from));
            }
            if (i % kLineRunItems == 0 && batch_ == Batch::Lines)
                flushBatch();
            drawItem(items[i]);
        }
        flushBatch();
    }

    /// The label candidates found so far, leaving none (to hand them to another painter).
    std::vector<LabelCandidate> takeCandidates() { return std::exchange(candidates_, {}); }
    /// Adds candidates found by another painter; call in drawing order.
    void addCandidates(std::vector<LabelCandidate> candidates) {
        for (LabelCandidate& c : candidates)
            candidates_.push_back(std::move(c));
    }

    void placeLabels() {
        joinLineCandidates(candidates_);
        // The order to offer them in, sorted as indices: candidates are heavy to move.
        std::vector<std::uint32_t> order(candidates_.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t k) {
            const LabelCandidate& a = candidates_[i];
            const LabelCandidate& b = candidates_[k];
            if (a.priority != b.priority)
                return a.priority > b.priority;
            return a.weight > b.weight;
        });
        std::size_t n = 0;
        // One label style per feature style: a QFont per candidate cost more than placing it.
        std::map<const FeatureStyle*, LabelStyle> labelStyles;
        for (const std::uint32_t index : order) {
            const LabelCandidate& c = candidates_[index];
            if (++n % kCancelCheckEvery == 0)
                fb_.throwIfCanceled();
            auto [styleIt, fresh] = labelStyles.try_emplace(c.style);
            LabelStyle& ls = styleIt->second;
            if (fresh) {
                ls.font = QFont(style_.fontFamily);
                ls.font.setPixelSize(
                    std::max(6, static_cast<int>(std::lround(c.style->labelPixelSize))));
                ls.font.setBold(c.style->labelBold);
                ls.color = c.style->labelColor;
                ls.halo = c.style->haloColor;
            }
            switch (c.placement) {
            case LabelPlacement::BesideSymbol:
                labels_.placeBeside(c.text, c.symbol, ls, c.priority);
                break;
            case LabelPlacement::InsideArea:
                labels_.placeAt(c.text, c.point, ls, c.priority, c.slack);
                break;
            case LabelPlacement::AlongLine: {
                // A long street is named again every few hundred pixels (the placer keeps
                // repeats of one name apart).
                const int tries = std::min(4, 1 + static_cast<int>(c.weight / 400));
                for (int t = 0; t < tries; ++t)
                    if (!labels_.placeAlong(c.text, c.pieces, ls, c.priority))
                        break;
                break;
            }
            case LabelPlacement::None:
                break;
            }
        }
    }

    void drawLabels() {
        for (const PlacedLabel& l : labels_.labels())
            LabelPlacer::draw(p_, l);
    }

private:
    const FeatureStyle& styleOf(const Item& it, GeometryKind kind) const {
        return it.role ? style_.forRole(*it.role) : style_.neutral(kind);
    }

    QString labelText(const Item& it) {
        const RenderLayer& rl = job_.layers[it.layer];
        if (rl.labels)
            return it.feature < rl.labels->size() ? (*rl.labels)[it.feature] : QString();
        int& field = nameFields_[it.layer];
        if (field == -2)
            field = defaultNameField(*rl.layer.data);
        return rl.layer.data->text(it.feature, field);
    }

    bool wantsLabel(const FeatureStyle& s) const {
        return job_.drawLabels && s.labelPriority > 0 && s.labelPlacement != LabelPlacement::None;
    }

    void drawItem(const Item& it) {
        const LayerData& data = *job_.layers[it.layer].layer.data;
        const Geometry& g = data.features[it.feature].geometry;
        if (g.points.empty())
            return;
        const GeometryKind kind = g.kind == GeometryKind::None ? data.kind : g.kind;
        const FeatureStyle& s = styleOf(it, kind);
        if (it.chain != kNoChain) {
            ++stats_.featuresDrawn;
            drawLine(it, g, s);
            return;
        }
        if (it.symbolOnly) {
            flushBatch();
            drawSymbol(it, s, job_.view.toPixel(labelPoint(g)));
            return;
        }
        if (kind == GeometryKind::Point || kind == GeometryKind::None) {
            flushBatch();
            for (std::size_t part = 0; part < g.partCount(); ++part)
                drawSymbol(it, s, job_.view.toPixel(g.points[g.partBegin(part)]));
            ++stats_.featuresDrawn;
            return;
        }
        const Box b = g.bounds();
        const double mpp = job_.view.metresPerPixel();
        if (b.width() / mpp < kDecimatePx && b.height() / mpp < kDecimatePx) {
            ++stats_.featuresTooSmall;
            return;
        }
        ++stats_.featuresDrawn;
        if (kind == GeometryKind::Line)
            drawLine(it, g, s);
        else if (b.width() / mpp < kDotPx && b.height() / mpp < kDotPx)
            drawDot(g, s, b);
        else
            drawPolygon(it, g, s, b);
    }

    enum class Batch : std::uint8_t { None, Dots, Lines };

    /// Makes (style, kind) the open batch, drawing the previous one first when it differs:
    /// consecutive items keep their order, only a run of one style is drawn at once.
    void openBatch(Batch kind, const FeatureStyle& s) {
        if (batch_ == kind && batchStyle_ == &s)
            return;
        flushBatch();
        batch_ = kind;
        batchStyle_ = &s;
    }

    void flushBatch() {
        if (batch_ != Batch::None)
            areaStyle_ = nullptr;
        const Batch kind = std::exchange(batch_, Batch::None);
        const FeatureStyle* s = std::exchange(batchStyle_, nullptr);
        if (kind == Batch::Dots && !dots_.empty()) {
            p_.setPen(Qt::NoPen);
            p_.setBrush(dotColor(*s));
            p_.drawRects(dots_.data(), static_cast<int>(dots_.size()));
        }
        dots_.clear();
        if (kind == Batch::Lines)
            drawLinePieces(*s, batchLines_);
        batchLines_.clear();
    }

    static QColor dotColor(const FeatureStyle& s) {
        // The outline dominates an area this small; its colour, a little translucent, keeps
        // the area's look.
        if (s.stroke.isValid() && s.strokeWidth > 0) {
            QColor c = s.stroke;
            c.setAlpha(std::min(c.alpha(), 170));
            return c;
        }
        return s.fill.isValid() ? s.fill : QColor(Qt::transparent);
    }

    void drawDot(const Geometry& g, const FeatureStyle& s, const Box& b) {
        const QPointF a = job_.view.toPixel(Point{b.minX, b.minY});
        const QPointF c = job_.view.toPixel(Point{b.maxX, b.maxY});
        QRectF rect = QRectF(a, c).normalized();
        if (!rect.intersects(clip_))
            return;
        stats_.verticesIn += g.points.size();
        stats_.verticesOut += 4;
        // At least a pixel, centred on the area.
        const QPointF centre = rect.center();
        rect.setSize(rect.size().expandedTo(QSizeF(1.0, 1.0)));
        rect.moveCenter(centre);
        openBatch(Batch::Dots, s);
        dots_.push_back(rect);
        if (static_cast<qsizetype>(dots_.size()) >= kBatchElements)
            flushBatch();
    }

    void drawSymbol(const Item& it, const FeatureStyle& s, QPointF at) {
        const double size = s.symbolSize;
        const QRectF rect(at.x() - size / 2, at.y() - size / 2, size, size);
        if (!rect.intersects(clip_))
            return;
        if (s.icon && it.role) {
            const double dpr = job_.devicePixelRatio > 0 ? job_.devicePixelRatio : 1.0;
            const int px = std::max(1, static_cast<int>(std::lround(size * dpr)));
            const QImage img = symbolImage(*it.role, px);
            if (!img.isNull()) {
                // Whole device pixels, at the icon's own size: QPainter copies the icon instead
                // of resampling it (a city has over 10,000 of them).
                const QRectF pixelRect(std::round(rect.left() * dpr) / dpr,
                                       std::round(rect.top() * dpr) / dpr, px / dpr, px / dpr);
                p_.drawImage(pixelRect, img);
                labels_.reserve(rect);
                if (wantsLabel(s))
                    addCandidate(it, s, 0, [&](LabelCandidate& c) { c.symbol = rect; });
                return;
            }
        }
        areaStyle_ = nullptr;
        p_.setPen(s.stroke.isValid() ? QPen(s.stroke, s.strokeWidth) : QPen(Qt::NoPen));
        p_.setBrush(s.fill.isValid() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
        p_.drawEllipse(rect);
        if (wantsLabel(s))
            addCandidate(it, s, 0, [&](LabelCandidate& c) { c.symbol = rect; });
    }

    void addLinePart(const Point* points, std::size_t count) {
        projectDecimated(job_.view, points, count, kDecimatePx, scratch_);
        stats_.verticesIn += count;
        stats_.verticesOut += static_cast<std::size_t>(scratch_.size());
        clipPolyline(scratch_, clip_, pieces_);
    }

    void drawLine(const Item& it, const Geometry& g, const FeatureStyle& s) {
        pieces_.clear();
        if (it.chain != kNoChain) {
            const LineOverview& overview = *job_.layers[it.layer].overview;
            const LineOverview::Chain& chain = overview.chains()[it.chain];
            addLinePart(overview.points().data() + chain.first, chain.count);
        } else {
            for (std::size_t part = 0; part < g.partCount(); ++part) {
                const auto b = g.partBegin(part), e = g.partEnd(part);
                addLinePart(g.points.data() + b, e - b);
            }
        }
        if (pieces_.empty())
            return;
        // A run of lines of one style is drawn casings first, then strokes, so the casing of
        // one segment never covers the stroke of the next where they meet.
        openBatch(Batch::Lines, s);
        for (const QPolygonF& piece : pieces_)
            batchLines_.push_back(piece);
        if (static_cast<qsizetype>(batchLines_.size()) >= kBatchElements)
            flushBatch();
        if (wantsLabel(s)) {
            double length = 0;
            for (const QPolygonF& piece : pieces_)
                length += polylineLength(piece);
            addCandidate(it, s, length, [&](LabelCandidate& c) { c.pieces = pieces_; });
        }
    }

    void drawLinePieces(const FeatureStyle& s, const std::vector<QPolygonF>& pieces) {
        if (s.casing.isValid() && s.casingWidth > 0)
            strokePieces(QPen(s.casing, s.casingWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin),
                         pieces);
        if (s.stroke.isValid())
            strokePieces(strokePen(s), pieces);
    }

    void strokePieces(const QPen& pen, const std::vector<QPolygonF>& pieces) {
        p_.setPen(pen);
        const double dpr = job_.devicePixelRatio > 0 ? job_.devicePixelRatio : 1.0;
        if (pen.style() != Qt::SolidLine || pen.widthF() * dpr > 1.0) {
            for (const QPolygonF& piece : pieces)
                p_.drawPolyline(piece);
            return;
        }
        // A hairline: QPainter draws it segment by segment with its cosmetic stroker anyway,
        // so one call takes every segment of the run (far-out views have tens of thousands
        // of short streets).
        hairlines_.clear();
        for (const QPolygonF& piece : pieces)
            for (qsizetype i = 0; i + 1 < piece.size(); ++i)
                hairlines_.emplace_back(piece[i], piece[i + 1]);
        p_.drawLines(hairlines_.data(), static_cast<int>(hairlines_.size()));
    }

    void drawPolygon(const Item& it, const Geometry& g, const FeatureStyle& s, const Box& b) {
        // A single ring (most areas) goes to QPainter as a polygon, which the raster engine
        // fills and outlines faster than a path; rings with holes or several parts as a path.
        rings_.clear();
        for (std::size_t part = 0; part < g.partCount(); ++part) {
            const auto pb = g.partBegin(part), pe = g.partEnd(part);
            projectDecimated(job_.view, g.points.data() + pb, pe - pb, kDecimatePx, scratch_);
            stats_.verticesIn += pe - pb;
            QPolygonF ring = clipRing(scratch_, clip_);
            stats_.verticesOut += static_cast<std::size_t>(ring.size());
            if (ring.size() >= 3)
                rings_.push_back(std::move(ring));
        }
        if (rings_.empty())
            return;
        QPainterPath path;
        if (rings_.size() > 1) {
            path.setFillRule(Qt::OddEvenFill);
            for (const QPolygonF& ring : rings_)
                path.addPolygon(ring);
        }
        const auto paint = [&] {
            if (rings_.size() == 1)
                p_.drawPolygon(rings_.front(), Qt::OddEvenFill);
            else
                p_.drawPath(path);
        };
        flushBatch();
        if (s.casing.isValid() && s.casingWidth > 0) {
            p_.setBrush(s.fill.isValid() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
            p_.setPen(QPen(s.casing, s.casingWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            paint();
            p_.setBrush(Qt::NoBrush);
            p_.setPen(s.stroke.isValid() ? strokePen(s) : QPen(Qt::NoPen));
            areaStyle_ = nullptr;
        } else if (areaStyle_ != &s) {
            // Thousands of areas of one style in a row: QPainter's state stays set.
            p_.setBrush(s.fill.isValid() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
            p_.setPen(s.stroke.isValid() ? strokePen(s) : QPen(Qt::NoPen));
            areaStyle_ = &s;
        }
        paint();
        const double mpp = job_.view.metresPerPixel();
        const double wPx = b.width() / mpp, hPx = b.height() / mpp;
        // Areas too small on screen for their name stay unlabelled.
        if (wantsLabel(s) && s.labelPlacement == LabelPlacement::InsideArea && wPx >= 28 &&
            hPx >= 14) {
            const QPointF at = job_.view.toPixel(labelPoint(g));
            const QSizeF slack(std::min(80.0, wPx / 4), std::min(60.0, hPx / 4));
            addCandidate(it, s, wPx * hPx, [&](LabelCandidate& c) {
                c.point = at;
                c.slack = slack;
            });
        }
    }

    template <typename Fill>
    void addCandidate(const Item& it, const FeatureStyle& s, double weight, Fill&& fill) {
        QString text = labelText(it).trimmed();
        if (text.isEmpty())
            return;
        LabelCandidate c;
        c.priority = s.labelPriority;
        c.weight = weight;
        c.text = std::move(text);
        c.placement = s.labelPlacement;
        c.style = &s;
        fill(c);
        candidates_.push_back(std::move(c));
    }

    const RenderJob& job_;
    const MapStyle& style_;
    QPainter& p_;
    Feedback& fb_;
    RenderStats& stats_;
    LabelPlacer labels_;
    QRectF clip_;
    QPolygonF scratch_;
    std::vector<QPolygonF> pieces_;
    Batch batch_ = Batch::None;
    const FeatureStyle* batchStyle_ = nullptr;
    std::vector<QRectF> dots_;
    std::vector<QPolygonF> batchLines_;
    std::vector<QLineF> hairlines_;
    std::vector<QPolygonF> rings_;
    const FeatureStyle* areaStyle_ = nullptr; ///< pen and brush QPainter has for areas
    std::vector<LabelCandidate> candidates_;
    std::vector<int> nameFields_;
};

void runOverlays(const RenderJob& job, OverlayStage stage, RenderContext& ctx) {
    for (const MapOverlay& o : job.overlays) {
        if (o.stage != stage || !o.paint)
            continue;
        ctx.feedback.throwIfCanceled();
        ctx.painter.save();
        o.paint(ctx);
        ctx.painter.restore();
    }
}

void addDrawStats(RenderStats& to, const RenderStats& from) {
    to.featuresDrawn += from.featuresDrawn;
    to.featuresTooSmall += from.featuresTooSmall;
    to.verticesIn += from.verticesIn;
    to.verticesOut += from.verticesOut;
}

void preparePainter(QPainter& painter, QSize logical) {
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    painter.setClipRect(QRectF(QPointF(0, 0), QSizeF(logical)), Qt::IntersectClip);
}

// The first item past `last` in stage-sorted items.
std::size_t stageEnd(const std::vector<Item>& items, DrawStage last) {
    return static_cast<std::size_t>(
        std::partition_point(items.begin(), items.end(),
                             [last](const Item& i) { return i.stage <= last; }) -
        items.begin());
}

// Where to cut items[0, end) so that the part before the cut costs about as much as the part
// after it plus the items from `end` on, as near as the picture allows. Areas may be cut
// anywhere; a run of lines of one style is drawn casings first, so lines are cut only where
// the run is drawn anyway: at a stage change or a multiple of kLineRunItems. An area costs
// about two thirds of a line or a point (measured on the city demo).
std::size_t balancedCut(const std::vector<Item>& items, std::size_t end) {
    const auto weight = [](const Item& i) {
        return i.stage <= DrawStage::BoundaryOutline ? 2 : 3;
    };
    std::size_t total = 0;
    for (const Item& i : items)
        total += weight(i);
    std::size_t target = 0;
    for (std::size_t sum = 0; target < end && 2 * sum < total; ++target)
        sum += weight(items[target]);
    const std::size_t areasEnd = std::min(end, stageEnd(items, DrawStage::BoundaryOutline));
    if (target <= areasEnd)
        return target;
    const auto distance = [&](std::size_t i) {
        return i > target ? i - target : target - i;
    };
    std::size_t best = areasEnd;
    const auto consider = [&](std::size_t cut) {
        if (cut <= end && distance(cut) < distance(best))
            best = cut;
    };
    consider(target / kLineRunItems * kLineRunItems);
    consider((target / kLineRunItems + 1) * kLineRunItems);
    for (DrawStage last : {DrawStage::NeutralLine, DrawStage::BackStreet, DrawStage::MainRoad})
        consider(stageEnd(items, last));
    return best;
}

// Draws the items in three parts on two threads: areas and lines cut in two (balancedCut), and
// the points. This thread draws the first part straight onto `painter` with `worker`, and
// reports progress; a helper draws the second part and then the points, each into an image of
// its own, composited onto `painter` afterwards in drawing order: source-over is associative,
// so the picture is the one painting them in turn gives. The helper's label candidates and
// its symbols' reserved label space go to `worker` after its own.
void drawOnTwoThreads(const RenderJob& job, const MapStyle& style, const std::vector<Item>& items,
                      QPainter& painter, BaseMapPainter& worker, Feedback& feedback,
                      RenderStats& stats) {
    const std::size_t pointsStart = stageEnd(items, DrawStage::AnchorLine);
    const std::size_t cut = balancedCut(items, pointsStart);
    if (cut == 0) { // nothing for this thread: no point in a second one
        worker.draw(items, 0, items.size(), std::pair{0.0, 80.0});
        return;
    }
    const QSize pixels(painter.device()->width(), painter.device()->height());
    const double dpr = painter.device()->devicePixelRatioF();

    struct Part {
        std::size_t from, to;
        QImage image;
        RenderStats stats;
        std::vector<LabelCandidate> candidates;
        std::vector<QRectF> reserved;
    };
    std::array<Part, 2> parts{Part{cut, pointsStart, {}, {}, {}, {}},
                              Part{pointsStart, items.size(), {}, {}, {}, {}}};
    auto helper = std::async(std::launch::async, [&] {
        for (Part& part : parts) {
            if (part.from == part.to)
                continue;
            part.image = ScratchImages::take(pixels, dpr);
            QPainter p(&part.image);
            preparePainter(p, job.view.size());
            BaseMapPainter painterOfPart(job, style, p, feedback, part.stats);
            painterOfPart.draw(items, part.from, part.to, std::nullopt);
            part.candidates = painterOfPart.takeCandidates();
            part.reserved = painterOfPart.labels().reserved();
        }
    });
    // Should this throw, the helper's future waits for it on the way out (std::async).
    worker.draw(items, 0, cut, std::pair{0.0, 80.0});
    helper.get();
    for (Part& part : parts) {
        if (part.image.isNull())
            continue;
        painter.drawImage(QPointF(0, 0), part.image);
        ScratchImages::give(std::move(part.image));
        worker.addCandidates(std::move(part.candidates));
        for (const QRectF& box : part.reserved)
            worker.labels().reserve(box);
        addDrawStats(stats, part.stats);
    }
}

} // namespace

MapRenderer::MapRenderer(RenderJob job) : job_(std::move(job)) {}

RenderResult MapRenderer::render(Feedback& feedback) {
    const QSize logical = job_.view.size();
    const double dpr = job_.devicePixelRatio > 0 ? job_.devicePixelRatio : 1.0;
    const QSize pixels(std::max(1, static_cast<int>(std::lround(logical.width() * dpr))),
                       std::max(1, static_cast<int>(std::lround(logical.height() * dpr))));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(job_.style.background);
    RenderResult result;
    {
        QPainter painter(&image);
        result = paint(painter, feedback, true);
    }
    result.image = std::move(image);
    return result;
}

RenderResult MapRenderer::paint(QPainter& painter, Feedback& feedback) {
    return paint(painter, feedback, false);
}

RenderResult MapRenderer::paint(QPainter& painter, Feedback& feedback, bool ownImage) {
    RenderResult result;
    if (!job_.view.isValid())
        return result;
    feedback.throwIfCanceled();
    const MapStyle style =
        job_.adaptStyleToScale ? job_.style.adaptedToScale(job_.view.metresPerPixel()) : job_.style;
    painter.save();
    preparePainter(painter, job_.view.size());

    BaseMapPainter worker(job_, style, painter, feedback, result.stats);
    RenderContext ctx{painter,  job_.view,
                      style,    worker.labels(),
                      feedback, job_.devicePixelRatio > 0 ? job_.devicePixelRatio : 1.0};
    try {
        runOverlays(job_, OverlayStage::BelowFeatures, ctx);
        const std::vector<Item> items = worker.collect();
        if (ownImage && items.size() >= kParallelItems && std::thread::hardware_concurrency() > 1) {
            drawOnTwoThreads(job_, style, items, painter, worker, feedback, result.stats);
        } else {
            worker.draw(items, 0, items.size(), std::pair{0.0, 80.0});
        }
        runOverlays(job_, OverlayStage::AboveFeatures, ctx);
        if (job_.drawLabels) {
            worker.placeLabels();
            feedback.throwIfCanceled();
            worker.drawLabels();
        }
        runOverlays(job_, OverlayStage::AboveLabels, ctx);
    } catch (...) {
        painter.restore();
        throw;
    }
    painter.restore();
    result.labels = worker.labels().labels();
    feedback.setProgress(100.0);
    return result;
}

QImage renderMap(const RenderJob& job, Feedback& feedback) {
    return MapRenderer(job).render(feedback).image;
}

int defaultNameField(const LayerData& layer) {
    const std::vector<int> fields = defaultNameFields(layer);
    return fields.empty() ? -1 : fields.front();
}

} // namespace core
