import Foundation

extension Store {
    /// The PostgreSQL schema, as named migrations (each a list of statements). Tables, columns, indexes and
    /// triggers mirror the SQLite migrations' end state, in PostgreSQL's spelling; full-text search is a generated
    /// `tsvector` over the same columns, split into words as SQLite's FTS5 does. Frozen once shipped: add new ones.
    static let postgresMigrations: [(name: String, statements: [String])] = [
        ("2026-12-03 postgres: listings, review, evidence, users", postgresBaseSchema),
        ("2026-12-03 postgres: queue counts and search", postgresQueueTriggers),
    ]

    /// Applies what has not been applied yet, each migration in its own transaction, under an advisory lock so
    /// workers starting together do not race.
    static func migratePostgres(_ postgres: PostgresBackend) throws {
        try postgres.run(transaction: true) { db in
            try db.execute(sql: "SELECT pg_advisory_xact_lock(7010426)")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            let applied = Set(try String.fetchAll(db, sql: "SELECT name FROM schema_migration"))
            for migration in postgresMigrations + sharedMigrations.map({ ($0.name, $0.postgres) })
            where !applied.contains(migration.name) {
                for statement in migration.statements { try db.execute(sql: statement) }
                try db.execute(sql: "INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)",
                               arguments: [migration.name, Store.timestamp(Date())])
            }
        }
    }

    static let postgresSKUFamily = """
        CASE WHEN strpos(l.primary_sku, '-') > 1 THEN substr(l.primary_sku, 1, strpos(l.primary_sku, '-') - 1)
        ELSE l.primary_sku END
        """
    static let postgresPrice = """
        CASE WHEN l.price_amount ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN l.price_amount::double precision END
        """

    static let postgresBaseSchema: [String] = [
        """
        CREATE TABLE listing (
            id BIGSERIAL PRIMARY KEY, marketplace TEXT NOT NULL, listing_id TEXT NOT NULL, url TEXT NOT NULL,
            title TEXT NOT NULL, price_amount TEXT, price_currency TEXT, condition_raw TEXT, condition TEXT NOT NULL,
            quantity BIGINT, seller_name TEXT, seller_feedback BIGINT, seller_location TEXT, primary_sku TEXT,
            listing_json TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
            search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, regexp_replace(
                coalesce(title, '') || ' ' || coalesce(seller_name, '') || ' ' || coalesce(primary_sku, '') || ' '
                || listing_id, '[^[:alnum:]]+', ' ', 'g'))) STORED,
            UNIQUE (marketplace, listing_id))
        """,
        "CREATE INDEX listing_sku_condition ON listing (primary_sku, condition, price_currency)",
        "CREATE INDEX listing_search ON listing USING gin (search_vector)",
        """
        CREATE TABLE scan_run (id BIGSERIAL PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
            status TEXT NOT NULL, configuration_json TEXT NOT NULL, stats_json TEXT)
        """,
        """
        CREATE TABLE frontier (
            run_ref BIGINT NOT NULL REFERENCES scan_run(id) ON DELETE CASCADE, url TEXT NOT NULL,
            depth BIGINT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', attempts BIGINT NOT NULL DEFAULT 0,
            listing_ref BIGINT REFERENCES listing(id) ON DELETE SET NULL, outcome TEXT, discovered_at TEXT NOT NULL,
            done_at TEXT, rowid BIGSERIAL, PRIMARY KEY (run_ref, url))
        """,
        "CREATE INDEX frontier_state ON frontier (run_ref, state)",
        """
        CREATE TABLE page_cache (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, kind TEXT NOT NULL,
            links_json TEXT, listing_ref BIGINT REFERENCES listing(id) ON DELETE SET NULL, fetched_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE listing_serial (listing_ref BIGINT NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
            serial TEXT NOT NULL, PRIMARY KEY (listing_ref, serial))
        """,
        "CREATE INDEX listing_serial_serial ON listing_serial (serial)",
        """
        CREATE TABLE observation (
            id BIGSERIAL PRIMARY KEY, listing_ref BIGINT NOT NULL REFERENCES listing(id),
            run_ref BIGINT REFERENCES scan_run(id), observed_at TEXT NOT NULL, final_url TEXT NOT NULL,
            status BIGINT NOT NULL, headers_json TEXT NOT NULL, title TEXT, price_amount TEXT, price_currency TEXT,
            condition TEXT, quantity BIGINT, body_sha256 TEXT NOT NULL, body_size BIGINT NOT NULL, body_gzip BYTEA NOT NULL)
        """,
        "CREATE INDEX observation_listing ON observation (listing_ref, id)",
        """
        CREATE TABLE finding (
            id BIGSERIAL PRIMARY KEY, listing_ref BIGINT NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
            observation_ref BIGINT REFERENCES observation(id), rule_id TEXT NOT NULL, category TEXT NOT NULL,
            weight BIGINT NOT NULL, evidence_json TEXT NOT NULL, found_at TEXT NOT NULL)
        """,
        "CREATE UNIQUE INDEX finding_per_observation ON finding (listing_ref, COALESCE(observation_ref, 0), rule_id)",
        """
        CREATE TABLE review_item (
            id BIGSERIAL PRIMARY KEY, listing_ref BIGINT NOT NULL UNIQUE REFERENCES listing(id) ON DELETE CASCADE,
            score BIGINT NOT NULL, categories TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'new',
            opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, assignee TEXT, confirmed_category TEXT,
            dismissed_rules TEXT, dismissed_price TEXT, marketplace TEXT, seller TEXT, sku TEXT, sku_family TEXT,
            price_value DOUBLE PRECISION)
        """,
        "CREATE INDEX review_item_status_score ON review_item (status, score DESC)",
        "CREATE INDEX review_item_assignee ON review_item (assignee)",
        """
        CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, review_ref BIGINT NOT NULL REFERENCES review_item(id),
            actor TEXT NOT NULL, action TEXT NOT NULL, from_value TEXT, to_value TEXT, reason TEXT, at TEXT NOT NULL)
        """,
        "CREATE INDEX audit_log_review ON audit_log (review_ref, id)",
        """
        CREATE TABLE note (id BIGSERIAL PRIMARY KEY, review_ref BIGINT NOT NULL REFERENCES review_item(id),
            author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL)
        """,
        """
        CREATE TABLE "user" (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
            password_hash TEXT, created_at TEXT NOT NULL)
        """,
        "CREATE TABLE marketplace (name TEXT PRIMARY KEY, first_seen TEXT NOT NULL)",
        """
        CREATE TABLE seller (id BIGSERIAL PRIMARY KEY, marketplace TEXT NOT NULL REFERENCES marketplace(name),
            name TEXT NOT NULL, feedback_score BIGINT, feedback_percent DOUBLE PRECISION, location TEXT,
            member_since TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, UNIQUE (marketplace, name))
        """,
        """
        CREATE TABLE web_session (token_sha256 TEXT PRIMARY KEY,
            user_ref BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE, csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL, expires_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE api_token (id BIGSERIAL PRIMARY KEY, token_sha256 TEXT NOT NULL UNIQUE,
            user_ref BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE, label TEXT NOT NULL,
            created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT)
        """,
        """
        CREATE FUNCTION graywatch_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$
        """,
        """
        CREATE TRIGGER observation_is_evidence_update BEFORE UPDATE ON observation FOR EACH ROW
            EXECUTE FUNCTION graywatch_refuse('observations are evidence and cannot be changed')
        """,
        """
        CREATE TRIGGER observation_is_evidence_delete BEFORE DELETE ON observation FOR EACH ROW
            EXECUTE FUNCTION graywatch_refuse('observations are evidence and cannot be deleted')
        """,
        """
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log FOR EACH ROW
            EXECUTE FUNCTION graywatch_refuse('the audit log is append-only')
        """,
        """
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log FOR EACH ROW
            EXECUTE FUNCTION graywatch_refuse('the audit log is append-only')
        """,
    ]
}
