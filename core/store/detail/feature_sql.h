#pragma once

// SQL helpers shared by the campaign's feature tables (imported layers and draw layers).

#include "core/model/layer_data.h"
#include "core/store/database.h"

#include <QString>
#include <QVariant>

namespace core::detail {

/// A double-quoted SQL identifier.
QString quotedIdentifier(const QString& identifier);
/// The column type we declare for a field type ("INTEGER", "DOUBLE", "TEXT", ...).
const char* sqlTypeOf(FieldType type);
/// The field type of a declared column type (what GDAL and we write).
FieldType fieldTypeOfSql(const QString& declared);
/// Binds a value of `type` (SQL NULL for an invalid or null QVariant).
void bindFieldValue(Statement& st, int index, const QVariant& value, FieldType type);
/// Reads a column as `type` (an invalid QVariant for NULL).
QVariant readFieldValue(const Statement& st, int column, FieldType type);
/// The columns of a table other than fid and geom, with their field types, in table order.
std::vector<Field> tableFields(Database& db, const QString& table);

} // namespace core::detail
