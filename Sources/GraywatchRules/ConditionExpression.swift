/// Parses a rule's `condition:` over its named selections:
/// `presented and (cheap or bulk)`, `not used`, `2 of (a, b, c)`, `all of (a, b)`, `rule.other-rule`.
struct ConditionExpression {
    enum Failure: Error {
        case message(String)
    }

    private var tokens: [String]
    private var position = 0
    private let selections: [String: RuleCondition]

    /// The condition tree, with selection names replaced by their conditions.
    static func parse(_ text: String, selections: [String: RuleCondition]) throws(Failure) -> RuleCondition {
        var parser = ConditionExpression(tokens: tokenize(text), selections: selections)
        let condition = try parser.parseOr()
        guard parser.position == parser.tokens.count else {
            throw .message("unexpected '\(parser.tokens[parser.position])' in condition")
        }
        return condition
    }

    private init(tokens: [String], selections: [String: RuleCondition]) {
        self.tokens = tokens
        self.selections = selections
    }

    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" || character == "," {
                if !current.isEmpty { tokens.append(current) }
                tokens.append(String(character))
                current = ""
            } else if character.isWhitespace {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private var peek: String? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() throws(Failure) -> String {
        guard position < tokens.count else { throw .message("condition ends too early") }
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func parseOr() throws(Failure) -> RuleCondition {
        var parts = [try parseAnd()]
        while peek?.lowercased() == "or" {
            position += 1
            parts.append(try parseAnd())
        }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private mutating func parseAnd() throws(Failure) -> RuleCondition {
        var parts = [try parseNot()]
        while peek?.lowercased() == "and" {
            position += 1
            parts.append(try parseNot())
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func parseNot() throws(Failure) -> RuleCondition {
        if peek?.lowercased() == "not" {
            position += 1
            return .not(try parseNot())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Failure) -> RuleCondition {
        let token = try next()
        if token == "(" {
            let inner = try parseOr()
            guard try next() == ")" else { throw .message("missing ')' in condition") }
            return inner
        }
        if let count = Int(token) ?? (token.lowercased() == "all" ? -1 : token.lowercased() == "any" ? 1 : nil),
            peek?.lowercased() == "of"
        {
            position += 1
            guard try next() == "(" else { throw .message("'\(token) of' needs a list in parentheses") }
            var parts = [try parseOr()]
            while peek == "," {
                position += 1
                parts.append(try parseOr())
            }
            guard try next() == ")" else { throw .message("missing ')' after the list of '\(token) of'") }
            let needed = count == -1 ? parts.count : count
            guard needed >= 1, needed <= parts.count else {
                throw .message("'\(token) of' asks for \(needed) of \(parts.count) parts")
            }
            return .nOf(needed, parts)
        }
        if token.hasPrefix("rule.") {
            let id = String(token.dropFirst(5))
            guard !id.isEmpty else { throw .message("'rule.' needs a rule id") }
            return .rule(id)
        }
        guard let selection = selections[token] else {
            throw .message("unknown selection '\(token)' (defined: \(selections.keys.sorted().joined(separator: ", ")))")
        }
        return selection
    }
}
