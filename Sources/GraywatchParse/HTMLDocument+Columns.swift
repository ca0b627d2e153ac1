import CLibXML2
import Foundation

/// One attribute's values over a document's elements, laid end to end so one `memmem` pass answers a test for
/// every element at once (see `gw_attribute_column`).
struct AttributeColumn {
    /// The index in ``HTMLDocument/elements`` of each element having the attribute, in document order.
    var indices: [Int32]
    /// Where each value begins in ``buffer``, and one more entry for the end.
    var starts: [Int32]
    /// The values, each followed by a NUL (as XPath's `concat(' ', normalize-space(@a), ' ')` when padded).
    var buffer: [UInt8]

    /// Builds the columns of attributes by walking the elements' attributes (when the parse recorded none).
    static func build(_ elements: [xmlNodePtr], _ keys: [(name: String, padded: Bool)]) -> [AttributeColumn] {
        keys.map { AttributeColumn(elements, attribute: $0.name, padded: $0.padded) }
    }

    init(indices: [Int32], starts: [Int32], buffer: [UInt8]) {
        self.indices = indices
        self.starts = starts
        self.buffer = buffer
    }

    /// One attribute's column, by a walk over the elements' attributes.
    init(_ elements: [xmlNodePtr], attribute: String, padded: Bool) {
        var length = 0
        let flag: Int32 = padded ? 1 : 0
        let count = elements.withUnsafeBufferPointer { nodes in
            gw_attribute_column(Self.pointer(nodes), nodes.count, attribute, flag, nil, nil, nil, &length)
        }
        var indices = [Int32](repeating: 0, count: count)
        var starts = [Int32](repeating: 0, count: count + 1)
        var buffer = [UInt8](repeating: 0, count: length)
        elements.withUnsafeBufferPointer { nodes in
            _ = gw_attribute_column(Self.pointer(nodes), nodes.count, attribute, flag, &indices, &starts, &buffer, &length)
        }
        self.init(indices: indices, starts: starts, buffer: buffer)
    }

    /// Sets `marks[element]` for every element whose value contains (or, `exact`, equals) `literal`.
    func mark(_ literal: String, exact: Bool, into marks: inout [UInt8]) {
        guard !indices.isEmpty else { return }
        var hits = [UInt8](repeating: 0, count: indices.count)
        gw_column_mark(buffer, buffer.count, starts, indices.count, literal, exact ? 1 : 0, &hits)
        for (position, hit) in hits.enumerated() where hit != 0 { marks[Int(indices[position])] = 1 }
    }

    fileprivate static func pointer(_ nodes: UnsafeBufferPointer<xmlNodePtr>) -> UnsafeMutablePointer<xmlNodePtr?>? {
        UnsafeMutableRawPointer(mutating: nodes.baseAddress)?.assumingMemoryBound(to: xmlNodePtr?.self)
    }
}

extension HTMLDocument {
    /// The column of an attribute, built once per document: every column any document has asked for is built in
    /// the same pass over the elements' attributes.
    func column(_ attribute: String, padded: Bool) -> AttributeColumn {
        let key = padded ? " " + attribute : attribute
        if let known = columns[key] { return known }
        let wanted = ColumnKeys.including(key).filter { columns[$0] == nil }
        let built = AttributeColumn.build(elements, wanted.map { (String($0.drop { $0 == " " }), $0.hasPrefix(" ")) })
        for (wantedKey, column) in zip(wanted, built) { columns[wantedKey] = column }
        return columns[key] ?? AttributeColumn(indices: [], starts: [0], buffer: [])
    }

    /// The elements (indices in ``elements``, document order) a shortcut's first step `//NAME[TESTS]` selects,
    /// from the attribute columns; nil when a test could hold for an element lacking its attribute (an empty
    /// `contains` literal, an all-space padded one), which only a walk over every element answers.
    func stepIndices(_ shortcut: XPathShortcut) -> [Int32]? {
        if let known = stepMatches[shortcut.step] { return known }
        let all = elements
        var marks = [UInt8](repeating: 0, count: all.count)
        for test in shortcut.tests {
            switch test {
            case .equals(let attribute, let value):
                column(attribute, padded: false).mark(value, exact: true, into: &marks)
            case .contains(let attribute, let value):
                guard !value.isEmpty else { return nil }
                column(attribute, padded: false).mark(value, exact: false, into: &marks)
            case .paddedContains(let attribute, let value):
                guard !value.allSatisfy({ $0 == " " }) else { return nil }
                column(attribute, padded: true).mark(value, exact: false, into: &marks)
            }
        }
        var found: [Int32] = []
        for (index, mark) in marks.enumerated() where mark != 0 {
            if let name = shortcut.strings.name, let own = all[index].pointee.name {
                guard strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self), name) == 0 else { continue }
            } else if shortcut.strings.name != nil {
                continue
            }
            found.append(Int32(index))
        }
        stepMatches[shortcut.step] = found
        return found
    }

    /// Of `candidates`, those lying strictly below one of `ancestors` (both element indices in document order):
    /// the descendants of element i are elements i+1 ... ``elementEnds``[i].
    func indices(_ candidates: [Int32], below ancestors: [Int32]) -> [Int32] {
        var ranges: [(Int32, Int32)] = []
        for ancestor in ancestors {
            let low = ancestor + 1, high = elementEnds[Int(ancestor)]
            guard low <= high else { continue }
            if let last = ranges.last, low <= last.1 { ranges[ranges.count - 1].1 = max(last.1, high) } else {
                ranges.append((low, high))
            }
        }
        var result: [Int32] = []
        var range = 0
        for candidate in candidates {
            while range < ranges.count, ranges[range].1 < candidate { range += 1 }
            guard range < ranges.count else { break }
            if candidate >= ranges[range].0 { result.append(candidate) }
        }
        return result
    }
}

/// The columns documents have asked for (attribute names, a leading space for the padded form), process-wide.
enum ColumnKeys {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var keys: [String] = []

    /// Every key asked for so far.
    static var all: [String] { lock.withLock { keys } }

    /// Every key asked for so far, `key` included.
    static func including(_ key: String) -> [String] {
        lock.withLock {
            if !keys.contains(key) { keys.append(key) }
            return keys
        }
    }
}
