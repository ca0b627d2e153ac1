import Foundation

/// One fuzzer input: the first byte picks the page URL, the Content-Type and the market, the rest is the body.
///
/// Bits 0–2 of the first byte choose one of ``urls`` (every shipped site adapter's item and search pages, and an
/// unknown host for the generic extractor); bits 3–5 choose one of ``contentTypes``; bits 6–7 the ``MarketFixture``.
/// Tests/GraywatchExtractTests/FuzzRegressionTests.swift reads fuzz/regressions with the same tables: change both.
public struct FuzzInput: Sendable {
    /// The page URLs, indexed by bits 0–2 of the first byte.
    public static let urls = [
        "https://tradewell.example/itm/310000000005",
        "https://tradewell.example/sch/juniper-networks/page-1.html",
        "https://www.ebay.com/itm/234567890123",
        "https://www.ebay.com/sch/i.html?_nkw=juniper+srx300",
        "https://www.amazon.com/dp/B07ABCDEFG",
        "https://www.amazon.com/s?k=juniper+srx300",
        "https://www.alibaba.com/product-detail/Juniper-SRX300-Firewall_1600123456789.html",
        "https://shop.example.net/products/srx300-sys-jb",
    ]
    /// The Content-Type header values, indexed by bits 3–5 of the first byte (nil: no header).
    public static let contentTypes: [String?] = [
        nil, "text/html; charset=utf-8", "text/html; charset=windows-1252", "text/html; charset=shift_jis",
        "text/html; charset=utf-16le", "text/html; charset=gb18030", "text/html; charset=iso-8859-2",
        "text/html; charset=\"x-unknown\"",
    ]

    public var url: String
    public var contentType: String?
    public var market: MarketFixture
    public var body: Data

    /// Splits raw fuzzer bytes; nil for an empty input.
    public init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return nil }
        url = Self.urls[Int(selector & 0x07)]
        contentType = Self.contentTypes[Int((selector >> 3) & 0x07)]
        market = MarketFixture(selector: selector)
        body = Data(bytes.dropFirst())
    }

}
