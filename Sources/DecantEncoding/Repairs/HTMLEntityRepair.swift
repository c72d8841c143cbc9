/// Decodes HTML character references left in text by a scraper: named (`&amp;`, `&rsquo;`),
/// numeric (`&#8217;`, `&#x2019;`, and `&#146;`, which browsers read as Windows-1252) and
/// double-escaped ones (`&amp;rsquo;`). Only well-formed references ending in `;` are decoded;
/// an `&` that starts no known reference stays.
///
/// Before: `"Tom &amp; Jerry&#8217;s &amp;ldquo;show&amp;rdquo;"` — after: `"Tom & Jerry’s “show”"`.
public struct HTMLEntityRepair: TextRepair {
    public let name = "entity"
    public init() {}

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        guard UTF8Bytes.contains(text, UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var changed = false
        while i < scalars.count {
            if scalars[i] == "&", let (decoded, length) = reference(scalars, at: i) {
                // `&amp;` directly followed by another reference is double escaping.
                if decoded == ["&"], let (inner, innerLength) = reference(scalars, at: i + length - 1, afterAmp: true) {
                    out.append(contentsOf: inner)
                    tally.add(name, from: String(String.UnicodeScalarView(scalars[i..<(i + length + innerLength - 1)])), to: String(String.UnicodeScalarView(inner)))
                    i += length + innerLength - 1
                } else {
                    out.append(contentsOf: decoded)
                    tally.add(name, from: String(String.UnicodeScalarView(scalars[i..<(i + length)])), to: String(String.UnicodeScalarView(decoded)))
                    i += length
                }
                changed = true
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return changed ? String(out) : text
    }

    /// Parses a reference starting at `start` (the `&`, or the `;` of a preceding `&amp;` when
    /// `afterAmp`). Returns the decoded scalars and the length consumed.
    func reference(_ s: [Unicode.Scalar], at start: Int, afterAmp: Bool = false) -> ([Unicode.Scalar], Int)? {
        var i = start + 1
        var body = ""
        while i < s.count, i - start <= 32, s[i] != ";" {
            let v = s[i].value
            guard (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x23 else { return nil }
            body.unicodeScalars.append(s[i])
            i += 1
        }
        guard i < s.count, s[i] == ";", !body.isEmpty else { return nil }
        let length = i - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            guard var v = value, v > 0 else { return nil }
            if (0x80...0x9F).contains(v), let mapped = Self.windows1252Controls[v] { v = mapped }
            guard let scalar = Unicode.Scalar(v), v != 0 else { return nil }
            return ([scalar], length)
        }
        guard let value = Self.named[body] else { return nil }
        if afterAmp && value == "&" { return nil }
        return (Array(value.unicodeScalars), length)
    }

    /// What browsers do with `&#128;`…`&#159;` (the Windows-1252 reading), from the WHATWG spec.
    static let windows1252Controls: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The named references met in scraped text (HTML 4 Latin-1, symbol and special sets).
    static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
            "bdquo": "\u{201E}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}",
            "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "dagger": "\u{2020}", "Dagger": "\u{2021}", "permil": "\u{2030}",
            "prime": "\u{2032}", "Prime": "\u{2033}", "euro": "\u{20AC}", "trade": "\u{2122}", "minus": "\u{2212}",
            "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}",
            "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "infin": "\u{221E}", "asymp": "\u{2248}",
            "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
            "lrm": "\u{200E}", "rlm": "\u{200F}", "OElig": "\u{152}", "oelig": "\u{153}", "Scaron": "\u{160}",
            "scaron": "\u{161}", "Yuml": "\u{178}", "fnof": "\u{192}", "circ": "\u{2C6}", "tilde": "\u{2DC}",
            "alpha": "\u{3B1}", "beta": "\u{3B2}", "gamma": "\u{3B3}", "delta": "\u{3B4}", "mu": "\u{3BC}",
            "pi": "\u{3C0}", "sigma": "\u{3C3}", "omega": "\u{3C9}", "Omega": "\u{3A9}", "hearts": "\u{2665}",
        ]
        // Latin-1 names for U+00A1…U+00FF, in code point order.
        let latin1 = """
            iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde \
            Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute \
            Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde \
            auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute \
            ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """.split(separator: " ")
        for (offset, entityName) in latin1.enumerated() {
            table[String(entityName)] = String(Character(Unicode.Scalar(UInt32(0xA1 + offset))!))
        }
        return table
    }()
}
