import Foundation
import GraywatchCore

/// One row of the price table: displayed text, the page context, and what the parser should read.
struct PriceRow: Sendable {
    let text: String
    /// Expected amount as plain decimal text, or nil when the text holds no price.
    let amount: String?
    let currency: String?
    let upper: String?
    let unit: String?
    let hint: String?
    let separator: Character?
    let defaultCurrency: String?

    init(_ text: String, _ amount: String?, _ currency: String?, upper: String? = nil, unit: String? = nil,
         hint: String? = nil, separator: Character? = nil, default defaultCurrency: String? = nil) {
        self.text = text
        self.amount = amount
        self.currency = currency
        self.upper = upper
        self.unit = unit
        self.hint = hint
        self.separator = separator
        self.defaultCurrency = defaultCurrency
    }

    /// A description of how `price` differs from this row, or nil when it matches.
    func mismatch(_ price: Price?) -> String? {
        func decimal(_ text: String?) -> Decimal? { text.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
        let expected = amount.map { _ in "\(amount ?? "") \(currency ?? "") upper \(upper ?? "-") unit \(unit ?? "-")" } ?? "nil"
        let got = price.map { "\($0.amountText) \($0.currency) upper \($0.upperAmount.map { "\($0)" } ?? "-") unit \($0.unit ?? "-")" } ?? "nil"
        guard let price else { return amount == nil ? nil : "\(text.debugDescription): expected \(expected), got nil" }
        let matches = amount != nil && price.amount == decimal(amount) && price.currency == currency
            && price.upperAmount == decimal(upper) && price.unit == unit
        return matches ? nil : "\(text.debugDescription): expected \(expected), got \(got)"
    }
}

/// Real-world-style price strings across currencies and separator styles, with the negatives that must read as nil.
enum PriceTable {
    static let rows: [PriceRow] = [
        // USD: symbols, codes, approximations, quantities beside the price.
        PriceRow("US $1,299.99", "1299.99", "USD"), PriceRow("$450.00", "450.00", "USD"), PriceRow("$1,299", "1299", "USD"),
        PriceRow("$12", "12", "USD"), PriceRow("$0.99", "0.99", "USD"), PriceRow("$.99", "0.99", "USD"),
        PriceRow("US$ 49.95", "49.95", "USD"), PriceRow("US$49.95", "49.95", "USD"), PriceRow("USD 1,299.00", "1299.00", "USD"),
        PriceRow("1,299.00 USD", "1299.00", "USD"), PriceRow("USD1299", "1299", "USD"), PriceRow("Price: $24.99", "24.99", "USD"),
        PriceRow("Now $19.99 Was $29.99", "19.99", "USD"), PriceRow("$1,234,567.89", "1234567.89", "USD"), PriceRow("$ 75", "75", "USD"),
        PriceRow("US $2,500", "2500", "USD"), PriceRow("Approximately US $2.66", "2.66", "USD"), PriceRow("approx. US $13.99", "13.99", "USD"),
        PriceRow("~ US $8.40", "8.40", "USD"), PriceRow("US $1,299.99 or Best Offer", "1299.99", "USD"), PriceRow("2 x US $5.00", "5.00", "USD"),
        PriceRow("Qty 3 – US $9.99", "9.99", "USD"), PriceRow("Qty: 10 | US $4.50", "4.50", "USD"), PriceRow("USD $25", "25", "USD"),
        PriceRow("20% off $99.99", "99.99", "USD"), PriceRow("Save 20%: $79.00", "79.00", "USD"), PriceRow("iPhone 15 $799", "799", "USD"),
        PriceRow("SRX300 - $1,450.00", "1450.00", "USD"), PriceRow("EX4300-48T US $2,100.00", "2100.00", "USD"),
        PriceRow("$1,299.99 + $25.00 shipping", "1299.99", "USD"), PriceRow("US $12.00 (2 available)", "12.00", "USD"), PriceRow("US $5 100 pcs", "5", "USD"),
        PriceRow("US $1,299.99 US $1,499.99", "1299.99", "USD"), PriceRow("From $99", "99", "USD"), PriceRow("US $0.00", "0.00", "USD"),
        PriceRow("Buy It Now: US $375.00", "375.00", "USD"), PriceRow("US $1,299.99\nFree shipping", "1299.99", "USD"),
        PriceRow("$4,250.00 USD", "4250.00", "USD"), PriceRow("12.50 dollars", "12.50", "USD"), PriceRow("$3,950", "3950", "USD"),
        PriceRow("List price $2,995.00, sale $1,995.00", "2995.00", "USD"), PriceRow("U$S 120", "120", "USD"),
        PriceRow("Sold for US $880.00", "880.00", "USD"), PriceRow("$1.2345", "1.2345", "USD"), PriceRow("$ 1 299.00", "1299.00", "USD"),
        // Ranges.
        PriceRow("US $10.50 - 12.00", "10.50", "USD", upper: "12.00"), PriceRow("US $10.50 – US $12.00", "10.50", "USD", upper: "12.00"),
        PriceRow("$10 to $20", "10", "USD", upper: "20"), PriceRow("$10-$20", "10", "USD", upper: "20"),
        PriceRow("$5 ~ $8", "5", "USD", upper: "8"), PriceRow("US $1,200 - 1,500", "1200", "USD", upper: "1500"),
        PriceRow("10 € - 15 €", "10", "EUR", upper: "15"), PriceRow("10 - 20 €", "10", "EUR", upper: "20"),
        PriceRow("10,00 € bis 15,00 €", "10.00", "EUR", upper: "15.00"), PriceRow("€5–€8", "5", "EUR", upper: "8"),
        PriceRow("£10 - £15", "10", "GBP", upper: "15"), PriceRow("¥1,000~¥2,000", "1000", "JPY", upper: "2000"),
        PriceRow("1 299 - 1 499 kr", "1299", "SEK", upper: "1499"), PriceRow("R$ 49,90 - R$ 59,90", "49.90", "BRL", upper: "59.90"),
        PriceRow("US $9.99 - 3 pcs", "9.99", "USD"), PriceRow("US $9.99 - 12 pcs", "9.99", "USD"), PriceRow("Qty 3 – 9,99 €", "9.99", "EUR"), PriceRow("Pluto 20 €", "20", "EUR"), PriceRow("5 to 10 €", "5", "EUR", upper: "10"),
        PriceRow("$20 - $10", "20", "USD"), PriceRow("CHF 12.– - 15.–", "12", "CHF", upper: "15"),
        // Per-unit prices.
        PriceRow("US $3.20/piece", "3.20", "USD", unit: "piece"), PriceRow("$12 / pair", "12", "USD", unit: "pair"),
        PriceRow("€5 per unit", "5", "EUR", unit: "unit"), PriceRow("US $1.50 / Piece | 10 Pieces (MOQ)", "1.50", "USD", unit: "piece"),
        PriceRow("US $0.80 - 1.20 / piece", "0.80", "USD", upper: "1.20", unit: "piece"), PriceRow("$5 each", "5", "USD", unit: "piece"),
        PriceRow("$5.99 ea", "5.99", "USD", unit: "piece"), PriceRow("from US $4.99/piece", "4.99", "USD", unit: "piece"),
        PriceRow("US $4.99/lot (10 pieces/lot)", "4.99", "USD", unit: "lot"), PriceRow("US $15.00 / 5 pieces", "15.00", "USD"),
        PriceRow("$1,299.99/mo", "1299.99", "USD", unit: "month"), PriceRow("€9,99/Monat", "9.99", "EUR", unit: "month"),
        PriceRow("12 EUR / m", "12", "EUR", unit: "meter"), PriceRow("9,99 € / Stück", "9.99", "EUR", unit: "piece"),
        PriceRow("£3.99 per metre", "3.99", "GBP", unit: "meter"), PriceRow("£12 / pack", "12", "GBP", unit: "pack"),
        PriceRow("199 kr/st", "199", "SEK", unit: "piece"), PriceRow("1200元/件", "1200", "CNY", unit: "piece"),
        PriceRow("US $2.10 / set", "2.10", "USD", unit: "set"), PriceRow("$8.50 per box", "8.50", "USD", unit: "box"),
        PriceRow("US $0.35 / Pieces", "0.35", "USD", unit: "piece"), PriceRow("US $45.00/Pair", "45.00", "USD", unit: "pair"),
        PriceRow("€ 2,40 pro Stück", "2.40", "EUR", unit: "piece"), PriceRow("US $120 / license / year", "120", "USD", unit: "license"),
        PriceRow("$30 / user", "30", "USD", unit: "user"), PriceRow("US $12.00 / Free shipping", "12.00", "USD"),
        PriceRow("¥88.00/件", "88.00", "CNY", unit: "piece", default: "CNY"), PriceRow("₹ 450 / kg", "450", "INR", unit: "kg"),
        // GBP.
        PriceRow("£115", "115", "GBP"), PriceRow("£1,150.00", "1150.00", "GBP"), PriceRow("GBP 1.99", "1.99", "GBP"),
        PriceRow("£ 45", "45", "GBP"), PriceRow("£45.50 inc VAT", "45.50", "GBP"), PriceRow("£1,299.00 + VAT", "1299.00", "GBP"),
        PriceRow("45 GBP", "45", "GBP"), PriceRow("£0.50", "0.50", "GBP"), PriceRow("Was £99.99 now £79.99", "99.99", "GBP"),
        PriceRow("£2,450", "2450", "GBP"), PriceRow("GBP 12,500.00", "12500.00", "GBP"), PriceRow("Buy it now £1,099.00", "1099.00", "GBP"),
        // EUR, both separator styles.
        PriceRow("1.234,56 €", "1234.56", "EUR"), PriceRow("EUR 1 234,56", "1234.56", "EUR"), PriceRow("€1,234.56", "1234.56", "EUR"),
        PriceRow("€ 12,99", "12.99", "EUR"), PriceRow("12,99 €", "12.99", "EUR"), PriceRow("12,99€", "12.99", "EUR"),
        PriceRow("12,- €", "12", "EUR"), PriceRow("€ 12,-", "12", "EUR"), PriceRow("EUR 1.234,56 inkl. MwSt.", "1234.56", "EUR"),
        PriceRow("1.299,00 EUR", "1299.00", "EUR"), PriceRow("EUR 1.299", "1299", "EUR"), PriceRow("1\u{00A0}299,00\u{00A0}€", "1299.00", "EUR"),
        PriceRow("1\u{202F}299,00\u{202F}€", "1299.00", "EUR"), PriceRow("1\u{2009}299,00 €", "1299.00", "EUR"),
        PriceRow("EUR 1\u{202F}234,56", "1234.56", "EUR"), PriceRow("ab 9,99 €", "9.99", "EUR"), PriceRow("€ 1.234.567,89", "1234567.89", "EUR"),
        PriceRow("ca. 50 €", "50", "EUR"), PriceRow("UVP 129,00 €", "129.00", "EUR"), PriceRow("Preis: 49,90 € inkl. 19% MwSt.", "49.90", "EUR"),
        PriceRow("-20% 79,99 €", "79.99", "EUR"), PriceRow("0,99 €", "0.99", "EUR"), PriceRow("€0.99", "0.99", "EUR"),
        PriceRow("1,5 €", "1.5", "EUR"), PriceRow("EUR 12.50", "12.50", "EUR"), PriceRow("12.50 EUR", "12.50", "EUR"),
        PriceRow("EUR 1,234.56", "1234.56", "EUR"), PriceRow("€1.234", "1234", "EUR"), PriceRow("Euro 25", "25", "EUR"),
        PriceRow("25 Euro", "25", "EUR"), PriceRow("25 euros", "25", "EUR"), PriceRow("2.499,- €", "2499", "EUR"),
        PriceRow("99,99 € 129,99 €", "99.99", "EUR"), PriceRow("€12.99 (2 x €6.50)", "12.99", "EUR"), PriceRow("0,00 €", "0.00", "EUR"),
        PriceRow("EUR 3.950,00", "3950.00", "EUR"), PriceRow("3 950 €", "3950", "EUR"), PriceRow("€ 3.950", "3950", "EUR"),
        PriceRow("Prix : 1 249,00 € TTC", "1249.00", "EUR"), PriceRow("Precio: 1.249,00 €", "1249.00", "EUR"), PriceRow("€ 1.249,00 IVA incl.", "1249.00", "EUR"),
        PriceRow("EUR 45", "45", "EUR"), PriceRow("45,-", "45", "EUR", default: "EUR"), PriceRow("Sofort-Kaufen EUR 89,00", "89.00", "EUR"),
        PriceRow("€ 1 299", "1299", "EUR"), PriceRow("12,345 €", "12345", "EUR"), PriceRow("12,3456 €", "12.3456", "EUR"),
        // JPY and CNY.
        PriceRow("¥8,000", "8000", "JPY"), PriceRow("¥ 12,000", "12000", "JPY"), PriceRow("12,000円", "12000", "JPY"),
        PriceRow("￥3,980", "3980", "JPY"), PriceRow("JPY 12,000", "12000", "JPY"), PriceRow("12000 JPY", "12000", "JPY"),
        PriceRow("¥1.234", "1234", "JPY"), PriceRow("1,980円（税込）", "1980", "JPY"), PriceRow("¥12,000 (税込)", "12000", "JPY"),
        PriceRow("JP¥ 5,500", "5500", "JPY"), PriceRow("3,000日元", "3000", "JPY"), PriceRow("¥ 298,000", "298000", "JPY"),
        PriceRow("CN¥ 1,200", "1200", "CNY"), PriceRow("RMB 1200", "1200", "CNY"), PriceRow("1200元", "1200", "CNY"),
        PriceRow("¥1,200", "1200", "CNY", hint: "CNY"), PriceRow("人民币 1,200", "1200", "CNY"), PriceRow("CNY 99.00", "99.00", "CNY"),
        PriceRow("¥ 1,200 RMB", "1200", "CNY"), PriceRow("RMB¥ 88.50", "88.50", "CNY"), PriceRow("售价 99元", "99", "CNY"),
        // KRW, INR.
        PriceRow("₩12,000", "12000", "KRW"), PriceRow("12,000원", "12000", "KRW"), PriceRow("KRW 15000", "15000", "KRW"),
        PriceRow("₩ 1,234,000", "1234000", "KRW"), PriceRow("₩1.234", "1234", "KRW"),
        PriceRow("₹1,23,456.78", "123456.78", "INR"), PriceRow("Rs. 1,299", "1299", "INR"), PriceRow("Rs 499", "499", "INR"),
        PriceRow("INR 2,500.00", "2500.00", "INR"), PriceRow("₹ 999", "999", "INR"), PriceRow("₹1,299.00", "1299.00", "INR"),
        PriceRow("Rs.1,23,456", "123456", "INR"), PriceRow("₹ 12,34,567", "1234567", "INR"), PriceRow("Rs. 2,999", "2999", "PKR", default: "PKR"),
        // RUB, TRY, UAH, BGN.
        PriceRow("1 299 ₽", "1299", "RUB"), PriceRow("1 299 руб.", "1299", "RUB"), PriceRow("RUB 5000", "5000", "RUB"),
        PriceRow("₽1,299", "1299", "RUB"), PriceRow("5 000 рублей", "5000", "RUB"), PriceRow("1299 руб", "1299", "RUB"),
        PriceRow("12\u{00A0}500,50 ₽", "12500.50", "RUB"), PriceRow("₺1.299,90", "1299.90", "TRY"), PriceRow("1.299,90 TL", "1299.90", "TRY"),
        PriceRow("TRY 250", "250", "TRY"), PriceRow("249,90 TL", "249.90", "TRY"), PriceRow("₺ 12.500", "12500", "TRY"),
        PriceRow("1 299 грн", "1299", "UAH"), PriceRow("₴ 500", "500", "UAH"), PriceRow("UAH 2 499", "2499", "UAH"),
        PriceRow("49,90 лв", "49.90", "BGN"), PriceRow("BGN 120", "120", "BGN"),
        // ZAR: "R" only before a space and digits.
        PriceRow("R 1 299,00", "1299.00", "ZAR"), PriceRow("R 450", "450", "ZAR"), PriceRow("ZAR 1,299.00", "1299.00", "ZAR"),
        PriceRow("Price R 12 999", "12999", "ZAR"), PriceRow("R 99,95", "99.95", "ZAR"),
        // Nordic crowns: "kr" is SEK unless a code, hint or default names another.
        PriceRow("kr 1 299", "1299", "SEK"), PriceRow("1 299 kr", "1299", "SEK"), PriceRow("SEK 1 299:-", "1299", "SEK"),
        PriceRow("1299 kr", "1299", "SEK"), PriceRow("kr 1.299", "1299", "SEK"), PriceRow("1 299,50 kr", "1299.50", "SEK"),
        PriceRow("1 299:-", "1299", "SEK", default: "SEK"), PriceRow("Pris: 2 495 kr", "2495", "SEK"), PriceRow("SEK 12 995", "12995", "SEK"),
        PriceRow("NOK 1 299", "1299", "NOK"), PriceRow("kr 1 299 NOK", "1299", "NOK"), PriceRow("1 299 kr", "1299", "NOK", default: "NOK"),
        PriceRow("kr 1.299,-", "1299", "NOK", default: "NOK"), PriceRow("1.299,- kr", "1299", "NOK", hint: "Pris (NOK)"),
        PriceRow("DKK 1.299,00", "1299.00", "DKK"), PriceRow("1.299,00 kr.", "1299.00", "DKK", default: "DKK"),
        PriceRow("kr. 499,95", "499.95", "DKK", hint: "DKK"), PriceRow("Kr 350", "350", "SEK"), PriceRow("DKK 12.995", "12995", "DKK"),
        PriceRow("ISK 12.990", "12990", "ISK"), PriceRow("12.990 kr.", "12990", "ISK", default: "ISK"),
        // CHF.
        PriceRow("CHF 1'299.–", "1299", "CHF"), PriceRow("CHF 1’299.00", "1299.00", "CHF"), PriceRow("Fr. 49.90", "49.90", "CHF"),
        PriceRow("CHF 12.-", "12", "CHF"), PriceRow("1'299.– CHF", "1299", "CHF"), PriceRow("SFr. 25.00", "25.00", "CHF"),
        PriceRow("CHF 1'234'567.50", "1234567.50", "CHF"), PriceRow("CHF 49.–", "49", "CHF"), PriceRow("CHF 2 350.00", "2350.00", "CHF"),
        // BRL, ARS, MXN, CLP, COP, PEN.
        PriceRow("R$ 2.500,00", "2500.00", "BRL"), PriceRow("R$2.500", "2500", "BRL"), PriceRow("R$ 49,90", "49.90", "BRL"),
        PriceRow("BRL 1.299,00", "1299.00", "BRL"), PriceRow("R$ 1.234.567,89", "1234567.89", "BRL"), PriceRow("por R$ 99,90 à vista", "99.90", "BRL"),
        PriceRow("AR$ 12.500", "12500", "ARS"), PriceRow("ARS 45.999,00", "45999.00", "ARS"),
        PriceRow("Mex$ 1,299.00", "1299.00", "MXN"), PriceRow("MX$ 350", "350", "MXN"), PriceRow("$1,299.00 MXN", "1299.00", "MXN"),
        PriceRow("CLP 12.990", "12990", "CLP"), PriceRow("$12.990", "12990", "CLP", default: "CLP"), PriceRow("COP 45.000", "45000", "COP"),
        PriceRow("$ 1.250.000", "1250000", "COP", hint: "COP"), PriceRow("PEN 199.90", "199.90", "PEN"),
        // PLN, CZK, HUF, RON.
        PriceRow("zł 99,99", "99.99", "PLN"), PriceRow("99,99 zł", "99.99", "PLN"), PriceRow("1 299,00 zł", "1299.00", "PLN"),
        PriceRow("PLN 1.299,00", "1299.00", "PLN"), PriceRow("1299 zł", "1299", "PLN"), PriceRow("Cena: 2 499 zł", "2499", "PLN"),
        PriceRow("1 299 Kč", "1299", "CZK"), PriceRow("CZK 2 500", "2500", "CZK"), PriceRow("299,- Kč", "299", "CZK"),
        PriceRow("12 990 Kč s DPH", "12990", "CZK"), PriceRow("12 990 Ft", "12990", "HUF"), PriceRow("HUF 12,990", "12990", "HUF"),
        PriceRow("12.990 Ft", "12990", "HUF"), PriceRow("Ft 5.000", "5000", "HUF"), PriceRow("1.299,99 lei", "1299.99", "RON"),
        PriceRow("RON 250", "250", "RON"), PriceRow("49,90 Lei", "49.90", "RON"),
        // VND, IDR, THB, PHP, MYR, SGD, HKD, TWD.
        PriceRow("12.345 ₫", "12345", "VND"), PriceRow("1.500.000₫", "1500000", "VND"), PriceRow("VND 250,000", "250000", "VND"),
        PriceRow("250.000 đ", "250000", "VND"), PriceRow("Rp 1.299.000", "1299000", "IDR"), PriceRow("Rp 150.000", "150000", "IDR"),
        PriceRow("IDR 75,000", "75000", "IDR"), PriceRow("฿1,290", "1290", "THB"), PriceRow("THB 990", "990", "THB"),
        PriceRow("₱ 1,299.00", "1299.00", "PHP"), PriceRow("PHP 499", "499", "PHP"), PriceRow("RM 299.00", "299.00", "MYR"),
        PriceRow("RM1,299", "1299", "MYR"), PriceRow("MYR 45.90", "45.90", "MYR"), PriceRow("S$ 129.00", "129.00", "SGD"),
        PriceRow("SGD 1,299.00", "1299.00", "SGD"), PriceRow("SG$45", "45", "SGD"), PriceRow("HK$ 1,280", "1280", "HKD"),
        PriceRow("HKD 999", "999", "HKD"), PriceRow("HK$88.5", "88.5", "HKD"), PriceRow("NT$ 1,290", "1290", "TWD"),
        PriceRow("NT$1,290", "1290", "TWD"), PriceRow("TWD 3,500", "3500", "TWD"), PriceRow("NTD 500", "500", "TWD"),
        // CAD, AUD, NZD.
        PriceRow("C $25.00", "25.00", "CAD"), PriceRow("CA$1,299.99", "1299.99", "CAD"), PriceRow("C$ 45", "45", "CAD"),
        PriceRow("CAD 99.95", "99.95", "CAD"), PriceRow("$25.00 CAD", "25.00", "CAD"), PriceRow("CAD $1,150", "1150", "CAD"),
        PriceRow("AU $49.95", "49.95", "AUD"), PriceRow("A$1,299", "1299", "AUD"), PriceRow("AUD 120.00", "120.00", "AUD"),
        PriceRow("$120 AUD", "120", "AUD"), PriceRow("AU$ 2,100", "2100", "AUD"), PriceRow("NZ$ 79.00", "79.00", "NZD"),
        PriceRow("NZD 1,299.00", "1299.00", "NZD"),
        // Middle East and Africa, Arabic-Indic digits.
        PriceRow("₪ 99.90", "99.90", "ILS"), PriceRow("ILS 250", "250", "ILS"), PriceRow("AED 1,299.00", "1299.00", "AED"),
        PriceRow("SAR 499", "499", "SAR"), PriceRow("SAR ١٬٢٣٤٫٥٦", "1234.56", "SAR"), PriceRow("AED ٥٠٠", "500", "AED"),
        PriceRow("EGP 1,500", "1500", "EGP"), PriceRow("₦25,000", "25000", "NGN"), PriceRow("KES 3,499", "3499", "KES"),
        PriceRow("QAR 1,050.00", "1050.00", "QAR"),
        // Hints: the label names the currency, or the family of an ambiguous symbol.
        PriceRow("$25", "25", "AUD", hint: "Price (AUD)"), PriceRow("$25", "25", "USD", hint: "Currency: GBP"),
        PriceRow("25.00", "25.00", "GBP", hint: "£"), PriceRow("25,00", "25.00", "EUR", hint: "Preis (EUR)"),
        PriceRow("1 299", "1299", "SEK", hint: "Pris i SEK"), PriceRow("12,50", "12.50", "GBP", hint: "Currency: GBP"),
        PriceRow("€25", "25", "EUR", hint: "USD"), PriceRow("¥3,000", "3000", "CNY", hint: "Price (RMB)"),
        PriceRow("kr 499", "499", "DKK", hint: "Valuta: DKK"), PriceRow("$49", "49", "CAD", hint: "cad"), PriceRow("199.00", "199.00", "USD", hint: "Price in US $"),
        PriceRow("1.299,00", "1299.00", "EUR", default: "EUR"), PriceRow("49.99", "49.99", "USD", default: "USD"),
        PriceRow("Price: 1 299", "1299", "SEK", default: "SEK"), PriceRow("$25", "25", "CAD", default: "CAD"),
        PriceRow("$25", "25", "USD", default: "EUR"), PriceRow("39,90", "39.90", "EUR", hint: "EUR", default: "USD"),
        // Declared decimal separator.
        PriceRow("1.234", "1234", "EUR", hint: "EUR", separator: ","), PriceRow("1.234", "1.234", "EUR", hint: "EUR", separator: "."),
        PriceRow("1,234", "1.234", "EUR", separator: ",", default: "EUR"), PriceRow("1,234", "1234", "USD", separator: ".", default: "USD"),
        PriceRow("¥1.234", "1234", "JPY", separator: "."), PriceRow("1.234,56", "1234.56", "EUR", separator: ".", default: "EUR"),
        PriceRow("12,50", "12.50", "EUR", separator: ".", default: "EUR"), PriceRow("€ 2.500", "2500", "EUR", separator: ","),
        PriceRow("KWD 1.250", "1.250", "KWD", separator: "."), PriceRow("1.234.567", "1234567", "EUR", separator: ".", default: "EUR"),
        PriceRow("0.500 EUR", "0.500", "EUR"), PriceRow("12.345 ₫", "12345", "VND", separator: "."),
        // No price: missing, placeholders, requests, negatives, currency letters inside words.
        PriceRow("", nil, nil), PriceRow("Contact seller", nil, nil), PriceRow("Best offer", nil, nil), PriceRow("$", nil, nil),
        PriceRow("US $", nil, nil), PriceRow("€", nil, nil), PriceRow("Price on request", nil, nil), PriceRow("Make offer", nil, nil),
        PriceRow("Make an offer", nil, nil), PriceRow("Free", nil, nil), PriceRow("FREE", nil, nil), PriceRow("Free shipping", nil, nil),
        PriceRow("Call for price", nil, nil), PriceRow("Sold out", nil, nil), PriceRow("N/A", nil, nil), PriceRow("—", nil, nil),
        PriceRow("-", nil, nil), PriceRow("EUR --,--", nil, nil), PriceRow("Contact seller for price: 555 1234", nil, nil, default: "USD"),
        PriceRow("Price on request (ref. 12345)", nil, nil, default: "EUR"), PriceRow("-5 €", nil, nil), PriceRow("-$5", nil, nil),
        PriceRow("€ -12,00", nil, nil), PriceRow("$-5", nil, nil), PriceRow("−5 €", nil, nil), PriceRow("12 units", nil, nil),
        PriceRow("Brand new", nil, nil), PriceRow("Qty 3", nil, nil), PriceRow("123456", nil, nil), PriceRow("See description", nil, nil),
        PriceRow("Preis auf Anfrage", nil, nil), PriceRow("Prix sur demande", nil, nil), PriceRow("POA", nil, nil), PriceRow("TBD", nil, nil),
        PriceRow("Out of stock", nil, nil), PriceRow("Enquire for price", nil, nil), PriceRow("Model SRX300", nil, nil),
        PriceRow("Brand 12", nil, nil), PriceRow("USDT 100", nil, nil), PriceRow("BRLX 50", nil, nil), PriceRow("Grand total 12", nil, nil),
        PriceRow("Make offer", nil, nil, default: "USD"), PriceRow("Call 555-0100 for price", nil, nil, default: "USD"),
        PriceRow("Price on request", nil, nil, hint: "EUR"), PriceRow("20% off", nil, nil, default: "USD"), PriceRow("Free", nil, nil, default: "EUR"),
        PriceRow("Request a quote", nil, nil, default: "USD"), PriceRow("Precio a consultar", nil, nil), PriceRow("Bids: 12", nil, nil),
        PriceRow("Trusted seller 99.8%", nil, nil), PriceRow("Kr", nil, nil), PriceRow("EUR", nil, nil), PriceRow("Price:", nil, nil),
        PriceRow("MX-480 router", nil, nil), PriceRow("Rack kit 2U", nil, nil), PriceRow("R1 299 Brand", nil, nil),
    ]
}
