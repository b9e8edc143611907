import Foundation

/// The lines of a UTF-8 file, read 1 MiB at a time, so that a JSON-lines file of any size (a year of
/// another host's disk samples) is never held whole. A line ends at `\n`; a `\r` before it is dropped,
/// as a CRLF file shows in an editor.
final class UTF8LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false

    init(url: URL, named file: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError.unreadable(file.path, "无法打开 (cannot open)")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break; nil after the last one.
    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                buffer = buffer[(newline + 1)...]
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return String(decoding: buffer.last == 0x0D ? buffer.dropLast() : buffer[...], as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer = Data(buffer) + chunk }
        }
    }
}
