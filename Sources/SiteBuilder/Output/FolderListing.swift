import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a folder tree holds, as `readdir` reports it: each regular file's path (relative, forward slashes)
/// with its inode, the folders, and anything else (symbolic links, sockets). The publish compares the
/// inodes of two trees to find the files that are already the same file, which one walk of each tree
/// tells — a `getdents64` call returns hundreds of entries — instead of a `stat` per file.
struct FolderListing {
    /// Regular files by path; the inode is 0 when the file system did not report one (never equal then).
    private(set) var files: [String: UInt64] = [:]
    private(set) var folders = Set<String>()
    private(set) var others = Set<String>()

    init() {}

    /// The tree below the folder at `path` (symbolic links are listed, never followed); empty when there
    /// is no folder there.
    init(of path: String) {
        walk(path + "/", relative: "")
    }

    private mutating func walk(_ absolute: String, relative: String) {
        guard let dir = opendir(absolute) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = relative + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(absolute + name, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFREG: type = Int32(DT_REG)
                case S_IFDIR: type = Int32(DT_DIR)
                default: type = Int32(DT_LNK)
                }
            }
            switch type {
            case Int32(DT_REG): files[path] = UInt64(entry.pointee.d_ino)
            case Int32(DT_DIR):
                folders.insert(path)
                walk(absolute + name + "/", relative: path + "/")
            default: others.insert(path)
            }
        }
    }

    /// Whether the file at `path` here is the very file (same inode) that `other` holds at `path`.
    func holdsSameFile(_ path: String, as other: FolderListing) -> Bool {
        guard let inode = files[path], inode != 0 else { return false }
        return other.files[path] == inode
    }
}
