#include "core/render/page_flow.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextOption>

#include <algorithm>
#include <numeric>

namespace core {

namespace {

// Long tokens (hashes, paths) wrap anywhere: measured with the same flags they are drawn with.
constexpr int kWrapFlags = Qt::TextWordWrap | Qt::TextWrapAnywhere | Qt::AlignLeft;

double textHeight(const QString& text, const QFont& font, double width) {
    const QFontMetricsF fm(font);
    return fm.boundingRect(QRectF(0, 0, width, 1e6), kWrapFlags, text).height();
}

} // namespace

FlowWriter::FlowWriter(PdfDocument& doc, double marginMm) : doc_(doc) {
    const double m = marginMm * kPointsPerMm;
    const QSizeF size = doc.pageSizePt();
    content_ = QRectF(m, m, size.width() - 2 * m, size.height() - 2 * m - 14);
    y_ = content_.top();
}

void FlowWriter::paintFooter() {
    QPainter& p = painter();
    p.save();
    p.setFont(pageFont(7));
    p.setPen(QColor(0x60, 0x60, 0x60));
    const double y = content_.bottom() + 14;
    p.drawText(QRectF(content_.left(), y - 9, content_.width(), 12), Qt::AlignLeft, footer_);
    p.drawText(QRectF(content_.left(), y - 9, content_.width(), 12), Qt::AlignRight,
               QStringLiteral("第 %1 页").arg(doc_.pageCount()));
    p.restore();
}

void FlowWriter::finishPage() {
    paintFooter();
}

void FlowWriter::newPage() {
    paintFooter();
    doc_.newPage();
    y_ = content_.top();
}

void FlowWriter::ensureRoom(double heightPt) {
    if (remaining() < heightPt && y_ > content_.top())
        newPage();
}

void FlowWriter::heading(const QString& text, int level) {
    const double size = level == 0 ? 20 : level == 1 ? 13 : 11;
    const QFont font = pageFont(size, true);
    const double h = textHeight(text, font, content_.width());
    ensureRoom(h + (level == 0 ? 10 : 30)); // keep a heading with what follows it
    QPainter& p = painter();
    p.save();
    p.setFont(font);
    p.setPen(QColor(0x10, 0x10, 0x10));
    if (level == 1)
        y_ += 6;
    const QRectF r(content_.left(), y_, content_.width(), h);
    p.drawText(r, (kWrapFlags & ~Qt::AlignLeft) | (level == 0 ? Qt::AlignHCenter : Qt::AlignLeft),
               text);
    y_ += h + (level == 0 ? 10 : 3);
    if (level == 1) {
        p.setPen(QPen(QColor(0x80, 0x80, 0x80), 0.6));
        p.drawLine(QPointF(content_.left(), y_), QPointF(content_.right(), y_));
        y_ += 4;
    }
    p.restore();
}

void FlowWriter::paragraph(const QString& text, double sizePt, QColor colour) {
    const QFont font = pageFont(sizePt);
    const double h = textHeight(text, font, content_.width());
    ensureRoom(std::min(h, 3 * sizePt * 1.4));
    QPainter& p = painter();
    p.save();
    p.setFont(font);
    p.setPen(colour);
    if (h <= remaining()) {
        p.drawText(QRectF(content_.left(), y_, content_.width(), h), kWrapFlags, text);
        y_ += h + 3;
    } else {
        // Longer than the rest of the page: flow line by line.
        const QStringList lines = text.split(QLatin1Char('\n'));
        p.restore();
        for (const QString& line : lines)
            paragraph(line, sizePt, colour);
        return;
    }
    p.restore();
}

void FlowWriter::keyValues(const std::vector<std::pair<QString, QString>>& rows,
                           double keyWidthPt) {
    const QFont keyFont = pageFont(9, true);
    const QFont valueFont = pageFont(9);
    const double valueWidth = content_.width() - keyWidthPt;
    QPainter& p = painter();
    for (const auto& [key, value] : rows) {
        const double h = std::max(textHeight(value, valueFont, valueWidth),
                                  textHeight(key, keyFont, keyWidthPt - 4));
        ensureRoom(h + 2);
        p.save();
        p.setPen(QColor(0x20, 0x20, 0x20));
        p.setFont(keyFont);
        p.drawText(QRectF(content_.left(), y_, keyWidthPt - 4, h), kWrapFlags, key);
        p.setFont(valueFont);
        p.drawText(QRectF(content_.left() + keyWidthPt, y_, valueWidth, h), kWrapFlags, value);
        p.restore();
        y_ += h + 2;
    }
}

void FlowWriter::table(const std::vector<FlowColumn>& columns, const std::vector<QStringList>& rows,
                       double sizePt) {
    if (columns.empty())
        return;
    const double total =
        std::accumulate(columns.begin(), columns.end(), 0.0,
                        [](double s, const FlowColumn& c) { return s + c.weight; });
    std::vector<double> widths;
    for (const FlowColumn& c : columns)
        widths.push_back(content_.width() * c.weight / total);
    const QFont headFont = pageFont(sizePt, true);
    const QFont cellFont = pageFont(sizePt);
    const double pad = 2.5;
    const auto rowHeight = [&](const QStringList& cells, const QFont& font) {
        double h = 0;
        for (std::size_t i = 0; i < columns.size(); ++i)
            h = std::max(h,
                         textHeight(cells.value(static_cast<int>(i)), font, widths[i] - 2 * pad));
        return h + 2 * pad;
    };
    QStringList headers;
    for (const FlowColumn& c : columns)
        headers << c.header;
    const double headH = rowHeight(headers, headFont);
    QPainter& p = painter();
    const auto drawRow = [&](const QStringList& cells, const QFont& font, double h, bool head) {
        p.save();
        p.setFont(font);
        double x = content_.left();
        if (head)
            p.fillRect(QRectF(x, y_, content_.width(), h), QColor(0xE8, 0xEA, 0xED));
        p.setPen(QPen(QColor(0x90, 0x90, 0x90), 0.5));
        p.setBrush(Qt::NoBrush);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const QRectF cell(x, y_, widths[i], h);
            p.drawRect(cell);
            p.setPen(QColor(0x10, 0x10, 0x10));
            p.drawText(cell.adjusted(pad, pad, -pad, -pad),
                       Qt::TextWordWrap | Qt::TextWrapAnywhere | Qt::AlignVCenter |
                           (head ? Qt::AlignHCenter : columns[i].align),
                       cells.value(static_cast<int>(i)));
            p.setPen(QPen(QColor(0x90, 0x90, 0x90), 0.5));
            x += widths[i];
        }
        p.restore();
        y_ += h;
    };
    ensureRoom(headH + (rows.empty() ? 0 : rowHeight(rows.front(), cellFont)));
    drawRow(headers, headFont, headH, true);
    for (const QStringList& row : rows) {
        const double h = rowHeight(row, cellFont);
        if (remaining() < h) {
            newPage();
            drawRow(headers, headFont, headH, true);
        }
        drawRow(row, cellFont, h, false);
    }
    y_ += 6;
}

void FlowWriter::signatureLines(const QStringList& roles) {
    const double blockH = 58;
    ensureRoom(blockH * ((roles.size() + 1) / 2) + 10);
    QPainter& p = painter();
    p.save();
    p.setFont(pageFont(10));
    p.setPen(QColor(0x10, 0x10, 0x10));
    const double colW = content_.width() / 2;
    for (int i = 0; i < roles.size(); ++i) {
        const double x = content_.left() + (i % 2) * colW;
        const double y = y_ + (i / 2) * blockH + 20;
        p.drawText(QPointF(x, y), roles[i]);
        p.drawLine(QPointF(x + 95, y + 2), QPointF(x + colW - 20, y + 2));
        p.drawText(QPointF(x, y + 26), QStringLiteral("日期："));
        p.drawLine(QPointF(x + 95, y + 28), QPointF(x + colW - 20, y + 28));
    }
    p.restore();
    y_ += blockH * ((roles.size() + 1) / 2) + 10;
}

} // namespace core
