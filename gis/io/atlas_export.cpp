// The atlas (任务图集): cover, contents, one map page per anchor / sub-district / unit with a
// table of its defects under the map. Declared in map_export.h.
#include "gis/io/detail/map_pages.h"
#include "gis/io/map_export.h"

#include "core/render/page_document.h"
#include "core/util/error.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <map>

namespace gis {

namespace {

constexpr double kMarginPt = 15 * core::kPointsPerMm;
constexpr double kContentsRowPt = 18;
constexpr double kTableRowPt = 12.5;

struct AtlasItem {
    QString id;    ///< anchor id, sub-district name, unit name
    QString title; ///< page title
    QString kind;  ///< 农贸市场 / 街道 / unit kind
    core::Box extent;
    core::DrawLayers draw;
    std::vector<const core::Defect*> defects;
};

// Red cards first, then yellow, white, no card; closed last; then by code.
void sortDefects(std::vector<const core::Defect*>& defects) {
    std::stable_sort(defects.begin(), defects.end(),
                     [](const core::Defect* a, const core::Defect* b) {
                         const bool ca = a->status == core::CardStage::Closed;
                         const bool cb = b->status == core::CardStage::Closed;
                         if (ca != cb)
                             return cb;
                         const int ka = a->cardColour ? static_cast<int>(*a->cardColour) : -1;
                         const int kb = b->cardColour ? static_cast<int>(*b->cardColour) : -1;
                         if (ka != kb)
                             return ka > kb;
                         return a->code < b->code;
                     });
}

std::vector<AtlasItem> anchorItems(const CampaignMapData& data) {
    if (!data.draw)
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("an atlas by anchor needs a draw: run perisurvey-cli "
                                         "draw %1 first")
                              .arg(data.campaignPath));
    std::vector<AtlasItem> out;
    for (const core::AnchorDraw& a : data.draw->outcome.anchors) {
        AtlasItem item;
        item.id = a.id;
        item.kind = core::roleChineseName(a.kind);
        item.title = QStringLiteral("%1 %2 %3").arg(a.id, item.kind, a.name);
        item.draw = core::filterDrawLayers(data.drawLayers, a.id);
        for (const core::LayerPtr& l :
             {item.draw.rings, item.draw.streets, item.draw.compounds, item.draw.anchors})
            if (l)
                item.extent.expand(l->extent);
        if (item.extent.empty())
            item.extent =
                core::Box{a.location.x, a.location.y, a.location.x, a.location.y}.buffered(
                    data.draw->parameters.outerM);
        for (const core::Defect& d : data.defects) {
            if (!d.working || !item.extent.contains(*d.working))
                continue;
            bool inside = !item.draw.rings || item.draw.rings->features.empty();
            if (item.draw.rings)
                for (const core::Feature& f : item.draw.rings->features)
                    inside = inside || detail::containsPoint(f.geometry, *d.working);
            if (inside)
                item.defects.push_back(&d);
        }
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<AtlasItem> subdistrictItems(const CampaignMapData& data) {
    std::vector<AtlasItem> out;
    for (const auto& [name, geometry] : detail::subdistrictAreas(data)) {
        AtlasItem item;
        item.id = name;
        item.kind = core::roleChineseName(core::Role::Subdistrict);
        item.title = name;
        item.extent = geometry->bounds();
        for (const core::Defect& d : data.defects)
            if (d.working && detail::containsPoint(*geometry, *d.working))
                item.defects.push_back(&d);
        out.push_back(std::move(item));
    }
    if (out.empty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("campaign %1 has no sub-district polygons (role "
                                         "subdistrict) for an atlas by sub-district")
                              .arg(data.campaignPath));
    return out;
}

std::vector<AtlasItem> unitItems(const CampaignMapData& data) {
    std::vector<AtlasItem> out;
    for (const core::ResponsibleUnit& u : data.units) {
        AtlasItem item;
        item.id = u.name;
        item.kind = core::unitKindChineseName(u.kind);
        item.title = u.name;
        for (const core::Defect& d : data.defects)
            if (d.unitId == u.id && d.working) {
                item.defects.push_back(&d);
                item.extent.expand(*d.working);
            }
        if (item.defects.empty())
            continue;
        const double pad =
            std::max(250.0, 0.1 * std::max(item.extent.width(), item.extent.height()));
        item.extent = item.extent.buffered(pad);
        out.push_back(std::move(item));
    }
    if (out.empty())
        throw core::Error(core::ErrorCode::InvalidInput,
                          QStringLiteral("campaign %1 has no defects assigned to responsible "
                                         "units: nothing for an atlas by unit")
                              .arg(data.campaignPath));
    return out;
}

QString unitName(const CampaignMapData& data, std::optional<std::int64_t> id) {
    if (!id)
        return {};
    for (const core::ResponsibleUnit& u : data.units)
        if (u.id == *id)
            return u.name;
    return QString::number(*id);
}

QString defectName(const CampaignMapData& data, const QString& code) {
    const core::DefectType* t = data.taxonomy.find(code);
    return t ? t->nameZh : code;
}

void paintDefectTable(QPainter& p, const QRectF& area, const CampaignMapData& data,
                      const std::vector<const core::Defect*>& defects) {
    struct Col {
        const char* header;
        double weight;
    };
    static const Col cols[] = {{"序号", 0.5}, {"编号", 0.8},     {"问题", 2.6},    {"督办卡", 0.8},
                               {"状态", 0.7}, {"责任单位", 2.2}, {"整改期限", 1.3}};
    double total = 0;
    for (const Col& c : cols)
        total += c.weight;
    p.setFont(core::pageFont(10, true));
    p.setPen(QColor(0x10, 0x10, 0x10));
    p.drawText(QPointF(area.left(), area.top() + 10),
               QStringLiteral("问题清单（%1 条）").arg(defects.size()));
    double y = area.top() + 15;
    const int capacity = std::max(1, static_cast<int>((area.bottom() - y) / kTableRowPt) - 1);
    const bool overflow = static_cast<int>(defects.size()) > capacity;
    const int shown = overflow ? capacity - 1 : static_cast<int>(defects.size());
    const auto row = [&](const QStringList& cells, bool head) {
        double x = area.left();
        p.setFont(core::pageFont(8, head));
        if (head)
            p.fillRect(QRectF(area.left(), y, area.width(), kTableRowPt), QColor(0xE8, 0xEA, 0xED));
        const QFontMetricsF fm(p.font());
        for (int i = 0; i < 7; ++i) {
            const double w = area.width() * cols[i].weight / total;
            const QRectF cell(x, y, w, kTableRowPt);
            p.setPen(QPen(QColor(0x90, 0x90, 0x90), 0.5));
            p.drawRect(cell);
            p.setPen(QColor(0x10, 0x10, 0x10));
            p.drawText(cell.adjusted(2, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(cells.value(i), Qt::ElideRight, w - 4));
            x += w;
        }
        y += kTableRowPt;
    };
    QStringList head;
    for (const Col& c : cols)
        head << QString::fromUtf8(c.header);
    row(head, true);
    if (defects.empty()) {
        p.setFont(core::pageFont(8));
        p.drawText(QPointF(area.left() + 4, y + 9), QStringLiteral("本页范围内暂无问题记录。"));
        return;
    }
    for (int i = 0; i < shown; ++i) {
        const core::Defect& d = *defects[static_cast<std::size_t>(i)];
        row({QString::number(i + 1), d.code, defectName(data, d.code),
             d.cardColour ? core::cardColourChinese(*d.cardColour) : QStringLiteral("未发卡"),
             core::cardStageChinese(d.status), unitName(data, d.unitId),
             d.deadline.isValid() ? d.deadline.toLocalTime().toString(QStringLiteral("MM-dd HH:mm"))
                                  : QString()},
            false);
    }
    if (overflow) {
        p.setFont(core::pageFont(8));
        p.drawText(QPointF(area.left() + 4, y + 9),
                   QStringLiteral("……另有 %1 条，见问题台账（perisurvey-cli defect list）")
                       .arg(static_cast<int>(defects.size()) - shown));
    }
}

void paintCover(QPainter& p, const core::PageFormat& format, const CampaignMapData& data,
                const QString& title, const QString& byText, int items, int defects) {
    const QSizeF size = format.sizePt();
    p.save();
    p.setPen(QColor(0x10, 0x10, 0x10));
    p.setFont(core::pageFont(format.paper == core::PaperSize::A3 ? 36 : 28, true));
    p.drawText(QRectF(kMarginPt, size.height() * 0.28, size.width() - 2 * kMarginPt, 80),
               Qt::AlignHCenter | Qt::TextWordWrap, title);
    p.setFont(core::pageFont(14));
    QStringList lines{data.campaignName,
                      QStringLiteral("按%1分页，共 %2 页图").arg(byText).arg(items),
                      QStringLiteral("问题 %1 条").arg(defects)};
    if (data.draw)
        lines << QStringLiteral("抽样编号 %1（种子 %2，%3）")
                     .arg(data.draw->drawId, QString::number(data.draw->seed),
                          data.draw->createdUtc.left(10));
    lines << QStringLiteral("制图日期 %1")
                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy年M月d日")));
    double y = size.height() * 0.28 + 110;
    for (const QString& l : lines) {
        p.drawText(QRectF(kMarginPt, y, size.width() - 2 * kMarginPt, 24), Qt::AlignHCenter, l);
        y += 26;
    }
    p.setFont(core::pageFont(8));
    p.setPen(QColor(0x60, 0x60, 0x60));
    p.drawText(QRectF(kMarginPt, size.height() - kMarginPt - 24, size.width() - 2 * kMarginPt, 24),
               Qt::AlignHCenter, QStringLiteral("PeriSurvey 六个周边测评助手"));
    p.restore();
}

int contentsRowsPerPage(const core::PageFormat& format) {
    const double usable = format.sizePt().height() - 2 * kMarginPt - 60;
    return std::max(1, static_cast<int>(usable / kContentsRowPt) - 1);
}

void paintContents(QPainter& p, const core::PageFormat& format, const std::vector<AtlasItem>& items,
                   int first, int count, int firstMapPage, bool continued) {
    const QSizeF size = format.sizePt();
    const double width = size.width() - 2 * kMarginPt;
    p.save();
    p.setPen(QColor(0x10, 0x10, 0x10));
    p.setFont(core::pageFont(18, true));
    p.drawText(QPointF(kMarginPt, kMarginPt + 20),
               continued ? QStringLiteral("目录（续）") : QStringLiteral("目录"));
    double y = kMarginPt + 44;
    const double cols[] = {0.08, 0.5, 0.2, 0.11, 0.11};
    const auto row = [&](const QStringList& cells, bool head) {
        p.setFont(core::pageFont(9.5, head));
        double x = kMarginPt;
        const QFontMetricsF fm(p.font());
        for (int i = 0; i < 5; ++i) {
            const double w = width * cols[i];
            p.drawText(QRectF(x + 2, y, w - 4, kContentsRowPt),
                       Qt::AlignVCenter | (i >= 3 ? Qt::AlignRight : Qt::AlignLeft),
                       fm.elidedText(cells.value(i), Qt::ElideRight, w - 4));
            x += w;
        }
        p.setPen(QPen(QColor(0xB0, 0xB0, 0xB0), 0.5));
        p.drawLine(QPointF(kMarginPt, y + kContentsRowPt),
                   QPointF(kMarginPt + width, y + kContentsRowPt));
        p.setPen(QColor(0x10, 0x10, 0x10));
        y += kContentsRowPt;
    };
    row({QStringLiteral("序号"), QStringLiteral("名称"), QStringLiteral("类型"),
         QStringLiteral("问题数"), QStringLiteral("页码")},
        true);
    for (int i = first; i < first + count; ++i) {
        const AtlasItem& item = items[static_cast<std::size_t>(i)];
        row({QString::number(i + 1), item.title, item.kind, QString::number(item.defects.size()),
             QString::number(firstMapPage + i)},
            false);
    }
    p.restore();
}

void paintPageNumber(QPainter& p, const core::PageFormat& format, int page) {
    const QSizeF size = format.sizePt();
    p.save();
    p.setFont(core::pageFont(8));
    p.setPen(QColor(0x60, 0x60, 0x60));
    p.drawText(QRectF(0, size.height() - 22, size.width() - kMarginPt * 0.8, 12), Qt::AlignRight,
               QStringLiteral("第 %1 页").arg(page));
    p.restore();
}

} // namespace

AtlasSummary exportAtlas(const CampaignMapData& data, const QString& path,
                         const AtlasOptions& options, core::Feedback& feedback) {
    std::vector<AtlasItem> items;
    QString byText;
    switch (options.by) {
    case AtlasBy::Anchor:
        items = anchorItems(data);
        byText = QStringLiteral("点位");
        break;
    case AtlasBy::Subdistrict:
        items = subdistrictItems(data);
        byText = QStringLiteral("街道");
        break;
    case AtlasBy::Unit:
        items = unitItems(data);
        byText = QStringLiteral("责任单位");
        break;
    }
    if (items.empty())
        throw core::Error(
            core::ErrorCode::InvalidInput,
            QStringLiteral("nothing to put in an atlas of %1").arg(data.campaignPath));
    for (AtlasItem& item : items)
        sortDefects(item.defects);

    const core::PageFormat& format = options.format;
    const QString title = options.title.isEmpty()
                              ? QStringLiteral("%1 任务图集").arg(data.campaignName)
                              : options.title;
    const int perPage = contentsRowsPerPage(format);
    const int n = static_cast<int>(items.size());
    const int contentsPages = (n + perPage - 1) / perPage;
    AtlasSummary summary;
    summary.items = n;
    summary.frontPages = 1 + contentsPages;

    core::PdfDocument doc(path, format, title);
    QPainter& p = doc.painter();
    paintCover(p, format, data, title, byText, n, static_cast<int>(data.defects.size()));
    for (int c = 0; c < contentsPages; ++c) {
        doc.newPage();
        paintContents(p, format, items, c * perPage, std::min(perPage, n - c * perPage),
                      summary.frontPages + 1, c > 0);
        paintPageNumber(p, format, doc.pageCount());
    }
    const double tableHeight = format.sizePt().height() * (format.landscape ? 0.24 : 0.28);
    for (int i = 0; i < n; ++i) {
        feedback.throwIfCanceled();
        feedback.setProgress(100.0 * i / n, QStringLiteral("图集第 %1 页").arg(i + 1));
        const AtlasItem& item = items[static_cast<std::size_t>(i)];
        std::vector<core::DefectMark> marks;
        for (std::size_t k = 0; k < item.defects.size(); ++k)
            if (auto m = core::defectMark(*item.defects[k])) {
                m->number = static_cast<int>(k) + 1;
                marks.push_back(*m);
            }
        core::MapPage page =
            detail::atlasPage(data, item.extent, std::move(marks), item.draw, options.style);
        page.title = item.title;
        page.subtitle = QStringLiteral("%1 · %2 · 问题 %3 条")
                            .arg(data.campaignName, title)
                            .arg(item.defects.size());
        // The table takes what its rows need, up to a share of the page; the map gets the rest.
        page.belowHeightPt =
            std::min(tableHeight,
                     20 +
                         (static_cast<double>(std::max<std::size_t>(1, item.defects.size())) + 1) *
                             kTableRowPt +
                         4);
        page.paintBelow = [&data, &item](QPainter& painter, const QRectF& area) {
            paintDefectTable(painter, area, data, item.defects);
        };
        doc.newPage();
        core::Feedback pageFeedback(feedback, 100.0 * i / n, 100.0 * (i + 1) / n);
        core::paintMapPage(p, format, page, pageFeedback);
        paintPageNumber(p, format, doc.pageCount());
    }
    feedback.throwIfCanceled();
    doc.commit();
    feedback.setProgress(100);
    return summary;
}

} // namespace gis
