#include "core/store/campaign.h"

#include "core/store/detail/feature_sql.h"
#include "core/store/gpkg_geometry.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <set>

namespace core {

namespace {

using detail::quotedIdentifier;

QString quoted(const QString& identifier) {
    return quotedIdentifier(identifier);
}

QString sanitizeName(const QString& raw, const QString& fallback) {
    QString out;
    for (const QChar ch : raw.trimmed())
        out += (ch.isLetterOrNumber() || ch == QLatin1Char('_')) ? ch : QLatin1Char('_');
    if (out.isEmpty())
        out = fallback;
    if (out.front().isDigit())
        out.prepend(QLatin1String("l_"));
    return out;
}

/// Names our own tables use (GeoPackage, ours, and the draw layers).
bool reservedTableName(const QString& n) {
    const QString l = n.toLower();
    return l.startsWith(QLatin1String("gpkg")) || l.startsWith(QLatin1String("ps_")) ||
           l.startsWith(QLatin1String("sqlite")) || l.startsWith(QLatin1String("rtree")) ||
           l.startsWith(QLatin1String("draw_")) || l.startsWith(QLatin1String("drawn_")) ||
           l.startsWith(QLatin1String("route_")) || l == QLatin1String("defects");
}

QString boxText(const Box& b) {
    return QStringLiteral("%1,%2,%3,%4")
        .arg(b.minX, 0, 'g', 17)
        .arg(b.minY, 0, 'g', 17)
        .arg(b.maxX, 0, 'g', 17)
        .arg(b.maxY, 0, 'g', 17);
}

} // namespace

Box Campaign::districtExtent() {
    const QStringList parts = meta(QStringLiteral("district_extent")).split(QLatin1Char(','));
    if (parts.size() != 4)
        return {};
    return Box{parts[0].toDouble(), parts[1].toDouble(), parts[2].toDouble(), parts[3].toDouble()};
}

QString Campaign::importLayer(const LayerData& layer, const Box& districtLonLat) {
    const CampaignCrs working = workingCrs();
    CampaignCrs layerCrs;
    layerCrs.authId = layer.crsAuthId.isEmpty() ? working.authId : layer.crsAuthId;
    const int srsId = layerCrs.srsId();
    {
        auto st = db_.prepare("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id=?");
        st.bind(1, srsId);
        if (srsId <= 0 || !st.step())
            throw CrsError(QStringLiteral("layer %1 is in %2, which campaign %3 does not record; "
                                          "load it in the working CRS %4")
                               .arg(layer.name, layerCrs.authId, path(), working.authId));
    }
    GpkgGeometryType type = singleOf(layer.kind);
    for (const auto& f : layer.features)
        if (narrowestGpkgType(f.geometry) == multiOf(layer.kind))
            type = multiOf(layer.kind);

    Transaction tx(db_);
    QString table = sanitizeName(layer.name, QStringLiteral("layer"));
    if (reservedTableName(table))
        table.prepend(QLatin1String("layer_"));
    {
        const QString base = table;
        auto exists = db_.prepare("SELECT 1 FROM sqlite_master WHERE lower(name)=lower(?) UNION "
                                  "SELECT 1 FROM gpkg_contents WHERE lower(table_name)=lower(?)");
        for (int n = 2;; ++n) {
            exists.bindAll(table, table);
            const bool taken = exists.step();
            exists.reset();
            if (!taken)
                break;
            table = base + QStringLiteral("_%1").arg(n);
        }
    }
    QStringList columns;
    QSet<QString> used{QStringLiteral("fid"), QStringLiteral("geom")};
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        const QString base = layer.fields[i].name.trimmed().isEmpty()
                                 ? QStringLiteral("field_%1").arg(i + 1)
                                 : layer.fields[i].name.trimmed();
        QString name = base;
        for (int n = 2; used.contains(name.toLower()); ++n)
            name = base + QStringLiteral("_%1").arg(n);
        used.insert(name.toLower());
        columns << name;
    }
    QString ddl = QStringLiteral("CREATE TABLE %1 (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                                 "geom %2")
                      .arg(quoted(table), QLatin1String(gpkgTypeName(type)));
    for (qsizetype i = 0; i < columns.size(); ++i)
        ddl += QStringLiteral(", %1 %2").arg(
            quoted(columns[static_cast<qsizetype>(i)]),
            QLatin1String(detail::sqlTypeOf(layer.fields[static_cast<std::size_t>(i)].type)));
    ddl += QLatin1Char(')');
    db_.exec(ddl.toStdString());

    std::set<std::int64_t> fids;
    bool keepFids = true;
    for (const auto& f : layer.features)
        if (f.fid <= 0 || !fids.insert(f.fid).second)
            keepFids = false;
    QString insert = QStringLiteral("INSERT INTO %1 (fid, geom").arg(quoted(table));
    for (const auto& c : columns)
        insert += QStringLiteral(", ") + quoted(c);
    insert += QStringLiteral(") VALUES (?, ?");
    for (qsizetype i = 0; i < columns.size(); ++i)
        insert += QStringLiteral(", ?");
    insert += QLatin1Char(')');
    auto ins = db_.prepare(insert.toStdString());
    Box extent;
    for (const auto& f : layer.features) {
        if (keepFids)
            ins.bind(1, static_cast<std::int64_t>(f.fid));
        else
            ins.bindNull(1);
        ins.bind(2, encodeGpkgGeometry(f.geometry, srsId, type));
        extent.expand(f.geometry.bounds());
        for (std::size_t i = 0; i < layer.fields.size(); ++i)
            detail::bindFieldValue(ins, static_cast<int>(i) + 3,
                                   i < f.attributes.size() ? f.attributes[i] : QVariant(),
                                   layer.fields[i].type);
        ins.exec();
        ins.reset();
    }
    auto contents = db_.prepare(
        "INSERT INTO gpkg_contents(table_name, data_type, identifier, description, min_x, min_y, "
        "max_x, max_y, srs_id) VALUES(?, 'features', ?, ?, ?, ?, ?, ?, ?)");
    contents.bindAll(table, table, layer.name);
    if (extent.empty()) {
        for (int i = 4; i <= 7; ++i)
            contents.bindNull(i);
    } else {
        contents.bind(4, extent.minX)
            .bind(5, extent.minY)
            .bind(6, extent.maxX)
            .bind(7, extent.maxY);
    }
    contents.bind(8, srsId).exec();
    auto geomCols = db_.prepare("INSERT INTO gpkg_geometry_columns VALUES(?, 'geom', ?, ?, 0, 0)");
    geomCols.bindAll(table, QString::fromLatin1(gpkgTypeName(type)), srsId).exec();
    const QJsonObject source{{QStringLiteral("path"), layer.source.path},
                             {QStringLiteral("layer"), layer.source.layerName},
                             {QStringLiteral("driver"), layer.source.driver},
                             {QStringLiteral("geometry_type"), layer.source.geometryType},
                             {QStringLiteral("crs"), layer.source.crsAuthId},
                             {QStringLiteral("crs_name"), layer.source.crsName},
                             {QStringLiteral("encoding"), layer.source.encoding},
                             {QStringLiteral("fields"), QJsonArray::fromStringList([&] {
                                  QStringList names;
                                  for (const auto& f : layer.fields)
                                      names << f.name;
                                  return names;
                              }())}};
    auto layers = db_.prepare("INSERT INTO ps_layers(table_name, display_name, source_json) "
                              "VALUES(?, ?, ?)");
    layers.bindAll(table, layer.name,
                   QString::fromUtf8(QJsonDocument(source).toJson(QJsonDocument::Compact)));
    layers.exec();
    if (!districtLonLat.empty()) {
        Box d = districtExtent();
        d.expand(districtLonLat);
        setMeta(QStringLiteral("district_extent"), boxText(d));
    }
    tx.commit();
    return table;
}

QStringList Campaign::layerTables() {
    QStringList out;
    auto st = db_.prepare("SELECT table_name FROM ps_layers ORDER BY rowid");
    while (st.step())
        out << st.text(0);
    return out;
}

LayerData Campaign::readLayer(const QString& table) {
    LayerData layer;
    int srsId = 0;
    {
        auto st = db_.prepare("SELECT l.display_name, l.source_json, g.geometry_type_name, "
                              "g.srs_id FROM ps_layers l JOIN gpkg_geometry_columns g "
                              "ON g.table_name=l.table_name WHERE l.table_name=?");
        st.bind(1, table);
        if (!st.step())
            throw Error(ErrorCode::NotFound,
                        QStringLiteral("campaign %1 has no imported layer %2").arg(path(), table));
        layer.name = st.text(0);
        const QJsonObject src = QJsonDocument::fromJson(st.text(1).toUtf8()).object();
        layer.source.path = src.value(QLatin1String("path")).toString();
        layer.source.layerName = src.value(QLatin1String("layer")).toString();
        layer.source.driver = src.value(QLatin1String("driver")).toString();
        layer.source.geometryType = src.value(QLatin1String("geometry_type")).toString();
        layer.source.crsAuthId = src.value(QLatin1String("crs")).toString();
        layer.source.crsName = src.value(QLatin1String("crs_name")).toString();
        layer.source.encoding = src.value(QLatin1String("encoding")).toString();
        const QString type = st.text(2);
        layer.kind = type.contains(QLatin1String("POINT"))     ? GeometryKind::Point
                     : type.contains(QLatin1String("LINE"))    ? GeometryKind::Line
                     : type.contains(QLatin1String("POLYGON")) ? GeometryKind::Polygon
                                                               : GeometryKind::None;
        srsId = static_cast<int>(st.int64(3));
        layer.crsAuthId = QStringLiteral("EPSG:%1").arg(srsId);
    }
    layer.fields = detail::tableFields(db_, table);
    QString select = QStringLiteral("SELECT fid, geom");
    for (const auto& f : layer.fields)
        select += QStringLiteral(", ") + quoted(f.name);
    select += QStringLiteral(" FROM ") + quoted(table) + QStringLiteral(" ORDER BY fid");
    auto st = db_.prepare(select.toStdString());
    while (st.step()) {
        Feature f;
        f.fid = st.int64(0);
        if (!st.isNull(1))
            f.geometry = decodeGpkgGeometry(
                st.blob(1),
                QStringLiteral("campaign %1, layer %2, feature %3").arg(path(), table).arg(f.fid));
        if (f.geometry.kind == GeometryKind::None)
            f.geometry.kind = layer.kind;
        f.attributes.reserve(layer.fields.size());
        for (std::size_t i = 0; i < layer.fields.size(); ++i)
            f.attributes.push_back(
                detail::readFieldValue(st, static_cast<int>(i) + 2, layer.fields[i].type));
        layer.features.push_back(std::move(f));
    }
    layer.buildIndex();
    return layer;
}

} // namespace core
