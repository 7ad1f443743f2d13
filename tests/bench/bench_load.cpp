// Loading the andorra PBF into indexed layer data, against a plain GDAL read of the same
// layers (same configuration, every feature's geometry and fields fetched) in the same process.

#include "bench_util.h"

#include "core/util/feedback.h"
#include "gis/layers/layer_loader.h"

#include <gdal.h>
#include <ogr_api.h>

#include <QCoreApplication>
#include <QFileInfo>

namespace {

// The baseline: what any GDAL client must do at least, with no conversion or indexing.
long plainGdalRead(const QString& path) {
    const QByteArray conf = QByteArrayLiteral("CONFIG_FILE=") + gis::osmConfigPath().toUtf8();
    const char* opts[] = {conf.constData(), nullptr};
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, opts, nullptr);
    if (!ds)
        return -1;
    long n = 0;
    double sink = 0;
    OGRLayerH layer = nullptr;
    while (OGRFeatureH f = GDALDatasetGetNextFeature(ds, &layer, nullptr, nullptr, nullptr)) {
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f))
            sink += OGR_G_GetPointCount(g);
        for (int i = 0; i < OGR_F_GetFieldCount(f); ++i)
            sink += OGR_F_GetFieldAsString(f, i)[0];
        OGR_F_Destroy(f);
        ++n;
    }
    GDALClose(ds);
    return sink >= 0 ? n : -n;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    gis::initGdal();
    const QString path =
        QStringLiteral(PERISURVEY_REALDATA_DIR "/andorra/andorra-2021-06-22.osm.pbf");
    if (!QFileInfo::exists(path)) {
        std::printf("bench_load: skipped, %s is absent\n", qPrintable(path));
        return 0;
    }
    const auto infos = gis::inspectDataset(path);
    const gis::Crs working = gis::workingCrsFor(infos);
    long features = 0;
    const double gdal = bench::medianMs(5, [&] { features = plainGdalRead(path); });
    std::size_t loaded = 0;
    const double ours = bench::medianMs(5, [&] {
        core::Feedback fb;
        const auto ds = gis::loadDataset(path, working, {}, fb);
        loaded = 0;
        for (const auto& l : ds.layers)
            loaded += l->features.size();
    });
    bench::report("load.andorra_pbf.gdal_plain_read", gdal, "ms",
                  QStringLiteral("%1 features").arg(features));
    bench::report(
        "load.andorra_pbf.perisurvey_indexed", ours, "ms",
        QStringLiteral("%1 features, reprojected to %2, indexed; ratio %3x (target <= 1.5x)")
            .arg(loaded)
            .arg(working.authId())
            .arg(ours / gdal, 0, 'f', 2));
    return 0;
}
