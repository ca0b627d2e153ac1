import Foundation
import GraywatchCore

extension Store {
    /// Opens a scan run and puts its start URLs in its frontier.
    public func beginRun(configurationJSON: String, start: [FrontierEntry], at date: Date = Date()) throws(StoreError) -> Int64 {
        try write("begin a scan run") { db in
            let run = try db.insert(sql: "INSERT INTO scan_run (started_at, status, configuration_json) VALUES (?, 'running', ?)",
                                    arguments: [Store.timestamp(date), configurationJSON])
            try Store.insertFrontier(db, run: run, entries: start, at: date)
            return run
        }
    }

    /// The most recent run that did not finish (killed, crashed), with its stored configuration.
    public func unfinishedRun() throws(StoreError) -> (id: Int64, configurationJSON: String)? {
        try read("find an unfinished scan run") { db in
            try SQLRow.fetchOne(db, sql: "SELECT id, configuration_json FROM scan_run WHERE status = 'running' ORDER BY id DESC LIMIT 1")
                .map { (id: $0["id"], configurationJSON: $0["configuration_json"]) }
        }
    }

    /// The run's pending URLs in discovery order, and every URL it has seen (for dedup).
    public func frontier(run: Int64) throws(StoreError) -> (pending: [FrontierEntry], seen: Set<String>) {
        try read("load the frontier of run \(run)") { db in
            let rows = try SQLRow.fetchAll(db, sql: "SELECT url, depth, attempts, state FROM frontier WHERE run_ref = ? ORDER BY rowid",
                                        arguments: [run])
            let pending = rows.filter { ($0["state"] as String) == FrontierState.pending.rawValue }
                .map { FrontierEntry(url: $0["url"], depth: $0["depth"], attempts: $0["attempts"]) }
            return (pending, Set(rows.map { $0["url"] as String }))
        }
    }

    /// Saves everything one page produced — listing, frontier state, discovered URLs, cache — atomically, so a
    /// scan killed at any moment either has the whole page or must fetch it again.
    @discardableResult
    public func record(_ page: PageRecord, run: Int64, at date: Date = Date()) throws(StoreError) -> Int64? {
        let json = page.listing.map { String(decoding: (try? Store.encoder.encode($0)) ?? Data("{}".utf8), as: UTF8.self) }
        return try write("record page \(page.url)") { db in
            var listingRef = page.unchangedListingRef
            if let listing = page.listing, let json {
                let ref = try Store.upsertListing(db, listing, json: json, now: Store.timestamp(date))
                listingRef = ref
                if let observation = page.observation {
                    _ = try Store.insertObservation(db, observation, listing: listing, listingRef: ref, run: run)
                }
            } else if let ref = page.unchangedListingRef, let observation = page.observation,
                let json = try String.fetchOne(db, sql: "SELECT listing_json FROM listing WHERE id = ?", arguments: [ref]),
                let listing = try? Store.decoder.decode(Listing.self, from: Data(json.utf8))
            {
                // A 304 is a fetch too: it proves the listing was still there, unchanged, at that time.
                _ = try Store.insertObservation(db, observation, listing: listing, listingRef: ref, run: run)
                try db.execute(sql: "UPDATE listing SET last_seen = ? WHERE id = ?", arguments: [Store.timestamp(date), ref])
            }
            try db.execute(sql: """
                UPDATE frontier SET state = ?, outcome = ?, listing_ref = ?, done_at = ?, http_status = ?,
                    lease_expires_at = NULL WHERE run_ref = ? AND url = ?
                """, arguments: [page.state.rawValue, page.outcome, listingRef, Store.timestamp(date), page.status, run, page.url])
            try Store.insertFrontier(db, run: run, entries: page.discovered, at: date)
            if let stats = page.runStatsJSON {
                try db.execute(sql: "UPDATE scan_run SET stats_json = ? WHERE id = ?", arguments: [stats, run])
            }
            if var cache = page.cache {
                if cache.kind == .item { cache.listingRef = listingRef }
                try db.execute(sql: """
                    INSERT INTO page_cache (url, etag, last_modified, kind, links_json, listing_ref, fetched_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                        kind = excluded.kind, links_json = excluded.links_json, listing_ref = excluded.listing_ref,
                        fetched_at = excluded.fetched_at
                    """, arguments: [cache.url, cache.etag, cache.lastModified, cache.kind.rawValue,
                                     String(decoding: try Store.encoder.encode(cache.links), as: UTF8.self),
                                     cache.listingRef, Store.timestamp(date)])
            }
            return listingRef
        }
    }

    /// Counts another attempt at a URL (a retry is coming).
    public func recordAttempt(run: Int64, url: String, attempts: Int) throws(StoreError) {
        try write("count an attempt at \(url)") { db in
            try db.execute(sql: "UPDATE frontier SET attempts = ? WHERE run_ref = ? AND url = ?", arguments: [attempts, run, url])
        }
    }

    /// What the last fetch of `url` (by any run) left for a conditional request.
    public func cachedPage(url: String) throws(StoreError) -> PageCacheEntry? {
        try read("read the page cache") { db in
            try SQLRow.fetchOne(db, sql: "SELECT * FROM page_cache WHERE url = ?", arguments: [url]).map { row in
                let links: String? = row["links_json"]
                return PageCacheEntry(
                    url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
                    kind: PageCacheEntry.Kind(rawValue: row["kind"]) ?? .other,
                    links: links.flatMap { try? Store.decoder.decode([String].self, from: Data($0.utf8)) } ?? [],
                    listingRef: row["listing_ref"])
            }
        }
    }

    /// The listings item pages of this run yielded.
    public func listingRefs(run: Int64) throws(StoreError) -> [Int64] {
        try read("listings of run \(run)") { db in
            try Int64.fetchAll(db, sql: """
                SELECT listing_ref FROM frontier WHERE run_ref = ? AND listing_ref IS NOT NULL
                GROUP BY listing_ref ORDER BY MIN(rowid)
                """, arguments: [run])
        }
    }

    /// Closes a run with its statistics.
    public func finishRun(_ run: Int64, statsJSON: String, at date: Date = Date()) throws(StoreError) {
        try write("finish scan run \(run)") { db in
            try db.execute(sql: "UPDATE scan_run SET status = 'finished', finished_at = ?, stats_json = ? WHERE id = ?",
                           arguments: [Store.timestamp(date), statsJSON, run])
        }
    }

    /// The frontier state of every URL of a run (for reports and tests).
    public func frontierStates(run: Int64) throws(StoreError) -> [String: FrontierState] {
        try read("frontier states of run \(run)") { db in
            Dictionary(uniqueKeysWithValues: try SQLRow.fetchAll(db, sql: "SELECT url, state FROM frontier WHERE run_ref = ?",
                                                              arguments: [run])
                .map { ($0["url"] as String, FrontierState(rawValue: $0["state"]) ?? .pending) })
        }
    }

    static func insertFrontier(_ db: any SQLConnection, run: Int64, entries: [FrontierEntry], at date: Date) throws {
        let now = Store.timestamp(date)
        for entry in entries {
            try db.execute(sql: """
                INSERT OR IGNORE INTO frontier (run_ref, url, depth, attempts, discovered_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [run, entry.url, entry.depth, entry.attempts, now])
        }
    }
}

extension Store {
    /// The statistics a run kept (JSON): final once it finished, those of the pages stored so far while it runs
    /// (nil before its first page, and for runs of worker processes until one closes it).
    public func runStats(_ run: Int64) throws(StoreError) -> String? {
        try read("statistics of run \(run)") { db in
            try String.fetchOne(db, sql: "SELECT stats_json FROM scan_run WHERE id = ?", arguments: [run])
        }
    }
}
