import Foundation
import GraywatchFetch
import Testing

@Suite struct TextDecoderTests {
    @Test func headerCharsetWins() {
        let bytes = Data([0x63, 0x61, 0x66, 0xE9])
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=ISO-8859-1") == "café")
    }

    @Test func byteOrderMarkBeforeMeta() {
        let bytes = Data([0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252>é".utf8))
        #expect(TextDecoder.decode(bytes, contentType: "text/html") == "<meta charset=windows-1252>é")
    }

    @Test func metaCharsetWhenTheHeaderHasNone() {
        let bytes = Data(Array("<html><head><meta charset=\"windows-1252\"></head>".utf8) + [0x80])
        #expect(TextDecoder.decode(bytes, contentType: "text/html").hasSuffix("€"))
    }

    @Test func invalidUTF8FallsBackToWindows1252() {
        #expect(TextDecoder.decode(Data([0x41, 0x93, 0x42, 0x94]), contentType: nil) == "A“B”")
    }
}
