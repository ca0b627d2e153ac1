import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GraywatchMetrics {
    /// Writes ``render()`` to `path` for node_exporter's textfile collector (name it `*.prom`).
    ///
    /// The text goes to a hidden temporary file in the same folder (not ending in `.prom`, so the collector skips
    /// it), is flushed, and is renamed over `path` in one step: a scrape sees the old file or the new, never half.
    public func writeTextfile(to path: String) throws(FeedsError) {
        try GraywatchMetrics.writeAtomically(Data(render().utf8), to: path)
    }

    /// Writes `data` to `path` via a temporary file in the same folder and an atomic rename.
    static func writeAtomically(_ data: Data, to path: String) throws(FeedsError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .textfileWriteFailed(path: path, why: "cannot create \(temporary.lastPathComponent): \(errorText())")
        }
        var failure: String?
        // Readable by the collector whatever the umask.
        if fchmod(descriptor, 0o644) != 0 { failure = "chmod: \(errorText())" }
        data.withUnsafeBytes { buffer in
            guard failure == nil else { return }
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "write: \(errorText())"
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "fsync: \(errorText())" }
        if close(descriptor) != 0, failure == nil { failure = "close: \(errorText())" }
        if failure == nil, rename(temporary.path, target.path) != 0 { failure = "rename: \(errorText())" }
        if let failure {
            unlink(temporary.path)
            throw .textfileWriteFailed(path: path, why: failure)
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
