/// Percent-encoding normalization (RFC 3986 §2), shared by URL normalization and robots.txt matching.
public enum PercentEncoding {
    /// Decodes `%XX` escapes of unreserved characters, upper-cases the hex of the other escapes, and escapes
    /// every other byte for which `mustEscape` is true.
    public static func normalize(_ bytes: [UInt8], escaping mustEscape: (UInt8) -> Bool = { _ in false }) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                let decoded = high << 4 | low
                if isUnreserved(decoded) { output.append(decoded) } else { appendEscape(decoded, to: &output) }
                index += 3
                continue
            }
            if mustEscape(byte) { appendEscape(byte, to: &output) } else { output.append(byte) }
            index += 1
        }
        return output
    }

    /// ``normalize(_:escaping:)`` over the UTF-8 of a string, escaping nothing else.
    public static func normalize(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return String(decoding: normalize(Array(text.utf8)), as: UTF8.self)
    }

    static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        output.append(UInt8(ascii: "%"))
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0x0F)])
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 §2.3).
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
