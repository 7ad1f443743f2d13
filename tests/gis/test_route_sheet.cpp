// The PDF route sheet (路线单): per team a map page and a table of stops with check boxes,
// Chinese names extractable with pdftotext, written through exportRoute by the .pdf
// extension, atomically. The plan is built by hand in EPSG:4547 (CGCS2000 GK CM 114E).
#include "core/util/error.h"
#include "gis/io/route_export.h"
#include "gis/io/route_sheet.h"
#include "support/pdf_text.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace {

core::RoutePlan twoTeamPlan() {
    const core::Point o{500000, 3380000};
    const auto at = [&](double dx, double dy) {
        return core::Point{o.x + dx, o.y + dy};
    };
    core::RoutePlan plan;
    plan.mode = core::TravelMode::Walk;
    plan.start = at(0, 0);
    plan.roundTrip = true;
    const QStringList names{QStringLiteral("青石巷"), QStringLiteral("幸福小区"),
                            QStringLiteral("长春街"), QStringLiteral("民主路小区")};
    const core::StopKind kinds[] = {core::StopKind::Street, core::StopKind::Compound,
                                    core::StopKind::Street, core::StopKind::Compound};
    const core::Point places[] = {at(400, 0), at(400, 400), at(-400, 0), at(-400, -400)};
    for (int i = 0; i < 4; ++i) {
        core::Stop s;
        s.id = QStringLiteral("stop-%1").arg(i);
        s.name = names[i];
        s.kind = kinds[i];
        s.location = places[i];
        plan.stops.push_back(s);
    }
    for (int t = 0; t < 2; ++t) {
        core::TeamRoute team;
        team.team = t;
        team.stops = {2 * t, 2 * t + 1};
        core::Point from = *plan.start;
        int fromStop = -1;
        for (int s : team.stops) {
            core::RouteLeg leg;
            leg.fromStop = fromStop;
            leg.toStop = s;
            leg.geometry = {from, core::Point{plan.stops[s].location.x, from.y},
                            plan.stops[s].location};
            leg.distanceM = 400;
            leg.travelS = 300;
            leg.streets = {QStringLiteral("解放大道"), QStringLiteral("中山路")};
            team.legs.push_back(leg);
            from = plan.stops[s].location;
            fromStop = s;
            team.dwellS += plan.stops[s].dwellS();
        }
        core::RouteLeg back;
        back.fromStop = fromStop;
        back.toStop = -1;
        back.geometry = {from, *plan.start};
        back.distanceM = 560;
        back.travelS = 420;
        team.legs.push_back(back);
        for (const auto& l : team.legs) {
            team.distanceM += l.distanceM;
            team.travelS += l.travelS;
        }
        plan.teams.push_back(team);
    }
    return plan;
}

} // namespace

TEST_CASE("the route sheet has a map and a stop table per team with check boxes", "[route][pdf]") {
    const core::RoutePlan plan = twoTeamPlan();
    const gis::Crs working = gis::Crs::fromEpsg(4547);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("route.pdf"));
    gis::writeRouteSheet(pdf, plan, working, QStringLiteral("X区 3月5日 检查路线"));
    REQUIRE(QFileInfo::exists(pdf));
    CHECK(testing::pdfPageCount(pdf) == 4); // per team: map page + table page
    const QString text = testing::pdfText(pdf);
    CHECK(text.contains(QStringLiteral("X区3月5日检查路线·第1组")));
    CHECK(text.contains(QStringLiteral("第2组检查顺序")));
    for (const core::Stop& s : plan.stops)
        CHECK(text.contains(s.name));
    CHECK(text.contains(QStringLiteral("□")));
    CHECK(text.contains(QStringLiteral("解放大道、中山路")));
    CHECK(text.contains(QStringLiteral("返回出发点")));
    CHECK(text.contains(QStringLiteral("路程1.36km")));
    CHECK(text.contains(QStringLiteral("114.0")));     // lon/lat of the stops
    CHECK(text.contains(QStringLiteral("第1组路线"))); // the map legend

    SECTION("exportRoute writes the sheet for a .pdf path") {
        const QString viaExport = dir.filePath(QStringLiteral("export.pdf"));
        core::Feedback fb;
        gis::exportRoute(viaExport, plan, working, QStringLiteral("路线"), fb);
        CHECK(testing::pdfPageCount(viaExport) == 4);
    }
    SECTION("an unwritable path names it and leaves nothing") {
        const QString bad = dir.filePath(QStringLiteral("nope/route.pdf"));
        CHECK_THROWS_AS(gis::writeRouteSheet(bad, plan, working, QStringLiteral("路线")),
                        core::IoError);
        CHECK_THROWS_WITH(gis::writeRouteSheet(bad, plan, working, QStringLiteral("路线")),
                          Catch::Contains("nope/route.pdf"));
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 1);
    }
}
