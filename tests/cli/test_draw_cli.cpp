// `perisurvey-cli draw` and `draw verify` on a small hand-made district: the JSON, the plan
// GeoPackage's layers and anchor ids, reproducibility, and verify catching a deleted road.
#include "app/cli/commands.h"
#include "core/util/error.h"
#include "gis/analysis/draw_session.h"
#include "gis/io/vector_writer.h"
#include "gis/layers/layer_loader.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <set>

namespace {

struct Result {
    int rc = -1;
    QString out;
    QString err;
};

Result draw(const QStringList& args) {
    Result r;
    QTextStream out(&r.out), err(&r.err);
    cli::Context ctx{args, out, err};
    try {
        r.rc = cli::runDraw(ctx);
    } catch (const core::Error& e) {
        err << "perisurvey-cli draw: " << e.message() << '\n';
        r.rc = e.isUserError() ? cli::BadInput : cli::InternalFailure;
    }
    out.flush();
    err.flush();
    return r;
}

/// A district around 1.52 E, 42.51 N in lon/lat: a school point, a market polygon 3 km east,
/// named residential streets and compounds at chosen distances from the school.
QString writeDistrict(const QString& path, bool withoutOneStreet) {
    const gis::Crs utm = gis::Crs::fromEpsg(32631);
    const gis::CoordinateTransform toLonLat(utm, gis::Crs::fromEpsg(4326));
    const gis::CoordinateTransform toUtm(gis::Crs::fromEpsg(4326), utm);
    const core::Point s = toUtm.apply(core::Point{1.52, 42.51});
    const auto ll = [&](std::vector<core::Point> pts) {
        for (auto& p : pts)
            p = toLonLat.apply(core::Point{s.x + p.x, s.y + p.y});
        return pts;
    };
    const auto layer = [](const char* name, core::GeometryKind kind, std::vector<core::Field> f) {
        auto l = std::make_shared<core::LayerData>();
        l->name = QLatin1String(name);
        l->kind = kind;
        l->crsAuthId = QStringLiteral("EPSG:4326");
        l->fields = std::move(f);
        return l;
    };
    const core::Field name{QStringLiteral("name"), core::FieldType::String};
    auto points = layer("points", core::GeometryKind::Point,
                        {name, {QStringLiteral("amenity"), core::FieldType::String}});
    points->features.push_back({1,
                                core::Geometry::point(ll({{0, 0}})[0]),
                                {QStringLiteral("Escola"), QStringLiteral("school")}});
    auto lines = layer("lines", core::GeometryKind::Line,
                       {name, {QStringLiteral("highway"), core::FieldType::String}});
    int fid = 10;
    for (int i = 0; i < 8; ++i) {
        if (withoutOneStreet && i == 3)
            continue;
        const double a = 0.7 * i;
        const double from = 600 + 150 * i;
        lines->features.push_back(
            {fid++,
             core::Geometry::line(ll({{std::cos(a) * from, std::sin(a) * from},
                                      {std::cos(a) * (from + 120), std::sin(a) * (from + 120)}})),
             {QStringLiteral("Carrer %1").arg(i), QStringLiteral("residential")}});
    }
    auto polys = layer("multipolygons", core::GeometryKind::Polygon,
                       {name,
                        {QStringLiteral("landuse"), core::FieldType::String},
                        {QStringLiteral("amenity"), core::FieldType::String}});
    for (int i = 0; i < 5; ++i) {
        const double a = 0.4 + 1.1 * i;
        const double d = 800 + 200 * i;
        const double cx = std::cos(a) * d;
        const double cy = std::sin(a) * d;
        polys->features.push_back(
            {fid++,
             core::Geometry::polygon(ll(
                 {{cx - 30, cy - 30}, {cx + 30, cy - 30}, {cx + 30, cy + 30}, {cx - 30, cy + 30}})),
             {QStringLiteral("Bloc %1").arg(i), QStringLiteral("residential"), QVariant()}});
    }
    polys->features.push_back(
        {fid++,
         core::Geometry::polygon(ll({{3000, 0}, {3100, 0}, {3100, 100}, {3000, 100}})),
         {QStringLiteral("Mercat"), QVariant(), QStringLiteral("marketplace")}});
    std::vector<core::LayerPtr> all;
    for (auto& l : {points, lines, polys}) {
        l->buildIndex();
        all.push_back(l);
    }
    core::Feedback fb;
    gis::writeVector(path, all, {}, fb);
    return path;
}

} // namespace

TEST_CASE("draw writes the record JSON and a plan that verify recomputes", "[cli][draw]") {
    gis::initGdal();
    QTemporaryDir dir;
    const QString district = writeDistrict(dir.filePath(QStringLiteral("district.gpkg")), false);
    const QString plan = dir.filePath(QStringLiteral("plan.gpkg"));

    const auto r = draw({district, QStringLiteral("--seed"), QStringLiteral("7"),
                         QStringLiteral("--out"), plan, QStringLiteral("--json"),
                         QStringLiteral("--operator"), QStringLiteral("王芳")});
    INFO(r.err.toStdString());
    REQUIRE(r.rc == 0);
    const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(json.value(QStringLiteral("seed")).toString() == QLatin1String("7"));
    CHECK(json.value(QStringLiteral("operator")).toString() == QStringLiteral("王芳"));
    const QString drawId = json.value(QStringLiteral("draw_id")).toString();
    CHECK(drawId.size() == 36);
    const auto anchors = json.value(QStringLiteral("anchors")).toArray();
    REQUIRE(anchors.size() == 2);
    std::set<QString> ids;
    for (const auto& v : anchors) {
        const auto a = v.toObject();
        ids.insert(a.value(QStringLiteral("id")).toString());
        CHECK(a.contains(QStringLiteral("shortfall")));
        const auto streets = a.value(QStringLiteral("streets")).toArray();
        const int shortfall = a.value(QStringLiteral("shortfall"))
                                  .toObject()
                                  .value(QStringLiteral("streets"))
                                  .toInt();
        CHECK(streets.size() + shortfall >= 1);
        CHECK(streets.size() + shortfall <= 2);
        for (const auto& s : streets) {
            const double d = s.toObject().value(QStringLiteral("min_dist_m")).toDouble();
            CHECK(d >= 500);
            CHECK(d <= 2000);
            CHECK(s.toObject()
                      .value(QStringLiteral("name"))
                      .toString()
                      .startsWith(QLatin1String("Carrer")));
        }
    }
    CHECK(ids == std::set<QString>{QStringLiteral("market-1"), QStringLiteral("school-1")});

    // The plan: the five layers, every feature naming an anchor of the anchors layer.
    core::Feedback fb;
    const auto loaded = gis::loadDataset(plan, gis::Crs::fromEpsg(32631), {}, fb);
    std::set<QString> names;
    for (const auto& l : loaded.layers) {
        names.insert(l->name);
        const int f = l->fieldIndex(QStringLiteral("anchor_id"));
        REQUIRE(f >= 0);
        for (std::size_t i = 0; i < l->features.size(); ++i)
            CHECK(ids.count(l->text(i, f)) == 1);
    }
    for (const char* required : {"anchors", "rings", "drawn_streets", "drawn_compounds"})
        CHECK(names.count(QLatin1String(required)) == 1);
    const auto records = gis::readDrawRecords(plan);
    REQUIRE(records.size() == 1);
    CHECK(records[0].drawId == drawId);

    const auto same =
        draw({district, QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json")});
    REQUIRE(same.rc == 0);
    CHECK(QJsonDocument::fromJson(same.out.toUtf8())
              .object()
              .value(QStringLiteral("result_sha256")) ==
          json.value(QStringLiteral("result_sha256")));

    const auto verified = draw({QStringLiteral("verify"), plan});
    INFO(verified.err.toStdString());
    CHECK(verified.rc == 0);
    CHECK(verified.out.startsWith(QLatin1String("verified")));

    writeDistrict(district, true); // a road deleted from the input
    const auto changed = draw({QStringLiteral("verify"), plan, QStringLiteral("--draw"), drawId});
    CHECK(changed.rc == 3);
    CHECK(changed.out.contains(QLatin1String("layer 'lines' changed")));
    CHECK(changed.out.contains(QLatin1String("7 features, recorded 8")));
}

TEST_CASE("draw refuses bad options with one clear line", "[cli][draw]") {
    const auto r =
        draw({QStringLiteral("x.gpkg"), QStringLiteral("--streets"), QStringLiteral("3-1")});
    CHECK(r.rc == cli::BadInput);
    CHECK(r.err.contains(QLatin1String("--streets")));
    const auto k =
        draw({QStringLiteral("x.gpkg"), QStringLiteral("--kinds"), QStringLiteral("school,park")});
    CHECK(k.rc == cli::BadInput);
    CHECK(k.err.contains(QLatin1String("'park' is not an anchor kind")));
    const auto s = draw({QStringLiteral("x.gpkg"), QStringLiteral("--seed"), QStringLiteral("-5")});
    CHECK(s.rc == cli::BadInput);
    CHECK(s.err.contains(QLatin1String("--seed")));
    const auto v = draw({QStringLiteral("verify"), QStringLiteral("/nonexistent/plan.gpkg")});
    CHECK(v.rc == cli::BadInput);
    CHECK(v.err.contains(QLatin1String("/nonexistent/plan.gpkg")));
}
