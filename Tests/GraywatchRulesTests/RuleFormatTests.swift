import Foundation
import GraywatchCore
import GraywatchRules
import GraywatchTestSupport
import Testing

/// Named selections with a condition expression, N-of, meta and private rules, and lint.
@Suite struct RuleFormatTests {
    func listing(title: String, condition: Condition = .new, quantity: Int? = nil) -> Listing {
        var listing = Listing(marketplace: "m", listingID: "1", url: "http://t/1", title: title, condition: condition,
                              quantityAvailable: quantity)
        listing.conditionRaw = condition.rawValue
        listing.claims = [Claim(kind: .authenticity, value: "juniper-presented", text: "Brand: Juniper")]
        return listing
    }

    func set(_ yaml: String) throws -> RuleSet {
        var set = RuleSet(rules: [])
        try set.add(yaml: "rules:\n" + yaml, file: "t.yml")
        return set
    }

    let metaRules = """
          - id: is-new
            description: helper
            category: counterfeit
            weight: 1
            private: true
            when: {condition: [new]}
          - id: bulk
            description: d
            category: stolen-or-diverted
            weight: 60
            selections:
              many: {quantity_at_least: 5}
              lot: {phrases: {any: [lot of, wholesale]}}
              sealed: {phrases: {any: [sealed]}}
            condition: rule.is-new and 2 of (many, lot, sealed)
        """

    @Test func conditionExpressionOverNamedSelections() throws {
        let rules = try set(metaRules)
        #expect(rules.assess(listing(title: "Lot of 10 sealed EX4300"), context: MarketContext()).score == 60)
        #expect(rules.assess(listing(title: "Lot of 10 EX4300", quantity: 10), context: MarketContext()).score == 60)
        #expect(rules.assess(listing(title: "Lot of 10 EX4300"), context: MarketContext()).score == 0, "only 1 of 3")
        #expect(rules.assess(listing(title: "Lot of 10 sealed", condition: .used), context: MarketContext()).score == 0)
    }

    @Test func privateRulesNeverScoreOrShow() throws {
        let assessment = try set(metaRules).assess(listing(title: "Lot of 10 sealed"), context: MarketContext())
        #expect(assessment.findings.map(\.ruleID) == ["bulk"])
    }

    @Test func expressionErrorsPointAtTheCondition() throws {
        var rules = RuleSet(rules: [])
        let yaml = "rules:\n  - id: r\n    description: d\n    category: damaged\n    weight: 5\n    selections:\n      a: {has_sku: true}\n    condition: a and (b\n"
        #expect {
            try rules.add(yaml: yaml, file: "t.yml")
        } throws: { error in
            let failure = error as? RuleError
            return failure?.location.line == 8 && failure?.message.contains("unknown selection 'b'") == true
        }
    }

    @Test func lintFindsUnknownReferencesCyclesAndRulesThatCanNeverFire() throws {
        let folder = try TestPaths.temporaryDirectory()
        try """
            rules:
              - id: a
                description: d
                category: damaged
                weight: 5
                condition: rule.b
              - id: b
                description: d
                category: damaged
                weight: 5
                condition: rule.a
              - id: c
                description: d
                category: damaged
                weight: 5
                when:
                  all:
                    - condition: [new]
                    - condition: [used]
              - id: d
                description: d
                category: damaged
                weight: 5
                condition: rule.missing
              - id: e
                description: d
                category: fake
                weight: 5
                when: {has_sku: true}
            """.write(to: folder.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        let problems = RuleSet.lint(directory: folder).map(\.description)
        let file = folder.appendingPathComponent("broken.yml").path
        #expect(problems.contains { $0.hasPrefix("\(file):27:15: unknown category 'fake'") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(file):2:5: rule 'a' refers to itself through other rules") })
        #expect(problems.contains { $0.hasPrefix("\(file):12:5: rule 'c' can never fire: it asks for conditions that exclude each other") })
        #expect(problems.contains { $0.hasPrefix("\(file):20:5: rule 'd' refers to unknown rule 'missing'") })
    }

    @Test func theShippedRulesLintClean() {
        #expect(RuleSet.lint(directory: TestPaths.rules).isEmpty)
    }

    @Test func noRuleIsKeyedToASample() throws {
        // Rules must generalize: no sample URL, listing id or seller name inside a rule file.
        let rulesText = try FileManager.default.contentsOfDirectory(at: TestPaths.rules, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yml" }
            .map { try String(contentsOf: $0, encoding: .utf8).lowercased() }.joined(separator: "\n")
        let items = try FileManager.default.contentsOfDirectory(atPath: TestPaths.marketplace.appendingPathComponent("itm").path)
        for item in items {
            let id = String(item.dropLast(5))
            #expect(!rulesText.contains(id), "rule mentions sample listing \(id)")
            let html = try String(contentsOf: TestPaths.marketplace.appendingPathComponent("itm/\(item)"), encoding: .utf8)
            if let range = html.range(of: #"class="mbg-nw">[^<]+"#, options: .regularExpression) {
                let seller = html[range].replacingOccurrences(of: #"class="mbg-nw">"#, with: "").lowercased()
                #expect(!rulesText.contains(seller), "rule mentions sample seller \(seller)")
            }
        }
        #expect(!rulesText.contains("tradewell") && !rulesText.contains("/itm/"))
    }
}
