#include "core/demo/demo_names.h"

#include <QHash>

#include <algorithm>

namespace core {

namespace {

QStringList pool(const char* spaceSeparated) {
    return QString::fromUtf8(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QStringList& mainStems() {
    static const QStringList p =
        pool("中山 解放 建设 人民 友谊 和平 民主 复兴 新华 胜利 光明 团结 长江 武珞 中南 紫阳 首义 "
             "雄楚 八一 东湖 沙湖 南湖 白沙 楚河 黄鹤 积玉 临江 徐东 秦园 才林 文昌 松竹 青年 工业 "
             "学府 科技 丽水 万松 金桥 银河 星光 朝阳 新民 振兴 建国 育才 体育 公园 滨江 沿湖 环湖 "
             "华中 荆楚 汉江 江城 烽火 书城 珞瑜 石牌 卓刀 宝通 广埠 关山 梨园 岳家 洪湖 水果湖 "
             "晒湖 杨园 和平门 大成 三角 四美 五一 百花 千家 安居 花山 龙阳 凤凰 鹦鹉 月湖 琴台");
    return p;
}

const QStringList& backStems() {
    static const QStringList p = pool(
        "青石 柳荫 槐树 桂花 梅花 竹林 杏花 桃源 荷塘 兰亭 松柏 枫林 榆钱 杨柳 粮道 油坊 茶叶 "
        "酒坊 布市 瓦屋 井坊 仓前 庙前 塘角 湾头 坡上 岭下 桥头 堤角 闸口 铁匠 铜匠 金鱼 银杏 "
        "草市 米市 盐仓 鱼市 牛市 马房 三道 四眼井 五福 六合 七星 八角 九如 十字 小东门 长春 "
        "太平 吉庆 三多 福寿 同兴 聚宝 万福 永宁 崇福 花堤 水塔 书院 文华 学堂 药王 火神 龙王 "
        "观音 关帝 城隍 天后 大井 小井 双井 三眼桥 石桥 木桥 板桥 新桥 老街 前进 红旗 东风 跃进 "
        "红星 向阳 东升 旭光 公平 正义 仁寿 积善 德胜 安乐 长乐 福星 吉祥 如意 和顺 兴隆 昌盛 "
        "富强 粮站 邮电 纺织 机械 钢花 电厂 水厂 砖瓦 糖坊 豆腐 染坊 箍桶 竹篙 打铜 簸箕 灯笼 "
        "磨坊 车站 码头 渡口 江边 湖边 塘边 菜园 果园 苗圃 花圃 棋盘 鼓楼 钟楼 城墙 营房 马场 "
        "操场 箭道 柴市 炭市 棉花 丝线 芝麻 黄豆 绿豆 荸荠 藕塘 莲花 芦苇 杉木 樟树 桑园");
    return p;
}

const QStringList& compoundStemA() {
    static const QStringList p =
        pool("金 银 翠 碧 锦 华 丽 紫 青 绿 星 月 云 水 山 湖 江 东 南 西 北 龙 凤 福 康 安 "
             "和 祥 瑞 嘉 怡 雅 新 盛 恒 泰 德 美 阳光 幸福 世纪 书香 香樟 紫荆 桂 枫 梧桐 蓝天");
    return p;
}

const QStringList& compoundStemB() {
    static const QStringList p =
        pool("湖 城 湾 岸 庭 景 域 都 林 江 山 园 阁 轩 府 居 源 港 坊 溪 泉 峰 苑 洲 桥");
    return p;
}

const QStringList& workUnits() {
    static const QStringList p =
        pool("纺织厂 铁路 电力 邮电 粮食局 机械厂 钢铁厂 水利 教师 交通 供电局 烟草 建工 商业局 "
             "肉联厂 印刷厂 化工厂 卷烟厂 船厂 汽修厂 自来水 农机 气象 税务 地质 冶金 轻工 "
             "外贸 物资 木材厂");
    return p;
}

const QStringList& subdistrictStems() {
    static const QStringList p =
        pool("东湖 新华 花园 和平 长青 南湖 青山 梅园 翠微 友谊 建设 文昌 紫阳 白沙 中南 积玉 "
             "杨园 徐东 沙湖 珞珈 首义 黄鹤 临江 桃源 金桥 丽水 振兴 育才 凤凰 龙泉 月湖 "
             "琴台 汉江 楚河 光明 民主");
    return p;
}

QString pick(DemoRandom& rng, const QStringList& list) {
    return list[static_cast<qsizetype>(rng.below(static_cast<std::uint64_t>(list.size())))];
}

} // namespace

QString demoChineseNumber(int n) {
    static const QStringList digits = pool("零 一 二 三 四 五 六 七 八 九");
    if (n <= 0 || n >= 100)
        return QString::number(n);
    if (n < 10)
        return digits[n];
    const QString ten = QString::fromUtf8("十");
    const int tens = n / 10;
    const int ones = n % 10;
    return (tens > 1 ? digits[tens] : QString()) + ten + (ones ? digits[ones] : QString());
}

bool DemoNames::take(const QString& name) {
    if (used_.contains(name))
        return false;
    used_.insert(name);
    return true;
}

QString DemoNames::uniqueFrom(DemoRandom& rng, const QStringList& stems,
                              const QStringList& suffixes, const QString& fallbackStem) {
    // Random tries keep names varied, first plain, then with a position prefix (东青石巷);
    // when the pools run dry (city scale) an ordinal before the suffix keeps names unique and
    // still natural (青石二巷), counted per base so the search stays short.
    static const QStringList prefixes = pool("东 西 南 北 前 后 新 老 上 下 大 小");
    for (int attempt = 0; attempt < 12; ++attempt) {
        const QString prefix = attempt < 6 ? QString() : pick(rng, prefixes);
        const QString name = prefix + pick(rng, stems) + pick(rng, suffixes);
        if (take(name))
            return name;
    }
    const QString stem = fallbackStem.isEmpty() ? pick(rng, stems) : fallbackStem;
    const QString suffix = pick(rng, suffixes);
    int& n = ordinals_[stem + suffix];
    for (;;) {
        n = std::max(n, 1) + 1;
        const QString name = stem + demoChineseNumber(n) + suffix;
        if (take(name))
            return name;
    }
}

QString DemoNames::mainRoad(DemoRandom& rng, const QString& highway) {
    QStringList suffixes;
    if (highway == QLatin1String("primary"))
        suffixes = pool("大道");
    else if (highway == QLatin1String("secondary"))
        suffixes = pool("路 路 大街");
    else
        suffixes = pool("街 路 一路 二路 三路");
    return uniqueFrom(rng, mainStems(), suffixes, {});
}

QString DemoNames::throughStreet(DemoRandom& rng) {
    return uniqueFrom(rng, backStems(), pool("路 街 街"), {});
}

QString DemoNames::crossLane(DemoRandom& rng) {
    return uniqueFrom(rng, backStems(), pool("巷 巷 里 胡同 街"), {});
}

QString DemoNames::alleyOff(DemoRandom& rng, const QString& parent) {
    // Chinese alleys off a named street are numbered after it (解放路一巷); main roads and
    // lanes already ending in 巷/里/胡同 give their alleys names of their own.
    const bool numbered =
        parent.endsWith(QString::fromUtf8("路")) || parent.endsWith(QString::fromUtf8("街"));
    if (numbered && rng.chance(0.7)) {
        int& n = alleyCount_[parent];
        for (;;) {
            ++n;
            const QString name = parent + demoChineseNumber(n) + QString::fromUtf8("巷");
            if (take(name))
                return name;
        }
    }
    return uniqueFrom(rng, backStems(), pool("巷 胡同"), {});
}

QString DemoNames::compound(DemoRandom& rng, const QString& fallbackRoad) {
    static const QStringList suffixes = pool("小区 小区 小区 花园 花园 苑 苑 新村 家园");
    for (int attempt = 0; attempt < 12; ++attempt) {
        QString name;
        if (rng.chance(0.2)) {
            name = pick(rng, workUnits()) +
                   (rng.chance(0.5) ? QString::fromUtf8("新村") : QString::fromUtf8("小区"));
        } else {
            const QString b = pick(rng, compoundStemB());
            QString suffix = pick(rng, suffixes);
            if (suffix == b || (b == QString::fromUtf8("苑") && suffix.endsWith(b)))
                suffix = QString::fromUtf8("小区");
            name = pick(rng, compoundStemA()) + b + suffix;
        }
        if (take(name))
            return name;
    }
    for (int n = 1;; ++n) {
        const QString name = fallbackRoad +
                             QString::number(n * 2 + static_cast<int>(rng.below(2))) +
                             QString::fromUtf8("号院小区");
        if (take(name))
            return name;
    }
}

QString DemoNames::subdistrict(DemoRandom& rng) {
    return uniqueFrom(rng, subdistrictStems(), pool("街道"), {});
}

QString DemoNames::park(DemoRandom& rng, const QString& road) {
    const QString byRoad = road + QString::fromUtf8("公园");
    if (!road.isEmpty() && rng.chance(0.3) && take(byRoad))
        return byRoad;
    return uniqueFrom(rng, backStems(), pool("公园 游园 公园"), {});
}

QString DemoNames::anchor(DemoRandom& rng, const QStringList& roads, const QString& suffix) {
    for (const QString& road : roads) {
        if (road.isEmpty())
            continue;
        const QString name = road + suffix;
        if (rng.chance(0.75) && take(name))
            return name;
    }
    QStringList suffixes{suffix};
    return uniqueFrom(rng, mainStems(), suffixes, {});
}

} // namespace core
