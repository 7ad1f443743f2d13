#include "core/sampling/draw_parameters.h"

#include "core/util/error.h"

#include <QJsonArray>

#include <cmath>

namespace core {

namespace {

Error invalid(const QString& message) {
    return Error(ErrorCode::InvalidInput, message);
}

QJsonArray rangeJson(const CountRange& r) {
    return QJsonArray{r.min, r.max};
}

CountRange rangeFrom(const QJsonObject& o, const QString& key, const QString& source) {
    const auto a = o.value(key).toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
        throw FormatError(
            QStringLiteral("%1: draw parameter '%2' must be [min, max]").arg(source, key));
    return {a[0].toInt(), a[1].toInt()};
}

double number(const QJsonObject& o, const QString& key, const QString& source) {
    const auto v = o.value(key);
    if (!v.isDouble())
        throw FormatError(
            QStringLiteral("%1: draw parameter '%2' is missing or not a number").arg(source, key));
    return v.toDouble();
}

bool flag(const QJsonObject& o, const QString& key, const QString& source) {
    const auto v = o.value(key);
    if (!v.isBool())
        throw FormatError(QStringLiteral("%1: draw parameter '%2' is missing or not true/false")
                              .arg(source, key));
    return v.toBool();
}

} // namespace

QString streetRuleKey(StreetRule r) {
    switch (r) {
    case StreetRule::AnyPart:
        return QStringLiteral("any");
    case StreetRule::Midpoint:
        return QStringLiteral("midpoint");
    case StreetRule::LengthShare:
        return QStringLiteral("share");
    }
    return {};
}

QString compoundRuleKey(CompoundRule r) {
    return r == CompoundRule::Centroid ? QStringLiteral("centroid") : QStringLiteral("any");
}

void DrawParameters::validate() const {
    if (!(innerM >= 0) || !(outerM > innerM) || !std::isfinite(outerM))
        throw invalid(QStringLiteral("ring radii must satisfy 0 <= inner < outer (got inner %1 m, "
                                     "outer %2 m)")
                          .arg(innerM)
                          .arg(outerM));
    const auto checkRange = [](const CountRange& r, const char* what) {
        if (r.min < 0 || r.max < r.min || r.max > 100)
            throw invalid(QStringLiteral("--%1 wants A-B with 0 <= A <= B <= 100 (got %2-%3)")
                              .arg(QLatin1String(what))
                              .arg(r.min)
                              .arg(r.max));
    };
    checkRange(streets, "streets");
    checkRange(compounds, "compounds");
    if (anchorsPerKind < 0)
        throw invalid(QStringLiteral("--anchors-per-kind must be 0 (all) or more"));
    if (kinds.empty())
        throw invalid(QStringLiteral("--kinds names no anchor kind"));
    for (Role k : kinds)
        if (!isAnchor(k))
            throw invalid(QStringLiteral("'%1' is not an anchor kind (use market, mall, school, "
                                         "hospital, station, community)")
                              .arg(roleKey(k)));
    if (minStreetLengthM < 0 || minCompoundAreaM2 < 0 || snapToleranceM < 0)
        throw invalid(QStringLiteral("minimum street length, compound area and snap tolerance "
                                     "cannot be negative"));
    if (streetRule == StreetRule::LengthShare &&
        !(streetSharePercent > 0 && streetSharePercent <= 100))
        throw invalid(QStringLiteral("the street length share must be in (0, 100] percent"));
    if (widenStepM < 0 || (widenStepM > 0 && widenLimitM < outerM))
        throw invalid(QStringLiteral("widening needs a step > 0 and a limit >= the outer radius"));
}

std::vector<double> DrawParameters::outerSteps() const {
    std::vector<double> steps{outerM};
    if (widenStepM > 0)
        for (int i = 1; outerM + i * widenStepM <= widenLimitM + 1e-9 && i < 1000; ++i)
            steps.push_back(outerM + i * widenStepM);
    return steps;
}

QJsonObject DrawParameters::toJson() const {
    QJsonArray kindKeys;
    for (Role k : kinds)
        kindKeys.append(roleKey(k));
    return QJsonObject{
        {QStringLiteral("inner_m"), innerM},
        {QStringLiteral("outer_m"), outerM},
        {QStringLiteral("streets"), rangeJson(streets)},
        {QStringLiteral("compounds"), rangeJson(compounds)},
        {QStringLiteral("anchors_per_kind"), anchorsPerKind},
        {QStringLiteral("kinds"), kindKeys},
        {QStringLiteral("allow_repeats"), allowRepeats},
        {QStringLiteral("include_unnamed"), includeUnnamed},
        {QStringLiteral("min_street_length_m"), minStreetLengthM},
        {QStringLiteral("min_compound_area_m2"), minCompoundAreaM2},
        {QStringLiteral("compound_needs_name"), compoundNeedsName},
        {QStringLiteral("street_rule"), streetRuleKey(streetRule)},
        {QStringLiteral("street_share_percent"), streetSharePercent},
        {QStringLiteral("compound_rule"), compoundRuleKey(compoundRule)},
        {QStringLiteral("snap_tolerance_m"), snapToleranceM},
        {QStringLiteral("widen_step_m"), widenStepM},
        {QStringLiteral("widen_limit_m"), widenLimitM},
    };
}

DrawParameters DrawParameters::fromJson(const QJsonObject& o, const QString& source) {
    DrawParameters p;
    p.innerM = number(o, QStringLiteral("inner_m"), source);
    p.outerM = number(o, QStringLiteral("outer_m"), source);
    p.streets = rangeFrom(o, QStringLiteral("streets"), source);
    p.compounds = rangeFrom(o, QStringLiteral("compounds"), source);
    p.anchorsPerKind = static_cast<int>(number(o, QStringLiteral("anchors_per_kind"), source));
    p.kinds.clear();
    for (const auto& v : o.value(QStringLiteral("kinds")).toArray()) {
        const auto r = roleFromKey(v.toString());
        if (!r || !isAnchor(*r))
            throw FormatError(QStringLiteral("%1: unknown anchor kind '%2' in draw parameters")
                                  .arg(source, v.toString()));
        p.kinds.push_back(*r);
    }
    p.allowRepeats = flag(o, QStringLiteral("allow_repeats"), source);
    p.includeUnnamed = flag(o, QStringLiteral("include_unnamed"), source);
    p.minStreetLengthM = number(o, QStringLiteral("min_street_length_m"), source);
    p.minCompoundAreaM2 = number(o, QStringLiteral("min_compound_area_m2"), source);
    p.compoundNeedsName = flag(o, QStringLiteral("compound_needs_name"), source);
    const QString sr = o.value(QStringLiteral("street_rule")).toString();
    if (sr == QLatin1String("any"))
        p.streetRule = StreetRule::AnyPart;
    else if (sr == QLatin1String("midpoint"))
        p.streetRule = StreetRule::Midpoint;
    else if (sr == QLatin1String("share"))
        p.streetRule = StreetRule::LengthShare;
    else
        throw FormatError(QStringLiteral("%1: unknown street_rule '%2'").arg(source, sr));
    p.streetSharePercent = number(o, QStringLiteral("street_share_percent"), source);
    const QString cr = o.value(QStringLiteral("compound_rule")).toString();
    if (cr == QLatin1String("centroid"))
        p.compoundRule = CompoundRule::Centroid;
    else if (cr == QLatin1String("any"))
        p.compoundRule = CompoundRule::AnyPart;
    else
        throw FormatError(QStringLiteral("%1: unknown compound_rule '%2'").arg(source, cr));
    p.snapToleranceM = number(o, QStringLiteral("snap_tolerance_m"), source);
    p.widenStepM = number(o, QStringLiteral("widen_step_m"), source);
    p.widenLimitM = number(o, QStringLiteral("widen_limit_m"), source);
    return p;
}

} // namespace core
