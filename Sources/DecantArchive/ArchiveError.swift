/// Why an archive (a ZIP container, a gzip stream) was refused or could not be read.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnArchive(String)
    case truncated(String)
    case unsupported(String)
    case unsafeName(String)
    case tooLarge(String)
    case corrupt(String)
    case missingEntry(String)

    public var description: String {
        switch self {
        case .notAnArchive(let why): "not a ZIP archive: \(why)"
        case .truncated(let why): "the archive is truncated: \(why)"
        case .unsupported(let why): "unsupported archive feature: \(why)"
        case .unsafeName(let name): "refused entry name '\(name)': absolute paths and '..' are not allowed"
        case .tooLarge(let why): "refused as a possible zip bomb: \(why)"
        case .corrupt(let why): "the compressed data is damaged: \(why)"
        case .missingEntry(let name): "the archive has no '\(name)'"
        }
    }
}
