import CLibXML2
import Foundation

extension XPathShortcut {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: [XPathShortcut]?] = [:]

    /// The ``plan(_:)`` for an expression (made once per process), nil when it has none.
    static func cached(_ expression: String) -> [XPathShortcut]? {
        if let entry = lock.withLock({ known[expression] }) { return entry }
        let parsed = plan(expression)
        lock.withLock { known[expression] = .some(parsed) }
        return parsed
    }
}

/// The attribute names shortcuts have asked about, so a document indexes them all in one pass.
enum IndexedAttributes {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var names: [String] = []
    nonisolated(unsafe) private static var pointers: [UnsafePointer<CChar>?] = []

    /// Every name asked about so far, `name` included (as Swift and C strings, in the same order).
    static func including(_ name: String) -> (names: [String], pointers: [UnsafePointer<CChar>?]) {
        lock.withLock {
            if !names.contains(name) {
                names.append(name)
                pointers.append(UnsafePointer(strdup(name)))
            }
            return (names, pointers)
        }
    }
}

extension HTMLDocument {
    /// Every element in document order, collected once per document in one walk (with ``elementEnds``).
    var elements: [xmlNodePtr] {
        if let elementList { return elementList }
        guard let root = xmlDocGetRootElement(pointer) else { return [] }
        var nodes: UnsafeMutablePointer<xmlNodePtr?>?
        var ends: UnsafeMutablePointer<Int32>?
        let count = gw_collect_element_ranges(root, &nodes, &ends)
        defer {
            free(nodes)
            free(ends)
        }
        let elements = UnsafeBufferPointer(start: nodes, count: count).compactMap { $0 }
        elementEnds = Array(UnsafeBufferPointer(start: ends, count: count))
        elementList = elements
        return elements
    }

    /// The elements that have an attribute, in document order: every attribute name asked about is indexed in
    /// one pass over the document.
    func elements(having attribute: String) -> [xmlNodePtr] {
        if let known = attributeLists[attribute] { return known }
        let all = elements
        let registry = IndexedAttributes.including(attribute)
        let wanted = registry.names.indices.filter { attributeLists[registry.names[$0]] == nil }
        let names = wanted.map { registry.pointers[$0] }
        var room = max(64, all.count)
        var pairs: [Int] = []
        var found = 0
        repeat {
            room *= 2
            pairs = [Int](unsafeUninitializedCapacity: 2 * room) { out, count in
                found = all.withUnsafeBufferPointer { nodes in
                    names.withUnsafeBufferPointer { names in
                        gw_index_attributes(
                            UnsafeMutableRawPointer(mutating: nodes.baseAddress)?.assumingMemoryBound(to: xmlNodePtr?.self),
                            nodes.count, names.baseAddress, names.count, out.baseAddress, room)
                    }
                }
                count = 2 * found
            }
        } while found == room
        var lists = [[xmlNodePtr]](repeating: [], count: wanted.count)
        for index in 0..<found { lists[pairs[2 * index + 1]].append(all[pairs[2 * index]]) }
        for (position, name) in wanted.enumerated() { attributeLists[registry.names[name]] = lists[position] }
        return attributeLists[attribute] ?? []
    }

    /// An expression by its shortcuts (``XPathShortcut/plan(_:)``): each branch's nodes, merged in document order
    /// without duplicates when more than one branch found some, and the first node's string value.
    func evaluate(_ branches: [XPathShortcut]) throws(ParseError) -> Result {
        var found: [xmlNodePtr] = []
        var contributing = 0
        for branch in branches {
            let nodes = try matches(branch)
            if !nodes.isEmpty { contributing += 1 }
            found.append(contentsOf: nodes)
        }
        if contributing > 1 { found = Self.documentOrder(found) }
        var text = ""
        if let first = found.first, let value = xmlXPathCastNodeToString(first) {
            text = String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
            gw_xml_free(value)
        }
        return Result(nodes: found.map { HTMLNode(document: self, pointer: $0) }, string: text)
    }

    /// Nodes in document order, each once (a node-set as XPath defines it).
    private static func documentOrder(_ nodes: [xmlNodePtr]) -> [xmlNodePtr] {
        var seen = Set<UnsafeMutableRawPointer>()
        return nodes.filter { seen.insert(UnsafeMutableRawPointer($0)).inserted }.sorted { xmlXPathCmpNodes($0, $1) == 1 }
    }

    /// `//NAME[TESTS]REST` by the shortcut: the matching elements, then REST from each, in document order. The
    /// first step (and REST's, when REST is `//NAME[TESTS]…` too) comes from the attribute columns: one `memmem`
    /// pass a test instead of a look at every element's attributes.
    private func matches(_ shortcut: XPathShortcut) throws(ParseError) -> [xmlNodePtr] {
        let all = elements
        var found: [xmlNodePtr]
        if let first = elementEnds.isEmpty ? nil : stepIndices(shortcut) {
            if let inner = shortcut.inner.first, let candidates = stepIndices(inner) {
                let below = indices(candidates, below: first)
                found = try inner.rest.map { rest throws(ParseError) in try evaluate(rest, of: inner, from: below.map { all[Int($0)] }) }
                    ?? below.map { all[Int($0)] }
            } else if let rest = shortcut.rest {
                found = try evaluate(rest, of: shortcut, from: first.map { all[Int($0)] })
            } else {
                found = first.map { all[Int($0)] }
            }
        } else {
            let selected = shortcut.filter(shortcut.requiredAttribute.map(elements(having:)) ?? all)
            found = try shortcut.rest.map { rest throws(ParseError) in try evaluate(rest, of: shortcut, from: selected) } ?? selected
        }
        return found
    }

    /// REST (a relative path) from each of `sources` (in document order), merged in document order without
    /// duplicates: the node-set of `SOURCES/REST`. Sources whose text lacks every one of the shortcut's
    /// ``XPathShortcut/needles`` are skipped: REST's leading text predicate fails on them.
    private func evaluate(_ rest: String, of shortcut: XPathShortcut, from sources: [xmlNodePtr]) throws(ParseError) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var contributing = 0
        let needles = shortcut.strings.needles
        for element in sources {
            if !needles.isEmpty,
               needles.withUnsafeBufferPointer({ gw_text_contains_any(element, $0.baseAddress, $0.count) }) == 0 { continue }
            let nodes = try evaluate(rest, context: element).nodes
            if !nodes.isEmpty { contributing += 1 }
            found.append(contentsOf: nodes.map(\.pointer))
        }
        return contributing > 1 ? Self.documentOrder(found) : found
    }
}
