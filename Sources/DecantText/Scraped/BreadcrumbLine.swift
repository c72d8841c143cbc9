/// A breadcrumb or menu row: short names joined by `/`, `>`, `»`, `›`, `→` or `|`.
///
/// `"News   /   Politics   /   Syria"` → categories `["News", "Politics", "Syria"]`;
/// `"Home > Sport > Football"` → `["Sport", "Football"]` (the root is not a category).
/// Rows joined by `|` are menus: removed, but not taken as categories.
public struct BreadcrumbLine: Sendable {
    let roots: Set<String>

    public init(language: LanguageData) {
        roots = Set(language.breadcrumbRoots)
    }

    public struct Result: Equatable, Sendable {
        public var items: [String]
        /// True for `/ > » › →` paths (categories), false for `|` menus.
        public var isPath: Bool
    }

    static let separators: [(Character, isPath: Bool)] = [
        ("/", true), (">", true), ("»", true), ("›", true), ("→", true), ("|", false), ("·", false), ("•", false),
    ]

    public func parse(_ line: String) -> Result? {
        // Most lines hold no separator at all: one pass over the bytes rules them out before
        // any splitting (a separator absent as a scalar cannot split the line).
        let present = Self.separatorsPresent(line)
        guard present != 0 else { return nil }
        for (number, (separator, isPath)) in Self.separators.enumerated() where present & (1 << number) != 0 {
            // "a / b" inside a sentence, dates and fractions are not crumbs.
            if isPath && separator == "/" && !line.contains(" / ") { continue }
            let parts = line.split(separator: separator).map { ParagraphSplitter.collapseWhitespace(String($0)) }
            guard parts.count >= 2 else { continue }
            let itemsLookRight = parts.allSatisfy { part in
                let words = part.split(separator: " ")
                return !part.isEmpty && words.count <= 4 && part.first?.isLetter == true
                    && (part.first?.isUppercase == true || roots.contains(part.lowercased()))
                    && !".!?:".contains(part.last ?? " ")
            }
            guard itemsLookRight else { continue }
            let hasRoot = roots.contains(parts[0].lowercased())
            guard parts.count >= 3 || hasRoot || !isPath else { continue }
            let items = parts.filter { !roots.contains($0.lowercased()) }
            return Result(items: items, isPath: isPath)
        }
        return nil
    }

    /// Bit `n` set when the `n`-th of ``separators`` occurs in `line` as a scalar. U+0387 (Greek
    /// ano teleia) is canonically equivalent to `·`, so it sets that bit too.
    static func separatorsPresent(_ line: String) -> Int {
        var present = 0
        var lead: UInt8 = 0, middle: UInt8 = 0
        for byte in line.utf8 {
            switch byte {
            case 0x2F: present |= 1 << 0  // /
            case 0x3E: present |= 1 << 1  // >
            case 0x7C: present |= 1 << 5  // |
            case 0xBB where lead == 0xC2: present |= 1 << 2  // » U+00BB
            case 0xB7 where lead == 0xC2: present |= 1 << 6  // · U+00B7
            case 0x87 where lead == 0xCE: present |= 1 << 6  // U+0387 ≡ ·
            case 0xBA where lead == 0x80 && middle == 0xE2: present |= 1 << 3  // › U+203A
            case 0x92 where lead == 0x86 && middle == 0xE2: present |= 1 << 4  // → U+2192
            case 0xA2 where lead == 0x80 && middle == 0xE2: present |= 1 << 7  // • U+2022
            default: break
            }
            middle = lead
            lead = byte
        }
        return present
    }
}
