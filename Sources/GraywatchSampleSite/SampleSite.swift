import Foundation
import Hummingbird

/// The bundled fictional marketplace ("Tradewell") under `samples/marketplace`.
public enum SampleSite {
    /// A router serving the marketplace folder; add routes to it before running it.
    public static func router(root: URL) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: StaticFilesMiddleware(root: root))
        return router
    }

    /// Finds `samples/marketplace` from the current directory or any parent, or from `GRAYWATCH_SAMPLES`.
    public static func locateRoot(startingAt start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws -> URL
    {
        if let explicit = ProcessInfo.processInfo.environment["GRAYWATCH_SAMPLES"] {
            let url = URL(fileURLWithPath: explicit).appendingPathComponent("marketplace")
            guard FileManager.default.fileExists(atPath: url.path) else { throw SampleSiteError.rootNotFound(url.path) }
            return url
        }
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("samples/marketplace")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("robots.txt").path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { throw SampleSiteError.rootNotFound(start.path + "/samples/marketplace") }
            directory = parent
        }
    }
}
