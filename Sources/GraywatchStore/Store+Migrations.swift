import GRDB

extension Store {
    /// Applies the pending migrations to an SQLite store, also when other processes open the same file at the same
    /// moment. GRDB reads which migrations are applied before running each one in its own transaction, so of two
    /// processes migrating one file together, one fails ("table listing already exists", a duplicate column or
    /// migration identifier); its transaction rolls back, and the other process's migration is applied. So after a
    /// failure, while more migrations are applied than after the previous one, start again from what is applied now;
    /// a failure with no progress is a real one and is thrown.
    static func migrateSQLite(_ database: DatabaseQueue) throws {
        let migrator = Store.migrator
        var applied = -1
        while true {
            do {
                try migrator.migrate(database)
                return
            } catch {
                guard let now = try? database.read({ try migrator.appliedIdentifiers($0).count }), now > applied else { throw error }
                applied = now
            }
        }
    }

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
        migrator.registerMigration("2026-11-26 observations, audit log, notes, users") { db in
            try db.execute(sql: """
                CREATE TABLE observation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    listing_ref INTEGER NOT NULL REFERENCES listing(id),
                    run_ref INTEGER REFERENCES scan_run(id),
                    observed_at TEXT NOT NULL,
                    final_url TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    headers_json TEXT NOT NULL,
                    title TEXT,
                    price_amount TEXT,
                    price_currency TEXT,
                    condition TEXT,
                    quantity INTEGER,
                    body_sha256 TEXT NOT NULL,
                    body_size INTEGER NOT NULL,
                    body_gzip BLOB NOT NULL
                );
                CREATE INDEX observation_listing ON observation (listing_ref, id);
                CREATE TRIGGER observation_is_evidence_update BEFORE UPDATE ON observation
                    BEGIN SELECT RAISE(ABORT, 'observations are evidence and cannot be changed'); END;
                CREATE TRIGGER observation_is_evidence_delete BEFORE DELETE ON observation
                    BEGIN SELECT RAISE(ABORT, 'observations are evidence and cannot be deleted'); END;
                ALTER TABLE finding ADD COLUMN observation_ref INTEGER REFERENCES observation(id);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    review_ref INTEGER NOT NULL REFERENCES review_item(id),
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    from_value TEXT,
                    to_value TEXT,
                    reason TEXT,
                    at TEXT NOT NULL
                );
                CREATE INDEX audit_log_review ON audit_log (review_ref, id);
                CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    review_ref INTEGER NOT NULL REFERENCES review_item(id),
                    author TEXT NOT NULL,
                    text TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    password_hash TEXT,
                    created_at TEXT NOT NULL
                );
                ALTER TABLE review_item ADD COLUMN assignee TEXT;
                ALTER TABLE review_item ADD COLUMN confirmed_category TEXT;
                ALTER TABLE review_item ADD COLUMN dismissed_rules TEXT;
                ALTER TABLE review_item ADD COLUMN dismissed_price TEXT;
                CREATE INDEX review_item_assignee ON review_item (assignee);
                """)
        }
        migrator.registerMigration("2026-11-26 marketplaces and sellers") { db in
            try db.execute(sql: """
                CREATE TABLE marketplace (
                    name TEXT PRIMARY KEY,
                    first_seen TEXT NOT NULL
                );
                CREATE TABLE seller (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    marketplace TEXT NOT NULL REFERENCES marketplace(name),
                    name TEXT NOT NULL,
                    feedback_score INTEGER,
                    feedback_percent REAL,
                    location TEXT,
                    member_since TEXT,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    UNIQUE (marketplace, name)
                );
                INSERT OR IGNORE INTO marketplace (name, first_seen) SELECT marketplace, MIN(first_seen) FROM listing GROUP BY marketplace;
                INSERT OR IGNORE INTO seller (marketplace, name, feedback_score, location, first_seen, last_seen)
                    SELECT marketplace, seller_name, MAX(seller_feedback), MAX(seller_location), MIN(first_seen), MAX(last_seen)
                    FROM listing WHERE seller_name IS NOT NULL GROUP BY marketplace, seller_name;
                """)
        }
        migrator.registerMigration("2026-11-26 findings kept per observation") { db in
            try db.execute(sql: """
                CREATE TABLE finding_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    listing_ref INTEGER NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                    observation_ref INTEGER REFERENCES observation(id),
                    rule_id TEXT NOT NULL,
                    category TEXT NOT NULL,
                    weight INTEGER NOT NULL,
                    evidence_json TEXT NOT NULL,
                    found_at TEXT NOT NULL
                );
                INSERT INTO finding_new (id, listing_ref, observation_ref, rule_id, category, weight, evidence_json, found_at)
                    SELECT id, listing_ref, observation_ref, rule_id, category, weight, evidence_json, found_at FROM finding;
                DROP TABLE finding;
                ALTER TABLE finding_new RENAME TO finding;
                CREATE UNIQUE INDEX finding_per_observation ON finding (listing_ref, IFNULL(observation_ref, 0), rule_id);
                """)
        }
        registerQueueAtScale(&migrator)
        registerWebAccess(&migrator)
        registerShared(&migrator)
        registerSearchVocabulary(&migrator)
        return migrator
    }
}
