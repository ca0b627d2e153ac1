import Foundation
import GraywatchCore

extension RuleSet {
    /// Every problem in a rules folder: schema errors, unknown fields, duplicate ids, bad regexes, references to
    /// rules that do not exist, reference cycles, and rules that can never fire — each with file:line:column.
    public static func lint(directory: URL) -> [RuleError] {
        var errors: [RuleError] = []
        var set = RuleSet(rules: [])
        var thresholdSeen: SourceLocation? = nil
        let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            var collected: [RuleError]? = []
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                try set.add(yaml: text, file: file.path, thresholdSeen: &thresholdSeen, collecting: &collected)
            } catch let error as RuleError {
                errors.append(error)
            } catch {
                errors.append(RuleError(SourceLocation(file: file.path, line: 1, column: 1), "\(error)"))
            }
            errors += collected ?? []
        }
        return errors + set.semanticProblems()
    }

    /// Problems visible only across rules, or in a condition's logic.
    public func semanticProblems() -> [RuleError] {
        var problems: [RuleError] = []
        let ids = Set(rules.map(\.id))
        for rule in rules {
            for reference in rule.references where !ids.contains(reference) {
                problems.append(RuleError(rule.location, "rule '\(rule.id)' refers to unknown rule '\(reference)'"))
            }
            if let reason = rule.condition.neverFires {
                problems.append(RuleError(rule.location, "rule '\(rule.id)' can never fire: \(reason)"))
            }
            if reaches(rule.id, from: rule.id, visited: []) {
                problems.append(RuleError(rule.location, "rule '\(rule.id)' refers to itself through other rules (a cycle)"))
            }
            if rule.isPrivate, !rules.contains(where: { $0.references.contains(rule.id) }) {
                problems.append(RuleError(rule.location, "private rule '\(rule.id)' is used by no rule: it can never count"))
            }
        }
        return problems
    }

    private func reaches(_ target: String, from id: String, visited: Set<String>) -> Bool {
        guard let rule = rule(id) else { return false }
        for reference in rule.references {
            if reference == target { return true }
            if !visited.contains(reference), reaches(target, from: reference, visited: visited.union([id])) { return true }
        }
        return false
    }
}

extension RuleCondition {
    /// Why the condition can never hold, when that can be seen without a listing.
    var neverFires: String? {
        switch self {
        case .all(let parts):
            if let reason = parts.lazy.compactMap(\.neverFires).first { return reason }
            let conditionSets = parts.compactMap { part -> Set<Condition>? in
                if case .condition(let allowed) = part { return allowed }
                return nil
            }
            if conditionSets.count > 1, conditionSets.dropFirst().reduce(conditionSets[0], { $0.intersection($1) }).isEmpty {
                return "it asks for conditions that exclude each other"
            }
            let presented = parts.compactMap { part -> Bool? in
                if case .juniperPresented(let value) = part { return value }
                return nil
            }
            if Set(presented).count > 1 { return "it asks for juniper_presented true and false at once" }
            return nil
        case .any(let parts):
            let reasons = parts.compactMap(\.neverFires)
            return !parts.isEmpty && reasons.count == parts.count ? reasons[0] : nil
        case .nOf(let count, let parts):
            return parts.filter { $0.neverFires == nil }.count < count ? "fewer than \(count) of its parts can hold" : nil
        case .condition(let allowed):
            return allowed.isEmpty ? "its condition list is empty" : nil
        case .quantityAtLeast(let minimum):
            return minimum > 10_000_000 ? "no page shows that many units" : nil
        case .priceRatioBelow(let ratio), .listPriceRatioBelow(let ratio), .marketRatioBelow(let ratio):
            return ratio <= 0 ? "a price ratio is never below \(ratio)" : nil
        case .phrases(let fields, let phrases):
            return fields.isEmpty || phrases.isEmpty ? "it has no fields or no phrases" : nil
        default:
            return nil
        }
    }
}
