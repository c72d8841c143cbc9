/// The bytes libFuzzer hands a target, copied into an array, with helpers to take selector
/// bytes off the front (which reader, which file name, which mode).
public struct FuzzBytes {
    public private(set) var bytes: ArraySlice<UInt8>

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = ArraySlice(UnsafeBufferPointer(start: data, count: size))
    }

    /// Removes and returns the first byte, or 0 when there is none.
    public mutating func takeByte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// Removes the first byte and uses it to pick one of `choices` (which must not be empty).
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(takeByte()) % choices.count]
    }

    /// What is left, as an array.
    public var rest: [UInt8] { Array(bytes) }
}
