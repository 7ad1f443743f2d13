#pragma once

#include "core/model/taxonomy.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QTime>

#include <set>
#include <utility>
#include <vector>

namespace core {

/// Working time of the district: daily working intervals in local time, working weekdays,
/// public holidays and make-up working days (调休). Deadlines of cards are counted in it.
///
/// Times in and out are UTC QDateTimes; the calendar converts with its fixed UTC offset
/// (China has no daylight saving, default +08:00). Value type; thread: any.
class WorkCalendar {
public:
    /// 08:30-12:00 and 13:30-18:00 (8 working hours), Monday to Friday, no holidays, UTC+8.
    WorkCalendar();

    /// Parses `{"utc_offset_minutes": 480, "hours": [["08:30","12:00"],["13:30","18:00"]],
    /// "weekdays": [1,2,3,4,5], "holidays": ["2027-10-01", ...], "workdays": ["2027-09-26"]}`;
    /// missing keys keep the defaults. Throws FormatError naming `sourceName` and the key.
    static WorkCalendar fromJson(const QByteArray& json, const QString& sourceName);
    QByteArray toJson() const;

    /// Working hours per working day (sum of the intervals).
    double dailyHours() const;
    /// Whether the local date is a working day (weekday or make-up day, and not a holiday).
    bool isWorkday(const QDate& localDate) const;
    /// The moment `allowance` after `startUtc`. Working time only advances inside the daily
    /// intervals of working days; a start outside them begins at the next interval.
    /// Throws InvalidInput when the calendar has no working time at all.
    QDateTime add(const QDateTime& startUtc, const Allowance& allowance) const;
    /// Working hours between two UTC moments (0 when `to` is not after `from`).
    double workingHoursBetween(const QDateTime& fromUtc, const QDateTime& toUtc) const;

    void setHolidays(std::set<QDate> days) { holidays_ = std::move(days); }
    void setMakeUpWorkdays(std::set<QDate> days) { workdays_ = std::move(days); }
    void setIntervals(std::vector<std::pair<QTime, QTime>> intervals);
    int utcOffsetMinutes() const { return offsetMinutes_; }

private:
    QDateTime addWorkingSeconds(const QDateTime& startUtc, qint64 seconds) const;

    int offsetMinutes_ = 480;
    std::vector<std::pair<QTime, QTime>> intervals_;
    int weekdayMask_ = 0; ///< bit (dayOfWeek-1), Monday = bit 0
    std::set<QDate> holidays_;
    std::set<QDate> workdays_;
};

} // namespace core
