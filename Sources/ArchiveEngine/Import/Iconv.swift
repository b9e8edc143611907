import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes between encodings with the system's iconv.
///
/// Foundation on Linux has no GB18030 encoding (NOTES.md), while glibc's iconv converts it correctly, so
/// GB18030/GBK files are decoded (and the demo's platform-style export is encoded) through this one wrapper.
/// Conversion is strict: no byte is silently dropped or replaced.
enum Iconv {
    /// Converts `data` from `source` to `target`; nil when the bytes are not valid in `source` (or cannot be
    /// written in `target`).
    static func convert(_ data: Data, from source: String, to target: String) -> Data? {
        guard let converter = Converter(from: source, to: target) else { return nil }
        var output = Data()
        output.reserveCapacity(data.count * 3 / 2 + 16)
        guard converter.convert(data, final: true, into: &output) else { return nil }
        return output
    }

    /// A conversion fed in chunks, so that a file of any size is converted with flat memory: a multi-byte
    /// character cut by a chunk boundary is kept and completed by the next chunk.
    final class Converter {
        private let cd: iconv_t
        /// The bytes of a character the previous chunk ended in the middle of.
        private var pending: [UInt8] = []

        init?(from source: String, to target: String) {
            guard let cd = iconv_open(target, source), cd != iconv_t(bitPattern: -1) else { return nil }
            self.cd = cd
        }

        deinit { iconv_close(cd) }

        /// Appends the conversion of `chunk` to `output`; false when the bytes are invalid in the source
        /// encoding, or (with `final`) the input ends inside a character.
        func convert(_ chunk: Data, final: Bool, into output: inout Data) -> Bool {
            var input = pending
            input.append(contentsOf: chunk)
            pending.removeAll(keepingCapacity: true)
            if input.isEmpty { return true }
            let chunkSize = 64 * 1024
            var buffer = [UInt8](repeating: 0, count: chunkSize)
            var ok = true
            input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
                var inPtr: UnsafeMutablePointer<CChar>? = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = raw.count
                while inLeft > 0 {
                    let (result, produced, error): (Int, Int, Int32) = buffer.withUnsafeMutableBytes { out in
                        var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress?.assumingMemoryBound(to: CChar.self)
                        var outLeft = chunkSize
                        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                        return (r, chunkSize - outLeft, errno)
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    guard result == -1 else { continue }
                    // E2BIG only means the output buffer is full: go round again.
                    if error == E2BIG { continue }
                    // EINVAL: the input ends inside a character; the next chunk completes it.
                    if error == EINVAL && !final, let inPtr {
                        pending = Array(UnsafeRawBufferPointer(start: inPtr, count: inLeft))
                        return
                    }
                    ok = false
                    return
                }
            }
            return ok
        }
    }
}
