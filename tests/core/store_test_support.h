#pragma once

// Helpers shared by the campaign-store tests: a temporary campaign in a known CRS.

#include "core/store/campaign.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

namespace testing {

inline core::CampaignCrs cgcs2000GkCm114() {
    return {QStringLiteral("EPSG:4547"), QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger CM 114E"),
            QStringLiteral(
                "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\",GEOGCS[\"China Geodetic "
                "Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,"
                "298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
                "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\","
                "0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],"
                "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                "PARAMETER[\"central_meridian\",114],PARAMETER[\"scale_factor\",1],"
                "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"4547\"]]")};
}

inline core::CampaignOptions campaignOptions(int schemaVersion = 0) {
    core::CampaignOptions o;
    o.name = QStringLiteral("西湖区 2027 春季测评");
    o.workingCrs = cgcs2000GkCm114();
    o.rulesJson = QByteArrayLiteral(R"({"name":"test","rules":[]})");
    o.actor = QStringLiteral("tester");
    o.schemaVersion = schemaVersion;
    return o;
}

inline QByteArray fileSha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

inline core::NewDefect defectAt(double lon, double lat,
                                const QString& code = QStringLiteral("EN-01")) {
    core::NewDefect d;
    d.code = code;
    d.lonLat = core::Point{lon, lat};
    d.inspector = QStringLiteral("张三");
    d.description = QStringLiteral("路边暴露垃圾");
    return d;
}

} // namespace testing
