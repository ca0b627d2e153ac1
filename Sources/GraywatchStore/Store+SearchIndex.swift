import Foundation

extension Store {
    /// Merges the full-text index of listings (SQLite FTS5) into one segment (`'optimize'`); nothing on PostgreSQL,
    /// whose GIN index needs no such step.
    ///
    /// FTS5 adds a segment per flush and merges them only a level at a time, so a store written page by page keeps
    /// dozens. The review queue's search looks each listing it walks up in that index (``textCondition``), and every
    /// look opens an iterator per segment and term: over 1,000,000 listings, 3 common words took 60 ms with the
    /// segments a load left and 19 ms after the merge (bench/queue-scale.sh). The merge rewrites the whole index,
    /// ~1.4 CPU s per million listings, so it runs once per finished scan run, not per page.
    public func optimizeSearchIndex() throws(StoreError) {
        guard dialect == .sqlite else { return }
        try write("merge the full-text index") { db in
            try db.execute(sql: "INSERT INTO listing_search (listing_search) VALUES ('optimize')", arguments: [])
        }
    }
}
