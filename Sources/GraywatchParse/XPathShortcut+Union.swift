import Foundation

extension XPathShortcut {
    /// The top-level branches of `A | B | …` (outside quotes, brackets and parentheses), each trimmed; one branch
    /// when there is no top-level `|`, nil when the quotes or brackets do not balance.
    static func unionBranches(_ expression: String) -> [String]? {
        splitTopLevel(expression, on: "|")?.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `text` split at each `separator` outside quotes, brackets and parentheses; nil when those do not balance.
    static func splitTopLevel(_ text: String, on separator: String) -> [String]? {
        var parts: [String] = [], current = ""
        var depth = 0, quote: Character? = nil
        var characters = Array(text)[...]
        while let character = characters.first {
            if quote == nil, depth == 0, characters.starts(with: separator) {
                parts.append(current)
                current = ""
                characters = characters.dropFirst(separator.count)
                continue
            }
            characters = characters.dropFirst()
            current.append(character)
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            default: break
            }
            guard depth >= 0 else { return nil }
        }
        guard quote == nil, depth == 0 else { return nil }
        parts.append(current)
        return parts
    }

    /// The shortcuts answering `expression`: one for `//NAME[TESTS]REST`, one per branch for a top-level union
    /// `A | B | …` whose every branch has that shape (adapters write a layout's old and new markup that way; the
    /// union is the branches' nodes merged in document order); nil when libxml2 must evaluate it whole.
    static func plan(_ expression: String) -> [XPathShortcut]? {
        guard let branches = unionBranches(expression), !branches.contains(where: \.isEmpty) else { return nil }
        var shortcuts: [XPathShortcut] = []
        for branch in branches {
            guard let shortcut = XPathShortcut(branch) else { return nil }
            shortcuts.append(shortcut)
        }
        return shortcuts
    }
}
