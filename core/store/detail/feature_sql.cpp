#include "core/store/detail/feature_sql.h"

#include "core/store/campaign.h"

namespace core::detail {

QString quotedIdentifier(const QString& identifier) {
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

const char* sqlTypeOf(FieldType type) {
    switch (type) {
    case FieldType::Integer:
        return "INTEGER";
    case FieldType::Real:
        return "DOUBLE";
    case FieldType::Date:
        return "DATE";
    case FieldType::DateTime:
        return "DATETIME";
    default:
        return "TEXT";
    }
}

FieldType fieldTypeOfSql(const QString& declared) {
    const QString t = declared.toUpper();
    if (t == QLatin1String("INTEGER") || t == QLatin1String("INT") ||
        t == QLatin1String("MEDIUMINT") || t == QLatin1String("SMALLINT") ||
        t == QLatin1String("TINYINT") || t == QLatin1String("BOOLEAN"))
        return FieldType::Integer;
    if (t == QLatin1String("DOUBLE") || t == QLatin1String("REAL") || t == QLatin1String("FLOAT"))
        return FieldType::Real;
    if (t == QLatin1String("DATE"))
        return FieldType::Date;
    if (t == QLatin1String("DATETIME"))
        return FieldType::DateTime;
    return FieldType::String;
}

void bindFieldValue(Statement& st, int index, const QVariant& value, FieldType type) {
    if (!value.isValid() || value.isNull()) {
        st.bindNull(index);
        return;
    }
    switch (type) {
    case FieldType::Integer:
        st.bind(index, static_cast<std::int64_t>(value.toLongLong()));
        return;
    case FieldType::Real:
        st.bind(index, value.toDouble());
        return;
    case FieldType::Date:
        st.bind(index, value.toDate().toString(Qt::ISODate));
        return;
    case FieldType::DateTime:
        st.bind(index, isoUtc(value.toDateTime()));
        return;
    default:
        st.bind(index, value.toString());
    }
}

QVariant readFieldValue(const Statement& st, int column, FieldType type) {
    if (st.isNull(column))
        return {};
    switch (type) {
    case FieldType::Integer:
        return QVariant::fromValue(static_cast<qlonglong>(st.int64(column)));
    case FieldType::Real:
        return st.real(column);
    case FieldType::Date:
        return QDate::fromString(st.text(column), Qt::ISODate);
    case FieldType::DateTime:
        return parseIsoUtc(st.text(column));
    default:
        return st.text(column);
    }
}

std::vector<Field> tableFields(Database& db, const QString& table) {
    std::vector<Field> fields;
    auto info = db.prepare(("PRAGMA table_info(" + quotedIdentifier(table).toStdString() + ")"));
    while (info.step()) {
        const QString name = info.text(1);
        if (name == QLatin1String("fid") || name == QLatin1String("geom"))
            continue;
        fields.push_back(Field{name, fieldTypeOfSql(info.text(2))});
    }
    return fields;
}

} // namespace core::detail
