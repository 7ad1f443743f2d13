<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>app::CampaignController</name>
    <message>
        <source>Unexpected failure while drawing: %1</source>
        <translation>Unexpected failure while drawing: %1</translation>
    </message>
    <message>
        <source>Unexpected failure while opening %1: %2</source>
        <translation>Unexpected failure while opening %1: %2</translation>
    </message>
</context>
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
    <name>app::DrawPanel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>Anchor / drawn item</source>
        <translation>Anchor / drawn item</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Draw record...</source>
        <translation>Draw record...</translation>
    </message>
    <message>
        <source>No draw yet. Use Draw &gt; New draw... to make one.</source>
        <translation>No draw yet. Use Draw &gt; New draw... to make one.</translation>
    </message>
    <message>
        <source>Back street: %1</source>
        <translation>Back street: %1</translation>
    </message>
    <message>
        <source>%1 m long, %2 m away</source>
        <translation>%1 m long, %2 m away</translation>
    </message>
    <message>
        <source>Compound: %1</source>
        <translation>Compound: %1</translation>
    </message>
    <message>
        <source>%1 m², centroid %2 m away</source>
        <translation>%1 m², centroid %2 m away</translation>
    </message>
    <message numerus="yes">
        <source>Shortfall: %n %1 missing</source>
        <translation>
            <numerusform>Shortfall: %n %1 missing</numerusform>
            <numerusform>Shortfall: %n %1 missing</numerusform>
        </translation>
    </message>
    <message>
        <source>no eligible %1 in the ring</source>
        <translation>no eligible %1 in the ring</translation>
    </message>
    <message numerus="yes">
        <source>only %n eligible left in the ring</source>
        <translation>
            <numerusform>only %n eligible left in the ring</numerusform>
            <numerusform>only %n eligible left in the ring</numerusform>
        </translation>
    </message>
    <message>
        <source>back street(s)</source>
        <translation>back street(s)</translation>
    </message>
    <message>
        <source>compound(s)</source>
        <translation>compound(s)</translation>
    </message>
    <message>
        <source>Draw %1 · seed %2
%3 anchors, %4 back streets, %5 compounds, shortfall %6</source>
        <translation>Draw %1 · seed %2
%3 anchors, %4 back streets, %5 compounds, shortfall %6</translation>
    </message>
</context>
<context>
    <name>app::DrawRecordDialog</name>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>Draw record %1</source>
        <translation>Draw record %1</translation>
    </message>
    <message>
        <source>Draw record</source>
        <translation>Draw record</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Draw id</source>
        <translation>Draw id</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source> (from the operating system)</source>
        <translation> (from the operating system)</translation>
    </message>
    <message>
        <source>Anchor kinds</source>
        <translation>Anchor kinds</translation>
    </message>
    <message>
        <source>Anchors per kind</source>
        <translation>Anchors per kind</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>%1 m to %2 m</source>
        <translation>%1 m to %2 m</translation>
    </message>
    <message>
        <source>Back streets per anchor</source>
        <translation>Back streets per anchor</translation>
    </message>
    <message>
        <source>Compounds per anchor</source>
        <translation>Compounds per anchor</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>not allowed</translation>
    </message>
    <message>
        <source>Working CRS</source>
        <translation>Working CRS</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <source>Role rules</source>
        <translation>Role rules</translation>
    </message>
    <message>
        <source>Input layer</source>
        <translation>Input layer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n feature(s), SHA-256 %2</source>
        <translation>
            <numerusform>%1: %n feature, SHA-256 %2</numerusform>
            <numerusform>%1: %n features, SHA-256 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Result fingerprint</source>
        <translation>Result fingerprint</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>Anchors</translation>
    </message>
    <message>
        <source>streets: %1; compounds: %2</source>
        <translation>streets: %1; compounds: %2</translation>
    </message>
    <message>
        <source>; shortfall %1</source>
        <translation>; shortfall %1</translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation>Record (JSON)</translation>
    </message>
    <message>
        <source>Save certificate (PDF)...</source>
        <translation>Save certificate (PDF)...</translation>
    </message>
    <message>
        <source>Save draw certificate</source>
        <translation>Save draw certificate</translation>
    </message>
    <message>
        <source>draw-certificate-%1.pdf</source>
        <translation>draw-certificate-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the certificate</source>
        <translation>Could not save the certificate</translation>
    </message>
</context>
<context>
    <name>app::DrawWizard</name>
    <message>
        <source>New draw</source>
        <translation>New draw</translation>
    </message>
    <message>
        <source>Anchor kinds</source>
        <translation>Anchor kinds</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>0 = every anchor of the kind; N = N anchors drawn per kind</source>
        <translation>0 = every anchor of the kind; N = N anchors drawn per kind</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>An item may be drawn for several anchors</source>
        <translation>An item may be drawn for several anchors</translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation>New random seed</translation>
    </message>
    <message>
        <source>Who runs the draw (recorded)</source>
        <translation>Who runs the draw (recorded)</translation>
    </message>
    <message>
        <source>Anchors per kind:</source>
        <translation>Anchors per kind:</translation>
    </message>
    <message>
        <source>Ring inner radius:</source>
        <translation>Ring inner radius:</translation>
    </message>
    <message>
        <source>Ring outer radius:</source>
        <translation>Ring outer radius:</translation>
    </message>
    <message>
        <source>Back streets per anchor:</source>
        <translation>Back streets per anchor:</translation>
    </message>
    <message>
        <source>Compounds per anchor:</source>
        <translation>Compounds per anchor:</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Repeats:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Choose at least one anchor kind.</source>
        <translation>Choose at least one anchor kind.</translation>
    </message>
    <message>
        <source>The outer radius must be larger than the inner radius.</source>
        <translation>The outer radius must be larger than the inner radius.</translation>
    </message>
    <message>
        <source>Back streets: the minimum is larger than the maximum.</source>
        <translation>Back streets: the minimum is larger than the maximum.</translation>
    </message>
    <message>
        <source>Compounds: the minimum is larger than the maximum.</source>
        <translation>Compounds: the minimum is larger than the maximum.</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615.</source>
        <translation>The seed must be a whole number from 0 to 18446744073709551615.</translation>
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
    <message>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Could not open the campaign</source>
        <translation>Could not open the campaign</translation>
    </message>
    <message numerus="yes">
        <source>Draw %1 recorded (seed %2): %n anchor(s)</source>
        <translation>
            <numerusform>Draw %1 recorded (seed %2): %n anchor</numerusform>
            <numerusform>Draw %1 recorded (seed %2): %n anchors</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw cancelled; nothing was recorded</source>
        <translation>Draw cancelled; nothing was recorded</translation>
    </message>
    <message>
        <source>The draw failed</source>
        <translation>The draw failed</translation>
    </message>
    <message>
        <source>Click the start point on the map</source>
        <translation>Click the start point on the map</translation>
    </message>
    <message>
        <source>Route written to %1</source>
        <translation>Route written to %1</translation>
    </message>
    <message>
        <source>The route failed</source>
        <translation>The route failed</translation>
    </message>
    <message>
        <source>Route cancelled</source>
        <translation>Route cancelled</translation>
    </message>
    <message>
        <source>Open &amp;campaign...</source>
        <translation>Open &amp;campaign...</translation>
    </message>
    <message>
        <source>&amp;Draw panel</source>
        <translation>&amp;Draw panel</translation>
    </message>
    <message>
        <source>&amp;Route panel</source>
        <translation>&amp;Route panel</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>&amp;Draw</translation>
    </message>
    <message>
        <source>&amp;New draw...</source>
        <translation>&amp;New draw...</translation>
    </message>
    <message>
        <source>Draw &amp;record...</source>
        <translation>Draw &amp;record...</translation>
    </message>
    <message>
        <source>Open campaign</source>
        <translation>Open campaign</translation>
    </message>
    <message>
        <source>Campaign (*.gpkg);;All files (*)</source>
        <translation>Campaign (*.gpkg);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is not a PeriSurvey campaign file.</source>
        <translation>%1 is not a PeriSurvey campaign file.</translation>
    </message>
    <message numerus="yes">
        <source>Campaign %1 opened; %n overdue card(s) escalated</source>
        <translation>
            <numerusform>Campaign %1 opened; %n overdue card escalated</numerusform>
            <numerusform>Campaign %1 opened; %n overdue cards escalated</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning the route...</source>
        <translation>Planning the route...</translation>
    </message>
    <message numerus="yes">
        <source>Route planned: %n team(s)</source>
        <translation>
            <numerusform>Route planned: %n team</numerusform>
            <numerusform>Route planned: %n teams</numerusform>
        </translation>
    </message>
    <message>
        <source>Export route</source>
        <translation>Export route</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 files (*.%2)</translation>
    </message>
    <message>
        <source>%1 route, draw %2</source>
        <translation>%1 route, draw %2</translation>
    </message>
    <message>
        <source>Drawing the sample...</source>
        <translation>Drawing the sample...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>New draw</source>
        <translation>New draw</translation>
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
    <name>app::RouteController</name>
    <message>
        <source>The campaign has no roads to route on.</source>
        <translation>The campaign has no roads to route on.</translation>
    </message>
    <message>
        <source>The current draw has no drawn streets or compounds to visit.</source>
        <translation>The current draw has no drawn streets or compounds to visit.</translation>
    </message>
</context>
<context>
    <name>app::RoutePanel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Walk</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>E-bike</source>
        <translation>E-bike</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Round trip (back to the start)</source>
        <translation>Round trip (back to the start)</translation>
    </message>
    <message>
        <source>chosen by the order</source>
        <translation>chosen by the order</translation>
    </message>
    <message>
        <source>Pick on map</source>
        <translation>Pick on map</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>Teams:</translation>
    </message>
    <message>
        <source>Budget per team:</source>
        <translation>Budget per team:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Compute route</source>
        <translation>Compute route</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Along</source>
        <translation>Along</translation>
    </message>
    <message>
        <source>GPX</source>
        <translation>GPX</translation>
    </message>
    <message>
        <source>KML</source>
        <translation>KML</translation>
    </message>
    <message>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <source>Route sheet (PDF)</source>
        <translation>Route sheet (PDF)</translation>
    </message>
    <message>
        <source>Routes need a campaign with a draw.</source>
        <translation>Routes need a campaign with a draw.</translation>
    </message>
    <message>
        <source>No route yet.</source>
        <translation>No route yet.</translation>
    </message>
    <message>
        <source>back to the start</source>
        <translation>back to the start</translation>
    </message>
    <message>
        <source>end</source>
        <translation>end</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source> (along the street)</source>
        <translation> (along the street)</translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s), %1 in total, longest day %2</source>
        <translation>
            <numerusform>%n stop, %1 in total, longest day %2</numerusform>
            <numerusform>%n stops, %1 in total, longest day %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) do not fit the budget</source>
        <translation>
            <numerusform>%n stop does not fit the budget</numerusform>
            <numerusform>%n stops do not fit the budget</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) cannot be reached on the roads</source>
        <translation>
            <numerusform>%n stop cannot be reached on the roads</numerusform>
            <numerusform>%n stops cannot be reached on the roads</numerusform>
        </translation>
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
