import ArgumentParser
import Foundation

/// The `graywatch` command: argument parsing and wiring only; the work happens in the library targets.
@main
struct Graywatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graywatch",
        abstract: "Scan marketplaces for gray-market Juniper listings and work the review queue.",
        discussion: "Exit codes: 0 success, 1 the command ran and found problems, 2 usage or runtime error.",
        version: "0.1.0",
        subcommands: [ScanCommand.self, DaemonCommand.self, WebhooksCommand.self, QueueCommand.self, ServeCommand.self, UserCommand.self, ExportCommand.self, VerifyCommand.self, ExtractCommand.self, CheckCommand.self, RulesCommand.self, EvalCommand.self, InspectCommand.self, DemoCommand.self]
    )

    /// Runs the command, mapping every failure to the documented exit codes (usage and runtime errors: 2).
    static func main() async {
        LoggingSetup.once
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
