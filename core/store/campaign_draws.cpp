// Draws kept in the campaign: ps_draws holds each record as JSON; the draw layers are feature
// tables in the working CRS whose rows name their draw in draw_id. Both are append-only.
#include "core/store/campaign.h"

#include "core/store/detail/feature_sql.h"
#include "core/store/gpkg_geometry.h"
#include "core/util/error.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <set>

namespace core {

namespace {

using detail::quotedIdentifier;

Error invalid(const QString& message) {
    return Error(ErrorCode::InvalidInput, message);
}

const QString kDrawIdColumn = QStringLiteral("draw_id");
const QString kRouteIdColumn = QStringLiteral("route_id");

bool tableExists(Database& db, const QString& table) {
    auto st = db.prepare("SELECT 1 FROM gpkg_contents WHERE table_name=?");
    st.bind(1, table);
    return st.step();
}

GpkgGeometryType tableTypeFor(GeometryKind kind) {
    return kind == GeometryKind::Point ? GpkgGeometryType::Point : multiOf(kind);
}

// A feature table whose rows name the draw (or route) they belong to in `idColumn`.
void createDrawTable(Database& db, const QString& table, const LayerData& layer, int srsId,
                     const QString& description, const QString& idColumn = kDrawIdColumn) {
    const GpkgGeometryType type = tableTypeFor(layer.kind);
    QString ddl = QStringLiteral("CREATE TABLE %1 (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT "
                                 "NULL, geom %2, %3 TEXT NOT NULL")
                      .arg(quotedIdentifier(table), QLatin1String(gpkgTypeName(type)),
                           quotedIdentifier(idColumn));
    for (const auto& f : layer.fields)
        if (f.name != idColumn)
            ddl += QStringLiteral(", %1 %2").arg(quotedIdentifier(f.name),
                                                 QLatin1String(detail::sqlTypeOf(f.type)));
    ddl += QLatin1Char(')');
    db.exec(ddl.toStdString());
    const QString q = quotedIdentifier(table);
    const QString index = QStringLiteral("CREATE INDEX %1 ON %2(%3)")
                              .arg(quotedIdentifier(table + QLatin1Char('_') + idColumn), q,
                                   quotedIdentifier(idColumn));
    db.exec(index.toStdString());
    for (const char* op : {"UPDATE", "DELETE"}) {
        const QString trigger =
            QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 BEGIN SELECT RAISE(ABORT, '%4 is "
                           "append-only: supersede a draw, never edit it'); END")
                .arg(quotedIdentifier(table + QStringLiteral("_no_") +
                                      QString::fromLatin1(op).toLower()),
                     QLatin1String(op), q, table);
        db.exec(trigger.toStdString());
    }
    auto contents = db.prepare("INSERT INTO gpkg_contents(table_name, data_type, identifier, "
                               "description, srs_id) VALUES(?, 'features', ?, ?, ?)");
    contents.bindAll(table, table, description, srsId).exec();
    auto geomCols = db.prepare("INSERT INTO gpkg_geometry_columns VALUES(?, 'geom', ?, ?, 0, 0)");
    geomCols.bindAll(table, QString::fromLatin1(gpkgTypeName(type)), srsId).exec();
}

QString descriptionFor(const QString& layerName) {
    if (layerName == QLatin1String("anchors"))
        return QStringLiteral("抽样锚点 draw anchors");
    if (layerName == QLatin1String("rings"))
        return QStringLiteral("抽样环 draw rings");
    if (layerName == QLatin1String("drawn_streets"))
        return QStringLiteral("抽中背街小巷 drawn back streets");
    if (layerName == QLatin1String("drawn_compounds"))
        return QStringLiteral("抽中小区 drawn compounds");
    if (layerName == QLatin1String("shortfalls"))
        return QStringLiteral("抽样不足 draw shortfalls");
    return layerName;
}

void insertDrawFeatures(Database& db, const QString& table, const LayerData& layer, int srsId,
                        const QString& drawId, const QString& idColumn = kDrawIdColumn) {
    // Columns the table lacks (a newer PeriSurvey added a field) are added, never dropped.
    std::vector<Field> existing = detail::tableFields(db, table);
    QSet<QString> have;
    for (const auto& f : existing)
        have.insert(f.name);
    for (const auto& f : layer.fields) {
        if (have.contains(f.name))
            continue;
        const QString alter = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                                  .arg(quotedIdentifier(table), quotedIdentifier(f.name),
                                       QLatin1String(detail::sqlTypeOf(f.type)));
        db.exec(alter.toStdString());
        have.insert(f.name);
    }
    const GpkgGeometryType type = tableTypeFor(layer.kind);
    QString sql = QStringLiteral("INSERT INTO %1 (geom, %2")
                      .arg(quotedIdentifier(table), quotedIdentifier(idColumn));
    QString values = QStringLiteral("?, ?");
    std::vector<std::size_t> fieldIndex;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields[i].name == idColumn)
            continue;
        sql += QStringLiteral(", ") + quotedIdentifier(layer.fields[i].name);
        values += QStringLiteral(", ?");
        fieldIndex.push_back(i);
    }
    sql += QStringLiteral(") VALUES (") + values + QLatin1Char(')');
    auto ins = db.prepare(sql.toStdString());
    Box extent;
    for (const auto& f : layer.features) {
        if (f.geometry.empty())
            ins.bindNull(1);
        else
            ins.bind(1, encodeGpkgGeometry(f.geometry, srsId, type));
        ins.bind(2, drawId);
        extent.expand(f.geometry.bounds());
        int column = 3;
        for (const std::size_t i : fieldIndex) {
            detail::bindFieldValue(ins, column++,
                                   i < f.attributes.size() ? f.attributes[i] : QVariant(),
                                   layer.fields[i].type);
        }
        ins.exec();
        ins.reset();
    }
    if (extent.empty())
        return;
    auto update =
        db.prepare("UPDATE gpkg_contents SET min_x=min(coalesce(min_x, ?1), ?1), "
                   "min_y=min(coalesce(min_y, ?2), ?2), max_x=max(coalesce(max_x, ?3), ?3), "
                   "max_y=max(coalesce(max_y, ?4), ?4), "
                   "last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name=?5");
    update.bind(1, extent.minX).bind(2, extent.minY).bind(3, extent.maxX).bind(4, extent.maxY);
    update.bind(5, table).exec();
}

} // namespace

QString Campaign::drawTableFor(const QString& layerName) {
    if (layerName.startsWith(QLatin1String("drawn_")))
        return layerName;
    return QStringLiteral("draw_") + layerName;
}

void Campaign::recordDraw(const DrawRecord& record, const std::vector<LayerPtr>& layers,
                          const QString& actor) {
    if (record.drawId.trimmed().isEmpty())
        throw invalid(
            QStringLiteral("the draw has no id; it cannot be recorded in %1").arg(path()));
    const CampaignCrs working = workingCrs();
    if (record.workingCrs != working.authId)
        throw CrsError(QStringLiteral("draw %1 was made in %2 but campaign %3 works in %4; draw "
                                      "again with --crs %4 to keep it in this campaign")
                           .arg(record.drawId, record.workingCrs, path(), working.authId));
    const int srsId = working.srsId();

    Transaction tx(db_);
    {
        auto dup = db_.prepare("SELECT 1 FROM ps_draws WHERE draw_id=?");
        dup.bind(1, record.drawId);
        if (dup.step())
            throw invalid(QStringLiteral("campaign %1 already holds draw %2; a draw is "
                                         "recorded once and never edited")
                              .arg(path(), record.drawId));
    }
    if (!record.supersedes.isEmpty()) {
        auto prior = db_.prepare("SELECT 1 FROM ps_draws WHERE draw_id=?");
        prior.bind(1, record.supersedes);
        if (!prior.step())
            throw invalid(QStringLiteral("draw %1 supersedes draw %2, which campaign %3 does "
                                         "not hold")
                              .arg(record.drawId, record.supersedes, path()));
    }
    const QString json =
        QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact));
    auto ins = db_.prepare("INSERT INTO ps_draws(draw_id, created_utc, operator, seed, supersedes, "
                           "result_sha256, recorded_at, record_json) VALUES(?,?,?,?,?,?,?,?)");
    ins.bindAll(record.drawId, record.createdUtc, record.operatorName,
                QString::number(static_cast<qulonglong>(record.seed)),
                record.supersedes.isEmpty() ? QString() : record.supersedes, record.resultSha256(),
                isoUtcNow(), json);
    ins.exec();
    for (const auto& layer : layers) {
        if (!layer)
            continue;
        if (!layer->crsAuthId.isEmpty() && layer->crsAuthId != working.authId)
            throw CrsError(QStringLiteral("draw layer %1 is in %2, not the campaign's %3")
                               .arg(layer->name, layer->crsAuthId, working.authId));
        const QString table = drawTableFor(layer->name);
        if (!tableExists(db_, table))
            createDrawTable(db_, table, *layer, srsId, descriptionFor(layer->name));
        insertDrawFeatures(db_, table, *layer, srsId, record.drawId);
    }
    AuditEntry e;
    e.actor = actor.isEmpty() ? record.operatorName : actor;
    e.entity = QStringLiteral("draw");
    e.entityUuid = record.drawId;
    e.action = QStringLiteral("draw");
    e.newValue = QString::fromUtf8(
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("seed"), QString::number(static_cast<qulonglong>(record.seed))},
                {QStringLiteral("result_sha256"), record.resultSha256()},
                {QStringLiteral("anchors"), static_cast<qint64>(record.outcome.anchors.size())},
                {QStringLiteral("supersedes"), record.supersedes}})
            .toJson(QJsonDocument::Compact));
    appendAudit(db_, e);
    tx.commit();
}

std::vector<DrawRecord> Campaign::draws() {
    std::vector<DrawRecord> out;
    auto st = db_.prepare("SELECT draw_id, record_json FROM ps_draws ORDER BY id");
    while (st.step()) {
        const QString source = QStringLiteral("campaign %1, draw %2").arg(path(), st.text(0));
        QJsonParseError err{};
        const auto doc = QJsonDocument::fromJson(st.text(1).toUtf8(), &err);
        if (!doc.isObject())
            throw FormatError(
                QStringLiteral("%1: the record is not JSON (%2)").arg(source, err.errorString()));
        out.push_back(DrawRecord::fromJson(doc.object(), source));
    }
    return out;
}

DrawRecord Campaign::requireDraw(const QString& idOrPrefix) {
    std::vector<DrawRecord> all = draws();
    if (all.empty())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("campaign %1 holds no draw yet; run perisurvey-cli draw %1")
                        .arg(path()));
    if (idOrPrefix.isEmpty()) {
        std::set<QString> superseded;
        for (const auto& r : all)
            if (!r.supersedes.isEmpty())
                superseded.insert(r.supersedes);
        for (auto it = all.rbegin(); it != all.rend(); ++it)
            if (!superseded.count(it->drawId))
                return *it;
        return all.back();
    }
    if (idOrPrefix.size() < 4)
        throw invalid(
            QStringLiteral("give at least 4 characters of the draw id, not '%1'").arg(idOrPrefix));
    const DrawRecord* found = nullptr;
    for (const auto& r : all) {
        if (r.drawId == idOrPrefix)
            return r;
        if (r.drawId.startsWith(idOrPrefix)) {
            if (found)
                throw invalid(QStringLiteral("'%1' matches several draws in %2; give more "
                                             "of the id")
                                  .arg(idOrPrefix, path()));
            found = &r;
        }
    }
    if (!found)
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("campaign %1 holds no draw %2").arg(path(), idOrPrefix));
    return *found;
}

namespace {

LayerData readTaggedLayer(Database& db, const QString& path, const QString& layerName,
                          const QString& table, const QString& crs, const QString& idColumn,
                          const QString& id) {
    LayerData layer;
    layer.name = layerName;
    layer.crsAuthId = crs;
    if (!tableExists(db, table))
        return layer;
    {
        auto st = db.prepare("SELECT geometry_type_name FROM gpkg_geometry_columns "
                             "WHERE table_name=?");
        st.bind(1, table);
        const QString type = st.step() ? st.text(0) : QString();
        layer.kind = type.contains(QLatin1String("POINT"))     ? GeometryKind::Point
                     : type.contains(QLatin1String("LINE"))    ? GeometryKind::Line
                     : type.contains(QLatin1String("POLYGON")) ? GeometryKind::Polygon
                                                               : GeometryKind::None;
    }
    layer.fields = detail::tableFields(db, table);
    QString select = QStringLiteral("SELECT fid, geom");
    for (const auto& f : layer.fields)
        select += QStringLiteral(", ") + quotedIdentifier(f.name);
    select += QStringLiteral(" FROM %1 WHERE %2=? ORDER BY fid")
                  .arg(quotedIdentifier(table), quotedIdentifier(idColumn));
    auto st = db.prepare(select.toStdString());
    st.bind(1, id);
    while (st.step()) {
        Feature f;
        f.fid = st.int64(0);
        if (!st.isNull(1))
            f.geometry = decodeGpkgGeometry(
                st.blob(1),
                QStringLiteral("campaign %1, layer %2, feature %3").arg(path, table).arg(f.fid));
        if (f.geometry.kind == GeometryKind::None)
            f.geometry.kind = layer.kind;
        for (std::size_t i = 0; i < layer.fields.size(); ++i)
            f.attributes.push_back(
                detail::readFieldValue(st, static_cast<int>(i) + 2, layer.fields[i].type));
        layer.features.push_back(std::move(f));
    }
    layer.buildIndex();
    return layer;
}

} // namespace

LayerData Campaign::readDrawLayer(const QString& layerName, const QString& drawId) {
    return readTaggedLayer(db_, path(), layerName, drawTableFor(layerName), workingCrs().authId,
                           kDrawIdColumn, drawId);
}

QString Campaign::recordRoute(const QString& drawId, const std::vector<LayerPtr>& layers,
                              const QByteArray& summaryJson, const QString& actor) {
    const CampaignCrs working = workingCrs();
    const QString routeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Transaction tx(db_);
    if (!drawId.isEmpty()) {
        auto known = db_.prepare("SELECT 1 FROM ps_draws WHERE draw_id=?");
        known.bind(1, drawId);
        if (!known.step())
            throw invalid(
                QStringLiteral("campaign %1 holds no draw %2 to route").arg(path(), drawId));
    }
    auto ins = db_.prepare("INSERT INTO ps_routes(route_id, draw_id, created_utc, actor, "
                           "summary_json) VALUES(?,?,?,?,?)");
    ins.bindAll(routeId, drawId.isEmpty() ? QString() : drawId, isoUtcNow(), actor,
                QString::fromUtf8(summaryJson));
    ins.exec();
    for (const auto& layer : layers) {
        if (!layer)
            continue;
        if (!layer->crsAuthId.isEmpty() && layer->crsAuthId != working.authId)
            throw CrsError(QStringLiteral("route layer %1 is in %2, not the campaign's %3")
                               .arg(layer->name, layer->crsAuthId, working.authId));
        const QString table = layer->name; // route_stops, route_legs
        if (!tableExists(db_, table))
            createDrawTable(db_, table, *layer, working.srsId(),
                            table == QLatin1String("route_stops")
                                ? QStringLiteral("巡查路线站点 route stops")
                                : QStringLiteral("巡查路线 route legs"),
                            kRouteIdColumn);
        insertDrawFeatures(db_, table, *layer, working.srsId(), routeId, kRouteIdColumn);
    }
    AuditEntry e;
    e.actor = actor.isEmpty() ? QStringLiteral("unknown") : actor;
    e.entity = QStringLiteral("route");
    e.entityUuid = routeId;
    e.action = QStringLiteral("route");
    e.newValue = QString::fromUtf8(summaryJson);
    e.reason = drawId;
    appendAudit(db_, e);
    tx.commit();
    return routeId;
}

std::vector<Campaign::StoredRoute> Campaign::routes() {
    std::vector<StoredRoute> out;
    if (!db_.tableExists(QStringLiteral("ps_routes")))
        return out;
    auto st = db_.prepare(
        "SELECT route_id, draw_id, created_utc, summary_json FROM ps_routes ORDER BY id");
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3).toUtf8()});
    return out;
}

LayerData Campaign::readRouteLayer(const QString& layerName, const QString& routeId) {
    return readTaggedLayer(db_, path(), layerName, layerName, workingCrs().authId, kRouteIdColumn,
                           routeId);
}

QHash<QString, QString> Campaign::attachedNames() {
    QHash<QString, QString> names;
    for (const char* layer : {"drawn_streets", "drawn_compounds", "anchors"}) {
        const QString table = drawTableFor(QLatin1String(layer));
        if (!db_.tableExists(table))
            continue;
        auto st =
            db_.prepare(QStringLiteral("SELECT fid, name FROM \"%1\"").arg(table).toStdString());
        while (st.step())
            names.insert(QStringLiteral("%1:%2").arg(table).arg(st.int64(0)), st.text(1));
    }
    return names;
}

} // namespace core
