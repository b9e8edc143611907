import Foundation

/// The lines of a UTF-8 file, read 1 MiB at a time, so that a JSON-lines file of any size (a year of
/// another host's disk samples) is never held whole. A line ends at `\n`; a `\r` before it is dropped,
/// as a CRLF file shows in an editor.
final class UTF8LineReader {
    private let handle: FileHandle
    /// Bytes read and not yet returned start at `position`; the consumed part is dropped before each read.
    private var buffer: [UInt8] = []
    private var position = 0
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
            if let line = takeLine() { return line }
            if atEnd {
                guard position < buffer.count else { return nil }
                let end = buffer.last == 0x0D ? buffer.count - 1 : buffer.count
                defer { position = buffer.count }
                return String(decoding: buffer[position..<end], as: UTF8.self)
            }
            buffer.removeSubrange(0..<position)
            position = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// The line that starts at `position` if its `\n` has been read (found with memchr: this loop runs
    /// once per line of a million-line file).
    private func takeLine() -> String? {
        let start = position
        guard start < buffer.count else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, let hit = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
            return hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
        }
        guard let newline = found else { return nil }
        let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
        position = newline + 1
        return String(decoding: buffer[start..<end], as: UTF8.self)
    }
}
