#include "gis/analysis/draw_session.h"

#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/io/vector_writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace gis {

namespace {

using core::Field;
using core::FieldType;

std::shared_ptr<core::LayerData> newLayer(const QString& name, core::GeometryKind kind,
                                          const QString& crs, std::vector<Field> fields) {
    auto l = std::make_shared<core::LayerData>();
    l->name = name;
    l->kind = kind;
    l->crsAuthId = crs;
    l->fields = std::move(fields);
    return l;
}

Field text(const char* n) {
    return {QLatin1String(n), FieldType::String};
}
Field integer(const char* n) {
    return {QLatin1String(n), FieldType::Integer};
}
Field real(const char* n) {
    return {QLatin1String(n), FieldType::Real};
}

void add(core::LayerData& l, core::Geometry g, std::vector<QVariant> attrs) {
    core::Feature f;
    f.fid = static_cast<std::int64_t>(l.features.size()) + 1;
    f.geometry = std::move(g);
    f.attributes = std::move(attrs);
    l.features.push_back(std::move(f));
}

double r2(double v) {
    return std::round(v * 100.0) / 100.0;
}

std::vector<core::LayerPtr> buildDrawLayers(const DrawRun& run) {
    const auto& rec = run.record;
    const QString crs = rec.workingCrs;
    auto anchors = newLayer(QStringLiteral("anchors"), core::GeometryKind::Point, crs,
                            {text("anchor_id"), text("kind"), text("kind_zh"), text("name"),
                             text("source"), integer("draw_order"), integer("street_candidates"),
                             integer("compound_candidates"), integer("streets_drawn"),
                             integer("compounds_drawn"), integer("shortfall"), integer("widened"),
                             text("draw_id")});
    auto rings = newLayer(QStringLiteral("rings"), core::GeometryKind::Polygon, crs,
                          {text("anchor_id"), text("kind"), text("name"), real("inner_m"),
                           real("outer_m"), integer("widened")});
    auto streets = newLayer(QStringLiteral("drawn_streets"), core::GeometryKind::Line, crs,
                            {text("anchor_id"), integer("draw_rank"), text("name"),
                             real("length_m"), real("min_dist_m"), real("near_x"), real("near_y"),
                             real("eligible_outer_m"), text("source")});
    auto compounds =
        newLayer(QStringLiteral("drawn_compounds"), core::GeometryKind::Polygon, crs,
                 {text("anchor_id"), integer("draw_rank"), text("name"), real("area_m2"),
                  real("centroid_dist_m"), real("eligible_outer_m"), text("source")});
    auto shortfalls = newLayer(QStringLiteral("shortfalls"), core::GeometryKind::Point, crs,
                               {text("anchor_id"), text("kind"), text("name"), text("unit"),
                                integer("asked"), integer("drawn"), integer("missing"),
                                integer("candidates"), integer("available"), text("reason")});
    for (std::size_t i = 0; i < rec.outcome.anchors.size(); ++i) {
        const auto& a = rec.outcome.anchors[i];
        const bool widened = a.streets.widened || a.compounds.widened;
        add(*anchors, core::Geometry::point(a.location),
            {a.id, core::roleKey(a.kind), core::roleChineseName(a.kind), a.name, a.source, a.order,
             a.streets.candidates, a.compounds.candidates, static_cast<int>(a.streets.items.size()),
             static_cast<int>(a.compounds.items.size()),
             a.streets.shortfall + a.compounds.shortfall, widened ? 1 : 0, rec.drawId});
        if (i < run.rings.size() && !run.rings[i].empty())
            add(*rings, run.rings[i],
                {a.id, core::roleKey(a.kind), a.name, rec.parameters.innerM,
                 std::max(a.streets.outerUsedM, a.compounds.outerUsedM), widened ? 1 : 0});
        int rank = 0;
        for (const auto& s : a.streets.items) {
            core::Geometry g = s.unit < run.universe.streets.size()
                                   ? run.universe.streets[s.unit].geometry
                                   : core::Geometry::point(s.nearPoint);
            add(*streets, std::move(g),
                {a.id, ++rank, s.name, r2(s.measure), r2(s.distanceM), r2(s.nearPoint.x),
                 r2(s.nearPoint.y), s.eligibleOuterM, s.source});
        }
        rank = 0;
        for (const auto& c : a.compounds.items) {
            if (c.unit >= run.universe.compounds.size())
                continue;
            add(*compounds, run.universe.compounds[c.unit].geometry,
                {a.id, ++rank, c.name, r2(c.measure), r2(c.distanceM), c.eligibleOuterM, c.source});
        }
        const auto shortfall = [&](const core::UnitDraw& u, const char* unit) {
            if (u.shortfall <= 0)
                return;
            const QString reason =
                u.candidates == 0
                    ? QStringLiteral("no eligible %1 in the ring").arg(QLatin1String(unit))
                    : QStringLiteral("only %1 eligible %2(s) left in the ring")
                          .arg(u.available)
                          .arg(QLatin1String(unit));
            add(*shortfalls, core::Geometry::point(a.location),
                {a.id, core::roleKey(a.kind), a.name, QLatin1String(unit), u.asked,
                 static_cast<int>(u.items.size()), u.shortfall, u.candidates, u.available, reason});
        };
        shortfall(a.streets, "street");
        shortfall(a.compounds, "compound");
    }
    std::vector<core::LayerPtr> out;
    for (auto& l : {anchors, rings, streets, compounds, shortfalls}) {
        l->buildIndex();
        out.push_back(l);
    }
    return out;
}

QByteArray recordBytes(const core::DrawRecord& r) {
    return QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        throw core::IoError(
            QStringLiteral("%1: cannot write the draw record (%2)").arg(path, f.errorString()));
}

/// Adds the record as a non-spatial table (a GeoPackage "attributes" table).
void appendRecordTable(const QString& path, const core::DrawRecord& r) {
    const detail::QuietErrors quiet;
    detail::DatasetPtr ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                     nullptr, nullptr, nullptr));
    if (!ds)
        throw core::IoError(QStringLiteral("%1: cannot reopen to add the draw record: %2")
                                .arg(path, detail::lastGdalError()));
    OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "draw_record");
    if (!layer) {
        layer = GDALDatasetCreateLayer(ds.get(), "draw_record", nullptr, wkbNone, nullptr);
        if (!layer)
            throw core::IoError(QStringLiteral("%1: cannot create the draw_record table: %2")
                                    .arg(path, detail::lastGdalError()));
        for (const char* name : {"draw_id", "created_utc", "seed", "record_json"}) {
            OGRFieldDefnH def = OGR_Fld_Create(name, OFTString);
            OGR_L_CreateField(layer, def, TRUE);
            OGR_Fld_Destroy(def);
        }
    }
    detail::FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
    OGR_F_SetFieldString(f.get(), 0, r.drawId.toUtf8().constData());
    OGR_F_SetFieldString(f.get(), 1, r.createdUtc.toUtf8().constData());
    OGR_F_SetFieldString(f.get(), 2,
                         QByteArray::number(static_cast<qulonglong>(r.seed)).constData());
    OGR_F_SetFieldString(f.get(), 3, recordBytes(r).constData());
    if (OGR_L_CreateFeature(layer, f.get()) != OGRERR_NONE)
        throw core::IoError(QStringLiteral("%1: cannot store the draw record: %2")
                                .arg(path, detail::lastGdalError()));
}

std::vector<core::DrawRecord> recordsFromJson(const QByteArray& bytes, const QString& source) {
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(bytes, &err);
    if (doc.isNull())
        throw core::FormatError(QStringLiteral("%1: not a draw record (JSON error: %2)")
                                    .arg(source, err.errorString()));
    std::vector<core::DrawRecord> out;
    if (doc.isArray()) {
        for (const auto& v : doc.array())
            out.push_back(core::DrawRecord::fromJson(v.toObject(), source));
    } else {
        out.push_back(core::DrawRecord::fromJson(doc.object(), source));
    }
    return out;
}

} // namespace

std::vector<core::LayerPtr> drawLayers(const DrawRun& run) {
    return buildDrawLayers(run);
}

void writeDrawOutput(const QString& path, const DrawRun& run, core::Feedback& feedback) {
    const QFileInfo info(path);
    const QString ext = info.suffix().toLower();
    if (ext == QLatin1String("json")) {
        writeFile(path, recordBytes(run.record));
        return;
    }
    const auto layers = drawLayers(run);
    if (ext == QLatin1String("gpkg")) {
        core::Feedback sub(feedback, 0, 90);
        writeVector(path, layers, {}, sub);
        appendRecordTable(path, run.record);
        feedback.setProgress(100);
        return;
    }
    if (vectorDriverForPath(path).isEmpty())
        throw core::FormatError(QStringLiteral("%1: unknown output format; use .gpkg, .geojson, "
                                               ".kml, .csv or .json")
                                    .arg(path));
    const QString base = info.dir().filePath(info.completeBaseName());
    for (const auto& l : layers) {
        core::Feedback sub(feedback, 0, 100);
        writeVector(QStringLiteral("%1_%2.%3").arg(base, l->name, info.suffix()), {l}, {}, sub);
    }
    writeFile(base + QStringLiteral("_record.json"), recordBytes(run.record));
}

std::vector<core::DrawRecord> readDrawRecords(const QString& path) {
    if (!QFileInfo::exists(path))
        throw core::Error(core::ErrorCode::NotFound, QStringLiteral("%1: no such file").arg(path));
    // A campaign first, read through SQLite only (see Campaign::isCampaignFile: a plain open and
    // close of a campaign this process holds open would drop that connection's locks).
    if (core::Campaign::isCampaignFile(path)) {
        auto records = core::Campaign::open(path, core::OpenMode::ReadOnly).draws();
        if (records.empty())
            throw core::Error(core::ErrorCode::NotFound,
                              QStringLiteral("campaign %1 holds no draw yet; run perisurvey-cli "
                                             "draw %1")
                                  .arg(path));
        return records;
    }
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        throw core::IoError(QStringLiteral("%1: cannot read (%2)").arg(path, probe.errorString()));
    if (!probe.peek(16).startsWith("SQLite format 3"))
        return recordsFromJson(probe.readAll(), path);
    probe.close();

    const detail::QuietErrors quiet;
    detail::DatasetPtr ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     nullptr, nullptr, nullptr));
    if (!ds)
        throw core::FormatError(
            QStringLiteral("%1: cannot open: %2").arg(path, detail::lastGdalError()));
    OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "draw_record");
    if (!layer)
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1 holds no draw record (no draw_record table); write "
                                         "one with perisurvey-cli draw ... --out FILE.gpkg")
                              .arg(path));
    const int jsonField = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "record_json");
    std::vector<core::DrawRecord> out;
    OGR_L_ResetReading(layer);
    while (detail::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        const QByteArray json(OGR_F_GetFieldAsString(f.get(), jsonField));
        auto records = recordsFromJson(json, path);
        out.insert(out.end(), records.begin(), records.end());
    }
    if (out.empty())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1: the draw_record table is empty").arg(path));
    return out;
}

} // namespace gis
