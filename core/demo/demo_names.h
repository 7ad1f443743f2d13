#pragma once

#include "core/demo/demo_random.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace core {

/// Chinese numeral for 1..99 (一, 十二, 二十三); decimal digits beyond.
QString demoChineseNumber(int n);

/// Name pools of the demo district (road stems, compound stems, 街道 names, ...) and a book of
/// names already given, so names are unique within one generated district.
///
/// Every pick draws from the DemoRandom it is given, so names follow the seed. Not
/// thread-safe.
class DemoNames {
public:
    /// A main road name for a grid line: stem + 大道 (primary), 路/大街 (secondary),
    /// 街/路/N路 (tertiary).
    QString mainRoad(DemoRandom& rng, const QString& highway);
    /// A through back street (…路 / …街).
    QString throughStreet(DemoRandom& rng);
    /// A cross lane (…巷 / …里 / …胡同 / …街).
    QString crossLane(DemoRandom& rng);
    /// A dead-end alley off `parent`: "{parent}N巷" (N counts per parent), else a stem + 胡同/巷.
    QString alleyOff(DemoRandom& rng, const QString& parent);
    /// A residential compound name ending 小区/花园/苑/新村/家园; `fallbackRoad` names it
    /// "{road}N号院小区" when the pools are used up.
    QString compound(DemoRandom& rng, const QString& fallbackRoad);
    /// A 街道 name (…街道), unique.
    QString subdistrict(DemoRandom& rng);
    /// A park (…公园).
    QString park(DemoRandom& rng, const QString& road);
    /// A place stem for an anchor name: one of the candidate roads when unused with `suffix`,
    /// else a pooled stem; the result is `stem + suffix`, unique.
    QString anchor(DemoRandom& rng, const QStringList& roads, const QString& suffix);
    /// Marks a name as taken (for fixed names such as X区人民医院); false when it already was.
    bool take(const QString& name);

private:
    QString uniqueFrom(DemoRandom& rng, const QStringList& stems, const QStringList& suffixes,
                       const QString& fallbackStem);

    QSet<QString> used_;
    QHash<QString, int> alleyCount_;
    QHash<QString, int> ordinals_;
};

} // namespace core
