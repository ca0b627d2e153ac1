import Foundation
import GraywatchFeeds
import XCTest

final class WebhookSignatureTests: XCTestCase {
    private let body = Data(#"{"a":1}"#.utf8)
    private let secret = "whsec_test"
    private let signedAt = Date(timeIntervalSince1970: 1_700_000_000)

    func testSignatureMatchesAnIndependentHMACSHA256OfTimestampDotBody() {
        // python3: hmac.new(b'whsec_test', b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
        XCTAssertEqual(WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret),
                       "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789")
    }

    func testHeadersCarryKindDeliveryTimestampSignatureAndUserAgent() {
        let headers = Dictionary(uniqueKeysWithValues: WebhookSignature.headers(
            body: body, eventKind: "new_item", eventID: "e-1", secret: secret, now: signedAt.addingTimeInterval(0.9)))
        XCTAssertEqual(headers["X-Graywatch-Timestamp"], "1700000000")
        XCTAssertEqual(headers["X-Graywatch-Signature"], WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret))
        XCTAssertEqual(headers["X-Graywatch-Event"], "new_item")
        XCTAssertEqual(headers["X-Graywatch-Delivery"], "e-1")
        XCTAssertEqual(headers["Content-Type"], "application/json")
        XCTAssertEqual(headers["User-Agent"], "graywatch/0.2 webhook")
    }

    func testVerifyAcceptsAGenuineSignatureWithinTolerance() throws {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        try WebhookSignature.verify(body: body, timestamp: "1700000000", signature: signature, secret: secret,
                                    now: signedAt.addingTimeInterval(299))
        try WebhookSignature.verify(body: #"{"a":1}"#, timestamp: "1700000000", signature: signature.uppercased()
            .replacingOccurrences(of: "SHA256=", with: "sha256="), secret: secret, now: signedAt)
    }

    func testVerifyRejectsATamperedBody() {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        XCTAssertThrowsError(try WebhookSignature.verify(body: Data(#"{"a":2}"#.utf8), timestamp: "1700000000",
                                                         signature: signature, secret: secret, now: signedAt)) {
            XCTAssertEqual($0 as? WebhookSignature.VerificationError, .mismatch)
        }
    }

    func testVerifyRejectsAWrongSecret() {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        XCTAssertFalse(WebhookSignature.isValid(body: body, timestamp: "1700000000", signature: signature,
                                                secret: "whsec_other", now: signedAt))
    }

    func testVerifyRejectsStaleAndFutureTimestamps() {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        XCTAssertThrowsError(try WebhookSignature.verify(body: body, timestamp: "1700000000", signature: signature,
                                                         secret: secret, now: signedAt.addingTimeInterval(301))) {
            XCTAssertEqual($0 as? WebhookSignature.VerificationError, .staleTimestamp(age: 301))
        }
        XCTAssertFalse(WebhookSignature.isValid(body: body, timestamp: "1700000000", signature: signature,
                                                secret: secret, now: signedAt.addingTimeInterval(-600)))
        XCTAssertTrue(WebhookSignature.isValid(body: body, timestamp: "1700000000", signature: signature,
                                               secret: secret, now: signedAt.addingTimeInterval(3000), tolerance: 3600))
    }

    func testVerifyRejectsATimestampThatWasNotTheOneSigned() {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        XCTAssertFalse(WebhookSignature.isValid(body: body, timestamp: "1700000001", signature: signature,
                                                secret: secret, now: signedAt))
    }

    func testVerifyRejectsMalformedHeaders() {
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        for timestamp in ["", "-1700000000", "1700000000.5", "17e8", "99999999999999999999"] {
            XCTAssertThrowsError(try WebhookSignature.verify(body: body, timestamp: timestamp, signature: signature,
                                                             secret: secret, now: signedAt)) {
                XCTAssertEqual($0 as? WebhookSignature.VerificationError, .malformedTimestamp, timestamp)
            }
        }
        for bad in ["", "sha1=abcd", "sha256=", "sha256=zz" + String(repeating: "0", count: 62), String(signature.dropLast())] {
            XCTAssertThrowsError(try WebhookSignature.verify(body: body, timestamp: "1700000000", signature: bad,
                                                             secret: secret, now: signedAt)) {
                XCTAssertEqual($0 as? WebhookSignature.VerificationError, .malformedSignature, bad)
            }
        }
    }

    func testVerifyAcceptsAnyOfSeveralSignaturesDuringSecretRotation() {
        let old = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: "whsec_old")
        let new = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: secret)
        XCTAssertTrue(WebhookSignature.isValid(body: body, timestamp: "1700000000", signature: "\(old), \(new)",
                                               secret: secret, now: signedAt))
    }
}
