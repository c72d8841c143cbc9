import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML element with its children, as the office and e-book readers walk them.
public struct MarkupElement: Sendable {
    /// Local name, without the namespace prefix (`p` for `w:p`).
    public var name: String
    /// Attributes by qualified name (`w:val`).
    public var attributes: [String: String]
    public var children: [MarkupNode]

    /// The attribute with local name `local`, whatever its prefix.
    public func attribute(_ local: String) -> String? {
        if let exact = attributes[local] { return exact }
        return attributes.first { $0.key.hasSuffix(":" + local) }?.value
    }

    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func child(_ local: String) -> MarkupElement? {
        elements.first { $0.name == local }
    }

    /// The first descendant (depth first) named `local`.
    public func descendant(_ local: String) -> MarkupElement? {
        for element in elements {
            if element.name == local { return element }
            if let found = element.descendant(local) { return found }
        }
        return nil
    }

    /// Every descendant named `local`, in document order.
    public func descendants(_ local: String) -> [MarkupElement] {
        var found: [MarkupElement] = []
        for element in elements {
            if element.name == local { found.append(element) }
            found += element.descendants(local)
        }
        return found
    }

    /// All text below this element, concatenated.
    public var text: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }
}

public indirect enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// Parses XML into a ``MarkupElement`` tree, safely: no network access, no external entities,
/// no document type with entity declarations (the "billion laughs" expansion), and a nesting
/// limit. Foundation's `XMLParser` (libxml2) does the parsing.
public enum MarkupTree {
    /// Deeper nesting than this is refused (real documents stay far below).
    public static let maxDepth = 256

    /// The root element of `bytes`. `what` names the part in error messages (`word/document.xml`).
    public static func parse(_ bytes: [UInt8], what: String) throws(OfficeError) -> MarkupElement {
        if contains(bytes, Array("<!ENTITY".utf8)) {
            throw .unsafeXML("\(what) declares entities; refused to avoid entity-expansion attacks")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(XMLTextEncoding.safeForXMLParser(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let ok = parser.parse()
        if builder.tooDeep { throw .unsafeXML("\(what) nests elements more than \(maxDepth) deep") }
        guard ok, let root = builder.root else {
            let reason = describe(parser.parserError)
            throw .malformedXML("\(what): \(reason) (line \(parser.lineNumber))")
        }
        return root
    }

    /// A readable reason for the common libxml2 parse errors (Foundation's own text is a bare code).
    static func describe(_ error: (any Error)?) -> String {
        guard let code = (error as NSError?)?.code else { return "not well-formed XML" }
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early (truncated?)"
        case 9: return "an invalid character"
        case 26: return "an undeclared entity"
        case 73, 76: return "an end tag does not match its start tag"
        case 111: return "elements nest too deeply"
        default: return "not well-formed XML (libxml2 error \(code))"
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [MarkupElement] = []
    var root: MarkupElement?
    var tooDeep = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if stack.count >= MarkupTree.maxDepth {
            tooDeep = true
            parser.abortParsing()
            return
        }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        stack.append(MarkupElement(name: local, attributes: attributes, children: []))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        if case .text(let previous)? = stack[stack.count - 1].children.last {
            stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + string)
        } else {
            stack[stack.count - 1].children.append(.text(string))
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }
}
