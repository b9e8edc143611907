import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the previous build published, kept beside `Output/` (never in it) so that the next build renders
/// only the pages whose inputs changed: for every rendered page its fingerprint (``PageReuse``) and the
/// identity of the file it became (inode, size, modification time).
///
/// The cache is only ever a hint. A page is taken over from `Output/` when its fingerprint is the same and
/// the file there is still the very file the cache describes (published files are never changed in place:
/// a publish links or writes new files and swaps the folder). A missing, truncated, corrupted or foreign
/// cache is ignored as a whole and the build renders everything — the result is the same bytes either way.
///
/// Racy files, as git calls them: a file's modification time only has the file system's granularity (a
/// kernel tick, or a whole second on some file systems), so a page edited in place with the same size in
/// the same tick it was published keeps its identity. An entry whose file is not older than the cache
/// itself (``writtenAt``) may have been edited that way after the cache saw it; its bytes are compared with
/// the SHA-256 the entry keeps before the page is taken over. Older files cannot have been: an edit after
/// the cache was written gives the file a later time.
struct SiteBuildCache: Equatable {
    /// The published file a page became.
    struct Entry: Equatable {
        var fingerprint: String
        var file: FileIdentity
        /// SHA-256 (hex) of the file's bytes, checked when the file is racy.
        var contentHash: String
        /// The fingerprint of the rows the page's view is computed from (``PageReuse/inputKey``), for the
        /// pages that have one: an equal key takes the page over before its view is computed.
        var inputKey: String? = nil
        /// The key of the page's entry in the search cache (``SearchIndexCache``), nil for files the
        /// search does not index.
        var searchKey: String? = nil
    }

    var entries: [String: Entry] = [:]
    /// The cache file's own modification time (nanoseconds since 1970) as read; nil for a cache not read
    /// from a file, whose every entry is treated as racy.
    var writtenAt: Int64?

    /// First line of the file; a file that does not start with it is not ours (or from another format).
    static let header = "archive-ops site build cache 3"

    /// Whether `entry`'s file may have changed within its modification time's granularity after the cache
    /// described it, so that only its bytes can tell.
    func isRacy(_ entry: Entry) -> Bool {
        guard let writtenAt else { return true }
        return entry.file.modified >= writtenAt
    }

    static func contentHash(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }

    /// The cache of the site published at `output`: a hidden file beside the folder, e.g.
    /// `.archive-ops.Output.build-cache` next to `Output/`.
    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".archive-ops.\(output.lastPathComponent).build-cache")
    }

    /// Reads the cache at `url`; nil when it is missing or anything about it is wrong (then every page is
    /// rendered).
    static func read(from url: URL) -> SiteBuildCache? {
        // Parsed as bytes: splitting 15,000 lines into Substrings was a sixteenth of an incremental build.
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        // The file ends with a newline; its last line is the trailer `end COUNT CHECKSUM`.
        guard bytes.last == newline, let trailerStart = bytes.dropLast().lastIndex(of: newline).map({ $0 + 1 }) else { return nil }
        let body = bytes[..<trailerStart]
        let headerLine = Array((header + "\n").utf8)
        guard body.count >= headerLine.count, Array(body.prefix(headerLine.count)) == headerLine else { return nil }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self)
        let lineCount = body.reduce(0) { $0 + ($1 == newline ? 1 : 0) } - 1
        guard trailer == "end \(lineCount) \(contentHash(Data(body)))" else { return nil }
        // The time the cache was written, taken before its lines are trusted: a file newer than it is racy.
        guard let own = FileIdentity(path: url.path) else { return nil }
        var cache = SiteBuildCache(writtenAt: own.modified)
        cache.entries.reserveCapacity(lineCount)
        var i = headerLine.count
        while i < body.endIndex {
            guard let end = body[i...].firstIndex(of: newline) else { return nil }
            var fields: [ArraySlice<UInt8>] = []
            var fieldStart = i
            for j in i..<end where body[j] == tab && fields.count < 8 {
                fields.append(body[fieldStart..<j])
                fieldStart = j + 1
            }
            fields.append(body[fieldStart..<end])
            i = end + 1
            func text(_ k: Int) -> String { String(decoding: fields[k], as: UTF8.self) }
            guard fields.count == 9, fields[0].count == 64, fields[1].count == 64,
                  let device = UInt64(text(4)), let inode = UInt64(text(5)), let size = Int64(text(6)),
                  let mtime = Int64(text(7)), !fields[8].isEmpty
            else { return nil }
            let input = text(2), search = text(3)
            cache.entries[text(8)] = Entry(
                fingerprint: text(0), file: FileIdentity(device: device, inode: inode, size: size, modified: mtime),
                contentHash: text(1), inputKey: input == "-" ? nil : input, searchKey: search == "-" ? nil : search)
        }
        return cache
    }

    /// Writes the cache to `url` under a temporary name and renames it into place, so a reader sees the
    /// old cache or the new one, never half of one.
    func write(to url: URL) throws {
        // Built as bytes (interpolating 15,000 lines was a twentieth of a rebuild).
        var body = Array((Self.header + "\n").utf8)
        var count = 0
        // Paths checked as bytes: `String.contains` of a string went through Foundation's search (a fiftieth
        // of a rebuild).
        for path in entries.keys.sorted() where !path.utf8.contains(where: { $0 == 10 || $0 == 9 }) {
            let e = entries[path]!
            for field in [e.fingerprint, e.contentHash, e.inputKey ?? "-", e.searchKey ?? "-", String(e.file.device),
                          String(e.file.inode), String(e.file.size), String(e.file.modified)] {
                body.append(contentsOf: field.utf8)
                body.append(UInt8(ascii: "\t"))
            }
            body.append(contentsOf: path.utf8)
            body.append(UInt8(ascii: "\n"))
            count += 1
        }
        body.append(contentsOf: "end \(count) \(Self.contentHash(Data(body)))\n".utf8)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString)")
        do {
            try OutputWriter.write(Data(body), to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw OutputError.cannotWrite(url.path, String(cString: strerror(errno))) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    static func checksum(_ text: String) -> String {
        contentHash(Data(text.utf8))
    }
}

/// Which file a path names: the same device, inode, size and modification time (to the nanosecond) mean
/// the same bytes for files that are only ever replaced, never rewritten in place.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The identity of the regular file at `path` (symbolic links not followed); nil if there is none.
    init?(path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}
