#include "gis/proj/crs.h"

#include "core/util/error.h"
#include "gis/proj/detail/srs.h"

#include <geodesic.h>

#include <QByteArray>
#include <QHash>

#include <array>
#include <mutex>

namespace gis {
namespace detail {
namespace {

constexpr int kShownInputLength = 80;

// Long WKT would swamp a one-line message; the start is enough to recognise it.
QString shortened(const QString& input) {
    const QString simple = input.simplified();
    if (simple.size() <= kShownInputLength)
        return simple;
    return simple.left(kShownInputLength) + QStringLiteral("...");
}

QString acceptedForms() {
    return QStringLiteral("Give an EPSG code such as EPSG:4547 or 4547, GCJ02, BD09, a WKT "
                          "definition, or a PROJ string such as +proj=utm +zone=50 "
                          "+datum=WGS84.");
}

QString withLibraryMessage(const QString& text) {
    const QString why = lastGdalError();
    return why.isEmpty() ? text : text + QStringLiteral(" (") + why + QStringLiteral(")");
}

QString exportWkt(OGRSpatialReferenceH srs) {
    const std::array<const char*, 3> wkt2 = {"FORMAT=WKT2_2018", "MULTILINE=NO", nullptr};
    char* raw = nullptr;
    if (OSRExportToWktEx(srs, &raw, wkt2.data()) != OGRERR_NONE || raw == nullptr) {
        // A few ESRI/engineering definitions have no WKT2 form; WKT1 still round-trips them.
        CPLFree(raw);
        raw = nullptr;
        if (OSRExportToWkt(srs, &raw) != OGRERR_NONE || raw == nullptr) {
            CPLFree(raw);
            return {};
        }
    }
    const CplString owner(raw);
    return QString::fromUtf8(owner.get());
}

QString authorityOf(OGRSpatialReferenceH srs) {
    const char* name = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (name == nullptr || code == nullptr || *name == '\0' || *code == '\0')
        return {};
    return QString::fromUtf8(name).toUpper() + QLatin1Char(':') + QString::fromUtf8(code);
}

struct Identification {
    QString authId;
    QString name;
};

// An EPSG code only when the definition is equivalent to it: a bare "+proj=tmerc +ellps=GRS80"
// resembles EPSG:4547 but lacks its datum, and labelling it 4547 would hide that.
Identification searchAuthority(OGRSpatialReferenceH srs) {
    Identification id;

    SrsPtr clone(OSRClone(srs));
    if (clone && OSRAutoIdentifyEPSG(clone.get()) == OGRERR_NONE) {
        id.authId = authorityOf(clone.get());
        if (!id.authId.isEmpty())
            return id;
    }

    int count = 0;
    int* confidences = nullptr;
    OGRSpatialReferenceH* matches = OSRFindMatches(srs, nullptr, &count, &confidences);
    for (int i = 0; i < count && id.authId.isEmpty(); ++i) {
        OGRSpatialReferenceH match = matches[i];
        OSRSetAxisMappingStrategy(match, OAMS_TRADITIONAL_GIS_ORDER);
        const QString auth = authorityOf(match);
        const bool exact = confidences[i] >= 100;
        const bool equivalent = confidences[i] >= 70 && auth.startsWith(QLatin1String("EPSG:")) &&
                                OSRIsSame(srs, match);
        if (!auth.isEmpty() && (exact || equivalent)) {
            id.authId = auth;
            id.name = QString::fromUtf8(OSRGetName(match));
        }
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidences);
    return id;
}

// Searching the EPSG database takes a few hundred milliseconds, and every shapefile of a
// district carries the same ESRI .prj: remember the answers for the process's lifetime.
Identification identify(OGRSpatialReferenceH srs, const QString& wkt) {
    Identification id;
    id.authId = authorityOf(srs);
    if (!id.authId.isEmpty())
        return id;
    static std::mutex mutex;
    static QHash<QString, Identification> known;
    {
        const std::lock_guard lock(mutex);
        const auto it = known.constFind(wkt);
        if (it != known.constEnd())
            return *it;
    }
    id = searchAuthority(srs);
    const std::lock_guard lock(mutex);
    known.insert(wkt, id);
    return id;
}

QString proj4Of(OGRSpatialReferenceH srs) {
    char* raw = nullptr;
    if (OSRExportToProj4(srs, &raw) != OGRERR_NONE || raw == nullptr) {
        CPLFree(raw);
        return {};
    }
    const CplString owner(raw);
    return QString::fromUtf8(owner.get()).trimmed();
}

} // namespace

SrsPtr newTraditionalSrs() {
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    if (!srs)
        throw core::CrsError(QStringLiteral("Out of memory creating a spatial reference."));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

SrsPtr makeSrs(const Crs& crs) {
    if (!crs.isValid())
        throw core::CrsError(
            QStringLiteral("No coordinate reference system is set; choose one (e.g. EPSG:4490)."));
    const QuietErrors quiet;
    SrsPtr srs = newTraditionalSrs();
    const QByteArray wkt = crs.wkt().toUtf8();
    if (OSRSetFromUserInput(srs.get(), wkt.constData()) != OGRERR_NONE)
        throw core::CrsError(withLibraryMessage(QStringLiteral("The definition of %1 can no "
                                                               "longer be read by PROJ")
                                                    .arg(crs.label())));
    // Importing can reset the strategy; lon/lat must stay x/y whatever the EPSG order is.
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Crs CrsFactory::fromSrs(OGRSpatialReferenceH srs, const QString& input) {
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    Crs crs;
    crs.wkt_ = exportWkt(srs);
    if (crs.wkt_.isEmpty())
        throw core::CrsError(withLibraryMessage(
            QStringLiteral("\"%1\" was read but cannot be written as WKT; it is not a usable "
                           "coordinate reference system. ")
                .arg(shortened(input)) +
            acceptedForms()));
    const Identification id = identify(srs, crs.wkt_);
    crs.authId_ = id.authId;
    const char* name = OSRGetName(srs);
    crs.name_ = name ? QString::fromUtf8(name) : QString();
    if (crs.name_.isEmpty() || crs.name_ == QLatin1String("unknown"))
        crs.name_ = !id.name.isEmpty() ? id.name : proj4Of(srs);
    crs.geographic_ = OSRIsGeographic(srs) != 0;
    return crs;
}

Crs CrsFactory::pseudo(ChinaOffset offset) {
    Crs crs = Crs::fromEpsg(4326);
    crs.offset_ = offset;
    if (offset == ChinaOffset::Gcj02) {
        crs.authId_ = QStringLiteral("GCJ02");
        crs.name_ = QStringLiteral("GCJ-02 (WGS 84 with the offset of Amap/Tencent maps)");
    } else {
        crs.authId_ = QStringLiteral("BD09");
        crs.name_ = QStringLiteral("BD-09 (GCJ-02 with the further offset of Baidu maps)");
    }
    return crs;
}

} // namespace detail

Crs Crs::fromUserInput(const QString& definition) {
    const QString input = definition.trimmed();
    if (input.isEmpty())
        throw core::CrsError(QStringLiteral("No coordinate reference system was given. ") +
                             detail::acceptedForms());

    QString compact = input.toUpper();
    compact.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (compact == QLatin1String("GCJ02"))
        return detail::CrsFactory::pseudo(ChinaOffset::Gcj02);
    if (compact == QLatin1String("BD09") || compact == QLatin1String("BD09LL"))
        return detail::CrsFactory::pseudo(ChinaOffset::Bd09);

    bool allDigits = false;
    const int code = input.toInt(&allDigits);
    if (allDigits && code > 0)
        return fromEpsg(code);

    const detail::QuietErrors quiet;
    CPLErrorReset();
    detail::SrsPtr srs = detail::newTraditionalSrs();
    const QByteArray utf8 = input.toUtf8();
    if (OSRSetFromUserInput(srs.get(), utf8.constData()) != OGRERR_NONE)
        throw core::CrsError(
            detail::withLibraryMessage(QStringLiteral("\"%1\" is not a coordinate reference "
                                                      "system")
                                           .arg(detail::shortened(input))) +
            QStringLiteral(". ") + detail::acceptedForms());
    return detail::CrsFactory::fromSrs(srs.get(), input);
}

Crs Crs::fromEpsg(int code) {
    const detail::QuietErrors quiet;
    CPLErrorReset();
    detail::SrsPtr srs = detail::newTraditionalSrs();
    if (OSRImportFromEPSG(srs.get(), code) != OGRERR_NONE)
        throw core::CrsError(
            detail::withLibraryMessage(
                QStringLiteral("EPSG:%1 is not a coordinate reference system known to PROJ")
                    .arg(code)) +
            QStringLiteral(". Check the code (CGCS2000 lon/lat is EPSG:4490, its 3-degree "
                           "Gauss-Kruger zones are EPSG:4513-4554)."));
    return detail::CrsFactory::fromSrs(srs.get(), QStringLiteral("EPSG:%1").arg(code));
}

Crs Crs::fromWkt(const QString& wkt) {
    const detail::QuietErrors quiet;
    CPLErrorReset();
    detail::SrsPtr srs = detail::newTraditionalSrs();
    QByteArray utf8 = wkt.trimmed().toUtf8();
    char* cursor = utf8.data();
    if (utf8.isEmpty() || OSRImportFromWkt(srs.get(), &cursor) != OGRERR_NONE)
        throw core::CrsError(
            detail::withLibraryMessage(
                QStringLiteral("The WKT \"%1\" is not a valid coordinate reference system")
                    .arg(detail::shortened(wkt))) +
            QStringLiteral(". Check the .prj file or give the CRS by its EPSG code."));
    return detail::CrsFactory::fromSrs(srs.get(), wkt);
}

int Crs::epsg() const {
    if (!authId_.startsWith(QLatin1String("EPSG:")))
        return 0;
    bool ok = false;
    const int code = authId_.mid(5).toInt(&ok);
    return ok ? code : 0;
}

bool Crs::isSameAs(const Crs& other) const {
    if (offset_ != other.offset_)
        return false;
    if (!isValid() || !other.isValid())
        return isValid() == other.isValid();
    if (wkt_ == other.wkt_)
        return true;
    // An authority code is only set when the definition is equivalent to it, up to axis order
    // (identify()); OSRIsSame alone would call an ESRI .prj (easting first) and the EPSG
    // definition (northing first) different.
    if (!authId_.isEmpty() && authId_ == other.authId_)
        return true;
    const detail::SrsPtr a = detail::makeSrs(*this);
    const detail::SrsPtr b = detail::makeSrs(other);
    return OSRIsSame(a.get(), b.get()) != 0;
}

QString Crs::label() const {
    if (!authId_.isEmpty())
        return authId_;
    if (!name_.isEmpty())
        return name_;
    return isValid() ? QStringLiteral("a custom CRS") : QStringLiteral("no CRS");
}

double geodesicDistance(core::Point lonLatA, core::Point lonLatB) {
    // CGCS2000's flattening differs from WGS84's by 1e-11: far below a millimetre at city scale.
    static const geod_geodesic ellipsoid = [] {
        geod_geodesic g{};
        geod_init(&g, 6378137.0, 1.0 / 298.257223563);
        return g;
    }();
    double metres = 0;
    geod_inverse(&ellipsoid, lonLatA.y, lonLatA.x, lonLatB.y, lonLatB.x, &metres, nullptr, nullptr);
    return metres;
}

} // namespace gis
