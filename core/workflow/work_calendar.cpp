#include "core/workflow/work_calendar.h"

#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace core {

namespace {

// Ten years of days without a single working minute means the calendar is unusable.
constexpr int kMaxDaysScanned = 3660;

QTime parseTime(const QJsonValue& v, const QString& where) {
    const QTime t = QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
    if (!t.isValid())
        throw FormatError(
            QStringLiteral("%1: \"%2\" is not a time HH:mm").arg(where, v.toString()));
    return t;
}

std::set<QDate> parseDates(const QJsonValue& v, const QString& where) {
    std::set<QDate> out;
    for (const auto& d : v.toArray()) {
        const QDate date = QDate::fromString(d.toString(), Qt::ISODate);
        if (!date.isValid())
            throw FormatError(
                QStringLiteral("%1: \"%2\" is not a date YYYY-MM-DD").arg(where, d.toString()));
        out.insert(date);
    }
    return out;
}

} // namespace

WorkCalendar::WorkCalendar()
    : intervals_{{QTime(8, 30), QTime(12, 0)}, {QTime(13, 30), QTime(18, 0)}}, weekdayMask_(0x1f) {}

void WorkCalendar::setIntervals(std::vector<std::pair<QTime, QTime>> intervals) {
    std::sort(intervals.begin(), intervals.end());
    intervals_ = std::move(intervals);
}

WorkCalendar WorkCalendar::fromJson(const QByteArray& json, const QString& sourceName) {
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (!doc.isObject())
        throw FormatError(QStringLiteral("working calendar %1 is not a JSON object: %2")
                              .arg(sourceName, perr.errorString()));
    const QJsonObject o = doc.object();
    WorkCalendar c;
    if (o.contains(QLatin1String("utc_offset_minutes")))
        c.offsetMinutes_ = o.value(QLatin1String("utc_offset_minutes")).toInt();
    if (o.contains(QLatin1String("hours"))) {
        std::vector<std::pair<QTime, QTime>> iv;
        const QString where = sourceName + QStringLiteral(" \"hours\"");
        for (const auto& pair : o.value(QLatin1String("hours")).toArray()) {
            const QJsonArray a = pair.toArray();
            if (a.size() != 2)
                throw FormatError(where + QStringLiteral(": each entry is [\"HH:mm\", \"HH:mm\"]"));
            const QTime from = parseTime(a[0], where), to = parseTime(a[1], where);
            if (!(from < to))
                throw FormatError(where + QStringLiteral(": an interval ends before it starts"));
            iv.emplace_back(from, to);
        }
        c.setIntervals(std::move(iv));
    }
    if (o.contains(QLatin1String("weekdays"))) {
        c.weekdayMask_ = 0;
        for (const auto& d : o.value(QLatin1String("weekdays")).toArray()) {
            const int day = d.toInt();
            if (day < 1 || day > 7)
                throw FormatError(sourceName +
                                  QStringLiteral(" \"weekdays\": use 1 (Monday) to 7"));
            c.weekdayMask_ |= 1 << (day - 1);
        }
    }
    c.holidays_ = parseDates(o.value(QLatin1String("holidays")),
                             sourceName + QStringLiteral(" \"holidays\""));
    c.workdays_ = parseDates(o.value(QLatin1String("workdays")),
                             sourceName + QStringLiteral(" \"workdays\""));
    return c;
}

QByteArray WorkCalendar::toJson() const {
    QJsonArray hours, weekdays, holidays, workdays;
    for (const auto& [a, b] : intervals_)
        hours.append(
            QJsonArray{a.toString(QStringLiteral("HH:mm")), b.toString(QStringLiteral("HH:mm"))});
    for (int d = 1; d <= 7; ++d)
        if (weekdayMask_ & (1 << (d - 1)))
            weekdays.append(d);
    for (const auto& d : holidays_)
        holidays.append(d.toString(Qt::ISODate));
    for (const auto& d : workdays_)
        workdays.append(d.toString(Qt::ISODate));
    return QJsonDocument(QJsonObject{{QStringLiteral("utc_offset_minutes"), offsetMinutes_},
                                     {QStringLiteral("hours"), hours},
                                     {QStringLiteral("weekdays"), weekdays},
                                     {QStringLiteral("holidays"), holidays},
                                     {QStringLiteral("workdays"), workdays}})
        .toJson(QJsonDocument::Compact);
}

double WorkCalendar::dailyHours() const {
    double s = 0;
    for (const auto& [a, b] : intervals_)
        s += a.secsTo(b);
    return s / 3600.0;
}

bool WorkCalendar::isWorkday(const QDate& d) const {
    if (holidays_.count(d))
        return false;
    if (workdays_.count(d))
        return true;
    return weekdayMask_ & (1 << (d.dayOfWeek() - 1));
}

QDateTime WorkCalendar::add(const QDateTime& startUtc, const Allowance& a) const {
    switch (a.unit) {
    case Allowance::Unit::CalendarHours:
        return startUtc.addSecs(static_cast<qint64>(std::llround(a.amount * 3600)));
    case Allowance::Unit::WorkingDays:
        return addWorkingSeconds(startUtc, std::llround(a.amount * dailyHours() * 3600));
    case Allowance::Unit::WorkingHours:
        break;
    }
    return addWorkingSeconds(startUtc, std::llround(a.amount * 3600));
}

QDateTime WorkCalendar::addWorkingSeconds(const QDateTime& startUtc, qint64 remaining) const {
    const QTimeZone zone(offsetMinutes_ * 60);
    const QDateTime local = startUtc.toTimeZone(zone);
    QDate day = local.date();
    QTime cursor = local.time();
    for (int n = 0; n < kMaxDaysScanned; ++n, day = day.addDays(1), cursor = QTime(0, 0)) {
        if (!isWorkday(day))
            continue;
        for (const auto& [from, to] : intervals_) {
            if (!(cursor < to))
                continue;
            const QTime begin = std::max(cursor, from);
            const qint64 avail = begin.secsTo(to);
            if (remaining <= avail)
                return QDateTime(day, begin.addSecs(static_cast<int>(remaining)), zone).toUTC();
            remaining -= avail;
        }
    }
    throw Error(ErrorCode::InvalidInput,
                QStringLiteral("the working calendar has no working time; check its hours, "
                               "weekdays and holidays"));
}

double WorkCalendar::workingHoursBetween(const QDateTime& fromUtc, const QDateTime& toUtc) const {
    if (!(fromUtc < toUtc))
        return 0;
    const QTimeZone zone(offsetMinutes_ * 60);
    const QDateTime a = fromUtc.toTimeZone(zone), b = toUtc.toTimeZone(zone);
    qint64 secs = 0;
    for (QDate day = a.date(); day <= b.date(); day = day.addDays(1)) {
        if (!isWorkday(day))
            continue;
        for (const auto& [from, to] : intervals_) {
            const QTime lo = day == a.date() ? std::max(from, a.time()) : from;
            const QTime hi = day == b.date() ? std::min(to, b.time()) : to;
            if (lo < hi)
                secs += lo.secsTo(hi);
        }
    }
    return secs / 3600.0;
}

} // namespace core
