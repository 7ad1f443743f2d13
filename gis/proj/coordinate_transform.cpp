#include "core/util/error.h"
#include "gis/proj/crs.h"
#include "gis/proj/detail/srs.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>

namespace gis {

struct CoordinateTransform::Impl {
    ChinaOffset sourceOffset = ChinaOffset::None;
    ChinaOffset targetOffset = ChinaOffset::None;
    detail::TransformPtr projTransform; // null when both base CRSs are the same
    bool identity = false;
    QString fromLabel;
    QString toLabel;

    // Transforms n coordinates held in xs/ys; returns the index of the first failing point or
    // n when all succeeded. Never leaves xs/ys half-converted for the caller to see: the
    // caller copies back only on success.
    std::size_t run(double* xs, double* ys, std::size_t n) const;
    [[noreturn]] void fail(core::Point original) const;
};

namespace {

// GDAL counts points in int; split larger batches.
constexpr std::size_t kMaxBatch = static_cast<std::size_t>(INT_MAX);

core::Point convertBetweenOffsets(core::Point p, ChinaOffset from, ChinaOffset to) {
    // GCJ-02 <-> BD-09 directly: going through WGS84 would add a needless GCJ inverse.
    if (from == ChinaOffset::Gcj02 && to == ChinaOffset::Bd09)
        return gcj02ToBd09(p);
    if (from == ChinaOffset::Bd09 && to == ChinaOffset::Gcj02)
        return bd09ToGcj02(p);
    return p;
}

} // namespace

std::size_t CoordinateTransform::Impl::run(double* xs, double* ys, std::size_t n) const {
    if (sourceOffset != ChinaOffset::None && targetOffset != ChinaOffset::None) {
        for (std::size_t i = 0; i < n; ++i) {
            const core::Point p = convertBetweenOffsets({xs[i], ys[i]}, sourceOffset, targetOffset);
            xs[i] = p.x;
            ys[i] = p.y;
        }
        return n;
    }
    if (sourceOffset != ChinaOffset::None) {
        for (std::size_t i = 0; i < n; ++i) {
            const core::Point p = toWgs84({xs[i], ys[i]}, sourceOffset);
            xs[i] = p.x;
            ys[i] = p.y;
        }
    }
    if (projTransform) {
        std::vector<int> ok(std::min(n, kMaxBatch));
        for (std::size_t start = 0; start < n; start += kMaxBatch) {
            const std::size_t count = std::min(kMaxBatch, n - start);
            // The return value only says "not all succeeded"; the per-point flags say which.
            OCTTransformEx(projTransform.get(), static_cast<int>(count), xs + start, ys + start,
                           nullptr, ok.data());
            for (std::size_t i = 0; i < count; ++i) {
                const std::size_t at = start + i;
                if (!ok[i] || !std::isfinite(xs[at]) || !std::isfinite(ys[at]))
                    return at;
            }
        }
    }
    if (targetOffset != ChinaOffset::None) {
        for (std::size_t i = 0; i < n; ++i) {
            const core::Point p = fromWgs84({xs[i], ys[i]}, targetOffset);
            xs[i] = p.x;
            ys[i] = p.y;
        }
    }
    return n;
}

void CoordinateTransform::Impl::fail(core::Point original) const {
    QString why = detail::lastGdalError();
    if (why.isEmpty())
        why = QStringLiteral("it lies outside the area where the projection is defined, or is "
                             "not a coordinate of %1")
                  .arg(fromLabel);
    throw core::CrsError(QStringLiteral("Point (%1, %2) cannot be transformed from %3 to %4: %5. "
                                        "Check that the layer's CRS is right.")
                             .arg(original.x, 0, 'g', 12)
                             .arg(original.y, 0, 'g', 12)
                             .arg(fromLabel, toLabel, why));
}

CoordinateTransform::CoordinateTransform(const Crs& from, const Crs& to)
    : impl_(std::make_unique<Impl>()) {
    if (!from.isValid() || !to.isValid())
        throw core::CrsError(
            QStringLiteral("Cannot transform coordinates from %1 to %2: a CRS is missing. "
                           "Set the layer's CRS (e.g. EPSG:4490) first.")
                .arg(from.label(), to.label()));
    impl_->sourceOffset = from.offset();
    impl_->targetOffset = to.offset();
    impl_->fromLabel = from.label();
    impl_->toLabel = to.label();
    impl_->identity = from.isSameAs(to);
    // GCJ-02 <-> BD-09 needs no PROJ step; run() converts between the offsets directly.
    if (impl_->identity || (from.offset() != ChinaOffset::None && to.offset() != ChinaOffset::None))
        return;

    // A pseudo-CRS side is its WGS84 base (makeSrs); the offset is applied around PROJ.
    const detail::SrsPtr source = detail::makeSrs(from);
    const detail::SrsPtr target = detail::makeSrs(to);
    if (OSRIsSame(source.get(), target.get()))
        return;
    const detail::QuietErrors quiet;
    CPLErrorReset();
    impl_->projTransform.reset(OCTNewCoordinateTransformation(source.get(), target.get()));
    if (!impl_->projTransform)
        throw core::CrsError(
            detail::lastGdalError(QStringLiteral("PROJ knows no transformation"))
                .prepend(QStringLiteral("Cannot transform coordinates from %1 to %2: ")
                             .arg(impl_->fromLabel, impl_->toLabel)));
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

core::Point CoordinateTransform::apply(core::Point p) const {
    if (impl_->identity)
        return p;
    double x = p.x;
    double y = p.y;
    const detail::QuietErrors quiet;
    CPLErrorReset();
    if (impl_->run(&x, &y, 1) != 1)
        impl_->fail(p);
    return {x, y};
}

void CoordinateTransform::apply(std::vector<core::Point>& points) const {
    if (impl_->identity || points.empty())
        return;
    // OCTTransformEx wants separate x and y arrays; working on copies also keeps `points`
    // untouched when a point fails.
    std::vector<double> xs(points.size());
    std::vector<double> ys(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        xs[i] = points[i].x;
        ys[i] = points[i].y;
    }
    const detail::QuietErrors quiet;
    CPLErrorReset();
    const std::size_t failed = impl_->run(xs.data(), ys.data(), points.size());
    if (failed != points.size())
        impl_->fail(points[failed]);
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i] = {xs[i], ys[i]};
}

bool CoordinateTransform::isIdentity() const {
    return impl_->identity;
}

} // namespace gis
