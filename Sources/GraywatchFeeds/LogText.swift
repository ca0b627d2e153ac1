import Foundation

/// Makes remote-controlled text and webhook URLs safe to put in logs and stored error messages.
public enum LogText {
    /// Returns `text` with control, line-separator and bidi-override characters written as `\u{XX}` escapes,
    /// cut to at most `limit` characters (an ellipsis marks the cut).
    public static func escaped(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else if scalar == "\\" {
                out += "\\\\"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// Returns the scheme, host and port of a webhook URL, dropping user info, path and query,
    /// which often carry tokens (e.g. chat-service webhook URLs); "<invalid url>" when it does not parse.
    public static func redactedURL(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              let host = components.host, !host.isEmpty
        else { return "<invalid url>" }
        var text = escaped(scheme, limit: 10) + "://" + escaped(host, limit: 100)
        if let port = components.port { text += ":\(port)" }
        return text + "/…"
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true  // bidi controls
        default: return false
        }
    }
}
