import Decant
import Foundation
import Testing

/// The acceptance check: `decant clean` on a folder mixing every supported format writes
/// one document per logical document, each named with the reader that fits it.
@Suite struct MixedFolderTests {
    @Test(.enabled(if: installed("pdftotext"))) func everyFormatFindsItsReader() throws {
        let fixtures = repositoryRoot + "/Tests/Fixtures/"
        let root = NSTemporaryDirectory() + "decant-mixed-" + UUID().uuidString
        let inputs = root + "/in"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "text/crlf.txt": "notes.txt", "html/news-article/source.html": "page.html", "markdown/article.md": "post.md",
            "plugins/report.pdf": "report.pdf", "office/report.docx": "report.docx", "office/trip.odt": "trip.odt",
            "office/story.epub": "story.epub", "mail/reply.eml": "reply.eml", "feeds/news.rss": "news.rss",
            "warc/crawl.warc.gz": "crawl.warc.gz",
        ]
        for (from, to) in files { try FileManager.default.copyItem(atPath: fixtures + from, toPath: inputs + "/" + to) }
        let setup = ReaderSetup(plugins: PluginOptions(), searchPaths: [PluginSearchPath(directory: repositoryRoot + "/plugins", origin: "./plugins")])
        var options = BatchOptions(inputs: [inputs], output: .directory(root + "/out"))
        options.pipeline = DocumentPipeline(registry: setup.registry)
        let summary = try BatchCleaner(options: options).run()
        #expect(summary.failed == 0)
        #expect(summary.read == files.count)
        let lines = try String(contentsOfFile: root + "/out/documents.jsonl", encoding: .utf8).split(separator: "\n")
        var readers: [String: String] = [:]
        for line in lines {
            let document = try JSONDecoder().decode(Document.self, from: Data(line.utf8))
            readers[document.source] = document.decant.reader
            #expect(!document.text.isEmpty, "\(document.source)")
        }
        #expect(readers == [
            "notes.txt": "text", "page.html": "html", "post.md": "markdown", "report.pdf": "pdf", "report.docx": "docx",
            "trip.odt": "odt", "story.epub": "epub", "reply.eml": "email", "news.rss#1": "feed", "news.rss#2": "feed",
            "crawl.warc.gz#1": "warc", "crawl.warc.gz#2": "warc",
        ])
    }
}
