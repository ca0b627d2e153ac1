import GraywatchCore
import Yams

/// Turns YAML nodes into rules, with errors that point at the node.
struct RuleReader {
    let file: String

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    func error(from error: YamlError) -> RuleError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return RuleError(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return RuleError(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return RuleError(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }

    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw RuleError(location(node), "\(what) must be a mapping") }
        return mapping
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw RuleError(location(node), "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw RuleError(location(node), "\(what) must be text") }
        return scalar.string
    }

    func integer(_ node: Node, _ what: String) throws -> Int {
        guard let value = node.int else { throw RuleError(location(node), "\(what) must be a whole number") }
        return value
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else {
            throw RuleError(location(node), "\(what) must be a number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard let value = node.bool else { throw RuleError(location(node), "\(what) must be true or false") }
        return value
    }

    func strings(_ node: Node, _ what: String) throws -> [String] {
        if case .scalar = node { return [try string(node, what)] }
        return try sequence(node, what).map { try string($0, what) }
    }

    static let ruleKeys: Set<String> = [
        "id", "title", "description", "category", "weight", "when", "selections", "condition", "enforcement", "private",
        "examples",
    ]

    /// `when:` (one selection tree), or `selections:` (named) with a `condition:` expression over them.
    func ruleCondition(_ fields: Node.Mapping, _ node: Node) throws -> RuleCondition {
        switch (fields["when"], fields["selections"], fields["condition"]) {
        case (let when?, nil, nil):
            return try condition(when)
        case (nil, let selectionsNode?, let conditionNode?):
            var named: [String: RuleCondition] = [:]
            for (key, value) in try mapping(selectionsNode, "selections") {
                let name = try string(key, "a selection name")
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), !["and", "or", "not", "of", "all", "any"].contains(name.lowercased())
                else { throw RuleError(location(key), "selection name '\(name)' must be letters, digits, _ and - (not a keyword)") }
                named[name] = try condition(value)
            }
            do {
                return try ConditionExpression.parse(try string(conditionNode, "condition"), selections: named)
            } catch let failure as ConditionExpression.Failure {
                guard case .message(let message) = failure else { throw failure }
                throw RuleError(location(conditionNode), message)
            }
        case (nil, nil, let conditionNode?):
            do {
                return try ConditionExpression.parse(try string(conditionNode, "condition"), selections: [:])
            } catch let failure as ConditionExpression.Failure {
                guard case .message(let message) = failure else { throw failure }
                throw RuleError(location(conditionNode), message)
            }
        case (nil, _?, nil):
            throw RuleError(location(node), "a rule with selections needs a condition")
        case (_?, _, _):
            throw RuleError(location(node), "use either when, or selections with a condition, not both")
        default:
            throw RuleError(location(node), "rule lacks 'when' (or 'selections' and 'condition')")
        }
    }

    static let exampleFields: Set<String> = [
        "title", "description", "condition", "price", "reference", "list_price", "new_price", "quantity", "brand", "mpn", "seller",
        "seller_location", "seller_feedback", "seller_feedback_percent", "member_since", "serial_clones", "specifics",
    ]

    /// `examples: {match: [...], no_match: [...]}`, each a small field map.
    func examples(_ node: Node) throws -> [RuleExample] {
        let map = try mapping(node, "examples")
        var examples: [RuleExample] = []
        for (key, value) in map {
            let kind = try string(key, "a key")
            guard kind == "match" || kind == "no_match" else {
                throw RuleError(location(key), "examples takes match and no_match, not '\(kind)'")
            }
            for example in try sequence(value, "examples.\(kind)") {
                var fields: [String: String] = [:]
                var specifics: [String: String] = [:]
                for (fieldKey, fieldValue) in try mapping(example, "an example") {
                    let name = try string(fieldKey, "an example field")
                    guard RuleReader.exampleFields.contains(name) else {
                        throw RuleError(location(fieldKey), "unknown example field '\(name)' (expected one of "
                            + RuleReader.exampleFields.sorted().joined(separator: ", ") + ")")
                    }
                    if name == "specifics" {
                        for (label, text) in try mapping(fieldValue, "specifics") {
                            specifics[try string(label, "a label")] = try string(text, "a value")
                        }
                    } else {
                        fields[name] = try string(fieldValue, name)
                    }
                }
                examples.append(RuleExample(mustMatch: kind == "match", fields: fields, specifics: specifics,
                                            location: location(example)))
            }
        }
        return examples
    }

    func rule(_ node: Node) throws -> Rule {
        let fields = try mapping(node, "a rule")
        for key in fields.keys {
            let name = try string(key, "a key")
            guard RuleReader.ruleKeys.contains(name) else {
                throw RuleError(location(key), "unknown rule field '\(name)' (expected \(RuleReader.ruleKeys.sorted().joined(separator: ", ")))")
            }
        }
        func required(_ name: String) throws -> Node {
            guard let value = fields[name] else { throw RuleError(location(node), "rule lacks '\(name)'") }
            return value
        }
        let id = try string(required("id"), "id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw RuleError(location(try required("id")), "id '\(id)' must be letters, digits, - and _")
        }
        let categoryNode = try required("category")
        let categoryName = try string(categoryNode, "category")
        guard let category = Category(rawValue: categoryName) else {
            throw RuleError(location(categoryNode), "unknown category '\(categoryName)' (expected one of "
                + Category.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let weightNode = try required("weight")
        let weight = try integer(weightNode, "weight")
        guard weight > 0 else { throw RuleError(location(weightNode), "weight must be positive") }
        return Rule(
            id: id, title: try fields["title"].map { try string($0, "title") } ?? id,
            description: try string(required("description"), "description"), category: category, weight: weight,
            condition: try ruleCondition(fields, node), location: location(node),
            enforcement: try fields["enforcement"].map { try string($0, "enforcement") },
            isPrivate: try fields["private"].map { try bool($0, "private") } ?? false,
            examples: try fields["examples"].map(examples) ?? [])
    }
}
