#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// Every byte the engine reads from a store goes through here: hashing (SHA-256 over one reusable
/// buffer, no per-file allocation) and whole-file reads for the PDF and XML checks. Files are opened
/// read-only, without following symlinks and, where permitted, without touching their access time; the
/// optional ``ReadThrottle`` paces the reads.
public final class ThrottledFileReader: @unchecked Sendable {
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case unreadable(String)

        public var text: String {
            switch self {
            case .missing: "不存在 (missing)"
            case .unreadable(let r): "无法读取: \(r) (unreadable)"
            }
        }
    }

    private let throttle: ReadThrottle
    private let buffer: UnsafeMutableRawBufferPointer
    /// Bytes read since the reader was made (for the report and the benchmark).
    public private(set) var bytesRead: Int64 = 0
    public private(set) var filesRead: Int = 0

    public init(throttle: ReadThrottle = ReadThrottle(megabytesPerSecond: nil), bufferSize: Int = 1 << 20) {
        self.throttle = throttle
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// A reader for another worker of the same run: its own buffer and counts, the same throttle (so the
    /// read-rate cap is shared by all workers).
    func sibling() -> ThrottledFileReader {
        ThrottledFileReader(throttle: throttle, bufferSize: buffer.count)
    }

    private func openFile(_ path: String, relativeTo directory: Int32) -> Result<Int32, Failure> {
        let flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW
        var fd = openat(directory, path, flags | noAccessTimeFlag)
        if fd < 0 && errno == EPERM { fd = openat(directory, path, flags) }
        if fd < 0 {
            let e = errno
            return .failure(e == ENOENT ? .missing : .unreadable(String(cString: strerror(e))))
        }
        return .success(fd)
    }

    /// Lower-case hex SHA-256 of the file's bytes, or of its first `prefix` bytes (to tell whether a
    /// shorter copy is a truncation of this file). A relative `path` starts at the open folder `directory`.
    public func sha256(_ path: String, relativeTo directory: Int32 = AT_FDCWD, prefix: Int64? = nil) -> Result<String, Failure> {
        let fd: Int32
        switch openFile(path, relativeTo: directory) {
        case .success(let f): fd = f
        case .failure(let e): return .failure(e)
        }
        defer { close(fd) }
        var hasher = SHA256()
        var remaining = prefix ?? Int64.max
        if let failure = readChunks(fd, sequential: true, { chunk in
            let take = Int(min(Int64(chunk.count), remaining))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<take]))
            remaining -= Int64(take)
            return remaining > 0
        }) { return .failure(failure) }
        return .success(Self.hex(hasher.finalize()))
    }

    /// The whole file, refusing files above `limit` bytes (a PDF check has no business reading a 10 GB file).
    public func contents(_ path: String, relativeTo directory: Int32 = AT_FDCWD, limit: Int = 1 << 30) -> Result<Data, Failure> {
        contents(path, relativeTo: directory, limit: limit, hashing: false).map { $0.data }
    }

    /// The whole file and, when `hashing`, the lower-case hex SHA-256 of the same bytes, computed chunk by
    /// chunk as they are read: a file that one check parses and another compares by hash is read once.
    public func contents(_ path: String, relativeTo directory: Int32 = AT_FDCWD, limit: Int = 1 << 30,
                         hashing: Bool) -> Result<(data: Data, sha256: String?), Failure> {
        let fd: Int32
        switch openFile(path, relativeTo: directory) {
        case .success(let f): fd = f
        case .failure(let e): return .failure(e)
        }
        defer { close(fd) }
        var data = Data()
        var tooLarge = false
        var hasher = SHA256()
        if let failure = readChunks(fd, { chunk in
            data.append(chunk.bindMemory(to: UInt8.self))
            tooLarge = data.count > limit
            if hashing && !tooLarge { hasher.update(bufferPointer: chunk) }
            return !tooLarge
        }) { return .failure(failure) }
        if tooLarge { return .failure(.unreadable("文件超过 \(limit) 字节")) }
        return .success((data, hashing ? Self.hex(hasher.finalize()) : nil))
    }

    /// Reads `fd` to its end through the shared buffer, pacing with the throttle and counting the bytes, and
    /// hands each chunk to `body` (which returns false to stop early). Counts the file as read on success.
    /// `sequential` asks the kernel for a larger read-ahead once the file proves larger than the buffer (most
    /// store files fit in one read, and the advice would be one more system call per file).
    private func readChunks(_ fd: Int32, sequential: Bool = false, _ body: (UnsafeRawBufferPointer) -> Bool) -> Failure? {
        var first = true
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            #if canImport(Glibc)
            if first && sequential && n == buffer.count { _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) }
            #endif
            first = false
            bytesRead += Int64(n)
            throttle.consumed(n)
            if !body(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) { return nil }
        }
        filesRead += 1
        return nil
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let table: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
