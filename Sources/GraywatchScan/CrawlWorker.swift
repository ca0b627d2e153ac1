import Foundation

/// One of several processes sharing a scan run through the store: it leases frontier URLs for a while, so a
/// worker that dies loses nothing (its leases run out and others take them) and no URL is fetched by two at once.
public struct CrawlWorker: Sendable, Equatable {
    /// Unique per process: host name, pid and a random suffix.
    public var owner: String
    /// How long a lease lasts; renewed while the worker lives.
    public var leaseSeconds: Double
    /// URLs leased at a time.
    public var batch: Int

    public init(owner: String = CrawlWorker.defaultOwner(), leaseSeconds: Double = 120, batch: Int = 16) {
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.batch = batch
    }

    /// `host:pid:random`.
    public static func defaultOwner() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UInt32.random(in: 0...UInt32.max))"
    }
}

/// What the scan has done so far, for a progress display or metrics.
public struct ScanProgress: Sendable {
    public enum Event: Sendable { case page(status: Int?, kind: String?), scored }
    public var event: Event
    public var pagesDone: Int
    /// URLs known and not done yet (in this process's queue, or in flight).
    public var queued: Int
    public var findings: Int
    public var failures: Int
    public var startedAt: Date
}
