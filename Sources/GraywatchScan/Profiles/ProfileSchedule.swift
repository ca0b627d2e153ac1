import Foundation
import GraywatchSchedule

/// A profile's schedule, checked: its cron expression and time zone. Errors point at the `schedule:` value in
/// the profile file (file:line:column, the column moved to the offending character).
public struct ProfileSchedule: Sendable {
    public let profile: ScanProfile
    public let cron: CronExpression?
    public let timeZone: TimeZone

    public init(_ profile: ScanProfile) throws(ProfileError) {
        self.profile = profile
        timeZone = TimeZone(identifier: profile.timeZone) ?? TimeZone(identifier: "UTC") ?? .current
        guard let schedule = profile.schedule else {
            cron = nil
            return
        }
        do {
            cron = try CronExpression(schedule.value.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            var location = schedule.location
            // Point at the offending character: the value starts one column later when it was written quoted.
            location.column += error.column - (ProfileSchedule.isQuoted(at: location) ? 0 : 1)
            throw ProfileError(location, "schedule '\(schedule.value)': \(error.message)")
        }
    }

    /// Whether the file has a quote at `location` (the scalar was written quoted).
    static func isQuoted(at location: ProfileLocation) -> Bool {
        guard let text = try? String(contentsOfFile: location.file, encoding: .utf8) else { return true }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return true }
        let line = Array(lines[location.line - 1])
        guard location.column >= 1, location.column <= line.count else { return true }
        return line[location.column - 1] == "\"" || line[location.column - 1] == "'"
    }

    /// The next time the profile is due after `date`, nil when it has no schedule or is disabled.
    public func next(after date: Date) -> Date? {
        guard profile.enabled else { return nil }
        return cron?.next(after: date, in: timeZone)
    }
}
