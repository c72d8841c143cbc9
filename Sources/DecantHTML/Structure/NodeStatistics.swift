/// Per-node facts computed once, bottom-up, in one reverse pass over the arena: where each
/// subtree ends, how much visible text it holds and how much of that is link text, counting
/// only what survives the structural boilerplate rules.
struct NodeStatistics {
    /// One past the last node of each subtree.
    var end: [Int32]
    /// Visible non-space characters in the subtree (all of it, boilerplate included).
    var chars: [Int32]
    /// Visible non-space characters outside boilerplate subtrees.
    var keptChars: [Int32]
    /// Of `keptChars`, those inside links.
    var keptLinkChars: [Int32]

    init(tree: DOMTree, marks: [BoilerplateKind?]) {
        let n = tree.count
        end = Array(repeating: 0, count: n)
        chars = Array(repeating: 0, count: n)
        keptChars = Array(repeating: 0, count: n)
        keptLinkChars = Array(repeating: 0, count: n)
        var i = n - 1
        while i >= 0 {
            let node = tree.nodes[i]
            if node.isText {
                let count = Self.visibleCharacters(node.text)
                chars[i] = count
                keptChars[i] = count
                end[i] = Int32(i + 1)
            } else {
                end[i] = node.lastChild >= 0 ? end[Int(node.lastChild)] : Int32(i + 1)
                if node.tag.isNeverContent {
                    chars[i] = 0
                    keptChars[i] = 0
                    keptLinkChars[i] = 0
                } else if node.tag == .a {
                    keptLinkChars[i] = keptChars[i]
                }
                if marks[i] != nil {
                    keptChars[i] = 0
                    keptLinkChars[i] = 0
                }
            }
            let parent = Int(node.parent)
            if parent >= 0 {
                chars[parent] += chars[i]
                keptChars[parent] += keptChars[i]
                keptLinkChars[parent] += keptLinkChars[i]
            }
            i -= 1
        }
    }

    /// Scalars other than ASCII spaces and controls, counted over the UTF-8 bytes in one tight loop.
    static func visibleCharacters(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            var count: Int32 = 0
            for byte in bytes where byte > 0x20 && (byte & 0xC0) != 0x80 { count &+= 1 }
            return count
        }
    }

    /// Share of a node's kept text that is link text, 0…1.
    func linkDensity(_ index: Int) -> Double {
        keptChars[index] == 0 ? 0 : Double(keptLinkChars[index]) / Double(keptChars[index])
    }
}
