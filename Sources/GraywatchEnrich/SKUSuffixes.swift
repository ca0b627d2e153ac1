/// The meaning of Juniper's ordering suffixes ("-AFI", "-DC", "-TAA", "-S", "-SYS-JB"), as identifier qualifiers.
///
/// Juniper names airflow by where air leaves the port side: AFO ("airflow out") is front-to-back and AFI
/// ("airflow in") is back-to-front; newer parts shorten them to AO and AI. "-S" marks a spare, "-TAA" a
/// Trade Agreements Act compliant build, "-SYS-JB" a system bundle.
public enum SKUSuffixes {
    /// Single-token suffixes → qualifier.
    static let single: [String: String] = [
        "AFI": "airflow:back-to-front", "AI": "airflow:back-to-front",
        "AFO": "airflow:front-to-back", "AO": "airflow:front-to-back",
        "AC": "power:ac", "DC": "power:dc", "TAA": "compliance:taa", "S": "spare",
    ]
    /// Two-token suffixes (first token, second token) → qualifier.
    static let pairs: [String: [String: String]] = ["SYS": ["JB": "bundle:sys-jb"]]

    /// The qualifier of the suffix starting at `tokens[index]`, and how many tokens it spans.
    static func suffix(_ tokens: [String], at index: Int) -> (qualifier: String, width: Int)? {
        guard index < tokens.count else { return nil }
        let first = tokens[index].uppercased()
        if index + 1 < tokens.count, let qualifier = pairs[first]?[tokens[index + 1].uppercased()] {
            return (qualifier, 2)
        }
        return single[first].map { ($0, 1) }
    }

    /// Qualifiers of the run of known suffixes that ends a part number ("EX4300-48T-DC-AFI" → power:dc,
    /// airflow:back-to-front), in written order.
    public static func qualifiers(ofPartNumber partNumber: String) -> [String] {
        let tokens = partNumber.split(separator: "-").map(String.init)
        var start = tokens.count
        // Walk back over the trailing suffix tokens, then read them forwards.
        while start > 1 {
            if start >= 3, suffix(tokens, at: start - 2)?.width == 2 { start -= 2; continue }
            guard single[tokens[start - 1].uppercased()] != nil else { break }
            start -= 1
        }
        return qualifiers(of: Array(tokens[start...]))
    }

    /// Qualifiers of a run of suffix tokens read forwards; unknown tokens are skipped.
    static func qualifiers(of tokens: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            if let (qualifier, width) = suffix(tokens, at: index) {
                if !result.contains(qualifier) { result.append(qualifier) }
                index += width
            } else {
                index += 1
            }
        }
        return result
    }
}
