import Foundation
import GraywatchEnrich
import GraywatchExtract
import GraywatchRules

/// The shipped rules, catalog and site adapters, loaded once per fuzzing process.
///
/// The repository root is `$GRAYWATCH_ROOT`, else the first folder holding `rules/sites` found walking up from the
/// current directory or from the executable's folder. A missing or unloadable root stops the process at once with
/// the reason: fuzzing without the shipped rules would cover nothing worth covering.
public struct FuzzEnvironment: Sendable {
    public let root: URL
    public let extractor: Extractor
    public let enricher: Enricher
    public let rules: RuleSet

    /// The process-wide environment.
    public static let shared: FuzzEnvironment = {
        do {
            return try FuzzEnvironment(root: findRoot())
        } catch {
            FileHandle.standardError.write(Data("graywatch-fuzz: cannot load the shipped rules: \(error)\n".utf8))
            exit(2)
        }
    }()

    public init(root: URL) throws {
        self.root = root
        let rulesDirectory = root.appendingPathComponent("rules")
        extractor = Extractor(adapters: try AdapterSet.load(directory: rulesDirectory.appendingPathComponent("sites")))
        enricher = Enricher(catalog: try Catalog.load(directory: rulesDirectory.appendingPathComponent("catalog")))
        rules = try RuleSet.load(directory: rulesDirectory)
    }

    static func findRoot() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GRAYWATCH_ROOT"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), executable] {
            var directory = start.standardizedFileURL
            while directory.path != "/" {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("rules/sites").path) {
                    return directory
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        FileHandle.standardError.write(Data("graywatch-fuzz: no rules/sites above the current directory or the executable; set GRAYWATCH_ROOT\n".utf8))
        exit(2)
    }
}
