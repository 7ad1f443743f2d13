#include "gis/io/map_export.h"

#include "gis/io/detail/map_pages.h"

#include "core/render/page_document.h"
#include "core/util/error.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gis {

namespace {

core::Error invalid(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

core::RuleSet campaignRules(core::Campaign& campaign) {
    const QByteArray json = campaign.rulesJson();
    if (json.trimmed().isEmpty())
        return core::RuleSet::defaults();
    return core::RuleSet::fromJson(json,
                                   QStringLiteral("campaign %1 role rules").arg(campaign.path()));
}

core::Box transformBox(const core::Box& box, const Crs& from, const Crs& to) {
    if (box.empty())
        return {};
    const CoordinateTransform t(from, to);
    core::Box out;
    // Edges sampled, not just corners: a lon/lat box is curved in a projection.
    for (int i = 0; i <= 8; ++i) {
        const double f = i / 8.0;
        for (const core::Point p : {core::Point{box.minX + f * box.width(), box.minY},
                                    core::Point{box.minX + f * box.width(), box.maxY},
                                    core::Point{box.minX, box.minY + f * box.height()},
                                    core::Point{box.maxX, box.minY + f * box.height()}})
            out.expand(t.apply(p));
    }
    return out;
}

// A lon/lat box spec ("minLon,minLat,maxLon,maxLat") as a short subtitle text
// ("114.3120–114.3495°E 30.5243–30.5544°N", about 10 m); other specs unchanged.
QString boxText(const QString& spec) {
    const QStringList parts = spec.split(QLatin1Char(','));
    if (parts.size() != 4)
        return spec;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok)
            return spec;
    }
    const auto n = [](double x) {
        return QString::number(x, 'f', 4);
    };
    return QStringLiteral("%1–%2°E %3–%4°N").arg(n(v[0]), n(v[2]), n(v[1]), n(v[3]));
}

QString todayText() {
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd"));
}

bool ringContains(const core::Geometry& g, core::Point p) {
    if (g.kind != core::GeometryKind::Polygon)
        return false;
    bool inside = false;
    for (std::size_t part = 0; part < g.partCount(); ++part) {
        const auto b = g.partBegin(part), e = g.partEnd(part);
        for (auto i = b, j = e - 1; i < e; j = i++) {
            const core::Point& a = g.points[i];
            const core::Point& c = g.points[j];
            if (((a.y > p.y) != (c.y > p.y)) &&
                (p.x < (c.x - a.x) * (p.y - a.y) / (c.y - a.y) + a.x))
                inside = !inside;
        }
    }
    return inside;
}

struct NamedArea {
    QString name;
    const core::Geometry* geometry = nullptr;
};

std::vector<NamedArea> subdistricts(const CampaignMapData& data) {
    std::vector<NamedArea> out;
    for (const core::RenderLayer& l : data.layers) {
        if (!(l.layer.layerRoles & core::roleBit(core::Role::Subdistrict)))
            continue;
        const core::LayerData& d = *l.layer.data;
        for (std::size_t i = 0; i < d.features.size(); ++i) {
            if (!(l.layer.roles[i] & core::roleBit(core::Role::Subdistrict)))
                continue;
            QString name = l.labels && i < l.labels->size() ? (*l.labels)[i] : QString();
            if (name.isEmpty())
                name = d.text(i, core::defaultNameField(d));
            out.push_back({name.trimmed(), &d.features[i].geometry});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const NamedArea& a, const NamedArea& b) { return a.name < b.name; });
    return out;
}

core::Box ringBox(const CampaignMapData& data, const QString& anchorId) {
    core::Box box;
    const core::DrawLayers one = core::filterDrawLayers(data.drawLayers, anchorId);
    for (const core::LayerPtr& l : {one.rings, one.streets, one.compounds, one.anchors})
        if (l)
            box.expand(l->extent);
    return box;
}

QStringList anchorIds(const CampaignMapData& data) {
    QStringList ids;
    if (data.draw)
        for (const core::AnchorDraw& a : data.draw->outcome.anchors)
            ids << a.id;
    return ids;
}

QString attribution(const CampaignMapData& data) {
    return data.usesOsm ? QStringLiteral("底图数据 © OpenStreetMap contributors (ODbL)")
                        : QString();
}

QString footerText(const CampaignMapData& data) {
    QString s = QStringLiteral("PeriSurvey · %1 · %2").arg(todayText(), data.working.label());
    if (data.draw)
        s += QStringLiteral(" · 抽样 %1").arg(data.draw->drawId.left(8));
    return s;
}

std::vector<core::DefectMark> marksOf(const std::vector<const core::Defect*>& defects) {
    std::vector<core::DefectMark> out;
    for (const core::Defect* d : defects)
        if (auto m = core::defectMark(*d))
            out.push_back(*m);
    return out;
}

// The base job every page starts from: the canvas's layers and standard style.
core::RenderJob baseJob(const CampaignMapData& data) {
    core::RenderJob job;
    job.layers = data.layers;
    job.devicePixelRatio = 4; // map symbols are rasters: sharp on paper
    return job;
}

core::MapPage pageFor(const CampaignMapData& data, const core::Box& extent,
                      std::vector<core::DefectMark> marks, const core::DrawLayers& draw,
                      core::DefectStyle style, double markerPx) {
    core::MapPage page;
    page.job = baseJob(data);
    page.extent = extent;
    for (core::MapOverlay& o : core::drawOverlays(draw))
        page.job.overlays.push_back(std::move(o));
    auto shared = std::make_shared<const std::vector<core::DefectMark>>(std::move(marks));
    page.job.overlays.push_back(core::defectOverlay(shared, style, markerPx));
    page.legend = core::baseMapLegend(page.job.layers, page.job.style, extent);
    for (core::LegendEntry& e : core::drawLegend(draw))
        page.legend.push_back(std::move(e));
    for (core::LegendEntry& e : core::defectLegend(*shared, style))
        page.legend.push_back(std::move(e));
    page.attribution = attribution(data);
    page.footer = footerText(data);
    return page;
}

} // namespace

CampaignMapData loadCampaignMap(core::Campaign& campaign, const QString& drawId, bool needDraw,
                                core::Feedback& feedback) {
    CampaignMapData data;
    data.campaignName = campaign.name();
    data.campaignPath = campaign.path();
    const core::CampaignCrs crs = campaign.workingCrs();
    if (crs.authId.isEmpty())
        throw invalid(QStringLiteral("campaign %1 has no working CRS: import the district's "
                                     "layers first (campaign new --import)")
                          .arg(campaign.path()));
    data.working = crs.wkt.isEmpty() ? Crs::fromUserInput(crs.authId) : Crs::fromWkt(crs.wkt);
    const core::RuleSet rules = campaignRules(campaign);
    const QStringList tables = campaign.layerTables();
    for (int i = 0; i < tables.size(); ++i) {
        feedback.throwIfCanceled();
        feedback.setProgress(60.0 * i / std::max<qsizetype>(1, tables.size()),
                             QStringLiteral("读取图层"));
        auto layer = std::make_shared<core::LayerData>(campaign.readLayer(tables[i]));
        if (layer->source.driver.compare(QLatin1String("OSM"), Qt::CaseInsensitive) == 0)
            data.usesOsm = true;
        data.layers.push_back(core::classifiedRenderLayer(std::move(layer), rules));
    }
    data.taxonomy = campaign.taxonomy();
    data.defects = campaign.defects();
    data.units = campaign.units();
    const core::Box lonLat = campaign.districtExtent();
    if (!lonLat.empty())
        data.districtWorking = transformBox(lonLat, Crs::fromEpsg(4490), data.working);
    if (data.districtWorking.empty())
        for (const core::RenderLayer& l : data.layers)
            data.districtWorking.expand(l.layer.data->extent);
    if (needDraw || !drawId.isEmpty()) {
        data.draw = campaign.requireDraw(drawId);
        const auto read = [&](const char* name) {
            return std::make_shared<const core::LayerData>(
                campaign.readDrawLayer(QLatin1String(name), data.draw->drawId));
        };
        data.drawLayers = {read("anchors"), read("rings"), read("drawn_streets"),
                           read("drawn_compounds")};
    }
    feedback.setProgress(70);
    return data;
}

core::Box resolveExtent(const CampaignMapData& data, const QString& specIn) {
    const QString spec = specIn.trimmed();
    const QString accepted = QStringLiteral(
        "use district, subdistrict:NAME, anchor:ID or LON,LAT,LON,LAT (CGCS2000 degrees)");
    if (spec.isEmpty() || spec.compare(QLatin1String("district"), Qt::CaseInsensitive) == 0) {
        if (data.districtWorking.empty())
            throw invalid(
                QStringLiteral("campaign %1 has no layers to show").arg(data.campaignPath));
        return data.districtWorking;
    }
    if (spec.startsWith(QLatin1String("subdistrict:"), Qt::CaseInsensitive)) {
        const QString name = spec.mid(12).trimmed();
        QStringList known;
        core::Box box;
        for (const NamedArea& a : subdistricts(data)) {
            known << a.name;
            if (a.name == name)
                box.expand(a.geometry->bounds());
        }
        if (box.empty())
            throw invalid(QStringLiteral("--extent %1: no sub-district named \"%2\"; known: %3")
                              .arg(spec, name,
                                   known.isEmpty() ? QStringLiteral("(none)")
                                                   : known.join(QStringLiteral(", "))));
        return box;
    }
    if (spec.startsWith(QLatin1String("anchor:"), Qt::CaseInsensitive)) {
        const QString id = spec.mid(7).trimmed();
        if (!data.draw)
            throw invalid(QStringLiteral("--extent %1 needs a draw: run perisurvey-cli draw %2")
                              .arg(spec, data.campaignPath));
        const core::Box box = ringBox(data, id);
        if (box.empty())
            throw invalid(
                QStringLiteral("--extent %1: draw %2 has no anchor %3; its anchors: %4")
                    .arg(spec, data.draw->drawId, id, anchorIds(data).join(QStringLiteral(", "))));
        return box;
    }
    const QStringList parts = spec.split(QLatin1Char(','));
    if (parts.size() == 4) {
        double v[4];
        for (int i = 0; i < 4; ++i) {
            bool ok = false;
            v[i] = parts[i].trimmed().toDouble(&ok);
            if (!ok)
                throw invalid(QStringLiteral("--extent %1: \"%2\" is not a number; %3")
                                  .arg(spec, parts[i], accepted));
        }
        const core::Box lonLat{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
                               std::max(v[1], v[3])};
        if (lonLat.minX < -180 || lonLat.maxX > 180 || lonLat.minY < -90 || lonLat.maxY > 90 ||
            lonLat.width() <= 0 || lonLat.height() <= 0)
            throw invalid(QStringLiteral("--extent %1: not a lon/lat box with some area; %2")
                              .arg(spec, accepted));
        return transformBox(lonLat, Crs::fromEpsg(4490), data.working);
    }
    throw invalid(QStringLiteral("--extent %1: unknown extent; %2").arg(spec, accepted));
}

core::MapPage buildMapPage(const CampaignMapData& data, const MapExportOptions& options) {
    const core::Box extent = resolveExtent(data, options.extent);
    core::DrawLayers draw;
    const QString spec = options.extent.trimmed();
    if (spec.startsWith(QLatin1String("anchor:"), Qt::CaseInsensitive))
        draw = core::filterDrawLayers(data.drawLayers, spec.mid(7).trimmed());
    else if (options.showDraw)
        draw = data.drawLayers;
    // Only the defects on the page: the legend then lists the styles the page shows.
    const core::Box shown = extent.buffered(0.25 * std::max(extent.width(), extent.height()));
    std::vector<const core::Defect*> defects;
    for (const core::Defect& d : data.defects)
        if (d.working && shown.contains(*d.working))
            defects.push_back(&d);
    core::MapPage page = pageFor(data, extent, marksOf(defects), draw, options.style, 12);
    page.title = options.title.isEmpty() ? QStringLiteral("%1 问题分布图").arg(data.campaignName)
                                         : options.title;
    QString what = QStringLiteral("全区");
    if (spec.startsWith(QLatin1String("subdistrict:"), Qt::CaseInsensitive))
        what = spec.mid(12).trimmed();
    else if (spec.startsWith(QLatin1String("anchor:"), Qt::CaseInsensitive))
        what = QStringLiteral("点位 %1").arg(spec.mid(7).trimmed());
    else if (!spec.isEmpty() && spec.compare(QLatin1String("district"), Qt::CaseInsensitive) != 0)
        what = QStringLiteral("范围 %1").arg(boxText(spec));
    page.subtitle = QStringLiteral("%1 · %2 · 问题 %3 条 · 按%4着色 · 制图日期 %5")
                        .arg(data.campaignName, what)
                        .arg(defects.size())
                        .arg(options.style == core::DefectStyle::Card ? QStringLiteral("督办卡颜色")
                                                                      : QStringLiteral("问题类别"),
                             todayText());
    page.grid = options.grid;
    return page;
}

core::MapPageLayout exportMap(const CampaignMapData& data, const QString& path,
                              const MapExportOptions& options, core::Feedback& feedback) {
    core::pageFileFormatFor(path); // an unknown extension fails before any work
    const core::MapPage page = buildMapPage(data, options);
    core::MapPageLayout layout;
    core::writePageFile(
        path, options.format, page.title,
        [&](QPainter& p) { layout = core::paintMapPage(p, options.format, page, feedback); },
        options.dpi);
    feedback.setProgress(100);
    return layout;
}

std::optional<AtlasBy> atlasByFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("anchor"))
        return AtlasBy::Anchor;
    if (k == QLatin1String("subdistrict"))
        return AtlasBy::Subdistrict;
    if (k == QLatin1String("unit"))
        return AtlasBy::Unit;
    return std::nullopt;
}

QStringList subdistrictNames(const CampaignMapData& data) {
    QStringList names;
    for (const NamedArea& a : subdistricts(data))
        if (!a.name.isEmpty())
            names << a.name;
    names.removeDuplicates();
    return names;
}

namespace detail {

core::MapPage atlasPage(const CampaignMapData& data, const core::Box& extent,
                        std::vector<core::DefectMark> marks, const core::DrawLayers& draw,
                        core::DefectStyle style) {
    return pageFor(data, extent, std::move(marks), draw, style, 14);
}

bool containsPoint(const core::Geometry& polygon, core::Point p) {
    return ringContains(polygon, p);
}

std::vector<std::pair<QString, const core::Geometry*>> subdistrictAreas(const CampaignMapData& d) {
    std::vector<std::pair<QString, const core::Geometry*>> out;
    for (const NamedArea& a : subdistricts(d))
        out.emplace_back(a.name, a.geometry);
    return out;
}

QString pageFooter(const CampaignMapData& data) {
    return footerText(data);
}

} // namespace detail

} // namespace gis
