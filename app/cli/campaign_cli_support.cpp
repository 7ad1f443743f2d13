#include "app/cli/campaign_cli_support.h"

#include "core/util/error.h"
#include "gis/io/exif_reader.h"
#include "gis/proj/crs.h"

#include <QFile>
#include <QFileInfo>

namespace cli {

core::Campaign openCampaign(const QStringList& positionals, const QString& synopsis, bool write) {
    if (positionals.isEmpty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("missing campaign FILE; usage: %1").arg(synopsis));
    return core::Campaign::open(positionals.front(),
                                write ? core::OpenMode::ReadWrite : core::OpenMode::ReadOnly);
}

std::optional<core::Point> toWorking(core::Campaign& campaign, core::Point lonLat) {
    const core::CampaignCrs crs = campaign.workingCrs();
    if (crs.authId.isEmpty())
        return std::nullopt;
    const gis::CoordinateTransform t(gis::Crs::fromEpsg(4490), gis::Crs::fromUserInput(crs.authId));
    return t.apply(lonLat);
}

core::PhotoInput readPhoto(const QString& path) {
    QFile f(path);
    if (!f.exists())
        throw core::Error(core::ErrorCode::NotFound,
                          QStringLiteral("photo %1 does not exist (--photo)").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        throw core::IoError(QStringLiteral("cannot read photo %1: %2").arg(path, f.errorString()));
    core::PhotoInput p;
    p.data = f.readAll();
    p.originalName = QFileInfo(path).fileName();
    const gis::ExifInfo exif = gis::readExif(p.data);
    p.exifTime = exif.time;
    p.exifLonLat = exif.lonLat;
    return p;
}

void escalateOnOpen(core::Campaign& campaign, const QString& actor, QTextStream& out) {
    for (const core::Card& c : campaign.escalateOverdue(actor))
        out << "escalated: defect " << campaign.requireDefect(QString::number(c.defectId)).uuid
            << " now " << core::cardColourKey(c.colour) << " card, due " << core::isoUtc(c.deadline)
            << '\n';
}

QString actorName(const QString& given) {
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

} // namespace cli
