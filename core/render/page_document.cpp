#include "core/render/page_document.h"

#include "core/util/error.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace core {

namespace {

// PDF user space: a high resolution keeps integer-rounded geometry inside Qt exact enough.
constexpr int kPdfResolution = 1200;

QPageLayout pageLayoutFor(const PageFormat& format) {
    const QPageSize size(format.paper == PaperSize::A3 ? QPageSize::A3 : QPageSize::A4);
    return QPageLayout(size, format.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

void openSaveFile(QSaveFile& file, const QString& path) {
    const QFileInfo info(path);
    if (info.isDir())
        throw IoError(cannotWriteMessage(path, QStringLiteral("it is a folder")));
    if (!info.absoluteDir().exists())
        throw IoError(cannotWriteMessage(
            path, QStringLiteral("folder %1 does not exist").arg(info.absolutePath())));
    if (!file.open(QIODevice::WriteOnly))
        throw IoError(cannotWriteMessage(path, file.errorString()));
}

void commitSaveFile(QSaveFile& file, const QString& path) {
    if (!file.commit())
        throw IoError(cannotWriteMessage(path, file.errorString()));
}

} // namespace

QString cannotWriteMessage(const QString& path, const QString& reason) {
    return QStringLiteral("cannot write %1: %2; check that the folder exists and is writable and "
                          "that there is free space")
        .arg(QDir::toNativeSeparators(path), reason);
}

struct PdfDocument::Impl {
    QSaveFile file;
    std::unique_ptr<QPdfWriter> writer;
    QPainter painter;
    bool committed = false;
    explicit Impl(const QString& path) : file(path) {}
};

PdfDocument::PdfDocument(const QString& path, const PageFormat& format, const QString& title)
    : impl_(std::make_unique<Impl>(path)), format_(format), path_(path) {
    openSaveFile(impl_->file, path);
    impl_->writer = std::make_unique<QPdfWriter>(&impl_->file);
    impl_->writer->setResolution(kPdfResolution);
    impl_->writer->setPageLayout(pageLayoutFor(format));
    impl_->writer->setTitle(title);
    impl_->writer->setCreator(QStringLiteral("PeriSurvey"));
    if (!impl_->painter.begin(impl_->writer.get()))
        throw IoError(cannotWriteMessage(path, QStringLiteral("cannot start the PDF")));
    impl_->painter.scale(kPdfResolution / 72.0, kPdfResolution / 72.0);
}

PdfDocument::~PdfDocument() {
    if (impl_ && !impl_->committed) {
        if (impl_->painter.isActive())
            impl_->painter.end();
        impl_->file.cancelWriting();
    }
}

QPainter& PdfDocument::painter() {
    return impl_->painter;
}

void PdfDocument::newPage() {
    impl_->writer->newPage();
    impl_->painter.resetTransform();
    impl_->painter.scale(kPdfResolution / 72.0, kPdfResolution / 72.0);
    ++pages_;
}

void PdfDocument::commit() {
    if (!impl_->painter.end())
        throw IoError(cannotWriteMessage(path_, QStringLiteral("the PDF could not be finished")));
    impl_->writer.reset();
    commitSaveFile(impl_->file, path_);
    impl_->committed = true;
}

PageFileFormat pageFileFormatFor(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("pdf"))
        return PageFileFormat::Pdf;
    if (ext == QLatin1String("png"))
        return PageFileFormat::Png;
    if (ext == QLatin1String("svg"))
        return PageFileFormat::Svg;
    throw FormatError(
        QStringLiteral("cannot write a map page to %1: unknown extension; use .pdf, .png or .svg")
            .arg(path));
}

QImage renderPageImage(const PageFormat& format, const std::function<void(QPainter&)>& paint,
                       double dpi) {
    const QSizeF mm = format.sizeMm();
    const QSize px(static_cast<int>(std::lround(mm.width() / 25.4 * dpi)),
                   static_cast<int>(std::lround(mm.height() / 25.4 * dpi)));
    QImage image(px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    QPainter p(&image);
    p.scale(dpi / 72.0, dpi / 72.0);
    paint(p);
    return image;
}

void writePageFile(const QString& path, const PageFormat& format, const QString& title,
                   const std::function<void(QPainter&)>& paint, double dpi) {
    switch (pageFileFormatFor(path)) {
    case PageFileFormat::Pdf: {
        PdfDocument doc(path, format, title);
        paint(doc.painter());
        doc.commit();
        return;
    }
    case PageFileFormat::Png: {
        // Paint first: a cancelled or failed paint never creates the temporary file.
        const QImage image = renderPageImage(format, paint, dpi);
        QSaveFile file(path);
        openSaveFile(file, path);
        if (!image.save(&file, "PNG"))
            throw IoError(cannotWriteMessage(path, QStringLiteral("PNG encoding failed")));
        commitSaveFile(file, path);
        return;
    }
    case PageFileFormat::Svg: {
        QSaveFile file(path);
        openSaveFile(file, path);
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        const QSizeF pt = format.sizePt();
        svg.setSize(QSize(static_cast<int>(std::lround(pt.width())),
                          static_cast<int>(std::lround(pt.height()))));
        svg.setViewBox(QRectF(QPointF(0, 0), pt));
        svg.setResolution(72);
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("PeriSurvey map page"));
        QPainter p;
        if (!p.begin(&svg))
            throw IoError(cannotWriteMessage(path, QStringLiteral("cannot start the SVG")));
        try {
            paint(p);
        } catch (...) {
            p.end();
            file.cancelWriting();
            throw;
        }
        p.end();
        commitSaveFile(file, path);
        return;
    }
    }
}

} // namespace core
