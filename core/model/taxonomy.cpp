#include "core/model/taxonomy.h"

#include "core/util/error.h"
#include "core/util/resources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace core {

namespace {

constexpr std::array<const char*, 4> kAttachKeys{"", "street", "compound", "anchor"};
constexpr std::array<const char*, 3> kAllowanceUnits{"working_hours", "working_days",
                                                     "calendar_hours"};

Allowance parseAllowance(const QJsonValue& v, const QString& where) {
    const QJsonObject o = v.toObject();
    Allowance a;
    a.amount = o.value(QLatin1String("amount")).toDouble(-1);
    const QString unit = o.value(QLatin1String("unit")).toString();
    bool known = false;
    for (std::size_t i = 0; i < kAllowanceUnits.size(); ++i)
        if (unit == QLatin1String(kAllowanceUnits[i])) {
            a.unit = static_cast<Allowance::Unit>(i);
            known = true;
        }
    if (!known || a.amount <= 0)
        throw FormatError(QStringLiteral("%1: a deadline needs a positive \"amount\" and a "
                                         "\"unit\" of working_hours, working_days or "
                                         "calendar_hours")
                              .arg(where));
    return a;
}

QJsonObject allowanceJson(const Allowance& a) {
    return QJsonObject{
        {QStringLiteral("amount"), a.amount},
        {QStringLiteral("unit"), QLatin1String(kAllowanceUnits[static_cast<std::size_t>(a.unit)])}};
}

} // namespace

QString attachKindKey(AttachKind k) {
    return QString::fromLatin1(kAttachKeys[static_cast<std::size_t>(k)]);
}

std::optional<AttachKind> attachKindFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (std::size_t i = 0; i < kAttachKeys.size(); ++i)
        if (k == QLatin1String(kAttachKeys[i]))
            return static_cast<AttachKind>(i);
    return std::nullopt;
}

Taxonomy Taxonomy::fromJson(const QByteArray& json, const QString& sourceName) {
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (doc.isNull() || !doc.isObject())
        throw FormatError(QStringLiteral("taxonomy %1 is not valid JSON: %2")
                              .arg(sourceName, perr.errorString()));
    const QJsonObject root = doc.object();
    Taxonomy t;
    t.name_ = root.value(QLatin1String("name")).toString(sourceName);
    const QJsonObject deadlines = root.value(QLatin1String("card_deadlines")).toObject();
    if (deadlines.contains(QLatin1String("white")))
        t.white_ = parseAllowance(deadlines.value(QLatin1String("white")),
                                  sourceName + QStringLiteral(" card_deadlines.white"));
    if (deadlines.contains(QLatin1String("yellow")))
        t.yellow_ = parseAllowance(deadlines.value(QLatin1String("yellow")),
                                   sourceName + QStringLiteral(" card_deadlines.yellow"));
    if (deadlines.contains(QLatin1String("red_severity1")))
        t.red1_ = parseAllowance(deadlines.value(QLatin1String("red_severity1")),
                                 sourceName + QStringLiteral(" card_deadlines.red_severity1"));
    const QJsonArray defects = root.value(QLatin1String("defects")).toArray();
    if (defects.isEmpty())
        throw FormatError(QStringLiteral("taxonomy %1 has no \"defects\" list").arg(sourceName));
    for (int i = 0; i < defects.size(); ++i) {
        const QJsonObject o = defects[i].toObject();
        DefectType d;
        d.code = o.value(QLatin1String("code")).toString().trimmed();
        const QString where = QStringLiteral("taxonomy %1, entry %2 (%3)")
                                  .arg(sourceName)
                                  .arg(i + 1)
                                  .arg(d.code.isEmpty() ? QStringLiteral("no code") : d.code);
        if (d.code.isEmpty())
            throw FormatError(where + QStringLiteral(": \"code\" is missing"));
        if (t.find(d.code))
            throw FormatError(where + QStringLiteral(": the code appears twice"));
        d.nameZh = o.value(QLatin1String("zh")).toString();
        d.nameEn = o.value(QLatin1String("en")).toString();
        for (const auto& a : o.value(QLatin1String("attach")).toArray())
            d.attach << a.toString();
        const auto kind = unitKindFromKey(o.value(QLatin1String("unit_kind")).toString());
        if (!kind)
            throw FormatError(where + QStringLiteral(": unknown unit_kind \"%1\"")
                                          .arg(o.value(QLatin1String("unit_kind")).toString()));
        d.unitKind = *kind;
        const auto colour = cardColourFromKey(o.value(QLatin1String("card")).toString());
        if (!colour)
            throw FormatError(where + QStringLiteral(": card must be white, yellow or red"));
        d.card = *colour;
        d.severity = o.value(QLatin1String("severity")).toInt(0);
        if (d.severity < 1 || d.severity > 3)
            throw FormatError(where + QStringLiteral(": severity must be 1, 2 or 3"));
        d.dcmCode = o.value(QLatin1String("dcm_code")).toString();
        d.note = o.value(QLatin1String("note")).toString();
        if (o.contains(QLatin1String("deadline")))
            d.deadline = parseAllowance(o.value(QLatin1String("deadline")), where);
        t.types_.push_back(std::move(d));
    }
    return t;
}

Taxonomy Taxonomy::fromFile(const QString& path) {
    QFile f(path);
    if (!f.exists())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("taxonomy file %1 does not exist").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(
            QStringLiteral("cannot read taxonomy file %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

Taxonomy Taxonomy::defaults() {
    const QString path = resourcePath(QStringLiteral("taxonomy/defects.json"));
    if (path.isEmpty())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("the shipped taxonomy resources/taxonomy/defects.json is "
                                   "missing; reinstall PeriSurvey or set PERISURVEY_RESOURCES"));
    return fromFile(path);
}

QByteArray Taxonomy::toJson() const {
    QJsonArray defects;
    for (const auto& d : types_) {
        QJsonObject o{{QStringLiteral("code"), d.code},
                      {QStringLiteral("zh"), d.nameZh},
                      {QStringLiteral("en"), d.nameEn},
                      {QStringLiteral("attach"), QJsonArray::fromStringList(d.attach)},
                      {QStringLiteral("unit_kind"), unitKindKey(d.unitKind)},
                      {QStringLiteral("card"), cardColourKey(d.card)},
                      {QStringLiteral("severity"), d.severity},
                      {QStringLiteral("dcm_code"), d.dcmCode}};
        if (!d.note.isEmpty())
            o.insert(QStringLiteral("note"), d.note);
        if (d.deadline)
            o.insert(QStringLiteral("deadline"), allowanceJson(*d.deadline));
        defects.append(o);
    }
    const QJsonObject root{{QStringLiteral("name"), name_},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("card_deadlines"),
                            QJsonObject{{QStringLiteral("white"), allowanceJson(white_)},
                                        {QStringLiteral("yellow"), allowanceJson(yellow_)},
                                        {QStringLiteral("red_severity1"), allowanceJson(red1_)}}},
                           {QStringLiteral("defects"), defects}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

const DefectType* Taxonomy::find(const QString& code) const {
    const QString c = code.trimmed();
    for (const auto& d : types_)
        if (d.code.compare(c, Qt::CaseInsensitive) == 0)
            return &d;
    return nullptr;
}

const DefectType& Taxonomy::require(const QString& code) const {
    if (const auto* d = find(code))
        return *d;
    QStringList some;
    for (std::size_t i = 0; i < types_.size() && i < 6; ++i)
        some << types_[i].code;
    throw Error(ErrorCode::InvalidInput,
                QStringLiteral("unknown defect code \"%1\" (the campaign's taxonomy has %2 codes, "
                               "e.g. %3)")
                    .arg(code)
                    .arg(types_.size())
                    .arg(some.join(QStringLiteral(", "))));
}

} // namespace core
