#pragma once

// Byte-level encoding evidence shared by the shapefile and text-file encoding decisions.

#include <QByteArray>

#include <cstdint>

namespace gis::detail {

/// Statistics over raw byte strings gathered without knowing their encoding: are they ASCII,
/// UTF-8, GBK? Each value is scanned on its own so that no sequence spans two values. Used to
/// tell what encoding a .dbf or a text file really uses. Plain value type, any thread.
struct ByteStats {
    std::int64_t nonAsciiValues = 0;
    std::int64_t utf8InvalidValues = 0;
    std::int64_t gbkPairs = 0;     // valid GBK double-byte sequences
    std::int64_t gbkHighPairs = 0; // of those, both bytes >= 0xA1 (the GB2312 area)
    std::int64_t gbQuads = 0;      // GB18030 four-byte sequences
    std::int64_t gbkInvalid = 0;   // bytes >= 0x80 that start no valid sequence
    QByteArray example;            // the first value with non-ASCII bytes

    /// Scans one value of `n` bytes. `mayBeCut`: the value fills its container (a DBF field, a
    /// file sample), so its last character may have been cut by the writer or by us.
    void add(const unsigned char* p, qsizetype n, bool mayBeCut);

    std::int64_t gbValid() const { return gbkPairs + gbQuads; }
    double gbValidFraction() const {
        const auto total = gbValid() + gbkInvalid;
        return total == 0 ? 0.0 : static_cast<double>(gbValid()) / static_cast<double>(total);
    }
    /// True when the non-ASCII bytes read as GBK/GB18030 text: at least 95% of them form valid
    /// sequences, and at least half of the pairs lie in the GB2312 area (both bytes >= 0xA1),
    /// where real Chinese text lives; Latin-1 accents followed by ASCII letters also form
    /// "valid" GBK pairs, but with a low trail byte.
    bool looksLikeGbk() const {
        if (gbValid() == 0 || gbValidFraction() < 0.95)
            return false;
        return static_cast<double>(gbkHighPairs + gbQuads) >= 0.5 * static_cast<double>(gbValid());
    }
};

/// The outcome of checking bytes for well-formed UTF-8.
enum class Utf8Result {
    Valid,
    Invalid,
    CutAtEnd ///< valid except for a multi-byte sequence cut short by the end of the bytes
};

/// Checks `n` bytes against Unicode's table of well-formed UTF-8 sequences (no overlong forms,
/// surrogates or code points above U+10FFFF).
Utf8Result checkUtf8(const unsigned char* p, qsizetype n);

} // namespace gis::detail
