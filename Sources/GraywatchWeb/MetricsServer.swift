import Hummingbird
import Logging
import NIOCore

/// A plain HTTP listener for Prometheus: `GET /metrics` answers the text exposition format, `GET /healthz` "ok".
/// Separate from the review UI (no sign-in, no cookies), loopback by default, for `serve` and `daemon`.
public enum MetricsServer {
    /// Serves until the surrounding task is cancelled.
    public static func run(host: String, port: Int, logger: Logger, render: @escaping @Sendable () -> String,
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: render())))
        }
        router.get("/healthz") { _, _ in "ok\n" }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "graywatch-metrics"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.run()
    }
}
