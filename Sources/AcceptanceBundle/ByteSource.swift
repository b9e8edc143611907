import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Random-access bytes of a bundle: a file read with `pread` (nothing is extracted, memory stays small)
/// or bytes already in memory (the fuzz tests mutate a bundle in memory and verify it in process).
public protocol ByteSource: AnyObject {
    var count: UInt64 { get }
    /// Exactly `length` bytes at `offset`; throws when the source is shorter.
    func read(at offset: UInt64, length: Int) throws -> [UInt8]
}

/// Why bytes could not be read.
public struct ByteSourceError: Error, CustomStringConvertible {
    public let description: String
}

/// A file opened read-only; every read is a positioned `pread`, so the verifier never holds the bundle.
public final class FileByteSource: ByteSource {
    private let fd: Int32
    public private(set) var count: UInt64
    public let path: String

    public init(url: URL) throws {
        path = url.path
        fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw ByteSourceError(description: "无法打开 \(url.path)：\(String(cString: strerror(errno)))。请检查路径与读取权限。 (cannot open file)")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ByteSourceError(description: "\(url.path) 不是普通文件。请给出验收材料 ZIP 文件的路径。 (not a regular file)")
        }
        count = UInt64(info.st_size)
    }

    deinit { close(fd) }

    /// Re-reads the size of a file that is still being written.
    func refreshCount() {
        var info = stat()
        if fstat(fd, &info) == 0 { count = UInt64(info.st_size) }
    }

    public func read(at offset: UInt64, length: Int) throws -> [UInt8] {
        guard length > 0 else { return [] }
        guard offset <= count, UInt64(length) <= count - offset else {
            throw ByteSourceError(description: "读取超出文件末尾（偏移 \(offset)，长度 \(length)，文件 \(count) 字节）：文件被截断 (read past end: truncated)")
        }
        var buffer = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + done, length - done, off_t(offset) + off_t(done))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw ByteSourceError(description: "读取 \(path) 失败：\(n < 0 ? String(cString: strerror(errno)) : "文件变短") (read error)")
            }
            done += n
        }
        return buffer
    }
}

/// Bytes in memory.
public final class DataByteSource: ByteSource {
    private let bytes: [UInt8]
    public var count: UInt64 { UInt64(bytes.count) }

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public convenience init(_ data: Data) { self.init([UInt8](data)) }

    public func read(at offset: UInt64, length: Int) throws -> [UInt8] {
        guard length > 0 else { return [] }
        guard offset <= count, UInt64(length) <= count - offset else {
            throw ByteSourceError(description: "读取超出数据末尾（偏移 \(offset)，长度 \(length)）：数据被截断 (read past end: truncated)")
        }
        return Array(bytes[Int(offset)..<(Int(offset) + length)])
    }
}

extension Array where Element == UInt8 {
    func le16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func le32(_ at: Int) -> UInt32 { UInt32(le16(at)) | UInt32(le16(at + 2)) << 16 }
}
