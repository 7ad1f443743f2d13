#pragma once

#include "core/model/layer_data.h"

#include <QByteArray>
#include <QString>

namespace core {

/// The version tag of the canonical serialisation below; recorded beside each fingerprint.
inline constexpr const char* kFingerprintScheme = "perisurvey-layer-fp/1";

/// The canonical bytes of one feature, independent of the file format it came from:
/// geometry kind, then every part's vertices as whole centimetres in the layer's CRS (rings
/// turned to a fixed orientation: exteriors counter-clockwise, holes clockwise, since writers
/// differ), then the non-empty attributes as lower-case field name and value text, sorted by
/// name. Values: integers (and reals with no fraction) in decimal, other reals with 12
/// significant digits, dates ISO 8601, text trimmed. The feature id is left out.
QByteArray canonicalFeatureBytes(const LayerData& layer, std::size_t feature);

/// SHA-256 (lower-case hex) of a layer's content: the sorted SHA-256 digests of
/// canonicalFeatureBytes of every feature, hashed after the scheme tag and the feature count.
/// Feature order, feature ids, field order and the storage format do not change it; any edit
/// to a coordinate (by 1 cm or more), an attribute or the feature set does.
/// Thread: any (reads the immutable layer).
QString layerFingerprint(const LayerData& layer);

/// SHA-256 of bytes as lower-case hex.
QString sha256Hex(const QByteArray& bytes);

} // namespace core
