import Foundation
import GraywatchEnrich
import Yams

/// Turns one scan profile file into a `ScanProfile`, collecting every error with the file, line and column at fault.
public struct ScanProfileReader: Sendable {
    /// The file name shown in errors.
    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// Keys a profile may hold at the top level.
    static let topKeys = [
        "name", "description", "enabled", "schedule", "time_zone", "marketplaces", "queries", "limits", "politeness",
        "identity", "thresholds", "verification", "webhook",
    ]

    /// Reads a profile file from disk; errors name `shownAs` (default: the path, relative to the current folder).
    public static func read(contentsOf url: URL, shownAs: String? = nil, catalog: Catalog? = nil) throws -> ScanProfile {
        let shown = shownAs ?? displayPath(url)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileErrors([ProfileError(ProfileLocation(file: shown, line: 1, column: 1),
                                              "cannot read the file as UTF-8 text: \(error.localizedDescription)")])
        }
        let name = url.deletingPathExtension().lastPathComponent
        return try ScanProfileReader(file: shown).read(yaml: text, defaultName: name, catalog: catalog)
    }

    /// Parses a profile's text. With a catalog, template filters are checked against it too.
    ///
    /// - Parameter defaultName: the name when the file gives none (the file name without `.yml`).
    /// - Throws: `ProfileErrors` holding every problem found.
    public func read(yaml text: String, defaultName: String? = nil, catalog: Catalog? = nil) throws -> ScanProfile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ProfileErrors([self.error(from: error)])
        }
        let start = ProfileLocation(file: file, line: 1, column: 1)
        guard let root, root.null == nil else {
            throw ProfileErrors([ProfileError(start, "the profile is empty: it needs at least a marketplaces list")])
        }
        var log: [ProfileError] = []
        let top: Fields
        do {
            top = try fields(root, "a scan profile", allowed: Self.topKeys, log: &log)
        } catch let error as ProfileError {
            throw ProfileErrors([error])
        }
        let name = attempt(&log) { try profileName(top["name"], defaultName: defaultName, at: location(root)) }
        var profile = ScanProfile(name: name ?? "", nameLocation: top["name"].map(location), file: file, marketplaces: [])
        profile.description = optional(top["description"], &log) { try string($0, "description") }
        profile.enabled = optional(top["enabled"], &log) { try bool($0, "enabled") } ?? true
        profile.schedule = optional(top["schedule"], &log, schedule)
        profile.timeZone = optional(top["time_zone"], &log, timeZone) ?? "UTC"
        if let node = top["marketplaces"] {
            let queries = top["queries"]?.sequence.map { !$0.isEmpty } ?? false
            profile.marketplaces = marketplaces(node, queries: queries, log: &log)
        } else {
            log.append(ProfileError(location(root), "the profile lacks 'marketplaces' (a list of the marketplaces to sweep)"))
        }
        if let node = top["queries"] { profile.queries = queries(node, log: &log) }
        if let node = top["limits"] { profile.limits = limits(node, log: &log) }
        if let node = top["politeness"] { profile.politeness = politeness(node, log: &log) }
        if let node = top["identity"] { profile.identity = identity(node, log: &log) }
        if let node = top["thresholds"] { profile.thresholds = thresholds(node, log: &log) }
        if let node = top["verification"] { profile.verification = verification(node, log: &log) }
        if let node = top["webhook"] { profile.webhook = webhook(node, log: &log) }
        log += crossChecks(profile, queriesNode: top["queries"], marketplacesNode: top["marketplaces"])
        if let catalog { log += Self.check(profile.queries, against: catalog) }
        guard log.isEmpty else { throw ProfileErrors(log) }
        return profile
    }

    /// `name:`, or the file's own name; either way `[a-z0-9_-]+`.
    func profileName(_ node: Node?, defaultName: String?, at fallback: ProfileLocation) throws -> String {
        guard let node else {
            guard let defaultName, !defaultName.isEmpty else {
                throw ProfileError(fallback, "the profile lacks 'name'")
            }
            guard Self.isName(defaultName) else {
                throw ProfileError(fallback, "the file name '\(defaultName)' is not a valid profile name (lower-case "
                    + "letters, digits, - and _); rename the file or give 'name:'")
            }
            return defaultName
        }
        let name = try string(node, "name")
        guard Self.isName(name) else {
            throw fail(node, "name '\(name)' must be lower-case letters, digits, - and _ (such as juniper-sweep)")
        }
        return name
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// The cron text as written; its syntax is the scheduler's to check. Its location is its first character.
    func schedule(_ node: Node) throws -> Located<String> {
        let text = try string(node, "schedule").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw fail(node, "schedule is empty (remove the key to run the profile only by hand)") }
        // The location of the cron text's first character (after the opening quote of a quoted scalar), so the
        // scheduler can point at the offending character by adding its column.
        var at = location(node)
        if let style = node.scalar?.style, style == .doubleQuoted || style == .singleQuoted { at.column += 1 }
        let leading = (node.scalar?.string ?? "").prefix { $0 == " " || $0 == "\t" }.count
        at.column += leading
        return Located(text, at: at)
    }

    func timeZone(_ node: Node) throws -> String {
        let name = try string(node, "time_zone")
        guard TimeZone(identifier: name) != nil else {
            throw fail(node, "unknown time zone '\(name)' (use an IANA name such as UTC, Europe/Berlin or America/New_York)")
        }
        return name
    }

    /// The path relative to the current folder when it lies inside it (`rules/scans/x.yml`), else as given.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
