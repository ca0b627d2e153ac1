import CCurl
import Foundation

/// Drives every transfer of the process from one thread with libcurl's multi interface.
///
/// Callers submit a request and await its result; the engine thread adds the easy handle to the multi
/// handle, runs `curl_multi_perform` / `curl_multi_poll`, and resumes the caller when the transfer is done.
/// How many transfers run at once is the caller's business (the crawler's politeness limits).
final class TransferEngine: @unchecked Sendable {
    static let shared = TransferEngine()

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var submitted: [Transfer] = []
    private var running: [UInt: Transfer] = [:]

    private init() {
        _ = gw_curl_global_init()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: libcurl is unusable") }
        self.multi = multi
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "graywatch.curl-multi"
        thread.start()
    }

    /// Runs one request (no redirect following) and returns the response or the transport error.
    func perform(_ url: String, headers: [String], options: FetchOptions) async -> Result<FetchedPage, FetchError> {
        await withCheckedContinuation { continuation in
            let transfer = Transfer(url: url, headers: headers, options: options, continuation: continuation)
            lock.lock()
            submitted.append(transfer)
            lock.unlock()
            curl_multi_wakeup(multi)
        }
    }

    /// The content encodings the linked libcurl decodes ("gzip", "deflate", "br", "zstd").
    static var contentEncodings: [String] {
        _ = gw_curl_global_init()
        let features = Int(gw_curl_features())
        var encodings: [String] = []
        if features & Int(CURL_VERSION_LIBZ) != 0 { encodings += ["gzip", "deflate"] }
        if features & Int(CURL_VERSION_BROTLI) != 0 { encodings.append("br") }
        if features & Int(CURL_VERSION_ZSTD) != 0 { encodings.append("zstd") }
        return encodings
    }

    private func loop() {
        while true {
            lock.lock()
            let incoming = submitted
            submitted.removeAll()
            lock.unlock()
            for transfer in incoming { start(transfer) }

            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard gw_curl_msg_is_done(message) != 0, let handle = message.pointee.easy_handle else { continue }
                finish(handle, code: gw_curl_msg_result(message))
            }
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, running.isEmpty ? 1000 : 100, &ready)
        }
    }

    private func start(_ transfer: Transfer) {
        guard let handle = transfer.makeHandle() else {
            transfer.continuation.resume(returning: transfer.result(code: CURLE_FAILED_INIT))
            return
        }
        running[UInt(bitPattern: handle)] = transfer
        curl_multi_add_handle(multi, handle)
    }

    private func finish(_ handle: UnsafeMutableRawPointer, code: CURLcode) {
        curl_multi_remove_handle(multi, handle)
        guard let transfer = running.removeValue(forKey: UInt(bitPattern: handle)) else { return }
        transfer.continuation.resume(returning: transfer.result(code: code))
    }
}
