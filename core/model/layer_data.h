#pragma once

#include "core/index/spatial_index.h"
#include "core/model/geometry.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <vector>

namespace core {

enum class FieldType : std::uint8_t { String, Integer, Real, Date, DateTime, Other };

struct Field {
    QString name;
    FieldType type = FieldType::String;
};

/// One feature: its geometry (in the layer's CRS) and one attribute value per layer field.
struct Feature {
    std::int64_t fid = -1; ///< the source's feature id (OSM id for OSM data)
    Geometry geometry;
    std::vector<QVariant> attributes;
};

/// Where a layer came from and how it was read: what `info` reports.
struct LayerSource {
    QString path;         ///< dataset path as given
    QString layerName;    ///< layer name inside the dataset
    QString driver;       ///< GDAL driver short name, e.g. "OSM", "ESRI Shapefile"
    QString geometryType; ///< the source's declared geometry type name, e.g. "Multi Polygon"
    std::int64_t declaredFeatureCount = -1; ///< what the source claims; -1 when unknown
    QString crsAuthId;      ///< source CRS as "EPSG:n", "GCJ02", "BD09", or "" when missing
    QString crsName;        ///< a human-readable name of the source CRS
    QString crsWkt;         ///< WKT of the source CRS ("" when missing or a pseudo-CRS)
    QString crsReason;      ///< how the source CRS was decided (declared, user, guessed)
    QString encoding;       ///< text encoding used to read attributes, e.g. "UTF-8", "CP936"
    QString encodingReason; ///< why that encoding (".cpg says 936", "detected GBK: ...")
    Box sourceExtent;       ///< extent in the source CRS
};

/// An immutable, loaded, indexed vector layer in a campaign's working CRS.
///
/// Built by the loader on a worker thread, then shared read-only
/// (`std::shared_ptr<const LayerData>`) with the GUI and other workers. An edit makes a new one.
struct LayerData {
    QString name; ///< display name (unique within a campaign)
    LayerSource source;
    GeometryKind kind = GeometryKind::None;
    QString crsAuthId; ///< CRS of the coordinates below, e.g. "EPSG:4547"
    std::vector<Field> fields;
    std::vector<Feature> features;
    Box extent;           ///< in crsAuthId
    SpatialIndex index;   ///< over features' bounds, item i = features[i]
    QStringList warnings; ///< data-quality notes (skipped geometries, suspicious counts)

    /// Field index by case-insensitive name, or -1.
    int fieldIndex(const QString& fieldName) const {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name.compare(fieldName, Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
        return -1;
    }
    /// A feature's attribute as text ("" when null or out of range).
    QString text(std::size_t feature, int field) const {
        if (field < 0 || feature >= features.size())
            return {};
        const auto& attrs = features[feature].attributes;
        if (static_cast<std::size_t>(field) >= attrs.size() || attrs[field].isNull())
            return {};
        return attrs[field].toString();
    }
    /// Computes `extent` and rebuilds `index` from the features' geometries.
    void buildIndex() {
        std::vector<Box> boxes;
        boxes.reserve(features.size());
        extent = Box{};
        for (const auto& f : features) {
            boxes.push_back(f.geometry.bounds());
            extent.expand(boxes.back());
        }
        index = SpatialIndex(boxes);
    }
};

using LayerPtr = std::shared_ptr<const LayerData>;

} // namespace core
