import _CryptoExtras
import Crypto
import Foundation

/// Slow salted password hashes: PBKDF2-HMAC-SHA256 (swift-crypto), stored as `pbkdf2-sha256$ROUNDS$SALT$HASH`
/// (salt and hash base64). The round count travels with each hash, so it can be raised later without locking anyone out.
public enum PasswordHasher {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultRounds = 600_000
    static let prefix = "pbkdf2-sha256"

    /// A new hash of `password` with a fresh 16-byte random salt.
    public static func hash(_ password: String, rounds: Int = defaultRounds) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let key = try derive(password, salt: salt, rounds: rounds)
        return "\(prefix)$\(rounds)$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored`, compared in constant time. Malformed hashes never match.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == prefix, let rounds = Int(parts[1]), (1_000...10_000_000).contains(rounds),
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              let actual = try? derive(password, salt: Array(salt), rounds: rounds), actual.count == expected.count
        else { return false }
        return Secret.equal(Array(actual), Array(expected))
    }

    /// A password to burn time on when the user does not exist, so timing does not reveal which names exist.
    static let decoy: String = (try? hash("graywatch decoy password")) ?? ""

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// Random secrets for session cookies, CSRF tokens and API tokens: 32 random bytes, base64url without padding.
public enum Secret {
    public static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time that depends only on their length.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
