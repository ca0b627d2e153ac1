import Foundation
import GraywatchCore

/// Properties every result must have whatever the input, checked after each fuzzed run.
///
/// A broken one is a finding like a crash: the message goes to stderr and the process traps, so libFuzzer keeps
/// the input as a crash artifact.
public enum Invariants {
    /// Evidence points into the listing: every identifier's and claim's span lies inside the text of its field,
    /// and the text it quotes is exactly that slice.
    public static func checkEvidence(_ listing: Listing) {
        for identifier in listing.identifiers {
            check(span: identifier.span, quotes: identifier.raw, in: listing, what: "identifier \(identifier.normalized)")
        }
        for claim in listing.claims {
            guard let span = claim.span else { continue }
            check(span: span, quotes: claim.text, in: listing, what: "claim \(claim.value)")
        }
    }

    /// Findings quote the listing: every evidence span lies inside its field's text and reads the quoted text.
    public static func checkFindings(_ assessment: Assessment, of listing: Listing) {
        for finding in assessment.findings {
            for evidence in finding.evidence {
                guard let span = evidence.span else { continue }
                check(span: span, quotes: evidence.text, in: listing, what: "evidence of \(finding.ruleID)")
            }
        }
    }

    /// An error about a page names the page (the project's rule for hostile input).
    public static func checkNamesPage(_ error: any Error, url: String) {
        guard "\(error)".contains(url) else { fail("error does not name the page \(url): \(error)") }
    }

    /// A slice of `text` quoted at a Unicode-scalar offset lies inside it and reads `quoted`.
    public static func check(start: Int, length: Int, quotes quoted: String, in text: String, what: String) {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, length >= 0, start + length <= scalars.count else {
            fail("\(what): span \(start)+\(length) outside a text of \(scalars.count) scalars")
        }
        let slice = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
        guard slice == quoted else { fail("\(what): span \(start)+\(length) reads \(slice.debugDescription), quoted \(quoted.debugDescription)") }
    }

    private static func check(span: TextSpan, quotes quoted: String, in listing: Listing, what: String) {
        check(start: span.start, length: span.length, quotes: quoted, in: listing.text(of: span.field),
              what: "\(what) in \(span.field.rawValue)")
    }

    /// Reports a broken property and traps.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("graywatch-fuzz: invariant broken: \(message)\n".utf8))
        fatalError(message)
    }
}
