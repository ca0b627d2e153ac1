import CompressNIO
import Crypto
import Foundation
import NIOCore

/// How raw page bodies are kept as evidence: SHA-256 of the bytes as received, and the bytes gzip-compressed.
public enum EvidenceCodec {
    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public static func compress(_ data: Data) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let compressed = try buffer.compress(with: .gzip(), allocator: ByteBufferAllocator())
        return Data(compressed.readableBytesView)
    }

    /// Decompresses what ``compress(_:)`` wrote; `limit` caps the output (bodies are capped at fetch time anyway).
    public static func decompress(_ data: Data, limit: Int = 64 << 20) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let output = try buffer.decompress(with: .gzip(), maxSize: limit, allocator: ByteBufferAllocator())
        return Data(output.readableBytesView)
    }
}
