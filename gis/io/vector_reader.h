#pragma once

#include "core/model/layer_data.h"

#include <QString>

#include <memory>
#include <vector>

namespace gis {

/// Reads every layer of a vector dataset exactly as stored: no reprojection (crsAuthId is the
/// layer's own, "EPSG:n" when identified), no encoding override, no OSM configuration, no
/// geometry repair. Field types map to core::FieldType (64-bit integers, reals, dates; other
/// types as text); NULL and unset fields become null QVariants. Features keep their FIDs;
/// layers are indexed.
///
/// Meant for comparing datasets (tests, the demo command) rather than for loading user data
/// (see loadDataset). Throws core::Error NotFound for a missing file and core::FormatError
/// when the file is not vector data, both naming the file. Thread: any (own GDAL handles).
std::vector<std::shared_ptr<core::LayerData>> readLayersRaw(const QString& path);

} // namespace gis
