import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GraywatchTestSupport
import Testing

/// `graywatch user` and `graywatch serve` as documented: users from the command line, the server on loopback,
/// a bearer token from `user token` that the API accepts, and a clean stop on SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    static func run(_ arguments: [String], input: String) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        let stdin = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                     errors: String(decoding: errData, as: UTF8.self))
    }

    @Test func usersAreAddedListedAndGivenTokensFromTheCommandLine() throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("users.sqlite").path
        #expect(try Self.run(["user", "add", "alice", "--role", "admin", "--password-stdin", "--db", db], input: "long enough password\n").status == 0)
        let short = try Self.run(["user", "add", "bob", "--password-stdin", "--db", db], input: "short\n")
        #expect(short.status == 2)
        #expect(short.errors.contains("at least 12 characters"))
        #expect(try Self.run(["user", "add", "alice", "--password-stdin", "--db", db], input: "long enough password\n").errors
            .contains("already exists"))
        #expect(try Self.run(["user", "add", "carol", "--role", "root", "--password-stdin", "--db", db], input: "x\n").status == 2)
        #expect(try CommandLineTests.run(["user", "list", "--db", db]).output.contains("alice\tadmin"))
        let token = try CommandLineTests.run(["user", "token", "alice", "--db", db])
        #expect(token.status == 0)
        #expect(token.output.trimmingCharacters(in: .whitespacesAndNewlines).count == 43)
        #expect(try CommandLineTests.run(["user", "token", "nobody", "--db", db]).status == 2)
    }

    @Test func serveAnswersOnLoopbackAndStopsOnSIGTERM() async throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("serve.sqlite").path
        _ = try Self.run(["user", "add", "alice", "--role", "admin", "--password-stdin", "--db", db], input: "long enough password\n")
        let token = try CommandLineTests.run(["user", "token", "alice", "--db", db]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--db", db, "--bind", "127.0.0.1:0"]
        process.currentDirectoryURL = TestPaths.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let banner = String(decoding: line, as: UTF8.self)
        let port = try #require(banner.firstMatch(of: /127\.0\.0\.1:(\d+)\//).map { String($0.1) }, "\(banner)")
        let base = "http://127.0.0.1:\(port)"

        let (health, _) = try await URLSession.shared.data(from: URL(string: base + "/healthz")!)
        #expect(String(decoding: health, as: UTF8.self) == "ok")
        var request = URLRequest(url: URL(string: base + "/api/me")!)
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        let (me, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: me, as: UTF8.self).contains("\"role\":\"admin\""))
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        let (_, anonymous) = try await URLSession.shared.data(from: URL(string: base + "/api/queue")!)
        #expect((anonymous as? HTTPURLResponse)?.statusCode == 401)

        process.terminate()  // SIGTERM
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    @Test func serveRefusesAMalformedBindAddress() throws {
        let run = try CommandLineTests.run(["serve", "--bind", "localhost"])
        #expect(run.status == 2)
        #expect(run.errors.contains("HOST:PORT"))
    }
}
