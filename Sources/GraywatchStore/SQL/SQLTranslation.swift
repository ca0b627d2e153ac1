import Foundation

/// Turns the store's statements (written for SQLite and PostgreSQL alike) into PostgreSQL's spelling, once per text.
final class SQLTranslationCache: @unchecked Sendable {
    private var cache: [String: String] = [:]
    private let lock = NSLock()

    func postgres(_ sql: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[sql] { return hit }
        let translated = SQLTranslation.postgres(sql)
        if cache.count > 4096 { cache.removeAll() }
        cache[sql] = translated
        return translated
    }
}

/// The few spellings where SQLite and PostgreSQL differ in the store's statements.
enum SQLTranslation {
    /// `?` outside quotes → `$1`, `$2`…; `IFNULL(` → `COALESCE(`; `IS x` → `IS NOT DISTINCT FROM x`; `INSERT OR IGNORE INTO … ` → `INSERT INTO …
    /// ON CONFLICT DO NOTHING`.
    static func postgres(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var index = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                output.append(character)
            case "?":
                index += 1
                output += "$\(index)"
            default:
                output.append(character)
            }
        }
        output = output.replacingOccurrences(of: "IFNULL(", with: "COALESCE(")
        // SQLite's null-safe comparison `a IS b` / `a IS NOT b` is spelled IS [NOT] DISTINCT FROM in PostgreSQL.
        output = output.replacingOccurrences(of: #"\bIS NOT (?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)"#, with: "IS DISTINCT FROM ",
                                             options: .regularExpression)
        output = output.replacingOccurrences(of: #"\bIS (?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)"#, with: "IS NOT DISTINCT FROM ",
                                             options: .regularExpression)
        if let range = output.range(of: "INSERT OR IGNORE INTO") {
            output.replaceSubrange(range, with: "INSERT INTO")
            if let returning = output.range(of: " RETURNING ") {
                output.insert(contentsOf: " ON CONFLICT DO NOTHING", at: returning.lowerBound)
            } else {
                output += " ON CONFLICT DO NOTHING"
            }
        }
        return output
    }
}
