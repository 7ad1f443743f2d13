#include "core/report/defect_rows.h"

#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/workflow/card_rules.h"

#include <QTimeZone>

#include <map>

namespace core {

namespace {

// Even-odd rule over every ring, so holes are outside.
bool insidePolygon(const Geometry& g, Point p) {
    bool inside = false;
    for (std::size_t r = 0; r < g.partCount(); ++r) {
        const auto begin = g.partBegin(r);
        const auto end = g.partEnd(r);
        if (end - begin < 3)
            continue;
        for (auto i = begin, j = end - 1; i < end; j = i++) {
            const Point& a = g.points[i];
            const Point& b = g.points[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    }
    return inside;
}

/// The sub-district polygons named in the campaign's metadata by the importer, when there are.
class SubdistrictLookup {
public:
    explicit SubdistrictLookup(Campaign& c) {
        const QString table = c.meta(QStringLiteral("subdistrict_layer"));
        const QString field = c.meta(QStringLiteral("subdistrict_name_field"));
        if (table.isEmpty() || field.isEmpty() || !c.layerTables().contains(table))
            return;
        layer_ = c.readLayer(table);
        nameField_ = layer_.fieldIndex(field);
        if (nameField_ < 0 || layer_.kind != GeometryKind::Polygon)
            layer_ = LayerData{};
        else if (layer_.index.size() != layer_.features.size())
            layer_.buildIndex();
    }
    QString at(const std::optional<Point>& working) const {
        if (!working || layer_.features.empty())
            return {};
        const Point p = *working;
        QString found;
        layer_.index.query(Box{p.x, p.y, p.x, p.y}, [&](std::uint32_t i) {
            if (!insidePolygon(layer_.features[i].geometry, p))
                return true;
            found = layer_.text(i, nameField_);
            return false;
        });
        return found;
    }

private:
    LayerData layer_;
    int nameField_ = -1;
};

} // namespace

QString defectCategory(const QString& code) {
    const auto dash = code.indexOf(QLatin1Char('-'));
    return (dash > 0 ? code.left(dash) : code).trimmed().toUpper();
}

QString defectCategoryChinese(const QString& category) {
    // The prefixes of the shipped taxonomy (domain.md 5.2).
    static const std::map<QString, QString> names{
        {QStringLiteral("RD"), QStringLiteral("道路设施")},
        {QStringLiteral("LT"), QStringLiteral("照明设施")},
        {QStringLiteral("WS"), QStringLiteral("垃圾分类设施")},
        {QStringLiteral("EN"), QStringLiteral("环境卫生")},
        {QStringLiteral("AD"), QStringLiteral("广告宣传")},
        {QStringLiteral("WR"), QStringLiteral("线缆")},
        {QStringLiteral("EV"), QStringLiteral("电动车充电")},
        {QStringLiteral("PK"), QStringLiteral("停车秩序")},
        {QStringLiteral("TR"), QStringLiteral("交通秩序")},
        {QStringLiteral("BZ"), QStringLiteral("经营秩序")},
        {QStringLiteral("ST"), QStringLiteral("违法建设")},
        {QStringLiteral("DG"), QStringLiteral("犬只管理")},
        {QStringLiteral("TL"), QStringLiteral("公共厕所")},
        {QStringLiteral("GR"), QStringLiteral("园林绿化")},
        {QStringLiteral("AC"), QStringLiteral("无障碍设施")},
        {QStringLiteral("MK"), QStringLiteral("市场秩序")},
        {QStringLiteral("SC"), QStringLiteral("校园周边")},
        {QStringLiteral("BH"), QStringLiteral("不文明行为")},
        {QStringLiteral("BG"), QStringLiteral("乞讨滋扰")},
    };
    const auto it = names.find(category);
    return it == names.end() ? category : it->second;
}

std::optional<int> daysOverdue(const std::optional<Card>& card, const QDateTime& nowUtc) {
    if (!card)
        return std::nullopt;
    if (!isOverdue(*card, nowUtc))
        return 0;
    const qint64 seconds = card->deadline.secsTo(nowUtc);
    return static_cast<int>((seconds + 86399) / 86400);
}

std::vector<DefectRow> collectDefectRows(Campaign& campaign, const DefectFilter& filter,
                                         Feedback& feedback) {
    feedback.setProgress(0, QStringLiteral("reading defects"));
    std::vector<Defect> defects = campaign.defects(filter);
    std::map<std::int64_t, ResponsibleUnit> units;
    for (auto& u : campaign.units())
        units.emplace(u.id, std::move(u));
    const SubdistrictLookup subdistricts(campaign);
    const QHash<QString, QString> placeNames = campaign.attachedNames();
    const Taxonomy& taxonomy = campaign.taxonomy();

    std::vector<DefectRow> rows;
    rows.reserve(defects.size());
    for (std::size_t i = 0; i < defects.size(); ++i) {
        DefectRow r;
        r.defect = std::move(defects[i]);
        const Defect& d = r.defect;
        if (const DefectType* type = taxonomy.find(d.code))
            r.nameZh = type->nameZh;
        r.category = defectCategory(d.code);
        r.categoryZh = defectCategoryChinese(r.category);
        if (d.status != CardStage::Found || d.cardColour)
            r.card = campaign.card(d.id);
        const ResponsibleUnit* unit = nullptr;
        if (d.unitId) {
            const auto it = units.find(*d.unitId);
            if (it != units.end())
                unit = &it->second;
        }
        if (unit)
            r.unitName = unit->name;
        r.attachedName = placeNames.value(d.attachId);
        r.subdistrict = subdistricts.at(d.working);
        if (r.subdistrict.isEmpty() && unit && unit->kind == UnitKind::StreetOffice)
            r.subdistrict = unit->area;
        r.photos = campaign.photos(d.id);
        rows.push_back(std::move(r));
        if (i % 512 == 511) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * static_cast<double>(i) /
                                 static_cast<double>(defects.size()));
        }
    }
    feedback.setProgress(100);
    return rows;
}

ResponsibleUnit requireUnit(Campaign& campaign, const QString& idOrName) {
    const auto all = campaign.units();
    const QString wanted = idOrName.trimmed();
    bool isNumber = false;
    const qlonglong id = wanted.toLongLong(&isNumber);
    for (const auto& u : all)
        if ((isNumber && u.id == id) || u.name == wanted)
            return u;
    for (const auto& u : all)
        if (u.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return u;
    std::vector<const ResponsibleUnit*> partial;
    for (const auto& u : all)
        if (!wanted.isEmpty() && u.name.contains(wanted, Qt::CaseInsensitive))
            partial.push_back(&u);
    if (partial.size() == 1)
        return *partial.front();
    QStringList names;
    for (const auto& u : all)
        if (names.size() < 8)
            names << QStringLiteral("%1 %2").arg(u.id).arg(u.name);
    throw Error(
        ErrorCode::InvalidInput,
        QStringLiteral("campaign %1 has %2 unit named '%3'; units: %4")
            .arg(campaign.path(),
                 partial.empty() ? QStringLiteral("no") : QStringLiteral("more than one"), wanted,
                 names.isEmpty() ? QStringLiteral("(none)") : names.join(QStringLiteral(", "))));
}

QString localTimeText(const QDateTime& utc, int utcOffsetMinutes) {
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(QTimeZone(utcOffsetMinutes * 60))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace core
