#include "core/render/draw_certificate.h"

#include "core/render/page_flow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace core {

namespace {

QString metres(double v) {
    return QString::number(v, 'f', 1);
}

QString rangeText(const CountRange& r) {
    return r.min == r.max ? QString::number(r.min) : QStringLiteral("%1–%2").arg(r.min).arg(r.max);
}

QString kindsText(const std::vector<Role>& kinds) {
    QStringList names;
    for (Role r : kinds)
        names << roleChineseName(r);
    return names.join(QStringLiteral("、"));
}

std::vector<std::pair<QString, QString>> parameterRows(const DrawParameters& p) {
    std::vector<std::pair<QString, QString>> rows{
        {QStringLiteral("环带内径 / 外径"),
         QStringLiteral("%1 m / %2 m").arg(metres(p.innerM), metres(p.outerM))},
        {QStringLiteral("每个点位抽取"), QStringLiteral("背街小巷 %1 条，居民小区 %2 个")
                                             .arg(rangeText(p.streets), rangeText(p.compounds))},
        {QStringLiteral("每类点位数"),
         p.anchorsPerKind > 0 ? QString::number(p.anchorsPerKind) : QStringLiteral("全部")},
        {QStringLiteral("点位类型"), kindsText(p.kinds)},
        {QStringLiteral("允许重复抽取"),
         p.allowRepeats ? QStringLiteral("是") : QStringLiteral("否")},
        {QStringLiteral("无名街巷参与"),
         p.includeUnnamed ? QStringLiteral("是") : QStringLiteral("否")},
        {QStringLiteral("最短街巷 / 最小小区"),
         QStringLiteral("%1 m / %2 m²")
             .arg(metres(p.minStreetLengthM), metres(p.minCompoundAreaM2))},
        {QStringLiteral("街巷入环规则"),
         streetRuleKey(p.streetRule) + (p.streetRule == StreetRule::LengthShare
                                            ? QStringLiteral(" %1%").arg(p.streetSharePercent)
                                            : QString())},
        {QStringLiteral("小区入环规则"), compoundRuleKey(p.compoundRule)},
        {QStringLiteral("扩环"),
         p.widenStepM > 0
             ? QStringLiteral("步长 %1 m，至 %2 m").arg(metres(p.widenStepM), metres(p.widenLimitM))
             : QStringLiteral("不扩环")},
    };
    rows.emplace_back(QStringLiteral("参数原文 (JSON)"),
                      QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact)));
    return rows;
}

QString unitShortfall(const UnitDraw& u) {
    return u.shortfall > 0 ? QStringLiteral("缺 %1").arg(u.shortfall) : QString();
}

} // namespace

void writeDrawCertificate(const QString& pdfPath, const DrawRecord& r,
                          const CertificateOptions& options) {
    PageFormat format;
    PdfDocument doc(pdfPath, format, QStringLiteral("抽样证明 %1").arg(r.drawId));
    FlowWriter w(doc);
    const QDateTime printed =
        options.printedUtc.isValid() ? options.printedUtc : QDateTime::currentDateTimeUtc();
    w.setFooter(QStringLiteral("抽样编号 %1 · 结果指纹 %2 · %3")
                    .arg(r.drawId, r.resultSha256().left(16), r.software));

    w.heading(QStringLiteral("“六个周边”随机抽样证明"), 0);
    if (!options.campaignName.isEmpty())
        w.paragraph(QStringLiteral("测评活动：%1").arg(options.campaignName), 11);
    w.paragraph(QStringLiteral("本证明记录一次可复现的随机抽样：相同的输入数据、规则、参数和随机种"
                               "子，在任何电脑上用同一算法"
                               "重算都得到相同的结果（perisurvey-cli draw "
                               "verify）。输入或结果的指纹不同，即说明数据或结果已被改动。"));

    w.heading(QStringLiteral("一、抽样概况"));
    std::vector<std::pair<QString, QString>> general{
        {QStringLiteral("抽样编号"), r.drawId},
        {QStringLiteral("抽样时间 (UTC)"), r.createdUtc},
        {QStringLiteral("操作员"),
         r.operatorName.isEmpty() ? QStringLiteral("（未记录）") : r.operatorName},
        {QStringLiteral("随机种子"),
         QStringLiteral("%1%2").arg(QString::number(r.seed),
                                    r.seedFromSystem ? QStringLiteral("（由系统随机源生成）")
                                                     : QStringLiteral("（人工给定）"))},
        {QStringLiteral("软件"), r.software},
        {QStringLiteral("算法"), r.algorithm},
        {QStringLiteral("工作坐标系"), r.workingCrs},
        {QStringLiteral("结果指纹 SHA-256"), r.resultSha256()},
        {QStringLiteral("抽中点位 / 缺额"), QStringLiteral("%1 个点位，缺额合计 %2")
                                                .arg(r.outcome.anchors.size())
                                                .arg(r.totalShortfall())},
    };
    if (!r.supersedes.isEmpty())
        general.emplace_back(QStringLiteral("取代的抽样"), r.supersedes);
    if (!options.campaignPath.isEmpty())
        general.emplace_back(QStringLiteral("测评文件"), options.campaignPath);
    general.emplace_back(QStringLiteral("证明打印时间 (UTC)"),
                         printed.toUTC().toString(Qt::ISODate));
    w.keyValues(general);

    w.heading(QStringLiteral("二、抽样参数"));
    w.keyValues(parameterRows(r.parameters));

    w.heading(QStringLiteral("三、角色规则"));
    w.keyValues({{QStringLiteral("规则名称"), r.rulesName},
                 {QStringLiteral("规则指纹 SHA-256"), r.rulesSha256}});

    w.heading(QStringLiteral("四、输入数据指纹"));
    std::vector<QStringList> inputRows;
    for (const InputDataset& ds : r.inputs)
        for (const InputLayer& l : ds.layers)
            inputRows.push_back({ds.path, l.name, QString::number(l.features), l.sha256});
    w.table({{QStringLiteral("数据文件"), 3},
             {QStringLiteral("图层"), 1.6},
             {QStringLiteral("要素数"), 0.8, Qt::AlignRight},
             {QStringLiteral("SHA-256"), 4}},
            inputRows, 7.5);

    w.heading(QStringLiteral("五、抽样结果"));
    std::vector<QStringList> rows;
    for (const AnchorDraw& a : r.outcome.anchors) {
        rows.push_back({a.id, roleChineseName(a.kind), a.name, QStringLiteral("点位"),
                        QStringLiteral("处理顺序 %1").arg(a.order), QString(),
                        unitShortfall(a.streets) + unitShortfall(a.compounds)});
        for (const DrawnItem& s : a.streets.items)
            rows.push_back({QString(), QString(), s.name, QStringLiteral("背街小巷"),
                            QStringLiteral("长 %1 m").arg(metres(s.measure)),
                            QStringLiteral("%1 m").arg(metres(s.distanceM)),
                            a.streets.widened ? QStringLiteral("扩环") : QString()});
        for (const DrawnItem& c : a.compounds.items)
            rows.push_back({QString(), QString(), c.name, QStringLiteral("居民小区"),
                            QStringLiteral("面积 %1 m²").arg(metres(c.measure)),
                            QStringLiteral("%1 m").arg(metres(c.distanceM)),
                            a.compounds.widened ? QStringLiteral("扩环") : QString()});
    }
    w.table({{QStringLiteral("点位编号"), 1.3},
             {QStringLiteral("类型"), 1.1},
             {QStringLiteral("名称"), 2.6},
             {QStringLiteral("类别"), 1.1},
             {QStringLiteral("长度/面积"), 1.5, Qt::AlignRight},
             {QStringLiteral("距离"), 1.1, Qt::AlignRight},
             {QStringLiteral("备注"), 1}},
            rows, 8);

    w.heading(QStringLiteral("六、缺额说明"));
    std::vector<QStringList> shortRows;
    for (const AnchorDraw& a : r.outcome.anchors) {
        for (const auto& [u, label] :
             {std::pair<const UnitDraw*, QString>{&a.streets, QStringLiteral("背街小巷")},
              {&a.compounds, QStringLiteral("居民小区")}})
            if (u->shortfall > 0)
                shortRows.push_back({a.id, a.name, label, QString::number(u->asked),
                                     QString::number(u->items.size()),
                                     QString::number(u->shortfall),
                                     QString::number(u->candidates)});
    }
    if (shortRows.empty())
        w.paragraph(QStringLiteral("无缺额：每个点位都抽足了应抽数量。"));
    else
        w.table({{QStringLiteral("点位编号"), 1.3},
                 {QStringLiteral("名称"), 2.5},
                 {QStringLiteral("类别"), 1.1},
                 {QStringLiteral("应抽"), 0.8, Qt::AlignRight},
                 {QStringLiteral("抽中"), 0.8, Qt::AlignRight},
                 {QStringLiteral("缺额"), 0.8, Qt::AlignRight},
                 {QStringLiteral("候选数"), 0.9, Qt::AlignRight}},
                shortRows, 8);

    w.heading(QStringLiteral("七、签字"));
    w.paragraph(QStringLiteral("以上抽样由操作员在见证人监督下完成，结果与系统记录一致。"));
    w.space(6);
    w.signatureLines({QStringLiteral("操作员（签字）："), QStringLiteral("见证人（签字）：")});
    w.finishPage();
    doc.commit();
}

} // namespace core
