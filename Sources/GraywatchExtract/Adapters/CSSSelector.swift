/// Translates the small CSS subset adapters may use into XPath 1.0: `tag`, `#id`, `.class`, `[attr]`,
/// `[attr=value]`, descendant (space) and child (`>`) combinators, and a final `::attr(name)`.
public enum CSSSelector {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func xpath(for selector: String) throws -> String {
        var text = selector.trimmingCharacters(in: .whitespaces)
        var attribute: String? = nil
        if let range = text.range(of: "::attr(") {
            guard text.hasSuffix(")") else { throw Failure(message: "::attr( needs a closing parenthesis") }
            attribute = String(text[range.upperBound..<text.index(before: text.endIndex)])
            text = String(text[..<range.lowerBound])
        }
        guard !text.isEmpty else { throw Failure(message: "empty selector") }
        var xpath = ""
        var combinator = "//"
        for token in tokens(text) {
            if token == ">" {
                combinator = "/"
                continue
            }
            xpath += combinator + (try compound(token))
            combinator = "//"
        }
        if let attribute {
            guard isName(attribute) else { throw Failure(message: "bad attribute name '\(attribute)'") }
            xpath += "/@" + attribute
        }
        return xpath
    }

    /// Splits at white space and `>`, keeping `[...]` together.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inBrackets = false
        for character in text {
            if character == "[" { inBrackets = true }
            if character == "]" { inBrackets = false }
            if !inBrackets, character == " " || character == ">" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if character == ">" { tokens.append(">") }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func compound(_ token: String) throws -> String {
        var rest = Substring(token)
        let tag = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "*" }
        rest = rest.dropFirst(tag.count)
        var predicates: [String] = []
        while let first = rest.first {
            switch first {
            case "#", ".":
                rest = rest.dropFirst()
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                guard !name.isEmpty else { throw Failure(message: "empty id or class in '\(token)'") }
                rest = rest.dropFirst(name.count)
                predicates.append(first == "#" ? "@id='\(name)'"
                    : "contains(concat(' ', normalize-space(@class), ' '), ' \(name) ')")
            case "[":
                guard let close = rest.firstIndex(of: "]") else { throw Failure(message: "unclosed [ in '\(token)'") }
                let body = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                let parts = body.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first, isName(name) else { throw Failure(message: "bad attribute in '\(token)'") }
                if parts.count == 2 {
                    let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    guard !value.contains("'") else { throw Failure(message: "quote inside attribute value in '\(token)'") }
                    predicates.append("@\(name)='\(value)'")
                } else {
                    predicates.append("@\(name)")
                }
            default:
                throw Failure(message: "unsupported '\(first)' in '\(token)'")
            }
        }
        let element = tag.isEmpty ? "*" : String(tag)
        return element + predicates.map { "[\($0)]" }.joined()
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
    }
}

import Foundation
