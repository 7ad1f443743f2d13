// The option rows of OutputDialog, the choices read from the campaign, and the option
// setters (split from output_dialog.cpp, which runs the background work).
#include "app/desktop/dialogs/output_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace app {

void OutputDialog::buildOptions(QFormLayout* form) {
    switch (mode_) {
    case Mode::Map:
        buildMapRows(form);
        break;
    case Mode::Atlas:
        atlasBy_ = new QComboBox;
        atlasBy_->setObjectName(QStringLiteral("atlasBy"));
        atlasBy_->addItem(tr("Anchor (one page per sampled anchor)"),
                          static_cast<int>(gis::AtlasBy::Anchor));
        atlasBy_->addItem(tr("Sub-district"), static_cast<int>(gis::AtlasBy::Subdistrict));
        atlasBy_->addItem(tr("Responsible unit"), static_cast<int>(gis::AtlasBy::Unit));
        form->addRow(tr("One page per:"), atlasBy_);
        connect(atlasBy_, &QComboBox::currentIndexChanged, this, &OutputDialog::optionsChanged);
        buildPageRows(form);
        break;
    case Mode::Report:
        buildReportRows(form);
        break;
    case Mode::Data:
        buildDataRows(form);
        break;
    }
}

void OutputDialog::buildMapRows(QFormLayout* form) {
    pageFormat_ = new QComboBox;
    pageFormat_->setObjectName(QStringLiteral("pageFormat"));
    pageFormat_->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
    pageFormat_->addItem(tr("PNG image"), QStringLiteral("png"));
    pageFormat_->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    form->addRow(tr("Format:"), pageFormat_);
    connect(pageFormat_, &QComboBox::activated, this,
            [this] { replaceSuffix(pageFormat_->currentData().toString()); });
    connect(pageFormat_, &QComboBox::currentIndexChanged, this, &OutputDialog::updateEnabled);
    buildPageRows(form);

    extentKind_ = new QComboBox;
    extentKind_->setObjectName(QStringLiteral("extentKind"));
    if (currentView_ && !currentView_->empty())
        extentKind_->addItem(tr("Current view"), static_cast<int>(ExtentKind::CurrentView));
    extentKind_->addItem(tr("Whole district"), static_cast<int>(ExtentKind::District));
    extentKind_->addItem(tr("Sub-district"), static_cast<int>(ExtentKind::Subdistrict));
    extentKind_->addItem(tr("Anchor's ring"), static_cast<int>(ExtentKind::Anchor));
    extentName_ = new QComboBox;
    extentName_->setObjectName(QStringLiteral("extentName"));
    auto* extentRow = new QHBoxLayout;
    extentRow->addWidget(extentKind_);
    extentRow->addWidget(extentName_, 1);
    form->addRow(tr("Extent:"), extentRow);
    connect(extentKind_, &QComboBox::currentIndexChanged, this, [this] {
        applyChoices();
        optionsChanged();
    });
    connect(extentName_, &QComboBox::currentIndexChanged, this, &OutputDialog::optionsChanged);

    grid_ = new QCheckBox(tr("Coordinate grid"));
    grid_->setObjectName(QStringLiteral("grid"));
    showDraw_ = new QCheckBox(tr("Show the draw's rings and drawn units"));
    showDraw_->setObjectName(QStringLiteral("showDraw"));
    showDraw_->setChecked(!drawId_.isEmpty());
    form->addRow(QString(), grid_);
    form->addRow(QString(), showDraw_);
    connect(grid_, &QCheckBox::toggled, this, &OutputDialog::optionsChanged);
    connect(showDraw_, &QCheckBox::toggled, this, &OutputDialog::optionsChanged);
    dpi_ = new QSpinBox;
    dpi_->setObjectName(QStringLiteral("dpi"));
    dpi_->setRange(72, 600);
    dpi_->setValue(200);
    dpi_->setSuffix(tr(" dpi"));
    form->addRow(tr("PNG resolution:"), dpi_);
}

void OutputDialog::buildPageRows(QFormLayout* form) {
    paper_ = new QComboBox;
    paper_->setObjectName(QStringLiteral("paper"));
    paper_->addItem(QStringLiteral("A4"), static_cast<int>(core::PaperSize::A4));
    paper_->addItem(QStringLiteral("A3"), static_cast<int>(core::PaperSize::A3));
    landscape_ = new QCheckBox(tr("Landscape"));
    landscape_->setObjectName(QStringLiteral("landscape"));
    auto* paperRow = new QHBoxLayout;
    paperRow->addWidget(paper_);
    paperRow->addWidget(landscape_);
    paperRow->addStretch(1);
    form->addRow(tr("Paper:"), paperRow);
    title_ = new QLineEdit;
    title_->setObjectName(QStringLiteral("title"));
    title_->setPlaceholderText(mode_ == Mode::Atlas ? tr("Default: <campaign> 任务图集")
                                                    : tr("Default: <campaign> 问题分布图"));
    form->addRow(tr("Title:"), title_);
    style_ = new QComboBox;
    style_->setObjectName(QStringLiteral("defectStyle"));
    style_->addItem(tr("Defects by card colour"), static_cast<int>(core::DefectStyle::Card));
    style_->addItem(tr("Defects by category"), static_cast<int>(core::DefectStyle::Category));
    form->addRow(tr("Style:"), style_);
    connect(paper_, &QComboBox::currentIndexChanged, this, &OutputDialog::optionsChanged);
    connect(landscape_, &QCheckBox::toggled, this, &OutputDialog::optionsChanged);
    connect(title_, &QLineEdit::textChanged, this, &OutputDialog::optionsChanged);
    connect(style_, &QComboBox::currentIndexChanged, this, &OutputDialog::optionsChanged);
}

void OutputDialog::buildReportRows(QFormLayout* form) {
    unit_ = new QComboBox;
    unit_->setObjectName(QStringLiteral("reportUnit"));
    unit_->addItem(tr("All units"), QVariant());
    form->addRow(tr("Responsible unit:"), unit_);
    reportFormat_ = new QComboBox;
    reportFormat_->setObjectName(QStringLiteral("reportFormat"));
    reportFormat_->addItem(tr("XLSX workbook"), QStringLiteral("xlsx"));
    reportFormat_->addItem(tr("PDF document"), QStringLiteral("pdf"));
    form->addRow(tr("Format:"), reportFormat_);
    connect(reportFormat_, &QComboBox::activated, this,
            [this] { replaceSuffix(reportFormat_->currentData().toString()); });
}

void OutputDialog::buildDataRows(QFormLayout* form) {
    what_ = new QComboBox;
    what_->setObjectName(QStringLiteral("dataWhat"));
    what_->addItem(tr("Defects"), static_cast<int>(DataWhat::Defects));
    what_->addItem(tr("The draw"), static_cast<int>(DataWhat::Draw));
    what_->addItem(tr("The route plan"), static_cast<int>(DataWhat::Route));
    form->addRow(tr("What:"), what_);
    dataFormat_ = new QComboBox;
    dataFormat_->setObjectName(QStringLiteral("dataFormat"));
    dataFormat_->addItem(tr("GeoPackage (.gpkg)"), static_cast<int>(gis::ExportFormat::GeoPackage));
    dataFormat_->addItem(tr("GeoJSON (.geojson)"), static_cast<int>(gis::ExportFormat::GeoJson));
    dataFormat_->addItem(tr("KML (.kml)"), static_cast<int>(gis::ExportFormat::Kml));
    dataFormat_->addItem(tr("Shapefile (.shp)"), static_cast<int>(gis::ExportFormat::Shapefile));
    dataFormat_->addItem(tr("CSV table (.csv)"), static_cast<int>(gis::ExportFormat::Csv));
    dataFormat_->addItem(tr("Excel workbook (.xlsx)"), static_cast<int>(gis::ExportFormat::Xlsx));
    form->addRow(tr("Format:"), dataFormat_);
    encoding_ = new QComboBox;
    encoding_->setObjectName(QStringLiteral("shapefileEncoding"));
    encoding_->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    encoding_->addItem(tr("GBK (older ArcGIS)"), QStringLiteral("GBK"));
    form->addRow(tr("Shapefile encoding:"), encoding_);
    photos_ = new QCheckBox(tr("Also write the photos beside the file"));
    photos_->setObjectName(QStringLiteral("photos"));
    form->addRow(QString(), photos_);
    connect(dataFormat_, &QComboBox::currentIndexChanged, this, [this] {
        replaceSuffix(gis::exportFormatExtension(
            static_cast<gis::ExportFormat>(dataFormat_->currentData().toInt())));
        updateEnabled();
    });
    connect(what_, &QComboBox::currentIndexChanged, this, &OutputDialog::updateEnabled);
}

void OutputDialog::applyChoices() {
    if (unit_ && unit_->count() == 1)
        for (const auto& [id, name] : choices_.units)
            unit_->addItem(name, QVariant::fromValue<qlonglong>(id));
    if (!extentKind_)
        return;
    const auto kind = static_cast<ExtentKind>(extentKind_->currentData().toInt());
    const QSignalBlocker block(extentName_);
    extentName_->clear();
    if (kind == ExtentKind::Subdistrict)
        for (const QString& s : choices_.subdistricts)
            extentName_->addItem(s, s);
    else if (kind == ExtentKind::Anchor)
        for (const auto& [id, label] : choices_.anchors)
            extentName_->addItem(label, id);
    extentName_->setEnabled(extentName_->count() > 0);
    if (showDraw_)
        showDraw_->setEnabled(choices_.hasDraw || !loaded_);
}

output::Request OutputDialog::request() const {
    output::Request r;
    r.kind = mode_;
    r.campaignPath = campaignPath_;
    r.drawId = drawId_;
    r.outputPath = output_->text().trimmed();
    if (paper_) {
        r.format.paper = static_cast<core::PaperSize>(paper_->currentData().toInt());
        r.format.landscape = landscape_->isChecked();
        r.title = title_->text().trimmed();
        r.style = static_cast<core::DefectStyle>(style_->currentData().toInt());
    }
    if (extentKind_) {
        r.extent = static_cast<ExtentKind>(extentKind_->currentData().toInt());
        r.extentName = extentName_->currentData().toString();
        r.view = currentView_;
        r.grid = grid_->isChecked();
        r.showDraw = showDraw_->isChecked() && choices_.hasDraw;
        r.dpi = dpi_->value();
    }
    if (atlasBy_)
        r.atlasBy = static_cast<gis::AtlasBy>(atlasBy_->currentData().toInt());
    if (unit_ && unit_->currentData().isValid())
        r.unitId = unit_->currentData().toLongLong();
    if (what_) {
        r.what = static_cast<DataWhat>(what_->currentData().toInt());
        r.dataFormat = static_cast<gis::ExportFormat>(dataFormat_->currentData().toInt());
        r.encoding = encoding_->currentData().toString();
        r.photos = photos_->isChecked() && r.what == DataWhat::Defects;
    }
    return r;
}

// What is wrong with the output path before any work starts (empty when nothing).
void OutputDialog::selectData(QComboBox* combo, const QVariant& value) {
    if (!combo)
        return;
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

void OutputDialog::setPaper(core::PaperSize paper) {
    selectData(paper_, static_cast<int>(paper));
}

void OutputDialog::setLandscape(bool landscape) {
    if (landscape_)
        landscape_->setChecked(landscape);
}

void OutputDialog::setTitle(const QString& title) {
    if (title_)
        title_->setText(title);
}

void OutputDialog::setDefectStyle(core::DefectStyle style) {
    selectData(style_, static_cast<int>(style));
}

bool OutputDialog::setExtent(ExtentKind kind, const QString& name) {
    if (!extentKind_)
        return false;
    const int i = extentKind_->findData(static_cast<int>(kind));
    if (i < 0)
        return false;
    extentKind_->setCurrentIndex(i);
    if (kind != ExtentKind::Subdistrict && kind != ExtentKind::Anchor)
        return true;
    const int n = extentName_->findData(name);
    if (n < 0)
        return false;
    extentName_->setCurrentIndex(n);
    return true;
}

void OutputDialog::setGrid(bool grid) {
    if (grid_)
        grid_->setChecked(grid);
}

void OutputDialog::setShowDraw(bool show) {
    if (showDraw_)
        showDraw_->setChecked(show);
}

void OutputDialog::setDpi(int dpi) {
    if (dpi_)
        dpi_->setValue(dpi);
}

void OutputDialog::setAtlasBy(gis::AtlasBy by) {
    selectData(atlasBy_, static_cast<int>(by));
}

bool OutputDialog::setReportUnit(const QString& unitName) {
    if (!unit_)
        return false;
    if (unitName.isEmpty()) {
        unit_->setCurrentIndex(0);
        return true;
    }
    const int i = unit_->findText(unitName);
    if (i < 0)
        return false;
    unit_->setCurrentIndex(i);
    return true;
}

void OutputDialog::setDataWhat(DataWhat what) {
    selectData(what_, static_cast<int>(what));
}

void OutputDialog::setDataFormat(gis::ExportFormat format) {
    selectData(dataFormat_, static_cast<int>(format));
}

void OutputDialog::setShapefileEncoding(const QString& encoding) {
    selectData(encoding_, encoding.compare(QLatin1String("GBK"), Qt::CaseInsensitive) == 0 ||
                                  encoding.compare(QLatin1String("CP936"), Qt::CaseInsensitive) == 0
                              ? QStringLiteral("GBK")
                              : QStringLiteral("UTF-8"));
}

void OutputDialog::setIncludePhotos(bool photos) {
    if (photos_)
        photos_->setChecked(photos);
}

QStringList OutputDialog::subdistrictNames() const {
    return choices_.subdistricts;
}

QStringList OutputDialog::anchorIds() const {
    QStringList ids;
    for (const auto& a : choices_.anchors)
        ids << a.first;
    return ids;
}

QStringList OutputDialog::unitNames() const {
    QStringList names;
    for (const auto& u : choices_.units)
        names << u.second;
    return names;
}

} // namespace app
