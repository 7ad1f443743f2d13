#include "core/store/campaign_schema.h"

#include "core/util/error.h"

namespace core {

namespace {

// GeoPackage 1.2 keeps PRAGMA user_version for the GeoPackage version (10200), so our own
// schema version cannot live there; it is ps_meta.schema_version, bumped in the same
// transaction as each step.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
  ('China Geodetic Coordinate System 2000', 4490, 'EPSG', 4490, 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4490"]]', 'CGCS2000 longitude/latitude in degrees');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));

CREATE TABLE ps_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT);
CREATE TABLE ps_layers (
  table_name TEXT NOT NULL PRIMARY KEY REFERENCES gpkg_contents(table_name),
  display_name TEXT NOT NULL, source_json TEXT);
CREATE TABLE ps_taxonomy (
  code TEXT NOT NULL PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT, attach TEXT,
  unit_kind TEXT NOT NULL, card TEXT NOT NULL, severity INTEGER NOT NULL, dcm_code TEXT,
  note TEXT);
CREATE TABLE ps_units (
  id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  kind TEXT NOT NULL, contact TEXT, area TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ps_units', 'attributes', 'ps_units', '责任单位 responsible units', 0);

CREATE TABLE defects (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, uuid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL REFERENCES ps_taxonomy(code), name_zh TEXT, description TEXT,
  severity INTEGER NOT NULL, attached_kind TEXT, attached_id TEXT, inspector TEXT,
  observed_at DATETIME, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
  status TEXT NOT NULL, unit_id INTEGER REFERENCES ps_units(id), lon DOUBLE NOT NULL,
  lat DOUBLE NOT NULL, x DOUBLE, y DOUBLE);
CREATE INDEX defects_code ON defects(code);
CREATE INDEX defects_status ON defects(status);
CREATE INDEX defects_unit ON defects(unit_id);
CREATE INDEX defects_observed ON defects(observed_at);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('defects', 'features', 'defects', '问题点位 defects found in the campaign', 4490);
INSERT INTO gpkg_geometry_columns VALUES ('defects', 'geom', 'POINT', 4490, 0, 0);

CREATE TABLE ps_photos (
  id INTEGER PRIMARY KEY AUTOINCREMENT, defect_id INTEGER NOT NULL REFERENCES defects(fid),
  role TEXT NOT NULL, original_name TEXT, mime TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  width INTEGER, height INTEGER, exif_time DATETIME, exif_lon DOUBLE, exif_lat DOUBLE,
  added_at DATETIME NOT NULL, thumbnail BLOB, data BLOB NOT NULL);
CREATE INDEX ps_photos_defect ON ps_photos(defect_id);

CREATE TABLE ps_audit (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
  entity_uuid TEXT NOT NULL, action TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT,
  reason TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX ps_audit_entity ON ps_audit(entity_uuid);
CREATE TRIGGER ps_audit_no_update BEFORE UPDATE ON ps_audit
  BEGIN SELECT RAISE(ABORT, 'ps_audit is append-only'); END;
CREATE TRIGGER ps_audit_no_delete BEFORE DELETE ON ps_audit
  BEGIN SELECT RAISE(ABORT, 'ps_audit is append-only'); END;
)SQL";

constexpr std::string_view kV2 = R"SQL(
CREATE TABLE ps_cards (
  id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,
  defect_id INTEGER NOT NULL UNIQUE REFERENCES defects(fid), colour TEXT NOT NULL,
  stage TEXT NOT NULL, issued_at DATETIME NOT NULL, deadline DATETIME,
  unit_id INTEGER REFERENCES ps_units(id), repeat_of TEXT, closed_at DATETIME,
  updated_at DATETIME NOT NULL);
CREATE INDEX ps_cards_stage ON ps_cards(stage, deadline);
CREATE TABLE ps_card_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, card_id INTEGER NOT NULL REFERENCES ps_cards(id),
  at DATETIME NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, from_stage TEXT,
  to_stage TEXT, colour TEXT, deadline DATETIME, reason TEXT,
  photo_id INTEGER REFERENCES ps_photos(id));
CREATE INDEX ps_card_events_card ON ps_card_events(card_id);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ps_cards', 'attributes', 'ps_cards', '督办卡 supervision cards', 0);
)SQL";

// Draw records. The draw layers (draw_anchors, draw_rings, drawn_streets, ...) are created
// with the first draw, in the working CRS, and get the same append-only triggers.
constexpr std::string_view kV3 = R"SQL(
CREATE TABLE ps_draws (
  id INTEGER PRIMARY KEY AUTOINCREMENT, draw_id TEXT NOT NULL UNIQUE,
  created_utc TEXT NOT NULL, operator TEXT, seed TEXT NOT NULL,
  supersedes TEXT REFERENCES ps_draws(draw_id), result_sha256 TEXT NOT NULL,
  recorded_at DATETIME NOT NULL, record_json TEXT NOT NULL);
CREATE TRIGGER ps_draws_no_update BEFORE UPDATE ON ps_draws
  BEGIN SELECT RAISE(ABORT, 'ps_draws is append-only: supersede a draw, never edit it'); END;
CREATE TRIGGER ps_draws_no_delete BEFORE DELETE ON ps_draws
  BEGIN SELECT RAISE(ABORT, 'ps_draws is append-only: supersede a draw, never edit it'); END;
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ps_draws', 'attributes', 'ps_draws', '抽样记录 draw records', 0);
)SQL";

// Route plans through a draw. Their layers (route_stops, route_legs) are created with the first
// route, like the draw layers, with the column route_id.
constexpr std::string_view kV4 = R"SQL(
CREATE TABLE ps_routes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, route_id TEXT NOT NULL UNIQUE,
  draw_id TEXT REFERENCES ps_draws(draw_id), created_utc TEXT NOT NULL, actor TEXT,
  summary_json TEXT NOT NULL);
CREATE TRIGGER ps_routes_no_update BEFORE UPDATE ON ps_routes
  BEGIN SELECT RAISE(ABORT, 'ps_routes is append-only: plan a new route instead'); END;
CREATE TRIGGER ps_routes_no_delete BEFORE DELETE ON ps_routes
  BEGIN SELECT RAISE(ABORT, 'ps_routes is append-only: plan a new route instead'); END;
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ps_routes', 'attributes', 'ps_routes', '巡查路线 route plans', 0);
)SQL";

// Field work: defects can be withdrawn (undo of a recording; the row and its audit stay), and
// checklist observations (one row per marked item; a later row for the same item supersedes
// an earlier one, so the table is append-only like the audit).
constexpr std::string_view kV5 = R"SQL(
ALTER TABLE defects ADD COLUMN withdrawn_at DATETIME;
CREATE TABLE ps_observations (
  id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, draw_id TEXT,
  attached_kind TEXT NOT NULL, attached_id TEXT NOT NULL, attached_name TEXT,
  checklist TEXT NOT NULL, item TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')), count INTEGER,
  defect_uuid TEXT, inspector TEXT NOT NULL, observed_at DATETIME NOT NULL,
  recorded_at DATETIME NOT NULL, note TEXT);
CREATE INDEX ps_observations_attached ON ps_observations(attached_id, checklist, item);
CREATE TRIGGER ps_observations_no_update BEFORE UPDATE ON ps_observations
  BEGIN SELECT RAISE(ABORT, 'ps_observations is append-only: record a new observation'); END;
CREATE TRIGGER ps_observations_no_delete BEFORE DELETE ON ps_observations
  BEGIN SELECT RAISE(ABORT, 'ps_observations is append-only: record a new observation'); END;
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
  VALUES ('ps_observations', 'attributes', 'ps_observations', '检查项观测 checklist observations', 0);
)SQL";

} // namespace

const std::vector<Migration>& campaignMigrations() {
    static const std::vector<Migration> steps{
        {1, "GeoPackage core, meta, layers, taxonomy, units, defects, photos, audit", kV1},
        {2, "supervision cards and their events", kV2},
        {3, "draw records", kV3},
        {4, "route plans", kV4},
        {5, "withdrawn defects and checklist observations", kV5},
    };
    return steps;
}

int latestCampaignSchemaVersion() {
    return campaignMigrations().back().version;
}

int readSchemaVersion(Database& db) {
    if (!db.tableExists(QStringLiteral("ps_meta")))
        return 0;
    const auto v = db.scalarText("SELECT value FROM ps_meta WHERE key='schema_version'");
    return v ? v->toInt() : 0;
}

void migrateCampaign(Database& db, int target) {
    const int start = readSchemaVersion(db);
    if (start > latestCampaignSchemaVersion())
        throw StoreError(QStringLiteral("campaign file %1 was written by a newer PeriSurvey "
                                        "(schema %2; this version knows up to %3); open it with "
                                        "a newer PeriSurvey. The file was not changed.")
                             .arg(db.path())
                             .arg(start)
                             .arg(latestCampaignSchemaVersion()));
    if (start >= target)
        return;
    if (db.isReadOnly())
        throw IoError(QStringLiteral("campaign file %1 needs an upgrade from schema %2 to %3 but "
                                     "is read-only; make it writable and open it again")
                          .arg(db.path())
                          .arg(start)
                          .arg(target));
    if (start > 0)
        db.backupTo(db.path() + QStringLiteral(".bak-v%1").arg(start));
    for (const auto& m : campaignMigrations()) {
        if (m.version > target)
            break;
        Transaction tx(db);
        // Another process may have migrated while we waited for the write lock.
        if (readSchemaVersion(db) >= m.version)
            continue;
        db.exec(m.sql);
        auto st = db.prepare("INSERT INTO ps_meta(key, value) VALUES('schema_version', ?) "
                             "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
        st.bind(1, QString::number(m.version)).exec();
        tx.commit();
    }
}

} // namespace core
