import Foundation
import ZIPFoundation

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
public struct ZipEntry: @unchecked Sendable, Equatable {
    public var name: String
    public var compressed: Bool
    public var compressedSize: Int
    public var uncompressedSize: Int
    public var crc: UInt32
    /// ZIPFoundation's record of the entry, used to extract it.
    let entry: Entry

    public static func == (a: ZipEntry, b: ZipEntry) -> Bool { a.entry == b.entry }
}

/// A read-only view of a ZIP archive held in memory, read with ZIPFoundation.
///
/// What Decant adds on top is refusal: every name is checked when the archive is opened
/// (absolute paths, `..` components and backslashes are refused, so no entry can point outside the
/// archive), and sizes are checked twice — the declared sizes and ratio when opening, the real
/// inflated size while inflating (extraction stops at the limit) — so a zip bomb is refused rather
/// than expanded. Every extracted entry is checked against its CRC-32.
public final class ZipArchive {
    public let entries: [ZipEntry]
    public let limits: ZipLimits
    private let archive: Archive

    public init(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ArchiveError) {
        self.limits = limits
        guard bytes.count >= 22 else { throw .notAnArchive("only \(bytes.count) bytes") }
        let signed = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
        guard signed else { throw .notAnArchive("no ZIP signature") }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .truncated("no readable end-of-central-directory record")
        }
        var entries: [ZipEntry] = []
        var declaredTotal = 0
        for entry in archive {
            guard entries.count < limits.maxEntries else { throw .tooLarge("more than \(limits.maxEntries) entries") }
            let name = entry.path
            guard Self.isSafe(name) else { throw .unsafeName(name) }
            let zipEntry = ZipEntry(
                name: name, compressed: entry.isCompressed, compressedSize: Int(clamping: entry.compressedSize),
                uncompressedSize: Int(clamping: entry.uncompressedSize), crc: entry.checksum, entry: entry)
            let size = zipEntry.uncompressedSize, ratio = size / max(zipEntry.compressedSize, 1)
            if size > limits.maxEntrySize { throw .tooLarge("'\(name)' declares \(size) bytes (limit \(limits.maxEntrySize))") }
            if size > 1 << 20, ratio > limits.maxRatio { throw .tooLarge("'\(name)' would inflate \(ratio) times (limit \(limits.maxRatio))") }
            declaredTotal += size
            entries.append(zipEntry)
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

    /// The inflated bytes of `entry`; inflating stops as soon as it passes the declared size.
    public func contents(of entry: ZipEntry) throws(ArchiveError) -> [UInt8] {
        struct PastLimit: Error {}
        let limit = min(limits.maxEntrySize, entry.uncompressedSize)
        var output: [UInt8] = []
        output.reserveCapacity(limit)
        do {
            _ = try archive.extract(entry.entry) { chunk in
                guard output.count + chunk.count <= limit else { throw PastLimit() }
                output.append(contentsOf: chunk)
            }
        } catch is PastLimit {
            throw .tooLarge("'\(entry.name)' inflates past the \(limit) bytes it declares")
        } catch Archive.ArchiveError.invalidCRC32 {
            throw .corrupt("'\(entry.name)' fails its CRC check")
        } catch {
            throw .corrupt("'\(entry.name)' cannot be inflated (\(error))")
        }
        guard output.count == entry.uncompressedSize else {
            throw .corrupt("'\(entry.name)' inflates to \(output.count) bytes, not the \(entry.uncompressedSize) declared")
        }
        return output
    }

    /// True for relative names without `..` components or backslashes.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }  // "C:..."
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}
