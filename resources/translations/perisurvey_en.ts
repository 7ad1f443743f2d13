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
    <name>app::ChecklistPanel</name>
    <message>
        <source>Back street</source>
        <translation>Back street</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>Compound</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>&lt;br&gt;No checklist applies to this kind of place.</source>
        <translation>&lt;br&gt;No checklist applies to this kind of place.</translation>
    </message>
    <message>
        <source>Pick a drawn street, compound or anchor on the map with the defect or identify tool to inspect it.</source>
        <translation>Pick a drawn street, compound or anchor on the map with the defect or identify tool to inspect it.</translation>
    </message>
    <message>
        <source>
Fails as defect %1</source>
        <translation>
Fails as defect %1</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message numerus="yes">
        <source>Score rate: nothing judged yet (%n item(s))</source>
        <translation>
            <numerusform>Score rate: nothing judged yet (%n item)</numerusform>
            <numerusform>Score rate: nothing judged yet (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>Score rate %1% (%2/%3 judged, %4 items)</source>
        <translation>Score rate %1% (%2/%3 judged, %4 items)</translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation>Standard: %1</translation>
    </message>
</context>
<context>
    <name>app::DefectDetailDialog</name>
    <message>
        <source>record</source>
        <translation>record</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>edit</translation>
    </message>
    <message>
        <source>add photo</source>
        <translation>add photo</translation>
    </message>
    <message>
        <source>issue card</source>
        <translation>issue card</translation>
    </message>
    <message>
        <source>advance</source>
        <translation>advance</translation>
    </message>
    <message>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>escalate</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>stage</translation>
    </message>
    <message>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>deadline</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>before photo</source>
        <translation>before photo</translation>
    </message>
    <message>
        <source>after photo</source>
        <translation>after photo</translation>
    </message>
    <message>
        <source>1 (safety-critical)</source>
        <translation>1 (safety-critical)</translation>
    </message>
    <message>
        <source>2 (major)</source>
        <translation>2 (major)</translation>
    </message>
    <message>
        <source>%1 (minor)</source>
        <translation>%1 (minor)</translation>
    </message>
    <message>
        <source>Defect %1 · %2</source>
        <translation>Defect %1 · %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Drawn item</source>
        <translation>Drawn item</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observed</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>none (%1)</source>
        <translation>none (%1)</translation>
    </message>
    <message>
        <source>Before (evidence)</source>
        <translation>Before (evidence)</translation>
    </message>
    <message>
        <source>After (re-check)</source>
        <translation>After (re-check)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>no EXIF time</source>
        <translation>no EXIF time</translation>
    </message>
    <message>
        <source>withdraw (undo)</source>
        <translation>withdraw (undo)</translation>
    </message>
    <message>
        <source>restore (redo)</source>
        <translation>restore (redo)</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>severity</translation>
    </message>
</context>
<context>
    <name>app::DefectEditDialog</name>
    <message>
        <source>Edit defect %1</source>
        <translation>Edit defect %1</translation>
    </message>
    <message>
        <source>1 – safety-critical</source>
        <translation>1 – safety-critical</translation>
    </message>
    <message>
        <source>2 – major</source>
        <translation>2 – major</translation>
    </message>
    <message>
        <source>3 – minor</source>
        <translation>3 – minor</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>Responsible unit:</translation>
    </message>
</context>
<context>
    <name>app::DefectForm</name>
    <message>
        <source>White card</source>
        <translation>White card</translation>
    </message>
    <message>
        <source>Yellow card</source>
        <translation>Yellow card</translation>
    </message>
    <message>
        <source>Red card</source>
        <translation>Red card</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <source>Record defect</source>
        <translation>Record defect</translation>
    </message>
    <message>
        <source>What is wrong, where exactly</source>
        <translation>What is wrong, where exactly</translation>
    </message>
    <message>
        <source>1 – safety-critical</source>
        <translation>1 – safety-critical</translation>
    </message>
    <message>
        <source>2 – major</source>
        <translation>2 – major</translation>
    </message>
    <message>
        <source>3 – minor</source>
        <translation>3 – minor</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>No unit chosen: when the defect is recorded it goes to the suggested unit, or a new unit of the defect type&apos;s kind</source>
        <translation>No unit chosen: when the defect is recorded it goes to the suggested unit, or a new unit of the defect type&apos;s kind</translation>
    </message>
    <message>
        <source>Who found it (recorded)</source>
        <translation>Who found it (recorded)</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <source>Observed:</source>
        <translation>Observed:</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>Photos:</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Card:</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>Inspector:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Filter: code, Chinese or English name</source>
        <translation>Filter: code, Chinese or English name</translation>
    </message>
    <message>
        <source>Defect type</source>
        <translation>Defect type</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>No defect type chosen</source>
        <translation>No defect type chosen</translation>
    </message>
    <message>
        <source>Add photos...</source>
        <translation>Add photos...</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Photos (*.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Use photo location</source>
        <translation>Use photo location</translation>
    </message>
    <message>
        <source>Take the location from the photo&apos;s GPS (the selected photo, else the first with GPS)</source>
        <translation>Take the location from the photo&apos;s GPS (the selected photo, else the first with GPS)</translation>
    </message>
    <message>
        <source>Drop image files onto the form to add them.</source>
        <translation>Drop image files onto the form to add them.</translation>
    </message>
    <message>
        <source>Issue the card now</source>
        <translation>Issue the card now</translation>
    </message>
    <message>
        <source>Colour of the defect type</source>
        <translation>Colour of the defect type</translation>
    </message>
    <message>
        <source>%1
Not usually found on a %2</source>
        <translation>%1
Not usually found on a %2</translation>
    </message>
    <message>
        <source>Chosen: %1 %2</source>
        <translation>Chosen: %1 %2</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message>
        <source>Choose a defect type to see its card.</source>
        <translation>Choose a defect type to see its card.</translation>
    </message>
    <message>
        <source>%1 (from the defect type)</source>
        <translation>%1 (from the defect type)</translation>
    </message>
    <message numerus="yes">
        <source>Red instead when the defect repeats one of the same type on the same unit within %n day(s)</source>
        <translation>
            <numerusform>Red instead when the defect repeats one of the same type on the same unit within %n day</numerusform>
            <numerusform>Red instead when the defect repeats one of the same type on the same unit within %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Due %1 (%2) if issued now</source>
        <translation>Due %1 (%2) if issued now</translation>
    </message>
    <message>
        <source>No location yet</source>
        <translation>No location yet</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Not attached</translation>
    </message>
    <message>
        <source>Attached to: %1 (%2)</source>
        <translation>Attached to: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 does not exist or is not a file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a JPEG or PNG image.</source>
        <translation>%1 is not a JPEG or PNG image.</translation>
    </message>
    <message>
        <source>%1 is already in the list (the same photo as %2).</source>
        <translation>%1 is already in the list (the same photo as %2).</translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation>Taken %1</translation>
    </message>
    <message>
        <source>No capture time</source>
        <translation>No capture time</translation>
    </message>
    <message>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <source>No GPS position</source>
        <translation>No GPS position</translation>
    </message>
    <message>
        <source>Choose a defect type.</source>
        <translation>Choose a defect type.</translation>
    </message>
    <message>
        <source>Enter the inspector&apos;s name.</source>
        <translation>Enter the inspector&apos;s name.</translation>
    </message>
    <message>
        <source>The defect has no location: click the map or add a photo with GPS.</source>
        <translation>The defect has no location: click the map or add a photo with GPS.</translation>
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
    <name>app::FieldworkController</name>
    <message>
        <source>Open a campaign before recording defects.</source>
        <translation>Open a campaign before recording defects.</translation>
    </message>
    <message>
        <source>Record defect %1</source>
        <translation>Record defect %1</translation>
    </message>
    <message>
        <source>Defect recorded: %1</source>
        <translation>Defect recorded: %1</translation>
    </message>
    <message>
        <source>Defect recorded: %1, %2 issued</source>
        <translation>Defect recorded: %1, %2 issued</translation>
    </message>
    <message>
        <source>The defect was recorded but its card was not issued: %1</source>
        <translation>The defect was recorded but its card was not issued: %1</translation>
    </message>
    <message>
        <source>Edit defect %1</source>
        <translation>Edit defect %1</translation>
    </message>
    <message>
        <source>Defect changed</source>
        <translation>Defect changed</translation>
    </message>
    <message>
        <source>Open a campaign before marking checklist items.</source>
        <translation>Open a campaign before marking checklist items.</translation>
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
    <name>app::LedgerModel</name>
    <message>
        <source>Back street</source>
        <translation>Back street</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>Compound</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>overdue %n day</numerusform>
            <numerusform>overdue %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>Defect</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Drawn item</source>
        <translation>Drawn item</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observed</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
</context>
<context>
    <name>app::LedgerPanel</name>
    <message>
        <source>Issue card</source>
        <comment>card workflow: 发卡</comment>
        <translation>Issue card</translation>
    </message>
    <message>
        <source>发卡: issue a supervision card for the selected defect</source>
        <translation>发卡: issue a supervision card for the selected defect</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>Advance</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>card workflow: 退回</comment>
        <translation>Return</translation>
    </message>
    <message>
        <source>退回: send the card back to 整改 (needs a reason)</source>
        <translation>退回: send the card back to 整改 (needs a reason)</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>card workflow: 销号</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>销号: close the re-checked card</source>
        <translation>销号: close the re-checked card</translation>
    </message>
    <message>
        <source>Detail...</source>
        <translation>Detail...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Change the description, severity or responsible unit (undoable)</source>
        <translation>Change the description, severity or responsible unit (undoable)</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>All cards</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observed</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Search code, name, description, unit, inspector</source>
        <translation>Search code, name, description, unit, inspector</translation>
    </message>
    <message>
        <source>Cannot read the ledger: %1</source>
        <translation>Cannot read the ledger: %1</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(no unit)</translation>
    </message>
    <message>
        <source>All defects</source>
        <translation>All defects</translation>
    </message>
    <message>
        <source>All sub-districts</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <source>Any drawn item</source>
        <translation>Any drawn item</translation>
    </message>
    <message>
        <source>On a drawn item</source>
        <translation>On a drawn item</translation>
    </message>
    <message>
        <source>Not on a drawn item</source>
        <translation>Not on a drawn item</translation>
    </message>
    <message>
        <source>Showing %1 / %2</source>
        <translation>Showing %1 / %2</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>No campaign open</translation>
    </message>
    <message>
        <source>Advance the card to %1</source>
        <translation>Advance the card to %1</translation>
    </message>
    <message>
        <source>Advance the card to its next stage</source>
        <translation>Advance the card to its next stage</translation>
    </message>
    <message>
        <source>Card ledger</source>
        <translation>Card ledger</translation>
    </message>
    <message>
        <source>No campaign is open.</source>
        <translation>No campaign is open.</translation>
    </message>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Unexpected failure: %1</translation>
    </message>
    <message>
        <source>An after-photo goes with the re-check (复核) only; this card is at %1.</source>
        <translation>An after-photo goes with the re-check (复核) only; this card is at %1.</translation>
    </message>
    <message>
        <source>Cannot read the photo %1: %2</source>
        <translation>Cannot read the photo %1: %2</translation>
    </message>
    <message>
        <source>Returning a card (退回) needs a reason.</source>
        <translation>Returning a card (退回) needs a reason.</translation>
    </message>
    <message>
        <source>Issue card for %1</source>
        <translation>Issue card for %1</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>A defect repeating one of the same unit within %1 days gets a red card whatever the choice.</source>
        <translation>A defect repeating one of the same unit within %1 days gets a red card whatever the choice.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>After-photo of the re-check (cancel for none)</source>
        <translation>After-photo of the re-check (cancel for none)</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Note for %1 (optional):</source>
        <translation>Note for %1 (optional):</translation>
    </message>
    <message>
        <source>Return card</source>
        <translation>Return card</translation>
    </message>
    <message>
        <source>Why does the card go back to 整改? (required)</source>
        <translation>Why does the card go back to 整改? (required)</translation>
    </message>
    <message>
        <source>Close card</source>
        <translation>Close card</translation>
    </message>
    <message>
        <source>Note for 销号 (optional):</source>
        <translation>Note for 销号 (optional):</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
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
        <source>Loading cancelled</source>
        <translation>Loading cancelled</translation>
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
        <source>Open &amp;campaign...</source>
        <translation>Open &amp;campaign...</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About PeriSurvey</source>
        <translation>&amp;About PeriSurvey</translation>
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
    <message>
        <source>%1, layer %2 has no coordinate reference system; it was not loaded.</source>
        <translation>%1, layer %2 has no coordinate reference system; it was not loaded.</translation>
    </message>
    <message>
        <source>Declare the coordinate system</source>
        <translation>Declare the coordinate system</translation>
    </message>
    <message>
        <source>%1, layer %2, does not say which coordinate reference system its coordinates are in. Choose one, or type a code such as EPSG:4547:</source>
        <translation>%1, layer %2, does not say which coordinate reference system its coordinates are in. Choose one, or type a code such as EPSG:4547:</translation>
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
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>The change was not made</translation>
    </message>
    <message>
        <source>Checklist item %1 at %2 recorded</source>
        <translation>Checklist item %1 at %2 recorded</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspect</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Pan</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>&amp;Identify</translation>
    </message>
    <message>
        <source>Record &amp;defect</source>
        <translation>Record &amp;defect</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>&amp;Ledger</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checklist</translation>
    </message>
    <message>
        <source>Responsible &amp;units...</source>
        <translation>Responsible &amp;units...</translation>
    </message>
    <message>
        <source>Load the district&apos;s &amp;checklists...</source>
        <translation>Load the district&apos;s &amp;checklists...</translation>
    </message>
    <message>
        <source>The campaign&apos;s checklists could not be read</source>
        <translation>The campaign&apos;s checklists could not be read</translation>
    </message>
    <message>
        <source>Click the map where the defect is: it snaps to the drawn street or compound under the cursor</source>
        <translation>Click the map where the defect is: it snaps to the drawn street or compound under the cursor</translation>
    </message>
    <message>
        <source>Click a defect or a drawn street or compound</source>
        <translation>Click a defect or a drawn street or compound</translation>
    </message>
    <message>
        <source>Could not show the defect</source>
        <translation>Could not show the defect</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Nothing here</translation>
    </message>
    <message>
        <source>Inspecting %1</source>
        <translation>Inspecting %1</translation>
    </message>
    <message>
        <source>Could not edit the defect</source>
        <translation>Could not edit the defect</translation>
    </message>
    <message>
        <source>Load checklists</source>
        <translation>Load checklists</translation>
    </message>
    <message>
        <source>Checklists (*.json);;All files (*)</source>
        <translation>Checklists (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Checklists &quot;%1&quot; loaded into the campaign</source>
        <translation>Checklists &quot;%1&quot; loaded into the campaign</translation>
    </message>
    <message>
        <source>The checklists were not loaded</source>
        <translation>The checklists were not loaded</translation>
    </message>
    <message>
        <source>&amp;Outputs</source>
        <translation>&amp;Outputs</translation>
    </message>
    <message>
        <source>Defect &amp;map...</source>
        <translation>Defect &amp;map...</translation>
    </message>
    <message>
        <source>&amp;Atlas...</source>
        <translation>&amp;Atlas...</translation>
    </message>
    <message>
        <source>Unit &amp;report...</source>
        <translation>Unit &amp;report...</translation>
    </message>
    <message>
        <source>Export &amp;data...</source>
        <translation>Export &amp;data...</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>Defect %1 recorded for checklist item %2</source>
        <translation>Defect %1 recorded for checklist item %2</translation>
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
    <name>app::OutputDialog</name>
    <message>
        <source>Export map</source>
        <translation>Export map</translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation>Export atlas</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Output file:</source>
        <translation>Output file:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>The atlas&apos;s first map page</source>
        <translation>The atlas&apos;s first map page</translation>
    </message>
    <message>
        <source>The page as it will be written</source>
        <translation>The page as it will be written</translation>
    </message>
    <message>
        <source>Anchor (one page per sampled anchor)</source>
        <translation>Anchor (one page per sampled anchor)</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>One page per:</source>
        <translation>One page per:</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (vector)</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG drawing</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>Current view</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <source>Anchor&apos;s ring</source>
        <translation>Anchor&apos;s ring</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>Extent:</translation>
    </message>
    <message>
        <source>Coordinate grid</source>
        <translation>Coordinate grid</translation>
    </message>
    <message>
        <source>Show the draw&apos;s rings and drawn units</source>
        <translation>Show the draw&apos;s rings and drawn units</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation>PNG resolution:</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Default: &lt;campaign&gt; 任务图集</source>
        <translation>Default: &lt;campaign&gt; 任务图集</translation>
    </message>
    <message>
        <source>Default: &lt;campaign&gt; 问题分布图</source>
        <translation>Default: &lt;campaign&gt; 问题分布图</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Defects by card colour</source>
        <translation>Defects by card colour</translation>
    </message>
    <message>
        <source>Defects by category</source>
        <translation>Defects by category</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Style:</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <source>XLSX workbook</source>
        <translation>XLSX workbook</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>Defects</translation>
    </message>
    <message>
        <source>The draw</source>
        <translation>The draw</translation>
    </message>
    <message>
        <source>The route plan</source>
        <translation>The route plan</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>GeoPackage (.gpkg)</source>
        <translation>GeoPackage (.gpkg)</translation>
    </message>
    <message>
        <source>GeoJSON (.geojson)</source>
        <translation>GeoJSON (.geojson)</translation>
    </message>
    <message>
        <source>KML (.kml)</source>
        <translation>KML (.kml)</translation>
    </message>
    <message>
        <source>Shapefile (.shp)</source>
        <translation>Shapefile (.shp)</translation>
    </message>
    <message>
        <source>CSV table (.csv)</source>
        <translation>CSV table (.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>GBK (older ArcGIS)</source>
        <translation>GBK (older ArcGIS)</translation>
    </message>
    <message>
        <source>Shapefile encoding:</source>
        <translation>Shapefile encoding:</translation>
    </message>
    <message>
        <source>Also write the photos beside the file</source>
        <translation>Also write the photos beside the file</translation>
    </message>
    <message>
        <source>Reading the campaign…</source>
        <translation>Reading the campaign…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>No preview</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choose the file to write.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 is a folder; choose a file name.</translation>
    </message>
    <message>
        <source>%1: a map is written as .pdf, .png or .svg.</source>
        <translation>%1: a map is written as .pdf, .png or .svg.</translation>
    </message>
    <message>
        <source>%1: an atlas is a PDF; name it .pdf.</source>
        <translation>%1: an atlas is a PDF; name it .pdf.</translation>
    </message>
    <message>
        <source>%1: a report is written as .xlsx or .pdf.</source>
        <translation>%1: a report is written as .xlsx or .pdf.</translation>
    </message>
    <message>
        <source>The campaign holds no draw to export.</source>
        <translation>The campaign holds no draw to export.</translation>
    </message>
    <message>
        <source>The campaign holds no route plan to export.</source>
        <translation>The campaign holds no route plan to export.</translation>
    </message>
    <message>
        <source>The campaign is still being read.</source>
        <translation>The campaign is still being read.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>XLSX workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>XLSX workbook (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Data file (*.%1)</source>
        <translation>Data file (*.%1)</translation>
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
    <message>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>Back to the first stop</source>
        <translation>Back to the first stop</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Drag a stop to another place in the order: the legs and the totals are computed again.</source>
        <translation>Drag a stop to another place in the order: the legs and the totals are computed again.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Visit the selected stop one place earlier (Alt+Up)</source>
        <translation>Visit the selected stop one place earlier (Alt+Up)</translation>
    </message>
    <message>
        <source>Visit the selected stop one place later (Alt+Down)</source>
        <translation>Visit the selected stop one place later (Alt+Down)</translation>
    </message>
    <message>
        <source>Order of the stops</source>
        <translation>Order of the stops</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>Team %1: %2, travel %3, inspection %4, day %5</source>
        <translation>Team %1: %2, travel %3, inspection %4, day %5</translation>
    </message>
    <message>
        <source>, %1 over the budget</source>
        <translation>, %1 over the budget</translation>
    </message>
    <message>
        <source>, %1 under the budget</source>
        <translation>, %1 under the budget</translation>
    </message>
    <message>
        <source> (order changed by hand)</source>
        <translation> (order changed by hand)</translation>
    </message>
    <message>
        <source>Order changed by hand</source>
        <translation>Order changed by hand</translation>
    </message>
</context>
<context>
    <name>app::UnitsDialog</name>
    <message>
        <source>Responsible units</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Open cards</source>
        <translation>Open cards</translation>
    </message>
    <message>
        <source>Overdue cards</source>
        <translation>Overdue cards</translation>
    </message>
    <message>
        <source>On-time closure</source>
        <translation>On-time closure</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>Defect</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Import...</translation>
    </message>
    <message>
        <source>Add the units of a CSV or XLSX table (name, kind, contact, area); a table with a bad row adds none</source>
        <translation>Add the units of a CSV or XLSX table (name, kind, contact, area); a table with a bad row adds none</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>Add...</translation>
    </message>
    <message>
        <source>Select a unit to see its open cards.</source>
        <translation>Select a unit to see its open cards.</translation>
    </message>
    <message>
        <source>Open cards of %1: %2, overdue %3</source>
        <translation>Open cards of %1: %2, overdue %3</translation>
    </message>
    <message>
        <source>A unit needs a name.</source>
        <translation>A unit needs a name.</translation>
    </message>
    <message>
        <source>Import responsible units</source>
        <translation>Import responsible units</translation>
    </message>
    <message>
        <source>Unit tables (*.csv *.xlsx *.CSV *.XLSX)</source>
        <translation>Unit tables (*.csv *.xlsx *.CSV *.XLSX)</translation>
    </message>
    <message>
        <source>Imported %1 unit(s) from %2.</source>
        <translation>Imported %1 unit(s) from %2.</translation>
    </message>
    <message>
        <source>Add a responsible unit</source>
        <translation>Add a responsible unit</translation>
    </message>
    <message>
        <source>the sub-district a street office answers for</source>
        <translation>the sub-district a street office answers for</translation>
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
