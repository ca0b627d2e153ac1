import GRDB

extension Store {
    /// The SKU family of a part number in SQL: everything before the first hyphen (EX4300-48T → EX4300).
    static let skuFamilySQL = "CASE WHEN instr(l.primary_sku, '-') > 1 THEN substr(l.primary_sku, 1, instr(l.primary_sku, '-') - 1) ELSE l.primary_sku END"

    /// Queue columns copied from the listing (kept in step by triggers), one row per category, per-status counts
    /// kept by triggers, and full-text search over listings: what keeps the review UI fast at a million listings.
    static func registerQueueAtScale(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-11-27 queue at scale: listing columns, categories, counts, search") { db in
            try db.execute(sql: """
                ALTER TABLE review_item ADD COLUMN marketplace TEXT;
                ALTER TABLE review_item ADD COLUMN seller TEXT;
                ALTER TABLE review_item ADD COLUMN sku TEXT;
                ALTER TABLE review_item ADD COLUMN sku_family TEXT;
                ALTER TABLE review_item ADD COLUMN price_value REAL;
                UPDATE review_item SET (marketplace, seller, sku, sku_family, price_value) = (
                    SELECT l.marketplace, l.seller_name, l.primary_sku, \(skuFamilySQL), CAST(l.price_amount AS REAL)
                    FROM listing l WHERE l.id = review_item.listing_ref);
                CREATE TRIGGER review_item_copies_listing AFTER INSERT ON review_item BEGIN
                    UPDATE review_item SET (marketplace, seller, sku, sku_family, price_value) = (
                        SELECT l.marketplace, l.seller_name, l.primary_sku, \(skuFamilySQL), CAST(l.price_amount AS REAL)
                        FROM listing l WHERE l.id = NEW.listing_ref) WHERE id = NEW.id;
                END;
                CREATE TRIGGER listing_updates_review_item AFTER UPDATE ON listing BEGIN
                    UPDATE review_item SET (marketplace, seller, sku, sku_family, price_value) = (
                        SELECT l.marketplace, l.seller_name, l.primary_sku, \(skuFamilySQL), CAST(l.price_amount AS REAL)
                        FROM listing l WHERE l.id = NEW.id) WHERE listing_ref = NEW.id;
                END;

                CREATE INDEX queue_score ON review_item (score, id);
                CREATE INDEX queue_status_score ON review_item (status, score, id);
                CREATE INDEX queue_opened ON review_item (opened_at, id);
                CREATE INDEX queue_status_opened ON review_item (status, opened_at, id);
                CREATE INDEX queue_price_low ON review_item (IFNULL(price_value, 1e300), id);
                CREATE INDEX queue_status_price_low ON review_item (status, IFNULL(price_value, 1e300), id);
                CREATE INDEX queue_price_high ON review_item (IFNULL(price_value, -1), id);
                CREATE INDEX queue_status_price_high ON review_item (status, IFNULL(price_value, -1), id);
                CREATE INDEX queue_marketplace_score ON review_item (marketplace, score, id);
                CREATE INDEX queue_marketplace ON review_item (marketplace, id);
                CREATE INDEX queue_status_marketplace ON review_item (status, marketplace, id);
                CREATE INDEX queue_seller_score ON review_item (seller, score, id);
                CREATE INDEX queue_sku_family_score ON review_item (sku_family, score, id);
                CREATE INDEX queue_assignee_score ON review_item (assignee, score, id);

                CREATE TABLE review_category (
                    review_ref INTEGER NOT NULL REFERENCES review_item(id) ON DELETE CASCADE,
                    category TEXT NOT NULL,
                    PRIMARY KEY (review_ref, category)
                ) WITHOUT ROWID;
                CREATE INDEX review_category_category ON review_category (category, review_ref);
                """)
            let rows = try Row.fetchAll(db, sql: "SELECT id, categories FROM review_item")
            for row in rows {
                let categories: String = row["categories"]
                for category in Set(categories.split(separator: ",").map(String.init)) {
                    try db.execute(sql: "INSERT INTO review_category (review_ref, category) VALUES (?, ?)",
                                   arguments: [row["id"] as Int64, category])
                }
            }
            try db.execute(sql: """
                CREATE TABLE queue_count (
                    status TEXT NOT NULL,
                    category TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (status, category)
                ) WITHOUT ROWID;
                INSERT INTO queue_count (status, category, n) SELECT status, '', COUNT(*) FROM review_item GROUP BY status;
                INSERT INTO queue_count (status, category, n)
                    SELECT r.status, c.category, COUNT(*) FROM review_category c JOIN review_item r ON r.id = c.review_ref
                    GROUP BY r.status, c.category;
                CREATE TRIGGER queue_count_item_insert AFTER INSERT ON review_item BEGIN
                    INSERT INTO queue_count (status, category, n) VALUES (NEW.status, '', 1)
                        ON CONFLICT (status, category) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER queue_count_item_delete BEFORE DELETE ON review_item BEGIN
                    DELETE FROM review_category WHERE review_ref = OLD.id;
                    UPDATE queue_count SET n = n - 1 WHERE status = OLD.status AND category = '';
                END;
                CREATE TRIGGER queue_count_item_status AFTER UPDATE OF status ON review_item
                WHEN OLD.status IS NOT NEW.status BEGIN
                    UPDATE queue_count SET n = n - 1 WHERE status = OLD.status
                        AND (category = '' OR category IN (SELECT category FROM review_category WHERE review_ref = NEW.id));
                    INSERT INTO queue_count (status, category, n) VALUES (NEW.status, '', 1)
                        ON CONFLICT (status, category) DO UPDATE SET n = n + 1;
                    INSERT INTO queue_count (status, category, n)
                        SELECT NEW.status, category, 1 FROM review_category WHERE review_ref = NEW.id AND 1
                        ON CONFLICT (status, category) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER queue_count_category_insert AFTER INSERT ON review_category BEGIN
                    INSERT INTO queue_count (status, category, n)
                        SELECT status, NEW.category, 1 FROM review_item WHERE id = NEW.review_ref AND 1
                        ON CONFLICT (status, category) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER queue_count_category_delete AFTER DELETE ON review_category BEGIN
                    UPDATE queue_count SET n = n - 1 WHERE category = OLD.category
                        AND status = (SELECT status FROM review_item WHERE id = OLD.review_ref);
                END;

                CREATE VIRTUAL TABLE listing_search USING fts5(
                    title, seller_name, primary_sku, listing_id, content = 'listing', content_rowid = 'id');
                INSERT INTO listing_search (listing_search) VALUES ('rebuild');
                CREATE VIRTUAL TABLE listing_search_terms USING fts5vocab(listing_search, 'row');
                CREATE TRIGGER listing_search_insert AFTER INSERT ON listing BEGIN
                    INSERT INTO listing_search (rowid, title, seller_name, primary_sku, listing_id)
                        VALUES (NEW.id, NEW.title, NEW.seller_name, NEW.primary_sku, NEW.listing_id);
                END;
                CREATE TRIGGER listing_search_delete AFTER DELETE ON listing BEGIN
                    INSERT INTO listing_search (listing_search, rowid, title, seller_name, primary_sku, listing_id)
                        VALUES ('delete', OLD.id, OLD.title, OLD.seller_name, OLD.primary_sku, OLD.listing_id);
                END;
                CREATE TRIGGER listing_search_update AFTER UPDATE ON listing BEGIN
                    INSERT INTO listing_search (listing_search, rowid, title, seller_name, primary_sku, listing_id)
                        VALUES ('delete', OLD.id, OLD.title, OLD.seller_name, OLD.primary_sku, OLD.listing_id);
                    INSERT INTO listing_search (rowid, title, seller_name, primary_sku, listing_id)
                        VALUES (NEW.id, NEW.title, NEW.seller_name, NEW.primary_sku, NEW.listing_id);
                END;
                """)
        }
    }

    /// Web sessions and API bearer tokens: only SHA-256 digests of the secrets are stored.
    static func registerWebAccess(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-11-27 web sessions and API tokens") { db in
            try db.execute(sql: """
                CREATE TABLE web_session (
                    token_sha256 TEXT PRIMARY KEY,
                    user_ref INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE TABLE api_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    user_ref INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    label TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    last_used_at TEXT,
                    revoked_at TEXT
                );
                """)
        }
    }
}
