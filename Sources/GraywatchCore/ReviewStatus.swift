/// Where a review item stands in the analysts' workflow.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case new
    case inReview = "in-review"
    case confirmed
    case dismissed
    case enforcementRequested = "enforcement-requested"
    case removed
    case stillLive = "still-live"
    case reinstated
}
