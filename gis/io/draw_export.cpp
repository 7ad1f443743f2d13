#include "gis/io/draw_export.h"

#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/util/staged_output.h"
#include "gis/proj/crs.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <memory>

namespace gis {

namespace {

const char* const kDrawLayers[] = {"anchors", "rings", "drawn_streets", "drawn_compounds",
                                   "shortfalls"};

/// The layer in lon/lat; for XLSX (no geometry) the label point's lon/lat as two columns.
core::LayerPtr toLonLat(core::LayerData layer, const Crs& working, bool attributesOnly) {
    const CoordinateTransform toWgs84(working, Crs::fromEpsg(4326));
    for (auto& f : layer.features)
        toWgs84.apply(f.geometry);
    layer.crsAuthId = QStringLiteral("EPSG:4326");
    if (attributesOnly) {
        layer.fields.push_back({QStringLiteral("lon"), core::FieldType::Real});
        layer.fields.push_back({QStringLiteral("lat"), core::FieldType::Real});
        for (auto& f : layer.features) {
            const bool has = !f.geometry.empty();
            const core::Point p = has ? core::labelPoint(f.geometry) : core::Point{};
            f.attributes.resize(layer.fields.size() - 2);
            f.attributes.push_back(has ? QVariant(p.x) : QVariant());
            f.attributes.push_back(has ? QVariant(p.y) : QVariant());
            f.geometry = core::Geometry{};
        }
        layer.kind = core::GeometryKind::None;
        layer.crsAuthId.clear();
    }
    layer.buildIndex();
    return std::make_shared<const core::LayerData>(std::move(layer));
}

} // namespace

namespace {

// Writes `layers` (one file, or one per layer) and `sidecar` as BASE_SUFFIX.json, atomically.
QStringList writeLayersWithSidecar(const QString& path, const std::vector<core::LayerPtr>& layers,
                                   const ExportFileOptions& options, const QString& sidecarSuffix,
                                   const QByteArray& sidecar, core::Feedback& feedback) {
    core::StagedOutput out(path);
    const QString ext = QFileInfo(path).suffix();
    if (exportFormatHoldsLayers(options.format)) {
        core::Feedback sub(feedback, 0, 95);
        writeExportFile(out, out.fileName(), layers, options, sub);
    } else {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            core::Feedback sub(feedback, 95.0 * i / layers.size(), 95.0 * (i + 1) / layers.size());
            const QString name =
                QStringLiteral("%1_%2.%3")
                    .arg(out.baseName(), layers[i]->name,
                         ext.isEmpty() ? exportFormatExtension(options.format) : ext);
            writeExportFile(out, name, {layers[i]}, options, sub);
        }
    }
    const QString sidecarName = out.baseName() + QLatin1Char('_') + sidecarSuffix;
    QFile json(out.stagedPath(sidecarName));
    if (!json.open(QIODevice::WriteOnly) || json.write(sidecar) != sidecar.size() || !json.flush())
        throw core::IoError(
            QStringLiteral("%1: cannot write %2: %3").arg(path, sidecarName, json.errorString()));
    json.close();
    feedback.throwIfCanceled();
    return out.commit();
}

} // namespace

DrawExportResult exportDraw(core::Campaign& campaign, const QString& drawIdOrPrefix,
                            const QString& path, const ExportFileOptions& options,
                            core::Feedback& feedback) {
    const core::DrawRecord record = campaign.requireDraw(drawIdOrPrefix);
    const Crs working = Crs::fromUserInput(campaign.workingCrs().authId);
    const bool sheets = options.format == ExportFormat::Xlsx;
    std::vector<core::LayerPtr> layers;
    DrawExportResult result;
    result.drawId = record.drawId;
    for (const char* name : kDrawLayers) {
        core::LayerData l = campaign.readDrawLayer(QString::fromLatin1(name), record.drawId);
        if (l.features.empty())
            continue;
        result.features += l.features.size();
        layers.push_back(toLonLat(std::move(l), working, sheets));
        feedback.throwIfCanceled();
    }
    if (layers.empty())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("draw %1 in campaign %2 has no features to export")
                              .arg(record.drawId, campaign.path()));

    result.files = writeLayersWithSidecar(
        path, layers, options, QStringLiteral("record.json"),
        QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented), feedback);
    feedback.setProgress(100);
    return result;
}
DrawExportResult exportStoredRoute(core::Campaign& campaign, const QString& routeIdOrPrefix,
                                   const QString& path, const ExportFileOptions& options,
                                   core::Feedback& feedback) {
    const auto routes = campaign.routes();
    const core::Campaign::StoredRoute* route = nullptr;
    for (const auto& r : routes)
        if (routeIdOrPrefix.isEmpty() || r.routeId == routeIdOrPrefix ||
            (routeIdOrPrefix.size() >= 4 && r.routeId.startsWith(routeIdOrPrefix)))
            route = &r;
    if (!route)
        throw core::Error(core::ErrorCode::NotFound,
                          routeIdOrPrefix.isEmpty()
                              ? QStringLiteral("campaign %1 holds no route yet; plan one with "
                                               "perisurvey-cli route %1")
                                    .arg(campaign.path())
                              : QStringLiteral("campaign %1 holds no route %2")
                                    .arg(campaign.path(), routeIdOrPrefix));
    const Crs working = Crs::fromUserInput(campaign.workingCrs().authId);
    const bool sheets = options.format == ExportFormat::Xlsx;
    std::vector<core::LayerPtr> layers;
    DrawExportResult result;
    result.drawId = route->routeId;
    for (const char* name : {"route_stops", "route_legs"}) {
        core::LayerData l = campaign.readRouteLayer(QString::fromLatin1(name), route->routeId);
        if (l.features.empty())
            continue;
        result.features += l.features.size();
        layers.push_back(toLonLat(std::move(l), working, sheets));
        feedback.throwIfCanceled();
    }
    if (layers.empty())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("route %1 in campaign %2 has no features to export")
                              .arg(route->routeId, campaign.path()));
    result.files = writeLayersWithSidecar(path, layers, options, QStringLiteral("route.json"),
                                          route->summaryJson, feedback);
    feedback.setProgress(100);
    return result;
}

} // namespace gis
