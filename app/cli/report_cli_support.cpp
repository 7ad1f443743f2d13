#include "app/cli/report_cli_support.h"

#include "core/report/defect_rows.h"
#include "core/util/error.h"

#include <QTimeZone>

namespace cli {

namespace {

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

} // namespace

QDateTime reportTime(const QString& given) {
    if (given.trimmed().isEmpty())
        return QDateTime::currentDateTimeUtc();
    QDateTime t = QDateTime::fromString(given.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(given.trimmed(), Qt::ISODate);
    if (!t.isValid())
        throw bad(QStringLiteral("--now takes an ISO 8601 time such as 2027-03-20T10:00:00Z, "
                                 "not '%1'")
                      .arg(given));
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

core::DefectFilter defectFilter(const Args& args, core::Campaign& campaign) {
    core::DefectFilter f;
    if (args.has(QStringLiteral("status"))) {
        f.status = core::cardStageFromKey(args.value(QStringLiteral("status")));
        if (!f.status)
            throw bad(QStringLiteral("--status must be one of found, issued, dispatched, fixing, "
                                     "reported, rechecked, closed (or 发现 ... 销号), not '%1'")
                          .arg(args.value(QStringLiteral("status"))));
    }
    if (args.has(QStringLiteral("unit")))
        f.unitId = core::requireUnit(campaign, args.value(QStringLiteral("unit"))).id;
    f.code = args.value(QStringLiteral("code"));
    if (args.has(QStringLiteral("card"))) {
        f.card = core::cardColourFromKey(args.value(QStringLiteral("card")));
        if (!f.card)
            throw bad(QStringLiteral("--card must be white, yellow or red, not '%1'")
                          .arg(args.value(QStringLiteral("card"))));
    }
    f.overdueOnly = args.has(QStringLiteral("overdue"));
    return f;
}

} // namespace cli
