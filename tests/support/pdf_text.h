#pragma once

// Text and page count of a PDF through poppler-utils (pdftotext, pdfinfo), for tests of the
// PDFs PeriSurvey writes.

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace testing {

/// stdout of a tool run with `args` (empty when it cannot run within a minute).
inline QString toolOutput(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// The text of `pdf` (pdftotext) with white space removed (lines wrap where the layout wraps
/// them) and CJK radicals mapped back to the ideographs they stand for: Qt 6.4's PDF writer
/// names each glyph by the lowest code point using it, so 门 comes out as the radical ⻔ and
/// 一 as ⼀ when the font shares their glyphs (Noto Sans CJK does).
inline QString pdfText(const QString& pdf) {
    QString t = toolOutput(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    t.remove(QRegularExpression(QStringLiteral("\\s")));
    // Kangxi radicals (U+2F00-U+2FD5) have compatibility decompositions (NFKC, applied to them
    // alone: it would also turn full-width punctuation into ASCII); the supplement's
    // simplified forms do not, so they are listed.
    static const QHash<QChar, QChar> supplement = [] {
        QHash<QChar, QChar> m;
        const QString pairs = QStringLiteral(
            "⻓长⻔门⻘青⺠民⻢马⻅见⻋车⻉贝⻜飞⻛风⻚页⻥鱼⻦鸟⻄西⻰龙⻬齐⻩黄⻝食⻮齿⻆角⻙韦⻤"
            "鬼⻨麦⻭齿⻳龟⺁厂⺇几⺈刀⺌小⺍小⺕彐⺜日⺝月⺟母⺡水⺢水⺣火⺤爪⺥爪⺦丬⺧牛⺨犬⺩王"
            "⺪疋⺫目⺬示⺭示⺮竹⺯糸⺰纟⺱网⺲网⺳网⺴网⺵网⺶羊⺷羊⺸羊⺹老⺺肀⺻聿⺼肉⺽臼⺾艹⺿"
            "艹⻀艹⻁虎⻂衣⻃西⻇见⻈讠⻉贝⻊足⻍辶⻎辶⻏阝⻐钅⻑长⻒长⻕门⻖阝⻗雨⻞飞⻟食⻠食⻡食"
            "⻢马⻣骨⻧鬼⻪黾⻫齐⻯龙⻱龟⻲龟");
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
            m.insert(pairs[i], pairs[i + 1]);
        return m;
    }();
    for (QChar& c : t) {
        if (c.unicode() >= 0x2F00 && c.unicode() <= 0x2FD5)
            c = QString(c).normalized(QString::NormalizationForm_KC).at(0);
        else
            c = supplement.value(c, c);
    }
    return t;
}

/// The page count pdfinfo reports, or -1.
inline int pdfPageCount(const QString& pdf) {
    for (const QString& line :
         toolOutput(QStringLiteral("pdfinfo"), {pdf}).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

} // namespace testing
