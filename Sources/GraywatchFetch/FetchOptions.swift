/// Limits and identity for each request. The defaults are safe for hostile servers.
public struct FetchOptions: Sendable, Codable, Equatable {
    /// The User-Agent header; its product token is what robots.txt groups are matched against.
    public var userAgent: String
    public var connectTimeout: Double
    /// The whole transfer, connect included.
    public var totalTimeout: Double
    /// Abort a transfer slower than `lowSpeedBytes` per second for `lowSpeedSeconds` (slow-drip servers).
    public var lowSpeedBytes: Int
    public var lowSpeedSeconds: Int
    /// Bodies beyond this many bytes abort the transfer.
    public var maxBodyBytes: Int
    public var maxRedirects: Int

    public init(
        userAgent: String = FetchOptions.defaultUserAgent, connectTimeout: Double = 10, totalTimeout: Double = 30,
        lowSpeedBytes: Int = 512, lowSpeedSeconds: Int = 15, maxBodyBytes: Int = 8 << 20, maxRedirects: Int = 5
    ) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedBytes = lowSpeedBytes
        self.lowSpeedSeconds = lowSpeedSeconds
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
    }

    /// Names graywatch and where a site owner can learn about it or reach the operator (set `--contact`).
    public static let defaultUserAgent = FetchOptions.userAgent(contact: "https://github.com/graywatch/graywatch#crawler")

    /// "graywatch/VERSION (+CONTACT; brand-protection scanner)".
    public static func userAgent(contact: String) -> String {
        "graywatch/0.2 (+\(contact); brand-protection scanner)"
    }

    /// The robots.txt product token: the User-Agent up to the first "/" or space ("graywatch").
    public var productToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " })
    }
}
