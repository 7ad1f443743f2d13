#include "core/render/scratch_images.h"

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

namespace core {

namespace {

constexpr std::size_t kKept = 3;

std::mutex& poolMutex() {
    static std::mutex m;
    return m;
}

std::vector<QImage>& pool() {
    static std::vector<QImage> images;
    return images;
}

} // namespace

QImage ScratchImages::take(QSize pixels, double dpr) {
    QImage image;
    {
        const std::lock_guard lock(poolMutex());
        auto& kept = pool();
        const auto it = std::find_if(kept.begin(), kept.end(),
                                     [&](const QImage& i) { return i.size() == pixels; });
        if (it != kept.end()) {
            image = std::move(*it);
            kept.erase(it);
        }
    }
    if (image.isNull())
        image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    return image;
}

void ScratchImages::give(QImage image) {
    const std::lock_guard lock(poolMutex());
    auto& kept = pool();
    if (kept.size() >= kKept)
        kept.erase(kept.begin());
    kept.push_back(std::move(image));
}

} // namespace core
