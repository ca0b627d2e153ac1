import Crypto

/// The URLs a crawl has met, each kept as a 128-bit fingerprint instead of its text.
///
/// A crawl must remember every URL it admitted, so this set is the one piece of its memory that grows with the
/// scan: as strings a URL costs about 100 bytes, as a fingerprint (the first 16 bytes of its SHA-256) 16 bytes and
/// the set's slot — 100,000 URLs in about 3 MB instead of 10. Two different URLs share a fingerprint with a chance
/// near n²/2¹²⁹ (10⁻²⁹ for a million URLs); the frontier table in the store keeps the URLs themselves.
struct URLSeenSet {
    /// The first 128 bits of a URL's SHA-256.
    struct Fingerprint: Hashable {
        let high: UInt64
        let low: UInt64
    }

    private var fingerprints: Set<Fingerprint>

    init<URLs: Sequence<String>>(_ urls: URLs) {
        fingerprints = Set(urls.map(Self.fingerprint))
    }

    /// How many distinct URLs were met.
    var count: Int { fingerprints.count }

    /// Adds `url`; false when it was met before.
    @discardableResult
    mutating func insert(_ url: String) -> Bool { fingerprints.insert(Self.fingerprint(url)).inserted }

    func contains(_ url: String) -> Bool { fingerprints.contains(Self.fingerprint(url)) }

    static func fingerprint(_ url: String) -> Fingerprint {
        SHA256.hash(data: Array(url.utf8)).withUnsafeBytes { digest in
            Fingerprint(high: digest.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                        low: digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
