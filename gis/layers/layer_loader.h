#pragma once

#include "core/model/layer_data.h"
#include "core/util/feedback.h"
#include "gis/io/point_table.h"
#include "gis/proj/crs.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace gis {

/// How to read a dataset. Empty fields mean "decide from the data".
struct OpenOptions {
    QString encoding;        ///< force an attribute encoding (e.g. "CP936", "UTF-8")
    QString crs;             ///< declare the source CRS ("EPSG:4547", "GCJ02", "BD09", WKT)
    PointTableOptions table; ///< CSV/XLSX lon/lat columns and header handling
    /// Load what a file cut short still holds (with a warning) instead of refusing it.
    bool allowPartial = false;
    /// Use the best CRS guess for layers without a CRS (with a warning) instead of refusing.
    bool acceptCrsGuess = false;
};

/// What `info` reports of one layer, before loading it whole.
struct LayerInfo {
    core::LayerSource source;
    core::GeometryKind kind = core::GeometryKind::None;
    bool crsMissing = false;          ///< the source has no CRS and none was declared
    std::vector<CrsGuess> crsGuesses; ///< plausible CRSs when crsMissing, best first
    QStringList fieldNames;
    QStringList warnings;
};

/// A dataset read as it is: layers in their source coordinates, not yet indexed.
struct SourceDataset {
    QString path;
    std::vector<std::shared_ptr<core::LayerData>> layers; ///< one per (source layer, geometry kind)
    std::vector<LayerInfo> infos;                         ///< parallel to layers
    QStringList warnings;
};

/// Reads every layer of a dataset (a file, or a folder of files) in source coordinates.
/// Throws core::Error naming the file: NotFound (missing), Format (not vector geodata, or no
/// layer with features), Incomplete (a file cut short, unless options.allowPartial).
SourceDataset readDataset(const QString& path, const OpenOptions& options,
                          core::Feedback& feedback);

/// Reads metadata of every layer of a dataset (all GDAL vector formats, OSM PBF/XML with the
/// project's OSM configuration, CSV/XLSX point tables). Throws core::Error naming the file:
/// NotFound for a missing file, Format for a file that is not vector geodata.
std::vector<LayerInfo> inspectDataset(const QString& path, const OpenOptions& options = {});

/// Chooses the campaign's working CRS from the centre of the given layers (see
/// chooseWorkingCrs). Throws CrsError when no layer has a usable CRS.
Crs workingCrsFor(const std::vector<LayerInfo>& layers);

/// The result of loading a dataset: immutable layers in the working CRS.
struct LoadedDataset {
    QString path;
    std::vector<core::LayerPtr> layers; ///< only layers with geometry and features
    QStringList warnings;               ///< dataset-level warnings (partial reads, skipped layers)
};

/// Loads every layer of a dataset into indexed layer data reprojected to `working`.
/// Layers with a GCJ-02/BD-09 source are converted with the iterative inverse and keep their
/// original coordinates (points: attributes src_lon/src_lat). Detects partial reads (e.g. a
/// truncated OSM PBF that GDAL opens without error) and reports them as warnings naming the
/// file. Thread: any (uses its own GDAL handles); progress 0-100 on `feedback`.
LoadedDataset loadDataset(const QString& path, const Crs& working, const OpenOptions& options,
                          core::Feedback& feedback);

/// The second half of loadDataset: reprojects and indexes a dataset already read with
/// readDataset (so a caller that needed its LayerInfos, e.g. to choose the working CRS, reads
/// the file once). Same errors and warnings as loadDataset; progress 0-100 on `feedback`.
LoadedDataset loadDataset(SourceDataset source, const Crs& working, const OpenOptions& options,
                          core::Feedback& feedback);

/// The OSM driver configuration shipped in resources/ (osmconf.ini path).
QString osmConfigPath();

/// Registers GDAL drivers once; call on the main thread before any worker uses GDAL.
void initGdal();

} // namespace gis
