/// The readers that ship with Decant, in priority order (earlier wins a tie).
public enum BuiltinReaders {
    public static func registry(decoder: TextDecoder = TextDecoder()) -> ReaderRegistry {
        ReaderRegistry([
            MarkdownReader(decoder: decoder),
            ScrapedTextReader(decoder: decoder),
            PlainTextReader(decoder: decoder),
        ])
    }
}
