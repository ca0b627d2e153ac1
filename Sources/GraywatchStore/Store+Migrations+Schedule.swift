import GRDB

/// A migration written for both engines (the same tables and columns, each in its own spelling).
struct SharedMigration {
    var name: String
    var sqlite: String
    var postgres: [String]
}

extension Store {
    /// Migrations added after the PostgreSQL backend: each lands in both engines under one name.
    static let sharedMigrations: [SharedMigration] = [scheduledScans]

    static func registerShared(_ migrator: inout DatabaseMigrator) {
        for migration in sharedMigrations {
            migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sqlite) }
        }
    }

    /// Scan profiles' runs, worker leases on frontier URLs, what each run found new, changed or gone, the
    /// listing identity that recognises a relisting, and the webhook outbox with its dead-letter.
    static let scheduledScans = SharedMigration(
        name: "2026-12-03 scheduled scans: profiles, leases, changes, webhooks",
        sqlite: """
            ALTER TABLE scan_run ADD COLUMN profile TEXT;
            ALTER TABLE scan_run ADD COLUMN scoring_owner TEXT;
            ALTER TABLE scan_run ADD COLUMN scoring_expires_at TEXT;
            CREATE INDEX scan_run_profile ON scan_run (profile, id);
            ALTER TABLE frontier ADD COLUMN lease_owner TEXT;
            ALTER TABLE frontier ADD COLUMN lease_expires_at TEXT;
            ALTER TABLE listing ADD COLUMN identity_key TEXT;
            CREATE INDEX listing_identity ON listing (marketplace, seller_name, identity_key);
            CREATE TABLE profile_listing (
                profile TEXT NOT NULL,
                listing_ref INTEGER NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                title TEXT, price_amount TEXT, price_currency TEXT, condition TEXT, quantity INTEGER,
                last_run_ref INTEGER NOT NULL,
                gone INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (profile, listing_ref)
            );
            CREATE TABLE run_change (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_ref INTEGER NOT NULL REFERENCES scan_run(id) ON DELETE CASCADE,
                listing_ref INTEGER NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                fields TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT
            );
            CREATE INDEX run_change_run ON run_change (run_ref, kind);
            CREATE TABLE webhook_delivery (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                profile TEXT NOT NULL,
                url TEXT NOT NULL,
                secret_env TEXT,
                event_kind TEXT NOT NULL,
                event_id TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_status INTEGER,
                last_error TEXT,
                created_at TEXT NOT NULL,
                finished_at TEXT
            );
            CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
            CREATE TABLE feed_cursor (profile TEXT PRIMARY KEY, last_audit_ref INTEGER NOT NULL);
            ALTER TABLE frontier ADD COLUMN http_status INTEGER;
            """,
        postgres: [
            "ALTER TABLE scan_run ADD COLUMN profile TEXT",
            "ALTER TABLE scan_run ADD COLUMN scoring_owner TEXT",
            "ALTER TABLE scan_run ADD COLUMN scoring_expires_at TEXT",
            "CREATE INDEX scan_run_profile ON scan_run (profile, id)",
            "ALTER TABLE frontier ADD COLUMN lease_owner TEXT",
            "ALTER TABLE frontier ADD COLUMN lease_expires_at TEXT",
            "ALTER TABLE listing ADD COLUMN identity_key TEXT",
            "CREATE INDEX listing_identity ON listing (marketplace, seller_name, identity_key)",
            """
            CREATE TABLE profile_listing (profile TEXT NOT NULL,
                listing_ref BIGINT NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                title TEXT, price_amount TEXT, price_currency TEXT, condition TEXT, quantity BIGINT,
                last_run_ref BIGINT NOT NULL, gone BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (profile, listing_ref))
            """,
            """
            CREATE TABLE run_change (id BIGSERIAL PRIMARY KEY,
                run_ref BIGINT NOT NULL REFERENCES scan_run(id) ON DELETE CASCADE,
                listing_ref BIGINT NOT NULL REFERENCES listing(id) ON DELETE CASCADE,
                kind TEXT NOT NULL, fields TEXT NOT NULL, before_json TEXT, after_json TEXT)
            """,
            "CREATE INDEX run_change_run ON run_change (run_ref, kind)",
            """
            CREATE TABLE webhook_delivery (id BIGSERIAL PRIMARY KEY, profile TEXT NOT NULL, url TEXT NOT NULL,
                secret_env TEXT, event_kind TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending', attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL, last_status BIGINT, last_error TEXT, created_at TEXT NOT NULL,
                finished_at TEXT)
            """,
            "CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at)",
            "CREATE TABLE feed_cursor (profile TEXT PRIMARY KEY, last_audit_ref BIGINT NOT NULL)",
            "ALTER TABLE frontier ADD COLUMN http_status BIGINT",
        ])
}
