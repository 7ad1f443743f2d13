#include "gis/io/text_bytes.h"

#include <algorithm>

namespace gis::detail {

// Unicode 15, table 3-7 (well-formed UTF-8 byte sequences).
Utf8Result checkUtf8(const unsigned char* p, qsizetype n) {
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        } else {
            return Utf8Result::Invalid;
        }
        for (int k = 1; k < len; ++k) {
            if (i + k >= n)
                return Utf8Result::CutAtEnd;
            const unsigned char c = p[i + k];
            const unsigned char min = k == 1 ? lo : 0x80;
            const unsigned char max = k == 1 ? hi : 0xBF;
            if (c < min || c > max)
                return Utf8Result::Invalid;
        }
        i += len;
    }
    return Utf8Result::Valid;
}

void ByteStats::add(const unsigned char* p, qsizetype n, bool mayBeCut) {
    if (std::all_of(p, p + n, [](unsigned char c) { return c < 0x80; }))
        return;
    ++nonAsciiValues;
    if (example.isEmpty()) {
        // The line holding the first non-ASCII byte (a text file is one long value).
        const auto* firstHigh = std::find_if(p, p + n, [](unsigned char c) { return c >= 0x80; });
        const auto* begin = firstHigh;
        while (begin > p && begin[-1] != '\n')
            --begin;
        const auto* end = std::find(firstHigh, p + n, static_cast<unsigned char>('\n'));
        example =
            QByteArray(reinterpret_cast<const char*>(begin), std::min<qsizetype>(end - begin, 120));
    }
    const Utf8Result utf8 = checkUtf8(p, n);
    if (utf8 == Utf8Result::Invalid || (utf8 == Utf8Result::CutAtEnd && !mayBeCut))
        ++utf8InvalidValues;

    // GBK: lead 0x81-0xFE, trail 0x40-0xFE except 0x7F. GB18030 adds lead, 0x30-0x39, lead,
    // 0x30-0x39.
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (b == 0x80 || b == 0xFF) {
            ++gbkInvalid;
            ++i;
            continue;
        }
        if (i + 1 >= n) {
            if (!mayBeCut)
                ++gbkInvalid;
            break;
        }
        const unsigned char t = p[i + 1];
        if (t >= 0x30 && t <= 0x39) {
            if (i + 3 < n && p[i + 2] >= 0x81 && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 &&
                p[i + 3] <= 0x39) {
                ++gbQuads;
                i += 4;
                continue;
            }
            if (i + 3 >= n && mayBeCut)
                break;
            ++gbkInvalid;
            ++i;
            continue;
        }
        if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
            ++gbkPairs;
            if (b >= 0xA1 && t >= 0xA1)
                ++gbkHighPairs;
            i += 2;
            continue;
        }
        ++gbkInvalid;
        ++i;
    }
}

} // namespace gis::detail
