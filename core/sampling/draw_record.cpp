#include "core/sampling/draw_record.h"

#include "core/sampling/fingerprint.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace core {

namespace {

double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

QJsonObject require(const QJsonObject& o, const char* key, const QString& source) {
    const auto v = o.value(QLatin1String(key));
    if (!v.isObject())
        throw FormatError(
            QStringLiteral("%1: draw record has no '%2' object").arg(source, QLatin1String(key)));
    return v.toObject();
}

QJsonObject itemJson(const DrawnItem& item, bool street) {
    QJsonObject o{{QStringLiteral("name"), item.name},
                  {QStringLiteral("key"), item.key},
                  {QStringLiteral("source"), item.source},
                  {QStringLiteral("x"), round2(item.nearPoint.x)},
                  {QStringLiteral("y"), round2(item.nearPoint.y)},
                  {QStringLiteral("eligible_outer_m"), round2(item.eligibleOuterM)}};
    if (street) {
        o.insert(QStringLiteral("length_m"), round2(item.measure));
        o.insert(QStringLiteral("min_dist_m"), round2(item.distanceM));
    } else {
        o.insert(QStringLiteral("area_m2"), round2(item.measure));
        o.insert(QStringLiteral("centroid_dist_m"), round2(item.distanceM));
    }
    return o;
}

DrawnItem itemFrom(const QJsonObject& o, bool street) {
    DrawnItem item;
    item.name = str(o, "name");
    item.key = str(o, "key");
    item.source = str(o, "source");
    item.nearPoint = {o.value(QStringLiteral("x")).toDouble(),
                      o.value(QStringLiteral("y")).toDouble()};
    item.eligibleOuterM = o.value(QStringLiteral("eligible_outer_m")).toDouble();
    item.measure =
        o.value(street ? QStringLiteral("length_m") : QStringLiteral("area_m2")).toDouble();
    item.distanceM =
        o.value(street ? QStringLiteral("min_dist_m") : QStringLiteral("centroid_dist_m"))
            .toDouble();
    return item;
}

QJsonArray itemsJson(const UnitDraw& u, bool street) {
    QJsonArray a;
    for (const auto& item : u.items)
        a.append(itemJson(item, street));
    return a;
}

QJsonObject anchorJson(const AnchorDraw& d) {
    const auto pair = [](auto s, auto c) {
        return QJsonObject{{QStringLiteral("streets"), s}, {QStringLiteral("compounds"), c}};
    };
    return QJsonObject{
        {QStringLiteral("id"), d.id},
        {QStringLiteral("kind"), roleKey(d.kind)},
        {QStringLiteral("kind_zh"), roleChineseName(d.kind)},
        {QStringLiteral("name"), d.name},
        {QStringLiteral("key"), d.key},
        {QStringLiteral("source"), d.source},
        {QStringLiteral("x"), round2(d.location.x)},
        {QStringLiteral("y"), round2(d.location.y)},
        {QStringLiteral("order"), d.order},
        {QStringLiteral("candidates"), pair(d.streets.candidates, d.compounds.candidates)},
        {QStringLiteral("available"), pair(d.streets.available, d.compounds.available)},
        {QStringLiteral("asked"), pair(d.streets.asked, d.compounds.asked)},
        {QStringLiteral("shortfall"), pair(d.streets.shortfall, d.compounds.shortfall)},
        {QStringLiteral("outer_used_m"), pair(d.streets.outerUsedM, d.compounds.outerUsedM)},
        {QStringLiteral("widened"), d.streets.widened || d.compounds.widened},
        {QStringLiteral("streets"), itemsJson(d.streets, true)},
        {QStringLiteral("compounds"), itemsJson(d.compounds, false)},
    };
}

UnitDraw unitFrom(const QJsonObject& a, const char* which) {
    const QLatin1String key(which);
    const bool street = key == QLatin1String("streets");
    UnitDraw u;
    u.candidates = a.value(QStringLiteral("candidates")).toObject().value(key).toInt();
    u.available = a.value(QStringLiteral("available")).toObject().value(key).toInt();
    u.asked = a.value(QStringLiteral("asked")).toObject().value(key).toInt();
    u.shortfall = a.value(QStringLiteral("shortfall")).toObject().value(key).toInt();
    u.outerUsedM = a.value(QStringLiteral("outer_used_m")).toObject().value(key).toDouble();
    for (const auto& v : a.value(key).toArray())
        u.items.push_back(itemFrom(v.toObject(), street));
    return u;
}

QString shortHash(const QString& h) {
    return h.left(12);
}

QString itemDifference(const AnchorDraw& r, const AnchorDraw& c, bool street) {
    const auto& ri = street ? r.streets.items : r.compounds.items;
    const auto& ci = street ? c.streets.items : c.compounds.items;
    const QString what = street ? QStringLiteral("street") : QStringLiteral("compound");
    for (std::size_t i = 0; i < std::max(ri.size(), ci.size()); ++i) {
        const QString label =
            QStringLiteral("anchor %1 (%2): drawn %3 %4").arg(r.id, r.name, what).arg(i + 1);
        if (i >= ri.size())
            return QStringLiteral("%1 differs: the record has none, recomputed '%2'")
                .arg(label, ci[i].name);
        if (i >= ci.size())
            return QStringLiteral("%1 differs: recorded '%2', recomputed none")
                .arg(label, ri[i].name);
        if (ri[i].key != ci[i].key)
            return QStringLiteral("%1 differs: recorded '%2', recomputed '%3'")
                .arg(label, ri[i].name, ci[i].name);
        if (std::fabs(ri[i].distanceM - ci[i].distanceM) > 0.05 ||
            std::fabs(ri[i].measure - ci[i].measure) > 0.05)
            return QStringLiteral("%1 '%2' has different measures: recorded %3 m, recomputed %4 m")
                .arg(label, ri[i].name)
                .arg(ri[i].distanceM, 0, 'f', 2)
                .arg(ci[i].distanceM, 0, 'f', 2);
    }
    return {};
}

QString inputDifference(const DrawRecord& r, const DrawRecord& c) {
    for (std::size_t i = 0; i < r.inputs.size(); ++i) {
        const auto& rd = r.inputs[i];
        if (i >= c.inputs.size())
            return QStringLiteral("input '%1' was not read again").arg(rd.path);
        const auto& cd = c.inputs[i];
        for (const auto& rl : rd.layers) {
            const auto it = std::find_if(cd.layers.begin(), cd.layers.end(),
                                         [&](const InputLayer& l) { return l.name == rl.name; });
            if (it == cd.layers.end())
                return QStringLiteral("input '%1': layer '%2' is gone").arg(rd.path, rl.name);
            if (it->sha256 != rl.sha256)
                return QStringLiteral(
                           "input '%1': layer '%2' changed (fingerprint %3, recorded %4; "
                           "%5 features, recorded %6)")
                    .arg(rd.path, rl.name, shortHash(it->sha256), shortHash(rl.sha256))
                    .arg(it->features)
                    .arg(rl.features);
        }
        for (const auto& cl : cd.layers) {
            const bool known = std::any_of(rd.layers.begin(), rd.layers.end(),
                                           [&](const InputLayer& l) { return l.name == cl.name; });
            if (!known)
                return QStringLiteral("input '%1': new layer '%2' (%3 features)")
                    .arg(rd.path, cl.name)
                    .arg(cl.features);
        }
    }
    if (c.inputs.size() > r.inputs.size())
        return QStringLiteral("an input was added: '%1'").arg(c.inputs[r.inputs.size()].path);
    return {};
}

QString parameterDifference(const DrawParameters& r, const DrawParameters& c) {
    const QJsonObject rj = r.toJson();
    const QJsonObject cj = c.toJson();
    for (auto it = rj.begin(); it != rj.end(); ++it)
        if (cj.value(it.key()) != it.value())
            return QStringLiteral("parameter '%1' changed: recorded %2, now %3")
                .arg(it.key(),
                     QString::fromUtf8(
                         QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)),
                     QString::fromUtf8(QJsonDocument(QJsonArray{cj.value(it.key())})
                                           .toJson(QJsonDocument::Compact)));
    return {};
}

} // namespace

QString DrawRecord::resultSha256() const {
    QByteArray text;
    for (const auto& a : outcome.anchors) {
        text += a.id.toUtf8() + '\x1f' + a.key.toUtf8() + '\n';
        for (const auto& s : a.streets.items)
            text += "S\x1f" + s.key.toUtf8() + '\n';
        for (const auto& m : a.compounds.items)
            text += "C\x1f" + m.key.toUtf8() + '\n';
    }
    return sha256Hex(text);
}

int DrawRecord::totalShortfall() const {
    int n = 0;
    for (const auto& a : outcome.anchors)
        n += a.streets.shortfall + a.compounds.shortfall;
    return n;
}

QJsonObject DrawRecord::toJson() const {
    QJsonArray inputArray;
    for (const auto& d : inputs) {
        QJsonArray layers;
        for (const auto& l : d.layers)
            layers.append(QJsonObject{{QStringLiteral("name"), l.name},
                                      {QStringLiteral("features"), static_cast<double>(l.features)},
                                      {QStringLiteral("sha256"), l.sha256}});
        inputArray.append(
            QJsonObject{{QStringLiteral("path"), d.path},
                        {QStringLiteral("fingerprint_scheme"), QLatin1String(kFingerprintScheme)},
                        {QStringLiteral("layers"), layers}});
    }
    QJsonArray kindArray;
    for (const auto& k : outcome.kinds)
        kindArray.append(QJsonObject{{QStringLiteral("kind"), roleKey(k.kind)},
                                     {QStringLiteral("eligible"), k.eligible},
                                     {QStringLiteral("drawn"), k.drawn}});
    QJsonArray anchorArray;
    for (const auto& a : outcome.anchors)
        anchorArray.append(anchorJson(a));
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("perisurvey-draw-record/1")},
        {QStringLiteral("draw_id"), drawId},
        {QStringLiteral("created_utc"), createdUtc},
        {QStringLiteral("operator"), operatorName},
        {QStringLiteral("software"), software},
        {QStringLiteral("algorithm"), algorithm},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("seed_from_system"), seedFromSystem},
        {QStringLiteral("parameters"), parameters.toJson()},
        {QStringLiteral("rules"), QJsonObject{{QStringLiteral("name"), rulesName},
                                              {QStringLiteral("sha256"), rulesSha256},
                                              {QStringLiteral("definition"), rules}}},
        {QStringLiteral("working_crs"), workingCrs},
        {QStringLiteral("inputs"), inputArray},
        {QStringLiteral("kinds"), kindArray},
        {QStringLiteral("anchors"), anchorArray},
        {QStringLiteral("total_shortfall"), totalShortfall()},
        {QStringLiteral("result_sha256"), resultSha256()},
        {QStringLiteral("supersedes"), supersedes},
    };
}

DrawRecord DrawRecord::fromJson(const QJsonObject& o, const QString& source) {
    if (str(o, "format") != QLatin1String("perisurvey-draw-record/1"))
        throw FormatError(QStringLiteral("%1: not a PeriSurvey draw record (format '%2')")
                              .arg(source, str(o, "format")));
    DrawRecord r;
    r.drawId = str(o, "draw_id");
    r.createdUtc = str(o, "created_utc");
    r.operatorName = str(o, "operator");
    r.software = str(o, "software");
    r.algorithm = str(o, "algorithm");
    bool ok = false;
    r.seed = str(o, "seed").toULongLong(&ok);
    if (!ok)
        throw FormatError(QStringLiteral("%1: draw record seed '%2' is not a 64-bit number")
                              .arg(source, str(o, "seed")));
    r.seedFromSystem = o.value(QStringLiteral("seed_from_system")).toBool();
    r.parameters = DrawParameters::fromJson(require(o, "parameters", source), source);
    const QJsonObject rules = require(o, "rules", source);
    r.rulesName = str(rules, "name");
    r.rulesSha256 = str(rules, "sha256");
    r.rules = rules.value(QStringLiteral("definition")).toObject();
    r.workingCrs = str(o, "working_crs");
    for (const auto& v : o.value(QStringLiteral("inputs")).toArray()) {
        const auto d = v.toObject();
        InputDataset in{str(d, "path"), {}};
        for (const auto& lv : d.value(QStringLiteral("layers")).toArray()) {
            const auto l = lv.toObject();
            in.layers.push_back(
                {str(l, "name"),
                 static_cast<std::int64_t>(l.value(QStringLiteral("features")).toDouble()),
                 str(l, "sha256")});
        }
        r.inputs.push_back(std::move(in));
    }
    for (const auto& v : o.value(QStringLiteral("kinds")).toArray()) {
        const auto k = v.toObject();
        if (const auto role = roleFromKey(str(k, "kind")))
            r.outcome.kinds.push_back({*role, k.value(QStringLiteral("eligible")).toInt(),
                                       k.value(QStringLiteral("drawn")).toInt()});
    }
    for (const auto& v : o.value(QStringLiteral("anchors")).toArray()) {
        const auto a = v.toObject();
        AnchorDraw d;
        d.id = str(a, "id");
        const auto role = roleFromKey(str(a, "kind"));
        if (!role)
            throw FormatError(QStringLiteral("%1: anchor '%2' has unknown kind '%3'")
                                  .arg(source, d.id, str(a, "kind")));
        d.kind = *role;
        d.name = str(a, "name");
        d.key = str(a, "key");
        d.source = str(a, "source");
        d.location = {a.value(QStringLiteral("x")).toDouble(),
                      a.value(QStringLiteral("y")).toDouble()};
        d.order = a.value(QStringLiteral("order")).toInt();
        d.streets = unitFrom(a, "streets");
        d.compounds = unitFrom(a, "compounds");
        const bool widened = a.value(QStringLiteral("widened")).toBool();
        d.streets.widened = widened && d.streets.outerUsedM > r.parameters.outerM;
        d.compounds.widened = widened && d.compounds.outerUsedM > r.parameters.outerM;
        r.outcome.anchors.push_back(std::move(d));
    }
    r.supersedes = str(o, "supersedes");
    return r;
}

QJsonObject rulesToJson(const RuleSet& rules) {
    const auto conditions = [](const std::vector<AttributeCondition>& list) {
        QJsonArray out;
        for (const auto& c : list) {
            QJsonObject o;
            for (const auto& t : c.tests) {
                QJsonArray values;
                if (t.op == AttributeCondition::Op::NotEmpty)
                    values.append(QStringLiteral("*"));
                for (const auto& v : t.values) {
                    if (t.op == AttributeCondition::Op::Contains)
                        values.append(QLatin1Char('~') + v);
                    else if (t.op == AttributeCondition::Op::EndsWith)
                        values.append(QLatin1Char('$') + v);
                    else if (t.op == AttributeCondition::Op::Equals)
                        values.append(v);
                }
                o.insert(t.field, values);
            }
            out.append(o);
        }
        return out;
    };
    QJsonArray list;
    for (const auto& r : rules.rules()) {
        QJsonArray geoms;
        for (auto g : r.geometries)
            geoms.append(geometryKindName(g));
        QJsonObject o{{QStringLiteral("role"), roleKey(r.role)},
                      {QStringLiteral("layer"), r.layerPattern},
                      {QStringLiteral("geometry"), geoms},
                      {QStringLiteral("match"), conditions(r.match)},
                      {QStringLiteral("exclude"), conditions(r.exclude)},
                      {QStringLiteral("name_fields"), QJsonArray::fromStringList(r.nameFields)},
                      {QStringLiteral("require_name"), r.requireName}};
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("name"), rules.name()}, {QStringLiteral("rules"), list}};
}

QString rulesFingerprint(const RuleSet& rules) {
    return sha256Hex(QJsonDocument(rulesToJson(rules)).toJson(QJsonDocument::Compact));
}

QString firstDifference(const DrawRecord& r, const DrawRecord& c) {
    if (r.algorithm != c.algorithm)
        return QStringLiteral("the draw algorithm changed: recorded '%1', this version runs '%2'")
            .arg(r.algorithm, c.algorithm);
    if (QString d = inputDifference(r, c); !d.isEmpty())
        return d;
    if (r.rulesSha256 != c.rulesSha256)
        return QStringLiteral("the role rules changed (fingerprint %1, recorded %2)")
            .arg(shortHash(c.rulesSha256), shortHash(r.rulesSha256));
    if (QString d = parameterDifference(r.parameters, c.parameters); !d.isEmpty())
        return d;
    if (r.seed != c.seed)
        return QStringLiteral("the seed changed: recorded %1, now %2").arg(r.seed).arg(c.seed);
    if (r.workingCrs != c.workingCrs)
        return QStringLiteral("the working CRS changed: recorded %1, now %2")
            .arg(r.workingCrs, c.workingCrs);
    const auto& ra = r.outcome.anchors;
    const auto& ca = c.outcome.anchors;
    for (std::size_t i = 0; i < std::max(ra.size(), ca.size()); ++i) {
        if (i >= ra.size())
            return QStringLiteral("recomputed an extra anchor %1 (%2)").arg(ca[i].id, ca[i].name);
        if (i >= ca.size())
            return QStringLiteral("anchor %1 (%2) was not drawn again").arg(ra[i].id, ra[i].name);
        if (ra[i].id != ca[i].id || ra[i].key != ca[i].key)
            return QStringLiteral("anchor %1 differs: recorded %2 (%3), recomputed %4 (%5)")
                .arg(i + 1)
                .arg(ra[i].id, ra[i].name, ca[i].id, ca[i].name);
        if (QString d = itemDifference(ra[i], ca[i], true); !d.isEmpty())
            return d;
        if (QString d = itemDifference(ra[i], ca[i], false); !d.isEmpty())
            return d;
    }
    return {};
}

} // namespace core
