#pragma once

#include <QByteArray>
#include <QFont>

namespace core {

/// Repairs the text of a PDF written by QPdfWriter with a CJK font, so that copying and
/// extracting it (pdftotext, search) gives the characters that were drawn.
///
/// Qt maps each embedded glyph back to the lowest code point the font's cmap gives for it. Fonts
/// such as Noto Sans CJK map the Kangxi radicals (U+2F00-U+2FD5) and the CJK radicals
/// supplement (U+2E80-U+2EF3) to the same glyphs as the ideographs, so 水, 生, 车, 门 ...
/// come out as ⽔, ⽣, ⻋, ⻔. This rewrites, in the /ToUnicode CMaps of `pdf`, every such
/// radical whose glyph in `font` is also an ideograph's to that ideograph. Each code is 4 hex
/// digits before and after, so no byte offset of the file changes. Needs a QGuiApplication.
QByteArray fixCjkToUnicode(QByteArray pdf, const QFont& font);

} // namespace core
