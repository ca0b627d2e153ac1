/// White-space folding for text taken out of HTML.
public enum TextNormalizer {
    /// Folds runs of spaces and tabs (and no-break spaces) into one space within each line, trims every line,
    /// and drops empty lines.
    public static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{200B}" })
                    .joined(separator: " ")
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Folds all white space, newlines included, into single spaces.
    public static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).joined(separator: " ")
    }
}
