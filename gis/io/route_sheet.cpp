#include "gis/io/route_sheet.h"

#include "core/render/page_document.h"
#include "core/render/page_flow.h"
#include "core/render/route_overlay.h"
#include "core/routing/route_layers.h"

#include <QDateTime>
#include <QPainter>

#include <cmath>

namespace gis {

namespace {

QString kindChinese(core::StopKind k) {
    switch (k) {
    case core::StopKind::Street:
        return QStringLiteral("背街小巷");
    case core::StopKind::Compound:
        return QStringLiteral("居民小区");
    case core::StopKind::Anchor:
        return QStringLiteral("点位");
    case core::StopKind::Other:
        break;
    }
    return QStringLiteral("其他");
}

QString modeChinese(core::TravelMode m) {
    switch (m) {
    case core::TravelMode::Walk:
        return QStringLiteral("步行");
    case core::TravelMode::Drive:
        return QStringLiteral("驾车");
    case core::TravelMode::Ebike:
        return QStringLiteral("电动自行车");
    }
    return {};
}

QString km(double m) {
    return m < 1000 ? QStringLiteral("%1 m").arg(std::lround(m))
                    : QStringLiteral("%1 km").arg(m / 1000, 0, 'f', 2);
}

QString minutes(double s) {
    return QStringLiteral("%1 分钟").arg(std::lround(s / 60));
}

QString clock(double s) {
    const long m = std::lround(s / 60);
    return QStringLiteral("+%1:%2").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0'));
}

QString lonLatText(const CoordinateTransform& t, core::Point p) {
    const core::Point ll = t.apply(p);
    return QStringLiteral("%1, %2").arg(ll.x, 0, 'f', 5).arg(ll.y, 0, 'f', 5);
}

std::vector<QStringList> stopRows(const core::RoutePlan& plan, const core::TeamRoute& team,
                                  const CoordinateTransform& toLonLat) {
    std::vector<QStringList> rows;
    const QString box = QStringLiteral("□");
    if (plan.start)
        rows.push_back({box, QStringLiteral("起"), QStringLiteral("出发点"), QString(), QString(),
                        QString(), QString(), QStringLiteral("+0:00"), QString(),
                        lonLatText(toLonLat, *plan.start)});
    double elapsed = 0;
    std::vector<double> along(plan.stops.size(), 0);
    for (const core::RouteLeg& leg : team.legs)
        if (leg.alongStreet && leg.toStop >= 0)
            along[static_cast<std::size_t>(leg.toStop)] += leg.distanceM;
    int position = 0;
    for (const core::RouteLeg& leg : team.legs) {
        elapsed += leg.travelS;
        if (leg.alongStreet)
            continue;
        if (leg.toStop < 0) {
            rows.push_back({box, QStringLiteral("终"),
                            plan.roundTrip ? QStringLiteral("返回出发点") : QStringLiteral("终点"),
                            QString(), leg.streets.join(QStringLiteral("、")), km(leg.distanceM),
                            minutes(leg.travelS), clock(elapsed), QString(),
                            plan.end     ? lonLatText(toLonLat, *plan.end)
                            : plan.start ? lonLatText(toLonLat, *plan.start)
                                         : QString()});
            continue;
        }
        const core::Stop& s = plan.stops[static_cast<std::size_t>(leg.toStop)];
        ++position;
        QString dwell = minutes(s.dwellS());
        if (along[static_cast<std::size_t>(leg.toStop)] > 0)
            dwell +=
                QStringLiteral("（沿街 %1）").arg(km(along[static_cast<std::size_t>(leg.toStop)]));
        const core::Point at = leg.geometry.empty() ? s.location : leg.geometry.back();
        rows.push_back({box, QString::number(position), s.name, kindChinese(s.kind),
                        leg.streets.join(QStringLiteral("、")), km(leg.distanceM),
                        minutes(leg.travelS), clock(elapsed), dwell, lonLatText(toLonLat, at)});
        elapsed += s.dwellS();
    }
    return rows;
}

} // namespace

void writeRouteSheet(const QString& pdfPath, const core::RoutePlan& plan, const Crs& working,
                     const QString& title, const RouteSheetOptions& options) {
    const CoordinateTransform toLonLat(working, Crs::fromEpsg(4326));
    const core::PageFormat format = options.format;
    core::PdfDocument doc(pdfPath, format, title);
    auto shared = std::make_shared<const core::RoutePlan>(plan);
    core::Feedback feedback;
    const QString date = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd"));
    bool first = true;
    for (const core::TeamRoute& team : plan.teams) {
        if (!first)
            doc.newPage();
        first = false;
        core::MapPage page;
        page.job.layers = options.baseLayers;
        page.job.devicePixelRatio = 4;
        page.job.overlays.push_back(core::routeOverlay(shared, team.team));
        page.extent = core::routeExtent(plan, team.team);
        if (!page.extent.empty())
            page.extent = page.extent.buffered(
                std::max(80.0, 0.05 * std::max(page.extent.width(), page.extent.height())));
        page.legend = core::baseMapLegend(page.job.layers, page.job.style, page.extent);
        for (core::LegendEntry& e : core::routeLegend(plan, team.team))
            page.legend.push_back(std::move(e));
        page.title = plan.teams.size() > 1
                         ? QStringLiteral("%1 · 第 %2 组").arg(title).arg(team.team + 1)
                         : title;
        page.subtitle =
            QStringLiteral("%1%2，%3 个检查点，路程 %4，行进 %5，合计 %6 · %7")
                .arg(options.subtitle.isEmpty() ? QString()
                                                : options.subtitle + QStringLiteral(" · "),
                     modeChinese(plan.mode))
                .arg(team.stops.size())
                .arg(km(team.distanceM), minutes(team.travelS), minutes(team.totalS()), date);
        page.attribution = options.usesOsm
                               ? QStringLiteral("底图数据 © OpenStreetMap contributors (ODbL)")
                               : QString();
        page.footer = QStringLiteral("PeriSurvey 路线单 · %1").arg(working.label());
        core::paintMapPage(doc.painter(), format, page, feedback);

        doc.newPage();
        core::FlowWriter w(doc);
        w.setFooter(QStringLiteral("%1 · 第 %2 组").arg(title).arg(team.team + 1));
        w.heading(QStringLiteral("第 %1 组 检查顺序").arg(team.team + 1));
        w.paragraph(
            QStringLiteral("出行方式：%1；检查点 %2 个；路程 %3；行进 %4；停留 %5；合计 %6%7。"
                           "到达一处检查完毕后在 □ 内打勾。")
                .arg(modeChinese(plan.mode))
                .arg(team.stops.size())
                .arg(km(team.distanceM), minutes(team.travelS), minutes(team.dwellS),
                     minutes(team.totalS()),
                     plan.budgetMinutes > 0
                         ? QStringLiteral("（预算 %1 分钟）").arg(std::lround(plan.budgetMinutes))
                         : QString()));
        w.table({{QStringLiteral("完成"), 0.55, Qt::AlignHCenter},
                 {QStringLiteral("序号"), 0.55, Qt::AlignHCenter},
                 {QStringLiteral("检查点"), 1.9},
                 {QStringLiteral("类型"), 0.95},
                 {QStringLiteral("途经道路"), 2.0},
                 {QStringLiteral("本段距离"), 0.95, Qt::AlignRight},
                 {QStringLiteral("本段用时"), 0.95, Qt::AlignRight},
                 {QStringLiteral("到达"), 0.75, Qt::AlignRight},
                 {QStringLiteral("停留"), 1.1},
                 {QStringLiteral("经纬度"), 2.2}},
                stopRows(plan, team, toLonLat), 7.5);
        w.keyValues(
            {{QStringLiteral("合计"), QStringLiteral("路程 %1，行进 %2，停留 %3，全天 %4")
                                          .arg(km(team.distanceM), minutes(team.travelS),
                                               minutes(team.dwellS), minutes(team.totalS()))}});
        if (&team == &plan.teams.back() && (!plan.unplaced.empty() || !plan.unreachable.empty())) {
            std::vector<QStringList> rows;
            for (int s : plan.unplaced)
                rows.push_back({plan.stops[static_cast<std::size_t>(s)].name,
                                kindChinese(plan.stops[static_cast<std::size_t>(s)].kind),
                                QStringLiteral("超出时间预算，未排入")});
            for (int s : plan.unreachable)
                rows.push_back({plan.stops[static_cast<std::size_t>(s)].name,
                                kindChinese(plan.stops[static_cast<std::size_t>(s)].kind),
                                QStringLiteral("道路不可达")});
            w.heading(QStringLiteral("未能安排的检查点"));
            w.table({{QStringLiteral("检查点"), 3},
                     {QStringLiteral("类型"), 1},
                     {QStringLiteral("原因"), 2}},
                    rows);
        }
        w.signatureLines({QStringLiteral("检查人（签字）："), QStringLiteral("组长（签字）：")});
        w.finishPage();
    }
    if (plan.teams.empty()) {
        core::FlowWriter w(doc);
        w.heading(title, 0);
        w.paragraph(QStringLiteral("没有可安排的路线。"));
        w.finishPage();
    }
    doc.commit();
}

} // namespace gis
