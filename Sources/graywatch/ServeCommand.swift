import ArgumentParser
import Foundation
import GraywatchScan
import GraywatchStore
import GraywatchWeb
import Logging

/// `graywatch serve`: the analysts' review UI and JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the review UI and its JSON API (Hummingbird); loopback only unless --bind says otherwise.",
        discussion: """
            Examples:
              graywatch user add alice --role admin        (asks for a password)
              graywatch serve --db graywatch.sqlite --bind 127.0.0.1:8080
            Behind a TLS-terminating proxy, pass --secure-cookies so cookies are marked Secure and HSTS is sent.
            SIGTERM or Ctrl-C stops the server gracefully.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Address and port to listen on (HOST:PORT, [IPv6]:PORT; port 0 picks a free one).")
    var bind: String = "127.0.0.1:8080"
    @Flag(help: "Mark cookies Secure and send HSTS (set when users reach the UI over HTTPS).")
    var secureCookies = false
    @Option(help: "Hours a sign-in lasts.") var sessionHours: Double = 12
    @Option(help: "Also serve Prometheus /metrics (queue sizes, last run per profile) on HOST:PORT, e.g. 127.0.0.1:9464.")
    var metricsBind: String?
    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard ServeCommand.parse(bind) != nil else { throw ValidationError("--bind needs HOST:PORT, e.g. 127.0.0.1:8080") }
        if let metricsBind, ServeCommand.parse(metricsBind) == nil { throw ValidationError("--metrics-bind needs HOST:PORT") }
        guard sessionHours > 0, sessionHours <= 24 * 30 else { throw ValidationError("--session-hours must be within 0 and 720") }
    }

    /// Host and port of `HOST:PORT` or `[V6]:PORT`.
    static func parse(_ bind: String) -> (host: String, port: Int)? {
        guard let colon = bind.lastIndex(of: ":"), let port = Int(bind[bind.index(after: colon)...]), (0...65535).contains(port)
        else { return nil }
        var host = String(bind[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        let (host, port) = ServeCommand.parse(bind)!
        let database = try store.open()
        let (ruleSet, catalog) = try rules.load()
        let infos = Dictionary(ruleSet.rules.map { ($0.id, WebApp.RuleInfo(title: $0.title, description: $0.description,
                                                                            enforcement: $0.enforcement)) },
                               uniquingKeysWith: { first, _ in first })
        let app = WebApp(store: database, rules: infos, listPrice: { sku in
            catalog.entry(matching: sku).flatMap { entry in entry.listPriceUSD.map { (entry.partNumber, $0) } }
        }, secureCookies: secureCookies, sessionLifetime: sessionHours * 3600)
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            FileHandle.standardError.write(Data("warning: serving on \(host), beyond this machine; put TLS in front and pass --secure-cookies\n".utf8))
        }
        if try wrap({ try database.users() }).isEmpty {
            FileHandle.standardError.write(Data("warning: no users yet: add one with `graywatch user add NAME --role admin --db \(store.db)`\n".utf8))
        }
        var logger = Logger(label: "graywatch.serve")
        logger.logLevel = Logger.Level(rawValue: rules.logLevel) ?? .error
        let serveLogger = logger
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let (metricsHost, metricsPort) = metricsBind.flatMap(ServeCommand.parse) {
                group.addTask {
                    try await MetricsServer.run(host: metricsHost, port: metricsPort, logger: serveLogger,
                                                render: { StoreMetrics.render(from: database) }) { bound in
                        FileHandle.standardOutput.write(Data("graywatch metrics on http://\(metricsHost):\(bound)/metrics\n".utf8))
                    }
                }
            }
            try await app.serve(host: host, port: port, logger: serveLogger) { bound in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("graywatch review UI on http://\(shown):\(bound)/ (Ctrl-C to stop)\n".utf8))
            }
            group.cancelAll()
        }
    }
}
