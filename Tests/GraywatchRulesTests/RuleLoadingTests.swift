import Foundation
import GraywatchRules
import GraywatchTestSupport
import Testing

@Suite struct RuleLoadingTests {
    @Test func theShippedRulesLoad() throws {
        let set = try RuleSet.load(directory: TestPaths.rules)
        #expect(set.rules.count >= 9)
        #expect(set.threshold == 50)
        #expect(Set(set.rules.map(\.id)).count == set.rules.count)
        #expect(set.rules.allSatisfy { !$0.description.isEmpty && $0.weight > 0 })
    }

    func error(_ yaml: String) -> RuleError? {
        var set = RuleSet(rules: [])
        do {
            try set.add(yaml: yaml, file: "rules/test.yml")
            return nil
        } catch {
            return error as? RuleError
        }
    }

    @Test func unknownCategoryNamesFileLineAndColumn() throws {
        let yaml = """
            rules:
              - id: r1
                description: d
                category: fake-goods
                weight: 10
                when: {has_sku: true}
            """
        let failure = try #require(error(yaml))
        #expect(failure.description.hasPrefix("rules/test.yml:4:15: unknown category 'fake-goods'"))
    }

    @Test func unknownRuleFieldIsAnError() throws {
        let yaml = """
            rules:
              - id: r1
                description: d
                category: counterfeit
                weight: 10
                wehn: {has_sku: true}
            """
        let failure = try #require(error(yaml))
        #expect(failure.location.line == 6)
        #expect(failure.location.column == 5)
        #expect(failure.message.contains("unknown rule field 'wehn'"))
    }

    @Test func unknownSelectionIsAnError() throws {
        let yaml = """
            rules:
              - id: r1
                description: d
                category: counterfeit
                weight: 10
                when:
                  price_below: 0.5
            """
        let failure = try #require(error(yaml))
        #expect(failure.location.line == 7)
        #expect(failure.message.contains("unknown selection 'price_below'"))
    }

    @Test func duplicateIdsAreAnError() throws {
        let rule = """
              - id: same
                description: d
                category: damaged
                weight: 10
                when: {has_sku: true}
            """
        let failure = try #require(error("rules:\n" + rule + "\n" + rule))
        #expect(failure.location.line == 7)
        #expect(failure.message.contains("duplicate rule id 'same' (first defined at rules/test.yml:2:5)"))
    }

    @Test func badRegexIsAnError() throws {
        let yaml = """
            rules:
              - id: r1
                description: d
                category: damaged
                weight: 10
                when:
                  regex: {pattern: "([a-z"}
            """
        let failure = try #require(error(yaml))
        #expect(failure.location.line == 7)
        #expect(failure.message.contains("invalid regular expression"))
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() throws {
        let failure = try #require(error("rules:\n  - id: [unclosed\n"))
        #expect(failure.location.file == "rules/test.yml")
        #expect(failure.location.line >= 2)
        #expect(failure.message.hasPrefix("YAML:"))
    }

    @Test func missingFieldIsAnError() throws {
        let failure = try #require(error("rules:\n  - id: r1\n    category: damaged\n    weight: 1\n    when: {has_sku: true}\n"))
        #expect(failure.message == "rule lacks 'description'")
        #expect(failure.location.line == 2)
    }
}
