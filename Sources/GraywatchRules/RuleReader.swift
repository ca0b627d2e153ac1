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

    static let ruleKeys: Set<String> = ["id", "title", "description", "category", "weight", "when"]

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
            condition: try condition(required("when")), location: location(node))
    }
}
