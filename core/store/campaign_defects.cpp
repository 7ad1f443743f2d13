#include "core/store/campaign.h"

#include "core/store/gpkg_geometry.h"
#include "core/store/photo_processing.h"
#include "core/util/error.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

#include <cmath>
#include <numbers>

namespace core {

namespace {

constexpr double kMaxOutsideMetres = 5000;
constexpr double kMetresPerDegree = 111320;

Error invalid(const QString& m) {
    return Error(ErrorCode::InvalidInput, m);
}

bool insidePolygon(const Geometry& g, Point p) {
    bool inside = false;
    for (std::size_t r = 0; r < g.partCount(); ++r)
        for (auto i = g.partBegin(r), j = g.partEnd(r) - 1; i < g.partEnd(r); j = i++) {
            const Point& a = g.points[i];
            const Point& b = g.points[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    return inside;
}

// Distance of a lon/lat point outside a lon/lat box, in metres (0 inside), on a local
// equirectangular approximation: good to well under 1 % at the 5 km scale we test.
double metresOutside(const Box& box, Point p) {
    const double dx = std::max({box.minX - p.x, 0.0, p.x - box.maxX}) * kMetresPerDegree *
                      std::cos(p.y * std::numbers::pi / 180);
    const double dy = std::max({box.minY - p.y, 0.0, p.y - box.maxY}) * kMetresPerDegree;
    return std::hypot(dx, dy);
}

constexpr const char* kDefectColumns =
    "d.fid, d.uuid, d.code, d.description, d.severity, d.attached_kind, d.attached_id, "
    "d.inspector, d.observed_at, d.created_at, d.updated_at, d.status, d.unit_id, d.lon, d.lat, "
    "d.x, d.y";

Defect readDefect(const Statement& st, bool withCard) {
    Defect d;
    d.id = st.int64(0);
    d.uuid = st.text(1);
    d.code = st.text(2);
    d.description = st.text(3);
    d.severity = static_cast<int>(st.int64(4));
    d.attachKind = attachKindFromKey(st.text(5)).value_or(AttachKind::None);
    d.attachId = st.text(6);
    d.inspector = st.text(7);
    d.observedAt = parseIsoUtc(st.text(8));
    d.createdAt = parseIsoUtc(st.text(9));
    d.updatedAt = parseIsoUtc(st.text(10));
    d.status = cardStageFromKey(st.text(11)).value_or(CardStage::Found);
    d.unitId = st.optInt64(12);
    d.lonLat = Point{st.real(13), st.real(14)};
    if (!st.isNull(15) && !st.isNull(16))
        d.working = Point{st.real(15), st.real(16)};
    if (withCard && !st.isNull(17)) {
        d.cardColour = cardColourFromKey(st.text(17));
        d.deadline = parseIsoUtc(st.text(18));
    }
    return d;
}

} // namespace

std::int64_t Campaign::addUnit(ResponsibleUnit unit) {
    if (unit.name.trimmed().isEmpty())
        throw invalid(QStringLiteral("a responsible unit needs a name"));
    if (unit.uuid.isEmpty())
        unit.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto st =
        db_.prepare("INSERT INTO ps_units(uuid, name, kind, contact, area) VALUES(?,?,?,?,?)");
    st.bindAll(unit.uuid, unit.name.trimmed(), unitKindKey(unit.kind), unit.contact, unit.area);
    st.exec();
    return db_.lastInsertRowId();
}

std::vector<std::int64_t> Campaign::addUnits(const std::vector<ResponsibleUnit>& units,
                                             const QString& actor, const QString& source) {
    QSet<QString> names;
    for (const auto& u : this->units())
        names.insert(u.name.trimmed());
    QStringList duplicates;
    for (const auto& u : units) {
        const QString n = u.name.trimmed();
        if (names.contains(n))
            duplicates << n;
        names.insert(n);
    }
    if (!duplicates.isEmpty())
        throw invalid(QStringLiteral("campaign %1 already holds (or the list repeats) the units "
                                     "%2; nothing was added. Remove those rows and import again")
                          .arg(path(), duplicates.join(QStringLiteral(", "))));
    Transaction tx(db_);
    std::vector<std::int64_t> ids;
    QStringList added;
    for (const auto& u : units) {
        ids.push_back(addUnit(u));
        added << u.name.trimmed();
    }
    AuditEntry e;
    e.actor = actor.isEmpty() ? QStringLiteral("unknown") : actor;
    e.entity = QStringLiteral("campaign");
    e.entityUuid = uuid();
    e.action = QStringLiteral("units_import");
    e.newValue = added.join(QStringLiteral(", "));
    e.reason = source;
    appendAudit(db_, e);
    tx.commit();
    return ids;
}

std::vector<ResponsibleUnit> Campaign::units() {
    std::vector<ResponsibleUnit> out;
    auto st = db_.prepare("SELECT id, uuid, name, kind, contact, area FROM ps_units ORDER BY id");
    while (st.step()) {
        ResponsibleUnit u;
        u.id = st.int64(0);
        u.uuid = st.text(1);
        u.name = st.text(2);
        u.kind = unitKindFromKey(st.text(3)).value_or(UnitKind::StreetOffice);
        u.contact = st.text(4);
        u.area = st.text(5);
        out.push_back(std::move(u));
    }
    return out;
}

std::optional<ResponsibleUnit> Campaign::unit(std::int64_t id) {
    for (auto& u : units())
        if (u.id == id)
            return u;
    return std::nullopt;
}

std::optional<ResponsibleUnit> Campaign::suggestUnit(const QString& code,
                                                     const QString& subdistrict) {
    const DefectType& type = taxonomy_.require(code);
    const auto all = units();
    if (type.unitKind == UnitKind::StreetOffice && !subdistrict.isEmpty())
        for (const auto& u : all)
            if (u.kind == UnitKind::StreetOffice && u.area == subdistrict)
                return u;
    for (const auto& u : all)
        if (u.kind == type.unitKind &&
            (type.unitKind != UnitKind::StreetOffice || subdistrict.isEmpty()))
            return u;
    return std::nullopt;
}

// The sub-district polygon layer is named in ps_meta by the importer (it knows the roles).
QString Campaign::subdistrictAt(const std::optional<Point>& working) {
    const QString table = meta(QStringLiteral("subdistrict_layer"));
    const QString field = meta(QStringLiteral("subdistrict_name_field"));
    if (!working || table.isEmpty() || field.isEmpty())
        return {};
    const LayerData layer = readLayer(table);
    const int fi = layer.fieldIndex(field);
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (layer.features[i].geometry.bounds().contains(*working) &&
            insidePolygon(layer.features[i].geometry, *working))
            return layer.text(i, fi);
    return {};
}

Defect Campaign::addDefect(const NewDefect& in) {
    if (db_.isReadOnly())
        db_.fail(8 /* SQLITE_READONLY */, QStringLiteral("defect add"));
    const DefectType& type = taxonomy_.require(in.code);
    if (in.severity && (*in.severity < 1 || *in.severity > 3))
        throw invalid(QStringLiteral("severity must be 1, 2 or 3, not %1 (defect %2)")
                          .arg(*in.severity)
                          .arg(type.code));
    std::optional<Point> lonLat = in.lonLat;
    for (const auto& p : in.photos)
        if (!lonLat && p.exifLonLat)
            lonLat = p.exifLonLat;
    if (!lonLat)
        throw invalid(QStringLiteral("defect %1 has no location: give --lon/--lat or a photo "
                                     "with GPS in its EXIF")
                          .arg(type.code));
    const Point ll = *lonLat;
    if (!std::isfinite(ll.x) || ll.x < -180 || ll.x > 180)
        throw invalid(QStringLiteral("longitude %1 is out of range -180..180 (--lon)").arg(ll.x));
    if (!std::isfinite(ll.y) || ll.y < -90 || ll.y > 90)
        throw invalid(QStringLiteral("latitude %1 is out of range -90..90 (--lat)").arg(ll.y));
    const Box district = districtExtent();
    if (!district.empty() && !in.forceLocation) {
        const double out = metresOutside(district, ll);
        if (out > kMaxOutsideMetres)
            throw invalid(QStringLiteral("location %1, %2 is %3 km outside the district of "
                                         "campaign %4; check --lon/--lat (or use --force)")
                              .arg(ll.x, 0, 'f', 6)
                              .arg(ll.y, 0, 'f', 6)
                              .arg(out / 1000, 0, 'f', 1)
                              .arg(path()));
    }
    std::vector<ProcessedPhoto> processed;
    for (const auto& p : in.photos)
        processed.push_back(processPhoto(p));

    const QString now = isoUtcNow();
    QDateTime observed = in.observedAt;
    for (const auto& p : in.photos)
        if (!observed.isValid() && p.exifTime.isValid())
            observed = p.exifTime;
    const QString actor = in.inspector.isEmpty() ? QStringLiteral("unknown") : in.inspector;
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString subdistrict = in.unitId ? QString() : subdistrictAt(in.working);

    Transaction tx(db_);
    std::optional<std::int64_t> unitId = in.unitId;
    if (unitId && !unit(*unitId))
        throw invalid(QStringLiteral("responsible unit %1 does not exist in campaign %2 (--unit)")
                          .arg(*unitId)
                          .arg(path()));
    if (!unitId) {
        if (auto u = suggestUnit(type.code, subdistrict)) {
            unitId = u->id;
        } else {
            ResponsibleUnit nu;
            nu.kind = type.unitKind;
            nu.area = type.unitKind == UnitKind::StreetOffice ? subdistrict : QString();
            nu.name = nu.area.isEmpty() ? unitKindChineseName(nu.kind)
                                        : nu.area + (nu.area.endsWith(QStringLiteral("街道"))
                                                         ? QStringLiteral("办事处")
                                                         : QStringLiteral("街道办事处"));
            unitId = addUnit(nu);
        }
    }
    auto ins = db_.prepare(
        "INSERT INTO defects(geom, uuid, code, name_zh, description, severity, attached_kind, "
        "attached_id, inspector, observed_at, created_at, updated_at, status, unit_id, lon, lat, "
        "x, y) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bindAll(encodeGpkgGeometry(Geometry::point(ll), 4490, GpkgGeometryType::Point), uuid,
                type.code, type.nameZh, in.description, in.severity.value_or(type.severity),
                in.attachKind == AttachKind::None ? QString() : attachKindKey(in.attachKind),
                in.attachId, in.inspector,
                isoUtc(observed.isValid() ? observed : QDateTime::currentDateTimeUtc()), now, now,
                cardStageKey(CardStage::Found), unitId, ll.x, ll.y);
    if (in.working)
        ins.bind(17, in.working->x).bind(18, in.working->y);
    ins.exec();
    const std::int64_t fid = db_.lastInsertRowId();
    const QJsonObject content{{QStringLiteral("code"), type.code},
                              {QStringLiteral("description"), in.description},
                              {QStringLiteral("lon"), ll.x},
                              {QStringLiteral("lat"), ll.y},
                              {QStringLiteral("unit_id"), static_cast<qint64>(*unitId)},
                              {QStringLiteral("attached"),
                               attachKindKey(in.attachKind) + QLatin1Char(':') + in.attachId}};
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("defect");
    e.entityUuid = uuid;
    e.action = QStringLiteral("create");
    e.newValue = QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
    appendAudit(db_, e);
    for (std::size_t i = 0; i < in.photos.size(); ++i)
        insertPhoto(fid, uuid, in.photos[i], actor);
    tx.commit();
    return requireDefect(uuid);
}

Defect Campaign::setDefectUnit(const QString& defectId, std::int64_t unitId, const QString& actor,
                               const QString& reason) {
    Transaction tx(db_);
    const Defect d = requireDefect(defectId);
    if (!unit(unitId))
        throw invalid(QStringLiteral("responsible unit %1 does not exist in campaign %2")
                          .arg(unitId)
                          .arg(path()));
    auto upd = db_.prepare("UPDATE defects SET unit_id=?, updated_at=? WHERE fid=?");
    upd.bindAll(unitId, isoUtcNow(), d.id).exec();
    if (db_.tableExists(QStringLiteral("ps_cards"))) {
        auto card = db_.prepare("UPDATE ps_cards SET unit_id=? WHERE defect_id=?");
        card.bindAll(unitId, d.id).exec();
    }
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("defect");
    e.entityUuid = d.uuid;
    e.action = QStringLiteral("update");
    e.field = QStringLiteral("unit_id");
    e.oldValue = d.unitId ? QString::number(*d.unitId) : QString();
    e.newValue = QString::number(unitId);
    e.reason = reason;
    appendAudit(db_, e);
    tx.commit();
    return requireDefect(d.uuid);
}

std::int64_t Campaign::insertPhoto(std::int64_t defectId, const QString& defectUuid,
                                   const PhotoInput& photo, const QString& actor) {
    const ProcessedPhoto p = processPhoto(photo);
    {
        auto dup = db_.prepare("SELECT d.uuid FROM ps_photos p JOIN defects d ON d.fid=p.defect_id "
                               "WHERE p.sha256=?");
        dup.bind(1, p.sha256);
        if (dup.step())
            throw invalid(QStringLiteral("photo %1 is already stored in campaign %2 (defect %3)")
                              .arg(photo.originalName, path(), dup.text(0)));
    }
    auto ins = db_.prepare("INSERT INTO ps_photos(defect_id, role, original_name, mime, sha256, "
                           "width, height, exif_time, exif_lon, exif_lat, added_at, thumbnail, "
                           "data) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bindAll(defectId, photo.role, photo.originalName, p.mime, p.sha256, p.width, p.height,
                isoUtc(photo.exifTime));
    if (photo.exifLonLat)
        ins.bind(9, photo.exifLonLat->x).bind(10, photo.exifLonLat->y);
    else
        ins.bindNull(9).bindNull(10);
    ins.bind(11, isoUtcNow()).bind(12, p.thumbnail).bind(13, photo.data).exec();
    const std::int64_t id = db_.lastInsertRowId();
    AuditEntry e;
    e.actor = actor;
    e.entity = QStringLiteral("defect");
    e.entityUuid = defectUuid;
    e.action = QStringLiteral("photo");
    e.field = photo.role;
    e.newValue = p.sha256 + QLatin1Char(' ') + photo.originalName;
    appendAudit(db_, e);
    return id;
}

std::int64_t Campaign::addPhoto(std::int64_t defectId, const PhotoInput& photo,
                                const QString& actor) {
    Transaction tx(db_);
    auto st = db_.prepare("SELECT uuid FROM defects WHERE fid=?");
    st.bind(1, defectId);
    if (!st.step())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("campaign %1 has no defect %2").arg(path()).arg(defectId));
    const QString uuid = st.text(0);
    st.reset();
    const std::int64_t id = insertPhoto(defectId, uuid, photo, actor);
    tx.commit();
    return id;
}

std::vector<PhotoInfo> Campaign::photos(std::int64_t defectId) {
    std::vector<PhotoInfo> out;
    auto st = db_.prepare("SELECT id, role, original_name, sha256, mime, width, height, exif_time, "
                          "exif_lon, exif_lat FROM ps_photos WHERE defect_id=? ORDER BY id");
    st.bind(1, defectId);
    while (st.step()) {
        PhotoInfo p;
        p.id = st.int64(0);
        p.defectId = defectId;
        p.role = st.text(1);
        p.originalName = st.text(2);
        p.sha256 = st.text(3);
        p.mime = st.text(4);
        p.width = static_cast<int>(st.int64(5));
        p.height = static_cast<int>(st.int64(6));
        p.exifTime = parseIsoUtc(st.text(7));
        if (!st.isNull(8))
            p.exifLonLat = Point{st.real(8), st.real(9)};
        out.push_back(std::move(p));
    }
    return out;
}

QByteArray Campaign::photoData(std::int64_t photoId, bool thumbnail) {
    auto st = db_.prepare(thumbnail ? "SELECT thumbnail FROM ps_photos WHERE id=?"
                                    : "SELECT data FROM ps_photos WHERE id=?");
    st.bind(1, photoId);
    return st.step() ? st.blob(0) : QByteArray();
}

std::optional<Defect> Campaign::defect(const QString& uuidOrId) {
    const bool cards = db_.tableExists(QStringLiteral("ps_cards"));
    std::string sql = std::string("SELECT ") + kDefectColumns +
                      (cards ? ", c.colour, c.deadline FROM defects d LEFT JOIN ps_cards c ON "
                               "c.defect_id=d.fid "
                             : " FROM defects d ");
    bool isNumber = false;
    const qlonglong id = uuidOrId.toLongLong(&isNumber);
    sql += isNumber ? "WHERE d.fid=?" : "WHERE d.uuid=? OR d.uuid LIKE ? || '%' LIMIT 2";
    auto st = db_.prepare(sql);
    if (isNumber) {
        st.bind(1, static_cast<std::int64_t>(id));
    } else {
        st.bind(1, uuidOrId);
        // A unique prefix of at least 8 characters is enough, as with git hashes.
        st.bind(2, uuidOrId.size() >= 8 ? uuidOrId : QStringLiteral("\x01"));
    }
    if (!st.step())
        return std::nullopt;
    Defect d = readDefect(st, cards);
    if (!isNumber && d.uuid != uuidOrId && st.step())
        throw invalid(QStringLiteral("defect id %1 is ambiguous in campaign %2; give more of it")
                          .arg(uuidOrId, path()));
    st.reset();
    if (fieldwork_) {
        auto w = db_.prepare("SELECT withdrawn_at FROM defects WHERE fid=?");
        w.bind(1, d.id);
        if (w.step())
            d.withdrawnAt = parseIsoUtc(w.text(0));
    }
    return d;
}

Defect Campaign::requireDefect(const QString& uuidOrId) {
    if (auto d = defect(uuidOrId))
        return *d;
    throw Error(ErrorCode::NotFound,
                QStringLiteral("campaign %1 has no defect %2").arg(path(), uuidOrId));
}

std::int64_t Campaign::defectCount() {
    return db_.scalarInt(fieldwork_ ? "SELECT count(*) FROM defects WHERE withdrawn_at IS NULL"
                                    : "SELECT count(*) FROM defects");
}

std::vector<Defect> Campaign::defects(const DefectFilter& f) {
    const bool cards = db_.tableExists(QStringLiteral("ps_cards"));
    if (!cards && (f.card || f.overdueOnly))
        return {};
    QString sql = QStringLiteral("SELECT ") + QLatin1String(kDefectColumns) +
                  (cards ? QStringLiteral(", c.colour, c.deadline FROM defects d LEFT JOIN "
                                          "ps_cards c ON c.defect_id=d.fid WHERE 1")
                         : QStringLiteral(" FROM defects d WHERE 1"));
    if (fieldwork_)
        sql += QStringLiteral(" AND d.withdrawn_at IS NULL");
    if (f.status)
        sql += QStringLiteral(" AND d.status=:status");
    if (f.unitId)
        sql += QStringLiteral(" AND d.unit_id=:unit");
    if (!f.code.isEmpty())
        sql += QStringLiteral(" AND d.code=:code");
    if (f.card)
        sql += QStringLiteral(" AND c.colour=:card");
    if (f.overdueOnly)
        sql += QStringLiteral(" AND c.stage IN ('issued','dispatched','fixing') AND "
                              "c.deadline < :now");
    sql += QStringLiteral(" ORDER BY d.fid");
    if (f.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(f.limit);
    auto st = db_.prepare(sql.toStdString());
    int i = 0;
    if (f.status)
        st.bind(++i, cardStageKey(*f.status));
    if (f.unitId)
        st.bind(++i, *f.unitId);
    if (!f.code.isEmpty()) {
        // Canonical spelling from the taxonomy, so the code index serves the query (a NOCASE
        // comparison would scan every defect).
        const DefectType* type = taxonomy_.find(f.code);
        st.bind(++i, type ? type->code : f.code.trimmed());
    }
    if (f.card)
        st.bind(++i, cardColourKey(*f.card));
    if (f.overdueOnly)
        st.bind(++i, isoUtc(f.now.isValid() ? f.now : QDateTime::currentDateTimeUtc()));
    std::vector<Defect> out;
    while (st.step())
        out.push_back(readDefect(st, cards));
    return out;
}

} // namespace core
