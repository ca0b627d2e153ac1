import CCurl
import Foundation

/// Fetches one URL over HTTP(S) with libcurl, inside the limits of ``FetchOptions``.
///
/// Each call uses its own easy handle, so one `Fetcher` may be used from several threads.
/// ``fetch(_:)`` runs the transfer on a thread outside Swift's cooperative pool, so waiting on the network
/// never starves other tasks (a loopback server in the same process among them); ``fetchBlocking(_:extraHeaders:)``
/// blocks the calling thread and is for synchronous callers only.
public struct Fetcher: Sendable {
    public var options: FetchOptions

    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
        _ = Fetcher.globalInit
    }

    private static let globalInit: Bool = gw_curl_global_init() == CURLE_OK

    /// Fetches `url`, following redirects; a non-2xx status is a page, not an error.
    public func fetchBlocking(_ url: String, extraHeaders: [String] = []) throws(FetchError) -> FetchedPage {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw .unsupportedScheme(url: url)
        }
        guard let handle = curl_easy_init() else {
            throw .transport(url: url, code: -1, message: "curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }

        let transfer = Transfer(limit: options.maxBodyBytes)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        for header in extraHeaders { headerList = curl_slist_append(headerList, header) }
        defer { curl_slist_free_all(headerList) }

        let started = Date()
        let code: CURLcode = withExtendedLifetime(transfer) {
            let box = Unmanaged.passUnretained(transfer).toOpaque()
            configure(handle, url: url, box: box, errorBuffer: errorBuffer, headers: headerList)
            return curl_easy_perform(handle)
        }
        if code != CURLE_OK {
            throw error(for: code, url: url, transfer: transfer, message: String(cString: errorBuffer))
        }
        return page(from: handle, requested: url, transfer: transfer, started: started)
    }

    /// Fetches `url` on a thread outside Swift's cooperative pool; a non-2xx status is a page, not an error.
    public func fetch(_ url: String, extraHeaders: [String] = []) async throws(FetchError) -> FetchedPage {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<FetchedPage, FetchError>, Never>) in
            // A thread of its own: dispatch's shared worker threads are as few as the cores and also run
            // Swift's tasks, so a transfer blocking one of them could starve the whole process.
            let thread = Thread {
                continuation.resume(returning: Result { () throws(FetchError) -> FetchedPage in
                    try fetchBlocking(url, extraHeaders: extraHeaders)
                })
            }
            thread.name = "graywatch.fetch"
            thread.start()
        }
        return try result.get()
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, url: String, box: UnsafeMutableRawPointer,
        errorBuffer: UnsafeMutablePointer<CChar>, headers: UnsafeMutablePointer<curl_slist>?
    ) {
        gw_curl_setopt_string(handle, CURLOPT_URL, url)
        gw_curl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent)
        gw_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        gw_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        gw_curl_setopt_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects)
        gw_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        gw_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        gw_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        gw_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
        gw_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes)
        gw_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds)
        gw_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBodyBytes))
        gw_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        gw_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        gw_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        gw_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, Fetcher.onBody)
        gw_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, box)
        gw_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, Fetcher.onHeader)
        gw_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, box)
    }

    private func page(
        from handle: UnsafeMutableRawPointer, requested: String, transfer: Transfer, started: Date
    ) -> FetchedPage {
        var status = 0
        gw_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var redirects = 0
        gw_curl_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        var total = 0.0
        gw_curl_getinfo_double(handle, CURLINFO_TOTAL_TIME, &total)
        var effective: UnsafeMutablePointer<CChar>? = nil
        gw_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? requested
        return FetchedPage(
            requestedURL: requested, finalURL: finalURL, status: status, headers: transfer.headers,
            body: transfer.body, fetchedAt: started, elapsed: total, redirectCount: redirects)
    }

    private func error(for code: CURLcode, url: String, transfer: Transfer, message: String) -> FetchError {
        let text = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timeout(url: url, seconds: options.totalTimeout)
        case CURLE_FILESIZE_EXCEEDED: return .tooLarge(url: url, limit: options.maxBodyBytes)
        case CURLE_WRITE_ERROR where transfer.overflowed: return .tooLarge(url: url, limit: options.maxBodyBytes)
        case CURLE_TOO_MANY_REDIRECTS: return .tooManyRedirects(url: url, limit: options.maxRedirects)
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme(url: url)
        default: return .transport(url: url, code: Int(code.rawValue), message: text)
        }
    }

    /// Appends body bytes; returning less than offered aborts the transfer (the size cap).
    private static let onBody: gw_curl_write_callback = { pointer, size, count, userData in
        guard let pointer, let userData else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
        let length = size * count
        if transfer.body.count + length > transfer.limit {
            transfer.overflowed = true
            return 0
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
        return length
    }

    /// Collects header lines; a new status line (after a redirect) starts a new set.
    private static let onHeader: gw_curl_write_callback = { pointer, size, count, userData in
        guard let pointer, let userData else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
        let length = size * count
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            transfer.headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            transfer.headers.append((name: name, value: value))
        }
        return length
    }
}

/// The mutable state of one transfer, reached from libcurl's callbacks.
private final class Transfer {
    var body = Data()
    var headers: [(name: String, value: String)] = []
    var overflowed = false
    let limit: Int
    init(limit: Int) { self.limit = limit }
}
