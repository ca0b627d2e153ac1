import GraywatchCore
import GraywatchEnrich
import GraywatchTestSupport
import Testing

@Suite struct EnricherTests {
    let enricher = Enricher(catalog: SKUMatcherTests.catalog)

    func listing(title: String, brand: String? = nil, mpn: String? = nil, condition: String = "New") -> Listing {
        var specifics: [Specific] = []
        if let brand { specifics.append(Specific(label: "Brand", value: brand)) }
        if let mpn { specifics.append(Specific(label: "MPN", value: mpn)) }
        return Listing(marketplace: "m", listingID: "1", url: "http://t/itm/1", title: title, conditionRaw: condition,
                       specifics: specifics)
    }

    @Test(arguments: [
        ("New", Condition.new), ("New other (see details)", .newOther), ("Used", .used), ("Pre-Owned", .used),
        ("Seller refurbished", .sellerRefurbished), ("Manufacturer refurbished", .manufacturerRefurbished),
        ("For parts or not working", .forParts), ("Open box", .newOther), ("", .unknown),
    ])
    func normalizesConditions(_ raw: String, _ expected: Condition) {
        #expect(ConditionNormalizer.normalize(raw) == expected)
    }

    @Test func specificsSKUComesFirst() {
        let enriched = enricher.enrich(listing(title: "Juniper SRX345 bundle with SRX300", mpn: "SRX300"))
        #expect(enriched.skus == ["SRX300", "SRX345"])
        #expect(enriched.primarySKU == "SRX300")
        #expect(enriched.condition == .new)
    }

    @Test func juniperBrandIsJuniperPresented() {
        let enriched = enricher.enrich(listing(title: "QFX-SFP-10GE-SR optic", brand: "Juniper Networks"))
        #expect(enriched.claims.contains { $0.value == "juniper-presented" })
    }

    @Test func anotherMakersCompatibleProductIsNot() {
        let enriched = enricher.enrich(listing(title: "FiberLink SFP+ compatible with Juniper QFX-SFP-10GE-SR",
                                               brand: "FiberLink", mpn: "FL-SFP10G"))
        #expect(!enriched.claims.contains { $0.value == "juniper-presented" })
        #expect(enriched.skus == ["QFX-SFP-10GE-SR"])
    }

    @Test func unbrandedWithAJuniperMPNIsJuniperPresented() {
        let enriched = enricher.enrich(listing(title: "1000BASE-LX SFP", brand: "Generic", mpn: "EX-SFP-1GE-LX"))
        #expect(enriched.claims.contains { $0.value == "juniper-presented" && $0.text == "MPN: EX-SFP-1GE-LX" })
    }
}
