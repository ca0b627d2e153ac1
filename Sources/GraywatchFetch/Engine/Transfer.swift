import CCurl
import Foundation

/// One HTTP exchange (no redirect following) as the engine runs it: the easy handle, its buffers and the
/// continuation waiting for the result. Touched only by the engine thread once submitted.
final class Transfer {
    let url: String
    let options: FetchOptions
    let headers: [String]
    let continuation: CheckedContinuation<Result<FetchedPage, FetchError>, Never>
    var body = Data()
    var responseHeaders: [(name: String, value: String)] = []
    var overflowed = false
    let started = Date()
    private(set) var handle: UnsafeMutableRawPointer?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    init(url: String, headers: [String], options: FetchOptions,
         continuation: CheckedContinuation<Result<FetchedPage, FetchError>, Never>) {
        self.url = url
        self.headers = headers
        self.options = options
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Creates and configures the easy handle; nil when libcurl cannot make one.
    func makeHandle() -> UnsafeMutableRawPointer? {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        for header in headers { headerList = curl_slist_append(headerList, header) }
        let box = Unmanaged.passUnretained(self).toOpaque()
        gw_curl_setopt_string(handle, CURLOPT_URL, url)
        gw_curl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent)
        gw_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        gw_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        gw_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        gw_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        gw_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
        gw_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes)
        gw_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds)
        gw_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBodyBytes))
        gw_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        gw_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        gw_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        gw_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, Transfer.onBody)
        gw_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, box)
        gw_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, Transfer.onHeader)
        gw_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, box)
        return handle
    }

    /// The page or error for a finished transfer.
    func result(code: CURLcode) -> Result<FetchedPage, FetchError> {
        guard let handle else { return .failure(.transport(url: url, code: -1, message: "curl_easy_init failed")) }
        guard code == CURLE_OK else { return .failure(error(for: code)) }
        var status = 0
        gw_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var total = 0.0
        gw_curl_getinfo_double(handle, CURLINFO_TOTAL_TIME, &total)
        return .success(FetchedPage(
            requestedURL: url, finalURL: url, status: status, headers: responseHeaders, body: body,
            fetchedAt: started, elapsed: total, redirectCount: 0))
    }

    private func error(for code: CURLcode) -> FetchError {
        let message = String(cString: errorBuffer)
        let text = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return text.lowercased().contains("too slow") || text.lowercased().contains("less than")
                ? .tooSlow(url: url, bytesPerSecond: options.lowSpeedBytes, seconds: options.lowSpeedSeconds)
                : .timeout(url: url, seconds: options.totalTimeout)
        case CURLE_FILESIZE_EXCEEDED: return .tooLarge(url: url, limit: options.maxBodyBytes)
        case CURLE_WRITE_ERROR where overflowed: return .tooLarge(url: url, limit: options.maxBodyBytes)
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme(url: url)
        default: return .transport(url: url, code: Int(code.rawValue), message: text)
        }
    }

    /// Appends body bytes; returning less than offered aborts the transfer (the size cap).
    private static let onBody: gw_curl_write_callback = { pointer, size, count, userData in
        guard let pointer, let userData else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
        let length = size * count
        if transfer.body.count + length > transfer.options.maxBodyBytes {
            transfer.overflowed = true
            return 0
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
        return length
    }

    /// Collects header lines of the response (a 1xx interim response's lines are dropped at its status line).
    private static let onHeader: gw_curl_write_callback = { pointer, size, count, userData in
        guard let pointer, let userData else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            transfer.responseHeaders.removeAll()
        } else if let colon = line.firstIndex(of: ":"), transfer.responseHeaders.count < 200 {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            transfer.responseHeaders.append((name: name, value: String(value.prefix(8192))))
            // Room for the whole body at once (within the cap), so a large page is not copied as it grows.
            // A lying length costs nothing: the cap still counts the bytes that actually arrive.
            if transfer.body.isEmpty, name.caseInsensitiveCompare("Content-Length") == .orderedSame,
                let declared = Int(value), declared > 0
            {
                transfer.body.reserveCapacity(min(declared, transfer.options.maxBodyBytes))
            }
        }
        return length
    }
}
