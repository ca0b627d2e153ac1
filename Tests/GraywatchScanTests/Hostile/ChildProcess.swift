import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with posix_spawn and reaped with wait4, with its peak resident memory.
///
/// On Linux the peak is the child's own high-water mark, VmHWM in /proc/PID/status, read every 20 ms while it runs:
/// wait4's ru_maxrss cannot serve, since posix_spawn starts the child with vfork and the kernel then counts the
/// parent's (this test process's) peak at exec as the child's. A peak in the child's last 20 ms could be missed; a
/// bomb being inflated or a page being held takes far longer than that. Elsewhere ru_maxrss is used.
struct ChildProcess {
    struct Outcome {
        var exitStatus: Int32
        /// Peak resident set size in bytes.
        var peakResidentBytes: Int
        var output: String
        var errors: String
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(Int32)
        case killedAfter(seconds: Double)
        case signal(Int32)
        var description: String {
            switch self {
            case .spawn(let code): return "posix_spawn failed: \(String(cString: strerror(code)))"
            case .killedAfter(let seconds): return "the child ran longer than \(seconds)s and was killed"
            case .signal(let number): return "the child died of signal \(number)"
            }
        }
    }

    /// Runs `executable` with `arguments`, its output in files; polls (never blocks a thread) until it exits.
    /// A child still running after `deadline` seconds is killed: a hang must fail the test, not stall the run.
    static func run(_ executable: URL, _ arguments: [String], deadline: Double = 300) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graywatch-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outPath = folder.appendingPathComponent("stdout").path, errPath = folder.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure.spawn(spawned) }

        let started = Date()
        var status: Int32 = 0
        var usage = rusage()
        var peak = 0
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            peak = max(peak, highWaterMark(pid) ?? 0)
            if Date().timeIntervalSince(started) > deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                throw Failure.killedAfter(seconds: deadline)
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        if status & 0x7F != 0 { throw Failure.signal(status & 0x7F) }
        #if !os(Linux)
        peak = Int(usage.ru_maxrss)
        #endif
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: folder)
        return Outcome(exitStatus: (status >> 8) & 0xFF, peakResidentBytes: peak, output: output, errors: errors)
    }

    /// The peak resident memory of a running process in bytes (VmHWM), nil where /proc does not tell.
    static func highWaterMark(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
        else { return nil }
        return kilobytes * 1024
    }

    /// The built `graywatch` binary: beside the test bundle in the build folder.
    static var graywatch: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("graywatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/graywatch")
    }
}
