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
            // The schedule's location is its first character: point at the offending one.
            location.column += error.column - 1
            throw ProfileError(location, "schedule '\(schedule.value)': \(error.message)")
        }
    }

    /// The next time the profile is due after `date`, nil when it has no schedule or is disabled.
    public func next(after date: Date) -> Date? {
        guard profile.enabled else { return nil }
        return cron?.next(after: date, in: timeZone)
    }
}
