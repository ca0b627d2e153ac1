import GraywatchCore

/// Finds every identifier in a text: catalog SKUs (via ``SKUMatcher``), serial numbers, CLEI codes and
/// assembly numbers, in text order and without overlaps (a SKU wins over any other reading of its text).
///
/// Serials and CLEI codes count when a label ("S/N", "Serial Number:", "CLEI") stands just before them, or,
/// unlabeled, only in shapes no ordinary word or model name takes (``IdentifierShapes``).
public struct IdentifierScanner: Sendable {
    public let catalog: Catalog
    let matcher: SKUMatcher

    static let serialLabels = labels([
        "serial number", "serial no", "serial nr", "serial #", "serial", "s/n", "sn", "s.n", "chassis serial",
        "seriennummer", "numéro de série", "n° de série", "número de serie", "序列号",
    ])
    static let cleiLabels = labels(["clei code number", "clei code", "clei"])
    /// What may stand between a label and its value ("S/N: ", "Serial #", "CLEI - ").
    static let labelGap: Set<Unicode.Scalar> = [" ", "\t", ":", "#", ".", "-", "=", "：", "\u{00A0}"]

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.matcher = SKUMatcher(catalog: catalog)
    }

    /// Every identifier in `text`, ordered by position, spans in Unicode scalars of `field`.
    public func identifiers(in text: String, field: ListingField) -> [Identifier] {
        let scalars = Array(text.unicodeScalars)
        let skus = matcher.identifiers(in: text, field: field)
        var inSKU = [Bool](repeating: false, count: scalars.count)
        for sku in skus { for offset in sku.span.start..<(sku.span.start + sku.span.length) { inSKU[offset] = true } }
        let tokens = SKUMatcher.tokens(in: scalars).filter { !inSKU[$0.lowerBound] }
        let lowered = scalars.map(IdentifierScanner.lower)
        let serialLabeled = IdentifierScanner.labeledStarts(lowered, IdentifierScanner.serialLabels)
        let cleiLabeled = IdentifierScanner.labeledStarts(lowered, IdentifierScanner.cleiLabels)
        var found: [Identifier] = []
        func emit(_ kind: Identifier.Kind, _ range: Range<Int>, _ normalized: String, _ qualifiers: [String]) {
            found.append(Identifier(kind: kind, raw: String(String.UnicodeScalarView(scalars[range])),
                                    normalized: normalized, span: TextSpan(field: field, start: range.lowerBound,
                                                                           length: range.count),
                                    qualifiers: qualifiers))
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let original = Array(scalars[token])
            let upper = original.map(IdentifierScanner.upper)
            if let (range, number, rev, next) = assembly(at: index, tokens, scalars) {
                emit(.assembly, range, number, ["assembly-prefix:" + String(number.prefix(3))] + (rev.map { ["rev:\($0)"] } ?? []))
                index = next
                continue
            }
            index += 1
            // A serial or code never continues with a dash and more characters ("SN: EX4300-48T" is a model).
            if token.upperBound + 1 < scalars.count, scalars[token.upperBound] == "-",
                SKUMatcher.isWordScalar(scalars[token.upperBound + 1]) { continue }
            if token.lowerBound > 0, scalars[token.lowerBound - 1] == "-" { continue }
            let isUpper = original == upper
            let text = String(String.UnicodeScalarView(upper))
            if cleiLabeled.contains(token.lowerBound), IdentifierShapes.isCLEI(upper) {
                emit(.clei, token, text, ["labeled"])
            } else if serialLabeled.contains(token.lowerBound) {
                let shape = IdentifierShapes.serialShape(upper)
                guard shape != nil || IdentifierShapes.isPlausibleLabeledSerial(upper) else { continue }
                emit(.serial, token, text, ["serial-shape:\(shape ?? "unrecognized")", "labeled"])
            } else if isUpper, IdentifierShapes.isStrictCLEI(upper) {
                emit(.clei, token, text, [])
            } else if isUpper, let shape = IdentifierShapes.serialShape(upper), IdentifierShapes.isUnambiguousSerialShape(shape) {
                emit(.serial, token, text, ["serial-shape:\(shape)"])
            }
        }
        return (skus + found).sorted { $0.span.start < $1.span.start }
    }

    /// An assembly number starting at token `index` ("740-031980", optionally "REV 04"): its range, the number,
    /// the revision and the index of the token after it.
    private func assembly(at index: Int, _ tokens: [Range<Int>], _ scalars: [Unicode.Scalar])
        -> (Range<Int>, String, String?, Int)?
    {
        guard index + 1 < tokens.count else { return nil }
        let first = tokens[index], second = tokens[index + 1]
        guard second.lowerBound == first.upperBound + 1, scalars[first.upperBound] == "-",
            IdentifierShapes.isAssembly(prefix: Array(scalars[first]), body: Array(scalars[second])),
            first.lowerBound == 0 || !"-/.".unicodeScalars.contains(scalars[first.lowerBound - 1]),
            second.upperBound + 1 >= scalars.count || scalars[second.upperBound] != "-"
                || !SKUMatcher.isWordScalar(scalars[second.upperBound + 1])
        else { return nil }
        let number = String(String.UnicodeScalarView(scalars[first.lowerBound..<second.upperBound]))
        var end = second.upperBound, next = index + 2
        if next < tokens.count, tokens[next].lowerBound - end <= 2,
            scalars[end..<tokens[next].lowerBound].allSatisfy({ " -_,".unicodeScalars.contains($0) })
        {
            let word = String(String.UnicodeScalarView(scalars[tokens[next]])).uppercased()
            if word == "REV", next + 1 < tokens.count, tokens[next + 1].lowerBound - tokens[next].upperBound <= 2,
                tokens[next + 1].count <= 3
            {
                end = tokens[next + 1].upperBound
                return (first.lowerBound..<end, number, String(String.UnicodeScalarView(scalars[tokens[next + 1]])).uppercased(), next + 2)
            }
            if word.hasPrefix("REV"), (4...6).contains(word.count), word.dropFirst(3).allSatisfy(\.isNumber) {
                end = tokens[next].upperBound
                return (first.lowerBound..<end, number, String(word.dropFirst(3)), next + 1)
            }
        }
        return (first.lowerBound..<end, number, nil, next)
    }

    /// Offsets where a value starts right after one of `labels` (word-bounded, separators skipped).
    static func labeledStarts(_ lowered: [Unicode.Scalar], _ labels: [[Unicode.Scalar]]) -> Set<Int> {
        var starts = Set<Int>()
        for position in lowered.indices where position == 0 || !SKUMatcher.isWordScalar(lowered[position - 1]) {
            for label in labels where position + label.count <= lowered.count
                && lowered[position..<(position + label.count)].elementsEqual(label)
            {
                var end = position + label.count
                if let last = label.last, SKUMatcher.isWordScalar(last), end < lowered.count,
                    SKUMatcher.isWordScalar(lowered[end]) { continue }
                var skipped = 0
                while end < lowered.count, labelGap.contains(lowered[end]), skipped < 4 { end += 1; skipped += 1 }
                starts.insert(end)
            }
        }
        return starts
    }

    static func labels(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.lowercaseMapping.unicodeScalars.count == 1
            ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCII ? (scalar.properties.uppercaseMapping.unicodeScalars.first ?? scalar) : scalar
    }
}

/// The shapes of Juniper serial numbers, CLEI codes and assembly numbers, with the public evidence for each.
///
/// Evidence (`show chassis hardware` outputs and KB articles):
/// - Fixed-configuration switches print a 12-character chassis serial of two letters and ten digits
///   ("PE3717190123" EX4300-48T, "NW0217450140" EX4300 virtual chassis, "NX0213110014", "HV3614150069").
/// - MX, SRX and some EX chassis print "JN" and ten letters or digits ("JN125E69…" MX960, "JN11D2E7CAFB" EX3400).
/// - Power supplies and power distribution modules print 11 characters: a digit and a letter then nine more
///   ("1EDN3721234", "1EDL3120017"), or three letters and eight digits ("QCS1936…" MX960 PDM).
/// - Boards (midplanes, FPCs, front panels) print four letters and four digits ("BBAK8704" QFX3500 FPC in
///   Juniper KB31563, "ACRF…" MX960 midplane, "CAFX…" FPM board).
/// - CLEI (JUNIPER-MIB jnxContentsChassisCleiCode, Telcordia GR-485): 10 alphanumerics; two characters of
///   equipment type, two of sub-category, three of features, one reference character, two of vintage
///   ("COM3L00BRA", "COMHD00BRC", "CMM8T00ARA"). Unlabeled codes are accepted only in the common strict shape
///   three letters, two alphanumerics, two digits, three letters.
/// - Assembly (part) numbers: three digits, dash, six digits ("750-036931", "650-044930", "740-046873",
///   "711-048567"); the first digit is 6 or 7 in every inventory seen; an optional "REV nn" follows.
enum IdentifierShapes {
    /// The shape name of a serial-number candidate (upper-cased), or nil when it has no known shape.
    static func serialShape(_ token: [Unicode.Scalar]) -> String? {
        let letters = token.map(isLetter), digits = token.map(isDigit)
        func all(_ flags: [Bool], _ range: Range<Int>) -> Bool { range.allSatisfy { flags[$0] } }
        switch token.count {
        case 12 where all(letters, 0..<2) && all(digits, 2..<12): return "chassis"
        case 12 where token[0] == "J" && token[1] == "N" && digits.filter { $0 }.count >= 4: return "chassis"
        case 11 where digits[0] && letters[1] && digits.filter { $0 }.count >= 6: return "power-supply"
        case 11 where all(letters, 0..<3) && all(digits, 3..<11): return "power-supply"
        case 8 where all(letters, 0..<4) && all(digits, 4..<8): return "board"
        default: return nil
        }
    }

    /// True for shapes distinctive enough to be taken as serials without a "Serial"/"S/N" label.
    static func isUnambiguousSerialShape(_ shape: String?) -> Bool {
        shape == "chassis"
    }

    /// True for any 10-character CLEI: alphanumerics, the first two letters, at least one digit.
    static func isCLEI(_ token: [Unicode.Scalar]) -> Bool {
        token.count == 10 && isLetter(token[0]) && isLetter(token[1]) && token.contains(where: isDigit)
    }

    /// True for the strict CLEI shape accepted without a "CLEI" label (e.g. "IPMWD00ARA").
    static func isStrictCLEI(_ token: [Unicode.Scalar]) -> Bool {
        guard token.count == 10 else { return false }
        return (0..<3).allSatisfy { isLetter(token[$0]) } && isDigit(token[5]) && isDigit(token[6])
            && (7..<10).allSatisfy { isLetter(token[$0]) }
    }

    /// True for an assembly-number prefix ("740") or body ("031980").
    static func isAssembly(prefix: [Unicode.Scalar], body: [Unicode.Scalar]) -> Bool {
        prefix.count == 3 && body.count == 6 && prefix.allSatisfy(isDigit) && body.allSatisfy(isDigit)
            && (prefix[0] == "6" || prefix[0] == "7")
    }

    /// A labeled serial of no known shape still counts when it is 5–20 characters with a digit.
    static func isPlausibleLabeledSerial(_ token: [Unicode.Scalar]) -> Bool {
        (5...20).contains(token.count) && token.contains(where: isDigit)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
