#pragma once

#include "core/render/page_document.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace core {

/// A column of a FlowWriter table.
struct FlowColumn {
    QString header;
    double weight = 1; ///< share of the table width
    Qt::Alignment align = Qt::AlignLeft;
};

/// Writes running text and tables down the pages of a PdfDocument, starting new pages as
/// needed (tables repeat their header row). Coordinates in page points. Used by the draw
/// certificate, the route sheet and the atlas's front matter. Thread: that of the document.
class FlowWriter {
public:
    explicit FlowWriter(PdfDocument& doc, double marginMm = 15);

    QPainter& painter() { return doc_.painter(); }
    /// The area text flows in on every page.
    QRectF contentRect() const { return content_; }
    double y() const { return y_; }
    /// Room left on the current page, in points.
    double remaining() const { return content_.bottom() - y_; }

    /// Starts a new page when less than `heightPt` is left.
    void ensureRoom(double heightPt);
    void newPage();
    void space(double pt) { y_ += pt; }
    /// A heading: level 0 = document title (large, centred), 1 = section, 2 = subsection.
    void heading(const QString& text, int level = 1);
    /// Wrapped text.
    void paragraph(const QString& text, double sizePt = 9.5,
                   QColor colour = QColor(0x20, 0x20, 0x20));
    /// "key：value" rows with aligned values (wrapped).
    void keyValues(const std::vector<std::pair<QString, QString>>& rows, double keyWidthPt = 110);
    /// A table with a header row and wrapped cells; rows never split across pages.
    void table(const std::vector<FlowColumn>& columns, const std::vector<QStringList>& rows,
               double sizePt = 8.5);
    /// Signature lines: one block per role ("操作员（签字）", "见证人（签字）") with a date line.
    void signatureLines(const QStringList& roles);
    /// Small print at the bottom of every page, next to "第 n 页" (set before the first
    /// page is finished).
    void setFooter(const QString& footer) { footer_ = footer; }
    /// Paints the current page's footer; call once before committing the document.
    void finishPage();

private:
    void paintFooter();
    PdfDocument& doc_;
    QRectF content_;
    double y_ = 0;
    QString footer_;
};

} // namespace core
