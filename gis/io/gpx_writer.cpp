#include "gis/io/gpx_writer.h"

#include "core/util/error.h"

#include <QSaveFile>
#include <QXmlStreamWriter>

namespace gis {

namespace {

QString coord(double v) {
    return QString::number(v, 'f', 7);
}

void textElement(QXmlStreamWriter& xml, const char* name, const QString& text) {
    if (!text.isEmpty())
        xml.writeTextElement(QString::fromLatin1(name), text);
}

void point(QXmlStreamWriter& xml, const char* element, core::Point p) {
    xml.writeStartElement(QString::fromLatin1(element));
    xml.writeAttribute(QStringLiteral("lat"), coord(p.y));
    xml.writeAttribute(QStringLiteral("lon"), coord(p.x));
}

} // namespace

QByteArray gpxBytes(const GpxDocument& document) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    const QString ns = QStringLiteral("http://www.topografix.com/GPX/1/1");
    xml.writeDefaultNamespace(ns);
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"),
                       QStringLiteral("xsi"));
    xml.writeStartElement(ns, QStringLiteral("gpx"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    xml.writeAttribute(QStringLiteral("creator"), document.creator);
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"),
                       QStringLiteral("schemaLocation"),
                       QStringLiteral("http://www.topografix.com/GPX/1/1 "
                                      "http://www.topografix.com/GPX/1/1/gpx.xsd"));

    core::Box bounds;
    for (const auto& w : document.waypoints)
        bounds.expand(w.lonLat);
    for (const auto& t : document.tracks)
        for (const auto& seg : t.segments)
            for (const auto& p : seg)
                bounds.expand(p);

    xml.writeStartElement(QStringLiteral("metadata"));
    textElement(xml, "name", document.name);
    textElement(xml, "desc", document.description);
    if (document.time.isValid())
        xml.writeTextElement(QStringLiteral("time"), document.time.toUTC().toString(Qt::ISODate));
    if (!bounds.empty()) {
        xml.writeEmptyElement(QStringLiteral("bounds"));
        xml.writeAttribute(QStringLiteral("minlat"), coord(bounds.minY));
        xml.writeAttribute(QStringLiteral("minlon"), coord(bounds.minX));
        xml.writeAttribute(QStringLiteral("maxlat"), coord(bounds.maxY));
        xml.writeAttribute(QStringLiteral("maxlon"), coord(bounds.maxX));
    }
    xml.writeEndElement();

    for (const auto& w : document.waypoints) {
        point(xml, "wpt", w.lonLat);
        textElement(xml, "name", w.name);
        textElement(xml, "desc", w.description);
        textElement(xml, "type", w.type);
        xml.writeEndElement();
    }
    for (const auto& t : document.tracks) {
        xml.writeStartElement(QStringLiteral("trk"));
        textElement(xml, "name", t.name);
        textElement(xml, "desc", t.description);
        for (const auto& seg : t.segments) {
            xml.writeStartElement(QStringLiteral("trkseg"));
            for (const auto& p : seg) {
                point(xml, "trkpt", p);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

void writeGpx(const QString& path, const GpxDocument& document) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw core::IoError(QStringLiteral("cannot write GPX file %1: %2 (check the folder exists "
                                           "and is writable)")
                                .arg(path, file.errorString()));
    const QByteArray bytes = gpxBytes(document);
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw core::IoError(
            QStringLiteral("cannot write GPX file %1: %2").arg(path, file.errorString()));
}

} // namespace gis
