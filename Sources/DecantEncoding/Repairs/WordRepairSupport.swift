import Glibc

/// Helpers shared by the word-level repairs: tokenising into letter runs and guessing which
/// bundled word list fits a text.
enum WordText {
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic
    }

    /// Ranges (in scalar offsets) of maximal letter runs.
    static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            if isWordScalar(scalars[i]) {
                var j = i + 1
                while j < scalars.count && isWordScalar(scalars[j]) { j += 1 }
                ranges.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return ranges
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The first word list (English, Spanish, French, German, loaded only when reached) whose
    /// words make up at least 60% of the first 200 words of a text of at least 5 words.
    static func language(of bytes: UnsafeBufferPointer<UInt8>,
                         among lists: [@Sendable () -> WordList?] = WordText.allLists) -> WordList? {
        var scanner = ByteWordScanner(bytes)
        var sample: [ByteWord] = []
        sample.reserveCapacity(200)
        while sample.count < 200, let word = scanner.next() { sample.append(word) }
        guard sample.count >= 5 else { return nil }
        for load in lists {
            guard let list = load() else { continue }
            var known = 0
            for word in sample where word.contained(in: list, bytes) { known += 1 }
            if known * 10 >= sample.count * 6 { return list }
        }
        return nil
    }

    /// True when the text has at least five words (the least ``language(of:among:)`` judges).
    static func hasFiveWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = ByteWordScanner(bytes)
        for _ in 0..<5 where scanner.next() == nil { return false }
        return true
    }

    static let allLists: [@Sendable () -> WordList?] = [{ WordList.english }, { WordList.spanish }, { WordList.french }, { WordList.german }]

    /// The apostrophe the text already uses: curly when it has more ’ than ', else straight.
    static func apostrophe(in b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        curlyApostrophes(b) > count(0x27, in: b) ? "\u{2019}" : "'"
    }

    /// How many times `byte` occurs (memchr hops).
    static func count(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>) -> Int {
        guard var p = b.baseAddress else { return 0 }
        let end = p + b.count
        var count = 0
        while p < end, let found = memchr(p, Int32(byte), end - p) {
            count += 1
            p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// How many ’ (E2 80 99) occur.
    static func curlyApostrophes(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard var p = b.baseAddress else { return 0 }
        let end = p + b.count
        var count = 0
        while p < end, let found = memchr(p, 0xE2, end - p) {
            let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if at + 2 < end, at[1] == 0x80, at[2] == 0x99 { count += 1 }
            p = at + 1
        }
        return count
    }

    @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isASCIILower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
}

/// A word of a text as byte offsets into its UTF-8: a maximal run of alphabetic scalars.
struct ByteWord {
    var start: Int
    var end: Int
    /// Every byte is ASCII (so characters, scalars and bytes coincide).
    var ascii: Bool

    var count: Int { end - start }

    @inline(__always)
    func bytes(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[start..<end])
    }

    func string(_ b: UnsafeBufferPointer<UInt8>) -> String { UTF8Bytes.string(b, start..<end) }

    /// `list.contains(word)`.
    @inline(__always)
    func contained(in list: WordList, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        ascii ? list.containsASCII(bytes(b)) : list.contains(string(b))
    }
}

/// Walks the words of UTF-8 text (the same runs as ``WordText/words(_:)`` on its scalars).
struct ByteWordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    @inline(__always)
    mutating func next() -> ByteWord? {
        let b = bytes, n = b.count
        var i = position
        while i < n {
            let byte = b[i]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 { break }
                i += 1
                continue
            }
            let (value, length) = UTF8Bytes.scalar(b, at: i)
            if UTF8Bytes.isWordScalar(value) { break }
            i += length
        }
        guard i < n else { position = n; return nil }
        let start = i
        var ascii = true
        while i < n {
            let byte = b[i]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 >= 26 { break }
                i += 1
                continue
            }
            let (value, length) = UTF8Bytes.scalar(b, at: i)
            if !UTF8Bytes.isWordScalar(value) { break }
            ascii = false
            i += length
        }
        position = i
        return ByteWord(start: start, end: i, ascii: ascii)
    }

    /// The word that ends at or before byte `index`, scanning backwards, or nil.
    static func word(before index: Int, in b: UnsafeBufferPointer<UInt8>) -> ByteWord? {
        var i = index
        // Back over scalars that are not letters.
        while i > 0 {
            let start = UTF8Bytes.scalarStart(b, before: i)
            if UTF8Bytes.isWordScalar(UTF8Bytes.scalar(b, at: start).value) { break }
            i = start
        }
        guard i > 0 else { return nil }
        let end = i
        var ascii = true
        while i > 0 {
            let start = UTF8Bytes.scalarStart(b, before: i)
            if !UTF8Bytes.isWordScalar(UTF8Bytes.scalar(b, at: start).value) { break }
            if b[start] >= 0x80 { ascii = false }
            i = start
        }
        return ByteWord(start: i, end: end, ascii: ascii)
    }
}
