import Foundation
import GraywatchCore

/// One fetch of a listing's page, kept as evidence.
public struct ObservationInput: Sendable {
    public var observedAt: Date
    public var finalURL: String
    public var status: Int
    public var headers: [(name: String, value: String)]
    /// The raw body as received (after content decoding), before any charset conversion.
    public var body: Data
    /// The body's SHA-256 and compressed form, when computed ahead (``prepareEvidence()``); else at insert.
    public private(set) var evidence: (sha256: String, compressed: Data)?

    public init(observedAt: Date, finalURL: String, status: Int, headers: [(name: String, value: String)], body: Data) {
        self.observedAt = observedAt
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Hashes and compresses the body now — on the caller's thread, outside any store transaction — so that
    /// pages being parsed in parallel do this work in parallel too, and the writer only inserts bytes.
    public mutating func prepareEvidence() throws {
        evidence = (EvidenceCodec.sha256(body), try EvidenceCodec.compress(body))
    }
}

/// A stored observation, as `queue show` and the exports read it.
public struct StoredObservation: Sendable, Codable {
    public var id: Int64
    public var listingRef: Int64
    public var observedAt: String
    public var finalURL: String
    public var status: Int
    public var headers: [[String]]
    public var title: String?
    public var price: String?
    public var condition: String?
    public var quantity: Int?
    public var bodySHA256: String
    public var bodySize: Int
}

extension Store {
    /// Writes an observation row (inside a write transaction). Evidence rows are never changed afterwards.
    static func insertObservation(_ db: any SQLConnection, _ input: ObservationInput, listing: Listing, listingRef: Int64,
                                  run: Int64?) throws -> Int64 {
        let headers = String(decoding: try encoder.encode(input.headers.map { [$0.name, $0.value] }), as: UTF8.self)
        return try db.insert(sql: """
            INSERT INTO observation (listing_ref, run_ref, observed_at, final_url, status, headers_json, title, price_amount,
                price_currency, condition, quantity, body_sha256, body_size, body_gzip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                listingRef, run, timestamp(input.observedAt), input.finalURL, input.status, headers, listing.title,
                listing.price?.amountText, listing.price?.currency, listing.condition.rawValue, listing.quantityAvailable,
                input.evidence?.sha256 ?? EvidenceCodec.sha256(input.body), input.body.count,
                try input.evidence?.compressed ?? EvidenceCodec.compress(input.body),
            ])
    }

    /// A listing's observations, oldest first.
    public func observations(listingRef: Int64) throws(StoreError) -> [StoredObservation] {
        try read("observations of listing \(listingRef)") { db in
            try SQLRow.fetchAll(db, sql: "SELECT * FROM observation WHERE listing_ref = ? ORDER BY id", arguments: [listingRef])
                .map(Store.observation)
        }
    }

    /// The raw body of an observation, decompressed.
    public func observationBody(_ id: Int64) throws(StoreError) -> Data? {
        try read("body of observation \(id)") { db in
            try Data.fetchOne(db, sql: "SELECT body_gzip FROM observation WHERE id = ?", arguments: [id])
                .map { try EvidenceCodec.decompress($0) }
        }
    }

    /// Recomputes every observation's SHA-256 from its stored body; returns the ids whose hash no longer matches.
    public func verifyEvidence() throws(StoreError) -> (checked: Int, mismatches: [Int64]) {
        try read("verify evidence") { db in
            var checked = 0
            var mismatches: [Int64] = []
            var last: Int64 = 0
            // Pages of 64 bodies, so memory stays bounded however many observations there are.
            while true {
                let rows = try SQLRow.fetchAll(db, sql: """
                    SELECT id, body_sha256, body_gzip FROM observation WHERE id > ? ORDER BY id LIMIT 64
                    """, arguments: [last])
                guard let final = rows.last else { break }
                for row in rows {
                    checked += 1
                    let stored: String = row["body_sha256"]
                    let body = (try? EvidenceCodec.decompress(row["body_gzip"])) ?? Data()
                    if EvidenceCodec.sha256(body) != stored { mismatches.append(row["id"]) }
                }
                last = final["id"]
            }
            return (checked, mismatches)
        }
    }

    static func observation(_ row: SQLRow) -> StoredObservation {
        let amount: String? = row["price_amount"]
        let currency: String? = row["price_currency"]
        let headers: String = row["headers_json"]
        return StoredObservation(
            id: row["id"], listingRef: row["listing_ref"], observedAt: row["observed_at"], finalURL: row["final_url"],
            status: row["status"], headers: (try? decoder.decode([[String]].self, from: Data(headers.utf8))) ?? [],
            title: row["title"], price: amount.map { "\(currency ?? "") \($0)" }, condition: row["condition"],
            quantity: row["quantity"], bodySHA256: row["body_sha256"], bodySize: row["body_size"])
    }
}
