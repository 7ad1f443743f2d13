#pragma once

#include "core/model/roles.h"
#include "core/sampling/draw.h"
#include "core/sampling/draw_parameters.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace core {

/// One input layer as it was when drawn from.
struct InputLayer {
    QString name;
    std::int64_t features = 0;
    QString sha256; ///< layerFingerprint() of the layer in the working CRS
    friend bool operator==(const InputLayer&, const InputLayer&) = default;
};

/// One input dataset (file) of a draw.
struct InputDataset {
    QString path; ///< absolute path at draw time
    std::vector<InputLayer> layers;
};

/// The draw record (抽样记录): everything needed to show a draw was fair and to recompute it.
///
/// Value type, easy to persist: toJson() holds every field, fromJson() reads it back (the
/// campaign store keeps that JSON; draws are append-only, a new draw may name the one it
/// supersedes). Distances in metres on the ellipsoid, locations in `workingCrs`.
struct DrawRecord {
    QString drawId;       ///< a UUID without braces
    QString createdUtc;   ///< ISO 8601 UTC
    QString operatorName; ///< who ran the draw (may be empty)
    QString software;     ///< "PeriSurvey 0.1.0"
    QString algorithm;    ///< kDrawAlgorithm at draw time
    std::uint64_t seed = 0;
    bool seedFromSystem = false; ///< true when no seed was given and the OS supplied one
    DrawParameters parameters;
    QString rulesName;
    QJsonObject rules;   ///< the role rules in RuleSet::fromJson's format (rulesToJson)
    QString rulesSha256; ///< rulesFingerprint() of those rules
    QString workingCrs;  ///< e.g. "EPSG:4547"
    std::vector<InputDataset> inputs;
    DrawOutcome outcome;
    QString supersedes; ///< the draw id this draw replaces, or empty

    /// SHA-256 over the anchors' ids and keys and the drawn units' keys, in order (no floats):
    /// two records with the same result_sha256 drew the same units for the same anchors.
    QString resultSha256() const;
    /// Total shortfall over anchors (streets + compounds).
    int totalShortfall() const;

    /// JSON with `seed` (decimal string: 64-bit values do not fit a JSON number), `draw_id`,
    /// `anchors` (each with id, kind, name, streets, compounds, shortfall; items with name,
    /// length_m/area_m2 and min_dist_m/centroid_dist_m), and the rest of the record.
    QJsonObject toJson() const;
    /// Reads toJson()'s format; throws core::FormatError naming `source` and the key.
    static DrawRecord fromJson(const QJsonObject& json, const QString& source);
};

/// Role rules as JSON that RuleSet::fromJson reads back (the record keeps the rules used).
QJsonObject rulesToJson(const RuleSet& rules);
/// SHA-256 of the compact canonical rulesToJson() text.
QString rulesFingerprint(const RuleSet& rules);

/// The first difference between a recorded draw and the same draw recomputed from its inputs,
/// as one sentence for people, checked in this order: algorithm, inputs (a changed, missing or
/// new layer fingerprint), role rules, parameters, seed, anchors, drawn units. Empty when the
/// two agree (distances within 0.05 m).
QString firstDifference(const DrawRecord& recorded, const DrawRecord& recomputed);

} // namespace core
