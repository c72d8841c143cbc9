extension Document {
    /// The document as one line of JSON in schema key order (JSON Lines).
    public func jsonLine() -> String {
        var out = JSONOutput(pretty: false)
        write(to: &out)
        return out.string
    }

    /// The document as indented JSON in schema key order.
    public func prettyJSON() -> String {
        var out = JSONOutput(pretty: true)
        write(to: &out)
        return out.string
    }

    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.key("id"); out.value(id)
        out.key("text"); out.value(text)
        out.key("source"); out.value(source)
        out.key("format"); out.value(format)
        out.key("metadata")
        out.beginObject()
        out.key("title"); out.value(metadata.title)
        out.key("authors"); out.value(metadata.authors)
        out.key("date"); out.value(metadata.date)
        out.key("site"); out.value(metadata.site)
        out.key("url"); out.value(metadata.url)
        out.key("language"); out.value(metadata.language)
        out.key("categories"); out.value(metadata.categories)
        out.key("description"); out.value(metadata.description)
        out.key("origin"); out.value(metadata.origin)
        for key in metadata.extra.keys.sorted() where !Metadata.standardKeys.contains(key) {
            out.key(key); out.raw(metadata.extra[key]!)
        }
        out.endObject()
        out.key("blocks")
        out.beginArray()
        for block in blocks {
            out.beginObject()
            out.key("type"); out.value(block.type.rawValue)
            out.key("level"); out.value(block.level)
            out.key("text"); out.value(block.text)
            out.key("rows")
            out.beginArray()
            for row in block.rows { out.value(row) }
            out.endArray()
            out.key("line"); out.value(block.line)
            out.endObject()
        }
        out.endArray()
        out.key("encoding")
        out.beginObject()
        out.key("declared"); out.value(encoding.declared)
        out.key("detected"); out.value(encoding.detected)
        out.key("used"); out.value(encoding.used)
        out.key("confidence"); out.value(encoding.confidence)
        out.key("invalid_sequences"); out.value(encoding.invalid_sequences)
        out.endObject()
        out.key("removed")
        out.beginArray()
        for removal in removed {
            out.beginObject()
            out.key("text"); out.value(removal.text)
            out.key("reason"); out.value(removal.reason)
            out.key("line"); out.value(removal.line)
            out.endObject()
        }
        out.endArray()
        out.key("repairs")
        out.value(repairs)
        out.key("decant")
        out.beginObject()
        out.key("version"); out.value(decant.version)
        out.key("schema_version"); out.value(decant.schema_version)
        out.key("reader"); out.value(decant.reader)
        out.endObject()
        out.key("error")
        if let error {
            out.beginObject()
            out.key("code"); out.value(error.code)
            out.key("message"); out.value(error.message)
            out.key("input"); out.value(error.input)
            out.endObject()
        } else {
            out.null()
        }
        out.endObject()
    }
}

extension JSONOutput {
    /// Writes repair records as an array of `{kind, from, to, count}` objects.
    public mutating func value(_ repairs: [Repair]) {
        beginArray()
        for repair in repairs {
            beginObject()
            key("kind"); value(repair.kind)
            key("from"); value(repair.from)
            key("to"); value(repair.to)
            key("count"); value(repair.count)
            endObject()
        }
        endArray()
    }
}
