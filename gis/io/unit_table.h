#pragma once

#include "core/model/unit.h"

#include <QString>

#include <vector>

namespace gis {

/// Reads responsible units from a CSV or XLSX table (the first sheet that has a name column).
///
/// The first row is the header. Columns, by name (case-insensitive): name / 名称 / 单位名称 /
/// 责任单位 (required); kind / 类型 / 单位类型 (a key such as STREET_OFFICE or its Chinese name
/// such as 街道办事处; required); contact / 联系人 / 联系方式 / 电话 (optional); area / 辖区 /
/// 街道 (optional: the sub-district a street office answers for). Every data row becomes a unit:
/// a row without a name or with an unknown kind is an error naming the file, the row and the
/// value (with the accepted kinds), never skipped. Throws core::Error naming the file.
std::vector<core::ResponsibleUnit> readUnitTable(const QString& path);

} // namespace gis
