#include "core/render/map_symbols.h"

#include "core/render/map_style.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QSvgRenderer>

#include <map>
#include <utility>

namespace core {

namespace {

// Each pictogram is drawn in white on a 24x24 badge of the role's colour. Kept as plain path
// data so the same shapes serve the map, the exports and the widgets' icons.
const char* pictogram(Role role) {
    switch (role) {
    case Role::Market: // a stall: awning, posts, counter
        return R"(<path d="M5 7.2h14l-1.3 3.4H6.3z" fill="#fff"/>)"
               R"(<path d="M7 10.6h1.5v6.6H7zM15.5 10.6H17v6.6h-1.5z" fill="#fff"/>)"
               R"(<path d="M6.2 14.2h11.6v1.8H6.2z" fill="#fff"/>)";
    case Role::Mall: // a shopping cart
        return R"(<path d="M4.8 7h2.3l2 7.2h7.6l1.6-5.2H8" fill="none" stroke="#fff")"
               R"( stroke-width="1.7" stroke-linejoin="round" stroke-linecap="round"/>)"
               R"(<circle cx="10" cy="17.2" r="1.4" fill="#fff"/>)"
               R"(<circle cx="15.8" cy="17.2" r="1.4" fill="#fff"/>)";
    case Role::School: // a mortarboard
        return R"(<path d="M12 5.8l7.4 3.6-7.4 3.6-7.4-3.6z" fill="#fff"/>)"
               R"(<path d="M7.8 11.6v3.2c2 1.9 6.4 1.9 8.4 0v-3.2L12 13.6z" fill="#fff"/>)"
               R"(<path d="M18.6 9.8v4.6" stroke="#fff" stroke-width="1.2"/>)";
    case Role::Hospital: // a cross
        return R"(<path d="M10.1 5.6h3.8v4.5h4.5v3.8h-4.5v4.5h-3.8v-4.5H5.6v-3.8h4.5z")"
               R"( fill="#fff"/>)";
    case Role::Station: // a bus seen from the front
        return R"(<rect x="6.8" y="5.2" width="10.4" height="11.4" rx="2" fill="#fff"/>)"
               R"(<rect x="8.2" y="7" width="7.6" height="4.4" rx="0.6" fill="COLOR"/>)"
               R"(<circle cx="9.4" cy="13.9" r="1" fill="COLOR"/>)"
               R"(<circle cx="14.6" cy="13.9" r="1" fill="COLOR"/>)"
               R"(<path d="M7.8 16.4h2.2v2.2H7.8zM14 16.4h2.2v2.2H14z" fill="#fff"/>)";
    case Role::Community: // a house
        return R"(<path d="M12 5.2l7.2 6.2h-2.1v6.8h-3.6v-4.3h-3v4.3H6.9v-6.8H4.8z")"
               R"( fill="#fff"/>)";
    case Role::Toilet: // two figures and a divider
        return R"(<circle cx="7.6" cy="6.6" r="1.9" fill="#fff"/>)"
               R"(<path d="M5.6 9.4h4v5.6h-1v4.4H6.6V15h-1z" fill="#fff"/>)"
               R"(<circle cx="16.4" cy="6.6" r="1.9" fill="#fff"/>)"
               R"(<path d="M16.4 9.2l3 6.2h-1.6v4h-2.8v-4h-1.6z" fill="#fff"/>)"
               R"(<path d="M12 5v14.4" stroke="#fff" stroke-width="1.2"/>)";
    default:
        return nullptr;
    }
}

} // namespace

QByteArray symbolSvg(Role role) {
    const char* body = pictogram(role);
    if (!body)
        return {};
    const QByteArray color = roleColor(role).name().toLatin1();
    QByteArray svg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">)"
                     "\n";
    if (role == Role::Toilet)
        svg += R"(<rect x="0.8" y="0.8" width="22.4" height="22.4" rx="4" fill="COLOR")"
               R"( stroke="#fff" stroke-width="1.6"/>)";
    else
        svg += R"(<circle cx="12" cy="12" r="11" fill="COLOR" stroke="#fff" stroke-width="1.6"/>)";
    svg += "\n";
    svg += body;
    svg += "\n</svg>\n";
    svg.replace("COLOR", color);
    return svg;
}

QImage symbolImage(Role role, int devicePixels) {
    if (devicePixels <= 0)
        return {};
    static QMutex mutex;
    static std::map<std::pair<int, int>, QImage> cache;
    const auto key = std::make_pair(static_cast<int>(role), devicePixels);
    QMutexLocker lock(&mutex);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    const QByteArray svg = symbolSvg(role);
    QImage image;
    if (!svg.isEmpty()) {
        image = QImage(devicePixels, devicePixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(svg);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p, QRectF(0, 0, devicePixels, devicePixels));
    }
    cache.emplace(key, image);
    return image;
}

} // namespace core
