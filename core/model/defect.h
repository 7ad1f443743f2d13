#pragma once

#include "core/model/card.h"
#include "core/model/geometry.h"
#include "core/model/taxonomy.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

/// A recorded defect (问题) of a campaign. `lonLat` is CGCS2000 (EPSG:4490) degrees,
/// `working` the same point in the campaign's working CRS (metres). Times are UTC.
struct Defect {
    std::int64_t id = 0; ///< feature id (fid) in the campaign's `defects` layer
    QString uuid;
    QString code;
    QString description;
    int severity = 3;
    AttachKind attachKind = AttachKind::None;
    QString attachId; ///< the attached feature: "<layer table>:<fid>" or a free id
    QString inspector;
    QDateTime observedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    CardStage status = CardStage::Found;
    std::optional<std::int64_t> unitId;
    Point lonLat;
    std::optional<Point> working;
    QDateTime withdrawnAt; ///< set when the recording was withdrawn (undone); UTC
    // Filled by listing queries from the defect's card, when it has one.
    std::optional<CardColour> cardColour;
    QDateTime deadline;
};

/// A photo to attach to a defect. EXIF fields are read by the caller (gis::readExif).
struct PhotoInput {
    QByteArray data;                         ///< the JPEG/PNG file's bytes
    QString originalName;                    ///< file name as the inspector had it
    QDateTime exifTime;                      ///< UTC; null when the photo has none
    std::optional<Point> exifLonLat;         ///< WGS84 degrees from the EXIF GPS tags
    QString role = QStringLiteral("before"); ///< "before" (evidence) or "after" (re-check)
};

/// A stored photo (without its full data).
struct PhotoInfo {
    std::int64_t id = 0;
    std::int64_t defectId = 0;
    QString role;
    QString originalName;
    QString sha256;
    QString mime;
    int width = 0;
    int height = 0;
    QDateTime exifTime;
    std::optional<Point> exifLonLat;
};

/// What `defect add` records. Validation (code known, coordinates in range and near the
/// district) happens in Campaign::addDefect.
struct NewDefect {
    QString code;
    QString description;
    std::optional<Point> lonLat;  ///< EPSG:4490 degrees; may be empty when a photo has GPS
    std::optional<Point> working; ///< the same in the working CRS, computed by the caller
    AttachKind attachKind = AttachKind::None;
    QString attachId;
    QString inspector;
    QDateTime observedAt;               ///< defaults to the first photo's EXIF time, else now
    std::optional<std::int64_t> unitId; ///< overrides the suggested unit
    std::optional<int> severity;        ///< 1-3; overrides the taxonomy's for the code
    bool forceLocation = false;         ///< accept a point more than 5 km outside the district
    std::vector<PhotoInput> photos;
};

/// The editable fields of a recorded defect (Campaign::updateDefect); empty members stay.
struct DefectEdit {
    std::optional<QString> description;
    std::optional<int> severity;
};

/// Filter of Campaign::defects(); empty members do not filter.
struct DefectFilter {
    std::optional<CardStage> status;
    std::optional<std::int64_t> unitId;
    QString code;
    std::optional<CardColour> card;
    bool overdueOnly = false;
    QDateTime now; ///< reference time for overdueOnly (UTC); null = current time
    int limit = -1;
};

} // namespace core
