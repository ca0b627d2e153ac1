import Foundation

extension XPathShortcut {
    /// The top-level branches of `A | B | …` (outside quotes, brackets and parentheses), each trimmed; one branch
    /// when there is no top-level `|`, nil when the quotes or brackets do not balance.
    static func unionBranches(_ expression: String) -> [String]? {
        var branches: [String] = [], current = ""
        var depth = 0, quote: Character? = nil
        for character in expression {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case "|" where depth == 0:
                branches.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            guard depth >= 0 else { return nil }
            current.append(character)
        }
        guard quote == nil, depth == 0 else { return nil }
        branches.append(current.trimmingCharacters(in: .whitespaces))
        return branches
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
