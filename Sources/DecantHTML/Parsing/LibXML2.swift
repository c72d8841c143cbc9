internal import CLibXML2

/// Errors from parsing HTML.
public enum HTMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `htmlCtxtReadMemory` returned no document (out of memory, or nothing parseable).
    case noDocument
    /// The input is larger than libxml2 can take in one buffer.
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .noDocument: "libxml2 could not build a document from the input"
        case .tooLarge(let bytes): "the page is \(bytes) bytes, more than libxml2 can parse in one buffer"
        }
    }
}

/// The one seam to libxml2: every raw C call of the HTML reader is in this file.
enum LibXML2 {
    /// `xmlInitParser()` must run once, before threads parse concurrently.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Options for `htmlCtxtReadMemory`: recover from broken markup, stay silent, never use the
    /// network, compact small text nodes, and ignore `<meta charset>` because the bytes handed in
    /// are always UTF-8 (Decant decodes them itself).
    static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses UTF-8 HTML into a ``DOMTree``.
    static func parse(utf8 html: String) throws(HTMLParseError) -> DOMTree {
        _ = initialized
        var html = html
        let document: ParsedDocument? = html.withUTF8 { buffer -> ParsedDocument? in
            guard buffer.count < Int(Int32.max) else { return nil }
            guard let context = htmlNewParserCtxt() else { return nil }
            defer { htmlFreeParserCtxt(context) }
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            // An empty buffer still needs a valid pointer.
            let pointer = base ?? ("" as StaticString).utf8Start.withMemoryRebound(to: CChar.self, capacity: 1) { $0 }
            guard let doc = htmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, "UTF-8", options) else { return nil }
            return ParsedDocument(doc)
        }
        guard let document else {
            if html.utf8.count >= Int(Int32.max) { throw .tooLarge(html.utf8.count) }
            throw .noDocument
        }
        return document.tree()
    }
}

/// Owns one `htmlDocPtr` and frees it exactly once (`xmlFreeDoc` in `deinit`). The pointer
/// never leaves this type: ``tree()`` copies what Decant needs into Swift values.
final class ParsedDocument {
    private let doc: htmlDocPtr

    init(_ doc: htmlDocPtr) {
        self.doc = doc
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// Copies the element and text nodes into a ``DOMTree`` in document order, iteratively.
    func tree() -> DOMTree {
        var tree = DOMTree()
        // (libxml2 node, parent index in the tree)
        var stack: [(xmlNodePtr, DOMTree.Index)] = []
        var child = doc.pointee.children
        var roots: [xmlNodePtr] = []
        while let node = child { roots.append(node); child = node.pointee.next }
        for node in roots.reversed() { stack.append((node, -1)) }
        while let (node, parent) = stack.popLast() {
            let type = node.pointee.type
            let line = Int32(node.pointee.line)
            switch type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                var attributes: [(name: String, value: String)] = []
                var property = node.pointee.properties
                while let attribute = property {
                    if let rawName = attribute.pointee.name {
                        let attributeName = String(cString: rawName)
                        if DOMTree.keptAttributes.contains(attributeName) {
                            attributes.append((attributeName, Self.value(of: attribute)))
                        }
                    }
                    property = attribute.pointee.next
                }
                // Deeper than the cap: hang the node on the capped ancestor.
                var parentIndex = parent
                if parentIndex >= 0, tree[parentIndex].depth >= DOMTree.maxDepth { parentIndex = tree[parentIndex].parent }
                let index = tree.append(
                    tag: HTMLTag(name: name), name: name, isText: false, attributes: attributes, parent: parentIndex, line: line)
                var kids: [xmlNodePtr] = []
                var kid = node.pointee.children
                while let k = kid { kids.append(k); kid = k.pointee.next }
                for k in kids.reversed() { stack.append((k, index)) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                var parentIndex = parent
                if parentIndex >= 0, tree[parentIndex].depth >= DOMTree.maxDepth { parentIndex = tree[parentIndex].parent }
                tree.append(tag: .other, name: "", isText: true, text: String(cString: content), parent: parentIndex, line: line)
            default:
                continue  // comments, processing instructions, DTD
            }
        }
        return tree
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var out = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { out += String(cString: content) }
            child = node.pointee.next
        }
        return out
    }
}
