#pragma once

#include "core/sampling/draw_record.h"
#include "core/util/feedback.h"
#include "gis/analysis/candidates.h"
#include "gis/proj/crs.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace gis {

/// What to draw from and how.
struct DrawRequest {
    QStringList datasets;             ///< dataset paths (every layer of each is read)
    QString rulesFile;                ///< role rules file; empty = RuleSet::defaults()
    std::optional<QJsonObject> rules; ///< rules as kept in a record (wins over rulesFile)
    core::DrawParameters params;
    std::optional<std::uint64_t> seed; ///< none: a seed from the operating system
    QString operatorName;
    QString workingCrs; ///< empty: chosen from the data (GK CM zone in China, UTM elsewhere)
};

/// A finished draw with what it was drawn from (for writing and display).
struct DrawRun {
    core::DrawRecord record;
    DrawUniverse universe;
    /// Per record anchor (same order): its ring at the widest outer radius used, working CRS.
    std::vector<core::Geometry> rings;
    QStringList warnings; ///< loader warnings and universe notes
};

/// Loads the datasets into one working CRS, classifies them with the rules, fingerprints
/// every layer, builds the universe and runs core::runDraw with a CandidateFinder.
/// Throws core::Error naming the file for unreadable input; OperationCanceled on cancel.
/// Thread: any (own GDAL/PROJ/GEOS handles); GDAL drivers must be registered (initGdal).
DrawRun performDraw(const DrawRequest& request, core::Feedback& feedback);

/// The outcome of recomputing a recorded draw.
struct VerifyResult {
    bool verified = false;
    QString difference; ///< the first difference, for people; empty when verified
    std::optional<core::DrawRecord> recomputed;
};

/// Recomputes `record` from its recorded inputs (paths, fingerprints), rules, parameters, seed
/// and working CRS, and compares (core::firstDifference). An input that cannot be read any
/// more is a difference, not an exception. Thread: any.
VerifyResult verifyDraw(const core::DrawRecord& record, core::Feedback& feedback);

/// Writes a draw for QGIS and for later verification. `.gpkg`: layers anchors (points),
/// rings, drawn_streets, drawn_compounds, shortfalls (points at the anchor), each feature with
/// `anchor_id`, plus the non-spatial table draw_record (draw_id, created_utc, seed,
/// record_json). `.json`: the record alone. Other vector formats (.geojson, .kml, .csv, ...):
/// one file per layer named BASE_LAYER.EXT and the record as BASE_record.json.
/// Atomic per file (see writeVector). Throws core::IoError / FormatError naming the file.
void writeDrawOutput(const QString& path, const DrawRun& run, core::Feedback& feedback);

/// The draw's layers for QGIS, in the working CRS: anchors (points), rings, drawn_streets,
/// drawn_compounds and shortfalls (points at the anchor), each feature with `anchor_id`.
std::vector<core::LayerPtr> drawLayers(const DrawRun& run);

/// The draw records kept in a file written by writeDrawOutput (a GeoPackage's draw_record
/// table, or a record JSON file) or in a campaign (ps_draws), oldest first. Throws core::Error
/// naming the file when it has none.
std::vector<core::DrawRecord> readDrawRecords(const QString& path);

} // namespace gis
