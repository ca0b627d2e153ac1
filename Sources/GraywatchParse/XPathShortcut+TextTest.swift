import CLibXML2
import Foundation

extension XPathShortcut {
    /// Words one of which the string value of a first-step match must contain for REST to select anything, when
    /// REST starts with a predicate on the element's text — `[starts-with(normalize-space(.),'Located in:')]`,
    /// `[contains(.,'(')]`, `[normalize-space()='Brand' or normalize-space()='Brand:']` — or nil.
    ///
    /// Each alternative of the predicate (joined by `or`) gives the longest whitespace-free run of its literal:
    /// whatever `normalize-space` does to the value, that run appears in it unchanged. Elements whose text holds
    /// none of the words are dropped in C (``gw_text_contains_any``) before libxml2 evaluates REST on the rest; an
    /// adapter's `//span[contains(@class,'ux-textspans')][…text…]` otherwise costs one XPath evaluation per span.
    static func textNeedles(_ remainder: String) -> [String]? {
        guard remainder.hasPrefix("["), let predicate = leadingPredicate(remainder) else { return nil }
        var needles: [String] = []
        guard let alternatives = splitTopLevel(predicate, on: " or ") else { return nil }
        for alternative in alternatives {
            guard let literal = textTestLiteral(alternative.trimmingCharacters(in: .whitespaces)) else { return nil }
            let runs = literal.split(whereSeparator: { " \t\r\n".contains($0) })
            guard let longest = runs.max(by: { $0.utf8.count < $1.utf8.count }), !longest.isEmpty else { return nil }
            needles.append(String(longest))
        }
        return needles.isEmpty ? nil : needles
    }

    /// The text inside the first `[…]` of `text` (which starts with `[`), quotes and nesting respected.
    private static func leadingPredicate(_ text: String) -> String? {
        var depth = 0, quote: Character? = nil
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "[", "(": depth += 1
            case "]", ")":
                depth -= 1
                if depth == 0, character == "]" { return String(text[text.index(after: text.startIndex)..<index]) }
            default: break
            }
        }
        return nil
    }

    /// The literal of one text test on the context node, nil for any other expression.
    private static func textTestLiteral(_ test: String) -> String? {
        let value = #"(?:normalize-space\(\s*\.?\s*\)|\.|text\(\))"#
        let literal = #"(?:'([^']*)'|"([^"]*)")"#
        let patterns = [#"^(?:starts-with|contains)\(\s*"# + value + #"\s*,\s*"# + literal + #"\s*\)$"#,
                        #"^(?:normalize-space\(\s*\.?\s*\)|\.)\s*=\s*"# + literal + "$"]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: test, range: NSRange(test.startIndex..., in: test)) else { continue }
            for group in 1..<match.numberOfRanges {
                if let range = Range(match.range(at: group), in: test) { return String(test[range]) }
            }
        }
        return nil
    }
}
