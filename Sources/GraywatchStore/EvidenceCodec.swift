import CZstd
import CompressNIO
import Crypto
import Foundation
import NIOCore

/// How raw page bodies are kept as evidence: SHA-256 of the bytes as received, and the bytes compressed.
///
/// New bodies are Zstandard frames (level 1: about four times faster than gzip's fastest level on marketplace
/// pages, and smaller); bodies stored before 2026-12-03 are gzip. The column keeps its first name (`body_gzip`,
/// migrations are frozen); ``decompress(_:limit:)`` tells the two apart by their magic bytes.
public enum EvidenceCodec {
    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 64)
        for (index, byte) in digest.enumerated() {
            text[index * 2] = hex[Int(byte >> 4)]
            text[index * 2 + 1] = hex[Int(byte & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The body as one Zstandard frame (its size recorded in the frame header).
    public static func compress(_ data: Data, level: Int32 = 1) throws -> Data {
        let bound = ZSTD_compressBound(data.count)
        var output = Data(count: bound)
        let written = data.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, bound, source.baseAddress, source.count, level)
            }
        }
        guard gw_zstd_is_error(written) == 0 else { throw EvidenceError(reason: String(cString: ZSTD_getErrorName(written))) }
        output.count = written
        return output
    }

    /// Decompresses what ``compress(_:level:)`` (or an earlier gzip version) wrote; `limit` caps the output.
    public static func decompress(_ data: Data, limit: Int = 64 << 20) throws -> Data {
        if data.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return try decompressZstd(data, limit: limit) }
        var buffer = ByteBuffer(bytes: data)
        let output = try buffer.decompress(with: .gzip(), maxSize: limit, allocator: ByteBufferAllocator())
        return Data(output.readableBytesView)
    }

    private static func decompressZstd(_ data: Data, limit: Int) throws -> Data {
        let size = data.withUnsafeBytes { gw_zstd_content_size($0.baseAddress, $0.count) }
        guard size >= 0 else { throw EvidenceError(reason: "zstd frame without a content size") }
        guard size <= limit else { throw EvidenceError(reason: "body of \(size) bytes is over the \(limit)-byte limit") }
        var output = Data(count: Int(size))
        let read = data.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_decompress(target.baseAddress, Int(size), source.baseAddress, source.count)
            }
        }
        guard gw_zstd_is_error(read) == 0 else { throw EvidenceError(reason: String(cString: ZSTD_getErrorName(read))) }
        guard read == Int(size) else { throw EvidenceError(reason: "zstd frame holds \(read) of \(size) bytes") }
        return output
    }
}

/// A body that could not be compressed or read back.
public struct EvidenceError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "evidence body: \(reason)" }
}
