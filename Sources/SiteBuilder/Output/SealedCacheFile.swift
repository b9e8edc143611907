import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file format of the caches kept beside `Output/` (search documents, manual outlines): a head naming
/// the format, a body of ``ByteWriter`` values, and the SHA-256 of the body, so a truncated, damaged or
/// foreign file is recognised and ignored. Written under a temporary name and renamed into place, so a
/// reader sees the old file or the new one, never half of one.
///
/// The bytes are read into and written from one buffer: a cache of a large manual is tens of megabytes,
/// and the copies `Data` ↔ `[UInt8]` made it the largest allocation at the end of a build.
enum SealedCacheFile {
    /// A reader over the body of the file at `url`, if the file starts with `head` and its checksum holds.
    static func open(_ url: URL, head: [UInt8]) -> ByteReader? {
        guard let bytes = contents(of: url.path), bytes.count >= head.count + 32,
              bytes[..<head.count].elementsEqual(head) else { return nil }
        let end = bytes.count - 32
        guard SHA256.hash(data: bytes[head.count..<end]).elementsEqual(bytes[end...]) else { return nil }
        return ByteReader(bytes: bytes, offset: head.count, end: end)
    }

    /// What `writer` holds (its head and body) followed by the SHA-256 of the body.
    static func seal(_ writer: ByteWriter) -> [UInt8] {
        var bytes = writer.bytes
        bytes.append(contentsOf: SHA256.hash(data: bytes[writer.headCount...]))
        return bytes
    }

    /// Writes sealed `bytes` (``seal(_:)``) to `url`.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString)")
        do {
            try OutputWriter.write(bytes, to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw OutputError.cannotWrite(url.path, String(cString: strerror(errno))) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// The bytes of the regular file at `path`, read straight into one array; nil if it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            count = done
        }
        return failed ? nil : bytes
    }
}

/// Length-prefixed strings and integers in one byte buffer (the caches' format). Integers are written as
/// LEB128 (7 bits a byte): the caches are mostly short terms and small scores, for which eight bytes each
/// were three quarters of the file.
struct ByteWriter {
    private(set) var bytes: [UInt8]
    /// How many bytes of ``bytes`` are the head (not covered by the checksum).
    let headCount: Int

    init(head: [UInt8] = []) {
        bytes = head
        headCount = head.count
    }

    mutating func integer(_ v: Int) {
        var v = UInt64(truncatingIfNeeded: v)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            integer(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var end: Int

    init(bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var atEnd: Bool { offset == end }

    mutating func integer() -> Int? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let b = bytes[offset]
            offset += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v <= UInt64(Int.max) ? Int(v) : nil }
            shift += 7
        }
        return nil
    }

    mutating func string() -> String? {
        guard let n = integer(), n <= end - offset else { return nil }
        let s = bytes[offset..<(offset + n)].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        offset += n
        return s
    }
}
