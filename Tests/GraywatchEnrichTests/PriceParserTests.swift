import Foundation
import GraywatchCore
import GraywatchEnrich
import Testing

@Suite struct PriceParserTests {
    /// Plain decimal text ("1299.99") as an exact `Decimal`.
    private static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    @Test func tableCoversEnoughStringsAndCurrencies() {
        #expect(PriceTable.rows.count >= 300)
        #expect(Set(PriceTable.rows.compactMap(\.currency)).count >= 15)
        #expect(PriceTable.rows.contains { $0.amount == nil })
    }

    @Test func everyTableRowParsesAsExpected() {
        for row in PriceTable.rows {
            let price = PriceParser.parse(row.text, hint: row.hint, decimalSeparator: row.separator,
                                          defaultCurrency: row.defaultCurrency)
            let problem = row.mismatch(price)
            #expect(problem == nil, "\(problem ?? "")")
        }
    }

    @Test(arguments: [
        ("US $1,299.99", "1299.99", "USD"), ("$450.00", "450.00", "USD"), ("£115", "115", "GBP"),
        ("£1,150.00", "1150.00", "GBP"), ("GBP 1.99", "1.99", "GBP"), ("1.234,56 €", "1234.56", "EUR"),
        ("EUR 1 234,56", "1234.56", "EUR"), ("¥8,000", "8000", "JPY"), ("CHF 1'299.–", "1299", "CHF"),
        ("R$ 2.500,00", "2500.00", "BRL"), ("zł 99,99", "99.99", "PLN"), ("C $25.00", "25.00", "CAD"),
    ])
    func parsesDisplayedPrices(_ text: String, _ amount: String, _ currency: String) throws {
        let price = try #require(PriceParser.parse(text))
        #expect(price.amount == Self.decimal(amount))
        #expect(price.currency == currency)
    }

    @Test(arguments: ["Contact seller", "", "Best offer", "$"])
    func noAmountMeansNoPrice(_ text: String) {
        #expect(PriceParser.parse(text) == nil)
    }

    @Test(arguments: ["US $", "€", "Price on request", "Make offer", "Free", "EUR --,--", "Call for price", "Preis auf Anfrage"])
    func missingPriceIsNilNeverZero(_ text: String) {
        #expect(PriceParser.parse(text) == nil)
        #expect(PriceParser.parse(text, hint: "EUR", decimalSeparator: ",", defaultCurrency: "EUR") == nil)
    }

    @Test func literalZeroWithCurrencyIsKept() {
        #expect(PriceParser.parse("US $0.00")?.amount == 0)
        #expect(PriceParser.parse("0,00 €")?.currency == "EUR")
    }

    @Test(arguments: ["-5 €", "-$5", "€ -12,00", "−5 €"])
    func leadingMinusIsRejected(_ text: String) {
        #expect(PriceParser.parse(text) == nil)
    }

    @Test func rangesFillUpperAmount() throws {
        let dashed = try #require(PriceParser.parse("US $10.50 - 12.00"))
        #expect(dashed.amount == Self.decimal("10.50"))
        #expect(dashed.upperAmount == Self.decimal("12.00"))
        #expect(PriceParser.parse("€5–€8")?.upperAmount == 8)
        #expect(PriceParser.parse("$10 to $20")?.upperAmount == 20)
        #expect(PriceParser.parse("¥1,000~¥2,000")?.upperAmount == 2000)
        #expect(PriceParser.parse("10 - 20 €")?.amount == 10)
        #expect(PriceParser.parse("US $9.99 - 12 pcs")?.upperAmount == nil)
        #expect(PriceParser.parse("$20 - $10")?.upperAmount == nil)
    }

    @Test func perUnitPricesNameTheUnit() {
        #expect(PriceParser.parse("US $3.20/piece")?.unit == "piece")
        #expect(PriceParser.parse("$12 / pair")?.unit == "pair")
        #expect(PriceParser.parse("€5 per unit")?.unit == "unit")
        let moq = PriceParser.parse("US $1.50 / Piece | 10 Pieces (MOQ)")
        #expect(moq?.amount == Self.decimal("1.50"))
        #expect(moq?.unit == "piece")
        #expect(PriceParser.parse("US $12.00")?.unit == nil)
    }

    @Test func hintNamesTheCurrencyWhenTheTextDoesNot() {
        #expect(PriceParser.parse("25,00", hint: "Price (EUR)")?.currency == "EUR")
        #expect(PriceParser.parse("12.50", hint: "Currency: GBP")?.currency == "GBP")
        #expect(PriceParser.parse("12.50", hint: "£")?.currency == "GBP")
        #expect(PriceParser.parse("$25", hint: "Price (AUD)")?.currency == "AUD")
        #expect(PriceParser.parse("€25", hint: "USD")?.currency == "EUR")
        #expect(PriceParser.parse("12.50") == nil)
    }

    @Test func declaredDecimalSeparatorSettlesAmbiguousNumbers() {
        #expect(PriceParser.parse("1.234", hint: "EUR", decimalSeparator: ",")?.amount == 1234)
        #expect(PriceParser.parse("1.234", hint: "EUR", decimalSeparator: ".")?.amount == Self.decimal("1.234"))
        #expect(PriceParser.parse("1,234", decimalSeparator: ",", defaultCurrency: "EUR")?.amount == Self.decimal("1.234"))
        #expect(PriceParser.parse("1.234", defaultCurrency: "EUR")?.amount == 1234)
        #expect(PriceParser.parse("¥1.234", decimalSeparator: ".")?.amount == 1234)
        #expect(PriceParser.parse("1.234,56", decimalSeparator: ".", defaultCurrency: "EUR")?.amount == Self.decimal("1234.56"))
    }

    @Test func currencyLettersInsideWordsAreNotMarkers() {
        #expect(PriceParser.currency(in: "Brand new") == nil)
        #expect(PriceParser.currency(in: "USDT") == nil)
        #expect(PriceParser.parse("Brand 12") == nil)
        #expect(PriceParser.parse("R 1 299,00")?.currency == "ZAR")
    }

    @Test func helpersReadCurrencyAndAmount() {
        #expect(PriceParser.currency(in: "kr 1 299 DKK") == "DKK")
        #expect(PriceParser.currency(in: "1 299 kr") == "SEK")
        #expect(PriceParser.currency(in: "no price") == nil)
        #expect(PriceParser.amount(in: "1,299.99") == Self.decimal("1299.99"))
        #expect(PriceParser.amount(in: "2 x US $5.00") == 5)
    }

    @Test func microdataParts() {
        #expect(PriceParser.parse(amount: "1299.99", currency: "usd") == Price(amount: Decimal(string: "1299.99")!, currency: "USD"))
        #expect(PriceParser.parse(amount: "12", currency: "dollars") == nil)
        #expect(PriceParser.parse(amount: "", currency: "EUR") == nil)
        #expect(PriceParser.parse(amount: "-5", currency: "EUR") == nil)
        #expect(PriceParser.parse(amount: "1.234,56", currency: "EUR")?.amount == Self.decimal("1234.56"))
    }

    @Test func formatsForDisplay() {
        #expect(Price(amount: Decimal(string: "3950")!, currency: "USD").description == "USD 3,950.00")
        #expect(Price.format(Decimal(string: "1234567.5")!) == "1,234,567.50")
    }
}
