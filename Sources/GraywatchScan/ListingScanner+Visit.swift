import Foundation
import GraywatchCore
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchStore

/// What fetching and processing one URL once came to.
enum Visit: Sendable {
    /// The URL is done (a page, or a failure not worth retrying): store the record.
    case done(PageRecord, kind: PageCacheEntry.Kind?, failure: PageFailure?, status: Int?, bytes: Int, notModified: Bool)
    /// This attempt failed in a way worth retrying (429, 5xx, timeout, reset …).
    case attemptFailed(status: Int?, retryAfter: String?, error: FetchError?, bytes: Int)
}

extension ListingScanner {
    /// Stages 2–5 for one URL: a conditional fetch when the page was seen before, then parse, extract, enrich.
    func visit(_ job: CrawlJob, scope: Set<String>) async -> Visit {
        let cached = try? store.cachedPage(url: job.url)
        var headers: [String] = []
        if let etag = cached?.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = cached?.lastModified { headers.append("If-Modified-Since: \(lastModified)") }

        let page: FetchedPage
        do {
            page = try await fetcher.fetch(job.url, headers: headers) { target in
                ListingScanner.origin(target).map(scope.contains) ?? false
            }
        } catch {
            if error.isRetryable { return .attemptFailed(status: nil, retryAfter: nil, error: error, bytes: 0) }
            return failed(job, stage: "fetch", reason: error.reason, status: nil, bytes: 0)
        }
        let bytes = page.body.count
        if page.status == 304, let cached {
            let record = PageRecord(
                url: job.url, state: .done, outcome: "304 not modified", unchangedListingRef: cached.listingRef,
                discovered: cached.links.map { FrontierEntry(url: $0, depth: job.depth + 1) },
                observation: cached.kind == .item
                    ? ObservationInput(observedAt: page.fetchedAt, finalURL: page.finalURL, status: 304, headers: page.headers,
                                       body: Data())
                    : nil)
            return .done(record, kind: cached.kind, failure: nil, status: 304, bytes: bytes, notModified: true)
        }
        if page.status == 429 || (500..<600).contains(page.status) {
            return .attemptFailed(status: page.status, retryAfter: page.header("Retry-After"), error: nil, bytes: bytes)
        }
        guard page.isSuccess else {
            return failed(job, stage: "http", reason: "HTTP status \(page.status)", status: page.status, bytes: bytes)
        }
        if let type = page.mediaType, !type.isEmpty, !type.contains("html") {
            return failed(job, stage: "parse", reason: "not an HTML page (Content-Type \(type))", status: page.status, bytes: bytes)
        }
        return process(page, job: job)
    }

    /// Stages 3–5 on a 2xx HTML page.
    private func process(_ page: FetchedPage, job: CrawlJob) -> Visit {
        let status = page.status, bytes = page.body.count
        let document: HTMLDocument
        do {
            document = try HTMLDocument(html: page.text, url: page.finalURL)
        } catch {
            return failed(job, stage: "parse", reason: "\(error)", status: status, bytes: bytes)
        }
        let extracted: ExtractedPage
        do {
            extracted = try extractor.extract(document, url: page.finalURL, marketplace: configuration.marketplace)
        } catch {
            return failed(job, stage: "extract", reason: "\(error)", status: status, bytes: bytes)
        }
        let etag = page.header("ETag"), lastModified = page.header("Last-Modified")
        func cache(_ kind: PageCacheEntry.Kind, links: [String] = []) -> PageCacheEntry? {
            etag == nil && lastModified == nil
                ? nil : PageCacheEntry(url: job.url, etag: etag, lastModified: lastModified, kind: kind, links: links)
        }
        switch extracted {
        case .search(let results):
            let links = results.itemLinks + (results.nextPage.map { [$0] } ?? [])
            let record = PageRecord(
                url: job.url, state: .done, outcome: "\(status) search",
                discovered: links.map { FrontierEntry(url: $0, depth: job.depth + 1) }, cache: cache(.search, links: links))
            return .done(record, kind: .search, failure: nil, status: status, bytes: bytes, notModified: false)
        case .item(let raw):
            var observation = ObservationInput(observedAt: page.fetchedAt, finalURL: page.finalURL, status: page.status,
                                               headers: page.headers, body: page.body)
            do { try observation.prepareEvidence() } catch {
                return failed(job, stage: "store", reason: "evidence could not be compressed: \(error)", status: status, bytes: bytes)
            }
            let record = PageRecord(
                url: job.url, state: .done, outcome: "\(status) item", listing: enricher.enrich(raw), cache: cache(.item),
                observation: observation)
            return .done(record, kind: .item, failure: nil, status: status, bytes: bytes, notModified: false)
        case .other:
            let record = PageRecord(url: job.url, state: .done, outcome: "\(status) other", cache: cache(.other))
            return .done(record, kind: .other, failure: nil, status: status, bytes: bytes, notModified: false)
        }
    }

    func failed(_ job: CrawlJob, stage: String, reason: String, status: Int?, bytes: Int) -> Visit {
        let failure = PageFailure(url: job.url, stage: stage, reason: reason)
        return .done(PageRecord(url: job.url, state: .failed, outcome: "\(stage): \(reason)"), kind: nil,
                     failure: failure, status: status, bytes: bytes, notModified: false)
    }

    /// Fetches an origin's robots.txt (redirects followed, up to the fetch limit) and turns the answer into
    /// host state: 2xx parsed, 4xx allow all, 5xx or unreachable disallow all until a retry.
    func fetchRobots(_ origin: String, previousAttempts: Int) async -> HostState.RobotsState {
        let now = Date()
        let politeness = configuration.politeness
        let unavailable = HostState.RobotsState.unavailable(
            retryAt: now.addingTimeInterval(politeness.robotsRetryDelay), attempts: previousAttempts + 1)
        do {
            let page = try await fetcher.fetch(origin + "/robots.txt")
            if page.isSuccess {
                let robots = Robots(data: page.body, productToken: configuration.fetch.productToken)
                return .ready(robots, expires: now.addingTimeInterval(politeness.robotsExpiry))
            }
            if (400..<500).contains(page.status) {
                return .ready(.allowAll, expires: now.addingTimeInterval(politeness.robotsExpiry))
            }
            logger.warning("robots.txt at \(LogSafe.text(origin)) answered \(page.status): nothing fetched until it answers")
            return unavailable
        } catch {
            logger.warning("robots.txt at \(LogSafe.text(origin)) unreachable (\(error.reason)): nothing fetched until it answers")
            return unavailable
        }
    }
}
