#pragma once

#include <QImage>
#include <QSize>

namespace core {

/// Transparent images for the renderer's threaded path, kept between renders: a fresh
/// full-screen image costs thousands of page faults, more than drawing a third of the map into
/// it. Holds at most three (a render takes two). Thread: any.
class ScratchImages {
public:
    /// A transparent ARGB32 premultiplied image of `pixels` with `dpr`, reused when one of
    /// that size was given back.
    static QImage take(QSize pixels, double dpr);
    /// Keeps `image` for a later take().
    static void give(QImage image);
};

} // namespace core
