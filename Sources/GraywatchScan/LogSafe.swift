/// Makes page-derived text safe to print in a log line or terminal: control characters (escape sequences,
/// newlines that would forge log lines) are shown as `\u{…}` and the length is capped.
public enum LogSafe {
    public static func text(_ value: String, limit: Int = 300) -> String {
        var output = ""
        for scalar in value.unicodeScalars.prefix(limit) {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            {
                output += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return value.unicodeScalars.count > limit ? output + "…" : output
    }
}
