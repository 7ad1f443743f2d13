#include "core/render/map_renderer.h"

namespace core {

RenderLayer classifiedRenderLayer(LayerPtr layer, const RuleSet& rules) {
    RenderLayer rl;
    rl.layer.roles = rules.classify(*layer);
    for (RoleMask m : rl.layer.roles)
        rl.layer.layerRoles |= m;
    rl.layer.data = std::move(layer);
    rl.labels = std::make_shared<const std::vector<QString>>(featureLabels(rl.layer, rules));
    rl.overview = LineOverview::build(*rl.layer.data, rl.layer.roles, *rl.labels);
    return rl;
}

std::vector<QString> featureLabels(const ClassifiedLayer& layer, const RuleSet& rules) {
    std::vector<QString> out;
    if (!layer.data)
        return out;
    const LayerData& data = *layer.data;
    out.resize(data.features.size());
    const std::vector<int> fallback = defaultNameFields(data);
    const FeatureNamer namer(rules, data);
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const RoleMask mask = i < layer.roles.size() ? layer.roles[i] : 0;
        if (const auto role = primaryRole(mask))
            out[i] = namer.name(i, *role);
        if (out[i].isEmpty())
            out[i] = nameFrom(data, i, fallback);
    }
    return out;
}

} // namespace core
