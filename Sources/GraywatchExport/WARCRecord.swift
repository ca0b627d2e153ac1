import Crypto
import Foundation

/// One WARC/1.1 record: the named header fields (in order) and the record block.
///
/// `WARC/1.1` CRLF, `Name: value` CRLF per field, `Content-Length` (always last, computed
/// from the block), CRLF, the block, CRLF CRLF.
struct WARCRecord: Sendable {
    var fields: [(String, String)]
    var block: Data

    func serialized() -> Data {
        var out = Data()
        out.append(contentsOf: Array("WARC/1.1\r\n".utf8))
        for (name, value) in fields {
            out.append(contentsOf: Array(WARCText.headerLine(name, value).utf8))
        }
        out.append(contentsOf: Array("Content-Length: \(block.count)\r\n\r\n".utf8))
        out.append(block)
        out.append(contentsOf: Array("\r\n\r\n".utf8))
        return out
    }
}

/// Text helpers shared by the WARC and HTTP header writers.
enum WARCText {
    /// `name: value` CRLF, with CR, LF and NUL in either part replaced by a space so a captured
    /// value can never start a new header line (header injection) or end the header block.
    static func headerLine(_ name: String, _ value: String) -> String {
        "\(singleLine(name)): \(singleLine(value))\r\n"
    }

    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\r" || scalar == "\n" || scalar == "\0" ? " " : scalar)
        }
        return String(scalars)
    }

    /// `2026-11-26T12:00:00Z`: UTC, whole seconds (WARC 1.1 `WARC-Date`, W3C-ISO8601).
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }
}

/// SHA-256 and the RFC 4648 encodings used for WARC digests.
enum Digest {
    static func sha256(_ data: Data) -> [UInt8] {
        Array(SHA256.hash(data: data))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes lowercase or uppercase hex; nil on odd length or a non-hex character.
    static func bytes(fromHex hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// RFC 4648 §6 base32: uppercase alphabet, `=` padding to a multiple of 8 characters.
    static func base32(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 4) / 5 * 8)
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(base32Alphabet[Int((buffer >> UInt64(bits)) & 0x1F)])
            }
        }
        if bits > 0 {
            out.append(base32Alphabet[Int((buffer << UInt64(5 - bits)) & 0x1F)])
        }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }
}
