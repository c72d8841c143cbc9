import CUchardet

/// Owns one uchardet detector (`uchardet_new` / `handle_data` / `data_end` / `get_charset` /
/// `delete`). uchardet is strong on CJK, Cyrillic, Greek, Hebrew, Arabic and Thai; Decant asks it
/// first and checks its answer against the bytes (see ``StatisticalCharsetDetector``).
final class Uchardet {
    private let handle: uchardet_t

    init?() {
        guard let handle = uchardet_new() else { return nil }
        self.handle = handle
    }

    deinit { uchardet_delete(handle) }

    /// uchardet's guess (an iconv name, uppercased) or nil when it has none.
    func detect(_ bytes: [UInt8]) -> String? {
        uchardet_reset(handle)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                uchardet_handle_data(handle, $0, buffer.count)
            }
        }
        guard status == 0 else { return nil }
        uchardet_data_end(handle)
        guard let name = uchardet_get_charset(handle) else { return nil }
        let charset = String(cString: name).uppercased()
        return charset.isEmpty ? nil : charset
    }
}
