import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchExtract
import GraywatchRules
import GraywatchStore
import Logging

/// Options shared by the commands that open the store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite file, or postgres://USER@HOST[:PORT]/DATABASE for PostgreSQL (default: $GRAYWATCH_DB, else graywatch.sqlite).")
    var db: String = ProcessInfo.processInfo.environment["GRAYWATCH_DB"] ?? "graywatch.sqlite"

    func open() throws -> Store {
        do {
            return try Store(location: db)
        } catch {
            throw CLIError.runtime("\(error)")
        }
    }
}

/// Options of the commands that score listings.
struct RulesOptions: ParsableArguments {
    @Option(help: "The rules folder (rules/*.yml, rules/catalog/*.csv). Default: ./rules or the nearest parent's.")
    var rules: String?

    @Option(help: "Your own catalog CSV (part_number[,family,kind,list_price_usd,end_of_sale,aliases,source]), added to the shipped one; its list prices become reference prices. Default: $GRAYWATCH_CATALOG.")
    var catalog: String?

    @Option(help: "Log level for diagnostics on standard error (trace, debug, info, notice, warning, error).")
    var logLevel: String = "error"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
    }

    func directory() throws -> URL {
        if let rules { return URL(fileURLWithPath: rules) }
        if let found = Locator.find("rules", containing: "catalog") { return found }
        throw CLIError.runtime("no rules folder found here or in a parent folder; pass --rules DIR")
    }

    /// Loads the rule set and the catalog.
    func load() throws -> (RuleSet, Catalog) {
        let folder = try directory()
        do {
            let rules = try RuleSet.load(directory: folder)
            let userCatalog = self.catalog ?? ProcessInfo.processInfo.environment["GRAYWATCH_CATALOG"]
            let catalog = try Catalog.load(directory: folder.appendingPathComponent("catalog"),
                                           userCatalog: userCatalog.map { URL(fileURLWithPath: $0) })
            return (rules, catalog)
        } catch {
            throw CLIError.runtime("\(error)")
        }
    }

    /// The site adapters (rules/sites/*.yml).
    func adapters() throws -> AdapterSet {
        do {
            return try AdapterSet.load(directory: try directory().appendingPathComponent("sites"))
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.runtime("\(error)")
        }
    }

    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .error
        return logger
    }
}

/// Finds project folders from the current directory upwards.
enum Locator {
    static func find(_ name: String, containing child: String) -> URL? {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(child).path) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}

/// A runtime failure, printed as one line; exits with code 2.
enum CLIError: Error, CustomStringConvertible {
    case runtime(String)
    var description: String {
        switch self {
        case .runtime(let message): return "graywatch: \(message)"
        }
    }
}

extension CLIError: CustomNSError {
    var errorCode: Int { 2 }
}

/// Logging goes to standard error, once per process.
enum LoggingSetup {
    static let once: Void = LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
}
