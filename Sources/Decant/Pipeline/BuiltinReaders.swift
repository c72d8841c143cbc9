/// The readers that ship with Decant, in priority order (earlier wins a tie).
public enum BuiltinReaders {
    public static func registry(decoder: TextDecoder = TextDecoder(), html: ExtractionOptions = ExtractionOptions()) -> ReaderRegistry {
        ReaderRegistry([
            MarkdownReader(decoder: decoder),
            DocxReader(),
            OdtReader(),
            EpubReader(),
            FeedReader(html: HTMLReader(decoder: decoder, options: html)),
            EmailReader(decoder: decoder, html: HTMLReader(decoder: decoder, options: html)),
            WARCReader(html: HTMLReader(decoder: decoder, options: html)),
            ScrapedTextReader(decoder: decoder),
            PlainTextReader(decoder: decoder),
            HTMLReader(decoder: decoder, options: html),
        ])
    }
}
