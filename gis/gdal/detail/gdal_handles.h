#pragma once

// Private to gis/: unique_ptr owners for GDAL/OGR C handles. Include only from gis .cpp files.

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace gis::detail {

struct DatasetCloser {
    void operator()(GDALDatasetH h) const noexcept {
        if (h)
            GDALClose(h);
    }
};
struct FeatureDeleter {
    void operator()(OGRFeatureH h) const noexcept {
        if (h)
            OGR_F_Destroy(h);
    }
};
struct GeometryDeleter {
    void operator()(OGRGeometryH h) const noexcept {
        if (h)
            OGR_G_DestroyGeometry(h);
    }
};
struct SrsReleaser {
    void operator()(OGRSpatialReferenceH h) const noexcept {
        if (h)
            OSRRelease(h);
    }
};
struct TransformDeleter {
    void operator()(OGRCoordinateTransformationH h) const noexcept {
        if (h)
            OCTDestroyCoordinateTransformation(h);
    }
};
struct CslDeleter {
    void operator()(char** list) const noexcept { CSLDestroy(list); }
};
struct CplFree {
    void operator()(void* p) const noexcept { CPLFree(p); }
};

using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser>;
using TransformPtr =
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDeleter>;
using CslPtr = std::unique_ptr<char*, CslDeleter>;
using CplString = std::unique_ptr<char, CplFree>;

/// A GDAL string list built from Qt strings (for open/creation options).
class StringList {
public:
    StringList() = default;
    void add(const QString& key, const QString& value) {
        list_.reset(
            CSLSetNameValue(list_.release(), key.toUtf8().constData(), value.toUtf8().constData()));
    }
    void add(const QString& item) {
        list_.reset(CSLAddString(list_.release(), item.toUtf8().constData()));
    }
    char** get() const { return list_.get(); }
    bool empty() const { return list_ == nullptr; }

private:
    CslPtr list_;
};

/// The last GDAL error message, or `fallback` when GDAL gave none.
inline QString lastGdalError(const QString& fallback = {}) {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? QString::fromUtf8(msg) : fallback;
}

/// Silences GDAL's default error printing for a scope; errors are still retrievable via
/// CPLGetLastErrorMsg (we turn them into exceptions or warnings ourselves).
class QuietErrors {
public:
    QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

/// A GDAL configuration option set for the calling thread only, restored at scope exit (some
/// drivers read options such as OGR_XLSX_HEADERS only as configuration options).
class ThreadConfig {
public:
    ThreadConfig(const char* key, const char* value) : key_(key) {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
            old_ = QByteArray(old);
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfig() {
        CPLSetThreadLocalConfigOption(key_, old_.isNull() ? nullptr : old_.constData());
    }
    ThreadConfig(const ThreadConfig&) = delete;
    ThreadConfig& operator=(const ThreadConfig&) = delete;

private:
    const char* key_;
    QByteArray old_;
};

} // namespace gis::detail
