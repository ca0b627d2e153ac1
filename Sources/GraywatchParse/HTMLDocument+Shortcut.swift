import CLibXML2
import Foundation

extension XPathShortcut {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: XPathShortcut?] = [:]

    /// The shortcut for an expression (parsed once per process), nil when it has none.
    static func cached(_ expression: String) -> XPathShortcut? {
        if let entry = lock.withLock({ known[expression] }) { return entry }
        let parsed = XPathShortcut(expression)
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
    /// Every element in document order, collected once per document without recursion.
    var elements: [xmlNodePtr] {
        if let elementList { return elementList }
        guard let root = xmlDocGetRootElement(pointer) else { return [] }
        let elements = [xmlNodePtr](unsafeUninitializedCapacity: gw_collect_elements(root, nil)) { buffer, count in
            count = gw_collect_elements(root, UnsafeMutableRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: xmlNodePtr?.self))
        }
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

    /// `//NAME[TESTS]REST` by the shortcut: the matching elements, then REST from each, in document order.
    func evaluate(_ shortcut: XPathShortcut) throws(ParseError) -> Result {
        let matches = shortcut.filter(shortcut.requiredAttribute.map(elements(having:)) ?? elements)
        var found: [xmlNodePtr]
        if let rest = shortcut.rest {
            found = []
            var sources = 0
            for element in matches {
                let nodes = try evaluate(rest, context: element).nodes
                if !nodes.isEmpty { sources += 1 }
                found.append(contentsOf: nodes.map(\.pointer))
            }
            if sources > 1 {
                var seen = Set<UnsafeMutableRawPointer>()
                found = found.filter { seen.insert(UnsafeMutableRawPointer($0)).inserted }
                found.sort { xmlXPathCmpNodes($0, $1) == 1 }
            }
        } else {
            found = matches
        }
        var text = ""
        if let first = found.first, let value = xmlXPathCastNodeToString(first) {
            text = String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
            gw_xml_free(value)
        }
        return Result(nodes: found.map { HTMLNode(document: self, pointer: $0) }, string: text)
    }
}
