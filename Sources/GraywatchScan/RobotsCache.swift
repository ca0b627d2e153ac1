import Foundation
import GraywatchExtract
import GraywatchFetch
import Logging

/// robots.txt per scheme+host+port, fetched once per scan: 2xx parsed, 4xx allows everything,
/// 5xx or unreachable disallows everything (RFC 9309 §2.3.1).
struct RobotsCache {
    let fetcher: Fetcher
    let logger: Logger
    private var cache: [String: Robots] = [:]

    init(fetcher: Fetcher, logger: Logger) {
        self.fetcher = fetcher
        self.logger = logger
    }

    mutating func allows(_ url: String) async -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return false }
        let origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
        let robots: Robots
        if let cached = cache[origin] {
            robots = cached
        } else {
            robots = await fetchRobots(origin)
            cache[origin] = robots
        }
        let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return robots.allows(path)
    }

    private func fetchRobots(_ origin: String) async -> Robots {
        let result: Result<FetchedPage, FetchError>
        do {
            result = .success(try await fetcher.fetch(origin + "/robots.txt"))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let page) where page.isSuccess:
            return Robots(text: String(decoding: page.body.prefix(500 * 1024), as: UTF8.self),
                          productToken: fetcher.options.productToken)
        case .success(let page) where (400..<500).contains(page.status):
            return .allowAll
        case .success(let page):
            logger.warning("robots.txt at \(origin) answered \(page.status): not crawling this host")
            return .disallowAll
        case .failure(let error):
            logger.warning("robots.txt at \(origin) unreachable (\(error.reason)): not crawling this host")
            return .disallowAll
        }
    }
}
