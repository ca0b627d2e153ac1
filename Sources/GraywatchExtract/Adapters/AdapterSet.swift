import Foundation

/// All site adapters in force, loaded from `rules/sites/*.yml`.
public struct AdapterSet: Sendable {
    public var adapters: [SiteAdapter]

    public init(adapters: [SiteAdapter] = []) {
        self.adapters = adapters
    }

    /// Loads every `*.yml` / `*.yaml` in `directory` (name order); errors name file, line and column.
    public static func load(directory: URL) throws -> AdapterSet {
        guard FileManager.default.fileExists(atPath: directory.path) else { return AdapterSet() }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var set = AdapterSet()
        for file in files {
            try set.add(yaml: try String(contentsOf: file, encoding: .utf8), file: file.path)
        }
        return set
    }

    /// Parses one adapter file's text and adds it; a second adapter for the same site is an error.
    public mutating func add(yaml text: String, file: String) throws {
        let adapter = try AdapterReader(file: file).adapter(text)
        if let existing = adapters.first(where: { $0.site == adapter.site }) {
            throw AdapterError(file: file, line: 1, column: 1, message: "site '\(adapter.site)' is already defined in \(existing.file)")
        }
        adapters.append(adapter)
    }

    /// The adapter for a URL's host, if any.
    public func adapter(for url: String) -> SiteAdapter? {
        guard let host = URLComponents(string: url)?.host else { return nil }
        return adapters.first { $0.matches(host: host) }
    }
}
