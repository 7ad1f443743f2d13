// Units sorted by key with packed prefixes come out in QString::compare's order, the order the
// draw depends on: shared prefixes longer than the packed part, shorter strings, NUL and
// surrogate pairs (Qt compares UTF-16 code units, so U+FFFF sorts after U+1F600).

#include "gis/analysis/detail/unit_order.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <random>

namespace {

struct Unit {
    QString key;
    int id = 0;
};

} // namespace

TEST_CASE("sortByKey orders keys as QString::compare does", "[candidates]") {
    const QStringList pieces{QStringLiteral("幸福路"),
                             QStringLiteral("幸福路\x1f"),
                             QStringLiteral("a"),
                             QStringLiteral(""),
                             QString(QChar(0)),
                             QString(QChar(0xFFFF)),
                             QString::fromUcs4(U"\U0001F600"),
                             QStringLiteral("\x1f"),
                             QStringLiteral("12345678"),
                             QStringLiteral("1234567"),
                             QStringLiteral("Z")};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(pieces.size()) - 1);
    std::uniform_int_distribution<int> length(0, 6);
    std::vector<Unit> units;
    for (int i = 0; i < 3000; ++i) {
        QString key;
        for (int n = length(rng); n > 0; --n)
            key += pieces[pick(rng)];
        units.push_back({key, i});
    }
    auto expected = units;
    std::stable_sort(expected.begin(), expected.end(), [](const Unit& a, const Unit& b) {
        return QString::compare(a.key, b.key, Qt::CaseSensitive) < 0;
    });
    gis::detail::sortByKey(units);
    REQUIRE(units.size() == expected.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        INFO("position " << i);
        REQUIRE(units[i].key == expected[i].key);
    }
    // The surrogate case on its own: U+FFFF after U+1F600's high surrogate.
    std::vector<Unit> two{{QString(QChar(0xFFFF)), 0}, {QString::fromUcs4(U"\U0001F600"), 1}};
    gis::detail::sortByKey(two);
    CHECK(two.front().id == 1);
}
