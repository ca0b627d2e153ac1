import GraywatchCore
import GraywatchEnrich
import GraywatchTestSupport
import Testing

@Suite struct SKUMatcherTests {
    static let catalog: Catalog = (try? Catalog.load(directory: TestPaths.catalog)) ?? Catalog()

    func skus(_ text: String) -> [String] {
        SKUMatcher(catalog: Self.catalog).identifiers(in: text, field: .title).map(\.normalized)
    }

    @Test func catalogLoadsWithItsSources() throws {
        #expect(Self.catalog.entries.count >= 468)
        let entry = try #require(Self.catalog.entry(matching: "EX4300-48T"))
        #expect(entry.family == "EX4300")
        #expect(entry.source.contains("devicetype-library"))
    }

    @Test(arguments: ["EX4300-48T", "ex4300 48t", "Ex4300-48t", "EX4300_48T", "ex4300  48T", "EX 4300-48T"])
    func toleratesCaseSpacesAndDashes(_ text: String) {
        #expect(skus("Juniper \(text) switch") == ["EX4300-48T"])
    }

    @Test func longestPartNumberWins() {
        #expect(skus("QFX5100-48S-6Q uplinks") == ["QFX5100-48S-6Q"])
        #expect(skus("SRX300 and SRX345") == ["SRX300", "SRX345"])
    }

    @Test func spansPointAtTheRawText() throws {
        let text = "Lot: ex4300 48t, sealed"
        let identifier = try #require(SKUMatcher(catalog: Self.catalog).identifiers(in: text, field: .description).first)
        #expect(identifier.raw == "ex4300 48t")
        #expect(identifier.span == TextSpan(field: .description, start: 5, length: 10))
    }

    @Test(arguments: [
        "Cisco Catalyst C9300-48T switch", "QEX4300-48T", "EX4300X-48T", "The EX4300 family", "48 ports",
        "price 4300 48 T", "Arista 7050SX-64",
    ])
    func noFalseSKUs(_ text: String) {
        #expect(skus(text).isEmpty)
    }
}
