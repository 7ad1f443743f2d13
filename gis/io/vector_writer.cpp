#include "gis/io/vector_writer.h"

#include "core/util/error.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/gdal/detail/ogr_convert.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTime>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>

namespace gis {

namespace {

using core::Error;
using core::ErrorCode;
using core::FormatError;
using core::IoError;

constexpr std::size_t kFeaturesPerTransaction = 50000;

OGRFieldType ogrType(core::FieldType type) {
    switch (type) {
    case core::FieldType::Integer:
        return OFTInteger64;
    case core::FieldType::Real:
        return OFTReal;
    case core::FieldType::Date:
        return OFTDate;
    case core::FieldType::DateTime:
        return OFTDateTime;
    case core::FieldType::String:
    case core::FieldType::Other:
        break;
    }
    return OFTString;
}

/// The spatial reference a layer is created with: by authority code where there is one (so
/// GeoPackage records e.g. srs_id 4490), else from the WKT.
detail::SrsPtr spatialReference(const Crs& crs, const QString& path) {
    detail::SrsPtr srs(OSRNewSpatialReference(nullptr));
    const QString definition =
        crs.authId().startsWith(QLatin1String("EPSG:")) ? crs.authId() : crs.wkt();
    if (OSRSetFromUserInput(srs.get(), definition.toUtf8().constData()) != OGRERR_NONE)
        throw core::CrsError(QStringLiteral("%1: cannot use the coordinate reference system %2")
                                 .arg(path, crs.authId().isEmpty() ? crs.name() : crs.authId()));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

bool isMulti(const core::Geometry& g) {
    return g.kind == core::GeometryKind::Polygon ? g.polygons.size() > 1 : g.partCount() > 1;
}

OGRwkbGeometryType layerType(const core::LayerData& layer, bool multi) {
    switch (layer.kind) {
    case core::GeometryKind::Point:
        return multi ? wkbMultiPoint : wkbPoint;
    case core::GeometryKind::Line:
        return multi ? wkbMultiLineString : wkbLineString;
    case core::GeometryKind::Polygon:
        return multi ? wkbMultiPolygon : wkbPolygon;
    case core::GeometryKind::None:
        break;
    }
    return wkbNone;
}

void setField(OGRFeatureH f, int index, const QVariant& value, core::FieldType type) {
    if (!value.isValid() || value.isNull()) {
        OGR_F_SetFieldNull(f, index);
        return;
    }
    switch (type) {
    case core::FieldType::Integer:
        OGR_F_SetFieldInteger64(f, index, value.toLongLong());
        return;
    case core::FieldType::Real:
        OGR_F_SetFieldDouble(f, index, value.toDouble());
        return;
    case core::FieldType::Date: {
        const QDate d = value.toDate();
        OGR_F_SetFieldDateTimeEx(f, index, d.year(), d.month(), d.day(), 0, 0, 0, 0);
        return;
    }
    case core::FieldType::DateTime: {
        const QDateTime dt = value.toDateTime();
        const QDateTime utc = dt.toUTC();
        const QTime t = utc.time();
        // OGR's time-zone flag 100 means UTC.
        OGR_F_SetFieldDateTimeEx(f, index, utc.date().year(), utc.date().month(), utc.date().day(),
                                 t.hour(), t.minute(),
                                 static_cast<float>(t.second() + t.msec() / 1000.0), 100);
        return;
    }
    case core::FieldType::String:
    case core::FieldType::Other:
        break;
    }
    OGR_F_SetFieldString(f, index, value.toString().toUtf8().constData());
}

/// Starts and commits dataset transactions (or layer transactions where the driver has only
/// those; nothing for drivers with neither).
class Batch {
public:
    Batch(GDALDatasetH ds, OGRLayerH layer) : ds_(ds), layer_(layer) {}
    void begin() {
        if (GDALDatasetStartTransaction(ds_, FALSE) == OGRERR_NONE)
            mode_ = Mode::Dataset;
        else if (OGR_L_StartTransaction(layer_) == OGRERR_NONE)
            mode_ = Mode::Layer;
        else
            mode_ = Mode::None;
    }
    bool commit() {
        const Mode m = mode_;
        mode_ = Mode::None;
        if (m == Mode::Dataset)
            return GDALDatasetCommitTransaction(ds_) == OGRERR_NONE;
        if (m == Mode::Layer)
            return OGR_L_CommitTransaction(layer_) == OGRERR_NONE;
        return true;
    }
    ~Batch() {
        if (mode_ == Mode::Dataset)
            GDALDatasetRollbackTransaction(ds_);
        else if (mode_ == Mode::Layer)
            OGR_L_RollbackTransaction(layer_);
    }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

private:
    enum class Mode { None, Dataset, Layer };
    GDALDatasetH ds_;
    OGRLayerH layer_;
    Mode mode_ = Mode::None;
};

/// The widest value of a text field in UTF-8 bytes (an upper bound for any other encoding of
/// the same text), kept within the 1..254 bytes a .dbf allows.
int shapefileStringWidth(const core::LayerData& layer, std::size_t field) {
    constexpr qsizetype kMaxDbfWidth = 254;
    qsizetype width = 1;
    for (const auto& f : layer.features)
        if (field < f.attributes.size() && !f.attributes[field].isNull())
            width = std::max(width, f.attributes[field].toString().toUtf8().size());
    return static_cast<int>(std::min(width, kMaxDbfWidth));
}

struct LayerWriter {
    const QString& path;
    GDALDatasetH ds;
    const WriteOptions& options;
    core::Feedback& feedback;
    std::size_t done = 0;
    std::size_t total = 0;

    [[noreturn]] void fail(const core::LayerData& layer, const QString& what) const {
        throw IoError(QStringLiteral("%1: cannot write layer '%2': %3")
                          .arg(path, layer.name, detail::lastGdalError(what)));
    }

    void write(const core::LayerData& layer) {
        Crs source;
        if (!layer.crsAuthId.isEmpty())
            source = Crs::fromUserInput(layer.crsAuthId);
        const bool reproject = options.targetCrs.isValid();
        if (reproject && !source.isValid())
            throw core::CrsError(QStringLiteral("%1: layer '%2' has no coordinate reference "
                                                "system, so it cannot be reprojected to %3")
                                     .arg(path, layer.name, options.targetCrs.authId()));
        const Crs out = reproject ? options.targetCrs : source;
        std::optional<CoordinateTransform> transform;
        if (reproject) {
            transform.emplace(source, out);
            if (transform->isIdentity())
                transform.reset();
        }

        bool multi = false;
        for (const auto& f : layer.features)
            multi = multi || isMulti(f.geometry);
        const OGRwkbGeometryType type = layerType(layer, multi);
        detail::SrsPtr srs;
        if (out.isValid() && type != wkbNone)
            srs = spatialReference(out, path);
        detail::StringList layerOptions;
        const bool shapefile =
            QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds))) ==
            QLatin1String("ESRI Shapefile");
        // Shapefiles default to Latin-1 (LDID 87); Chinese text needs UTF-8 and its .cpg.
        if (shapefile)
            layerOptions.add(QStringLiteral("ENCODING"), QStringLiteral("UTF-8"));
        for (const auto& [key, value] : options.layerOptions)
            layerOptions.add(key, value);
        CPLErrorReset();
        OGRLayerH ogrLayer = GDALDatasetCreateLayer(ds, layer.name.toUtf8().constData(), srs.get(),
                                                    type, layerOptions.get());
        if (!ogrLayer)
            fail(layer, QStringLiteral("the driver refused to create it"));
        for (std::size_t fi = 0; fi < layer.fields.size(); ++fi) {
            const core::Field& field = layer.fields[fi];
            OGRFieldDefnH defn =
                OGR_Fld_Create(field.name.toUtf8().constData(), ogrType(field.type));
            // The driver's default width (80 bytes) cuts Chinese text after 26 characters.
            if (shapefile && ogrType(field.type) == OFTString)
                OGR_Fld_SetWidth(defn, shapefileStringWidth(layer, fi));
            const OGRErr err = OGR_L_CreateField(ogrLayer, defn, TRUE);
            OGR_Fld_Destroy(defn);
            if (err != OGRERR_NONE)
                fail(layer, QStringLiteral("cannot create field '%1'").arg(field.name));
        }
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(ogrLayer);

        Batch batch(ds, ogrLayer);
        batch.begin();
        std::size_t inBatch = 0;
        for (const auto& feature : layer.features) {
            detail::FeaturePtr f(OGR_F_Create(defn));
            const std::size_t n = std::min(feature.attributes.size(), layer.fields.size());
            for (std::size_t i = 0; i < n; ++i)
                setField(f.get(), static_cast<int>(i), feature.attributes[i], layer.fields[i].type);
            if (type != wkbNone && !feature.geometry.empty()) {
                core::Geometry g = feature.geometry;
                if (transform)
                    transform->apply(g);
                detail::GeometryPtr geom(detail::toOgrGeometry(g));
                if (geom && multi && !isMulti(g))
                    geom.reset(OGR_G_ForceTo(geom.release(), type, nullptr));
                OGR_F_SetGeometryDirectly(f.get(), geom.release());
            }
            if (OGR_L_CreateFeature(ogrLayer, f.get()) != OGRERR_NONE)
                fail(layer, QStringLiteral("feature %1 was refused").arg(feature.fid));
            if (++inBatch == kFeaturesPerTransaction) {
                if (!batch.commit())
                    fail(layer, QStringLiteral("the transaction could not be committed"));
                batch.begin();
                inBatch = 0;
            }
            if (++done % 2048 == 0) {
                feedback.throwIfCanceled();
                feedback.setProgress(95.0 * static_cast<double>(done) / static_cast<double>(total),
                                     layer.name);
            }
        }
        if (!batch.commit())
            fail(layer, QStringLiteral("the transaction could not be committed"));
    }
};

} // namespace

QString vectorDriverForPath(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    static const std::pair<const char*, const char*> table[] = {
        {"gpkg", "GPKG"},      {"geojson", "GeoJSON"},
        {"json", "GeoJSON"},   {"shp", "ESRI Shapefile"},
        {"fgb", "FlatGeobuf"}, {"gml", "GML"},
        {"kml", "KML"},        {"sqlite", "SQLite"},
        {"csv", "CSV"},        {"xlsx", "XLSX"}};
    for (const auto& [e, driver] : table)
        if (ext == QLatin1String(e))
            return QString::fromLatin1(driver);
    return {};
}

void writeVector(const QString& path, const std::vector<core::LayerPtr>& layers,
                 const WriteOptions& options, core::Feedback& feedback) {
    if (layers.empty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("%1: nothing to write (no layers given)").arg(path));
    const QString driverName =
        options.driver.isEmpty() ? vectorDriverForPath(path) : options.driver;
    if (driverName.isEmpty())
        throw FormatError(QStringLiteral("%1: cannot tell the format from the extension; use "
                                         ".gpkg or .geojson, or name a GDAL driver")
                              .arg(path));
    if (GDALGetDriverCount() == 0)
        GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName(driverName.toUtf8().constData());
    if (!driver || !GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nullptr) ||
        !GDALGetMetadataItem(driver, GDAL_DCAP_CREATE, nullptr))
        throw FormatError(
            QStringLiteral("%1: GDAL cannot write vector data as '%2'").arg(path, driverName));
    const bool singleLayer = driverName == QLatin1String("GeoJSON") ||
                             driverName == QLatin1String("CSV") ||
                             driverName == QLatin1String("FlatGeobuf");
    if (singleLayer && layers.size() > 1)
        throw FormatError(QStringLiteral("%1: %2 holds one layer but %3 were given; write a "
                                         ".gpkg, or one file per layer")
                              .arg(path, driverName)
                              .arg(layers.size()));

    const QFileInfo target(path);
    const QDir folder = target.absoluteDir();
    if (!folder.exists())
        throw IoError(QStringLiteral("%1: the folder %2 does not exist")
                          .arg(path, QDir::toNativeSeparators(folder.path())));
    if (target.exists() && (target.isDir() || !options.overwrite))
        throw IoError(
            QStringLiteral("%1: already exists; remove it or choose another name").arg(path));

    // Written beside the target so the final rename stays on one file system; the folder is
    // removed with whatever is in it when anything below throws.
    // No dots from the file name in the folder's: GDAL's /vsizip/ (XLSX, KMZ) would take a
    // folder named ".a.xlsx.X.tmp" for the archive.
    QString stem = target.fileName();
    stem.replace(QLatin1Char('.'), QLatin1Char('_'));
    QTemporaryDir temp(folder.filePath(QStringLiteral(".%1.XXXXXX.tmp").arg(stem)));
    if (!temp.isValid())
        throw IoError(QStringLiteral("%1: cannot create a temporary folder in %2: %3")
                          .arg(path, QDir::toNativeSeparators(folder.path()), temp.errorString()));
    const QString tempPath = temp.filePath(target.fileName());

    const detail::QuietErrors quiet;
    detail::StringList datasetOptions;
    for (const auto& [key, value] : options.datasetOptions)
        datasetOptions.add(key, value);
    CPLErrorReset();
    detail::DatasetPtr ds(GDALCreate(driver, tempPath.toUtf8().constData(), 0, 0, 0, GDT_Unknown,
                                     datasetOptions.get()));
    if (!ds)
        throw IoError(QStringLiteral("%1: cannot create the file: %2")
                          .arg(path, detail::lastGdalError(QStringLiteral("unknown GDAL error"))));

    LayerWriter writer{path, ds.get(), options, feedback};
    for (const auto& layer : layers)
        writer.total += layer->features.size();
    writer.total = std::max<std::size_t>(writer.total, 1);
    feedback.setProgress(0, QStringLiteral("writing"));
    for (const auto& layer : layers) {
        feedback.throwIfCanceled();
        writer.write(*layer);
    }
    feedback.throwIfCanceled();
    CPLErrorReset();
    ds.reset(); // flushes and closes
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(
            QStringLiteral("%1: closing the file failed: %2").arg(path, detail::lastGdalError()));
    feedback.setProgress(97, QStringLiteral("moving into place"));

    const QStringList produced = QDir(temp.path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString& name : produced) {
        std::error_code ec;
        std::filesystem::rename(std::filesystem::path(temp.filePath(name).toStdU16String()),
                                std::filesystem::path(folder.filePath(name).toStdU16String()), ec);
        if (ec)
            throw IoError(QStringLiteral("%1: cannot move the written file into place: %2")
                              .arg(path, QString::fromStdString(ec.message())),
                          ec.value());
    }
    feedback.setProgress(100);
}

} // namespace gis
