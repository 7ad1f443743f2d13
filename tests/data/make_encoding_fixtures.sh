#!/bin/sh
# Regenerates the attribute-encoding and point-table fixtures (all synthetic: invented street
# and place names, coordinates near Tianjin and Wuhan). Needs GDAL's ogr2ogr and iconv.
# Run from anywhere: sh tests/data/make_encoding_fixtures.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Four short roads, names in Chinese (one ASCII name to show mixed content is fine).
cat > "$tmp/roads_zh.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"幸福路","kind":"支路","lanes":2},"geometry":{"type":"LineString","coordinates":[[117.200,39.100],[117.205,39.100]]}},
{"type":"Feature","properties":{"name":"和平街","kind":"支路","lanes":2},"geometry":{"type":"LineString","coordinates":[[117.205,39.100],[117.205,39.104]]}},
{"type":"Feature","properties":{"name":"友谊大道","kind":"主干路","lanes":6},"geometry":{"type":"LineString","coordinates":[[117.200,39.104],[117.212,39.104]]}},
{"type":"Feature","properties":{"name":"Binhai Rd","kind":"次干路","lanes":4},"geometry":{"type":"LineString","coordinates":[[117.210,39.098],[117.210,39.106]]}}
]}
JSON
sed -e 's/幸福路/Xingfu Rd/' -e 's/和平街/Heping St/' -e 's/友谊大道/Youyi Ave/' \
    -e 's/主干路/arterial/' -e 's/次干路/collector/' -e 's/支路/branch/g' \
    "$tmp/roads_zh.geojson" > "$tmp/roads_ascii.geojson"

shapefile() { # dir geojson encoding
    rm -rf "$1" && mkdir "$1"
    ogr2ogr -f "ESRI Shapefile" "$1/roads.shp" "$2" -nln roads -lco ENCODING="$3"
}
setldid() { # dbf byte
    printf "$2" | dd of="$1" bs=1 seek=29 conv=notrunc status=none
}

# GBK text, .dbf declaring LDID 87 (ISO-8859-1), no .cpg: what many Chinese tools write.
shapefile gbk_roads_ldid87 "$tmp/roads_zh.geojson" CP936
rm gbk_roads_ldid87/roads.cpg
setldid gbk_roads_ldid87/roads.dbf '\127'
# UTF-8 text with a .cpg saying so.
shapefile utf8_roads_cpg "$tmp/roads_zh.geojson" UTF-8
# GBK text with an ArcGIS-style .cpg holding just the code page number.
shapefile gbk_roads_cpg936 "$tmp/roads_zh.geojson" CP936
printf '936' > gbk_roads_cpg936/roads.cpg
# ASCII text, LDID 87, no .cpg.
shapefile ascii_roads_ldid87 "$tmp/roads_ascii.geojson" LDID/87

# Point tables.
mkdir -p point_tables
printf '名称,经度,纬度,类别,床位\n江滨社区医院,114.30512,30.59321,医院,120\n梧桐小学,114.31877,30.58004,学校,\n东湖菜市场,114.36240,30.55912,市场,\n' \
    > point_tables/poi_utf8_jingwei_header.csv
printf '江滨社区医院,114.30512,30.59321,a01f\r\n梧桐小学,114.31877,30.58004,b02e\r\n东湖菜市场,114.36240,30.55912,c03d\r\n"南湖站,公交",114.35101,30.50233,d04c\r\n\r\n' \
    | iconv -f UTF-8 -t GBK > point_tables/poi_gbk_noheader.csv
printf 'id;name;lng;lat;note\n1;Riverside Clinic;114.30512;30.59321;"open; weekdays"\n2;Plane Tree School;114.31877;30.58004;\n3;East Lake Market;114.36240;30.55912;daily\n' \
    > point_tables/poi_semicolon.csv
printf 'name,lon,lat\nRiverside Clinic,114.30512,30.59321\nPlane Tree School,114.31877,30.58004\nEast Lake Market,114.36240,30.5x\n' \
    > point_tables/poi_bad_coordinate.csv

printf '名称,经度,纬度,学生数\n梧桐小学,114.31877,30.58004,640\n东湖中学,114.36011,30.56230,1210\n' > "$tmp/schools.csv"
printf '字段,含义\n名称,学校名称\n学生数,在校学生人数\n' > "$tmp/notes.csv"
rm -f point_tables/schools_two_sheets.xlsx
ogr2ogr -f XLSX point_tables/schools_two_sheets.xlsx "$tmp/schools.csv" -nln 学校 -oo AUTODETECT_TYPE=YES
ogr2ogr -update point_tables/schools_two_sheets.xlsx "$tmp/notes.csv" -nln 说明
