#pragma once

// Small helpers for benchmarks: repeat a function, report the median, print BENCH lines that
// `packaging/bootstrap bench` gathers into a table.

#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace bench {

/// Runs `fn` `repeats` times (after one warm-up when `warmup`) and returns the median in ms.
inline double medianMs(int repeats, const std::function<void()>& fn, bool warmup = true) {
    if (warmup)
        fn();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Prints one result line: BENCH name value unit note.
inline void report(const char* name, double value, const char* unit, const QString& note = {}) {
    std::printf("BENCH %s %.3f %s %s\n", name, value, unit, note.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace bench
