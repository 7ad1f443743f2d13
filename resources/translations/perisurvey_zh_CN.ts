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
            <numerusform>已打开测评项目 %1；%n 张超期督办卡已升级</numerusform>
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
