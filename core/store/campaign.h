#pragma once

#include "core/model/card.h"
#include "core/model/checklist.h"
#include "core/model/defect.h"
#include "core/model/layer_data.h"
#include "core/model/taxonomy.h"
#include "core/model/unit.h"
#include "core/sampling/draw_record.h"
#include "core/store/audit_log.h"
#include "core/store/database.h"
#include "core/workflow/work_calendar.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// A CRS as the campaign file records it in gpkg_spatial_ref_sys. core cannot call PROJ, so the
/// caller (gis) supplies the WKT.
struct CampaignCrs {
    QString authId;    ///< "EPSG:4547"
    QString name;      ///< "CGCS2000 / 3-degree Gauss-Kruger CM 114E"
    QString wkt;       ///< WKT (1 or 2) of the CRS
    int srsId() const; ///< the EPSG code of authId, or 0
};

/// What Campaign::create needs.
struct CampaignOptions {
    QString name;                     ///< "X区 2027 春季测评"
    CampaignCrs workingCrs;           ///< metric CRS of the imported layers and defect x/y
    QByteArray rulesJson;             ///< role rules (core::RuleSet JSON) kept with the campaign
    std::optional<Taxonomy> taxonomy; ///< default: Taxonomy::defaults()
    WorkCalendar calendar;
    QString actor;         ///< who creates it (audit)
    int schemaVersion = 0; ///< 0 = latest; tests make older fixtures with 1
};

/// One inspection campaign = one GeoPackage file (architecture.md section 4).
///
/// Move-only owner of its Database. Every change to a defect or card is written together with
/// its audit entries in one BEGIN IMMEDIATE transaction, so several processes (desktop and
/// CLI) may write the same file; each waits up to 10 s for the other's lock. Thread affinity:
/// one thread at a time. Errors: core::Error subclasses naming the file and the field.
class Campaign {
public:
    /// Creates a new campaign file (refuses an existing path) with the GeoPackage tables, our
    /// schema, the taxonomy copy, rules, working CRS and calendar.
    static Campaign create(const QString& path, const CampaignOptions& options);
    /// Opens an existing campaign, upgrading an older schema (after a backup). A file from a
    /// newer PeriSurvey, a garbage file or a GeoPackage that is not a campaign is refused
    /// without being modified. ReadWrite on a read-only file opens it read-only.
    static Campaign open(const QString& path, OpenMode mode = OpenMode::ReadWrite);

    /// True when `path` is an SQLite GeoPackage with our ps_meta table (a campaign file of
    /// any schema version). Reads only; never throws.
    static bool isCampaignFile(const QString& path);

    Campaign(Campaign&&) noexcept = default;
    Campaign& operator=(Campaign&&) noexcept = default;

    Database& database() { return db_; }
    const QString& path() const { return db_.path(); }
    int schemaVersion();
    QString name();
    QString uuid();
    CampaignCrs workingCrs();
    QByteArray rulesJson();
    const Taxonomy& taxonomy() const { return taxonomy_; }
    const WorkCalendar& calendar() const { return calendar_; }
    QString meta(const QString& key);
    void setMeta(const QString& key, const QString& value);

    /// Records a CRS in gpkg_spatial_ref_sys (srs_id = EPSG code) unless present.
    void ensureCrs(const CampaignCrs& crs);
    /// Writes a layer (in the working CRS) as a GeoPackage feature table, attributes as
    /// columns; returns its table name (derived from the layer name, made unique). Extends the
    /// district extent (lon/lat box `districtLonLat`, given by the caller who can transform).
    QString importLayer(const LayerData& layer, const Box& districtLonLat = {});
    /// Feature tables imported with importLayer(), in import order.
    QStringList layerTables();
    /// Reads an imported layer back (geometry in the working CRS, attributes by column).
    LayerData readLayer(const QString& table);
    /// The district's lon/lat extent from the imported layers (empty when none).
    Box districtExtent();

    // Units
    std::int64_t addUnit(ResponsibleUnit unit);
    /// Adds several units in one transaction with one audit entry, or none of them: a unit
    /// whose name the campaign (or the list) already holds is refused (InvalidInput naming
    /// the names). Returns the new ids in order.
    std::vector<std::int64_t> addUnits(const std::vector<ResponsibleUnit>& units,
                                       const QString& actor, const QString& source);
    std::vector<ResponsibleUnit> units();
    std::optional<ResponsibleUnit> unit(std::int64_t id);
    /// The unit a new defect of `code` would go to: for street offices the one whose `area`
    /// is named `subdistrict` (when given), else the first unit of the code's default kind.
    std::optional<ResponsibleUnit> suggestUnit(const QString& code, const QString& subdistrict);
    /// The name of the sub-district (街道) whose polygon holds `working` (working CRS), from the
    /// layer the importer named in ps_meta; "" when unknown.
    QString subdistrictAt(const std::optional<Point>& working);

    // Defects
    /// Validates and records a defect with its photos and audit entries in one transaction.
    /// Throws InvalidInput naming the field: unknown code, no location, lon/lat out of range,
    /// more than 5 km outside the district (unless forceLocation), duplicate photo, a photo
    /// that is not a JPEG/PNG image.
    Defect addDefect(const NewDefect& input);
    std::optional<Defect> defect(const QString& uuidOrId);
    /// Like defect() but throws NotFound naming the id and the file.
    Defect requireDefect(const QString& uuidOrId);
    std::vector<Defect> defects(const DefectFilter& filter = {});
    std::int64_t defectCount();
    /// Changes a defect's responsible unit (the suggestion was wrong), with an audit entry.
    /// Throws InvalidInput for an unknown unit, NotFound for an unknown defect.
    Defect setDefectUnit(const QString& defectId, std::int64_t unitId, const QString& actor,
                         const QString& reason);
    /// Adds a photo to an existing defect (same checks as in addDefect); returns its id.
    std::int64_t addPhoto(std::int64_t defectId, const PhotoInput& photo, const QString& actor);
    /// Changes a defect's description and/or severity (1-3), with one audit entry per changed
    /// field. Throws InvalidInput for a severity out of range or a withdrawn defect.
    Defect updateDefect(const QString& defectId, const DefectEdit& edit, const QString& actor,
                        const QString& reason = {});
    /// Withdraws a defect recorded by mistake (the undo of recording it): it leaves every
    /// listing, count and export, but its row, photos and audit entries stay. Only a defect
    /// without a card (发现) can be withdrawn; throws InvalidInput otherwise.
    void withdrawDefect(const QString& defectId, const QString& actor, const QString& reason);
    /// Brings a withdrawn defect back (the redo), with an audit entry.
    void restoreDefect(const QString& defectId, const QString& actor, const QString& reason);
    std::vector<PhotoInfo> photos(std::int64_t defectId);
    QByteArray photoData(std::int64_t photoId, bool thumbnail = false);

    // Checklists and observations (检查项)
    /// The checklists the campaign uses: its own copy (setChecklists) or the shipped defaults.
    ChecklistSet checklists();
    /// Keeps `set` as the campaign's checklists (a district's own file), with an audit entry.
    /// Throws FormatError when an item names a defect code the campaign's taxonomy lacks.
    void setChecklists(const ChecklistSet& set, const QString& actor);
    /// Records one marked item (in one transaction with its audit entry); returns it with id,
    /// uuid and recordedAt filled in. Throws InvalidInput naming the field: an unknown checklist
    /// or item, no place (attachId), no inspector, a count on an item that does not count, a
    /// defect uuid the campaign lacks.
    Observation recordObservation(Observation observation, const QString& actor);
    /// Observations at one place (attachId), or all when empty, oldest first (see
    /// core::currentObservations for the latest per item).
    std::vector<Observation> observations(const QString& attachId = {});

    // Cards (see core/workflow/card_rules.h for the rules)
    /// Issues a card (发卡) for a Found defect: colour from the taxonomy, `colour`, or red by the
    /// repeat rule; deadline in working time.
    Card issueCard(const QString& defectId, std::optional<CardColour> colour, const QString& actor,
                   const QString& reason, const QDateTime& nowUtc = {});
    /// Moves the card one stage on. Reaching Rechecked (复核) records the re-check, with the
    /// optional after-photo.
    Card advanceCard(const QString& defectId, const QString& actor, const QString& reason,
                     const std::optional<PhotoInput>& afterPhoto = std::nullopt,
                     const QDateTime& nowUtc = {});
    /// 退回: from Reported/Rechecked back to Fixing; needs a reason.
    Card returnCard(const QString& defectId, const QString& actor, const QString& reason,
                    const QDateTime& nowUtc = {});
    /// 销号: needs a re-check record (stage Rechecked).
    Card closeCard(const QString& defectId, const QString& actor, const QString& reason,
                   const QDateTime& nowUtc = {});
    std::optional<Card> card(std::int64_t defectId);
    /// Escalates every overdue white/yellow card (white -> yellow -> red); returns them.
    std::vector<Card> escalateOverdue(const QString& actor, const QDateTime& nowUtc = {});
    /// Open cards past their deadline, most overdue first.
    std::vector<Card> overdueCards(const QDateTime& nowUtc = {});

    // Draws (抽样记录), append-only: a draw can be superseded by a later one, never edited.
    /// The table names of a draw's layers in the campaign, by the layer names of
    /// gis::drawLayers(): anchors -> draw_anchors, rings -> draw_rings, drawn_streets,
    /// drawn_compounds, shortfalls -> draw_shortfalls.
    static QString drawTableFor(const QString& layerName);
    /// Records a draw: its record (ps_draws) and its layers (in the working CRS; each feature
    /// gets the column draw_id), with an audit entry, in one transaction. Refuses a draw id
    /// already stored and a `supersedes` that names no stored draw (InvalidInput).
    void recordDraw(const DrawRecord& record, const std::vector<LayerPtr>& layers,
                    const QString& actor);
    /// Every stored draw, oldest first.
    std::vector<DrawRecord> draws();
    /// The draw whose id is `idOrPrefix` or starts with it (at least 4 characters); the latest
    /// draw that no other draw supersedes when empty. Throws NotFound naming the file.
    DrawRecord requireDraw(const QString& idOrPrefix = {});
    /// The names of every drawn street, compound and anchor of every draw, by the id a defect
    /// attaches to ("drawn_streets:12" -> 胜利巷).
    QHash<QString, QString> attachedNames();
    /// One layer of a stored draw ("anchors", "rings", "drawn_streets", "drawn_compounds",
    /// "shortfalls"); empty (with the right fields) when the draw has none of those features.
    LayerData readDrawLayer(const QString& layerName, const QString& drawId);

    // Route plans through a draw (append-only, like draws).
    /// Records a route plan's layers (route_stops, route_legs of core::routeLayers, working CRS;
    /// each feature gets the column route_id) with its summary (JSON: profile, teams, totals)
    /// and the draw it routes, with an audit entry, in one transaction. Returns the new route
    /// id. Throws InvalidInput for a draw the campaign does not hold.
    QString recordRoute(const QString& drawId, const std::vector<LayerPtr>& layers,
                        const QByteArray& summaryJson, const QString& actor);
    struct StoredRoute {
        QString routeId;
        QString drawId;
        QString createdUtc;
        QByteArray summaryJson;
    };
    /// Every stored route, oldest first.
    std::vector<StoredRoute> routes();
    /// One layer ("route_stops" or "route_legs") of a stored route.
    LayerData readRouteLayer(const QString& layerName, const QString& routeId);

    /// Audit
    AuditVerification verifyAudit() { return core::verifyAudit(db_); }
    std::vector<AuditEntry> auditTrail(const QString& uuid) { return core::auditTrail(db_, uuid); }

    /// SQLite integrity and foreign-key checks plus our invariants (each defect's geometry
    /// matches lon/lat, card stage agrees with defect status, audit chain intact). Returns the
    /// problems found, empty when the file is sound.
    QStringList check();
    /// Consistent copy of the whole campaign to `target` (refuses to overwrite the campaign).
    void backup(const QString& target);

private:
    explicit Campaign(Database db) : db_(std::move(db)) {}
    void load();
    std::int64_t insertPhoto(std::int64_t defectId, const QString& defectUuid,
                             const PhotoInput& photo, const QString& actor);
    Card changeCard(const QString& defectId, const QString& action, const QString& actor,
                    const QString& reason, const QDateTime& nowUtc,
                    const std::optional<PhotoInput>& photo);

    Database db_;
    bool fieldwork_ = false; ///< schema 5: withdrawn defects and observations exist
    Taxonomy taxonomy_;
    WorkCalendar calendar_;
};

/// The current time in the store's format: ISO 8601 UTC with milliseconds ("...T...Z").
QString isoUtcNow();
QString isoUtc(const QDateTime& t);
QDateTime parseIsoUtc(const QString& s);

} // namespace core
