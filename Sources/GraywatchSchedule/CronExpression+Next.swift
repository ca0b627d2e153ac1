import Foundation

/// Fire-time evaluation: a field-by-field search on the wall clock, then a mapping to real instants.
///
/// The search steps a naive local date-time by month, day, hour and minute (never minute by minute over
/// long spans), using proleptic Gregorian arithmetic, and maps each matching wall-clock minute to instants
/// with `TimeZone.secondsFromGMT(for:)`.
extension CronExpression {
    /// How far ahead `next(after:in:)` searches before giving up: enough to cross the non-leap 2100 for `0 0 29 2 *`.
    static let horizonYears = 8
    /// The largest wall-clock shift of a time-zone transition that the search allows for.
    static let maxShift = 3 * 3600

    /// The first fire time strictly after `date`, evaluated on the wall clock of `timeZone`; nil if none within ~8 years (e.g. "0 0 30 2 *").
    ///
    /// Fire times are whole minutes. The horizon of about 8 years lets `0 0 29 2 *` cross the non-leap 2100.
    /// Daylight-saving transitions are handled as cronie does; an expression has a *fixed time* when its minute
    /// and hour fields are both fixed values (numbers, ranges or lists: no `*` and no `/`):
    ///
    /// - **Gap (spring forward)**: a matching wall-clock time that does not exist (e.g. 02:30 on 2026-03-08 in
    ///   America/New_York) fires *once*, at the first instant after the gap (03:00 EDT), for a fixed-time
    ///   expression; several skipped times (`0,30 2 * * *`) collapse into that one firing. For a wildcard or
    ///   stepped expression (`*/15 * * * *`, `5 * * * *`, `* 2 * * *`) skipped wall-clock times simply have no
    ///   occurrence: it fires at every real matching minute, so an hourly job still runs once per real hour.
    /// - **Overlap (fall back)**: a matching wall-clock time that occurs twice (e.g. 01:30 on 2026-11-01 in
    ///   America/New_York) fires only at its first occurrence (01:30 EDT) for a fixed-time expression, and at
    ///   *both* occurrences (01:30 EDT, then 01:30 EST) otherwise, so `0 * * * *` fires every real hour.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        guard let after = Self.wholeSeconds(date) else { return nil }
        let zone = ZoneOffsets(timeZone)
        let offsetNow = zone.offset(at: after)
        var startWall = after + offsetNow
        // A fall-back shortly after `date` makes earlier wall-clock times recur: look back over them too.
        if zone.offset(at: after + Self.maxShift) < offsetNow { startWall -= Self.maxShift }
        let limitYear = CivilDate(days: Self.floorDiv(startWall, 86_400)).year + Self.horizonYears
        var cursor = Self.floorDiv(startWall, 60) - 1
        var best: Int?
        var stopWall = Int.max
        while let minute = nextWallMinute(after: cursor, limitYear: limitYear) {
            let wall = minute * 60
            if wall > stopWall { break }
            for instant in fireInstants(forWall: wall, zone: zone) where instant > after && instant < (best ?? Int.max) {
                best = instant
                // Later wall-clock times map to later instants unless a fall-back lies just before `instant`.
                let recurs = zone.offset(at: instant - Self.maxShift) > zone.offset(at: instant)
                stopWall = instant + zone.offset(at: instant) + (recurs ? Self.maxShift : 0)
            }
            cursor = minute
        }
        return best.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Whether the wall-clock minute of `date` in `timeZone` matches.
    ///
    /// This is a pure wall-clock test: it ignores the DST rules of `next(after:in:)`, so it is true for both
    /// occurrences of a repeated time and false at the end of a gap where a skipped fixed-time job fires.
    public func matches(_ date: Date, in timeZone: TimeZone) -> Bool {
        guard let instant = Self.wholeSeconds(date) else { return false }
        let wall = instant + ZoneOffsets(timeZone).offset(at: instant)
        let minuteOfDay = Self.floorDiv(wall, 60) - Self.floorDiv(wall, 86_400) * 1440
        let day = CivilDate(days: Self.floorDiv(wall, 86_400))
        return months.contains(day.month) && dayMatches(day) && hours.contains(minuteOfDay / 60)
            && minutes.contains(minuteOfDay % 60)
    }

    /// The instants at which the wall-clock time `wall` (naive seconds) fires, per the DST rules.
    func fireInstants(forWall wall: Int, zone: ZoneOffsets) -> [Int] {
        let before = zone.offset(at: wall - 86_400), later = zone.offset(at: wall + 86_400)
        let valid = Set([before, later].map { wall - $0 }.filter { zone.offset(at: $0) + $0 == wall }).sorted()
        if let first = valid.first { return hasFixedTime ? [first] : valid }
        guard hasFixedTime, later > before else { return [] }
        // In a gap: the transition lies in (wall - later, wall - before]; find its first instant.
        var low = wall - later, high = wall - before
        let lowOffset = zone.offset(at: low)
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if zone.offset(at: mid) == lowOffset { low = mid } else { high = mid }
        }
        return [high]
    }

    /// The first wall-clock minute (minutes since 1970-01-01T00:00 naive) after `minute` that matches, stepping by field.
    func nextWallMinute(after minute: Int, limitYear: Int) -> Int? {
        let start = minute + 1
        var date = CivilDate(days: Self.floorDiv(start, 1440))
        let minuteOfDay = start - Self.floorDiv(start, 1440) * 1440
        var hour = minuteOfDay / 60, min = minuteOfDay % 60
        while date.year <= limitYear {
            if !months.contains(date.month) {
                if let month = months.next(atLeast: date.month + 1) {
                    date = CivilDate(year: date.year, month: month, day: 1)
                } else {
                    date = CivilDate(year: date.year + 1, month: months.next(atLeast: 1) ?? 1, day: 1)
                }
                (hour, min) = (0, 0)
            } else if date.day > date.daysInMonth {
                date = date.month == 12 ? CivilDate(year: date.year + 1, month: 1, day: 1)
                    : CivilDate(year: date.year, month: date.month + 1, day: 1)
                (hour, min) = (0, 0)
            } else if !dayMatches(date) {
                (date.day, hour, min) = (date.day + 1, 0, 0)
            } else if let nextHour = hours.next(atLeast: hour), nextHour < 24 {
                if nextHour != hour { (hour, min) = (nextHour, 0) }
                if let nextMinute = minutes.next(atLeast: min), nextMinute < 60 {
                    return (date.daysSinceEpoch * 24 + hour) * 60 + nextMinute
                }
                (hour, min) = (hour + 1, 0)
            } else {
                (date.day, hour, min) = (date.day + 1, 0, 0)
            }
        }
        return nil
    }

    /// The Vixie day rule: OR when both day fields are restricted, AND otherwise.
    func dayMatches(_ date: CivilDate) -> Bool {
        let byMonthDay = daysOfMonth.contains(date.day), byWeekday = daysOfWeek.contains(date.weekday)
        return dayOfMonthIsStar || dayOfWeekIsStar ? byMonthDay && byWeekday : byMonthDay || byWeekday
    }

    /// `date` as whole seconds since 1970 (rounded down); nil beyond ±100,000 years or for NaN.
    static func wholeSeconds(_ date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return abs(seconds) < 3.2e12 ? Int(seconds) : nil
    }

    /// Floor division (rounds toward negative infinity).
    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// UTC offsets of a time zone, in whole seconds, at instants given as seconds since 1970.
struct ZoneOffsets {
    let timeZone: TimeZone
    /// Wraps `timeZone`.
    init(_ timeZone: TimeZone) { self.timeZone = timeZone }
    /// The offset from UTC in effect at `instant`.
    func offset(at instant: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
}

/// A proleptic Gregorian calendar date (the same as `Calendar(identifier: .gregorian)` after 1582).
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// The given date; `day` may run past the month's end while searching.
    init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    init(days: Int) {
        let z = days + 719_468
        let era = CronExpression.floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (days_from_civil); valid for days past the month's end too.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = CronExpression.floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// 0 = Sunday ... 6 = Saturday.
    var weekday: Int { ((daysSinceEpoch + 4) % 7 + 7) % 7 }

    /// The number of days in this date's month.
    var daysInMonth: Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
