import Foundation

extension PriceParser {
    /// A run of digits and separators read as one number.
    struct NumberHit: Sendable {
        /// Index of the first character.
        let start: Int
        /// Index just past the last digit.
        let end: Int
        /// Index just past a trailing ornament (",-", ".–", ":-"), or `end` when there is none.
        let tailEnd: Int
        /// The digits plus the "," and "." between them; grouping spaces and apostrophes are dropped.
        let raw: [Character]
    }

    /// The POSIX locale, so `Decimal(string:)` always reads "." as the decimal point.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Apostrophes used for Swiss grouping, all read as "'".
    static let apostrophes: Set<Character> = ["’", "‘", "ʼ", "′", "`", "´"]

    /// Dashes of every width, all read as "-".
    static let dashes: Set<Character> = ["–", "—", "−", "‒", "‐", "‑", "―", "﹣", "－"]

    /// Arabic-Indic and Persian digits and separators, mapped to ASCII.
    static let foreignDigits: [Character: Character] = {
        var table: [Character: Character] = ["٫": ".", "٬": ",", "،": ","]
        let ascii = Array("0123456789")
        for (offset, digit) in ascii.enumerated() {
            for base: UInt32 in [0x0660, 0x06F0, 0xFF10] {
                if let scalar = Unicode.Scalar(base + UInt32(offset)) { table[Character(scalar)] = digit }
            }
        }
        return table
    }()

    /// The text as characters with every kind of space read as " ", apostrophes as "'", dashes as "-" and digits as ASCII.
    static func normalized(_ text: String) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(text.count)
        for character in text {
            if character.isWhitespace {
                out.append(" ")
            } else if apostrophes.contains(character) {
                out.append("'")
            } else if dashes.contains(character) {
                out.append("-")
            } else if let digit = foreignDigits[character] {
                out.append(digit)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// True when a number may start at `index`: a digit, or a "." before a digit that follows no letter or digit (".99").
    static func startsNumber(_ chars: [Character], at index: Int) -> Bool {
        if chars[index].isASCIIDigit { return true }
        guard chars[index] == ".", index + 1 < chars.count, chars[index + 1].isASCIIDigit else { return false }
        return index == 0 || !(chars[index - 1].isASCIIDigit || chars[index - 1].isLetter)
    }

    /// Reads the number starting at `index`: "," and "." join digits; a space or apostrophe joins only a group of exactly three.
    static func number(in chars: [Character], at index: Int) -> NumberHit {
        var raw: [Character] = []
        var position = index
        var groupLength = 0
        var sawSeparator = false
        while position < chars.count {
            let character = chars[position]
            if character.isASCIIDigit {
                raw.append(character)
                groupLength += 1
            } else if character == "," || character == ".",
                      position + 1 < chars.count, chars[position + 1].isASCIIDigit {
                raw.append(character)
                sawSeparator = true
                groupLength = 0
            } else if character == " " || character == "'", !sawSeparator, (1...3).contains(groupLength),
                      isThreeDigitGroup(chars, at: position + 1), !isQuantityWord(chars, at: position + 4) {
                groupLength = 0
            } else {
                break
            }
            position += 1
        }
        return NumberHit(start: index, end: position, tailEnd: ornamentEnd(chars, from: position), raw: raw)
    }

    /// True when exactly three digits start at `index`.
    static func isThreeDigitGroup(_ chars: [Character], at index: Int) -> Bool {
        guard index + 2 < chars.count, chars[index...(index + 2)].allSatisfy(\.isASCIIDigit) else { return false }
        return index + 3 == chars.count || !chars[index + 3].isASCIIDigit
    }

    /// True when a quantity word follows `index` after spaces ("5 100 pcs": 100 is a count, not a thousands group).
    static func isQuantityWord(_ chars: [Character], at index: Int) -> Bool {
        var start = index
        while start < chars.count, chars[start] == " " { start += 1 }
        var end = start
        while end < chars.count, chars[end].isLetter { end += 1 }
        return start < end && quantityWords.contains(String(chars[start..<end]).lowercased())
    }

    /// The index past a "no minor units" ornament after a number (",-", ".–", ":-", ",--"), or `index` itself.
    static func ornamentEnd(_ chars: [Character], from index: Int) -> Int {
        guard index + 1 < chars.count, [",", ".", ":"].contains(chars[index]), chars[index + 1] == "-" else { return index }
        var end = index + 1
        while end < chars.count, chars[end] == "-" { end += 1 }
        return end
    }

    /// Reads separators by shape: of two kinds the last is decimal; one kind repeated groups; a lone one is decimal unless three digits follow.
    ///
    /// A lone separator before exactly three digits is grouping, unless the integer part is zero ("0.500"), or the site
    /// declared `decimalSeparator` and the currency has minor units. Returns the amount and its count of fraction digits.
    static func value(of raw: [Character], decimalSeparator: Character?, zeroDecimal: Bool) -> (amount: Decimal, fractionDigits: Int)? {
        let lastDot = raw.lastIndex(of: "."), lastComma = raw.lastIndex(of: ",")
        var decimalAt: Int?
        switch (lastDot, lastComma) {
        case let (dot?, comma?):
            decimalAt = max(dot, comma)
        case let (separatorAt?, nil), let (nil, separatorAt?):
            let separator = raw[separatorAt]
            let occurrences = raw.filter { $0 == separator }.count
            let digitsAfter = raw.count - separatorAt - 1
            let whole = raw[..<separatorAt]
            if occurrences > 1 {
                decimalAt = nil
            } else if digitsAfter != 3 || whole.allSatisfy({ $0 == "0" }) {
                decimalAt = separatorAt
            } else if !zeroDecimal, let decimalSeparator {
                decimalAt = decimalSeparator == separator ? separatorAt : nil
            } else {
                decimalAt = nil
            }
        case (nil, nil):
            decimalAt = nil
        }
        let whole = raw[..<(decimalAt ?? raw.count)].filter(\.isASCIIDigit)
        let fraction = decimalAt.map { raw[($0 + 1)...].filter(\.isASCIIDigit) } ?? []
        guard (1...30).contains(whole.count + fraction.count) else { return nil }
        let text = (whole.isEmpty ? "0" : String(whole)) + (fraction.isEmpty ? "" : "." + String(fraction))
        guard let amount = Decimal(string: text, locale: posix) else { return nil }
        return (amount, fraction.count)
    }

    /// Words joining the two ends of a range ("$10 to $20", "10 bis 20 €"); "-" and "~" are handled as characters.
    static let rangeWords: [[Character]] = [Array("to"), Array("bis")]

    /// Words that introduce a unit ("per unit", "pro Stück").
    static let unitIntroducers: Set<String> = ["per", "pro", "je", "par", "por"]

    /// Words that make a price per piece on their own ("$5 each").
    static let eachWords: [String: String] = ["each": "piece", "ea": "piece", "apiece": "piece"]

    /// Unit words, lower-cased, mapped to their canonical singular.
    static let unitNames: [String: String] = {
        let groups: [String: [String]] = [
            "piece": ["piece", "pieces", "pc", "pcs", "pce", "stück", "stk", "st", "шт", "件", "个", "個", "each", "ea", "item", "items"],
            "unit": ["unit", "units"], "pair": ["pair", "pairs", "pr", "paar"], "lot": ["lot", "lots"],
            "set": ["set", "sets", "satz"], "box": ["box", "boxes"], "pack": ["pack", "packs", "pk", "pkg"],
            "roll": ["roll", "rolls"], "bag": ["bag", "bags"], "carton": ["carton", "cartons", "ctn"],
            "dozen": ["dozen", "dz"], "kg": ["kg"], "g": ["g"], "lb": ["lb", "lbs"], "meter": ["m", "meter", "meters", "metre", "metres"],
            "ft": ["ft", "foot", "feet"], "month": ["month", "months", "mo", "monat"], "year": ["year", "years", "yr", "jahr"],
            "license": ["license", "licenses", "licence", "licences"], "user": ["user", "users"], "seat": ["seat", "seats"],
            "kit": ["kit", "kits"], "sheet": ["sheet", "sheets"], "liter": ["l", "liter", "liters", "litre", "litres"],
        ]
        var table: [String: String] = [:]
        for (canonical, words) in groups { for word in words { table[word] = canonical } }
        return table
    }()

    /// Words after a number that make it a quantity rather than a price ("10 pcs", "3 sold").
    static let quantityWords: Set<String> = [
        "x", "pc", "pcs", "piece", "pieces", "item", "items", "unit", "units", "stück", "stk", "sold", "left",
        "available", "pairs", "lots", "sets", "days", "hours", "weeks", "bids", "bid", "watchers", "reviews",
    ]

    /// Phrases that mean the page gives no price; a number with no currency marker beside them is not one.
    static let noPricePhrases: [String] = [
        "contact", "on request", "upon request", "request a quote", "request quote", "make offer", "make an offer",
        "call for", "ask for price", "inquire", "enquire", "auf anfrage", "sur demande", "a consultar",
        "price on application", "poa", "for price", "for pricing",
    ]
}
