import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchTestSupport
import Testing

/// Runs ``IdentifierTable`` and checks catalog aliases and suffix handling on a small hand-made catalog.
@Suite struct IdentifierTableTests {
    @Test func tableHasEnoughRowsAndNegatives() {
        #expect(IdentifierTable.positives.count + IdentifierTable.negatives.count >= 100)
        #expect(IdentifierTable.negatives.count >= 40)
    }

    @Test func everyRowMatches() {
        let mismatches = IdentifierTable.mismatches(IdentifierScanner(catalog: SKUMatcherTests.catalog))
        #expect(mismatches.isEmpty, "\(mismatches.count) rows differ:\n\(mismatches.joined(separator: "\n"))")
    }

    @Test func aliasResolvesToItsPartNumber() throws {
        var catalog = Catalog(entries: [CatalogEntry(partNumber: "EX4300-48T", family: "EX4300", kind: "device", source: "test")])
        catalog.addAlias("ALIAS-4300", for: "EX4300-48T")
        let identifier = try #require(SKUMatcher(catalog: catalog).identifiers(in: "sold: alias 4300 unit", field: .title).first)
        #expect(identifier.normalized == "EX4300-48T")
        #expect(identifier.qualifiers.contains("alias-of:EX4300-48T"))
        #expect(catalog.entry(matching: "alias-4300")?.partNumber == "EX4300-48T")
    }

    @Test func aliasFilesLoadAndDanglingAliasesFail() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "part_number,family,kind,source\nEX4300-48T,EX4300,device,test\n"
            .write(to: directory.appendingPathComponent("parts.csv"), atomically: true, encoding: .utf8)
        try "# comment\nalias,part_number,note\nALIAS-4300,EX4300-48T,test\n"
            .write(to: directory.appendingPathComponent("aliases.csv"), atomically: true, encoding: .utf8)
        #expect(try Catalog.load(directory: directory).entry(matching: "ALIAS-4300")?.partNumber == "EX4300-48T")
        try "alias,part_number,note\nALIAS-9999,NOT-A-PART,test\n"
            .write(to: directory.appendingPathComponent("aliases.csv"), atomically: true, encoding: .utf8)
        #expect(throws: CatalogError.self) { try Catalog.load(directory: directory) }
    }

    @Test func repositoryAliasFileLoads() throws {
        let catalog = try Catalog.load(directory: TestPaths.catalog)
        #expect(catalog.danglingAliases.isEmpty)
    }

    @Test func suffixQualifiersOfCatalogPartNumbers() {
        #expect(SKUSuffixes.qualifiers(ofPartNumber: "EX4300-48T-DC-AFI") == ["power:dc", "airflow:back-to-front"])
        #expect(SKUSuffixes.qualifiers(ofPartNumber: "SRX300-SYS-JB") == ["bundle:sys-jb"])
        #expect(SKUSuffixes.qualifiers(ofPartNumber: "EX4300-48T").isEmpty)
    }
}
