import ArgumentParser
import Foundation
import GraywatchRules
import GraywatchScan

/// `graywatch rules`: prove the rules do what they say.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Test and lint the detection rules (rules/*.yml).",
        subcommands: [Test.self, Lint.self])

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples: each must match, or must not, as written. Exit 1 on any failure.",
            discussion: "Example: graywatch rules test --rules rules")

        @OptionGroup var rules: RulesOptions

        func run() async throws {
            let (ruleSet, catalog) = try rules.load()
            let result = RuleExampleRunner(rules: ruleSet, catalog: catalog).run()
            for failure in result.failures { print("✗ \(failure)") }
            let withoutExamples = ruleSet.rules.filter { $0.examples.isEmpty }.map(\.id)
            if !withoutExamples.isEmpty { print("Rules without examples: \(withoutExamples.joined(separator: ", "))") }
            print("\(result.count - result.failures.count) passed, \(result.failures.count) failed")
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the rule files: schema, unknown fields, duplicate ids, bad regexes, rules that can never fire.",
            discussion: "Each problem is printed as file:line:column: message. Exit 1 when there is any.")

        @OptionGroup var rules: RulesOptions

        func run() async throws {
            let problems = RuleSet.lint(directory: try rules.directory())
            for problem in problems { print(problem) }
            print(problems.isEmpty ? "No problems found." : "\(problems.count) problem(s).")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
