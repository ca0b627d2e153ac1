import Foundation
import GraywatchCore
import Yams

extension RuleSet {
    /// Loads every `*.yml` / `*.yaml` file directly in `directory`, in name order.
    ///
    /// A file holds `rules:` (a list of rules) and/or `threshold:` (at most once in the set).
    /// Every error names file, line and column.
    public static func load(directory: URL) throws -> RuleSet {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var set = RuleSet(rules: [])
        var thresholdSeen: SourceLocation? = nil
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            try set.add(yaml: text, file: file.path, thresholdSeen: &thresholdSeen)
        }
        return set
    }

    /// Parses one rule file's text and adds its rules.
    public mutating func add(yaml text: String, file: String) throws {
        var seen: SourceLocation? = nil
        try add(yaml: text, file: file, thresholdSeen: &seen)
    }

    mutating func add(yaml text: String, file: String, thresholdSeen: inout SourceLocation?) throws {
        var errors: [RuleError]? = nil
        try add(yaml: text, file: file, thresholdSeen: &thresholdSeen, collecting: &errors)
    }

    /// Parses a file; with `collecting` non-nil, a bad rule is recorded there and the next rule is read.
    mutating func add(yaml text: String, file: String, thresholdSeen: inout SourceLocation?,
                      collecting errors: inout [RuleError]?) throws {
        let reader = RuleReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw reader.error(from: error)
        }
        guard let root else { return }
        let top = try reader.mapping(root, "a rule file")
        for (key, value) in top {
            switch try reader.string(key, "a key") {
            case "rules":
                for node in try reader.sequence(value, "rules") {
                    do {
                        let rule = try reader.rule(node)
                        if let existing = rules.first(where: { $0.id == rule.id }) {
                            throw RuleError(rule.location, "duplicate rule id '\(rule.id)' (first defined at \(existing.location))")
                        }
                        rules.append(rule)
                    } catch let error as RuleError where errors != nil {
                        errors?.append(error)
                    }
                }
            case "threshold":
                let location = reader.location(value)
                if let earlier = thresholdSeen {
                    throw RuleError(location, "threshold is already set at \(earlier)")
                }
                threshold = try reader.integer(value, "threshold")
                thresholdSeen = location
            case let other:
                throw RuleError(reader.location(key), "unknown key '\(other)' (expected rules or threshold)")
            }
        }
    }
}
