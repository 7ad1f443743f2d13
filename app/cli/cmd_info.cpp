// `perisurvey-cli info`: what each layer of a dataset is, and which features the role rules
// pick as anchors, streets, compounds and the rest.

#include "app/cli/args.h"
#include "app/cli/commands.h"

#include "core/model/roles.h"
#include "core/util/error.h"
#include "gis/layers/layer_loader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace cli {

namespace {

constexpr int kExamples = 5;

QJsonArray boxJson(const core::Box& b) {
    if (b.empty())
        return {};
    return {b.minX, b.minY, b.maxX, b.maxY};
}

struct RoleTally {
    qint64 count = 0;
    QStringList examples;
};

} // namespace

int runInfo(Context& ctx) {
    const Args args(
        ctx.args,
        {QStringLiteral("rules"), QStringLiteral("crs"), QStringLiteral("encoding"),
         QStringLiteral("lon-column"), QStringLiteral("lat-column")},
        {QStringLiteral("json"), QStringLiteral("allow-partial"), QStringLiteral("no-header")});
    if (args.positionals().isEmpty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("info needs at least one DATASET path"));
    gis::OpenOptions options;
    options.crs = args.value(QStringLiteral("crs"));
    options.encoding = args.value(QStringLiteral("encoding"));
    options.allowPartial = args.has(QStringLiteral("allow-partial"));
    options.table.lonColumn = args.value(QStringLiteral("lon-column"));
    options.table.latColumn = args.value(QStringLiteral("lat-column"));
    options.table.encoding = options.encoding;
    if (args.has(QStringLiteral("no-header")))
        options.table.hasHeader = 0;
    const core::RuleSet rules = args.has(QStringLiteral("rules"))
                                    ? core::RuleSet::fromFile(args.value(QStringLiteral("rules")))
                                    : core::RuleSet::defaults();
    const bool json = args.has(QStringLiteral("json"));

    std::array<RoleTally, core::kRoleCount> tally;
    QJsonArray layersJson;
    QStringList warnings;
    std::vector<gis::LayerInfo> allInfos;
    for (const QString& path : args.positionals()) {
        core::Feedback feedback;
        const gis::SourceDataset ds = gis::readDataset(path, options, feedback);
        warnings << ds.warnings;
        for (std::size_t i = 0; i < ds.layers.size(); ++i) {
            const core::LayerData& layer = *ds.layers[i];
            const gis::LayerInfo& info = ds.infos[i];
            allInfos.push_back(info);
            const auto masks = rules.classify(layer);
            const core::FeatureNamer namer(rules, layer);
            QJsonObject layerRoles;
            std::array<qint64, core::kRoleCount> perLayer{};
            for (std::size_t f = 0; f < masks.size(); ++f)
                for (std::size_t r = 0; r < core::kRoleCount; ++r) {
                    if (!(masks[f] & core::roleBit(core::Role(r))))
                        continue;
                    ++perLayer[r];
                    auto& t = tally[r];
                    ++t.count;
                    if (t.examples.size() < kExamples) {
                        const QString name = namer.name(f, core::Role(r));
                        if (!name.isEmpty() && !t.examples.contains(name))
                            t.examples << name;
                    }
                }
            for (std::size_t r = 0; r < core::kRoleCount; ++r)
                if (perLayer[r] > 0)
                    layerRoles[core::roleKey(core::Role(r))] = perLayer[r];

            QJsonObject lj;
            lj[QStringLiteral("path")] = info.source.path;
            lj[QStringLiteral("name")] = layer.name;
            lj[QStringLiteral("source_layer")] = info.source.layerName;
            lj[QStringLiteral("driver")] = info.source.driver;
            lj[QStringLiteral("geometry")] = core::geometryKindName(info.kind);
            lj[QStringLiteral("geometry_type")] = info.source.geometryType;
            lj[QStringLiteral("feature_count")] = static_cast<qint64>(layer.features.size());
            lj[QStringLiteral("extent")] = boxJson(layer.extent);
            lj[QStringLiteral("crs")] = info.source.crsAuthId;
            lj[QStringLiteral("crs_name")] = info.source.crsName;
            lj[QStringLiteral("crs_reason")] = info.source.crsReason;
            lj[QStringLiteral("crs_missing")] = info.crsMissing;
            QJsonArray guesses;
            for (const auto& g : info.crsGuesses)
                guesses.append(QJsonObject{{QStringLiteral("code"), g.code},
                                           {QStringLiteral("reason"), g.reason}});
            lj[QStringLiteral("crs_guesses")] = guesses;
            lj[QStringLiteral("encoding")] = info.source.encoding;
            lj[QStringLiteral("encoding_reason")] = info.source.encodingReason;
            lj[QStringLiteral("fields")] = QJsonArray::fromStringList(info.fieldNames);
            lj[QStringLiteral("roles")] = layerRoles;
            layersJson.append(lj);

            if (!json) {
                ctx.out << "Layer " << layer.name << "  (" << info.source.path << ")\n";
                ctx.out << "  driver:    " << info.source.driver << '\n';
                ctx.out << "  geometry:  " << core::geometryKindName(info.kind) << " ("
                        << info.source.geometryType << "), " << layer.features.size()
                        << " features\n";
                const auto& e = layer.extent;
                ctx.out << "  extent:    "
                        << QStringLiteral("%1, %2 - %3, %4")
                               .arg(e.minX, 0, 'f', 6)
                               .arg(e.minY, 0, 'f', 6)
                               .arg(e.maxX, 0, 'f', 6)
                               .arg(e.maxY, 0, 'f', 6)
                        << '\n';
                if (info.crsMissing) {
                    ctx.out << "  CRS:       MISSING - declare it with --crs CODE\n";
                    for (const auto& g : info.crsGuesses)
                        ctx.out << "             guess "
                                << (g.code.isEmpty() ? QStringLiteral("?") : g.code) << ": "
                                << g.reason << '\n';
                } else {
                    ctx.out << "  CRS:       " << info.source.crsAuthId << " "
                            << info.source.crsName << " (" << info.source.crsReason << ")\n";
                }
                ctx.out << "  encoding:  " << info.source.encoding << " ("
                        << info.source.encodingReason << ")\n";
                ctx.out << "  fields:    " << info.fieldNames.join(QStringLiteral(", ")) << '\n';
                // A few sample names show at once whether the text decoded right.
                const std::vector<int> nameFields = core::defaultNameFields(layer);
                QStringList samples;
                for (std::size_t f = 0; f < layer.features.size() && samples.size() < kExamples;
                     ++f) {
                    const QString n = core::nameFrom(layer, f, nameFields);
                    if (!n.isEmpty() && !samples.contains(n))
                        samples << n;
                }
                if (!samples.isEmpty())
                    ctx.out << "  names:     " << samples.join(QStringLiteral(", ")) << '\n';
                if (!layerRoles.isEmpty()) {
                    QStringList rs;
                    for (auto it = layerRoles.begin(); it != layerRoles.end(); ++it)
                        rs << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
                    ctx.out << "  roles:     " << rs.join(QStringLiteral(", ")) << '\n';
                }
                ctx.out << '\n';
            }
        }
    }

    QString working;
    try {
        const gis::Crs w = gis::workingCrsFor(allInfos);
        working = w.authId();
        if (!json)
            ctx.out << "Working CRS: " << w.authId() << " " << w.name() << '\n';
    } catch (const core::CrsError& e) {
        warnings << e.message();
    }

    QJsonObject rolesJson;
    if (!json)
        ctx.out << "\nRoles (rules: " << rules.name() << ")\n";
    for (std::size_t r = 0; r < core::kRoleCount; ++r) {
        const auto role = core::Role(r);
        rolesJson[core::roleKey(role)] = QJsonObject{
            {QStringLiteral("count"), tally[r].count},
            {QStringLiteral("examples"), QJsonArray::fromStringList(tally[r].examples)}};
        if (!json)
            ctx.out << QStringLiteral("  %1 %2 %3  %4\n")
                           .arg(core::roleKey(role), -12)
                           .arg(core::roleChineseName(role), -6)
                           .arg(tally[r].count, 7)
                           .arg(tally[r].examples.join(QStringLiteral(", ")));
    }
    if (json) {
        QJsonObject root{{QStringLiteral("layers"), layersJson},
                         {QStringLiteral("roles"), rolesJson},
                         {QStringLiteral("working_crs"), working},
                         {QStringLiteral("rules"), rules.name()},
                         {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
        ctx.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        for (const auto& w : warnings)
            ctx.out << "WARNING: " << w << '\n';
    }
    for (const auto& w : warnings)
        if (w.startsWith(QLatin1String("PARTIAL DATA")))
            ctx.err << "perisurvey-cli info: " << w << '\n';
    return Ok;
}

} // namespace cli
