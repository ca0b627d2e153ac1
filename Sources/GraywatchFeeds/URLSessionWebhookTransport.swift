import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``WebhookTransport`` over URLSession: an ephemeral session per request (no cookies, no cache), redirects not
/// followed, the response body read up to the cap and the rest dropped, a hard deadline on the whole exchange.
public struct URLSessionWebhookTransport: WebhookTransport {
    public init() {}

    public func post(url: URL, headers: [(String, String)], body: Data, timeout: TimeInterval,
                     maxResponseBytes: Int) async throws(WebhookTransportError) -> WebhookHTTPResponse {
        let seconds = max(0.001, timeout)
        // URLSession's own timeouts are a backstop in whole seconds (sub-second values misbehave on Linux);
        // the deadline task below enforces `seconds` exactly.
        let backstop = (seconds + 1).rounded(.up)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: backstop)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData

        let exchange = Exchange(maxResponseBytes: max(0, maxResponseBytes), timeout: seconds)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)

        let deadline = Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            if !Task.isCancelled { exchange.finish(.failure(.timedOut(seconds: seconds))) }
        }
        defer { deadline.cancel() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                exchange.start(task: task, continuation: continuation)
            }
        } onCancel: {
            exchange.finish(.failure(.cancelled))
        }
        return try result.get()
    }
}

/// The delegate of one request: collects the answer, enforces the body cap, and resumes the caller exactly once.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Outcome = Result<WebhookHTTPResponse, WebhookTransportError>

    private let maxResponseBytes: Int
    private let timeout: TimeInterval
    private let lock = NSLock()
    // Guarded by `lock`.
    private var continuation: CheckedContinuation<Outcome, Never>?
    private var task: URLSessionTask?
    private var pending: Outcome?
    private var response: HTTPURLResponse?
    private var received = Data()
    private var finished = false

    init(maxResponseBytes: Int, timeout: TimeInterval) {
        self.maxResponseBytes = maxResponseBytes
        self.timeout = timeout
    }

    /// Stores the continuation and starts `task`; resumes at once if the exchange already ended (cancelled, timed out).
    func start(task: URLSessionDataTask, continuation: CheckedContinuation<Outcome, Never>) {
        let early: Outcome? = lock.withLock {
            if let pending { return pending }
            self.continuation = continuation
            self.task = task
            return nil
        }
        if let early {
            continuation.resume(returning: early)
        } else {
            task.resume()
        }
    }

    /// Ends the exchange with `outcome` unless it already ended, and cancels the transfer.
    func finish(_ outcome: Outcome) {
        let (waiting, task): (CheckedContinuation<Outcome, Never>?, URLSessionTask?) = lock.withLock {
            guard !finished else { return (nil, nil) }
            finished = true
            let waiting = continuation
            continuation = nil
            if waiting == nil { pending = outcome }
            return (waiting, self.task)
        }
        waiting?.resume(returning: outcome)
        task?.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full: WebhookHTTPResponse? = lock.withLock {
            let room = maxResponseBytes - received.count
            if data.count <= room {
                received.append(data)
                return nil
            }
            received.append(data.prefix(max(0, room)))
            guard let response else { return nil }
            return Exchange.answer(response, body: received, truncated: true)
        }
        if let full { finish(.success(full)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let outcome: Outcome = lock.withLock {
            if let error {
                return .failure(classify(error))
            }
            guard let response else { return .failure(.connectionFailed(why: "no HTTP response")) }
            return .success(Exchange.answer(response, body: received, truncated: false))
        }
        finish(outcome)
    }

    private func classify(_ error: any Error) -> WebhookTransportError {
        guard let urlError = error as? URLError else {
            return .connectionFailed(why: LogText.escaped(String(describing: error)))
        }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: timeout)
        case .cancelled: return .cancelled
        default:
            return .connectionFailed(why: "URLError \(urlError.code.rawValue): " + LogText.escaped(urlError.localizedDescription))
        }
    }

    private static func answer(_ response: HTTPURLResponse, body: Data, truncated: Bool) -> WebhookHTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return WebhookHTTPResponse(status: response.statusCode, headers: headers, body: body, truncated: truncated)
    }
}
