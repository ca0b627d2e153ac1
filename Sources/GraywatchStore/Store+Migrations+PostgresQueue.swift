extension Store {
    /// Queue columns copied from the listing, one row per category, per-status counts kept by triggers, and the
    /// queue's indexes — as "2026-11-27 queue at scale" does for SQLite.
    static let postgresQueueTriggers: [String] = [
        """
        CREATE FUNCTION review_item_copies_listing() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT l.marketplace, l.seller_name, l.primary_sku, \(postgresSKUFamily), \(postgresPrice)
                INTO NEW.marketplace, NEW.seller, NEW.sku, NEW.sku_family, NEW.price_value
                FROM listing l WHERE l.id = NEW.listing_ref;
            RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER review_item_copies_listing BEFORE INSERT ON review_item FOR EACH ROW
            EXECUTE FUNCTION review_item_copies_listing()
        """,
        """
        CREATE FUNCTION listing_updates_review_item() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE review_item r SET (marketplace, seller, sku, sku_family, price_value) = (
                SELECT l.marketplace, l.seller_name, l.primary_sku, \(postgresSKUFamily), \(postgresPrice)
                FROM listing l WHERE l.id = NEW.id) WHERE r.listing_ref = NEW.id;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER listing_updates_review_item AFTER UPDATE ON listing FOR EACH ROW
            EXECUTE FUNCTION listing_updates_review_item()
        """,
        "CREATE INDEX queue_score ON review_item (score, id)",
        "CREATE INDEX queue_status_score ON review_item (status, score, id)",
        "CREATE INDEX queue_opened ON review_item (opened_at, id)",
        "CREATE INDEX queue_status_opened ON review_item (status, opened_at, id)",
        "CREATE INDEX queue_price_low ON review_item (COALESCE(price_value, 1e300), id)",
        "CREATE INDEX queue_status_price_low ON review_item (status, COALESCE(price_value, 1e300), id)",
        "CREATE INDEX queue_price_high ON review_item (COALESCE(price_value, -1), id)",
        "CREATE INDEX queue_status_price_high ON review_item (status, COALESCE(price_value, -1), id)",
        "CREATE INDEX queue_marketplace_score ON review_item (marketplace, score, id)",
        "CREATE INDEX queue_marketplace ON review_item (marketplace, id)",
        "CREATE INDEX queue_status_marketplace ON review_item (status, marketplace, id)",
        "CREATE INDEX queue_seller_score ON review_item (seller, score, id)",
        "CREATE INDEX queue_sku_family_score ON review_item (sku_family, score, id)",
        "CREATE INDEX queue_assignee_score ON review_item (assignee, score, id)",
        """
        CREATE TABLE review_category (review_ref BIGINT NOT NULL REFERENCES review_item(id) ON DELETE CASCADE,
            category TEXT NOT NULL, PRIMARY KEY (review_ref, category))
        """,
        "CREATE INDEX review_category_category ON review_category (category, review_ref)",
        "CREATE TABLE queue_count (status TEXT NOT NULL, category TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (status, category))",
        """
        CREATE FUNCTION queue_count_item() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO queue_count AS q (status, category, n) VALUES (NEW.status, '', 1)
                    ON CONFLICT (status, category) DO UPDATE SET n = q.n + 1;
                RETURN NULL;
            ELSIF TG_OP = 'DELETE' THEN
                DELETE FROM review_category WHERE review_ref = OLD.id;
                UPDATE queue_count SET n = n - 1 WHERE status = OLD.status AND category = '';
                RETURN OLD;
            END IF;
            IF OLD.status IS DISTINCT FROM NEW.status THEN
                UPDATE queue_count SET n = n - 1 WHERE status = OLD.status
                    AND (category = '' OR category IN (SELECT category FROM review_category WHERE review_ref = NEW.id));
                INSERT INTO queue_count AS q (status, category, n) VALUES (NEW.status, '', 1)
                    ON CONFLICT (status, category) DO UPDATE SET n = q.n + 1;
                INSERT INTO queue_count AS q (status, category, n)
                    SELECT NEW.status, category, 1 FROM review_category WHERE review_ref = NEW.id
                    ON CONFLICT (status, category) DO UPDATE SET n = q.n + 1;
            END IF;
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER queue_count_item_insert AFTER INSERT ON review_item FOR EACH ROW EXECUTE FUNCTION queue_count_item()",
        "CREATE TRIGGER queue_count_item_delete BEFORE DELETE ON review_item FOR EACH ROW EXECUTE FUNCTION queue_count_item()",
        """
        CREATE TRIGGER queue_count_item_status AFTER UPDATE OF status ON review_item FOR EACH ROW
            EXECUTE FUNCTION queue_count_item()
        """,
        """
        CREATE FUNCTION queue_count_category() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO queue_count AS q (status, category, n)
                    SELECT status, NEW.category, 1 FROM review_item WHERE id = NEW.review_ref
                    ON CONFLICT (status, category) DO UPDATE SET n = q.n + 1;
            ELSE
                UPDATE queue_count SET n = n - 1 WHERE category = OLD.category
                    AND status = (SELECT status FROM review_item WHERE id = OLD.review_ref);
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER queue_count_category_change AFTER INSERT OR DELETE ON review_category FOR EACH ROW
            EXECUTE FUNCTION queue_count_category()
        """,
    ]
}
