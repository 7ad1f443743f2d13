#include "core/model/checklist.h"

#include "core/util/error.h"
#include "core/util/resources.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace core {

namespace {

constexpr std::array<const char*, 3> kPerKeys{"500m", "5min", "site"};
constexpr std::array<const char*, 3> kResultKeys{"pass", "fail", "na"};

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString().trimmed();
}

CountRule parseCount(const QJsonObject& o, const QString& where) {
    CountRule r;
    const QString per = text(o, "per");
    bool known = false;
    for (std::size_t i = 0; i < kPerKeys.size(); ++i)
        if (per == QLatin1String(kPerKeys[i])) {
            r.per = static_cast<CountRule::Per>(i);
            known = true;
        }
    if (!known)
        throw FormatError(
            QStringLiteral("%1: count.per must be \"500m\", \"5min\" or \"site\", not \"%2\"")
                .arg(where, per));
    if (o.contains(QLatin1String("min")))
        r.min = o.value(QLatin1String("min")).toInt(-1);
    if (o.contains(QLatin1String("max")))
        r.max = o.value(QLatin1String("max")).toInt(-1);
    if ((!r.min && !r.max) || (r.min && *r.min < 0) || (r.max && *r.max < 0) ||
        (r.min && r.max && *r.min > *r.max))
        throw FormatError(QStringLiteral("%1: a count needs a \"min\" or \"max\" (whole numbers "
                                         "from 0, min not above max)")
                              .arg(where));
    r.unitZh = text(o, "unit_zh");
    r.unitEn = text(o, "unit_en");
    return r;
}

QJsonObject countJson(const CountRule& r) {
    QJsonObject o{
        {QStringLiteral("per"), QLatin1String(kPerKeys[static_cast<std::size_t>(r.per)])}};
    if (r.min)
        o.insert(QStringLiteral("min"), *r.min);
    if (r.max)
        o.insert(QStringLiteral("max"), *r.max);
    if (!r.unitZh.isEmpty())
        o.insert(QStringLiteral("unit_zh"), r.unitZh);
    if (!r.unitEn.isEmpty())
        o.insert(QStringLiteral("unit_en"), r.unitEn);
    return o;
}

} // namespace

bool CountRule::passes(int count) const {
    return (!min || count >= *min) && (!max || count <= *max);
}

QString CountRule::describe(bool chinese) const {
    QString per;
    switch (this->per) {
    case Per::Walk500m:
        per = chinese ? QStringLiteral("每500米") : QStringLiteral("per 500 m");
        break;
    case Per::FiveMinutes:
        per = chinese ? QStringLiteral("每5分钟") : QStringLiteral("per 5 minutes");
        break;
    case Per::Site:
        per = chinese ? QStringLiteral("全点位") : QStringLiteral("on site");
        break;
    }
    const QString unit = chinese ? unitZh : unitEn;
    QStringList bounds;
    if (min && max && *min == *max)
        bounds << (chinese ? QStringLiteral("= %1") : QStringLiteral("exactly %1")).arg(*min);
    else {
        if (min)
            bounds << (chinese ? QStringLiteral("≥ %1") : QStringLiteral("at least %1")).arg(*min);
        if (max)
            bounds << (chinese ? QStringLiteral("≤ %1") : QStringLiteral("at most %1")).arg(*max);
    }
    return QStringLiteral("%1 %2 %3").arg(per, bounds.join(QLatin1Char(' ')), unit).trimmed();
}

const ChecklistItem* Checklist::find(const QString& itemId) const {
    for (const auto& i : items)
        if (i.id == itemId)
            return &i;
    return nullptr;
}

ChecklistSet ChecklistSet::fromJson(const QByteArray& json, const QString& sourceName,
                                    const Taxonomy* taxonomy) {
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (doc.isNull() || !doc.isObject())
        throw FormatError(QStringLiteral("checklist file %1 is not valid JSON: %2")
                              .arg(sourceName, perr.errorString()));
    const QJsonObject root = doc.object();
    ChecklistSet set;
    set.name_ = root.value(QLatin1String("name")).toString(sourceName);
    const QJsonArray lists = root.value(QLatin1String("checklists")).toArray();
    if (lists.isEmpty())
        throw FormatError(
            QStringLiteral("checklist file %1 has no \"checklists\" list").arg(sourceName));
    for (int i = 0; i < lists.size(); ++i) {
        const QJsonObject o = lists[i].toObject();
        Checklist c;
        c.id = text(o, "id");
        const QString where = QStringLiteral("checklist file %1, checklist %2 (%3)")
                                  .arg(sourceName)
                                  .arg(i + 1)
                                  .arg(c.id.isEmpty() ? QStringLiteral("no id") : c.id);
        if (c.id.isEmpty() || text(o, "zh").isEmpty())
            throw FormatError(where + QStringLiteral(": \"id\" and \"zh\" are required"));
        if (set.find(c.id))
            throw FormatError(where + QStringLiteral(": the id appears twice"));
        c.nameZh = text(o, "zh");
        c.nameEn = text(o, "en");
        for (const auto& a : o.value(QLatin1String("applies_to")).toArray())
            c.appliesTo << a.toString().trimmed();
        if (c.appliesTo.isEmpty())
            throw FormatError(where + QStringLiteral(": \"applies_to\" lists no point type "
                                                     "(compound, back_street, market, ...)"));
        const QJsonArray items = o.value(QLatin1String("items")).toArray();
        if (items.isEmpty())
            throw FormatError(where + QStringLiteral(": no \"items\""));
        for (int j = 0; j < items.size(); ++j) {
            const QJsonObject io = items[j].toObject();
            ChecklistItem item;
            item.id = text(io, "id");
            const QString iwhere = QStringLiteral("%1, item %2 (%3)")
                                       .arg(where)
                                       .arg(j + 1)
                                       .arg(item.id.isEmpty() ? QStringLiteral("no id") : item.id);
            if (item.id.isEmpty() || text(io, "zh").isEmpty())
                throw FormatError(iwhere + QStringLiteral(": \"id\" and \"zh\" are required"));
            if (c.find(item.id))
                throw FormatError(iwhere + QStringLiteral(": the id appears twice"));
            item.nameZh = text(io, "zh");
            item.nameEn = text(io, "en");
            item.defectCode = text(io, "defect");
            if (taxonomy && !item.defectCode.isEmpty() && !taxonomy->find(item.defectCode))
                throw FormatError(iwhere + QStringLiteral(": defect code %1 is not in the "
                                                          "taxonomy \"%2\"")
                                               .arg(item.defectCode, taxonomy->name()));
            if (io.contains(QLatin1String("count")))
                item.count = parseCount(io.value(QLatin1String("count")).toObject(), iwhere);
            c.items.push_back(std::move(item));
        }
        set.lists_.push_back(std::move(c));
    }
    return set;
}

ChecklistSet ChecklistSet::fromFile(const QString& path, const Taxonomy* taxonomy) {
    QFile f(path);
    if (!f.exists())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("checklist file %1 does not exist").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(
            QStringLiteral("cannot read checklist file %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path, taxonomy);
}

ChecklistSet ChecklistSet::defaults() {
    const QString path = resourcePath(QStringLiteral("checklists/checklists.json"));
    if (path.isEmpty())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("the shipped checklists resources/checklists/checklists.json "
                                   "are missing; reinstall PeriSurvey or set "
                                   "PERISURVEY_RESOURCES"));
    return fromFile(path);
}

QByteArray ChecklistSet::toJson() const {
    QJsonArray lists;
    for (const auto& c : lists_) {
        QJsonArray items;
        for (const auto& i : c.items) {
            QJsonObject io{{QStringLiteral("id"), i.id},
                           {QStringLiteral("zh"), i.nameZh},
                           {QStringLiteral("en"), i.nameEn},
                           {QStringLiteral("defect"),
                            i.defectCode.isEmpty() ? QJsonValue() : QJsonValue(i.defectCode)}};
            if (i.count)
                io.insert(QStringLiteral("count"), countJson(*i.count));
            items.append(io);
        }
        lists.append(
            QJsonObject{{QStringLiteral("id"), c.id},
                        {QStringLiteral("zh"), c.nameZh},
                        {QStringLiteral("en"), c.nameEn},
                        {QStringLiteral("applies_to"), QJsonArray::fromStringList(c.appliesTo)},
                        {QStringLiteral("items"), items}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), name_},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("checklists"), lists}})
        .toJson(QJsonDocument::Compact);
}

const Checklist* ChecklistSet::find(const QString& id) const {
    for (const auto& c : lists_)
        if (c.id == id)
            return &c;
    return nullptr;
}

std::vector<const Checklist*> ChecklistSet::forRole(const QString& roleKey) const {
    std::vector<const Checklist*> out;
    const bool backStreet = roleKey == QLatin1String("back_street");
    for (const auto& c : lists_)
        if (c.appliesTo.contains(roleKey) ||
            (backStreet && c.appliesTo.contains(QStringLiteral("street"))))
            out.push_back(&c);
    return out;
}

QString observationResultKey(ObservationResult r) {
    return QLatin1String(kResultKeys[static_cast<std::size_t>(r)]);
}

std::optional<ObservationResult> observationResultFromKey(const QString& key) {
    for (std::size_t i = 0; i < kResultKeys.size(); ++i)
        if (key == QLatin1String(kResultKeys[i]))
            return static_cast<ObservationResult>(i);
    return std::nullopt;
}

std::vector<Observation> currentObservations(const std::vector<Observation>& all) {
    QHash<QString, std::size_t> latest;
    std::vector<Observation> out;
    for (const auto& o : all) {
        const QString key =
            o.attachId + QLatin1Char('\n') + o.checklistId + QLatin1Char('\n') + o.itemId;
        if (auto it = latest.find(key); it != latest.end())
            out[*it] = o;
        else {
            latest.insert(key, out.size());
            out.push_back(o);
        }
    }
    return out;
}

} // namespace core
