/// A parsed HTML document as a flat, immutable array of nodes (an arena).
///
/// libxml2's tree is copied into this form once, right after parsing, so no C pointer outlives
/// the parse and every later step (metadata, scoring, block building) is plain Swift that walks
/// indices without recursion: 10,000 nested `<div>`s cost a loop, never a stack overflow.
public struct DOMTree: Sendable {
    /// A node index into ``nodes``; `-1` means none.
    public typealias Index = Int32

    public struct Node: Sendable {
        /// Element tag; text nodes have `.other` and `isText == true`.
        public var tag: HTMLTag
        public var isText: Bool
        /// Lower-case element name (also for unknown elements), empty for text.
        public var name: String
        /// Text content of a text node; empty for elements.
        public var text: String
        /// The attributes Decant reads (see ``DOMTree/keptAttributes``), in source order.
        public var attributes: [(name: String, value: String)]
        public var parent: Index
        public var firstChild: Index = -1
        public var lastChild: Index = -1
        public var nextSibling: Index = -1
        /// 1-based source line, 0 when unknown.
        public var line: Int32
        /// Depth below the root element.
        public var depth: Int32

        public func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    public private(set) var nodes: [Node] = []
    /// Index of the first top-level node, or -1 for an empty document.
    public private(set) var root: Index = -1

    /// Attributes copied from libxml2; the others are never looked at.
    public static let keptAttributes: Set<String> = [
        "id", "class", "role", "itemprop", "itemtype", "itemscope", "href", "src", "data-src", "alt", "content", "name",
        "property", "rel", "http-equiv", "charset", "datetime", "lang", "hidden", "style", "aria-hidden", "type",
        "title", "aria-label",
    ]

    /// Deeper nodes are attached to their ancestor at this depth, keeping the text in order.
    public static let maxDepth: Int32 = 256

    public init() {}

    /// Appends a node under `parent` (or as a top-level node) and returns its index.
    @discardableResult
    public mutating func append(
        tag: HTMLTag, name: String, isText: Bool, text: String = "", attributes: [(name: String, value: String)] = [],
        parent: Index, line: Int32
    ) -> Index {
        let index = Index(nodes.count)
        let depth = parent >= 0 ? nodes[Int(parent)].depth + 1 : 0
        nodes.append(Node(tag: tag, isText: isText, name: name, text: text, attributes: attributes, parent: parent, line: line, depth: depth))
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].nextSibling = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        } else if root < 0 {
            root = index
        } else {
            var last = root
            while nodes[Int(last)].nextSibling >= 0 { last = nodes[Int(last)].nextSibling }
            nodes[Int(last)].nextSibling = index
        }
        return index
    }

    public subscript(index: Index) -> Node { nodes[Int(index)] }

    public var count: Int { nodes.count }

    /// Children of `index`, in order.
    public func children(of index: Index) -> ChildSequence { ChildSequence(tree: self, first: nodes[Int(index)].firstChild) }

    /// The first element with `tag` in document order (the array is in document order).
    public func first(_ tag: HTMLTag) -> Index? {
        for (i, node) in nodes.enumerated() where node.tag == tag && !node.isText { return Index(i) }
        return nil
    }

    /// All text under `index`, whitespace collapsed to single spaces and trimmed.
    public func text(of index: Index) -> String {
        var out = ""
        var pendingSpace = false
        func add(_ s: String) {
            for scalar in s.unicodeScalars {
                if scalar.isCollapsibleSpace || scalar == "\u{A0}" {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        if nodes[Int(index)].isText { add(nodes[Int(index)].text); return out }
        let end = subtreeEnd(index)
        var i = Int(index) + 1
        while i < end {
            let node = nodes[i]
            if node.isText { add(node.text); i += 1 } else if node.tag.isNeverContent { i = subtreeEnd(Index(i)) } else {
                if node.tag.isBlockLevel || node.tag == .br { pendingSpace = !out.isEmpty }
                i += 1
            }
        }
        return out
    }

    /// One past the last index of `index`'s subtree: nodes are stored in document order, so a
    /// subtree is the contiguous range `index ..< subtreeEnd(index)`.
    public func subtreeEnd(_ index: Index) -> Int {
        var i = index
        while i >= 0 {
            let next = nodes[Int(i)].nextSibling
            if next >= 0 { return Int(next) }
            i = nodes[Int(i)].parent
        }
        return nodes.count
    }

    /// Whether `ancestor` is `node` or contains it.
    public func contains(_ ancestor: Index, _ node: Index) -> Bool {
        node >= ancestor && Int(node) < subtreeEnd(ancestor)
    }

    public struct ChildSequence: Sequence, IteratorProtocol {
        let tree: DOMTree
        var current: Index

        init(tree: DOMTree, first: Index) {
            self.tree = tree
            self.current = first
        }

        public mutating func next() -> Index? {
            guard current >= 0 else { return nil }
            defer { current = tree.nodes[Int(current)].nextSibling }
            return current
        }
    }
}
