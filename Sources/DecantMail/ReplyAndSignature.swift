import DecantCore

/// Marks the parts of a plain-text mail body that are not the sender's new words: quoted
/// replies (`> …` lines, the "On … wrote:" line that introduces them, and everything after an
/// `-----Original Message-----` or Outlook `_____` separator) and the signature (everything after
/// the `-- ` delimiter line). They are returned as removals, so `--explain` can show them.
///
/// ```
/// Sounds good, see you at 3.          → kept
///                                     
/// On Mon, 4 Mar 2024, Ann wrote:      → boilerplate.quoted-reply
/// > Shall we meet today?              → boilerplate.quoted-reply
/// --                                  → boilerplate.signature
/// Bo Sample, Harbour Office           → boilerplate.signature
/// ```
public struct ReplyAndSignature: Sendable {
    public init() {}

    static let attributionEndings = ["wrote:", "writes:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "schreef:"]
    static let forwardedSeparators = ["-----original message-----", "-----ursprüngliche nachricht-----", "-----message d'origine-----"]

    /// The lines to keep, and what was removed with its reason (1-based line numbers in `lines`).
    public func split(_ lines: [String]) -> (kept: [String], removed: [Removal]) {
        var kept: [String] = []
        var removed: [Removal] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces
            let lower = trimmed.lowercased()
            if trimmed == "--" && line.hasPrefix("--") {
                for (offset, rest) in lines[index...].enumerated() where !rest.trimmingSpaces.isEmpty {
                    removed.append(Removal(text: rest.trimmingSpaces, reason: "boilerplate.signature", line: index + offset + 1))
                }
                break
            }
            if Self.forwardedSeparators.contains(lower) || (trimmed.count >= 20 && trimmed.allSatisfy { $0 == "_" }) {
                for (offset, rest) in lines[index...].enumerated() where !rest.trimmingSpaces.isEmpty {
                    removed.append(Removal(text: rest.trimmingSpaces, reason: "boilerplate.quoted-reply", line: index + offset + 1))
                }
                break
            }
            if trimmed.hasPrefix(">") || (Self.attributionEndings.contains { lower.hasSuffix($0) } && quoteFollows(lines, after: index)) {
                removed.append(Removal(text: trimmed, reason: "boilerplate.quoted-reply", line: index + 1))
            } else {
                kept.append(line)
            }
            index += 1
        }
        return (kept, removed)
    }

    private func quoteFollows(_ lines: [String], after index: Int) -> Bool {
        lines[(index + 1)...].first { !$0.trimmingSpaces.isEmpty }?.trimmingSpaces.hasPrefix(">") ?? false
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
