import ArgumentParser
import Foundation
import GraywatchStore
import GraywatchWeb

/// `graywatch user`: the review UI's users and their API tokens.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage review UI users (analyst, admin) and API tokens.",
        subcommands: [Add.self, List.self, Password.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is asked for (or read from standard input with --password-stdin).",
            discussion: "Example: printf '%s\\n' \"$PASSWORD\" | graywatch user add alice --role analyst --password-stdin")
        @Argument(help: "The user's name.") var name: String
        @Option(help: "analyst or admin.") var role: String = UserRole.analyst.rawValue
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard UserRole(rawValue: role) != nil else { throw ValidationError("unknown role '\(role)' (analyst, admin)") }
        }

        func run() async throws {
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash = try PasswordHasher.hash(password)
            try wrap { try store.open().addUser(name: name, role: UserRole(rawValue: role)!, passwordHash: hash) }
            print("Added \(role) \(name).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for user in try wrap({ try store.open().users() }) { print("\(user.name)\t\(user.role.rawValue)\t\(user.createdAt)") }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password (ends their sessions).")
        @Argument(help: "The user's name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let hash = try PasswordHasher.hash(try PasswordInput.read(fromStandardInput: passwordStdin))
            try wrap { try store.open().setPassword(user: name, passwordHash: hash) }
            print("Password of \(name) changed; their sessions have ended.")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API bearer token for a user (printed once; only its SHA-256 is stored).",
            discussion: "Example: curl -H \"Authorization: Bearer $(graywatch user token alice)\" http://127.0.0.1:8080/api/queue")
        @Argument(help: "The user's name.") var name: String
        @Option(help: "What the token is for.") var label: String = "cli"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let token = Secret.make()
            try wrap { try store.open().addAPIToken(token, user: name, label: label) }
            print(token)
        }
    }
}

/// Reads a new password without echo (a TTY) or from standard input, and checks its length.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        let password: String
        if fromStandardInput {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            guard isatty(STDIN_FILENO) == 1, let typed = getpass("Password: ") else {
                throw CLIError.runtime("no terminal to ask for a password: pass --password-stdin and pipe it in")
            }
            password = String(cString: typed)
            guard let again = getpass("Again: "), String(cString: again) == password else {
                throw CLIError.runtime("the passwords differ")
            }
        }
        guard password.count >= WebApp.minimumPasswordLength else {
            throw CLIError.runtime("a password needs at least \(WebApp.minimumPasswordLength) characters")
        }
        return password
    }
}
