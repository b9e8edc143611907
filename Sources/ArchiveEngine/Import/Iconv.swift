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
enum Iconv {
    /// Converts `data` from `source` to `target`; nil when the bytes are not valid in `source` (or cannot be
    /// written in `target`). Conversion is strict: no byte is silently dropped or replaced.
    static func convert(_ data: Data, from source: String, to target: String) -> Data? {
        let cd = iconv_open(target, source)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        if data.isEmpty { return Data() }

        var output = Data()
        output.reserveCapacity(data.count * 3 / 2 + 16)
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var failed = false
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { failed = true; return }
            var inPtr = UnsafeMutablePointer<CChar>(mutating: base.assumingMemoryBound(to: CChar.self))
            var inLeft = raw.count
            while inLeft > 0 {
                let (result, produced): (Int, Int) = chunk.withUnsafeMutableBytes { out in
                    var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkSize
                    var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                    let r = iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                    if let advanced = inOpt { inPtr = advanced }
                    return (r, chunkSize - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced])
                if result == -1 {
                    // E2BIG only means the output chunk is full: go round again. Anything else is bad input.
                    if errno == E2BIG { continue }
                    failed = true
                    return
                }
            }
        }
        return failed ? nil : output
    }
}
