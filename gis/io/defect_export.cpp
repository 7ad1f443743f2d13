#include "gis/io/defect_export.h"

#include "core/report/photo_files.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/util/staged_output.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>
#include <set>

namespace gis {

namespace {

using core::FieldType;

QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

core::LayerData defectLayer(const std::vector<core::DefectRow>& rows, const QDateTime& nowUtc,
                            bool withGeometry, const std::vector<QStringList>* photoPaths) {
    core::LayerData layer;
    layer.name = QStringLiteral("defects");
    layer.kind = withGeometry ? core::GeometryKind::Point : core::GeometryKind::None;
    layer.crsAuthId = withGeometry ? QStringLiteral("EPSG:4326") : QString();
    const std::pair<const char*, FieldType> fields[] = {
        {"id", FieldType::Integer},         {"uuid", FieldType::String},
        {"code", FieldType::String},        {"name_zh", FieldType::String},
        {"category", FieldType::String},    {"category_zh", FieldType::String},
        {"description", FieldType::String}, {"severity", FieldType::Integer},
        {"status", FieldType::String},      {"status_zh", FieldType::String},
        {"card_colour", FieldType::String}, {"card_zh", FieldType::String},
        {"deadline", FieldType::String},    {"days_overdue", FieldType::Integer},
        {"unit_name", FieldType::String},   {"subdistrict", FieldType::String},
        {"inspector", FieldType::String},   {"observed_at", FieldType::String},
        {"lon", FieldType::Real},           {"lat", FieldType::Real},
        {"attached", FieldType::String},    {"photo_count", FieldType::Integer},
        {"photos", FieldType::String}};
    for (const auto& [name, type] : fields)
        layer.fields.push_back({QString::fromLatin1(name), type});
    layer.features.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const core::DefectRow& r = rows[i];
        const core::Defect& d = r.defect;
        core::Feature f;
        f.fid = d.id;
        if (withGeometry)
            f.geometry = core::Geometry::point(d.lonLat);
        const auto colour = r.card ? std::optional(r.card->colour) : d.cardColour;
        const QDateTime deadline = r.card ? r.card->deadline : d.deadline;
        const auto days = core::daysOverdue(r.card, nowUtc);
        QString photos;
        if (photoPaths && i < photoPaths->size())
            photos = (*photoPaths)[i].join(QLatin1Char(';'));
        f.attributes = {
            QVariant(static_cast<qlonglong>(d.id)),
            d.uuid,
            d.code,
            textOrNull(r.nameZh),
            r.category,
            textOrNull(r.categoryZh),
            textOrNull(d.description),
            QVariant(static_cast<qlonglong>(d.severity)),
            core::cardStageKey(d.status),
            core::cardStageChinese(d.status),
            colour ? QVariant(core::cardColourKey(*colour)) : QVariant(),
            colour ? QVariant(core::cardColourChinese(*colour)) : QVariant(),
            deadline.isValid() ? QVariant(core::isoUtc(deadline)) : QVariant(),
            days ? QVariant(static_cast<qlonglong>(*days)) : QVariant(),
            textOrNull(r.unitName),
            textOrNull(r.subdistrict),
            textOrNull(d.inspector),
            d.observedAt.isValid() ? QVariant(core::isoUtc(d.observedAt)) : QVariant(),
            QVariant(d.lonLat.x),
            QVariant(d.lonLat.y),
            d.attachKind == core::AttachKind::None
                ? QVariant()
                : QVariant(core::attachKindKey(d.attachKind) + QLatin1Char(':') + d.attachId),
            QVariant(static_cast<qlonglong>(r.photos.size())),
            textOrNull(photos)};
        layer.features.push_back(std::move(f));
    }
    layer.buildIndex();
    return layer;
}

DefectExportResult exportDefects(core::Campaign& campaign, const std::vector<core::DefectRow>& rows,
                                 const QString& path, const DefectExportOptions& options,
                                 core::Feedback& feedback) {
    const QString encoding = shapefileEncoding(options.encoding);
    if (options.format != ExportFormat::Shapefile && encoding != QLatin1String("UTF-8"))
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("%1: --encoding applies to shapefiles only; the other "
                                         "formats are always UTF-8")
                              .arg(path));
    core::StagedOutput out(path);
    const QString base = out.baseName();
    DefectExportResult result;
    result.defects = rows.size();

    std::vector<QStringList> photoPaths;
    if (options.photos) {
        const QString folderName = base + QStringLiteral("_photos");
        if (!QDir().mkpath(out.stagedPath(folderName)))
            throw core::IoError(QStringLiteral("%1: cannot create the photo folder").arg(path));
        core::Feedback sub(feedback, 0, 40);
        const core::PhotoFiles written =
            core::writePhotoFiles(campaign, rows, out.stagedPath(folderName), folderName, sub);
        photoPaths = written.relativePaths;
        result.photos = written.count;
    }
    feedback.throwIfCanceled();

    const QDateTime now =
        options.nowUtc.isValid() ? options.nowUtc.toUTC() : QDateTime::currentDateTimeUtc();
    const bool geometry =
        options.format != ExportFormat::Csv && options.format != ExportFormat::Xlsx;
    auto layer = std::make_shared<core::LayerData>(
        defectLayer(rows, now, geometry, options.photos ? &photoPaths : nullptr));

    ExportFileOptions write;
    write.format = options.format;
    write.encoding = encoding;
    write.kmlNameField = QStringLiteral("name_zh");
    {
        core::Feedback sub(feedback, options.photos ? 40 : 0, 97);
        writeExportFile(out, out.fileName(), {layer}, write, sub);
    }
    feedback.throwIfCanceled();
    result.files = out.commit();
    feedback.setProgress(100);
    return result;
}

} // namespace gis
