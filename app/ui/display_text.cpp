#include "app/ui/display_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace app {

QString roleDisplayName(core::Role role) {
    // The source strings are English; perisurvey_zh_CN.ts carries the domain's Chinese terms.
    switch (role) {
    case core::Role::Market:
        return QCoreApplication::translate("app::Roles", "Farmers' market");
    case core::Role::Mall:
        return QCoreApplication::translate("app::Roles", "Mall / supermarket");
    case core::Role::School:
        return QCoreApplication::translate("app::Roles", "School");
    case core::Role::Hospital:
        return QCoreApplication::translate("app::Roles", "Hospital");
    case core::Role::Station:
        return QCoreApplication::translate("app::Roles", "Transport station");
    case core::Role::Community:
        return QCoreApplication::translate("app::Roles", "Community");
    case core::Role::BackStreet:
        return QCoreApplication::translate("app::Roles", "Back street");
    case core::Role::MainRoad:
        return QCoreApplication::translate("app::Roles", "Main road");
    case core::Role::Compound:
        return QCoreApplication::translate("app::Roles", "Residential compound");
    case core::Role::Subdistrict:
        return QCoreApplication::translate("app::Roles", "Sub-district");
    case core::Role::Boundary:
        return QCoreApplication::translate("app::Roles", "District boundary");
    case core::Role::Toilet:
        return QCoreApplication::translate("app::Roles", "Public toilet");
    }
    return {};
}

QString groupedNumber(double value, int decimals) {
    if (!std::isfinite(value))
        return QStringLiteral("-");
    const QString raw = QString::number(std::abs(value), 'f', decimals);
    const qsizetype dot = raw.indexOf(QLatin1Char('.'));
    const QString intPart = dot < 0 ? raw : raw.left(dot);
    QString grouped;
    for (qsizetype i = 0; i < intPart.size(); ++i) {
        if (i > 0 && (intPart.size() - i) % 3 == 0)
            grouped += QLatin1Char(' ');
        grouped += intPart[i];
    }
    if (dot >= 0)
        grouped += raw.mid(dot);
    const bool negative = value < 0 && raw.contains(QRegularExpression(QStringLiteral("[1-9]")));
    return negative ? QLatin1Char('-') + grouped : grouped;
}

QString formatLonLat(core::Point lonLat) {
    const QChar deg(0x00B0);
    return QStringLiteral("%1%2%3 %4%5%6")
        .arg(QString::number(std::abs(lonLat.x), 'f', 6), deg,
             lonLat.x < 0 ? QStringLiteral("W") : QStringLiteral("E"),
             QString::number(std::abs(lonLat.y), 'f', 6), deg,
             lonLat.y < 0 ? QStringLiteral("S") : QStringLiteral("N"));
}

QString formatWorking(core::Point xy, const QString& crsAuthId, bool geographic) {
    const QString crs = crsAuthId.isEmpty() ? QStringLiteral("?") : crsAuthId;
    if (geographic)
        return QStringLiteral("%1 %2, %3")
            .arg(crs, QString::number(xy.x, 'f', 6), QString::number(xy.y, 'f', 6));
    return QStringLiteral("%1 E %2 N %3").arg(crs, groupedNumber(xy.x, 1), groupedNumber(xy.y, 1));
}

QString formatScale(double denominator) {
    if (!(denominator > 0) || !std::isfinite(denominator))
        return QStringLiteral("1:-");
    double n = std::round(denominator);
    if (n >= 1000) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(n)) - 2);
        n = std::round(n / magnitude) * magnitude;
    }
    return QStringLiteral("1:") + groupedNumber(n, 0);
}

} // namespace app
