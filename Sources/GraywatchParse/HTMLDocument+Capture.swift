import CLibXML2
import Foundation

/// What the parse records while it builds the tree (see `gw_capture` in the shim): the element list with its
/// ranges, and the attribute columns every document so far has asked for. Taking them from libxml2's SAX callbacks,
/// while each element and its attribute strings are still in the cache, spares two walks over a tree of a few
/// megabytes whose nodes mostly are not (on a real item page those walks cost more than a tenth of extraction).
final class ParseCapture {
    /// The column keys recorded (``ColumnKeys``: an attribute name, a leading space for the padded form).
    let keys: [String]
    private let names: [UnsafeMutablePointer<CChar>?]
    private let namePointers: [UnsafePointer<CChar>?]
    private let padded: [Int32]
    var state = gw_capture()

    init() {
        keys = Array(ColumnKeys.all.prefix(64))
        names = keys.map { strdup(String($0.drop { $0 == " " })) }
        namePointers = names.map { UnsafePointer($0) }
        padded = keys.map { $0.hasPrefix(" ") ? 1 : 0 }
    }

    deinit {
        gw_capture_free(&state)
        names.forEach { free($0) }
    }

    /// libxml2's parse of `count` bytes with the recording on (the name and flag arrays outlive the call).
    func parse(_ base: UnsafePointer<CChar>, _ count: Int32, url: String, report: inout gw_parse_report) -> htmlDocPtr? {
        namePointers.withUnsafeBufferPointer { names in
            padded.withUnsafeBufferPointer { padded in
                state.names = names.baseAddress
                state.padded = padded.baseAddress
                state.columnCount = keys.count
                defer {
                    state.names = nil
                    state.padded = nil
                }
                return gw_html_parse_capturing(base, count, url, &report, &state)
            }
        }
    }

    /// The elements, their ranges and the columns, unless the callbacks and the tree could disagree.
    func results() -> (elements: [xmlNodePtr], ends: [Int32], columns: [String: AttributeColumn])? {
        guard state.failed == 0, state.count > 0, let nodes = state.nodes, let ends = state.ends else { return nil }
        let elements = UnsafeBufferPointer(start: nodes, count: state.count).compactMap { $0 }
        guard elements.count == state.count else { return nil }
        var columns: [String: AttributeColumn] = [:]
        // A copy of the tables (the pointers, not what they point to): nested accesses to one local are allowed.
        var tables = state
        withUnsafeBytes(of: &tables.columnIndices) { indexTable in
            withUnsafeBytes(of: &tables.columnStarts) { startTable in
                withUnsafeBytes(of: &tables.columnBuffers) { bufferTable in
                    withUnsafeBytes(of: &tables.columnFound) { foundTable in
                        for (k, key) in keys.enumerated() {
                            let found = foundTable.load(fromByteOffset: k * MemoryLayout<Int>.size, as: Int.self)
                            let indices = indexTable.load(fromByteOffset: k * 8, as: UnsafeMutablePointer<Int32>?.self)
                            let starts = startTable.load(fromByteOffset: k * 8, as: UnsafeMutablePointer<Int32>?.self)
                            let buffer = bufferTable.load(fromByteOffset: k * 8, as: UnsafeMutablePointer<UInt8>?.self)
                            guard found > 0, let indices, let starts, let buffer else {
                                columns[key] = AttributeColumn(indices: [], starts: [0], buffer: [])
                                continue
                            }
                            columns[key] = AttributeColumn(
                                indices: Array(UnsafeBufferPointer(start: indices, count: found)),
                                starts: Array(UnsafeBufferPointer(start: starts, count: found + 1)),
                                buffer: Array(UnsafeBufferPointer(start: buffer, count: Int(starts[found]))))
                        }
                    }
                }
            }
        }
        return (elements, Array(UnsafeBufferPointer(start: ends, count: state.count)), columns)
    }
}
