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

    /// The statuses an item may move to from this one.
    public var next: Set<ReviewStatus> {
        switch self {
        case .new: return [.inReview, .confirmed, .dismissed]
        case .inReview: return [.new, .confirmed, .dismissed]
        case .confirmed: return [.inReview, .dismissed, .enforcementRequested]
        case .dismissed: return [.inReview, .new]
        case .enforcementRequested: return [.removed, .stillLive]
        case .stillLive: return [.enforcementRequested, .removed]
        case .removed: return [.reinstated]
        case .reinstated: return [.inReview, .confirmed, .enforcementRequested]
        }
    }
}
