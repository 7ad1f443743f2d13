<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
