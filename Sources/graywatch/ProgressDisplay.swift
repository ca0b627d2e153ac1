import Foundation
import GraywatchScan

/// Shows a scan's progress on standard error: one line redrawn in place on a terminal, plain log lines (every
/// 5 seconds) when standard error is a file or a journal, nothing with `--progress never`.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode: String, CaseIterable { case auto, always, never, lines }

    private let lock = NSLock()
    private let terminal: Bool
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private let label: String

    init(mode: Mode, label: String) {
        let tty = isatty(STDERR_FILENO) == 1
        terminal = mode == .always || (mode == .auto && tty)
        enabled = mode != .never
        self.label = label
    }

    /// The observer to hand the scanner.
    var observer: @Sendable (ScanProgress) -> Void {
        { [self] progress in self.show(progress) }
    }

    func show(_ progress: ScanProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let final: Bool
        if case .scored = progress.event { final = true } else { final = false }
        guard final || now.timeIntervalSince(lastDraw) >= (terminal ? 0.1 : 5) else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(progress.startedAt), 0.001)
        let rate = Double(progress.pagesDone) / elapsed
        let text = "\(label): \(progress.pagesDone) pages done, \(progress.queued) queued, "
            + String(format: "%.1f pages/s", rate) + ", \(progress.findings) findings, \(progress.failures) failures"
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text + (final ? "\n" : "")).utf8))
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// Ends the redrawn line so the report starts on a line of its own.
    func finish() {
        guard enabled, terminal else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
