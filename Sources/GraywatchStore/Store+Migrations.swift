import GRDB

extension Store {
    /// The schema, as named migrations. A migration is never edited once it has landed: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-26 listings, findings, review items") { db in
            try db.execute(sql: """
                CREATE TABLE listing (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    marketplace TEXT NOT NULL,
                    listing_id TEXT NOT NULL,
                    url TEXT NOT NULL,
                    title TEXT NOT NULL,
                    price_amount TEXT,
                    price_currency TEXT,
                    condition_raw TEXT,
                    condition TEXT NOT NULL,
                    quantity INTEGER,
                    seller_name TEXT,
                    seller_feedback INTEGER,
                    seller_location TEXT,
                    primary_sku TEXT,
                    listing_json TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    UNIQUE (marketplace, listing_id)
                );
                CREATE INDEX listing_sku_condition ON listing (primary_sku, condition, price_currency);
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    listing_ref INTEGER NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                    rule_id TEXT NOT NULL,
                    category TEXT NOT NULL,
                    weight INTEGER NOT NULL,
                    evidence_json TEXT NOT NULL,
                    found_at TEXT NOT NULL,
                    UNIQUE (listing_ref, rule_id)
                );
                CREATE TABLE review_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    listing_ref INTEGER NOT NULL UNIQUE REFERENCES listing(id) ON DELETE CASCADE,
                    score INTEGER NOT NULL,
                    categories TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'new',
                    opened_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX review_item_status_score ON review_item (status, score DESC);
                """)
        }
        migrator.registerMigration("2026-11-26 scan runs, persistent frontier, page cache") { db in
            try db.execute(sql: """
                CREATE TABLE scan_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL,
                    configuration_json TEXT NOT NULL,
                    stats_json TEXT
                );
                CREATE TABLE frontier (
                    run_ref INTEGER NOT NULL REFERENCES scan_run(id) ON DELETE CASCADE,
                    url TEXT NOT NULL,
                    depth INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    listing_ref INTEGER REFERENCES listing(id) ON DELETE SET NULL,
                    outcome TEXT,
                    discovered_at TEXT NOT NULL,
                    done_at TEXT,
                    PRIMARY KEY (run_ref, url)
                );
                CREATE INDEX frontier_state ON frontier (run_ref, state);
                CREATE TABLE page_cache (
                    url TEXT PRIMARY KEY,
                    etag TEXT,
                    last_modified TEXT,
                    kind TEXT NOT NULL,
                    links_json TEXT,
                    listing_ref INTEGER REFERENCES listing(id) ON DELETE SET NULL,
                    fetched_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("2026-11-26 serial numbers seen per listing") { db in
            try db.execute(sql: """
                CREATE TABLE listing_serial (
                    listing_ref INTEGER NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                    serial TEXT NOT NULL,
                    PRIMARY KEY (listing_ref, serial)
                );
                CREATE INDEX listing_serial_serial ON listing_serial (serial);
                """)
        }
        return migrator
    }
}
