#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDirectoryEntries
import Foundation

/// Linux's `O_NOATIME` (not exported to Swift because glibc hides it behind `_GNU_SOURCE`): reading a
/// store must not even update access times where the owner allows it.
#if os(Linux)
let noAccessTimeFlag: Int32 = 0o1000000
#else
let noAccessTimeFlag: Int32 = 0
#endif

/// One folder of a store read with `open(O_NOFOLLOW)` + `readdir` + `fstatat(AT_SYMLINK_NOFOLLOW)`.
///
/// Why not `FileManager.enumerator`: a store holds tens of millions of files and the enumerator costs
/// several times the system calls `find` makes. Why no-follow everywhere: a symlink inside a store is
/// never part of the contract, and following one could loop forever or leave the store.
public struct DirectoryListing: Sendable {
    public enum EntryKind: Sendable, Equatable { case file, directory, symlink, other }

    public struct Entry: Sendable, Equatable {
        /// The name as text; a name that is not valid UTF-8 is shown with `\xNN` escapes.
        public let name: String
        /// False when the raw name was not valid UTF-8 (it cannot be a name of the contract).
        public let isValidUTF8: Bool
        public let kind: EntryKind
        /// Size in bytes for regular files, 0 otherwise.
        public let size: Int64
    }

    /// Why a folder could not be listed.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case notADirectory
        case symlink
        case unreadable(String)
        /// A site root outside the center and outside every allowed store root: never opened.
        case refused

        /// Chinese-first text for a finding detail or an UNKNOWN note.
        public var text: String {
            switch self {
            case .missing: "不存在 (missing)"
            case .notADirectory: "不是文件夹 (not a directory)"
            case .symlink: "是符号链接，按最小影响原则不跟随 (symlink, not followed)"
            case .unreadable(let reason): "无法读取: \(reason) (unreadable)"
            case .refused: "不在中心目录或允许的存储根目录内，拒绝读取 (outside the allowed store roots, not read)"
            }
        }
    }

    public let entries: [Entry]

    /// Lists `path`. `followRoot` is true only for a site's configured store root, which may legitimately
    /// be a symlink to a mount; every folder inside a store is opened without following links.
    /// `sizes` false skips the stat of entries whose kind `readdir` already gives (their size reads 0): the
    /// walk of a run whose checks compare no sizes then costs one `getdents` per folder, not a stat per file.
    /// `directory` is an open folder that a relative `path` starts from (``StoreRootHandles``): the kernel
    /// then resolves only the path inside the store, not the store's own path again for every folder.
    public static func read(_ path: String, relativeTo directory: Int32 = AT_FDCWD, followRoot: Bool = false,
                            sizes: Bool = true) -> Result<DirectoryListing, Failure> {
        read(path, relativeTo: directory, followRoot: followRoot, sizes: sizes, keepOpen: false).map { $0.listing }
    }

    /// ``read(_:relativeTo:followRoot:sizes:)``, optionally handing back the folder still open (`keepOpen`;
    /// the caller closes it) so that its files can be opened relative to it, and reading the entries through
    /// `buffer` (one per thread, reused) rather than a `DIR` stream: `getdents64` straight into the buffer
    /// spares the `fcntl`, `fstat` and 32 KiB allocation `fdopendir` costs for every folder.
    static func read(_ path: String, relativeTo directory: Int32, followRoot: Bool = false, sizes: Bool = true, keepOpen: Bool,
                     buffer: DirectoryEntryBuffer? = nil) -> Result<(listing: DirectoryListing, fd: Int32?), Failure> {
        var flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        if !followRoot { flags |= O_NOFOLLOW }
        var fd = openat(directory, path, flags | noAccessTimeFlag)
        if fd < 0 && errno == EPERM { fd = openat(directory, path, flags) }  // O_NOATIME needs ownership; fall back.
        if fd < 0 { return .failure(failure(errno: errno, path: path)) }
        var entries: [Entry] = []
        let buffer = buffer ?? DirectoryEntryBuffer()
        var first = true
        reading: while true {
            let n = archiveops_getdents64(fd, buffer.base, UInt(buffer.size))
            if n < 0 {
                if errno == EINTR { continue }
                if first && errno == ENOSYS { return readStream(fd, path: path, sizes: sizes, keepOpen: keepOpen) }
                break reading  // as readdir: an error ends the listing
            }
            if n == 0 { break }
            first = false
            var offset = 0
            while offset < n {
                let record = buffer.base + offset
                // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = record.loadUnaligned(fromByteOffset: 18, as: UInt8.self)
                let name = (record + 19).assumingMemoryBound(to: CChar.self)
                if let entry = makeEntry(name, type: Int32(type), in: fd, sizes: sizes) { entries.append(entry) }
                guard length > 0 else { break reading }
                offset += length
            }
        }
        // Directory order is the file system's; sort so that everything built from a listing is deterministic.
        entries.sort { $0.name < $1.name }
        if keepOpen { return .success((DirectoryListing(entries: entries), fd)) }
        close(fd)
        return .success((DirectoryListing(entries: entries), nil))
    }

    /// The same listing through a `DIR` stream, where `getdents64` is not available.
    private static func readStream(_ fd: Int32, path: String, sizes: Bool,
                                   keepOpen: Bool) -> Result<(listing: DirectoryListing, fd: Int32?), Failure> {
        let streamFD = keepOpen ? dup(fd) : fd
        if keepOpen && streamFD < 0 { let e = errno; close(fd); return .failure(failure(errno: e, path: path)) }
        guard let dir = fdopendir(streamFD) else {
            let e = errno
            close(streamFD)
            if keepOpen { close(fd) }
            return .failure(failure(errno: e, path: path))
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let ent = readdir(dir) {
            let type = Int32(ent.pointee.d_type)
            let made = withUnsafePointer(to: &ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { makeEntry($0, type: type, in: dirfd(dir), sizes: sizes) }
            }
            if let made { entries.append(made) }
        }
        entries.sort { $0.name < $1.name }
        return .success((DirectoryListing(entries: entries), keepOpen ? fd : nil))
    }

    /// One entry from its name and `d_type` (nil for `.` and `..`), with a no-follow stat when its size is
    /// wanted or its kind unknown.
    private static func makeEntry(_ cName: UnsafePointer<CChar>, type: Int32, in fd: Int32, sizes: Bool) -> Entry? {
        let (name, valid, isDot) = decodeName(cName)
        if isDot { return nil }
        var kind: EntryKind
        switch type {
        case Int32(DT_REG): kind = .file
        case Int32(DT_DIR): kind = .directory
        case Int32(DT_LNK): kind = .symlink
        case Int32(DT_UNKNOWN): kind = .other
        default: kind = .other
        }
        var size: Int64 = 0
        if (kind == .file && sizes) || kind == .other {
            var st = stat()
            if fstatat(fd, cName, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                switch st.st_mode & S_IFMT {
                case S_IFREG: kind = .file; size = Int64(st.st_size)
                case S_IFDIR: kind = .directory
                case S_IFLNK: kind = .symlink
                default: kind = .other
                }
            }
        }
        return Entry(name: name, isValidUTF8: valid, kind: kind, size: size)
    }

    private static func failure(errno e: Int32, path: String) -> Failure {
        switch e {
        case ENOENT: .missing
        case ENOTDIR: .notADirectory
        case ELOOP: .symlink
        default: .unreadable(String(cString: strerror(e)))
        }
    }

    private static func decodeName(_ cName: UnsafePointer<CChar>) -> (String, Bool, Bool) {
        let length = strlen(cName)
        return cName.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) { p -> (String, Bool, Bool) in
            let bytes = UnsafeBufferPointer(start: p, count: length)
            if length == 1 && bytes[0] == 0x2E { return (".", true, true) }
            if length == 2 && bytes[0] == 0x2E && bytes[1] == 0x2E { return ("..", true, true) }
            if let s = String(validating: bytes, as: UTF8.self) { return (s, true, false) }
            return (escaped(bytes), false, false)
        }
    }

    /// `abc\xff` — printable ASCII kept, every other byte of an invalid name escaped.
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var s = ""
        for b in bytes {
            if b >= 0x20 && b < 0x7F && b != 0x5C { s.append(Character(Unicode.Scalar(b))) } else { s += String(format: "\\x%02x", b) }
        }
        return s
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }
}

/// The buffer a thread lists folders into (``DirectoryListing``): made once per inspection worker and reused
/// for every folder it lists.
final class DirectoryEntryBuffer: @unchecked Sendable {
    let size = 32 << 10
    let base: UnsafeMutableRawPointer

    init() { base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8) }

    deinit { base.deallocate() }
}
