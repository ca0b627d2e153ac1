import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request to stop a scan gently: no new page is started, pages in flight are finished and stored, and the
/// run stays open in the store for the next invocation to continue. Set by SIGTERM/SIGINT (``installHandlers()``)
/// or by code (the daemon, tests).
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    public init() {}

    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// Turns SIGTERM and SIGINT into a stop request (a second signal still stops the process at once).
    public func installHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.isRequested { exit(128 + signalNumber) }
                self.request()
            }
            source.resume()
            sources.append(source)
        }
    }
}
