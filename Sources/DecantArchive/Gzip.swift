/// Gzip data as web archives ship it: one or more concatenated members (Common Crawl
/// compresses each WARC record as its own member).
public enum Gzip {
    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates every member in turn, up to `limit` bytes of output.
    ///
    /// - Returns: what was inflated, and the error that stopped it early (a truncated last
    ///   member, damaged data, the limit), so a caller can keep the complete part.
    public static func decompress(_ bytes: [UInt8], limit: Int) -> (output: [UInt8], stoppedBy: ArchiveError?) {
        var output: [UInt8] = []
        var offset = 0
        var member = 1
        while offset < bytes.count {
            // Trailing zero padding after the last member is allowed.
            if bytes[offset...].allSatisfy({ $0 == 0 }) { break }
            do {
                let inflater = try Inflater(.gzip)
                let (chunk, consumed) = try inflater.inflate(bytes[offset...], limit: limit - output.count, what: "gzip member \(member)")
                output += chunk
                offset += max(consumed, 1)
                member += 1
            } catch {
                return (output, error)
            }
        }
        return (output, nil)
    }
}
