import Foundation
import GraywatchCore

extension WebhookEvent {
    /// A new review item at or above a profile's notify score.
    public struct NewItem: Sendable, Equatable, Codable {
        /// The listing the item is about, as receivers need it to link and show it.
        public struct ListingRef: Sendable, Equatable, Codable {
            public var marketplace: String
            public var listingID: String
            public var url: String
            public var title: String

            public init(marketplace: String, listingID: String, url: String, title: String) {
                self.marketplace = marketplace
                self.listingID = listingID
                self.url = url
                self.title = title
            }

            private enum CodingKeys: String, CodingKey {
                case marketplace, url, title
                case listingID = "listing_id"
            }
        }

        public var reviewItemID: Int64
        public var listing: ListingRef
        public var score: Int
        /// Threat categories, highest total weight first.
        public var categories: [GraywatchCore.Category]
        /// The scan profile whose notify score the item passed.
        public var profile: String

        public init(reviewItemID: Int64, listing: ListingRef, score: Int, categories: [GraywatchCore.Category], profile: String) {
            self.reviewItemID = reviewItemID
            self.listing = listing
            self.score = score
            self.categories = categories
            self.profile = profile
        }

        /// Builds the payload from a stored listing and its assessment.
        public init(reviewItemID: Int64, listing: Listing, assessment: Assessment, profile: String) {
            self.init(reviewItemID: reviewItemID,
                      listing: ListingRef(marketplace: listing.marketplace, listingID: listing.listingID,
                                          url: listing.url, title: listing.title),
                      score: assessment.score, categories: assessment.rankedCategories, profile: profile)
        }

        private enum CodingKeys: String, CodingKey {
            case listing, score, categories, profile
            case reviewItemID = "review_item_id"
        }
    }

    /// A review item moved between statuses.
    public struct StatusChange: Sendable, Equatable, Codable {
        public var reviewItemID: Int64
        public var from: ReviewStatus
        public var to: ReviewStatus
        /// Who moved it (a user name, or "graywatch" for automatic moves such as rescans).
        public var actor: String
        public var reason: String?
        /// When it moved (UTC).
        public var changedAt: Date

        public init(reviewItemID: Int64, from: ReviewStatus, to: ReviewStatus, actor: String, reason: String?, changedAt: Date) {
            self.reviewItemID = reviewItemID
            self.from = from
            self.to = to
            self.actor = actor
            self.reason = reason
            self.changedAt = changedAt
        }

        private enum CodingKeys: String, CodingKey {
            case from, to, actor, reason
            case reviewItemID = "review_item_id"
            case changedAt = "changed_at"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            reviewItemID = try container.decode(Int64.self, forKey: .reviewItemID)
            from = try container.decode(ReviewStatus.self, forKey: .from)
            to = try container.decode(ReviewStatus.self, forKey: .to)
            actor = try container.decode(String.self, forKey: .actor)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
            changedAt = try container.decodeTimestamp(forKey: .changedAt)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reviewItemID, forKey: .reviewItemID)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(actor, forKey: .actor)
            try container.encode(reason, forKey: .reason)
            try container.encodeTimestamp(changedAt, forKey: .changedAt)
        }
    }

    /// A scan run of a profile ended.
    public struct ScanFinished: Sendable, Equatable, Codable {
        /// How many listings the run found new, changed or gone, and how many pages failed.
        public struct Counts: Sendable, Equatable, Codable {
            public var new: Int
            public var changed: Int
            public var gone: Int
            public var failed: Int

            public init(new: Int, changed: Int, gone: Int, failed: Int) {
                self.new = new
                self.changed = changed
                self.gone = gone
                self.failed = failed
            }
        }

        public var profile: String
        public var runID: Int64
        public var counts: Counts
        /// Wall-clock length of the run in seconds.
        public var durationSeconds: Double

        public init(profile: String, runID: Int64, counts: Counts, durationSeconds: Double) {
            self.profile = profile
            self.runID = runID
            self.counts = counts
            self.durationSeconds = durationSeconds
        }

        private enum CodingKeys: String, CodingKey {
            case profile, counts
            case runID = "run_id"
            case durationSeconds = "duration_seconds"
        }
    }
}

extension WebhookEvent {
    /// A `new_item` event.
    public static func newItem(_ data: NewItem, at date: Date, id: UUID = UUID()) -> WebhookEvent {
        WebhookEvent(id: id, occurredAt: date, payload: .newItem(data))
    }

    /// A `status_change` event, dated when the item moved.
    public static func statusChange(_ data: StatusChange, id: UUID = UUID()) -> WebhookEvent {
        WebhookEvent(id: id, occurredAt: data.changedAt, payload: .statusChange(data))
    }

    /// A `scan_finished` event.
    public static func scanFinished(_ data: ScanFinished, at date: Date, id: UUID = UUID()) -> WebhookEvent {
        WebhookEvent(id: id, occurredAt: date, payload: .scanFinished(data))
    }
}
