#include "core/report/report_pdf.h"

#include "core/report/pdf_unicode.h"
#include "core/util/error.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace core {

namespace {

constexpr int kDpi = 300;
constexpr double kThumbMaxMm = 24;

double mm(double v) {
    return v * kDpi / 25.4;
}

QFont cjkFont(double points, bool bold = false) {
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setPointSizeF(points);
    f.setBold(bold);
    // Shaped Latin runs get Noto CJK's alternate digit glyphs, which Qt's PDF text map cannot
    // name, so "BZ-02" would extract as "BZ-"; Chinese needs no shaping.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QString cellText(const QVariant& v, ReportColumnKind kind) {
    if (v.isNull() || !v.isValid())
        return kind == ReportColumnKind::Percent ? QStringLiteral("—") : QString();
    if (kind == ReportColumnKind::Percent)
        return QString::number(v.toDouble(), 'f', 1);
    return v.toString();
}

/// Lays out pages top to bottom and numbers them.
class Pager {
public:
    Pager(QPdfWriter& writer, QPainter& painter)
        : writer_(writer), p_(painter), width_(writer.width()), bottom_(writer.height() - mm(8)) {}

    double width() const { return width_; }
    double y() const { return y_; }
    void advance(double h) { y_ += h; }
    bool fits(double h) const { return y_ + h <= bottom_; }
    bool atTop() const { return y_ <= 0.5; }
    double usable() const { return bottom_; }

    void newPage() {
        footer();
        writer_.newPage();
        ++page_;
        y_ = 0;
    }
    void finish() { footer(); }

private:
    void footer() {
        p_.save();
        p_.setFont(cjkFont(8));
        p_.setPen(Qt::darkGray);
        p_.drawText(QRectF(0, bottom_ + mm(2), width_, mm(6)), Qt::AlignHCenter | Qt::AlignTop,
                    QStringLiteral("第 %1 页").arg(page_));
        p_.restore();
    }

    QPdfWriter& writer_;
    QPainter& p_;
    double width_;
    double bottom_;
    double y_ = 0;
    int page_ = 1;
};

class ReportPainter {
public:
    ReportPainter(QPdfWriter& writer, QPainter& painter, const ThumbnailSource& thumbnail,
                  Feedback& feedback, std::size_t totalRows)
        : p_(painter), pager_(writer, painter), thumbnail_(thumbnail), feedback_(feedback),
          total_(std::max<std::size_t>(totalRows, 1)) {}

    void title(const QString& title, const QString& subtitle) {
        const double w = pager_.width();
        p_.setFont(cjkFont(16, true));
        const double h1 = textHeight(title, w, Qt::AlignHCenter | Qt::TextWordWrap);
        p_.drawText(QRectF(0, pager_.y(), w, h1), Qt::AlignHCenter | Qt::TextWordWrap, title);
        pager_.advance(h1 + mm(2));
        p_.setFont(cjkFont(10));
        const double h2 = textHeight(subtitle, w, Qt::AlignHCenter | Qt::TextWordWrap);
        p_.drawText(QRectF(0, pager_.y(), w, h2), Qt::AlignHCenter | Qt::TextWordWrap, subtitle);
        pager_.advance(h2 + mm(6));
    }

    void table(const ReportTable& t, bool newPage) {
        if (newPage && !pager_.atTop())
            pager_.newPage();
        widths_.clear();
        double sum = 0;
        for (const auto& c : t.columns)
            sum += c.width;
        for (const auto& c : t.columns)
            widths_.push_back(pager_.width() * c.width / sum);

        p_.setFont(cjkFont(12, true));
        const double headingH = textHeight(t.title, pager_.width(), Qt::TextWordWrap) + mm(2);
        const double headerH = headerHeight(t);
        const double firstH = t.rows.empty() ? mm(7) : rowHeight(t, t.rows.front());
        // A heading never ends a page alone: it goes with the header and the first row.
        if (!pager_.fits(headingH + headerH + firstH))
            pager_.newPage();
        p_.setFont(cjkFont(12, true));
        p_.setPen(Qt::black);
        p_.drawText(QRectF(0, pager_.y(), pager_.width(), headingH), Qt::TextWordWrap, t.title);
        pager_.advance(headingH);
        header(t, headerH);
        if (t.rows.empty()) {
            p_.setFont(cjkFont(8));
            p_.drawText(QRectF(0, pager_.y(), pager_.width(), mm(7)), Qt::AlignCenter,
                        QStringLiteral("（无）"));
            pager_.advance(mm(7));
        }
        for (const auto& row : t.rows) {
            const double h = rowHeight(t, row);
            if (!pager_.fits(h)) {
                pager_.newPage();
                header(t, headerH);
            }
            body(t, row, h);
            if (++done_ % 32 == 0) {
                feedback_.throwIfCanceled();
                feedback_.setProgress(
                    std::min(95.0, 95.0 * static_cast<double>(done_) / static_cast<double>(total_)),
                    QStringLiteral("writing the PDF"));
            }
        }
        pager_.advance(mm(8));
    }

    void finish() { pager_.finish(); }

private:
    static constexpr Qt::Alignment kCell = Qt::AlignLeft | Qt::AlignVCenter;

    double textHeight(const QString& text, double width, int flags) {
        if (text.isEmpty())
            return p_.fontMetrics().height();
        return p_.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
    }

    double pad() const { return mm(1.2); }

    int flagsFor(ReportColumnKind kind) const {
        const Qt::Alignment a =
            kind == ReportColumnKind::Integer || kind == ReportColumnKind::Percent
                ? (Qt::AlignRight | Qt::AlignVCenter)
                : kCell;
        return static_cast<int>(a) | Qt::TextWordWrap;
    }

    double headerHeight(const ReportTable& t) {
        p_.setFont(cjkFont(8, true));
        double h = 0;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            h = std::max(h,
                         textHeight(t.columns[c].title, widths_[c] - 2 * pad(), Qt::TextWordWrap));
        return h + 2 * pad();
    }

    QImage image(const QVariant& photoId) {
        if (photoId.isNull() || !thumbnail_)
            return {};
        return QImage::fromData(thumbnail_(photoId.toLongLong()));
    }

    QSizeF thumbSize(const QImage& img, double colWidth) const {
        if (img.isNull())
            return {};
        const double maxW = std::min(colWidth - 2 * pad(), mm(kThumbMaxMm * 1.4));
        const double maxH = mm(kThumbMaxMm);
        const double scale = std::min(maxW / img.width(), maxH / img.height());
        return {img.width() * scale, img.height() * scale};
    }

    double rowHeight(const ReportTable& t, const std::vector<QVariant>& row) {
        p_.setFont(cjkFont(8));
        double h = p_.fontMetrics().height();
        for (std::size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
            const ReportColumn& col = t.columns[c];
            if (col.kind == ReportColumnKind::Photo) {
                // Sized from the image's aspect; decoding twice is cheap next to the PDF work.
                h = std::max(h, thumbSize(image(row[c]), widths_[c]).height());
                continue;
            }
            h = std::max(h, textHeight(cellText(row[c], col.kind), widths_[c] - 2 * pad(),
                                       flagsFor(col.kind)));
        }
        return std::min(h + 2 * pad(), pager_.usable());
    }

    void header(const ReportTable& t, double h) {
        p_.setFont(cjkFont(8, true));
        double x = 0;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const QRectF cell(x, pager_.y(), widths_[c], h);
            p_.fillRect(cell, QColor(0xE8, 0xEC, 0xF2));
            p_.setPen(QPen(Qt::gray, mm(0.15)));
            p_.drawRect(cell);
            p_.setPen(Qt::black);
            p_.drawText(cell.adjusted(pad(), pad(), -pad(), -pad()),
                        Qt::AlignCenter | Qt::TextWordWrap, t.columns[c].title);
            x += widths_[c];
        }
        pager_.advance(h);
    }

    void body(const ReportTable& t, const std::vector<QVariant>& row, double h) {
        p_.setFont(cjkFont(8));
        double x = 0;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const QRectF cell(x, pager_.y(), widths_[c], h);
            p_.setPen(QPen(Qt::gray, mm(0.15)));
            p_.drawRect(cell);
            p_.setPen(Qt::black);
            const ReportColumn& col = t.columns[c];
            const QVariant v = c < row.size() ? row[c] : QVariant();
            if (col.kind == ReportColumnKind::Photo) {
                const QImage img = image(v);
                const QSizeF s = thumbSize(img, widths_[c]);
                if (!img.isNull())
                    p_.drawImage(QRectF(cell.center().x() - s.width() / 2,
                                        cell.center().y() - s.height() / 2, s.width(), s.height()),
                                 img);
            } else {
                p_.drawText(cell.adjusted(pad(), pad(), -pad(), -pad()), flagsFor(col.kind),
                            cellText(v, col.kind));
            }
            x += widths_[c];
        }
        pager_.advance(h);
    }

    QPainter& p_;
    Pager pager_;
    const ThumbnailSource& thumbnail_;
    Feedback& feedback_;
    std::vector<double> widths_;
    std::size_t done_ = 0;
    std::size_t total_;
};

} // namespace

void writeReportPdf(const CampaignReport& report, const QString& path,
                    const ThumbnailSource& thumbnail, Feedback& feedback) {
    feedback.setProgress(0, QStringLiteral("writing the PDF"));
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw IoError(QStringLiteral("%1: cannot write there: the folder %2 does not exist")
                          .arg(path, QDir::toNativeSeparators(info.absolutePath())));
    // Opened first, so an unwritable path fails before the work; discarded unless committed.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw IoError(
            QStringLiteral("%1: cannot create the file: %2").arg(path, file.errorString()));
    std::size_t rows = 0;
    for (const auto& t : report.summaryTables)
        rows += t.rows.size();
    for (const auto& t : report.unitTables)
        rows += t.rows.size();
    // Written in memory first: the text map is repaired before anything reaches the disk.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setTitle(report.title);
        writer.setCreator(QStringLiteral("PeriSurvey"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw IoError(QStringLiteral("%1: cannot start the PDF").arg(path));
        ReportPainter rp(writer, painter, thumbnail, feedback, rows);
        try {
            rp.title(report.title, report.subtitle);
            for (const auto& t : report.summaryTables)
                rp.table(t, false);
            for (const auto& t : report.unitTables)
                rp.table(t, true);
            rp.finish();
        } catch (...) {
            painter.end();
            throw;
        }
        if (!painter.end())
            throw IoError(QStringLiteral("%1: composing the PDF failed").arg(path));
    }
    feedback.throwIfCanceled();
    pdf = fixCjkToUnicode(std::move(pdf), cjkFont(8));

    if (file.write(pdf) != pdf.size() || !file.commit())
        throw IoError(
            QStringLiteral("%1: cannot write the file: %2").arg(path, file.errorString()));
    feedback.setProgress(100);
}

} // namespace core
