import Foundation
import GraywatchEnrich

/// All scan profiles of a folder (`rules/scans`), names unique across files.
public struct ProfileSet: Sendable, Equatable {
    /// In file-name order.
    public private(set) var profiles: [ScanProfile] = []

    public init() {}

    /// A set of the given profiles; a name given twice is refused.
    public init(profiles: [ScanProfile]) throws {
        for profile in profiles { try add(profile) }
    }

    /// Adds a profile; a name already taken is refused, naming both files.
    public mutating func add(_ profile: ScanProfile) throws {
        if let error = duplicate(of: profile) { throw ProfileErrors([error]) }
        profiles.append(profile)
    }

    /// The profile called `name`.
    public func profile(named name: String) -> ScanProfile? {
        profiles.first { $0.name == name }
    }

    /// Enabled profiles with a schedule: what the scheduler starts on its own.
    public var scheduled: [ScanProfile] {
        profiles.filter { $0.enabled && $0.schedule != nil }
    }

    public var names: [String] { profiles.map(\.name) }

    /// Loads every `*.yml` / `*.yaml` file directly in `directory`, in name order.
    ///
    /// Every file is read even when an earlier one fails, and all errors are thrown together (`ProfileErrors`).
    /// With a catalog, template filters are checked against it.
    public static func load(directory: URL, catalog: Catalog? = nil) throws -> ProfileSet {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { ["yml", "yaml"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw ProfileErrors([ProfileError(
                ProfileLocation(file: ScanProfileReader.displayPath(directory), line: 1, column: 1),
                "cannot list the scan profile folder: \(error.localizedDescription)")])
        }
        var set = ProfileSet()
        var errors: [ProfileError] = []
        for file in files {
            do {
                let profile = try ScanProfileReader.read(contentsOf: file, catalog: catalog)
                if let error = set.duplicate(of: profile) { errors.append(error) } else { set.profiles.append(profile) }
            } catch let failure as ProfileErrors {
                errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw ProfileErrors(errors) }
        return set
    }

    /// The error for a profile whose name another one already has, at the later profile's name.
    func duplicate(of profile: ScanProfile) -> ProfileError? {
        guard let earlier = profiles.first(where: { $0.name == profile.name }) else { return nil }
        return ProfileError(profile.nameLocation, "profile name '\(profile.name)' is already used by \(earlier.file)"
            + " (names must be unique across rules/scans; rename one of them)")
    }
}
