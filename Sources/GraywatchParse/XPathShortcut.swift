import CLibXML2
import Foundation

/// A faster way to evaluate the XPath shape site adapters use most: `//NAME[TESTS]REST`, where TESTS are
/// attribute tests joined by `or` — `@a='v'`, `contains(@a,'v')`,
/// `contains(concat(' ',normalize-space(@a),' '),'v')` — and REST any relative path (or nothing).
///
/// libxml2 evaluates `//*[@id='x']` by building the set of every element and comparing a converted string per
/// node (~0.3 ms on a real item page, a few dozen times per page); the shortcut walks the document's element list
/// once with C comparisons on the attribute values, then lets libxml2 evaluate REST from each match, and merges the
/// results in document order without duplicates. That is the same node-set XPath defines (a path `A/B` is the
/// union of `B` from each node of `A`). A top-level union of such paths is answered branch by branch
/// (``plan(_:)``); anything else — positional predicates, functions at the top — goes to libxml2 whole.
/// `XPathShortcutTests` checks both give the same nodes on every adapter expression over every sample page.
struct XPathShortcut: Sendable {
    enum Test: Sendable, Equatable {
        case equals(attribute: String, value: String)
        case contains(attribute: String, value: String)
        case paddedContains(attribute: String, value: String)
    }

    /// The element name, nil for `*`.
    var name: String?
    /// Joined by `or`.
    var tests: [Test]
    /// What to evaluate from each matching element (`self::node()` + the rest), nil when the match is the result.
    var rest: String?
    /// Words one of which a match's text must hold for REST to select anything (``textNeedles(_:)``), or nil.
    private(set) var needles: [String]?
    /// REST when it is itself `//NAME[TESTS]REST` (zero or one shortcut): answered from the attribute columns too.
    private(set) var inner: [XPathShortcut] = []
    /// `NAME[TESTS]` as written, the key of the first step's matches within a document.
    private(set) var step = ""
    /// The name and tests as C strings, for the C filter.
    private(set) var strings: CStrings!

    /// The shortcut for an expression, nil when it has another shape.
    init?(_ expression: String) {
        var scanner = XPathScanner(expression.trimmingCharacters(in: .whitespaces))
        guard scanner.take("//") else { return nil }
        if scanner.take("*") { name = nil } else {
            guard let element = scanner.name() else { return nil }
            name = element
        }
        guard scanner.take("[") else { return nil }
        var tests: [Test] = []
        repeat {
            scanner.skipSpaces()
            guard let test = XPathShortcut.test(&scanner) else { return nil }
            tests.append(test)
            scanner.skipSpaces()
        } while scanner.takeWord("or")
        guard scanner.take("]") else { return nil }
        self.tests = tests
        let remainder = scanner.remainder.trimmingCharacters(in: .whitespaces)
        if remainder.isEmpty {
            rest = nil
        } else {
            guard remainder.hasPrefix("/") || remainder.hasPrefix("["), XPathShortcut.isPlainPath(remainder) else { return nil }
            rest = "self::node()" + remainder
            needles = XPathShortcut.textNeedles(remainder)
            if remainder.hasPrefix("//"), let nested = XPathShortcut(remainder) { inner = [nested] }
        }
        step = "\(name ?? "*")\(tests)"
        strings = CStrings(self)
    }

    private static func test(_ scanner: inout XPathScanner) -> Test? {
        if scanner.take("@") {
            guard let attribute = scanner.name() else { return nil }
            scanner.skipSpaces()
            guard scanner.take("=") else { return nil }
            scanner.skipSpaces()
            return scanner.literal().map { .equals(attribute: attribute, value: $0) }
        }
        guard scanner.take("contains(") else { return nil }
        scanner.skipSpaces()
        var padded = false
        let attribute: String
        if scanner.take("@") {
            guard let name = scanner.name() else { return nil }
            attribute = name
        } else {
            guard scanner.take("concat(' ',normalize-space(@"), let name = scanner.name(), scanner.take("),' ')") else {
                return nil
            }
            attribute = name
            padded = true
        }
        scanner.skipSpaces()
        guard scanner.take(",") else { return nil }
        scanner.skipSpaces()
        guard let value = scanner.literal() else { return nil }
        scanner.skipSpaces()
        guard scanner.take(")") else { return nil }
        return padded ? .paddedContains(attribute: attribute, value: value) : .contains(attribute: attribute, value: value)
    }

    /// True when `rest` is a relative location path without a top-level union and, where it starts with
    /// predicates (which apply to the first step), none of them can be positional.
    private static func isPlainPath(_ rest: String) -> Bool {
        var depth = 0, quote: Character? = nil
        var leading = rest.hasPrefix("["), leadingText = ""
        for character in rest {
            if let open = quote {
                if character == open { quote = nil }
                if leading { leadingText.append(character) }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case "|" where depth == 0: return false
            case "/" where depth == 0: leading = false
            default: break
            }
            if leading, quote == nil, character.isNumber || character == "$" { return false }
            if leading { leadingText.append(character) }
        }
        return quote == nil && depth == 0 && !leadingText.contains("position(") && !leadingText.contains("last(")
    }

    /// The one attribute every test reads, when an element without it can pass none of them (so only the
    /// elements that have it need looking at).
    var requiredAttribute: String? {
        var names = Set<String>()
        for test in tests {
            switch test {
            case .equals(let attribute, _): names.insert(attribute)
            case .contains(let attribute, let value):
                if value.isEmpty { return nil }
                names.insert(attribute)
            case .paddedContains(let attribute, let value):
                if value.allSatisfy({ $0 == " " }) { return nil }
                names.insert(attribute)
            }
        }
        return names.count == 1 ? names.first : nil
    }

    /// The elements of `elements` (document order) with the name that pass one of the tests.
    func filter(_ elements: [xmlNodePtr]) -> [xmlNodePtr] {
        // Uninitialized room for every candidate: nothing is zeroed (this runs a few dozen times per page).
        [xmlNodePtr](unsafeUninitializedCapacity: elements.count) { output, found in
            let out = UnsafeMutableRawPointer(output.baseAddress)?.assumingMemoryBound(to: xmlNodePtr?.self)
            found = elements.withUnsafeBufferPointer { nodes in
                strings.kinds.withUnsafeBufferPointer { kinds in
                    strings.attributes.withUnsafeBufferPointer { attributes in
                        strings.literals.withUnsafeBufferPointer { literals in
                            gw_filter_elements(
                                UnsafeMutableRawPointer(mutating: nodes.baseAddress)?.assumingMemoryBound(to: xmlNodePtr?.self),
                                nodes.count, strings.name, kinds.baseAddress,
                                attributes.baseAddress, literals.baseAddress, kinds.count, out)
                        }
                    }
                }
            }
        }
    }
}

/// The C strings of a shortcut's name and tests, made once per expression and kept for the process.
final class CStrings: @unchecked Sendable {
    let name: UnsafePointer<CChar>?
    let kinds: [Int32]
    let attributes: [UnsafePointer<CChar>?]
    let literals: [UnsafePointer<CChar>?]
    let needles: [UnsafePointer<CChar>?]

    init(_ shortcut: XPathShortcut) {
        needles = (shortcut.needles ?? []).map { UnsafePointer(strdup($0)!) }
        name = shortcut.name.map { UnsafePointer(strdup($0)!) }
        var kinds: [Int32] = [], attributes: [UnsafePointer<CChar>?] = [], literals: [UnsafePointer<CChar>?] = []
        for test in shortcut.tests {
            let (kind, attribute, literal): (Int32, String, String)
            switch test {
            case .equals(let a, let v): (kind, attribute, literal) = (0, a, v)
            case .contains(let a, let v): (kind, attribute, literal) = (1, a, v)
            case .paddedContains(let a, let v): (kind, attribute, literal) = (2, a, v)
            }
            kinds.append(kind)
            attributes.append(UnsafePointer(strdup(attribute)!))
            literals.append(UnsafePointer(strdup(literal)!))
        }
        self.kinds = kinds
        self.attributes = attributes
        self.literals = literals
    }

    deinit {
        free(UnsafeMutablePointer(mutating: name))
        for pointer in attributes + literals + needles { free(UnsafeMutablePointer(mutating: pointer)) }
    }

}

/// A cursor over an XPath expression for ``XPathShortcut``.
struct XPathScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    var remainder: String { String(characters[index...]) }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " { index += 1 }
    }

    mutating func take(_ text: String) -> Bool {
        let wanted = Array(text)
        guard index + wanted.count <= characters.count, Array(characters[index..<index + wanted.count]) == wanted else { return false }
        index += wanted.count
        return true
    }

    /// `or` followed by a space (so that `order` is not taken for it).
    mutating func takeWord(_ word: String) -> Bool {
        let start = index
        guard take(word), index < characters.count, characters[index] == " " else {
            index = start
            return false
        }
        return true
    }

    /// A name test: letters, digits, `-`, `_` (no prefix, no wildcard).
    mutating func name() -> String? {
        let start = index
        while index < characters.count, characters[index].isASCII,
            characters[index].isLetter || characters[index] == "-" || characters[index] == "_"
                || (index > start && characters[index].isNumber)
        {
            index += 1
        }
        return index > start ? String(characters[start..<index]) : nil
    }

    /// A string literal in single or double quotes.
    mutating func literal() -> String? {
        guard index < characters.count, characters[index] == "'" || characters[index] == "\"" else { return nil }
        let quote = characters[index]
        guard let end = characters[(index + 1)...].firstIndex(of: quote) else { return nil }
        let value = String(characters[(index + 1)..<end])
        index = end + 1
        return value
    }
}
