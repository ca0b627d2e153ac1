import Foundation
import GraywatchCore
import GraywatchEnrich
import Testing

@Suite struct PriceParserTests {
    @Test(arguments: [
        ("US $1,299.99", "1299.99", "USD"), ("$450.00", "450.00", "USD"), ("£115", "115", "GBP"),
        ("£1,150.00", "1150.00", "GBP"), ("GBP 1.99", "1.99", "GBP"), ("1.234,56 €", "1234.56", "EUR"),
        ("EUR 1 234,56", "1234.56", "EUR"), ("¥8,000", "8000", "JPY"), ("CHF 1'299.–", "1299", "CHF"),
        ("R$ 2.500,00", "2500.00", "BRL"), ("zł 99,99", "99.99", "PLN"), ("C $25.00", "25.00", "CAD"),
    ])
    func parsesDisplayedPrices(_ text: String, _ amount: String, _ currency: String) throws {
        let price = try #require(PriceParser.parse(text))
        #expect(price.amount == Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")))
        #expect(price.currency == currency)
    }

    @Test(arguments: ["Contact seller", "", "Best offer", "$"])
    func noAmountMeansNoPrice(_ text: String) {
        #expect(PriceParser.parse(text) == nil)
    }

    @Test func microdataParts() {
        #expect(PriceParser.parse(amount: "1299.99", currency: "usd") == Price(amount: Decimal(string: "1299.99")!, currency: "USD"))
        #expect(PriceParser.parse(amount: "12", currency: "dollars") == nil)
    }

    @Test func formatsForDisplay() {
        #expect(Price(amount: Decimal(string: "3950")!, currency: "USD").description == "USD 3,950.00")
        #expect(Price.format(Decimal(string: "1234567.5")!) == "1,234,567.50")
    }
}
