import GraywatchCore
import GraywatchEnrich

/// One identifier-table row: a text and every identifier it must yield, in order, written `kind:normalized`,
/// or `kind:normalized{q1,q2}` to check the qualifiers too. An empty list means nothing may match.
struct IdentifierRow: Sendable {
    let text: String
    let expected: [String]
    let field: ListingField

    init(_ text: String, _ expected: [String] = [], field: ListingField = .title) {
        self.text = text
        self.expected = expected
        self.field = field
    }
}

/// The identifier table: catalog SKUs with suffixes and optics, serials, CLEI codes, assembly numbers, and
/// look-alikes that must not match.
enum IdentifierTable {
    static let positives: [IdentifierRow] = [
        IdentifierRow("Juniper EX4300-48T switch", ["sku:EX4300-48T{}"]),
        IdentifierRow("juniper ex4300 48t", ["sku:EX4300-48T"]),
        IdentifierRow("EX4300_48T", ["sku:EX4300-48T"]),
        IdentifierRow("EX 4300-48T", ["sku:EX4300-48T"]),
        IdentifierRow("Juniper EX4300-48T-AFI", ["sku:EX4300-48T-AFI{airflow:back-to-front}"]),
        IdentifierRow("EX4300-24T-AFI", ["sku:EX4300-24T{airflow:back-to-front,unlisted-variant:EX4300-24T-AFI}"]),
        IdentifierRow("EX4300-24T-AFO new", ["sku:EX4300-24T{airflow:front-to-back,unlisted-variant:EX4300-24T-AFO}"]),
        IdentifierRow("EX4300-24P-DC", ["sku:EX4300-24P{power:dc,unlisted-variant:EX4300-24P-DC}"]),
        IdentifierRow("EX4300-48P-TAA", ["sku:EX4300-48P-TAA{compliance:taa}"]),
        IdentifierRow("EX2300-24P-S spare", ["sku:EX2300-24P{spare,unlisted-variant:EX2300-24P-S}"]),
        IdentifierRow("SRX300-SYS-JB", ["sku:SRX300{bundle:sys-jb,unlisted-variant:SRX300-SYS-JB}"]),
        IdentifierRow("SRX345-SYS-JB-AC", ["sku:SRX345{bundle:sys-jb,power:ac,unlisted-variant:SRX345-SYS-JB-AC}"]),
        IdentifierRow("QFX5120-48YM-DC-AI", ["sku:QFX5120-48YM-DC-AI{power:dc,airflow:back-to-front}"]),
        IdentifierRow("JPSU-650W-AC-AO", ["sku:JPSU-650W-AC-AO{power:ac,airflow:front-to-back}"]),
        IdentifierRow("PWR-MX480-2400-DC-S", ["sku:PWR-MX480-2400-DC-S{power:dc,spare}"]),
        IdentifierRow("EX4300-48T-DC-AFI-TAA", [
            "sku:EX4300-48T-DC-AFI{power:dc,airflow:back-to-front,compliance:taa,unlisted-variant:EX4300-48T-DC-AFI-TAA}",
        ]),
        IdentifierRow("ex4650-48y-afo", ["sku:EX4650-48Y-AFO{airflow:front-to-back}"]),
        IdentifierRow("ACX7100-48L-AC-AI", ["sku:ACX7100-48L-AC-AI{power:ac,airflow:back-to-front}"]),
        IdentifierRow("SRX4100-AC", ["sku:SRX4100-AC{power:ac}"]),
        IdentifierRow("EX4300-48T-ACME bracket", ["sku:EX4300-48T{}"]),
        IdentifierRow("EX4300-48T AFI", ["sku:EX4300-48T-AFI"]),
        IdentifierRow("EX4300-24T AFI", ["sku:EX4300-24T{}"]),
        IdentifierRow("qfx-sfp-10ge-sr", ["sku:QFX-SFP-10GE-SR"]),
        IdentifierRow("QFX SFP 10GE SR", ["sku:QFX-SFP-10GE-SR"]),
        IdentifierRow("Juniper QFX-SFP-10GE-LR optic", ["sku:QFX-SFP-10GE-LR"]),
        IdentifierRow("EX-SFP-1GE-LX40K", ["sku:EX-SFP-1GE-LX40K"]),
        IdentifierRow("ex sfp 1ge sx", ["sku:EX-SFP-1GE-SX"]),
        IdentifierRow("EX-SFP-10GE-SR and EX-SFP-10GE-LR", ["sku:EX-SFP-10GE-SR", "sku:EX-SFP-10GE-LR"]),
        IdentifierRow("SRX300 and SRX345", ["sku:SRX300", "sku:SRX345"]),
        IdentifierRow("SRX 345 firewall", ["sku:SRX345"]),
        IdentifierRow("EX4300-48T/EX4300-48P", ["sku:EX4300-48T", "sku:EX4300-48P"]),
        IdentifierRow("MX204 router", ["sku:MX204"]),
        IdentifierRow("Juniper mx304", ["sku:MX304"]),
        IdentifierRow("MX960 with CHAS-BP3-MX960-S", ["sku:MX960", "sku:CHAS-BP3-MX960-S{spare}"]),
        IdentifierRow("AP41 access point", ["sku:AP41"]),
        IdentifierRow("Mist AP45E", ["sku:AP45E"]),
        IdentifierRow("QFX5100-48S-6Q uplinks", ["sku:QFX5100-48S-6Q"]),
        IdentifierRow("S/N: PE3717190123", ["serial:PE3717190123{serial-shape:chassis,labeled}"]),
        IdentifierRow("Serial Number: NW0217450140", ["serial:NW0217450140{serial-shape:chassis,labeled}"]),
        IdentifierRow("SN NX0213110014", ["serial:NX0213110014"]),
        IdentifierRow("serial no. HV3614150069", ["serial:HV3614150069"]),
        IdentifierRow("s/n pe3717190123", ["serial:PE3717190123{serial-shape:chassis,labeled}"]),
        IdentifierRow("Seriennummer: PE3717190123", ["serial:PE3717190123"]),
        IdentifierRow("序列号：PE3717190123", ["serial:PE3717190123"]),
        IdentifierRow("Chassis PE3721480001 EX2300-48T", ["serial:PE3721480001{serial-shape:chassis}", "sku:EX2300-48T"]),
        IdentifierRow("chassis JN11D2E7CAFB", ["serial:JN11D2E7CAFB{serial-shape:chassis}"]),
        IdentifierRow("PSU S/N: 1EDN3721234", ["serial:1EDN3721234{serial-shape:power-supply,labeled}"]),
        IdentifierRow("Serial: 1EDL3120017", ["serial:1EDL3120017{serial-shape:power-supply,labeled}"]),
        IdentifierRow("PDM serial QCS19361234", ["serial:QCS19361234{serial-shape:power-supply,labeled}"]),
        IdentifierRow("FPC serial number BBAK8704", ["serial:BBAK8704{serial-shape:board,labeled}"]),
        IdentifierRow("Serial #: ABC12345XYZ", ["serial:ABC12345XYZ{serial-shape:unrecognized,labeled}"]),
        IdentifierRow("Brand: Juniper\nSerial Number: CV4217AF0123", ["serial:CV4217AF0123{serial-shape:unrecognized,labeled}"],
                      field: .specifics),
        IdentifierRow("CLEI: CMM8T00ARA", ["clei:CMM8T00ARA{labeled}"]),
        IdentifierRow("CLEI code COM3L00BRA", ["clei:COM3L00BRA{labeled}"]),
        IdentifierRow("CLEI Code Number : COMHD00BRC", ["clei:COMHD00BRC{labeled}"]),
        IdentifierRow("label shows IPMWD00ARA", ["clei:IPMWD00ARA{}"]),
        IdentifierRow("clei: ipmwd00ara", ["clei:IPMWD00ARA{labeled}"]),
        IdentifierRow("740-031980", ["assembly:740-031980{assembly-prefix:740}"]),
        IdentifierRow("650-044931 REV 12", ["assembly:650-044931{assembly-prefix:650,rev:12}"]),
        IdentifierRow("Part 750-028392 Rev. 04", ["assembly:750-028392{assembly-prefix:750,rev:04}"]),
        IdentifierRow("711-048567 REV04", ["assembly:711-048567{assembly-prefix:711,rev:04}"]),
        IdentifierRow("P/N 740-046873", ["assembly:740-046873"]),
        IdentifierRow("FPC 0 REV 09 750-036931 BBAK8704 QFX3500-48S4Q", ["assembly:750-036931", "sku:QFX3500-48S4Q"]),
        IdentifierRow("Juniper EX4300-48T S/N PE3717190123 CLEI CMM8T00ARA 650-044930", [
            "sku:EX4300-48T", "serial:PE3717190123", "clei:CMM8T00ARA", "assembly:650-044930",
        ]),
        IdentifierRow("SN: EX4300-48T", ["sku:EX4300-48T"]),
    ]

    static let negatives: [IdentifierRow] = [
        "Cisco Catalyst C9300-48T switch", "QEX4300-48T", "EX4300X-48T", "The EX4300 family", "48 ports",
        "price 4300 48 T", "Arista 7050SX-64", "HPE 5130-24G", "MX Linux distribution", "SRX", "EX", "PTX", "QFX",
        "ACX", "AP410 access point", "AP4100", "EX2300 switch", "QFX5100 family", "SRX3000 series", "MX2000 series",
        "EX4300-48TX", "Aruba 2930F-48G", "Dell N3048", "Fortinet FG-100F", "Palo Alto PA-3220", "Ubiquiti USW-48",
        "Netgear GS748T", "Cisco WS-C2960X-48TS-L", "Extreme X460-48t", "Huawei S5720-28X", "Mikrotik CRS326-24G",
        "Brocade ICX6450-48", "Cisco SFP-10G-SR", "Finisar FTLX8571D3BCL", "10GBASE-SR SFP+", "Rack ears for EX series",
        "EX-SFP", "QFX-SFP", "JPSU power supply", "model 4300-48T", "PTX10000 line", "Juniper Networks", "JNCIA exam guide",
        "Junos OS 12.3R5", "Cisco N9K-C93180YC-EX", "FG-60E", "SG350-28",
        "PE3717190123X", "pe3717190123", "Order 123456789012", "Call AB123456789", "S/N: N/A",
        "Serial number available on request", "tracking 1Z999AA10123456784", "BBAK8704", "1EDN3721234", "JN", "JN12345AB",
        "Invoice INV2023000123", "call 408-745-2000", "Call 750-1234567", "1-740-031980", "740-031980-01",
        "Part 540-031980", "12-345678", "CMM8T00AR", "Cmm8t00ara", "ABCDEFGHIJ", "CLEI: N/A", "1234567890", "SWITCHES10",
        "ABC1234567", "ISBN 9781491934",
    ].map { IdentifierRow($0) }

    /// Renders an identifier as the table writes it; qualifiers only when the expectation lists them.
    static func render(_ identifier: Identifier, withQualifiers: Bool) -> String {
        let base = "\(identifier.kind.rawValue):\(identifier.normalized)"
        return withQualifiers ? base + "{" + identifier.qualifiers.joined(separator: ",") + "}" : base
    }

    /// Every row whose identifiers differ from the expectation, with the row text and what was found.
    static func mismatches(_ scanner: IdentifierScanner) -> [String] {
        (positives + negatives).compactMap { row in
            let found = scanner.identifiers(in: row.text, field: row.field)
            let rendered = found.enumerated().map { index, identifier in
                render(identifier, withQualifiers: index < row.expected.count && row.expected[index].contains("{"))
            }
            let spansOK = found.allSatisfy { identifier in
                let scalars = Array(row.text.unicodeScalars)
                let end = identifier.span.start + identifier.span.length
                return end <= scalars.count && identifier.span.field == row.field
                    && String(String.UnicodeScalarView(scalars[identifier.span.start..<end])) == identifier.raw
            }
            return rendered == row.expected && spansOK ? nil
                : "\(row.text.debugDescription): expected \(row.expected), found \(rendered)\(spansOK ? "" : " (bad span)")"
        }
    }
}
