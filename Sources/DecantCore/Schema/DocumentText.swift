extension Document {
    /// Builds the `text` field from the blocks: one blank line between blocks, a single newline
    /// between consecutive list items. Captions are left out unless `includeCaptions` is set.
    public func renderText(includeCaptions: Bool = false) -> String {
        var out = ""
        var previous: Block.Kind?
        for block in blocks {
            if block.type == .caption && !includeCaptions { continue }
            let text = block.text
            if text.isEmpty { continue }
            if let previous {
                out += (previous == .listItem && block.type == .listItem) ? "\n" : "\n\n"
            }
            out += text
            previous = block.type
        }
        return out
    }
}
