#include "app/desktop/dialogs/output_jobs.h"

#include "core/render/page_document.h"
#include "core/report/defect_rows.h"
#include "core/report/report_tables.h"
#include "core/store/campaign.h"
#include "core/util/error.h"
#include "gis/io/defect_export.h"
#include "gis/io/draw_export.h"
#include "gis/io/report_xlsx.h"
#include "gis/proj/crs.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace app::output {

namespace {

QString number(double v) {
    return QString::number(v, 'f', 7);
}

gis::MapExportOptions mapOptions(const gis::CampaignMapData& data, const Request& r) {
    gis::MapExportOptions o;
    o.extent = extentSpec(data, r);
    o.format = r.format;
    o.title = r.title;
    o.style = r.style;
    o.grid = r.grid;
    o.showDraw = r.showDraw;
    o.dpi = r.dpi;
    return o;
}

// The atlas's first map page, as far as the public API shows it: the first anchor's ring,
// the first sub-district (by name) or the first unit with defects. The defect table under
// the map is not drawn (gis keeps the atlas pages private).
core::MapPage atlasPreviewPage(const gis::CampaignMapData& data, const Request& r) {
    gis::MapExportOptions o;
    o.format = r.format;
    o.style = r.style;
    o.extent = QStringLiteral("district");
    std::optional<core::Box> box;
    QString itemTitle;
    switch (r.atlasBy) {
    case gis::AtlasBy::Anchor:
        if (!data.draw || data.draw->outcome.anchors.empty())
            throw core::Error(core::ErrorCode::InvalidInput,
                              QStringLiteral("an atlas by anchor needs a draw: campaign %1 "
                                             "holds none")
                                  .arg(data.campaignPath));
        {
            const core::AnchorDraw& a = data.draw->outcome.anchors.front();
            o.extent = QStringLiteral("anchor:%1").arg(a.id);
            itemTitle = QStringLiteral("%1 %2 %3").arg(a.id, core::roleChineseName(a.kind), a.name);
        }
        break;
    case gis::AtlasBy::Subdistrict: {
        const QStringList names = gis::subdistrictNames(data);
        if (names.isEmpty())
            throw core::Error(core::ErrorCode::InvalidInput,
                              QStringLiteral("campaign %1 has no sub-district polygons for an "
                                             "atlas by sub-district")
                                  .arg(data.campaignPath));
        o.extent = QStringLiteral("subdistrict:%1").arg(names.front());
        itemTitle = names.front();
        break;
    }
    case gis::AtlasBy::Unit:
        for (const core::ResponsibleUnit& u : data.units) {
            core::Box b;
            for (const core::Defect& d : data.defects)
                if (d.unitId == u.id && d.working)
                    b.expand(*d.working);
            if (b.empty())
                continue;
            box = b.buffered(std::max(250.0, 0.1 * std::max(b.width(), b.height())));
            itemTitle = u.name;
            break;
        }
        if (!box)
            throw core::Error(core::ErrorCode::InvalidInput,
                              QStringLiteral("campaign %1 has no defects assigned to responsible "
                                             "units: nothing for an atlas by unit")
                                  .arg(data.campaignPath));
        break;
    }
    core::MapPage page = gis::buildMapPage(data, o);
    if (box)
        page.extent = *box;
    page.title = itemTitle;
    page.subtitle = QStringLiteral("%1 · %2").arg(
        data.campaignName,
        r.title.isEmpty() ? QStringLiteral("%1 任务图集").arg(data.campaignName) : r.title);
    return page;
}

QStringList writeMap(core::Campaign& c, const Request& r, core::Feedback& fb) {
    const bool anchorExtent = r.extent == ExtentKind::Anchor;
    core::Feedback loading(fb, 0, 30);
    const gis::CampaignMapData data = gis::loadCampaignMap(
        c, r.showDraw || anchorExtent ? r.drawId : QString(), r.showDraw || anchorExtent, loading);
    core::Feedback writing(fb, 30, 100);
    gis::exportMap(data, r.outputPath, mapOptions(data, r), writing);
    return {QFileInfo(r.outputPath).absoluteFilePath()};
}

QStringList writeAtlas(core::Campaign& c, const Request& r, core::Feedback& fb) {
    const bool needDraw = r.atlasBy == gis::AtlasBy::Anchor;
    core::Feedback loading(fb, 0, 20);
    const gis::CampaignMapData data =
        gis::loadCampaignMap(c, needDraw ? r.drawId : QString(), needDraw, loading);
    gis::AtlasOptions o;
    o.by = r.atlasBy;
    o.format = r.format;
    o.title = r.title;
    o.style = r.style;
    core::Feedback writing(fb, 20, 100);
    gis::exportAtlas(data, r.outputPath, o, writing);
    return {QFileInfo(r.outputPath).absoluteFilePath()};
}

// The body of `perisurvey-cli report` (cmd_report.cpp keeps it inside the command).
QStringList writeReport(core::Campaign& c, const Request& r, core::Feedback& fb) {
    std::optional<core::ResponsibleUnit> unit;
    if (r.unitId) {
        unit = c.unit(*r.unitId);
        if (!unit)
            throw core::Error(core::ErrorCode::NotFound,
                              QStringLiteral("campaign %1 has no responsible unit %2")
                                  .arg(c.path())
                                  .arg(*r.unitId));
    }
    return gis::writeCampaignReport(c, unit, QDateTime::currentDateTimeUtc(), r.outputPath, fb)
        .files;
}

QStringList writeData(core::Campaign& c, const Request& r, core::Feedback& fb) {
    const QString encoding = gis::shapefileEncoding(r.encoding);
    if (r.what == DataWhat::Defects) {
        gis::DefectExportOptions o;
        o.format = r.dataFormat;
        o.encoding = encoding;
        o.photos = r.photos;
        o.nowUtc = QDateTime::currentDateTimeUtc();
        core::DefectFilter filter;
        filter.now = o.nowUtc;
        core::Feedback reading(fb, 0, 20);
        const std::vector<core::DefectRow> rows = core::collectDefectRows(c, filter, reading);
        core::Feedback writing(fb, 20, 100);
        return gis::exportDefects(c, rows, r.outputPath, o, writing).files;
    }
    gis::ExportFileOptions o;
    o.format = r.dataFormat;
    o.encoding = encoding;
    o.kmlNameField = QStringLiteral("name");
    if (r.what == DataWhat::Route)
        return gis::exportStoredRoute(c, QString(), r.outputPath, o, fb).files;
    return gis::exportDraw(c, r.drawId, r.outputPath, o, fb).files;
}

} // namespace

Choices loadChoices(Kind kind, const QString& campaignPath, const QString& drawId,
                    core::Feedback& feedback) {
    core::Campaign c = core::Campaign::open(campaignPath, core::OpenMode::ReadOnly);
    Choices out;
    out.hasDraw = !c.draws().empty();
    out.hasRoute = !c.routes().empty();
    if (kind == Kind::Map || kind == Kind::Atlas) {
        auto data = std::make_shared<gis::CampaignMapData>(
            gis::loadCampaignMap(c, drawId, out.hasDraw, feedback));
        out.subdistricts = gis::subdistrictNames(*data);
        if (data->draw)
            for (const core::AnchorDraw& a : data->draw->outcome.anchors)
                out.anchors.emplace_back(a.id, QStringLiteral("%1 %2").arg(a.id, a.name));
        for (const core::ResponsibleUnit& u : data->units)
            out.units.emplace_back(u.id, u.name);
        out.map = std::move(data);
    } else {
        for (const core::ResponsibleUnit& u : c.units())
            out.units.emplace_back(u.id, u.name);
    }
    feedback.setProgress(100);
    return out;
}

QString extentSpec(const gis::CampaignMapData& data, const Request& r) {
    switch (r.extent) {
    case ExtentKind::District:
        return QStringLiteral("district");
    case ExtentKind::Subdistrict:
        return QStringLiteral("subdistrict:%1").arg(r.extentName);
    case ExtentKind::Anchor:
        return QStringLiteral("anchor:%1").arg(r.extentName);
    case ExtentKind::CurrentView:
        break;
    }
    if (!r.view || r.view->empty())
        return QStringLiteral("district");
    // The page API takes lon/lat boxes; the edges are sampled since a projected box is curved
    // in lon/lat, so the box found holds the whole view.
    const gis::CoordinateTransform toLonLat(data.working, gis::Crs::fromEpsg(4490));
    const core::Box& v = *r.view;
    core::Box ll;
    for (int i = 0; i <= 8; ++i) {
        const double f = i / 8.0;
        for (const core::Point p : {core::Point{v.minX + f * v.width(), v.minY},
                                    core::Point{v.minX + f * v.width(), v.maxY},
                                    core::Point{v.minX, v.minY + f * v.height()},
                                    core::Point{v.maxX, v.minY + f * v.height()}})
            ll.expand(toLonLat.apply(p));
    }
    return QStringList{number(ll.minX), number(ll.minY), number(ll.maxX), number(ll.maxY)}.join(
        QLatin1Char(','));
}

QImage renderPreview(const gis::CampaignMapData& data, const Request& r, int longSidePx,
                     core::Feedback& feedback) {
    const core::MapPage page = r.kind == Kind::Atlas ? atlasPreviewPage(data, r)
                                                     : gis::buildMapPage(data, mapOptions(data, r));
    const QSizeF mm = r.format.sizeMm();
    const double dpi = longSidePx / (std::max(mm.width(), mm.height()) / 25.4);
    return core::renderPageImage(
        r.format, [&](QPainter& p) { core::paintMapPage(p, r.format, page, feedback); }, dpi);
}

QStringList writeOutput(const Request& r, core::Feedback& feedback) {
    core::Campaign c = core::Campaign::open(r.campaignPath, core::OpenMode::ReadOnly);
    QStringList files;
    switch (r.kind) {
    case Kind::Map:
        files = writeMap(c, r, feedback);
        break;
    case Kind::Atlas:
        files = writeAtlas(c, r, feedback);
        break;
    case Kind::Report:
        files = writeReport(c, r, feedback);
        break;
    case Kind::Data:
        files = writeData(c, r, feedback);
        break;
    }
    feedback.setProgress(100);
    return files;
}

} // namespace app::output
