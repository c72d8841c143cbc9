/// Stable document ids: the caller's id when given, else a hash of the source bytes.
///
/// The hash is 64-bit FNV-1a printed as 16 hex digits: fast, dependency-free and the same on
/// every platform and run. Identical bytes give the same id wherever they sit, which is what
/// deduplication downstream wants.
public enum StableID {
    public static func forBytes<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(fnv1a64(bytes))
    }

    public static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
