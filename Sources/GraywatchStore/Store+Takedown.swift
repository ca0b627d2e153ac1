import Foundation
import GraywatchCore

/// A review item enforcement has acted on, to be checked again: is the listing still there?
public struct EnforcementItem: Sendable, Equatable {
    public var id: Int64
    public var status: ReviewStatus
    public var listingRef: Int64
    public var marketplace: String
    public var url: String
    /// When the takedown was requested (the audit log's last move to enforcement-requested).
    public var requestedAt: Date?
}

/// What a rescan saw of a URL it was asked to fetch.
public struct FrontierOutcome: Sendable, Equatable {
    public var state: FrontierState
    public var httpStatus: Int?
    public var listingRef: Int64?
    public var outcome: String?
}

extension Store {
    /// Items in enforcement-requested or still-live, optionally only those of some marketplaces.
    public func enforcementItems(marketplaces: [String]? = nil) throws(StoreError) -> [EnforcementItem] {
        try read("list items under enforcement") { db in
            var sql = """
                SELECT r.id, r.status, r.listing_ref, l.marketplace, l.url,
                    (SELECT MAX(a.at) FROM audit_log a WHERE a.review_ref = r.id AND a.action = 'status'
                        AND a.to_value = 'enforcement-requested') AS requested_at
                FROM review_item r JOIN listing l ON l.id = r.listing_ref
                WHERE r.status IN ('enforcement-requested', 'still-live')
                """
            var arguments: SQLArguments = []
            if let marketplaces {
                sql += " AND l.marketplace IN (\(marketplaces.isEmpty ? "NULL" : marketplaces.map { _ in "?" }.joined(separator: ",")))"
                arguments += SQLArguments(marketplaces)
            }
            return try SQLRow.fetchAll(db, sql: sql + " ORDER BY r.id", arguments: arguments).map { row in
                EnforcementItem(id: row["id"], status: ReviewStatus(rawValue: row["status"]) ?? .enforcementRequested,
                                listingRef: row["listing_ref"], marketplace: row["marketplace"], url: row["url"],
                                requestedAt: (row["requested_at"] as String?).flatMap { ISO8601DateFormatter.storeTimestamps.date(from: $0) })
            }
        }
    }

    /// How a run's fetch of `url` ended, if the run had it in its frontier.
    public func frontierOutcome(run: Int64, url: String) throws(StoreError) -> FrontierOutcome? {
        try read("frontier outcome of \(url)") { db in
            try SQLRow.fetchOne(db, sql: """
                SELECT state, http_status, listing_ref, outcome FROM frontier WHERE run_ref = ? AND url = ?
                """, arguments: [run, url]).map { row in
                FrontierOutcome(state: FrontierState(rawValue: row["state"]) ?? .pending, httpStatus: row["http_status"],
                                listingRef: row["listing_ref"], outcome: row["outcome"])
            }
        }
    }

    /// Removed items that `listingRef` relists: the same listing seen again after the removal, or another listing
    /// of the same marketplace and seller offering the same identifiers (part numbers, serials …) first seen after
    /// it — a sibling listing that was already up is no relisting.
    public func removedItemsRelisted(by listingRef: Int64) throws(StoreError) -> [Int64] {
        try read("find relisted items") { db in
            try Int64.fetchAll(db, sql: """
                SELECT r.id FROM review_item r JOIN listing old ON old.id = r.listing_ref, listing l,
                    (SELECT review_ref, MAX(at) AS removed_at FROM audit_log
                     WHERE action = 'status' AND to_value = 'removed' GROUP BY review_ref) m
                WHERE l.id = ? AND r.status = 'removed' AND m.review_ref = r.id
                    AND ((old.id = l.id AND l.last_seen > m.removed_at)
                        OR (old.id <> l.id AND l.first_seen > m.removed_at AND old.marketplace = l.marketplace
                            AND old.seller_name = l.seller_name AND old.identity_key = l.identity_key
                            AND l.identity_key IS NOT NULL))
                ORDER BY r.id
                """, arguments: [listingRef])
        }
    }
}

/// A review item opened during a run, for the new-item feed.
public struct OpenedItem: Sendable, Equatable {
    public var id: Int64
    public var score: Int
    public var categories: [String]
    public var marketplace: String
    public var listingID: String
    public var url: String
    public var title: String
}

extension Store {
    /// Review items of the run's listings opened since the run started.
    public func itemsOpened(run: Int64) throws(StoreError) -> [OpenedItem] {
        try read("items opened by run \(run)") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT r.id, r.score, r.categories, l.marketplace, l.listing_id, l.url, l.title
                FROM review_item r JOIN listing l ON l.id = r.listing_ref
                WHERE r.listing_ref IN (SELECT listing_ref FROM frontier WHERE run_ref = ? AND listing_ref IS NOT NULL)
                    AND r.opened_at >= (SELECT started_at FROM scan_run WHERE id = ?)
                ORDER BY r.id
                """, arguments: [run, run]).map { row in
                let categories: String = row["categories"]
                return OpenedItem(id: row["id"], score: row["score"], categories: categories.split(separator: ",").map(String.init),
                                  marketplace: row["marketplace"], listingID: row["listing_id"], url: row["url"], title: row["title"])
            }
        }
    }
}
