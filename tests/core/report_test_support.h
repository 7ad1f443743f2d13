#pragma once

// A hand-made campaign for the export and report tests, with figures worked out by hand:
// three units, eight defects in five categories and two sub-districts, cards issued, advanced
// and closed at fixed times, and a report time (kReportNow) at which two cards are overdue.
//
// Times (UTC; the calendar is 08:30-12:00, 13:30-18:00 Mon-Fri at UTC+8):
//   Mon 2027-03-15 01:00Z (09:00 local) a white card is due 06:30Z the same day (4 working h),
//   a yellow card Thu 2027-03-18 01:00Z (3 working days). Report at Thu 2027-03-25 02:00Z.
//
//   #  code   unit          sub-district  card    stage     deadline           overdue days
//   1  EN-01  西湖街道办事处  西湖街道(area)  white   closed on time (03-15 05:00Z)
//   2  AD-03  西湖街道办事处  西湖街道(area)  white   closed late (03-16 02:00Z)
//   3  EN-05  西湖街道办事处  西湖街道(area)  yellow  fixing    03-18 01:00Z       8
//   4  RD-01  住建局          东湖街道(poly)  yellow  reported  03-18 01:00Z       (due, not
//   overdue) 5  BZ-02  城管执法局      东湖街道(poly)  white   issued    03-24 06:30Z       1 6
//   EN-01  城管执法局      unknown         -       found 7  LT-01  住建局          unknown - found
//   8  EN-05  城管执法局      unknown         yellow  issued    03-29 01:00Z       (not due)

#include "core/photo_test_support.h"
#include "core/store/campaign.h"
#include "core/store_test_support.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

#include <vector>

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch

namespace testing {

inline QDateTime utc(int month, int day, int hour, int minute = 0) {
    return QDateTime(QDate(2027, month, day), QTime(hour, minute), QTimeZone::utc());
}

inline const QDateTime kReportNow = utc(3, 25, 2);

struct ReportFixture {
    std::int64_t westOffice = 0; ///< 西湖街道办事处
    std::int64_t housing = 0;    ///< 住建局
    std::int64_t urban = 0;      ///< 城管执法局
    std::vector<core::Defect> defects;
};

/// Builds the campaign described above in `path` (which must not exist).
inline ReportFixture buildReportCampaign(const QString& path) {
    core::Campaign c = core::Campaign::create(path, campaignOptions());
    ReportFixture fx;
    auto unit = [&](const QString& name, core::UnitKind kind, const QString& area) {
        core::ResponsibleUnit u;
        u.name = name;
        u.kind = kind;
        u.area = area;
        return c.addUnit(u);
    };
    fx.westOffice = unit(QStringLiteral("西湖街道办事处"), core::UnitKind::StreetOffice,
                         QStringLiteral("西湖街道"));
    fx.housing = unit(QStringLiteral("住建局"), core::UnitKind::HousingConstr, QString());
    fx.urban = unit(QStringLiteral("城管执法局"), core::UnitKind::UrbanMgmt, QString());

    // Sub-district polygon 东湖街道 in the working CRS, named in the campaign's metadata.
    core::LayerData places;
    places.name = QStringLiteral("subdistricts");
    places.kind = core::GeometryKind::Polygon;
    places.crsAuthId = QStringLiteral("EPSG:4547");
    places.fields = {{QStringLiteral("name"), core::FieldType::String}};
    core::Feature east;
    east.fid = 1;
    east.geometry = core::Geometry::polygon(
        {{528000, 3382000}, {529500, 3382000}, {529500, 3384000}, {528000, 3384000}});
    east.attributes = {QStringLiteral("东湖街道")};
    places.features = {east};
    places.buildIndex();
    const QString table = c.importLayer(places);
    c.setMeta(QStringLiteral("subdistrict_layer"), table);
    c.setMeta(QStringLiteral("subdistrict_name_field"), QStringLiteral("name"));

    struct Spec {
        const char* code;
        std::int64_t unit;
        double lon, lat;
        const char* note;
        std::optional<core::Point> working;
        bool photo;
    };
    const Spec specs[] = {
        {"EN-01", fx.westOffice, 114.3012345, 30.5812345, "菜市场门口暴露垃圾", std::nullopt, true},
        {"AD-03", fx.westOffice, 114.3023456, 30.5823456, "电线杆上小广告", std::nullopt, false},
        {"EN-05", fx.westOffice, 114.3034567, 30.5834567, "楼道口乱堆建材, \"临时\"", std::nullopt,
         true},
        {"RD-01", fx.housing, 114.3045678, 30.5845678, "人行道坑洼", core::Point{528900, 3383000},
         false},
        {"BZ-02", fx.urban, 114.3056789, 30.5856789, "校门口流动摊贩", core::Point{529100, 3383100},
         false},
        {"EN-01", fx.urban, 114.3067891, 30.5867891, "", std::nullopt, false},
        {"LT-01", fx.housing, 114.3078912, 30.5878912, "路灯不亮", std::nullopt, false},
        {"EN-05", fx.urban, 114.3089123, 30.5889123, "绿化带内堆放杂物", std::nullopt, false},
    };
    int seed = 1;
    for (const Spec& s : specs) {
        core::NewDefect d = defectAt(s.lon, s.lat, QString::fromLatin1(s.code));
        d.description = QString::fromUtf8(s.note);
        d.unitId = s.unit;
        d.working = s.working;
        d.observedAt = utc(3, 14, 2);
        if (s.photo) {
            core::PhotoInput p;
            p.data = jpeg(40, 30, {}, seed++);
            p.originalName = QStringLiteral("IMG_%1.jpg").arg(seed);
            d.photos.push_back(p);
        }
        fx.defects.push_back(c.addDefect(d));
    }
    const QString actor = QStringLiteral("测试员");
    auto id = [&](int n) {
        return fx.defects[static_cast<std::size_t>(n - 1)].uuid;
    };
    auto advance = [&](int n, int times, const QDateTime& at) {
        for (int i = 0; i < times; ++i)
            c.advanceCard(id(n), actor, QString(), std::nullopt, at);
    };
    const QDateTime monday = utc(3, 15, 1);
    c.issueCard(id(1), core::CardColour::White, actor, QString(), monday);
    advance(1, 4, utc(3, 15, 4));
    c.closeCard(id(1), actor, QString(), utc(3, 15, 5));
    c.issueCard(id(2), core::CardColour::White, actor, QString(), monday);
    advance(2, 4, utc(3, 15, 8));
    c.closeCard(id(2), actor, QString(), utc(3, 16, 2));
    c.issueCard(id(3), core::CardColour::Yellow, actor, QString(), monday);
    advance(3, 2, utc(3, 15, 2));
    c.issueCard(id(4), core::CardColour::Yellow, actor, QString(), monday);
    advance(4, 3, utc(3, 17, 2));
    c.issueCard(id(5), core::CardColour::White, actor, QString(), utc(3, 24, 1));
    c.issueCard(id(8), core::CardColour::Yellow, actor, QString(), utc(3, 24, 1));
    return fx;
}

} // namespace testing
