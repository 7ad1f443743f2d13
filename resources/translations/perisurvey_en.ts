<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>app::DistrictController</name>
    <message>
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <source>Unexpected failure while loading: %1</source>
        <translation>Unexpected failure while loading: %1</translation>
    </message>
</context>
<context>
    <name>app::LayerPanel</name>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>lines</translation>
    </message>
    <message>
        <source>polygons</source>
        <translation>polygons</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>no geometry</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Source layer: %1</source>
        <translation>Source layer: %1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>Source CRS: %1 %2</source>
        <translation>Source CRS: %1 %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Encoding: %1 %2</source>
        <translation>Encoding: %1 %2</translation>
    </message>
    <message>
        <source>Working CRS: %1</source>
        <translation>Working CRS: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>unclassified</source>
        <translation>unclassified</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Loading cancelled</translation>
    </message>
    <message>
        <source>Drawing the map failed: %1</source>
        <translation>Drawing the map failed: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Open...</translation>
    </message>
    <message>
        <source>&amp;Close district</source>
        <translation>&amp;Close district</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Zoom to &amp;district</source>
        <translation>Zoom to &amp;district</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>&amp;Layers</translation>
    </message>
    <message>
        <source>Data &amp;warnings...</source>
        <translation>Data &amp;warnings...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About PeriSurvey</source>
        <translation>&amp;About PeriSurvey</translation>
    </message>
    <message>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.osm *.pbf *.kml *.gml *.csv *.xlsx *.tab *.mif *.sqlite *.fgb *.zip);;All files (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.osm *.pbf *.kml *.gml *.csv *.xlsx *.tab *.mif *.sqlite *.fgb *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Open district data</source>
        <translation>Open district data</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>Loading %1...</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) loaded</source>
        <translation>
            <numerusform>%n layer loaded</numerusform>
            <numerusform>%n layers loaded</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the data</source>
        <translation>Could not open the data</translation>
    </message>
    <message>
        <source>Some data could not be loaded.</source>
        <translation>Some data could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>Loaded with %n warning(s): %1</source>
        <translation>
            <numerusform>Loaded with %n warning: %1</numerusform>
            <numerusform>Loaded with %n warnings: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>About PeriSurvey</source>
        <translation>About PeriSurvey</translation>
    </message>
    <message>
        <source>&lt;b&gt;PeriSurvey %1&lt;/b&gt;&lt;p&gt;Plans, draws and tracks the &quot;six peripheries&quot; field inspections of a civilized-city evaluation: anchors, back streets and compounds around them, defects and supervision cards.&lt;/p&gt;</source>
        <translation>&lt;b&gt;PeriSurvey %1&lt;/b&gt;&lt;p&gt;Plans, draws and tracks the &quot;six peripheries&quot; field inspections of a civilized-city evaluation: anchors, back streets and compounds around them, defects and supervision cards.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>app::MapStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Stop loading</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Scale %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Working CRS: %1</source>
        <translation>Working CRS: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::Roles</name>
    <message>
        <source>Farmers&apos; market</source>
        <translation>Farmers&apos; market</translation>
    </message>
    <message>
        <source>Mall / supermarket</source>
        <translation>Mall / supermarket</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Transport station</source>
        <translation>Transport station</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Back street</source>
        <translation>Back street</translation>
    </message>
    <message>
        <source>Main road</source>
        <translation>Main road</translation>
    </message>
    <message>
        <source>Residential compound</source>
        <translation>Residential compound</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>District boundary</source>
        <translation>District boundary</translation>
    </message>
    <message>
        <source>Public toilet</source>
        <translation>Public toilet</translation>
    </message>
</context>
<context>
    <name>app::WarningsDialog</name>
    <message>
        <source>Data warnings</source>
        <translation>Data warnings</translation>
    </message>
    <message>
        <source>The data was loaded, but some of it may be incomplete or was read with guesses:</source>
        <translation>The data was loaded, but some of it may be incomplete or was read with guesses:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
</TS>
