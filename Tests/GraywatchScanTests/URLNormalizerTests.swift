import GraywatchScan
import Testing

@Suite struct URLNormalizerTests {
    let normalizer = URLNormalizer()

    @Test(arguments: [
        ("HTTP://Market.Example:80/itm/1#reviews", "http://market.example/itm/1"),
        ("https://market.example:443", "https://market.example/"),
        ("https://market.example:8443/a", "https://market.example:8443/a"),
        ("http://m.example/%7Euser/%41%2f%2a", "http://m.example/~user/A%2F%2A"),
        ("http://m.example/sch/i.html?_nkw=ex4300&_trksid=p2047&utm_source=x&hash=item1", "http://m.example/sch/i.html?_nkw=ex4300"),
        ("http://m.example/itm/1?hash=item48&amdata=enc", "http://m.example/itm/1"),
        ("http://m.example/a?q=%e2%82%ac", "http://m.example/a?q=%E2%82%AC"),
    ])
    func canonicalForm(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test(arguments: ["ftp://m.example/x", "javascript:alert(1)", "/relative/path", "http:///nohost", ""])
    func onlyAbsoluteHTTPURLs(_ input: String) {
        #expect(normalizer.normalize(input) == nil)
    }

    @Test func strippedParametersAreConfigurable() {
        let keepHash = URLNormalizer(strippedParameters: ["ref"])
        #expect(keepHash.normalize("http://m.example/itm/1?hash=1&ref=2") == "http://m.example/itm/1?hash=1")
    }
}
