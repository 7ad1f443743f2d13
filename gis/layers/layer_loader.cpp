#include "gis/layers/layer_loader.h"

#include "core/store/campaign.h"
#include "core/util/error.h"
#include "core/util/resources.h"
#include "gis/gdal/detail/gdal_handles.h"
#include "gis/gdal/detail/ogr_convert.h"
#include "gis/io/encoding.h"
#include "gis/io/osm_integrity.h"
#include "gis/layers/coordinate_checks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <thread>

namespace gis {

using core::Error;
using core::ErrorCode;
using core::GeometryKind;
using core::LayerData;

namespace {

// Collects GDAL errors raised while a dataset is read, so that a failure in the middle of a
// read is reported instead of silently ending the feature loop.
class ErrorCollector {
public:
    ErrorCollector() { CPLPushErrorHandlerEx(&ErrorCollector::handler, this); }
    ~ErrorCollector() { CPLPopErrorHandler(); }
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;
    const QStringList& failures() const { return failures_; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<ErrorCollector*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Failure && self->failures_.size() < 20)
            self->failures_ << QString::fromUtf8(msg);
    }
    QStringList failures_;
};

const QStringList& vectorSuffixes() {
    static const QStringList s{
        QStringLiteral("shp"),  QStringLiteral("gpkg"), QStringLiteral("geojson"),
        QStringLiteral("json"), QStringLiteral("kml"),  QStringLiteral("kmz"),
        QStringLiteral("osm"),  QStringLiteral("pbf"),  QStringLiteral("csv"),
        QStringLiteral("xlsx"), QStringLiteral("gml"),  QStringLiteral("gpx"),
        QStringLiteral("tab"),  QStringLiteral("mif"),  QStringLiteral("sqlite"),
        QStringLiteral("fgb"),  QStringLiteral("dxf")};
    return s;
}

bool isOsmFile(const QString& path) {
    const QString s = path.toLower();
    return s.endsWith(QLatin1String(".pbf")) || s.endsWith(QLatin1String(".osm")) ||
           s.endsWith(QLatin1String(".osm.xml"));
}

bool isShapefile(const QString& path) {
    const QString s = path.toLower();
    return s.endsWith(QLatin1String(".shp")) || s.endsWith(QLatin1String(".dbf"));
}

QString kindName(GeometryKind k) {
    switch (k) {
    case GeometryKind::Point:
        return QStringLiteral("points");
    case GeometryKind::Line:
        return QStringLiteral("lines");
    case GeometryKind::Polygon:
        return QStringLiteral("polygons");
    case GeometryKind::None:
        break;
    }
    return QStringLiteral("none");
}

// KML/GML files that declare a legacy Chinese encoding in their XML prolog are refused by
// GDAL's expat-based drivers; hand them a UTF-8 copy in memory instead.
QString utf8CopyOfLegacyXml(const QString& path, QString& encodingUsed) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.peek(200);
    static const QRegularExpression decl(
        QStringLiteral(R"(encoding\s*=\s*["']([A-Za-z0-9_\-]+)["'])"));
    const auto m = decl.match(QString::fromLatin1(head));
    if (!m.hasMatch())
        return {};
    const QString enc = m.captured(1).toUpper();
    if (enc != QLatin1String("GB2312") && enc != QLatin1String("GBK") &&
        enc != QLatin1String("GB18030"))
        return {};
    QByteArray bytes = f.readAll();
    QString text = decodeText(bytes, QStringLiteral("GB18030"));
    text.replace(m.capturedStart(1), m.capturedLength(1), QStringLiteral("UTF-8"));
    static std::atomic<int> counter{0};
    const QString mem =
        QStringLiteral("/vsimem/perisurvey_%1_%2").arg(counter++).arg(QFileInfo(path).fileName());
    const QByteArray utf8 = text.toUtf8();
    VSILFILE* out = VSIFOpenL(mem.toUtf8().constData(), "wb");
    if (!out)
        return {};
    VSIFWriteL(utf8.constData(), 1, utf8.size(), out);
    VSIFCloseL(out);
    encodingUsed = QStringLiteral("GB18030 (declared %1 in the XML prolog; read as GB18030, its "
                                  "superset, and converted to UTF-8)")
                       .arg(enc);
    return mem;
}

QVariant fieldValue(OGRFeatureH f, int i, OGRFieldType t) {
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return {};
    switch (t) {
    case OFTInteger:
        return OGR_F_GetFieldAsInteger(f, i);
    case OFTInteger64:
        return static_cast<qlonglong>(OGR_F_GetFieldAsInteger64(f, i));
    case OFTReal:
        return OGR_F_GetFieldAsDouble(f, i);
    default:
        return QString::fromUtf8(OGR_F_GetFieldAsString(f, i));
    }
}

// Per source layer: one LayerData per geometry kind met, created on first use.
struct LayerReader {
    OGRLayerH layer = nullptr;
    QString layerName;
    core::LayerSource source;
    std::vector<core::Field> fields;
    std::vector<OGRFieldType> ogrTypes;
    QString crsWkt;
    std::map<GeometryKind, std::shared_ptr<LayerData>> byKind;
    std::int64_t read = 0;
    std::int64_t withoutGeometry = 0;
    int skippedParts = 0;
    std::int64_t retraced = 0; ///< lines that ran out and back, cut to their outward half

    void readFeature(OGRFeatureH f) {
        ++read;
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        const GeometryKind kind = g ? detail::kindOf(OGR_G_GetGeometryType(g)) : GeometryKind::None;
        if (kind == GeometryKind::None || OGR_G_IsEmpty(g)) {
            ++withoutGeometry;
            return;
        }
        auto& data = byKind[kind];
        if (!data) {
            data = std::make_shared<LayerData>();
            data->kind = kind;
            data->fields = fields;
            data->source = source;
            // Room for the whole layer, once: most layers hold one kind of geometry, and
            // growing a vector of a few hundred thousand features moves each many times. Up
            // to a cap, since a damaged header may claim billions.
            constexpr std::int64_t kMaxReserve = 2'000'000;
            if (byKind.size() == 1 && source.declaredFeatureCount > 0)
                data->features.reserve(
                    static_cast<std::size_t>(std::min(source.declaredFeatureCount, kMaxReserve)));
        }
        core::Feature feature;
        feature.fid = OGR_F_GetFID(f);
        feature.geometry.kind = kind;
        detail::appendOgrGeometry(g, feature.geometry, skippedParts);
        if (feature.geometry.empty()) {
            ++withoutGeometry;
            return;
        }
        if (core::cutRetracedLines(feature.geometry) > 0)
            ++retraced;
        feature.attributes.reserve(ogrTypes.size());
        for (int i = 0; i < static_cast<int>(ogrTypes.size()); ++i)
            feature.attributes.push_back(fieldValue(f, i, ogrTypes[i]));
        data->features.push_back(std::move(feature));
    }
};

void describeCrs(OGRLayerH layer, core::LayerSource& source, QString& wkt) {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (!srs)
        return;
    char* text = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
    if (OSRExportToWktEx(srs, &text, opts) == OGRERR_NONE && text)
        wkt = QString::fromUtf8(text);
    CPLFree(text);
    source.crsName = QString::fromUtf8(OSRGetName(srs));
}

void readGdalFile(const QString& path, const OpenOptions& options, core::Feedback& feedback,
                  SourceDataset& out) {
    detail::StringList openOptions;
    QString openPath = path;
    QString encoding = QStringLiteral("UTF-8");
    QString encodingReason;
    if (isOsmFile(path)) {
        openOptions.add(QStringLiteral("CONFIG_FILE"), osmConfigPath());
        const OsmIntegrity integrity = checkOsmFile(path);
        if (!integrity.complete) {
            if (!options.allowPartial)
                throw Error(ErrorCode::Incomplete,
                            QStringLiteral("%1. Refusing to use it as if it were whole: download "
                                           "the file again (or pass --allow-partial to load the "
                                           "part that is there).")
                                .arg(integrity.problem));
            out.warnings << QStringLiteral("PARTIAL DATA: %1").arg(integrity.problem);
        }
        encodingReason = QStringLiteral("OSM data is UTF-8 by definition");
    } else if (isShapefile(path)) {
        if (!options.encoding.isEmpty()) {
            encoding = options.encoding;
            encodingReason = QStringLiteral("set by the user");
        } else {
            const EncodingDecision d = decideShapefileEncoding(path);
            encoding = d.encoding;
            encodingReason = d.reason;
        }
        openOptions.add(QStringLiteral("ENCODING"), encoding);
    } else if (path.endsWith(QLatin1String(".kml"), Qt::CaseInsensitive) ||
               path.endsWith(QLatin1String(".gml"), Qt::CaseInsensitive)) {
        QString used;
        const QString mem = utf8CopyOfLegacyXml(path, used);
        if (!mem.isEmpty()) {
            openPath = mem;
            encoding = QStringLiteral("GB18030");
            encodingReason = used;
        } else {
            encodingReason = QStringLiteral("XML declares UTF-8 (or nothing)");
        }
    } else {
        encodingReason = QStringLiteral("the format stores UTF-8 text");
    }

    ErrorCollector errors;
    detail::DatasetPtr ds(GDALOpenEx(openPath.toUtf8().constData(),
                                     GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions.get(),
                                     nullptr));
    if (!ds) {
        const QString why = errors.failures().isEmpty() ? QString() : errors.failures().back();
        throw core::FormatError(
            QStringLiteral("%1 is not a vector dataset PeriSurvey can read%2. Open a "
                           "GeoPackage, Shapefile, GeoJSON, KML, OSM PBF/XML, or a CSV/XLSX "
                           "table with lon/lat columns.")
                .arg(path, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
    }
    const QString driver =
        QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));

    std::vector<LayerReader> readers(GDALDatasetGetLayerCount(ds.get()));
    std::map<OGRLayerH, std::size_t> byHandle;
    std::int64_t declaredTotal = 0;
    for (int i = 0; i < static_cast<int>(readers.size()); ++i) {
        LayerReader& r = readers[i];
        r.layer = GDALDatasetGetLayer(ds.get(), i);
        byHandle[r.layer] = i;
        r.layerName = QString::fromUtf8(OGR_L_GetName(r.layer));
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(r.layer);
        for (int f = 0; f < OGR_FD_GetFieldCount(defn); ++f) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, f);
            r.fields.push_back({QString::fromUtf8(OGR_Fld_GetNameRef(fd)),
                                detail::fieldTypeOf(OGR_Fld_GetType(fd))});
            r.ogrTypes.push_back(OGR_Fld_GetType(fd));
        }
        r.source.path = path;
        r.source.layerName = r.layerName;
        r.source.driver = driver;
        r.source.geometryType =
            QString::fromUtf8(OGRGeometryTypeToName(OGR_L_GetGeomType(r.layer)));
        r.source.encoding = encoding;
        r.source.encodingReason = encodingReason;
        describeCrs(r.layer, r.source, r.crsWkt);
        // Counting OSM layers means reading the file; other drivers know it cheaply.
        r.source.declaredFeatureCount =
            driver == QLatin1String("OSM") ? -1 : OGR_L_GetFeatureCount(r.layer, FALSE);
        if (r.source.declaredFeatureCount > 0)
            declaredTotal += r.source.declaredFeatureCount;
    }

    std::int64_t done = 0;
    if (driver == QLatin1String("OSM")) {
        // The OSM driver needs interleaved reading across its layers.
        for (;;) {
            OGRLayerH from = nullptr;
            double pct = 0;
            detail::FeaturePtr f(
                GDALDatasetGetNextFeature(ds.get(), &from, &pct, nullptr, nullptr));
            if (!f)
                break;
            readers[byHandle[from]].readFeature(f.get());
            if ((++done & 0x3FF) == 0) {
                feedback.throwIfCanceled();
                feedback.setProgress(pct * 100.0, QStringLiteral("reading %1").arg(path));
            }
        }
    } else {
        for (auto& r : readers) {
            OGR_L_ResetReading(r.layer);
            while (detail::FeaturePtr f{OGR_L_GetNextFeature(r.layer)}) {
                r.readFeature(f.get());
                if ((++done & 0x3FF) == 0) {
                    feedback.throwIfCanceled();
                    if (declaredTotal > 0)
                        feedback.setProgress(100.0 * double(done) / double(declaredTotal),
                                             QStringLiteral("reading %1").arg(path));
                }
            }
        }
    }
    if (!errors.failures().isEmpty())
        out.warnings << QStringLiteral("%1: GDAL reported errors while reading, so some features "
                                       "may be missing: %2")
                            .arg(path, errors.failures().join(QStringLiteral("; ")));

    for (auto& r : readers) {
        if (r.source.declaredFeatureCount > r.read)
            out.warnings << QStringLiteral("%1, layer %2: the file declares %3 features but only "
                                           "%4 could be read")
                                .arg(path, r.layerName)
                                .arg(r.source.declaredFeatureCount)
                                .arg(r.read);
        if (r.withoutGeometry > 0 && !r.byKind.empty())
            out.warnings << QStringLiteral("%1, layer %2: %3 features without geometry were left "
                                           "out of the map")
                                .arg(path, r.layerName)
                                .arg(r.withoutGeometry);
        if (r.skippedParts > 0)
            out.warnings << QStringLiteral("%1, layer %2: %3 geometry parts of another kind inside "
                                           "collections were left out")
                                .arg(path, r.layerName)
                                .arg(r.skippedParts);
        if (r.retraced > 0)
            out.warnings << QStringLiteral("%1, layer %2: %3 lines run out and back along their "
                                           "own vertices (A-B-A, as OSMnx exports write some "
                                           "ways); each was read as its outward half (A-B), so "
                                           "lengths and routes count it once")
                                .arg(path, r.layerName)
                                .arg(r.retraced);
        const bool split = r.byKind.size() > 1;
        for (auto& [kind, data] : r.byKind) {
            data->name =
                split ? QStringLiteral("%1 (%2)").arg(r.layerName, kindName(kind)) : r.layerName;
            data->source.declaredFeatureCount =
                split ? static_cast<std::int64_t>(data->features.size())
                      : r.source.declaredFeatureCount;
            data->extent = {};
            for (const auto& f : data->features)
                data->extent.expand(f.geometry.bounds());
            data->source.sourceExtent = data->extent;
            LayerInfo info;
            info.source = data->source;
            info.kind = kind;
            for (const auto& fd : data->fields)
                info.fieldNames << fd.name;
            // Carry the CRS WKT in crsAuthId until resolveCrs() turns it into a Crs.
            data->crsAuthId = r.crsWkt;
            out.layers.push_back(data);
            out.infos.push_back(std::move(info));
        }
        if (r.byKind.empty() && r.read > 0)
            out.warnings << QStringLiteral("%1, layer %2: %3 rows without geometry (a table, not "
                                           "a map layer) were not loaded")
                                .arg(path, r.layerName)
                                .arg(r.read);
    }
}

// A campaign file's imported layers (not its defects, draws or our tables), in its working
// CRS (named by its code in crsAuthId for resolveCrs). Opened read-only: a campaign of an
// older schema must first be opened for writing.
void readCampaignFile(const QString& path, SourceDataset& out) {
    core::Campaign campaign = core::Campaign::open(path, core::OpenMode::ReadOnly);
    const core::CampaignCrs crs = campaign.workingCrs();
    const QStringList tables = campaign.layerTables();
    if (tables.isEmpty())
        throw core::FormatError(QStringLiteral("campaign %1 holds no imported layers; add them "
                                               "with campaign new --import DATASET")
                                    .arg(path));
    for (const QString& table : tables) {
        auto data = std::make_shared<core::LayerData>(campaign.readLayer(table));
        if (data->features.empty())
            continue;
        data->source.path = path;
        data->source.layerName = table;
        data->source.driver = QStringLiteral("PeriSurvey campaign");
        data->source.declaredFeatureCount = static_cast<std::int64_t>(data->features.size());
        data->source.sourceExtent = data->extent;
        LayerInfo info;
        info.source = data->source;
        info.kind = data->kind;
        for (const auto& fd : data->fields)
            info.fieldNames << fd.name;
        // Carry the CRS WKT in crsAuthId until resolveCrs() turns it into a Crs.
        data->crsAuthId = crs.authId.isEmpty() ? crs.wkt : crs.authId;
        out.layers.push_back(std::move(data));
        out.infos.push_back(std::move(info));
    }
}

void readPointTableFile(const QString& path, const OpenOptions& options, SourceDataset& out) {
    for (auto& data : readPointTable(path, options.table)) {
        if (data->features.empty()) { // a header without rows: nothing to map
            out.warnings << QStringLiteral("%1, layer %2: the table has a header but no rows")
                                .arg(path, data->source.layerName);
            continue;
        }
        LayerInfo info;
        data->crsAuthId.clear();
        info.source = data->source;
        info.kind = data->kind;
        for (const auto& fd : data->fields)
            info.fieldNames << fd.name;
        out.layers.push_back(data);
        out.infos.push_back(std::move(info));
    }
}

// Puts the guess of the web-map system a file's name announces first, saying why.
void preferNamedOffset(std::vector<CrsGuess>& guesses, const OffsetHint& hint) {
    if (hint.offset == ChinaOffset::None)
        return;
    const QString code = offsetCrsCode(hint.offset);
    const auto it = std::find_if(guesses.begin(), guesses.end(),
                                 [&](const CrsGuess& g) { return g.code == code; });
    if (it == guesses.end())
        return;
    it->reason = QStringLiteral("The file's name says \"%1\". ").arg(hint.word) + it->reason;
    std::rotate(guesses.begin(), it, it + 1);
}

// A warning when a file declares plain lon/lat but its name announces a web-map system. OSM
// data is WGS 84 by definition, whatever the file is called.
QString nameContradicts(const core::LayerSource& source, const Crs& crs) {
    const OffsetHint hint = offsetHintFromName(source.path);
    if (hint.offset == ChinaOffset::None || !crs.isGeographic() ||
        crs.offset() != ChinaOffset::None || source.driver == QLatin1String("OSM"))
        return {};
    return QStringLiteral("%1, layer %2: the file declares %3, but its name says \"%4\", "
                          "which means %5 coordinates: those lie several hundred metres off "
                          "when read as %3. If the data came from that map, declare it with "
                          "--crs %6.")
        .arg(source.path, source.layerName, crs.label(), hint.word, offsetSystemName(hint.offset),
             offsetCrsCode(hint.offset));
}

// Decides each layer's source CRS: the user's declaration, else the file's, else flagged with
// guesses. Stores the decision in the layer's source description.
std::vector<Crs> resolveCrs(SourceDataset& ds, const OpenOptions& options) {
    std::vector<Crs> crs(ds.layers.size());
    const Crs declared = options.crs.isEmpty() ? Crs() : Crs::fromUserInput(options.crs);
    QSet<QString> namesChecked;
    for (std::size_t i = 0; i < ds.layers.size(); ++i) {
        auto& data = *ds.layers[i];
        auto& info = ds.infos[i];
        const QString fileWkt = data.crsAuthId;
        data.crsAuthId.clear();
        if (declared.isValid()) {
            crs[i] = declared;
            info.source.crsReason = QStringLiteral("declared by the user");
        } else if (!fileWkt.isEmpty()) {
            // A campaign names its CRS by code; files carry WKT.
            crs[i] = fileWkt.startsWith(QLatin1String("EPSG:")) ? Crs::fromUserInput(fileWkt)
                                                                : Crs::fromWkt(fileWkt);
            info.source.crsReason = QStringLiteral("declared in the file");
        } else {
            info.crsMissing = true;
            info.crsGuesses = guessCrs(data.extent);
            info.source.crsReason = QStringLiteral("missing: the file declares no CRS");
            preferNamedOffset(info.crsGuesses, offsetHintFromName(info.source.path));
        }
        // Once per file: the name is the file's, not its layers'.
        if (crs[i].isValid() && !declared.isValid() && !namesChecked.contains(info.source.path)) {
            namesChecked.insert(info.source.path);
            if (const QString w = nameContradicts(info.source, crs[i]); !w.isEmpty())
                ds.warnings << w;
        }
        if (crs[i].isValid()) {
            info.source.crsAuthId = crs[i].authId();
            info.source.crsName = crs[i].name();
            info.source.crsWkt = crs[i].offset() == ChinaOffset::None ? crs[i].wkt() : QString();
        }
        data.source = info.source;
    }
    return crs;
}

// The Crs a resolved layer source names (by code when it has one, else by its WKT).
Crs sourceCrsOf(const core::LayerSource& source) {
    if (!source.crsAuthId.isEmpty())
        return Crs::fromUserInput(source.crsAuthId);
    if (!source.crsWkt.isEmpty())
        return Crs::fromWkt(source.crsWkt);
    return {};
}

void collectFiles(const QString& dir, QStringList& files) {
    QDir d(dir);
    for (const auto& fi : d.entryInfoList(QDir::Files | QDir::Readable, QDir::Name))
        if (vectorSuffixes().contains(fi.suffix().toLower()))
            files << fi.filePath();
}

/// Transforms every feature into `to`; a large layer's second half on a second thread, with a
/// transformation of its own (PROJ objects are not shared between threads).
void transformFeatures(std::vector<core::Feature>& features, const Crs& from, const Crs& to) {
    const CoordinateTransform t(from, to);
    if (t.isIdentity())
        return;
    constexpr std::size_t kSplitAbove = 20000;
    const std::size_t half =
        features.size() > kSplitAbove && std::thread::hardware_concurrency() > 1
            ? features.size() / 2
            : features.size();
    std::future<void> second; // waits in its destructor, also when the first half throws
    if (half < features.size())
        second = std::async(std::launch::async, [&features, &from, &to, half] {
            const CoordinateTransform own(from, to);
            for (std::size_t i = half; i < features.size(); ++i)
                own.apply(features[i].geometry);
        });
    for (std::size_t i = 0; i < half; ++i)
        t.apply(features[i].geometry);
    if (second.valid())
        second.get();
}

} // namespace

void initGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Shapefile encodings are decided by PeriSurvey (see decideShapefileEncoding).
        CPLSetConfigOption("OGR_SKIP", "");
    });
}

QString osmConfigPath() {
    const QString p = core::resourcePath(QStringLiteral("osm/osmconf.ini"));
    if (p.isEmpty())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("the OSM configuration resources/osm/osmconf.ini is missing "
                                   "from this installation; reinstall PeriSurvey"));
    return p;
}

SourceDataset readDataset(const QString& path, const OpenOptions& options,
                          core::Feedback& feedback) {
    initGdal();
    const QFileInfo fi(path);
    if (!fi.exists())
        throw Error(ErrorCode::NotFound,
                    QStringLiteral("%1: no such file or folder; check the path").arg(path));
    SourceDataset ds;
    ds.path = path;
    QStringList files;
    if (fi.isDir() && !path.endsWith(QLatin1String(".gdb"), Qt::CaseInsensitive)) {
        collectFiles(path, files);
        if (files.isEmpty())
            throw core::FormatError(
                QStringLiteral("%1: the folder holds no vector files PeriSurvey reads").arg(path));
    } else {
        files << path;
    }
    for (int i = 0; i < files.size(); ++i) {
        core::Feedback fileFeedback(feedback, 100.0 * i / files.size(),
                                    100.0 * (i + 1) / files.size());
        fileFeedback.throwIfCanceled();
        if (isPointTableFile(files[i]))
            readPointTableFile(files[i], options, ds);
        else if (core::Campaign::isCampaignFile(files[i]))
            readCampaignFile(files[i], ds);
        else
            readGdalFile(files[i], options, fileFeedback, ds);
    }
    if (ds.layers.empty())
        throw core::FormatError(
            QStringLiteral("%1: no layer has any feature with a geometry "
                           "(empty layer%2)")
                .arg(path, ds.warnings.isEmpty()
                               ? QString()
                               : QStringLiteral("; ") + ds.warnings.join(QStringLiteral("; "))));
    const std::vector<Crs> crs = resolveCrs(ds, options);
    for (std::size_t i = 0; i < ds.layers.size(); ++i)
        if (const QString w = checkLonLatColumns(*ds.layers[i], crs[i]); !w.isEmpty())
            ds.warnings << w;
    for (auto& info : ds.infos)
        for (const auto& w : ds.warnings)
            if (w.contains(info.source.layerName))
                info.warnings << w;
    return ds;
}

std::vector<LayerInfo> inspectDataset(const QString& path, const OpenOptions& options) {
    core::Feedback quiet;
    return readDataset(path, options, quiet).infos;
}

Crs workingCrsFor(const std::vector<LayerInfo>& layers) {
    core::Box lonLat;
    const Crs wgs84 = Crs::fromEpsg(4326);
    for (const auto& info : layers) {
        if (info.crsMissing || info.source.sourceExtent.empty())
            continue;
        const Crs src = sourceCrsOf(info.source);
        if (!src.isValid())
            continue;
        CoordinateTransform t(src, wgs84);
        const core::Box& e = info.source.sourceExtent;
        lonLat.expand(t.apply(core::Point{e.minX, e.minY}));
        lonLat.expand(t.apply(core::Point{e.maxX, e.maxY}));
    }
    if (lonLat.empty())
        throw core::CrsError(QStringLiteral(
            "no layer has a known coordinate reference system, so no working CRS can be chosen; "
            "declare the data's CRS (e.g. --crs EPSG:4490)"));
    return chooseWorkingCrs(lonLat.center());
}

LoadedDataset loadDataset(const QString& path, const Crs& working, const OpenOptions& options,
                          core::Feedback& feedback) {
    core::Feedback readFeedback(feedback, 0, 70);
    SourceDataset ds = readDataset(path, options, readFeedback);
    core::Feedback indexFeedback(feedback, 70, 100);
    return loadDataset(std::move(ds), working, options, indexFeedback);
}

LoadedDataset loadDataset(SourceDataset ds, const Crs& working, const OpenOptions& options,
                          core::Feedback& feedback) {
    const QString path = ds.path;
    LoadedDataset out;
    out.path = path;
    out.warnings = ds.warnings;
    for (std::size_t i = 0; i < ds.layers.size(); ++i) {
        feedback.throwIfCanceled();
        auto& data = *ds.layers[i];
        const auto& info = ds.infos[i];
        Crs src;
        if (info.crsMissing) {
            const bool usable = !info.crsGuesses.empty() && !info.crsGuesses.front().code.isEmpty();
            if (!options.acceptCrsGuess || !usable) {
                QStringList guesses;
                for (const auto& g : info.crsGuesses)
                    guesses << (g.code.isEmpty() ? g.reason
                                                 : g.code + QStringLiteral(": ") + g.reason);
                throw core::CrsError(
                    QStringLiteral("%1, layer %2 has no coordinate reference system. Declare it "
                                   "(e.g. --crs EPSG:4490)%3")
                        .arg(path, info.source.layerName,
                             guesses.isEmpty() ? QString()
                                               : QStringLiteral("; plausible: ") +
                                                     guesses.join(QStringLiteral("; "))));
            }
            src = Crs::fromUserInput(info.crsGuesses.front().code);
            data.source.crsAuthId = src.authId();
            data.source.crsReason = QStringLiteral("guessed: ") + info.crsGuesses.front().reason;
            out.warnings << QStringLiteral("%1, layer %2: no CRS declared; assumed %3 (%4)")
                                .arg(path, info.source.layerName, src.authId(),
                                     info.crsGuesses.front().reason);
        } else {
            src = sourceCrsOf(info.source);
        }
        // Chinese web-map coordinates are converted; the originals stay on the features.
        if (src.offset() != ChinaOffset::None && data.kind == GeometryKind::Point) {
            data.fields.push_back({QStringLiteral("src_crs"), core::FieldType::String});
            data.fields.push_back({QStringLiteral("src_lon"), core::FieldType::Real});
            data.fields.push_back({QStringLiteral("src_lat"), core::FieldType::Real});
            for (auto& f : data.features) {
                f.attributes.push_back(src.authId());
                f.attributes.push_back(f.geometry.points.front().x);
                f.attributes.push_back(f.geometry.points.front().y);
            }
        }
        transformFeatures(data.features, src, working);
        data.crsAuthId = working.authId();
        data.buildIndex();
        out.layers.push_back(ds.layers[i]);
        feedback.setProgress(100.0 * double(i + 1) / double(ds.layers.size()),
                             QStringLiteral("indexing %1").arg(data.name));
    }
    return out;
}

} // namespace gis
