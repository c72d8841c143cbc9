/// Builds a ZIP archive whose entries are stored (not compressed), with correct CRCs, from a
/// flat description. libFuzzer mutates the description; the archive it turns into stays
/// well-formed, so the XML inside DOCX, ODT and EPUB parts gets fuzzed and not only the
/// container's checks.
///
/// Description format: entries separated by the byte 0x01; in each entry the bytes up to the
/// first newline are the entry name and the rest is its content.
public enum StoredZip {
    public static let entrySeparator: UInt8 = 0x01

    /// Splits a description into (name, content) entries.
    public static func entries(fromDescription description: [UInt8]) -> [(name: [UInt8], content: [UInt8])] {
        description.split(separator: entrySeparator, omittingEmptySubsequences: true).map { entry in
            if let newline = entry.firstIndex(of: 0x0A) {
                return (Array(entry[..<newline]), Array(entry[(newline + 1)...]))
            }
            return (Array(entry), [])
        }
    }

    /// The inverse of ``entries(fromDescription:)``, used to write seed files.
    public static func description(of entries: [(name: [UInt8], content: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(entrySeparator) }
            out += entry.name + [0x0A] + entry.content
        }
        return out
    }

    /// A stored ZIP archive holding `entries`.
    public static func archive(_ entries: [(name: [UInt8], content: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(truncatingIfNeeded: out.count)
            let crc = CRC32.checksum(entry.content)
            let size = UInt32(truncatingIfNeeded: entry.content.count)
            let nameLength = UInt16(truncatingIfNeeded: entry.name.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
            out += le32(crc) + le32(size) + le32(size) + le16(nameLength) + le16(0)
            out += entry.name + entry.content
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(size) + le32(size) + le16(nameLength) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + entry.name
        }
        let centralOffset = UInt32(truncatingIfNeeded: out.count)
        let count = UInt16(truncatingIfNeeded: entries.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count)
        out += le32(UInt32(truncatingIfNeeded: central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

/// The CRC-32 of ZIP and gzip (polynomial 0xEDB88320).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
