#include "core/routing/road_network.h"

namespace core {

namespace {

int firstField(const LayerData& layer, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const int i = layer.fieldIndex(QString::fromUtf8(n));
        if (i >= 0)
            return i;
    }
    return -1;
}

} // namespace

RoadLines roadLinesFromLayers(const std::vector<LayerPtr>& layers, const RuleSet& rules) {
    RoadLines out;
    const RoleMask roadRoles = roleBit(Role::BackStreet) | roleBit(Role::MainRoad);
    for (const auto& layerPtr : layers) {
        const LayerData& layer = *layerPtr;
        if (layer.kind != GeometryKind::Line)
            continue;
        const auto masks = rules.classify(layer);
        const int highway = firstField(layer, {"highway", "fclass"});
        const int oneway = firstField(layer, {"oneway"});
        const int junction = firstField(layer, {"junction"});
        const int name = firstField(layer, {"name:zh", "name", "名称", "NAME", "路名"});
        std::size_t used = 0;
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const QString hw = layer.text(f, highway);
            RoadClass cls = roadClassFromHighway(hw);
            const RoleMask mask = f < masks.size() ? masks[f] : 0;
            if (!(mask & roadRoles) && cls == RoadClass::Other)
                continue;
            if (cls == RoadClass::Other && hw.isEmpty())
                cls = (mask & roleBit(Role::MainRoad)) ? RoadClass::Secondary
                                                       : RoadClass::Residential;
            const Oneway dir = onewayFromTags(layer.text(f, oneway), layer.text(f, junction));
            const QString streetName = layer.text(f, name).trimmed();
            const Geometry& g = layer.features[f].geometry;
            for (std::size_t part = 0; part < g.partCount(); ++part) {
                RoadLine line;
                line.points.assign(g.points.begin() + g.partBegin(part),
                                   g.points.begin() + g.partEnd(part));
                if (line.points.size() < 2)
                    continue;
                line.roadClass = cls;
                line.oneway = dir;
                line.name = streetName;
                out.lines.push_back(std::move(line));
            }
            ++used;
        }
        if (used > 0) {
            out.layers << layer.name;
            out.features += used;
        }
    }
    return out;
}

RoadGraph buildRoadGraph(const std::vector<LayerPtr>& layers, const RuleSet& rules,
                         const RoadGraphOptions& options, Feedback& feedback) {
    feedback.setProgress(0, QStringLiteral("road lines"));
    const RoadLines lines = roadLinesFromLayers(layers, rules);
    feedback.throwIfCanceled();
    feedback.setProgress(40, QStringLiteral("road graph"));
    RoadGraph g = RoadGraph::build(lines.lines, options);
    feedback.setProgress(100);
    return g;
}

} // namespace core
