import Hummingbird
import Logging
import ServiceLifecycle

/// Runs a Hummingbird router on an ephemeral 127.0.0.1 port for the length of one closure.
public enum LoopbackServer {
    /// The server's own log: warnings and worse only, so the demo's output stays the scan's.
    public static var quietLogger: Logger {
        var logger = Logger(label: "graywatch.sample-site")
        logger.logLevel = .warning
        return logger
    }

    /// Starts `router` on 127.0.0.1 (port chosen by the kernel), runs `body` with the base URL
    /// ("http://127.0.0.1:PORT"), then shuts the server down, also when `body` throws.
    @discardableResult
    public static func run<Result: Sendable>(
        router: Router<BasicRequestContext>,
        logger: Logger = LoopbackServer.quietLogger,
        _ body: @Sendable (String) async throws -> Result
    ) async throws -> Result {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "tradewell-sample"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await services.triggerGracefulShutdown()
                throw SampleSiteError.serverDidNotStart
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }
}

/// Errors of the sample site.
public enum SampleSiteError: Error, CustomStringConvertible {
    case serverDidNotStart
    case rootNotFound(String)

    public var description: String {
        switch self {
        case .serverDidNotStart: return "the loopback server did not start"
        case .rootNotFound(let path): return "sample marketplace folder not found: \(path)"
        }
    }
}
