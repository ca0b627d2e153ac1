import Testing

@testable import GraywatchScan

/// The crawl's memory of admitted URLs: fingerprints must deduplicate exactly as the URL strings did.
@Suite struct URLSeenSetTests {
    @Test func aURLMetTwiceIsAdmittedOnce() {
        var seen = URLSeenSet(["https://tradewell.example/itm/1"])
        let loaded = seen.insert("https://tradewell.example/itm/1")
        let first = seen.insert("https://tradewell.example/itm/2")
        let second = seen.insert("https://tradewell.example/itm/2")
        #expect(!loaded, "loaded from the frontier")
        #expect(first && !second)
        #expect(seen.count == 2)
        #expect(seen.contains("https://tradewell.example/itm/2") && !seen.contains("https://tradewell.example/itm/3"))
    }

    @Test func aHundredThousandDistinctURLsGetDistinctFingerprints() {
        var seen = URLSeenSet([String]())
        let urls = (0..<100_000).map { "http://127.0.0.1:18480/itm/\(310_000_000_000 + $0)" }
        let fresh = urls.filter { seen.insert($0) }.count
        #expect(fresh == 100_000)
        #expect(seen.count == 100_000)
        let again = urls.filter { seen.insert($0) }.count
        #expect(again == 0)
    }

    @Test func urlsDifferingInOneByteOrOnlyInCaseStayApart() {
        var seen = URLSeenSet([String]())
        for url in ["https://a.example/x?q=1", "https://a.example/x?q=2", "https://a.example/X?q=1", "https://a.example/x?q=1#"] {
            let inserted = seen.insert(url)
            #expect(inserted, "\(url)")
        }
        #expect(URLSeenSet.fingerprint("https://a.example/x") == URLSeenSet.fingerprint("https://a.example/x"))
    }
}
