import Foundation
import GRDB

extension Store {
    /// Merges the full-text index of listings (SQLite FTS5) into one segment (`'optimize'`) and snapshots its
    /// vocabulary; nothing on PostgreSQL, whose GIN index needs neither.
    ///
    /// FTS5 adds a segment per flush and merges them only a level at a time, so a store written page by page keeps
    /// dozens. The review queue's search looks each listing it walks up in that index (``textCondition``), and every
    /// look opens an iterator per segment and term: over 1,000,000 listings, 3 common words took 60 ms with the
    /// segments a load left and 19 ms after the merge (bench/queue-scale.sh). The merge rewrites the whole index,
    /// ~1.4 CPU s per million listings, so it runs once per finished scan run, not per page.
    ///
    /// The snapshot (`search_vocabulary`: each term and how many listings hold it) is what the search plans from:
    /// FTS5's own vocabulary table counts a term by reading its whole posting list (50 ms for a word in 850,000
    /// listings), which made counting dearer than searching. It is used only while the index is exactly as it was
    /// when the snapshot was taken (FTS5's structure record, which every write to the index changes, is kept with it).
    public func optimizeSearchIndex() throws(StoreError) {
        guard dialect == .sqlite else { return }
        try write("merge the full-text index") { db in
            try db.execute(sql: "INSERT INTO listing_search (listing_search) VALUES ('optimize')", arguments: [])
            try db.execute(sql: "DELETE FROM search_vocabulary", arguments: [])
            try db.execute(sql: "INSERT INTO search_vocabulary (term, doc) SELECT term, doc FROM listing_search_terms",
                           arguments: [])
            try db.execute(sql: """
                INSERT INTO search_vocabulary_state (id, structure)
                    VALUES (1, (SELECT block FROM listing_search_data WHERE id = \(Store.ftsStructureRow)))
                ON CONFLICT (id) DO UPDATE SET structure = excluded.structure
                """, arguments: [])
        }
    }

    /// The row of FTS5's `%_data` table holding the index structure (FTS5_STRUCTURE_ROWID in fts5_index.c).
    static let ftsStructureRow = 10

    /// How many listings hold a term `word` prefixes (summed over the terms: an upper bound of the listings), and
    /// the terms themselves when there are at most `limit`: from the snapshot when it is current, else from FTS5's
    /// vocabulary table (exact, but it reads every posting of each term). Counted in SQL, so a prefix of thousands
    /// of terms (the start of many listing ids) costs no row per term.
    static func prefixTerms(_ db: any SQLConnection, _ word: String, limit: Int = 16) throws -> (terms: [String]?, listings: Int) {
        // From `word` up to `word` with its last character incremented.
        let end = String(word.dropLast()) + String(UnicodeScalar(word.unicodeScalars.last!.value + 1)!)
        let source = try vocabularyIsCurrent(db) ? "search_vocabulary" : "listing_search_terms"
        let rows = try SQLRow.fetchAll(db, sql: "SELECT term, doc FROM \(source) WHERE term >= ? AND term < ? LIMIT \(limit + 1)",
                                       arguments: [word, end])
        guard rows.count > limit else { return (rows.map { $0["term"] as String }, rows.reduce(0) { $0 + ($1["doc"] as Int) }) }
        let total = try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(doc), 0) FROM \(source) WHERE term >= ? AND term < ?",
                                     arguments: [word, end]) ?? 0
        return (nil, total)
    }

    /// Whether `search_vocabulary` describes the index as it is now.
    static func vocabularyIsCurrent(_ db: any SQLConnection) throws -> Bool {
        try Int.fetchOne(db, sql: """
            SELECT 1 FROM search_vocabulary_state s
            WHERE s.id = 1 AND s.structure = (SELECT block FROM listing_search_data WHERE id = \(Store.ftsStructureRow))
            """) == 1
    }

    static func registerSearchVocabulary(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-07 search vocabulary snapshot") { db in
            try db.execute(sql: """
                CREATE TABLE search_vocabulary (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE search_vocabulary_state (id INTEGER PRIMARY KEY CHECK (id = 1), structure BLOB);
                """)
        }
    }
}
