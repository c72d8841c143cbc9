import DecantArchive

/// Why an office document or e-book could not be read.
public enum OfficeError: Error, Equatable, Sendable, CustomStringConvertible {
    case archive(format: String, ArchiveError)
    case missingPart(format: String, String)
    case unsafeXML(String)
    case malformedXML(String)

    public var description: String {
        switch self {
        case .archive(let format, let error): "this \(format) file cannot be opened: \(error.description)"
        case .missingPart(let format, let part): "not a valid \(format) file: \(part) is missing"
        case .unsafeXML(let why): "unsafe XML refused: \(why)"
        case .malformedXML(let why): "malformed XML in \(why)"
        }
    }
}
