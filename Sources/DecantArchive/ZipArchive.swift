import CZlib

/// Caps that keep a hostile archive from exhausting memory. The defaults fit any real office
/// document or e-book with a wide margin.
public struct ZipLimits: Sendable, Equatable {
    /// Entries in the central directory.
    public var maxEntries = 20_000
    /// Bytes one entry may inflate to.
    public var maxEntrySize = 128 * 1024 * 1024
    /// Bytes all entries read from one archive may inflate to together.
    public var maxTotalSize = 512 * 1024 * 1024
    /// Inflated/compressed ratio allowed for entries above 1 MiB (deflate's own limit is 1032).
    public var maxRatio = 200

    public init() {}
}

/// One file in a ZIP archive, from its central-directory record.
public struct ZipEntry: Sendable, Equatable {
    public var name: String
    public var method: UInt16
    public var compressedSize: Int
    public var uncompressedSize: Int
    public var crc: UInt32
    var localHeaderOffset: Int
    var encrypted: Bool
}

/// A read-only view of a ZIP archive held in memory (PKWARE APPNOTE: end-of-central-directory
/// record, central directory, local headers; stored and deflated entries).
///
/// Every name is checked when the archive is opened: absolute paths, `..` components and
/// backslashes are refused, so no entry can point outside the archive. Sizes are checked twice —
/// the declared sizes and ratio when opening, the real inflated size while inflating — so a
/// zip bomb is refused rather than expanded. ZIP64, encryption and methods other than stored
/// and deflate are reported as unsupported.
public struct ZipArchive: Sendable {
    public let entries: [ZipEntry]
    public let limits: ZipLimits
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ArchiveError) {
        self.bytes = bytes
        self.limits = limits
        guard bytes.count >= 22 else { throw .notAnArchive("only \(bytes.count) bytes") }
        guard let end = Self.findEndOfCentralDirectory(bytes) else {
            throw bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .truncated("no end-of-central-directory record") : .notAnArchive("no ZIP signature")
        }
        let count = Int(Self.u16(bytes, end + 10))
        let directorySize = Int(Self.u32(bytes, end + 12))
        let directoryOffset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .unsupported("ZIP64 archives") }
        guard count <= limits.maxEntries else { throw .tooLarge("\(count) entries (limit \(limits.maxEntries))") }
        guard directoryOffset + directorySize <= end else { throw .truncated("the central directory lies outside the file") }
        var entries: [ZipEntry] = []
        var offset = directoryOffset
        var declaredTotal = 0
        for _ in 0..<count {
            guard offset + 46 <= end, Self.u32(bytes, offset) == 0x0201_4B50 else { throw .truncated("central directory record \(entries.count + 1) is damaged") }
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let extraLength = Int(Self.u16(bytes, offset + 30))
            let commentLength = Int(Self.u16(bytes, offset + 32))
            guard offset + 46 + nameLength <= end else { throw .truncated("an entry name runs past the directory") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            let entry = ZipEntry(
                name: name, method: Self.u16(bytes, offset + 10), compressedSize: Int(Self.u32(bytes, offset + 20)),
                uncompressedSize: Int(Self.u32(bytes, offset + 24)), crc: Self.u32(bytes, offset + 16),
                localHeaderOffset: Int(Self.u32(bytes, offset + 42)), encrypted: Self.u16(bytes, offset + 8) & 1 != 0)
            guard Self.isSafe(name) else { throw .unsafeName(name) }
            if entry.uncompressedSize > limits.maxEntrySize {
                throw .tooLarge("'\(name)' declares \(entry.uncompressedSize) bytes (limit \(limits.maxEntrySize))")
            }
            if entry.uncompressedSize > 1 << 20, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxRatio {
                throw .tooLarge("'\(name)' would inflate \(entry.uncompressedSize / max(entry.compressedSize, 1)) times (limit \(limits.maxRatio))")
            }
            declaredTotal += entry.uncompressedSize
            entries.append(entry)
            offset += 46 + nameLength + extraLength + commentLength
        }
        guard declaredTotal <= limits.maxTotalSize else { throw .tooLarge("entries declare \(declaredTotal) bytes in all (limit \(limits.maxTotalSize))") }
        self.entries = entries
    }

    public func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The inflated bytes of the entry `name`.
    public func contents(of name: String) throws(ArchiveError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw .missingEntry(name) }
        return try contents(of: entry)
    }

    public func contents(of entry: ZipEntry) throws(ArchiveError) -> [UInt8] {
        if entry.encrypted { throw .unsupported("'\(entry.name)' is encrypted") }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else { throw .truncated("the local header of '\(entry.name)' is missing") }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .truncated("'\(entry.name)' is cut off") }
        let data = bytes[start..<(start + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0: output = Array(data)
        case 8: output = try Inflater(.raw).inflate(data, limit: min(limits.maxEntrySize, max(entry.uncompressedSize, 0)), what: "'\(entry.name)'").output
        default: throw .unsupported("'\(entry.name)' uses compression method \(entry.method)")
        }
        guard output.count == entry.uncompressedSize else { throw .corrupt("'\(entry.name)' inflates to \(output.count) bytes, not the \(entry.uncompressedSize) declared") }
        let crc = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard crc == entry.crc else { throw .corrupt("'\(entry.name)' fails its CRC check") }
        return output
    }

    /// True for relative names without `..` components or backslashes.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }  // "C:..."
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    static func findEndOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while offset >= lowest {
            if bytes[offset] == 0x50, Self.u32(bytes, offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}
