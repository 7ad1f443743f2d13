<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>app::CampaignController</name>
    <message>
        <source>Unexpected failure while drawing: %1</source>
        <translation>抽样时发生意外错误：%1</translation>
    </message>
    <message>
        <source>Unexpected failure while opening %1: %2</source>
        <translation>打开 %1 时发生意外错误：%2</translation>
    </message>
</context>
<context>
    <name>app::ChecklistPanel</name>
    <message>
        <source>Back street</source>
        <translation>背街小巷</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>居民小区</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;（%3）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>&lt;br&gt;No checklist applies to this kind of place.</source>
        <translation>&lt;br&gt;此类地点没有适用的检查项。</translation>
    </message>
    <message>
        <source>Pick a drawn street, compound or anchor on the map with the defect or identify tool to inspect it.</source>
        <translation>请用“记录问题”或“识别”工具在地图上选取抽中的背街小巷、居民小区或点位进行检查。</translation>
    </message>
    <message>
        <source>
Fails as defect %1</source>
        <translation>
不合格时记为问题 %1</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message numerus="yes">
        <source>Score rate: nothing judged yet (%n item(s))</source>
        <translation>
            <numerusform>得分率：尚未评判（共 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Score rate %1% (%2/%3 judged, %4 items)</source>
        <translation>得分率 %1%（合格 %2 / 已评判 %3，共 %4 项）</translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation>标准：%1</translation>
    </message>
</context>
<context>
    <name>app::DefectDetailDialog</name>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>issue card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>advance</source>
        <translation>流转</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>close</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>card</source>
        <translation>督办卡</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>before photo</source>
        <translation>整改前照片</translation>
    </message>
    <message>
        <source>after photo</source>
        <translation>整改后照片</translation>
    </message>
    <message>
        <source>1 (safety-critical)</source>
        <translation>1（危及安全）</translation>
    </message>
    <message>
        <source>2 (major)</source>
        <translation>2（严重）</translation>
    </message>
    <message>
        <source>%1 (minor)</source>
        <translation>%1（一般）</translation>
    </message>
    <message>
        <source>Defect %1 · %2</source>
        <translation>问题 %1 · %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Drawn item</source>
        <translation>抽中对象</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>巡查员</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>督办卡</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发卡时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销号时间</translation>
    </message>
    <message>
        <source>none (%1)</source>
        <translation>无（%1）</translation>
    </message>
    <message>
        <source>Before (evidence)</source>
        <translation>整改前（取证）</translation>
    </message>
    <message>
        <source>After (re-check)</source>
        <translation>整改后（复核）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>no EXIF time</source>
        <translation>无 EXIF 时间</translation>
    </message>
    <message>
        <source>withdraw (undo)</source>
        <translation>撤销记录</translation>
    </message>
    <message>
        <source>restore (redo)</source>
        <translation>恢复记录</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>严重程度</translation>
    </message>
</context>
<context>
    <name>app::DefectEditDialog</name>
    <message>
        <source>Edit defect %1</source>
        <translation>编辑问题 %1</translation>
    </message>
    <message>
        <source>1 – safety-critical</source>
        <translation>1 – 危及安全</translation>
    </message>
    <message>
        <source>2 – major</source>
        <translation>2 – 严重</translation>
    </message>
    <message>
        <source>3 – minor</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
</context>
<context>
    <name>app::DefectForm</name>
    <message>
        <source>White card</source>
        <translation>白卡</translation>
    </message>
    <message>
        <source>Yellow card</source>
        <translation>黄卡</translation>
    </message>
    <message>
        <source>Red card</source>
        <translation>红卡</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Record defect</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>What is wrong, where exactly</source>
        <translation>存在什么问题，具体在什么位置</translation>
    </message>
    <message>
        <source>1 – safety-critical</source>
        <translation>1 – 危及安全</translation>
    </message>
    <message>
        <source>2 – major</source>
        <translation>2 – 严重</translation>
    </message>
    <message>
        <source>3 – minor</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No unit chosen: when the defect is recorded it goes to the suggested unit, or a new unit of the defect type&apos;s kind</source>
        <translation>未选择责任单位：记录问题时将交给建议的责任单位，若无建议则新建一个与该问题类型对应类别的责任单位</translation>
    </message>
    <message>
        <source>Who found it (recorded)</source>
        <translation>发现人（将记录在案）</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <source>Observed:</source>
        <translation>发现时间：</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>督办卡：</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>巡查员：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Filter: code, Chinese or English name</source>
        <translation>筛选：编码、中文名称或英文名称</translation>
    </message>
    <message>
        <source>Defect type</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>No defect type chosen</source>
        <translation>未选择问题类型</translation>
    </message>
    <message>
        <source>Add photos...</source>
        <translation>添加照片...</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Use photo location</source>
        <translation>使用照片位置</translation>
    </message>
    <message>
        <source>Take the location from the photo&apos;s GPS (the selected photo, else the first with GPS)</source>
        <translation>从照片的 GPS 信息获取位置（优先用所选照片，否则用第一张带 GPS 的照片）</translation>
    </message>
    <message>
        <source>Drop image files onto the form to add them.</source>
        <translation>将图片文件拖放到表单上即可添加。</translation>
    </message>
    <message>
        <source>Issue the card now</source>
        <translation>立即发卡</translation>
    </message>
    <message>
        <source>Colour of the defect type</source>
        <translation>按问题类型确定卡色</translation>
    </message>
    <message>
        <source>%1
Not usually found on a %2</source>
        <translation>%1
%2通常不会出现此类问题</translation>
    </message>
    <message>
        <source>Chosen: %1 %2</source>
        <translation>已选：%1 %2</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <source>Choose a defect type to see its card.</source>
        <translation>选择问题类型后可查看对应的督办卡。</translation>
    </message>
    <message>
        <source>%1 (from the defect type)</source>
        <translation>%1（按问题类型）</translation>
    </message>
    <message numerus="yes">
        <source>Red instead when the defect repeats one of the same type on the same unit within %n day(s)</source>
        <translation>
            <numerusform>如同一责任单位在 %n 天内重复出现同类问题，则改发红卡</numerusform>
        </translation>
    </message>
    <message>
        <source>Due %1 (%2) if issued now</source>
        <translation>如现在发卡，整改期限为 %1（%2）</translation>
    </message>
    <message>
        <source>No location yet</source>
        <translation>尚无位置</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未关联抽中对象</translation>
    </message>
    <message>
        <source>Attached to: %1 (%2)</source>
        <translation>关联对象：%1（%2）</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JPEG or PNG image.</source>
        <translation>%1 不是 JPEG 或 PNG 图片。</translation>
    </message>
    <message>
        <source>%1 is already in the list (the same photo as %2).</source>
        <translation>%1 已在列表中（与 %2 是同一张照片）。</translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <source>No capture time</source>
        <translation>无拍摄时间</translation>
    </message>
    <message>
        <source>GPS %1</source>
        <translation>GPS %1</translation>
    </message>
    <message>
        <source>No GPS position</source>
        <translation>无 GPS 位置</translation>
    </message>
    <message>
        <source>Choose a defect type.</source>
        <translation>请选择问题类型。</translation>
    </message>
    <message>
        <source>Enter the inspector&apos;s name.</source>
        <translation>请输入巡查员姓名。</translation>
    </message>
    <message>
        <source>The defect has no location: click the map or add a photo with GPS.</source>
        <translation>该问题没有位置：请在地图上点击，或添加带 GPS 信息的照片。</translation>
    </message>
</context>
<context>
    <name>app::DistrictController</name>
    <message>
        <source>layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Unexpected failure while loading: %1</source>
        <translation>加载时发生意外错误：%1</translation>
    </message>
</context>
<context>
    <name>app::DrawPanel</name>
    <message>
        <source>(unnamed)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Anchor / drawn item</source>
        <translation>点位 / 抽中对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Draw record...</source>
        <translation>抽样记录...</translation>
    </message>
    <message>
        <source>No draw yet. Use Draw &gt; New draw... to make one.</source>
        <translation>尚无抽样。请用“抽样 &gt; 新建抽样...”进行抽样。</translation>
    </message>
    <message>
        <source>Back street: %1</source>
        <translation>背街小巷：%1</translation>
    </message>
    <message>
        <source>%1 m long, %2 m away</source>
        <translation>长 %1 米，距离 %2 米</translation>
    </message>
    <message>
        <source>Compound: %1</source>
        <translation>居民小区：%1</translation>
    </message>
    <message>
        <source>%1 m², centroid %2 m away</source>
        <translation>%1 平方米，中心距离 %2 米</translation>
    </message>
    <message numerus="yes">
        <source>Shortfall: %n %1 missing</source>
        <translation>
            <numerusform>缺额：缺少 %n 个%1</numerusform>
        </translation>
    </message>
    <message>
        <source>no eligible %1 in the ring</source>
        <translation>环带内没有符合条件的%1</translation>
    </message>
    <message numerus="yes">
        <source>only %n eligible left in the ring</source>
        <translation>
            <numerusform>环带内仅剩 %n 个符合条件</numerusform>
        </translation>
    </message>
    <message>
        <source>back street(s)</source>
        <translation>背街小巷</translation>
    </message>
    <message>
        <source>compound(s)</source>
        <translation>居民小区</translation>
    </message>
    <message>
        <source>Draw %1 · seed %2
%3 anchors, %4 back streets, %5 compounds, shortfall %6</source>
        <translation>抽样 %1 · 种子 %2
%3 个点位，%4 条背街小巷，%5 个居民小区，缺额 %6</translation>
    </message>
</context>
<context>
    <name>app::DrawRecordDialog</name>
    <message>
        <source>(unnamed)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Draw record %1</source>
        <translation>抽样记录 %1</translation>
    </message>
    <message>
        <source>Draw record</source>
        <translation>抽样记录</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>测评项目</translation>
    </message>
    <message>
        <source>Draw id</source>
        <translation>抽样编号</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source> (from the operating system)</source>
        <translation>（由操作系统生成）</translation>
    </message>
    <message>
        <source>Anchor kinds</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <source>Anchors per kind</source>
        <translation>每类点位数</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>环带</translation>
    </message>
    <message>
        <source>%1 m to %2 m</source>
        <translation>%1 米至 %2 米</translation>
    </message>
    <message>
        <source>Back streets per anchor</source>
        <translation>每个点位的背街小巷数</translation>
    </message>
    <message>
        <source>Compounds per anchor</source>
        <translation>每个点位的居民小区数</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复抽取</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Working CRS</source>
        <translation>工作坐标系</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Role rules</source>
        <translation>要素分类规则</translation>
    </message>
    <message>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n feature(s), SHA-256 %2</source>
        <translation>
            <numerusform>%1：%n 个要素，SHA-256 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Result fingerprint</source>
        <translation>结果指纹</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>streets: %1; compounds: %2</source>
        <translation>背街小巷：%1；居民小区：%2</translation>
    </message>
    <message>
        <source>; shortfall %1</source>
        <translation>；缺额 %1</translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation>记录（JSON）</translation>
    </message>
    <message>
        <source>Save certificate (PDF)...</source>
        <translation>保存抽样证明（PDF）...</translation>
    </message>
    <message>
        <source>Save draw certificate</source>
        <translation>保存抽样证明</translation>
    </message>
    <message>
        <source>draw-certificate-%1.pdf</source>
        <translation>抽样证明-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the certificate</source>
        <translation>无法保存抽样证明</translation>
    </message>
</context>
<context>
    <name>app::DrawWizard</name>
    <message>
        <source>New draw</source>
        <translation>新建抽样</translation>
    </message>
    <message>
        <source>Anchor kinds</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>0 = every anchor of the kind; N = N anchors drawn per kind</source>
        <translation>0 = 该类全部点位；N = 每类抽取 N 个点位</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>An item may be drawn for several anchors</source>
        <translation>同一对象可被多个点位抽中</translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation>生成新随机种子</translation>
    </message>
    <message>
        <source>Who runs the draw (recorded)</source>
        <translation>抽样操作人（将记录在案）</translation>
    </message>
    <message>
        <source>Anchors per kind:</source>
        <translation>每类点位数：</translation>
    </message>
    <message>
        <source>Ring inner radius:</source>
        <translation>环带内半径：</translation>
    </message>
    <message>
        <source>Ring outer radius:</source>
        <translation>环带外半径：</translation>
    </message>
    <message>
        <source>Back streets per anchor:</source>
        <translation>每个点位的背街小巷数：</translation>
    </message>
    <message>
        <source>Compounds per anchor:</source>
        <translation>每个点位的居民小区数：</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>重复抽取：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Choose at least one anchor kind.</source>
        <translation>请至少选择一种点位类型。</translation>
    </message>
    <message>
        <source>The outer radius must be larger than the inner radius.</source>
        <translation>外半径必须大于内半径。</translation>
    </message>
    <message>
        <source>Back streets: the minimum is larger than the maximum.</source>
        <translation>背街小巷：最小值大于最大值。</translation>
    </message>
    <message>
        <source>Compounds: the minimum is larger than the maximum.</source>
        <translation>居民小区：最小值大于最大值。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615.</source>
        <translation>随机种子必须是 0 到 18446744073709551615 之间的整数。</translation>
    </message>
</context>
<context>
    <name>app::FieldworkController</name>
    <message>
        <source>Open a campaign before recording defects.</source>
        <translation>请先打开测评项目，再记录问题。</translation>
    </message>
    <message>
        <source>Record defect %1</source>
        <translation>记录问题 %1</translation>
    </message>
    <message>
        <source>Defect recorded: %1</source>
        <translation>已记录问题：%1</translation>
    </message>
    <message>
        <source>Defect recorded: %1, %2 issued</source>
        <translation>已记录问题：%1，已发%2</translation>
    </message>
    <message>
        <source>The defect was recorded but its card was not issued: %1</source>
        <translation>问题已记录，但督办卡未能发出：%1</translation>
    </message>
    <message>
        <source>Edit defect %1</source>
        <translation>编辑问题 %1</translation>
    </message>
    <message>
        <source>Defect changed</source>
        <translation>问题已修改</translation>
    </message>
    <message>
        <source>Open a campaign before marking checklist items.</source>
        <translation>请先打开测评项目，再填写检查项。</translation>
    </message>
</context>
<context>
    <name>app::LayerPanel</name>
    <message>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Source layer: %1</source>
        <translation>源图层：%1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Source CRS: %1 %2</source>
        <translation>源坐标系：%1 %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Encoding: %1 %2</source>
        <translation>编码：%1 %2</translation>
    </message>
    <message>
        <source>Working CRS: %1</source>
        <translation>工作坐标系：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>unclassified</source>
        <translation>未分类</translation>
    </message>
</context>
<context>
    <name>app::LedgerModel</name>
    <message>
        <source>Back street</source>
        <translation>背街小巷</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>居民小区</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>点位</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>发卡于 %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>督办卡</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Drawn item</source>
        <translation>抽中对象</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>巡查员</translation>
    </message>
</context>
<context>
    <name>app::LedgerPanel</name>
    <message>
        <source>Issue card</source>
        <comment>card workflow: 发卡</comment>
        <translation>发卡</translation>
    </message>
    <message>
        <source>发卡: issue a supervision card for the selected defect</source>
        <translation>发卡：为所选问题发放督办卡</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>流转</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>card workflow: 退回</comment>
        <translation>退回</translation>
    </message>
    <message>
        <source>退回: send the card back to 整改 (needs a reason)</source>
        <translation>退回：将督办卡退回整改（须填写原因）</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>card workflow: 销号</comment>
        <translation>销号</translation>
    </message>
    <message>
        <source>销号: close the re-checked card</source>
        <translation>销号：对已复核的督办卡予以销号</translation>
    </message>
    <message>
        <source>Detail...</source>
        <translation>详情...</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>全部卡色</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>Search code, name, description, unit, inspector</source>
        <translation>搜索编码、名称、描述、责任单位、巡查员</translation>
    </message>
    <message>
        <source>Cannot read the ledger: %1</source>
        <translation>无法读取台账：%1</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（无责任单位）</translation>
    </message>
    <message>
        <source>All defects</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>All sub-districts</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <source>Any drawn item</source>
        <translation>不限抽中对象</translation>
    </message>
    <message>
        <source>On a drawn item</source>
        <translation>位于抽中对象</translation>
    </message>
    <message>
        <source>Not on a drawn item</source>
        <translation>不在抽中对象上</translation>
    </message>
    <message>
        <source>Showing %1 / %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>未打开测评项目</translation>
    </message>
    <message>
        <source>Advance the card to %1</source>
        <translation>将督办卡流转至%1环节</translation>
    </message>
    <message>
        <source>Advance the card to its next stage</source>
        <translation>将督办卡流转至下一环节</translation>
    </message>
    <message>
        <source>Card ledger</source>
        <translation>督办卡台账</translation>
    </message>
    <message>
        <source>No campaign is open.</source>
        <translation>未打开测评项目。</translation>
    </message>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
    <message>
        <source>An after-photo goes with the re-check (复核) only; this card is at %1.</source>
        <translation>整改后照片只能随复核提交；该督办卡当前处于%1环节。</translation>
    </message>
    <message>
        <source>Cannot read the photo %1: %2</source>
        <translation>无法读取照片 %1：%2</translation>
    </message>
    <message>
        <source>Returning a card (退回) needs a reason.</source>
        <translation>退回督办卡须填写原因。</translation>
    </message>
    <message>
        <source>Issue card for %1</source>
        <translation>为 %1 发卡</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>A defect repeating one of the same unit within %1 days gets a red card whatever the choice.</source>
        <translation>同一责任单位 %1 天内重复出现的问题，无论此处如何选择，一律发红卡。</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>督办卡</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>After-photo of the re-check (cancel for none)</source>
        <translation>复核的整改后照片（取消则不附照片）</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>Note for %1 (optional):</source>
        <translation>%1说明（可选）：</translation>
    </message>
    <message>
        <source>Return card</source>
        <translation>退回督办卡</translation>
    </message>
    <message>
        <source>Why does the card go back to 整改? (required)</source>
        <translation>督办卡退回整改的原因？（必填）</translation>
    </message>
    <message>
        <source>Close card</source>
        <translation>督办卡销号</translation>
    </message>
    <message>
        <source>Note for 销号 (optional):</source>
        <translation>销号说明（可选）：</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the description, severity or responsible unit (undoable)</source>
        <translation>修改描述、严重程度或责任单位（可撤销）</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Drawing the map failed: %1</source>
        <translation>地图绘制失败：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Close district</source>
        <translation>关闭辖区(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;district</source>
        <translation>缩放到全辖区(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>Data &amp;warnings...</source>
        <translation>数据警告(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PeriSurvey</source>
        <translation>关于 PeriSurvey(&amp;A)</translation>
    </message>
    <message>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.osm *.pbf *.kml *.gml *.csv *.xlsx *.tab *.mif *.sqlite *.fgb *.zip);;All files (*)</source>
        <translation>矢量数据 (*.gpkg *.shp *.geojson *.json *.osm *.pbf *.kml *.gml *.csv *.xlsx *.tab *.mif *.sqlite *.fgb *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open district data</source>
        <translation>打开辖区数据</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>正在加载 %1...</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) loaded</source>
        <translation>
            <numerusform>已加载 %n 个图层</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>Some data could not be loaded.</source>
        <translation>部分数据未能加载。</translation>
    </message>
    <message>
        <source>%1, layer %2 has no coordinate reference system; it was not loaded.</source>
        <translation>%1 的图层 %2 没有坐标参考系，未加载。</translation>
    </message>
    <message>
        <source>Declare the coordinate system</source>
        <translation>声明坐标系</translation>
    </message>
    <message>
        <source>%1, layer %2, does not say which coordinate reference system its coordinates are in. Choose one, or type a code such as EPSG:4547:</source>
        <translation>%1 的图层 %2 未说明其坐标所用的坐标参考系。请选择一个，或输入代码（如 EPSG:4547）：</translation>
    </message>
    <message numerus="yes">
        <source>Loaded with %n warning(s): %1</source>
        <translation>
            <numerusform>已加载，有 %n 条警告：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>About PeriSurvey</source>
        <translation>关于 PeriSurvey</translation>
    </message>
    <message>
        <source>&lt;b&gt;PeriSurvey %1&lt;/b&gt;&lt;p&gt;Plans, draws and tracks the &quot;six peripheries&quot; field inspections of a civilized-city evaluation: anchors, back streets and compounds around them, defects and supervision cards.&lt;/p&gt;</source>
        <translation>&lt;b&gt;PeriSurvey 六个周边测评助手 %1&lt;/b&gt;&lt;p&gt;为文明城市测评的“六个周边”实地考察制定计划、随机抽取点位并跟踪整改：点位及其周边的背街小巷和居民小区、问题和督办卡。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Could not open the campaign</source>
        <translation>无法打开测评项目</translation>
    </message>
    <message numerus="yes">
        <source>Draw %1 recorded (seed %2): %n anchor(s)</source>
        <translation>
            <numerusform>抽样 %1 已记录（种子 %2）：%n 个点位</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw cancelled; nothing was recorded</source>
        <translation>抽样已取消，未记录任何内容</translation>
    </message>
    <message>
        <source>The draw failed</source>
        <translation>抽样失败</translation>
    </message>
    <message>
        <source>Click the start point on the map</source>
        <translation>请在地图上点击起点</translation>
    </message>
    <message>
        <source>Route written to %1</source>
        <translation>路线已导出到 %1</translation>
    </message>
    <message>
        <source>The route failed</source>
        <translation>路线规划失败</translation>
    </message>
    <message>
        <source>Route cancelled</source>
        <translation>路线规划已取消</translation>
    </message>
    <message>
        <source>Open &amp;campaign...</source>
        <translation>打开测评项目(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Draw panel</source>
        <translation>抽样面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Route panel</source>
        <translation>路线面板(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>抽样(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New draw...</source>
        <translation>新建抽样(&amp;N)...</translation>
    </message>
    <message>
        <source>Draw &amp;record...</source>
        <translation>抽样记录(&amp;R)...</translation>
    </message>
    <message>
        <source>Open campaign</source>
        <translation>打开测评项目</translation>
    </message>
    <message>
        <source>Campaign (*.gpkg);;All files (*)</source>
        <translation>测评项目 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is not a PeriSurvey campaign file.</source>
        <translation>%1 不是 PeriSurvey 测评项目文件。</translation>
    </message>
    <message numerus="yes">
        <source>Campaign %1 opened; %n overdue card(s) escalated</source>
        <translation>
            <numerusform>已打开测评项目 %1；%n 张逾期督办卡已升级</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning the route...</source>
        <translation>正在规划路线...</translation>
    </message>
    <message numerus="yes">
        <source>Route planned: %n team(s)</source>
        <translation>
            <numerusform>路线已规划：%n 个小组</numerusform>
        </translation>
    </message>
    <message>
        <source>Export route</source>
        <translation>导出路线</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>%1 route, draw %2</source>
        <translation>%1 路线，抽样 %2</translation>
    </message>
    <message>
        <source>Drawing the sample...</source>
        <translation>正在抽样...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New draw</source>
        <translation>新建抽样</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>未能完成修改</translation>
    </message>
    <message>
        <source>Checklist item %1 at %2 recorded</source>
        <translation>已记录%2的检查项 %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>巡查(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>识别(&amp;I)</translation>
    </message>
    <message>
        <source>Record &amp;defect</source>
        <translation>记录问题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>台账(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查项(&amp;C)</translation>
    </message>
    <message>
        <source>Responsible &amp;units...</source>
        <translation>责任单位(&amp;U)...</translation>
    </message>
    <message>
        <source>Load the district&apos;s &amp;checklists...</source>
        <translation>加载辖区检查项(&amp;C)...</translation>
    </message>
    <message>
        <source>The campaign&apos;s checklists could not be read</source>
        <translation>无法读取测评项目的检查项</translation>
    </message>
    <message>
        <source>Click the map where the defect is: it snaps to the drawn street or compound under the cursor</source>
        <translation>请在地图上点击问题所在位置：将自动吸附到光标下抽中的背街小巷或居民小区</translation>
    </message>
    <message>
        <source>Click a defect or a drawn street or compound</source>
        <translation>请点击问题，或抽中的背街小巷、居民小区</translation>
    </message>
    <message>
        <source>Could not show the defect</source>
        <translation>无法显示该问题</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>此处没有对象</translation>
    </message>
    <message>
        <source>Inspecting %1</source>
        <translation>正在检查 %1</translation>
    </message>
    <message>
        <source>Load checklists</source>
        <translation>加载检查项</translation>
    </message>
    <message>
        <source>Checklists (*.json);;All files (*)</source>
        <translation>检查项 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checklists &quot;%1&quot; loaded into the campaign</source>
        <translation>检查项“%1”已载入测评项目</translation>
    </message>
    <message>
        <source>The checklists were not loaded</source>
        <translation>检查项未能加载</translation>
    </message>
    <message>
        <source>Could not edit the defect</source>
        <translation>无法编辑问题</translation>
    </message>
    <message>
        <source>&amp;Outputs</source>
        <translation>成果输出(&amp;O)</translation>
    </message>
    <message>
        <source>Defect &amp;map...</source>
        <translation>问题分布图(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Atlas...</source>
        <translation>任务图集(&amp;A)…</translation>
    </message>
    <message>
        <source>Unit &amp;report...</source>
        <translation>责任单位通报(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;data...</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
    <message>
        <source>Defect %1 recorded for checklist item %2</source>
        <translation>已记录问题 %1（检查项 %2）</translation>
    </message>
</context>
<context>
    <name>app::MapStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止加载</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>比例尺 %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Working CRS: %1</source>
        <translation>工作坐标系：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::OutputDialog</name>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation>导出任务图集</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出通报</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output file:</source>
        <translation>输出文件：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>The atlas&apos;s first map page</source>
        <translation>图集的第一张地图页</translation>
    </message>
    <message>
        <source>The page as it will be written</source>
        <translation>将要写出的页面</translation>
    </message>
    <message>
        <source>Anchor (one page per sampled anchor)</source>
        <translation>点位（每个抽中点位一页）</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>One page per:</source>
        <translation>每页对应：</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>当前视图</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Anchor&apos;s ring</source>
        <translation>点位的环形范围</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Coordinate grid</source>
        <translation>坐标格网</translation>
    </message>
    <message>
        <source>Show the draw&apos;s rings and drawn units</source>
        <translation>显示抽样的环形范围和抽中对象</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation>PNG 分辨率：</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Default: &lt;campaign&gt; 任务图集</source>
        <translation>默认：&lt;测评项目&gt; 任务图集</translation>
    </message>
    <message>
        <source>Default: &lt;campaign&gt; 问题分布图</source>
        <translation>默认：&lt;测评项目&gt; 问题分布图</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Defects by card colour</source>
        <translation>问题按督办卡颜色</translation>
    </message>
    <message>
        <source>Defects by category</source>
        <translation>问题按类别</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>XLSX workbook</source>
        <translation>XLSX 工作簿</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The draw</source>
        <translation>抽样结果</translation>
    </message>
    <message>
        <source>The route plan</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容：</translation>
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
        <translation>CSV 表格 (.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>GBK (older ArcGIS)</source>
        <translation>GBK（旧版 ArcGIS）</translation>
    </message>
    <message>
        <source>Shapefile encoding:</source>
        <translation>Shapefile 编码：</translation>
    </message>
    <message>
        <source>Also write the photos beside the file</source>
        <translation>同时在文件旁写出照片</translation>
    </message>
    <message>
        <source>Reading the campaign…</source>
        <translation>正在读取测评项目…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写出的文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹，请指定文件名。</translation>
    </message>
    <message>
        <source>%1: a map is written as .pdf, .png or .svg.</source>
        <translation>%1：地图只能写为 .pdf、.png 或 .svg。</translation>
    </message>
    <message>
        <source>%1: an atlas is a PDF; name it .pdf.</source>
        <translation>%1：图集是 PDF 文件，请以 .pdf 命名。</translation>
    </message>
    <message>
        <source>%1: a report is written as .xlsx or .pdf.</source>
        <translation>%1：通报只能写为 .xlsx 或 .pdf。</translation>
    </message>
    <message>
        <source>The campaign holds no draw to export.</source>
        <translation>测评项目中没有可导出的抽样。</translation>
    </message>
    <message>
        <source>The campaign holds no route plan to export.</source>
        <translation>测评项目中没有可导出的巡查路线。</translation>
    </message>
    <message>
        <source>The campaign is still being read.</source>
        <translation>仍在读取测评项目。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写出 %1…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写出任何文件。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>XLSX workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>XLSX 工作簿 (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Data file (*.%1)</source>
        <translation>数据文件 (*.%1)</translation>
    </message>
</context>
<context>
    <name>app::Roles</name>
    <message>
        <source>Farmers&apos; market</source>
        <translation>农贸市场</translation>
    </message>
    <message>
        <source>Mall / supermarket</source>
        <translation>商场超市</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Transport station</source>
        <translation>交通场站</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>城市社区</translation>
    </message>
    <message>
        <source>Back street</source>
        <translation>背街小巷</translation>
    </message>
    <message>
        <source>Main road</source>
        <translation>主次干道</translation>
    </message>
    <message>
        <source>Residential compound</source>
        <translation>居民小区</translation>
    </message>
    <message>
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>District boundary</source>
        <translation>行政区界</translation>
    </message>
    <message>
        <source>Public toilet</source>
        <translation>公共厕所</translation>
    </message>
</context>
<context>
    <name>app::RouteController</name>
    <message>
        <source>The campaign has no roads to route on.</source>
        <translation>测评项目中没有可用于规划路线的道路。</translation>
    </message>
    <message>
        <source>The current draw has no drawn streets or compounds to visit.</source>
        <translation>当前抽样没有需要前往的背街小巷或居民小区。</translation>
    </message>
</context>
<context>
    <name>app::RoutePanel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驾车</translation>
    </message>
    <message>
        <source>E-bike</source>
        <translation>电动自行车</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Round trip (back to the start)</source>
        <translation>往返（回到起点）</translation>
    </message>
    <message>
        <source>chosen by the order</source>
        <translation>由顺序自动决定</translation>
    </message>
    <message>
        <source>Pick on map</source>
        <translation>在地图上选取</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>出行方式：</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>小组数：</translation>
    </message>
    <message>
        <source>Budget per team:</source>
        <translation>每组时间预算：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>Compute route</source>
        <translation>规划路线</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Along</source>
        <translation>途经</translation>
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
        <translation>路线单（PDF）</translation>
    </message>
    <message>
        <source>Routes need a campaign with a draw.</source>
        <translation>规划路线需要一个已有抽样的测评项目。</translation>
    </message>
    <message>
        <source>No route yet.</source>
        <translation>尚无路线。</translation>
    </message>
    <message>
        <source>back to the start</source>
        <translation>返回起点</translation>
    </message>
    <message>
        <source>end</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source> (along the street)</source>
        <translation>（沿街巡查）</translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s), %1 in total, longest day %2</source>
        <translation>
            <numerusform>%n 个站点，全程 %1，最长一天 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) do not fit the budget</source>
        <translation>
            <numerusform>%n 个站点超出时间预算</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) cannot be reached on the roads</source>
        <translation>
            <numerusform>%n 个站点无法经道路到达</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>返回出发点</translation>
    </message>
    <message>
        <source>Back to the first stop</source>
        <translation>返回第一个检查点</translation>
    </message>
    <message>
        <source>End</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>出发点</translation>
    </message>
    <message>
        <source>Drag a stop to another place in the order: the legs and the totals are computed again.</source>
        <translation>拖动检查点可调整顺序，各段路线和合计将重新计算。</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Visit the selected stop one place earlier (Alt+Up)</source>
        <translation>所选检查点提前一位（Alt+↑）</translation>
    </message>
    <message>
        <source>Visit the selected stop one place later (Alt+Down)</source>
        <translation>所选检查点推后一位（Alt+↓）</translation>
    </message>
    <message>
        <source>Order of the stops</source>
        <translation>检查顺序</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>第 %1 组</translation>
    </message>
    <message>
        <source>Team %1: %2, travel %3, inspection %4, day %5</source>
        <translation>第 %1 组：路程 %2，行进 %3，检查 %4，全天 %5</translation>
    </message>
    <message>
        <source>, %1 over the budget</source>
        <translation>，超出预算 %1</translation>
    </message>
    <message>
        <source>, %1 under the budget</source>
        <translation>，低于预算 %1</translation>
    </message>
    <message>
        <source> (order changed by hand)</source>
        <translation>（手动调整顺序）</translation>
    </message>
    <message>
        <source>Order changed by hand</source>
        <translation>手动调整顺序</translation>
    </message>
</context>
<context>
    <name>app::UnitsDialog</name>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>负责区域</translation>
    </message>
    <message>
        <source>Open cards</source>
        <translation>未销号督办卡</translation>
    </message>
    <message>
        <source>Overdue cards</source>
        <translation>逾期督办卡</translation>
    </message>
    <message>
        <source>On-time closure</source>
        <translation>按时销号率</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>督办卡</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>导入...</translation>
    </message>
    <message>
        <source>Add the units of a CSV or XLSX table (name, kind, contact, area); a table with a bad row adds none</source>
        <translation>从 CSV 或 XLSX 表格（名称、类型、联系方式、负责区域）添加责任单位；表格中只要有一行有误，则一个也不添加</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>添加...</translation>
    </message>
    <message>
        <source>Select a unit to see its open cards.</source>
        <translation>选择责任单位以查看其未销号的督办卡。</translation>
    </message>
    <message>
        <source>Open cards of %1: %2, overdue %3</source>
        <translation>%1 的未销号督办卡：%2 张，其中逾期 %3 张</translation>
    </message>
    <message>
        <source>A unit needs a name.</source>
        <translation>责任单位必须填写名称。</translation>
    </message>
    <message>
        <source>Import responsible units</source>
        <translation>导入责任单位</translation>
    </message>
    <message>
        <source>Unit tables (*.csv *.xlsx *.CSV *.XLSX)</source>
        <translation>责任单位表 (*.csv *.xlsx *.CSV *.XLSX)</translation>
    </message>
    <message>
        <source>Imported %1 unit(s) from %2.</source>
        <translation>已从 %2 导入 %1 个责任单位。</translation>
    </message>
    <message>
        <source>Add a responsible unit</source>
        <translation>添加责任单位</translation>
    </message>
    <message>
        <source>the sub-district a street office answers for</source>
        <translation>街道办事处负责的街道</translation>
    </message>
</context>
<context>
    <name>app::WarningsDialog</name>
    <message>
        <source>Data warnings</source>
        <translation>数据警告</translation>
    </message>
    <message>
        <source>The data was loaded, but some of it may be incomplete or was read with guesses:</source>
        <translation>数据已加载，但部分数据可能不完整，或是按推测方式读取的：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
</TS>
