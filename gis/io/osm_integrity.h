#pragma once

#include <QString>

#include <cstdint>

namespace gis {

/// Result of a structural check of an OSM file.
struct OsmIntegrity {
    bool complete = true;
    QString problem;         ///< when not complete: what is wrong, naming the file and byte offsets
    std::int64_t blocks = 0; ///< PBF: complete file blocks seen
};

/// Checks that an OSM PBF file is whole by walking its block framing (BlobHeader length,
/// BlobHeader.datasize): a file cut short ends inside a block. GDAL's OSM driver stops at
/// such a block without reporting an error, so this is how a partial read is caught.
/// For OSM XML, checks that the document closes with </osm>. Thread: any.
OsmIntegrity checkOsmFile(const QString& path);

} // namespace gis
