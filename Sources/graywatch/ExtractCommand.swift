import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse

/// `graywatch extract`: what graywatch reads out of a page, as JSON.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print what graywatch extracts from pages (files or URLs), one JSON object per page.",
        discussion: """
            A file is read as the page at --url (its host picks the site adapter); without --url, the generic
            extractor reads it. A URL is fetched (politely: one request, no crawl).
            Example: graywatch extract saved-item.html --url https://www.ebay.com/itm/314159265358
            """)

    @Argument(help: "HTML files or http(s) URLs.")
    var inputs: [String]

    @Option(help: "The URL a file was fetched from (picks the site adapter and resolves links).")
    var url: String?

    @Option(help: "json (the only format: one object per page).")
    var format: String = "json"

    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one file or URL") }
        guard format == "json" else { throw ValidationError("--format: only json is supported") }
        if let url, URLComponents(string: url)?.host == nil { throw ValidationError("--url must be an absolute URL") }
    }

    func run() async throws {
        let (_, catalog) = try rules.load()
        let extractor = Extractor(adapters: try rules.adapters())
        let enricher = Enricher(catalog: catalog)
        for input in inputs {
            let (text, pageURL) = try await load(input)
            let document: HTMLDocument
            do { document = try HTMLDocument(html: text, url: pageURL) } catch { throw CLIError.runtime("\(error)") }
            let page: ExtractedPage
            do { page = try extractor.extract(document, url: pageURL) } catch { throw CLIError.runtime("\(error)") }
            let report = ExtractionReport(page: page, url: pageURL, marketplace: extractor.marketplace(for: pageURL),
                                          enricher: enricher)
            print(try report.json())
        }
    }

    private func load(_ input: String) async throws -> (String, String) {
        try await PageInput.load(input, url: url)
    }
}
