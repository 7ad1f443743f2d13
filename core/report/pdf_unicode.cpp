#include "core/report/pdf_unicode.h"

#include <QRawFont>
#include <QString>

#include <algorithm>
#include <map>
#include <mutex>
#include <vector>

namespace core {

namespace {

using RadicalMap = std::map<quint32, quint32>; // radical code point -> unified ideograph

RadicalMap radicalsOf(const QFont& font) {
    RadicalMap out;
    const QRawFont raw = QRawFont::fromFont(font);
    if (!raw.isValid())
        return out;
    auto glyphsOf = [&raw](char16_t from, char16_t to) {
        QString s;
        for (char16_t c = from; c <= to; ++c)
            s += QChar(c);
        return raw.glyphIndexesForString(s);
    };
    constexpr char16_t kFirstIdeograph = 0x4E00, kLastIdeograph = 0x9FFF;
    const QList<quint32> ideographs = glyphsOf(kFirstIdeograph, kLastIdeograph);
    std::map<quint32, quint32> byGlyph;
    for (qsizetype i = 0; i < ideographs.size(); ++i)
        if (ideographs[i] != 0)
            byGlyph.emplace(ideographs[i], kFirstIdeograph + static_cast<quint32>(i));
    constexpr char16_t kFirstRadical = 0x2E80, kLastRadical = 0x2FDF;
    const QList<quint32> radicals = glyphsOf(kFirstRadical, kLastRadical);
    for (qsizetype i = 0; i < radicals.size(); ++i) {
        const auto it = byGlyph.find(radicals[i]);
        if (radicals[i] != 0 && it != byGlyph.end())
            out.emplace(kFirstRadical + static_cast<quint32>(i), it->second);
    }
    return out;
}

const RadicalMap& radicalsFor(const QFont& font) {
    static std::mutex mutex;
    static std::map<QString, RadicalMap> cache;
    const std::lock_guard lock(mutex);
    const QString key = font.family();
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, radicalsOf(font)).first;
    return it->second;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// Rewrites the destination codes of one CMap's bfrange/bfchar lines in place.
void fixCmap(char* begin, char* end, const RadicalMap& map) {
    enum class Section { None, Range, Char } section = Section::None;
    char* line = begin;
    while (line < end) {
        char* eol = line;
        while (eol < end && *eol != '\n' && *eol != '\r')
            ++eol;
        const QByteArray text = QByteArray::fromRawData(line, eol - line);
        if (text.endsWith("beginbfrange"))
            section = Section::Range;
        else if (text.endsWith("beginbfchar"))
            section = Section::Char;
        else if (text.startsWith("endbf"))
            section = Section::None;
        else if (section != Section::None) {
            // <src> <src2> [<dst> ...] or <src> <src2> <dst> (range); <src> <dst> (char).
            int token = 0;
            const int firstDestination = section == Section::Range ? 2 : 1;
            for (char* p = line; p < eol; ++p) {
                if (*p != '<')
                    continue;
                char* close = p + 1;
                while (close < eol && *close != '>')
                    ++close;
                if (close >= eol)
                    break;
                if (token++ >= firstDestination && close - p == 5) {
                    quint32 code = 0;
                    bool ok = true;
                    for (char* d = p + 1; d < close; ++d) {
                        const int v = hexDigit(*d);
                        ok = ok && v >= 0;
                        code = code * 16 + static_cast<quint32>(std::max(v, 0));
                    }
                    const auto it = ok ? map.find(code) : map.end();
                    if (it != map.end()) {
                        const QByteArray hex =
                            QByteArray::number(it->second, 16).toUpper().rightJustified(4, '0');
                        std::copy(hex.begin(), hex.end(), p + 1);
                    }
                }
                p = close;
            }
        }
        line = eol + 1;
    }
}

} // namespace

QByteArray fixCjkToUnicode(QByteArray pdf, const QFont& font) {
    const RadicalMap& map = radicalsFor(font);
    if (map.empty())
        return pdf;
    char* data = pdf.data();
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pdf.indexOf("begincmap", from);
        if (begin < 0)
            break;
        const qsizetype end = pdf.indexOf("endcmap", begin);
        if (end < 0)
            break;
        fixCmap(data + begin, data + end, map);
        from = end;
    }
    return pdf;
}

} // namespace core
