/// White-space folding for text taken out of HTML.
public enum TextNormalizer {
    /// Folds runs of spaces and tabs (and no-break spaces) into one space within each line, trims every line,
    /// and drops empty lines.
    public static func collapse(_ text: String) -> String {
        stripInvisible(text).split(whereSeparator: \.isNewline)
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{200B}" })
                    .joined(separator: " ")
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Removes invisible format characters sites sprinkle into text (LRM, RLM, zero-width space and joiners, BOM).
    public static func stripInvisible(_ text: String) -> String {
        let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}"]
        guard text.unicodeScalars.contains(where: invisible.contains) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !invisible.contains($0) }))
    }

    /// Folds all white space, newlines included, into single spaces.
    public static func singleLine(_ text: String) -> String {
        stripInvisible(text).split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).joined(separator: " ")
    }
}
