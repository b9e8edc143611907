import ArchiveEngine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the sample center's files with plain POSIX calls: a benchmark center has a million small files,
/// and Foundation's atomic writes (temporary file + rename) would double the work for nothing here.
struct SampleFileWriter {
    private(set) var filesWritten = 0
    private(set) var bytesWritten = 0

    /// Creates `path` and its parents (like `mkdir -p`).
    func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try makeDirectory((path as NSString).deletingLastPathComponent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw SampleCenterError.cannotWrite(path, String(cString: strerror(errno)))
    }

    mutating func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SampleCenterError.cannotWrite(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw SampleCenterError.cannotWrite(path, String(cString: strerror(errno))) }
            offset += n
        }
        filesWritten += 1
        bytesWritten += bytes.count
    }
}

/// Why a sample center could not be written.
public enum SampleCenterError: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    case notEmpty(String)
    case tooSmall(needed: Int, requested: Int)
    case unknownFaultCode(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let why):
            return "无法写入 \(path)：\(why)。请检查磁盘空间与权限。 (cannot write)"
        case .notEmpty(let path):
            return "目标目录 \(path) 已存在且不为空；请指定新的目录或先删除它。 (target folder is not empty)"
        case .tooSmall(let needed, let requested):
            return "注入故障需要至少 \(needed) 家企业，当前只有 \(requested) 家；请增大 --enterprises 或减少 --faults。"
                + " (too few enterprises for the requested faults)"
        case .unknownFaultCode(let code):
            return "未知的发现代码 \(code)；可用代码见 archive-ops 巡检目录 (CheckCatalog)。 (unknown finding code)"
        }
    }
}
