import Foundation
import GraywatchFeeds
import Hummingbird
import Logging

/// A webhook receiver on 127.0.0.1 (port chosen by the kernel) that checks signatures and records what it got.
///
/// `POST /hook/<mode>` answers by mode: `ok` 200 when the signature verifies (else 401), `flaky` 500 twice then as
/// `ok`, `fail` always 500, `gone` 410, `busy` 429 with `Retry-After: 7`, `big` 200 with a 1 MiB body,
/// `slow` 200 after 2 s, `redirect` 302 to `/hook/ok`.
enum WebhookReceiver {
    static let secret = "whsec_receiver-test-secret"

    /// One request as the receiver saw it.
    struct Received: Sendable {
        var mode: String
        /// Header values by lowercased name.
        var headers: [String: String]
        var body: Data
        /// Whether `WebhookSignature.verify` accepted it with ``WebhookReceiver/secret``.
        var verified: Bool
    }

    /// What the receiver got, in order.
    actor Recorder {
        private(set) var requests: [Received] = []

        func add(_ request: Received) -> Int {
            requests.append(request)
            return requests.filter { $0.mode == request.mode }.count
        }
    }

    /// Runs `body` with the receiver's base URL ("http://127.0.0.1:PORT") and recorder, then stops the receiver.
    static func run<T: Sendable>(_ body: @Sendable (String, Recorder) async throws -> T) async throws -> T {
        let recorder = Recorder()
        let router = Router()
        router.post("hook/:mode") { request, context -> Response in
            let mode = context.parameters.get("mode") ?? "ok"
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let data = Data(buffer.readableBytesView)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let verified = WebhookSignature.isValid(body: data, timestamp: headers["x-graywatch-timestamp"] ?? "",
                                                    signature: headers["x-graywatch-signature"] ?? "", secret: secret)
            let seen = await recorder.add(Received(mode: mode, headers: headers, body: data, verified: verified))
            return try await answer(mode: mode, seen: seen, verified: verified)
        }
        var logger = Logger(label: "graywatch.feeds-tests.receiver")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "webhook-receiver"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw ReceiverError.didNotStart
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)", recorder)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    private static func answer(mode: String, seen: Int, verified: Bool) async throws -> Response {
        func plain(_ code: Int, _ text: String, headers: HTTPFields = [:]) -> Response {
            Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let checked = verified ? plain(200, "ok") : plain(401, "bad signature")
        switch mode {
        case "ok": return checked
        case "flaky": return seen <= 2 ? plain(500, "try later") : checked
        case "fail": return plain(500, "internal error\u{1B}[31m")
        case "gone": return plain(410, "hook removed")
        case "busy": return plain(429, "slow down", headers: [.retryAfter: "7"])
        case "big": return plain(200, String(repeating: "x", count: 1 << 20))
        case "slow":
            try await Task.sleep(nanoseconds: 2_000_000_000)
            return checked
        case "redirect": return plain(302, "moved", headers: [.location: "/hook/ok"])
        default: return plain(404, "no such mode")
        }
    }

    enum ReceiverError: Error { case didNotStart }
}
