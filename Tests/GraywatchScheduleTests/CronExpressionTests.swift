import Foundation
import GraywatchSchedule
import XCTest

/// Tests for `CronExpression`: parsing (crontab(5) + Vixie/cronie), matching, and next-fire-time evaluation
/// including the 2026 DST transitions of America/New_York (03-08, 11-01) and Europe/Berlin (03-29, 10-25).
final class CronExpressionTests: XCTestCase {
    private func zone(_ id: String) throws -> TimeZone { try XCTUnwrap(TimeZone(identifier: id), id) }

    /// "2026-03-08 07:00" (UTC) as a Date.
    private func utc(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        return try XCTUnwrap(formatter.date(from: text.replacingOccurrences(of: " ", with: "T") + ":00Z"), text)
    }

    private func format(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).dropLast(4)).replacingOccurrences(of: "T", with: " ")
    }

    /// The next `count` fire times after `start` (UTC text), as UTC text.
    private func chain(_ text: String, after start: String, in zoneID: String = "UTC", count: Int = 5) throws -> [String] {
        let expression = try CronExpression(text), tz = try zone(zoneID)
        var date = try utc(start), result: [String] = []
        for _ in 0..<count {
            guard let next = expression.next(after: date, in: tz) else { break }
            result.append(format(next))
            date = next
        }
        return result
    }

    func testParseErrorsReportColumnOfOffendingToken() {
        let cases: [(String, Int, String)] = [
            ("", 1, "empty expression"), ("   ", 1, "empty expression"), ("* * * *", 8, "found 4"),
            ("* * * * * *", 11, "6th field"), ("60 * * * *", 1, "out of range"), ("0 24 * * *", 3, "out of range"),
            ("0 0 0 * *", 5, "out of range"), ("0 0 32 * *", 5, "out of range"), ("0 0 * 13 *", 7, "out of range"),
            ("0 0 * * 8", 9, "out of range"), ("0 0 * 0 *", 7, "out of range"), ("99999999999999999999 * * * *", 1, "out of range"),
            ("5-3 * * * *", 1, "reversed range"), ("0 0 * * SAT-SUN", 9, "reversed range"), ("1,20-10 * * * *", 3, "reversed"),
            ("*/0 * * * *", 3, "step must be at least 1"), ("0 1-5/0 * * *", 7, "step must be at least 1"),
            ("*/61 * * * *", 3, "larger than"), ("*/ * * * *", 3, "expected a step"), ("1- * * * *", 3, "expected a value"),
            ("0 0 * FOO *", 7, "unknown name 'FOO'"), ("0 0 * * MON-FUN", 13, "unknown name 'FUN'"),
            ("0 0 * * FRIDAY", 9, "unknown name"), ("MON * * * *", 1, "unknown name"), ("0 0 JAN * *", 5, "unknown name"),
            ("1,,2 * * * *", 3, "empty list element"), ("1, * * * *", 3, "empty list element"), (",1 * * * *", 1, "empty list"),
            ("5x * * * *", 2, "unexpected character 'x'"), ("1-2-3 * * * *", 4, "unexpected character '-'"),
            ("*/5/2 * * * *", 4, "unexpected character '/'"), ("** * * * *", 2, "unexpected character"),
            ("0\t0\t*\t*\t?", 9, "unexpected character '?'"), ("é 0 * * *", 1, "unexpected character 'é'"), ("0 0 * * *\n", 10, "U+000A"),
            ("  0 0 * * FRI,", 15, "empty list element"), ("@reboot", 1, "@reboot"), ("@fortnightly", 1, "unknown macro"),
            ("@weekly 5", 9, "after macro"), ("@", 1, "unknown macro"),
        ]
        for (text, column, message) in cases {
            XCTAssertThrowsError(try CronExpression(text), text) { error in
                guard let error = error as? CronError else { return XCTFail("not a CronError: \(error)") }
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text): \(error)")
                XCTAssertEqual(error.description, "column \(column): \(error.message)")
            }
        }
    }

    func testValidSyntaxIsAcceptedAndDescriptionIsTheSource() throws {
        for text in ["* * * * *", " 0  0\t* * * ", "0-59/59 0-23 1-31 1-12 0-7", "1,2,3-5,*/7 * * * *", "0 0 * jan-Dec sun-SAT",
                     "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@DAILY", "*/60 * */31 * */8"] {
            XCTAssertEqual(try CronExpression(text).description, text)
        }
        XCTAssertEqual(try CronExpression("0 0 * * *"), try CronExpression("0 0 * * *"))
        XCTAssertNotEqual(try CronExpression("0 0 * * 0"), try CronExpression("0 0 * * 1"))
    }

    func testMatchesExpandsStepsRangesListsAndNames() throws {
        // 2026-03-01 is a Sunday; 2026-03-05 a Thursday; 2026-03-02 a Monday.
        let cases: [(String, String, Bool)] = [
            ("*/15 * * * *", "2026-03-01 00:45", true), ("*/15 * * * *", "2026-03-01 00:50", false),
            ("10-20/5 * * * *", "2026-03-01 00:15", true), ("10-20/5 * * * *", "2026-03-01 00:25", false),
            ("50/5 * * * *", "2026-03-01 00:55", true), ("50/5 * * * *", "2026-03-01 00:00", false),
            ("1,5-7,*/30 * * * *", "2026-03-01 00:30", true), ("1,5-7,*/30 * * * *", "2026-03-01 00:06", true),
            ("1,5-7,*/30 * * * *", "2026-03-01 00:02", false), ("0 9-17 * * *", "2026-03-01 17:00", true),
            ("0 9-17 * * *", "2026-03-01 18:00", false), ("0 0 * jan,Mar *", "2026-03-01 00:00", true),
            ("0 0 * jan,Mar *", "2026-02-01 00:00", false), ("0 0 * * 7", "2026-03-01 00:00", true),
            ("0 0 * * 0", "2026-03-01 00:00", true), ("0 0 * * sun", "2026-03-01 00:00", true),
            ("0 0 * * 5-7", "2026-03-01 00:00", true), ("0 0 * * 5-7", "2026-03-05 00:00", false),
            ("0 0 * * 1/2", "2026-03-01 00:00", true), ("0 0 * * 1/2", "2026-03-02 00:00", true),
            ("0 0 * * 1/2", "2026-03-03 00:00", false), ("0 0 * * */7", "2026-03-01 00:00", true),
            ("0 0 * * MON-FRI", "2026-03-01 00:00", false), ("0 0 * * MON-FRI", "2026-03-05 00:00", true),
            ("30 4 1 * *", "2026-03-01 04:30", true), ("30 4 1 * *", "2026-03-01 04:31", false),
            ("@hourly", "2026-03-01 07:00", true), ("@weekly", "2026-03-01 00:00", true), ("@weekly", "2026-03-02 00:00", false),
            ("@monthly", "2026-03-01 00:00", true), ("@yearly", "2026-03-01 00:00", false), ("@yearly", "2026-01-01 00:00", true),
        ]
        for (text, time, expected) in cases {
            XCTAssertEqual(try CronExpression(text).matches(utc(time), in: zone("UTC")), expected, "\(text) at \(time)")
        }
        // Seconds within the minute do not matter.
        XCTAssertTrue(try CronExpression("45 * * * *").matches(utc("2026-03-01 00:45").addingTimeInterval(59.9), in: zone("UTC")))
    }

    func testMacrosEqualTheirExpansions() throws {
        for (macro, fields) in [("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"),
                                ("@weekly", "0 0 * * 0"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@hourly", "0 * * * *")] {
            XCTAssertEqual(try chain(macro, after: "2026-05-17 13:21"), try chain(fields, after: "2026-05-17 13:21"), macro)
        }
    }

    func testDayOfMonthAndDayOfWeekUseVixieOrRuleWhenBothRestricted() throws {
        let cases: [(String, [String])] = [
            // Friday-the-13th pitfall: every Friday OR every 13th, not only Fridays the 13th.
            ("0 0 13 * FRI", ["2026-01-02", "2026-01-09", "2026-01-13", "2026-01-16", "2026-01-23"]),
            ("0 0 13 * *", ["2026-01-13", "2026-02-13", "2026-03-13", "2026-04-13", "2026-05-13"]),
            ("0 0 * * FRI", ["2026-01-02", "2026-01-09", "2026-01-16", "2026-01-23", "2026-01-30"]),
            // A starred-but-stepped day of month counts as unrestricted, so both must match: odd-dated Fridays.
            ("0 0 */2 * FRI", ["2026-01-09", "2026-01-23", "2026-02-13", "2026-02-27", "2026-03-13"]),
            ("0 0 1-3 * MON", ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-12"]),
            ("0 0 * * *", ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"]),
        ]
        for (text, days) in cases {
            XCTAssertEqual(try chain(text, after: "2025-12-31 12:00"), days.map { $0 + " 00:00" }, text)
        }
    }

    func testNextChainsAreStrictlyAfterAndStepByField() throws {
        let cases: [(String, String, [String])] = [
            ("*/15 * * * *", "2026-01-01 00:07", ["2026-01-01 00:15", "2026-01-01 00:30", "2026-01-01 00:45", "2026-01-01 01:00", "2026-01-01 01:15"]),
            ("*/15 * * * *", "2026-01-01 00:15", ["2026-01-01 00:30", "2026-01-01 00:45"]),
            ("0 9-17/4 * * MON-FRI", "2026-01-02 12:00", ["2026-01-02 13:00", "2026-01-02 17:00", "2026-01-05 09:00", "2026-01-05 13:00"]),
            ("59 23 31 12 *", "2026-06-01 00:00", ["2026-12-31 23:59", "2027-12-31 23:59", "2028-12-31 23:59"]),
            ("0 0 31 * *", "2026-01-31 00:00", ["2026-03-31 00:00", "2026-05-31 00:00", "2026-07-31 00:00", "2026-08-31 00:00"]),
            ("* * * * *", "2026-12-31 23:58", ["2026-12-31 23:59", "2027-01-01 00:00", "2027-01-01 00:01"]),
            ("0 12 * FEB,AUG SUN", "2026-01-01 00:00", ["2026-02-01 12:00", "2026-02-08 12:00", "2026-02-15 12:00", "2026-02-22 12:00", "2026-08-02 12:00"]),
        ]
        for (text, start, expected) in cases {
            XCTAssertEqual(try chain(text, after: start, count: expected.count), expected, text)
        }
        // A start a fraction of a second before a fire time still gets that fire time.
        let justBefore = try utc("2026-01-01 00:15").addingTimeInterval(-0.25)
        XCTAssertEqual(try CronExpression("*/15 * * * *").next(after: justBefore, in: zone("UTC")), try utc("2026-01-01 00:15"))
    }

    func testLeapDaysAreFoundQuicklyAndAcrossTheNonLeap2100() throws {
        let started = Date()
        XCTAssertEqual(try chain("0 0 29 2 *", after: "2026-01-01 00:00", count: 3), ["2028-02-29 00:00", "2032-02-29 00:00", "2036-02-29 00:00"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)
        XCTAssertEqual(try chain("0 0 29 2 *", after: "2096-03-01 00:00", count: 1), ["2104-02-29 00:00"])
        XCTAssertEqual(try chain("0 0 28,29 2 *", after: "2027-02-28 00:00", count: 2), ["2028-02-28 00:00", "2028-02-29 00:00"])
    }

    func testImpossibleDatesGiveNil() throws {
        for text in ["0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 30,31 FEB *"] {
            let started = Date()
            XCTAssertNil(try CronExpression(text).next(after: utc("2026-01-01 00:00"), in: zone("Europe/Berlin")), text)
            XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, text)
        }
        // With the OR rule a restricted weekday rescues an impossible day of month.
        XCTAssertEqual(try chain("0 0 30 2 MON", after: "2026-01-01 00:00", count: 1), ["2026-02-02 00:00"])
    }

    func testUnrepresentableDatesGiveNilInsteadOfTrapping() throws {
        let expression = try CronExpression("* * * * *"), tz = try zone("UTC")
        XCTAssertNil(expression.next(after: Date(timeIntervalSince1970: .infinity), in: tz))
        XCTAssertNil(expression.next(after: Date(timeIntervalSince1970: .nan), in: tz))
        XCTAssertFalse(expression.matches(Date(timeIntervalSince1970: -.infinity), in: tz))
        XCTAssertNotNil(expression.next(after: .distantPast, in: tz))
    }

    func testNamedZonesEvaluateOnTheirWallClock() throws {
        XCTAssertEqual(try chain("0 9 * * *", after: "2026-01-01 00:00", in: "Asia/Tokyo", count: 2), ["2026-01-02 00:00", "2026-01-03 00:00"])
        XCTAssertEqual(try chain("30 9 * * *", after: "2026-01-01 00:00", in: "Asia/Kolkata", count: 1), ["2026-01-01 04:00"])
        XCTAssertEqual(try chain("0 9 * * *", after: "2026-07-01 00:00", in: "America/New_York", count: 1), ["2026-07-01 13:00"])
        XCTAssertEqual(try chain("0 9 * * *", after: "2026-12-01 00:00", in: "America/New_York", count: 1), ["2026-12-01 14:00"])
        // The local date decides the weekday: Monday 00:30 in Berlin is still Sunday in UTC.
        XCTAssertEqual(try chain("30 0 * * MON", after: "2026-01-01 00:00", in: "Europe/Berlin", count: 1), ["2026-01-04 23:30"])
        XCTAssertTrue(try CronExpression("30 0 * * MON").matches(utc("2026-01-04 23:30"), in: zone("Europe/Berlin")))
    }

    /// (zone, expression, start, expected fire times), all instants in UTC. Transitions: New York 2026-03-08 07:00Z
    /// (EST→EDT) and 2026-11-01 06:00Z (EDT→EST); Berlin 2026-03-29 01:00Z (CET→CEST) and 2026-10-25 01:00Z (CEST→CET).
    private let dstCases: [(String, String, String, [String])] = [
        // Gap, fixed time: the skipped 02:30 fires once at 03:00 EDT; several skipped times collapse into one firing.
        ("America/New_York", "30 2 * * *", "2026-03-07 12:00", ["2026-03-08 07:00", "2026-03-09 06:30"]),
        ("America/New_York", "0,30 2 * * *", "2026-03-07 12:00", ["2026-03-08 07:00", "2026-03-09 06:00", "2026-03-09 06:30"]),
        ("America/New_York", "30 2,3 * * *", "2026-03-07 12:00", ["2026-03-08 07:00", "2026-03-08 07:30", "2026-03-09 06:30"]),
        ("America/New_York", "0 3 * * *", "2026-03-07 12:00", ["2026-03-08 07:00", "2026-03-09 07:00"]),
        ("America/New_York", "30 2 * * *", "2026-03-08 06:59", ["2026-03-08 07:00"]),
        ("America/New_York", "30 2 * * *", "2026-03-08 07:00", ["2026-03-09 06:30"]),
        // Gap, wildcard/stepped time: skipped wall-clock times have no occurrence; every real matching time fires.
        ("America/New_York", "5 * * * *", "2026-03-08 05:30", ["2026-03-08 06:05", "2026-03-08 07:05", "2026-03-08 08:05"]),
        ("America/New_York", "*/15 * * * *", "2026-03-08 06:40", ["2026-03-08 06:45", "2026-03-08 07:00", "2026-03-08 07:15"]),
        ("America/New_York", "0 * * * *", "2026-03-08 05:30", ["2026-03-08 06:00", "2026-03-08 07:00", "2026-03-08 08:00"]),
        ("America/New_York", "* 2 * * *", "2026-03-07 12:00", ["2026-03-09 06:00", "2026-03-09 06:01"]),
        // Overlap, fixed time (ranges and lists count as fixed): only the first occurrence fires.
        ("America/New_York", "30 1 * * *", "2026-10-31 12:00", ["2026-11-01 05:30", "2026-11-02 06:30"]),
        ("America/New_York", "30 1 * * *", "2026-11-01 05:45", ["2026-11-02 06:30"]),
        ("America/New_York", "30 1,2 * * *", "2026-10-31 12:00", ["2026-11-01 05:30", "2026-11-01 07:30", "2026-11-02 06:30"]),
        ("America/New_York", "0 0-3 * * *", "2026-11-01 03:30", ["2026-11-01 04:00", "2026-11-01 05:00", "2026-11-01 07:00", "2026-11-01 08:00"]),
        ("America/New_York", "0 2 * * *", "2026-10-31 12:00", ["2026-11-01 07:00", "2026-11-02 07:00"]),
        // Overlap, wildcard/stepped time: each real occurrence fires, so an hourly job runs every real hour.
        ("America/New_York", "0 * * * *", "2026-11-01 04:30", ["2026-11-01 05:00", "2026-11-01 06:00", "2026-11-01 07:00", "2026-11-01 08:00"]),
        ("America/New_York", "*/20 1 * * *", "2026-11-01 04:30",
         ["2026-11-01 05:00", "2026-11-01 05:20", "2026-11-01 05:40", "2026-11-01 06:00", "2026-11-01 06:20", "2026-11-01 06:40", "2026-11-02 06:00"]),
        // From 01:50 EDT the next quarter hour is the repeated 01:00 EST, an earlier wall-clock time.
        ("America/New_York", "*/15 * * * *", "2026-11-01 05:50", ["2026-11-01 06:00", "2026-11-01 06:15"]),
        ("Europe/Berlin", "30 2 * * *", "2026-03-28 12:00", ["2026-03-29 01:00", "2026-03-30 00:30"]),
        ("Europe/Berlin", "*/30 * * * *", "2026-03-29 00:40", ["2026-03-29 01:00", "2026-03-29 01:30"]),
        ("Europe/Berlin", "15 * * * *", "2026-03-29 00:00", ["2026-03-29 00:15", "2026-03-29 01:15", "2026-03-29 02:15"]),
        ("Europe/Berlin", "30 2 * * *", "2026-10-24 12:00", ["2026-10-25 00:30", "2026-10-26 01:30"]),
        ("Europe/Berlin", "0 3 * * *", "2026-10-24 12:00", ["2026-10-25 02:00", "2026-10-26 02:00"]),
        ("Europe/Berlin", "0 * * * *", "2026-10-24 23:30", ["2026-10-25 00:00", "2026-10-25 01:00", "2026-10-25 02:00"]),
        ("Europe/Berlin", "15,45 * * * *", "2026-10-25 00:00",
         ["2026-10-25 00:15", "2026-10-25 00:45", "2026-10-25 01:15", "2026-10-25 01:45", "2026-10-25 02:15"]),
    ]

    func testDSTGapFiresFixedTimesOnceAfterGapAndOverlapFiresFixedTimesOnce() throws {
        for (zoneID, text, start, expected) in dstCases {
            XCTAssertEqual(try chain(text, after: start, in: zoneID, count: expected.count), expected, "\(zoneID) \(text) after \(start)")
        }
    }

    func testWildcardTimesFireAtEveryRealMatchingMinuteAcrossTransitions() throws {
        // For non-fixed expressions `next` must agree with a brute-force minute-by-minute scan of `matches`.
        let windows = [("America/New_York", "2026-03-07 20:00"), ("America/New_York", "2026-10-31 20:00"),
                       ("Europe/Berlin", "2026-03-28 20:00"), ("Europe/Berlin", "2026-10-24 20:00")]
        for (zoneID, start) in windows {
            for text in ["*/15 * * * *", "5 * * * *", "0 * * * *", "*/20 1,2 * * *", "* 2 * * *", "0 */2 * * *", "10-50/20 0-3 * * SUN"] {
                let expression = try CronExpression(text), tz = try zone(zoneID), begin = try utc(start)
                let brute = (1...(24 * 60)).map { begin.addingTimeInterval(TimeInterval($0 * 60)) }.filter { expression.matches($0, in: tz) }
                var fired: [Date] = [], date = begin
                while let next = expression.next(after: date, in: tz), next <= begin.addingTimeInterval(24 * 3600) {
                    fired.append(next)
                    date = next
                }
                XCTAssertEqual(fired.map(format), brute.map(format), "\(zoneID) \(text)")
            }
        }
    }

    func testMatchesIsAPureWallClockTestAcrossTransitions() throws {
        let newYork = try zone("America/New_York"), fixed = try CronExpression("30 1 * * *")
        XCTAssertTrue(fixed.matches(try utc("2026-11-01 05:30"), in: newYork))  // 01:30 EDT
        XCTAssertTrue(fixed.matches(try utc("2026-11-01 06:30"), in: newYork))  // 01:30 EST: matches, but does not fire
        XCTAssertFalse(try CronExpression("30 2 * * *").matches(utc("2026-03-08 07:00"), in: newYork))  // fires, but is 03:00
    }
}
