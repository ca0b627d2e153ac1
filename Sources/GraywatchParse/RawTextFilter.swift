import CLibXML2
import Foundation

/// What graywatch hands libxml2: the page's bytes with the bodies of code-only elements left out.
///
/// Two thirds of a real marketplace item page is `<script>` (minified code, JSON state blobs) and `<style>`, which
/// no extractor reads and libxml2 copies character by character. The filter keeps every tag, comment and text as it
/// is, and drops only what lies between `<script …>` / `<style …>` and the next `</script` / `</style` — the same
/// end libxml2's recovering parser uses (the first case-insensitive match, whatever follows). Scripts whose opening
/// tag mentions JSON (`type="application/ld+json"`, `application/json`) are data and kept whole. Tags are walked
/// with their quoted attribute values and comments skipped, so `<script` inside an attribute or a comment starts
/// nothing. NUL bytes become U+FFFD (libxml2 would stop reading at the first one). The raw body is kept as evidence
/// elsewhere; this only decides what gets parsed.
enum RawTextFilter {
    private static let lock = NSLock()
    /// Scripts containing one of these are kept whole (site adapters read them); nil: every script is kept.
    nonisolated(unsafe) private static var needles: [[UInt8]]? = []

    /// Keeps the scripts an XPath expression reads: those containing the literal of its `contains(., '…')` /
    /// `contains(text(), '…')`, or every script when it reads scripts some other way.
    static func keepScripts(readBy expression: String) {
        // The element name, not a word that contains it ("description", "noscript").
        guard expression.range(of: #"(^|[/:(\[|\s])script($|[\[/)\s|])"#, options: .regularExpression) != nil else { return }
        var literals: [String] = []
        for opening in ["contains(.,", "contains(text(),", "contains(., ", "contains(text(), "] {
            var rest = Substring(expression)
            while let range = rest.range(of: opening) {
                rest = rest[range.upperBound...].drop { $0 == " " }
                if let quote = rest.first, quote == "'" || quote == "\"",
                    let end = rest.dropFirst().firstIndex(of: quote)
                {
                    literals.append(String(rest[rest.index(after: rest.startIndex)..<end]))
                }
            }
        }
        let readsJSONOnly = expression.contains("ld+json") && literals.isEmpty
        lock.withLock {
            if literals.isEmpty || literals.contains("") {
                if !readsJSONOnly { needles = nil }
            } else if needles != nil {
                for literal in literals where !needles!.contains(Array(literal.utf8)) { needles!.append(Array(literal.utf8)) }
            }
        }
    }

    /// The scripts to keep: those containing one of these byte strings; nil: every script.
    static var keptScripts: [[UInt8]]? { lock.withLock { needles } }

    /// The bytes to parse; scripts containing one of `keeping` (every script when nil) are kept whole.
    static func filter(_ input: UnsafeBufferPointer<UInt8>, keeping needles: [[UInt8]]? = []) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2 + 64)
        let count = input.count
        var copied = 0
        var index = 0
        func copy(upTo end: Int) {
            if end > copied { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<end])) }
            copied = max(copied, end)
        }
        while let open = find(UInt8(ascii: "<"), in: input, from: index) {
            index = open + 1
            if matches(input, at: open, "<!--") {
                index = search(input, for: "-->", from: open + 4).map { $0 + 3 } ?? count
                continue
            }
            let nameStart = open + 1 + (open + 1 < count && input[open + 1] == UInt8(ascii: "/") ? 1 : 0)
            guard nameStart < count, isLetter(input[nameStart]) else { continue }
            let tagEnd = endOfTag(input, from: nameStart)
            index = tagEnd + 1
            guard tagEnd < count, nameStart == open + 1 else { continue }
            let rawElement: String
            if matchesName(input, at: nameStart, "script") { rawElement = "</script" }
            else if matchesName(input, at: nameStart, "style") { rawElement = "</style" }
            else { continue }
            if rawElement == "</script", containsJSON(input, open..<tagEnd) { continue }
            guard let close = search(input, for: rawElement, from: tagEnd + 1, caseInsensitive: true) else {
                if rawElement == "</script", needles == nil { break }
                copy(upTo: tagEnd + 1)
                copied = count
                break
            }
            index = close + rawElement.utf8.count
            if rawElement == "</script",
                needles?.contains(where: { contains(input, tagEnd + 1..<close, $0) }) ?? true { continue }
            copy(upTo: tagEnd + 1)
            copied = close
        }
        copy(upTo: count)
        return replacingNUL(output)
    }

    /// HTML treats NUL as U+FFFD; libxml2 would stop reading at it, so a hostile NUL could hide the rest.
    static func replacingNUL(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0) else { return bytes }
        return HTMLDocument.replacingNUL(bytes)
    }

    /// The index of the `>` closing the tag whose name starts at `start` (quoted values skipped), or the end.
    private static func endOfTag(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var afterEquals = false
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: ">") { return index }
            if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && afterEquals {
                guard let closing = find(byte, in: input, from: index + 1) else { return input.count }
                index = closing + 1
                afterEquals = false
                continue
            }
            if byte == UInt8(ascii: "=") { afterEquals = true }
            else if !isSpace(byte) { afterEquals = false }
            index += 1
        }
        return input.count
    }

    private static func containsJSON(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index + 4 <= range.upperBound {
            if lower(input[index]) == UInt8(ascii: "j"), matches(input, at: index, "json", caseInsensitive: true) { return true }
            index += 1
        }
        return false
    }

    /// memmem within a range.
    private static func contains(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count, let base = input.baseAddress else { return false }
        return needle.withUnsafeBufferPointer { gw_contains_bytes(base + range.lowerBound, range.count, $0.baseAddress, needle.count) != 0 }
    }

    private static func matchesName(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ name: String) -> Bool {
        let end = index + name.utf8.count
        guard matches(input, at: index, name, caseInsensitive: true) else { return false }
        guard end < input.count else { return false }
        let next = input[end]
        return isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ text: String,
                                caseInsensitive: Bool = false) -> Bool {
        guard index + text.utf8.count <= input.count else { return false }
        var offset = index
        for byte in text.utf8 {
            let candidate = caseInsensitive ? lower(input[offset]) : input[offset]
            if candidate != byte { return false }
            offset += 1
        }
        return true
    }

    /// The first index at or after `start` where `text` begins.
    private static func search(_ input: UnsafeBufferPointer<UInt8>, for text: String, from start: Int,
                               caseInsensitive: Bool = false) -> Int? {
        let first = text.utf8.first!
        var index = start
        while let candidate = find(first, in: input, from: index) {
            if matches(input, at: candidate, text, caseInsensitive: caseInsensitive) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// memchr from `start`.
    private static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
