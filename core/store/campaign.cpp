#include "core/store/campaign.h"

#include "core/store/campaign_schema.h"
#include "core/store/gpkg_geometry.h"
#include "core/util/error.h"

#include <QFileInfo>
#include <QTimeZone>
#include <QUuid>

#include <cmath>

namespace core {

QString isoUtc(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) : QString();
}
QString isoUtcNow() {
    return isoUtc(QDateTime::currentDateTimeUtc());
}
QDateTime parseIsoUtc(const QString& s) {
    if (s.isEmpty())
        return {};
    // Fast path for the store's own "yyyy-MM-ddTHH:mm:ss.zzzZ": listing 100,000 defects parses
    // three of these per row, and the generic ISO parser dominated the query time.
    if (s.size() == 24 && s[10] == QLatin1Char('T') && s[23] == QLatin1Char('Z')) {
        auto num = [&](int from, int len) {
            int v = 0;
            for (int i = from; i < from + len; ++i) {
                const int d = s[i].unicode() - '0';
                if (d < 0 || d > 9)
                    return -1;
                v = v * 10 + d;
            }
            return v;
        };
        const QDate date(num(0, 4), num(5, 2), num(8, 2));
        const QTime time(num(11, 2), num(14, 2), num(17, 2), num(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, QTimeZone::utc());
    }
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

int CampaignCrs::srsId() const {
    if (!authId.startsWith(QLatin1String("EPSG:"), Qt::CaseInsensitive))
        return 0;
    return authId.mid(5).toInt();
}

Campaign Campaign::create(const QString& path, const CampaignOptions& options) {
    if (QFileInfo::exists(path))
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("%1 already exists; choose a new campaign file name").arg(path));
    if (options.name.trimmed().isEmpty())
        throw Error(ErrorCode::InvalidInput, QStringLiteral("a campaign needs a name (--name)"));
    Campaign c(Database::open(path, OpenMode::Create));
    Database& db = c.db_;
    db.exec("PRAGMA application_id=" + std::to_string(kGpkgApplicationId));
    db.exec("PRAGMA user_version=" + std::to_string(kGpkgUserVersion));
    db.configureForWriting();
    migrateCampaign(db, options.schemaVersion > 0 ? options.schemaVersion
                                                  : latestCampaignSchemaVersion());
    const Taxonomy taxonomy = options.taxonomy ? *options.taxonomy : Taxonomy::defaults();
    Transaction tx(db);
    if (options.workingCrs.srsId() > 0)
        c.ensureCrs(options.workingCrs);
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::pair<const char*, QString> meta[] = {
        {"name", options.name.trimmed()},
        {"uuid", uuid},
        {"created_at", isoUtcNow()},
        {"working_crs", options.workingCrs.authId},
        {"working_crs_name", options.workingCrs.name},
        {"rules_json", QString::fromUtf8(options.rulesJson)},
        {"taxonomy_json", QString::fromUtf8(taxonomy.toJson())},
        {"calendar_json", QString::fromUtf8(options.calendar.toJson())},
    };
    for (const auto& [k, v] : meta)
        c.setMeta(QString::fromLatin1(k), v);
    auto ins = db.prepare("INSERT INTO ps_taxonomy(code, name_zh, name_en, attach, unit_kind, "
                          "card, severity, dcm_code, note) VALUES(?,?,?,?,?,?,?,?,?)");
    for (const auto& t : taxonomy.types()) {
        ins.bindAll(t.code, t.nameZh, t.nameEn, t.attach.join(QLatin1Char(',')),
                    unitKindKey(t.unitKind), cardColourKey(t.card), t.severity, t.dcmCode, t.note);
        ins.exec();
        ins.reset();
    }
    AuditEntry e;
    e.actor = options.actor.isEmpty() ? QStringLiteral("perisurvey") : options.actor;
    e.entity = QStringLiteral("campaign");
    e.entityUuid = uuid;
    e.action = QStringLiteral("create");
    e.field = QStringLiteral("name");
    e.newValue = options.name.trimmed();
    appendAudit(db, e);
    tx.commit();
    c.load();
    return c;
}

bool Campaign::isCampaignFile(const QString& path) {
    // Only SQLite may open the file: closing any other descriptor of it (a QFile peek, a GDAL
    // probe) drops every POSIX lock this process holds on it, including those of an open
    // campaign connection. Another process would then think itself the last connection and
    // delete the WAL that connection still writes to, losing its later commits. SQLite's own
    // opens share one lock state per file within the process and never drop it.
    if (!QFileInfo(path).isFile())
        return false;
    try {
        Database db = Database::open(path, OpenMode::ReadOnly);
        return db.scalarInt("PRAGMA application_id") == kGpkgApplicationId &&
               db.tableExists(QStringLiteral("ps_meta"));
    } catch (const Error&) {
        return false;
    }
}

Campaign Campaign::open(const QString& path, OpenMode mode) {
    Campaign c(Database::open(path, mode == OpenMode::Create ? OpenMode::ReadWrite : mode));
    Database& db = c.db_;
    // Read-only probes first: nothing may be written to a file we end up refusing.
    const std::int64_t appId = db.scalarInt("PRAGMA application_id");
    const bool hasMeta = db.tableExists(QStringLiteral("ps_meta"));
    if (appId != kGpkgApplicationId || !hasMeta)
        throw FormatError(QStringLiteral("%1 is %2 but not a PeriSurvey campaign (no ps_meta "
                                         "table); create one with `campaign new`")
                              .arg(path, appId == kGpkgApplicationId
                                             ? QStringLiteral("a GeoPackage")
                                             : QStringLiteral("an SQLite database")));
    const int version = readSchemaVersion(db);
    if (version > latestCampaignSchemaVersion())
        migrateCampaign(db, version); // throws the "newer PeriSurvey" error
    db.configureForWriting();
    migrateCampaign(db, latestCampaignSchemaVersion());
    c.load();
    return c;
}

void Campaign::load() {
    fieldwork_ = readSchemaVersion(db_) >= 5;
    const QString tax = meta(QStringLiteral("taxonomy_json"));
    taxonomy_ =
        Taxonomy::fromJson(tax.toUtf8(), path() + QStringLiteral(" (ps_meta.taxonomy_json)"));
    const QString cal = meta(QStringLiteral("calendar_json"));
    if (!cal.isEmpty())
        calendar_ = WorkCalendar::fromJson(cal.toUtf8(),
                                           path() + QStringLiteral(" (ps_meta.calendar_json)"));
}

int Campaign::schemaVersion() {
    return readSchemaVersion(db_);
}
QString Campaign::name() {
    return meta(QStringLiteral("name"));
}
QString Campaign::uuid() {
    return meta(QStringLiteral("uuid"));
}
QByteArray Campaign::rulesJson() {
    return meta(QStringLiteral("rules_json")).toUtf8();
}

CampaignCrs Campaign::workingCrs() {
    CampaignCrs crs;
    crs.authId = meta(QStringLiteral("working_crs"));
    crs.name = meta(QStringLiteral("working_crs_name"));
    if (const int id = crs.srsId(); id > 0) {
        auto st = db_.prepare("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id=?");
        st.bind(1, id);
        if (st.step())
            crs.wkt = st.text(0);
    }
    return crs;
}

QString Campaign::meta(const QString& key) {
    auto st = db_.prepare("SELECT value FROM ps_meta WHERE key=?");
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void Campaign::setMeta(const QString& key, const QString& value) {
    auto st = db_.prepare("INSERT INTO ps_meta(key, value) VALUES(?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bindAll(key, value).exec();
}

void Campaign::ensureCrs(const CampaignCrs& crs) {
    const int id = crs.srsId();
    if (id <= 0)
        throw CrsError(QStringLiteral("campaign %1: CRS \"%2\" has no EPSG code; the campaign "
                                      "file records EPSG CRSs only")
                           .arg(path(), crs.authId));
    auto st = db_.prepare("INSERT OR IGNORE INTO gpkg_spatial_ref_sys(srs_name, srs_id, "
                          "organization, organization_coordsys_id, definition, description) "
                          "VALUES(?, ?, 'EPSG', ?, ?, ?)");
    st.bindAll(crs.name.isEmpty() ? crs.authId : crs.name, id, id,
               crs.wkt.isEmpty() ? QStringLiteral("undefined") : crs.wkt, crs.authId);
    st.exec();
}

QStringList Campaign::check() {
    QStringList problems;
    {
        auto st = db_.prepare("PRAGMA integrity_check");
        while (st.step())
            if (st.text(0) != QLatin1String("ok"))
                problems << QStringLiteral("integrity: %1").arg(st.text(0));
    }
    {
        auto st = db_.prepare("PRAGMA foreign_key_check");
        while (st.step())
            problems << QStringLiteral("foreign key: table %1 row %2 refers to a missing %3 row")
                            .arg(st.text(0))
                            .arg(st.int64(1))
                            .arg(st.text(2));
    }
    {
        auto st = db_.prepare("SELECT fid, uuid, geom, lon, lat FROM defects");
        while (st.step()) {
            const QString ctx = QStringLiteral("defect %1").arg(st.text(1));
            try {
                std::int32_t srs = 0;
                const Geometry g = decodeGpkgGeometry(st.blob(2), ctx, &srs);
                if (g.points.size() != 1 || srs != 4490 ||
                    std::abs(g.points[0].x - st.real(3)) > 1e-9 ||
                    std::abs(g.points[0].y - st.real(4)) > 1e-9)
                    problems << ctx + QStringLiteral(": geometry does not match lon/lat");
            } catch (const Error& e) {
                problems << e.message();
            }
        }
    }
    if (schemaVersion() >= 2) {
        auto st = db_.prepare("SELECT d.uuid, d.status, c.stage FROM defects d JOIN ps_cards c "
                              "ON c.defect_id=d.fid WHERE d.status<>c.stage");
        while (st.step())
            problems << QStringLiteral("defect %1: status %2 but its card is at %3")
                            .arg(st.text(0), st.text(1), st.text(2));
    }
    const AuditVerification v = verifyAudit();
    if (!v.ok)
        problems << v.problem;
    return problems;
}

void Campaign::backup(const QString& target) {
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(path()).absoluteFilePath())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("backup target %1 is the campaign itself").arg(target));
    db_.backupTo(target);
}

} // namespace core
