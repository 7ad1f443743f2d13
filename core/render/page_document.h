#pragma once

#include "core/render/page_layout.h"

#include <QString>

#include <functional>
#include <memory>

class QPainter;

namespace core {

/// A multi-page PDF written atomically: pages go to a temporary file beside `path` (QSaveFile)
/// that replaces `path` only on commit(). Destroying an uncommitted document (an exception,
/// a cancel) removes the temporary file, so no partial PDF is ever left. Text stays text and
/// fonts are embedded (QPdfWriter).
///
/// The painter works in page points, (0,0) at the top-left corner. Thread: any, one at a time.
class PdfDocument {
public:
    /// Opens the temporary file; throws IoError naming `path` when its folder is not writable.
    PdfDocument(const QString& path, const PageFormat& format, const QString& title);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    QPainter& painter();
    const PageFormat& format() const { return format_; }
    QSizeF pageSizePt() const { return format_.sizePt(); }
    /// Starts the next page (the first one exists from the start).
    void newPage();
    int pageCount() const { return pages_; }
    /// Finishes the PDF and renames it into place; throws IoError naming the path.
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    PageFormat format_;
    QString path_;
    int pages_ = 1;
};

/// Output formats of a single page, by file extension.
enum class PageFileFormat : std::uint8_t { Pdf, Png, Svg };
/// .pdf, .png or .svg; throws FormatError naming the path and the accepted extensions.
PageFileFormat pageFileFormatFor(const QString& path);

/// Writes one page to `path` in the format of its extension: PDF (vector, fonts embedded),
/// PNG (`dpi` dots per inch) or SVG. `paint` paints in page points. Atomic like PdfDocument.
/// Throws IoError naming the path, FormatError for an unknown extension, OperationCanceled
/// from `paint` (no file is left then).
void writePageFile(const QString& path, const PageFormat& format, const QString& title,
                   const std::function<void(QPainter&)>& paint, double dpi = 200);

/// A page rendered to an image at `dpi` (white paper), for previews and tests.
QImage renderPageImage(const PageFormat& format, const std::function<void(QPainter&)>& paint,
                       double dpi);

/// The message used when a file cannot be written: names the path and what to check.
QString cannotWriteMessage(const QString& path, const QString& reason);

} // namespace core
