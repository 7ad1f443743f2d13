#include "gis/io/vector_reader.h"

#include "core/util/error.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/gdal/detail/ogr_convert.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QTime>
#include <QTimeZone>

namespace gis {

namespace {

QVariant fieldValue(OGRFeatureH f, int i, core::FieldType type) {
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return {};
    switch (type) {
    case core::FieldType::Integer:
        return QVariant(static_cast<qlonglong>(OGR_F_GetFieldAsInteger64(f, i)));
    case core::FieldType::Real:
        return QVariant(OGR_F_GetFieldAsDouble(f, i));
    case core::FieldType::Date:
    case core::FieldType::DateTime: {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (!OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &s, &tz))
            return {};
        if (type == core::FieldType::Date)
            return QVariant(QDate(y, mo, d));
        const int ms = static_cast<int>(s * 1000 + 0.5f);
        QDateTime dt(QDate(y, mo, d), QTime(h, mi, ms / 1000, ms % 1000));
        // OGR's flag: 100 is UTC, 100 +/- n is n quarter hours east/west, below 2 is unknown.
        if (tz >= 2)
            dt = QDateTime(dt.date(), dt.time(), QTimeZone((tz - 100) * 900));
        return QVariant(dt);
    }
    case core::FieldType::String:
    case core::FieldType::Other:
        break;
    }
    return QVariant(QString::fromUtf8(OGR_F_GetFieldAsString(f, i)));
}

QString authIdOf(OGRSpatialReferenceH srs) {
    if (!srs)
        return {};
    const char* name = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (!name || !code) {
        detail::SrsPtr copy(OSRClone(srs));
        if (OSRAutoIdentifyEPSG(copy.get()) == OGRERR_NONE) {
            const char* c = OSRGetAuthorityCode(copy.get(), nullptr);
            if (c)
                return QStringLiteral("EPSG:%1").arg(QString::fromLatin1(c));
        }
        return {};
    }
    return QStringLiteral("%1:%2").arg(QString::fromLatin1(name), QString::fromLatin1(code));
}

} // namespace

std::vector<std::shared_ptr<core::LayerData>> readLayersRaw(const QString& path) {
    if (!QFileInfo::exists(path))
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("%1: no such file; check the path").arg(path));
    if (GDALGetDriverCount() == 0)
        GDALAllRegister();
    const detail::QuietErrors quiet;
    CPLErrorReset();
    detail::DatasetPtr ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     nullptr, nullptr, nullptr));
    if (!ds)
        throw core::FormatError(
            QStringLiteral("%1: not vector data GDAL can read (%2)")
                .arg(path, detail::lastGdalError(QStringLiteral("no driver recognised it"))));
    const QString driver =
        QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));

    std::vector<std::shared_ptr<core::LayerData>> out;
    const int count = GDALDatasetGetLayerCount(ds.get());
    for (int li = 0; li < count; ++li) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), li);
        auto data = std::make_shared<core::LayerData>();
        data->name = QString::fromUtf8(OGR_L_GetName(layer));
        const OGRwkbGeometryType type = OGR_L_GetGeomType(layer);
        data->kind = detail::kindOf(type);
        data->crsAuthId = authIdOf(OGR_L_GetSpatialRef(layer));
        data->source.path = path;
        data->source.layerName = data->name;
        data->source.driver = driver;
        data->source.geometryType = QString::fromUtf8(OGRGeometryTypeToName(type));
        data->source.declaredFeatureCount = OGR_L_GetFeatureCount(layer, FALSE);
        data->source.crsAuthId = data->crsAuthId;
        data->source.crsReason = QStringLiteral("declared");
        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer))
            data->source.crsName = QString::fromUtf8(OSRGetName(srs));

        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        const int fieldCount = OGR_FD_GetFieldCount(defn);
        for (int i = 0; i < fieldCount; ++i) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
            data->fields.push_back({QString::fromUtf8(OGR_Fld_GetNameRef(fd)),
                                    detail::fieldTypeOf(OGR_Fld_GetType(fd))});
        }

        OGR_L_ResetReading(layer);
        int skipped = 0;
        for (;;) {
            detail::FeaturePtr f(OGR_L_GetNextFeature(layer));
            if (!f)
                break;
            core::Feature feature;
            feature.fid = OGR_F_GetFID(f.get());
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f.get())) {
                feature.geometry.kind = data->kind != core::GeometryKind::None
                                            ? data->kind
                                            : detail::kindOf(OGR_G_GetGeometryType(g));
                detail::appendOgrGeometry(g, feature.geometry, skipped);
                if (feature.geometry.empty())
                    feature.geometry = core::Geometry{};
            }
            feature.attributes.reserve(data->fields.size());
            for (int i = 0; i < fieldCount; ++i)
                feature.attributes.push_back(fieldValue(f.get(), i, data->fields[i].type));
            data->features.push_back(std::move(feature));
        }
        if (skipped > 0)
            data->warnings
                << QStringLiteral("%1 geometry parts of another dimension skipped").arg(skipped);
        data->buildIndex();
        data->source.sourceExtent = data->extent;
        out.push_back(std::move(data));
    }
    return out;
}

} // namespace gis
