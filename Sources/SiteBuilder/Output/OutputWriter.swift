import Foundation
import CAtomicSwap
#if canImport(Glibc)
import Glibc
#endif

/// Writes a finished build into `Output/` so that readers never see a half site.
///
/// The new site is assembled in a staging folder beside `Output/` (``PageStaging``: the standby tree, the
/// site published before the current one); a page whose bytes equal the page already published is the
/// published file itself, hard-linked, so unchanged pages keep their modification time (a rebuild after
/// one new inspection touches only the pages that depend on it). The staging folder then replaces
/// `Output/` in one `renameat2(RENAME_EXCHANGE)`, and the tree swapped out is kept as the next build's
/// standby tree. If anything fails before the exchange, `Output/` is left as it was (see ``PageStaging``
/// for why a half-made standby tree does no harm).
public struct OutputWriter {
    public let outputURL: URL

    /// An `Output` that is a symbolic link (to a web server's document root, say) is published through:
    /// the new site replaces the link's target and the link stays, instead of the link being replaced by
    /// a folder and the web root silently going stale.
    public init(outputURL: URL) {
        self.outputURL = Self.publishedFolder(outputURL.standardizedFileURL)
    }

    /// The folder a publish replaces: `url` itself, or where the symbolic link at `url` leads.
    static func publishedFolder(_ url: URL) -> URL {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { return url }
        let resolved = target.hasPrefix("/") ? URL(fileURLWithPath: target)
            : url.deletingLastPathComponent().appendingPathComponent(target)
        return publishedFolder(resolved.standardizedFileURL)
    }

    /// What a publish changed, for the build summary.
    public struct Summary: Sendable, Equatable {
        public var written: Int = 0
        public var unchanged: Int = 0
        public var removed: Int = 0
        /// Pages an incremental build took over from the previous build without rendering them (their
        /// inputs had not changed); they are counted as unchanged as well.
        public var reused: Int = 0
    }

    /// Publishes `pages` as the complete new content of `Output/`. `finish` runs on the staging folder
    /// after the pages are in place and before the swap (e.g. a search indexer); if it throws, nothing is
    /// published. Pages already written into `staged` as they were rendered (``PageStaging``) stay as they
    /// are; the rest are placed into the same folder.
    @discardableResult
    func publish(_ pages: [SitePage], staged: PageStaging?, finish: ((URL) throws -> Void)? = nil) throws -> Summary {
        let staging = try staged ?? PageStaging(output: self)
        var summary = Summary()
        // Pages go to distinct files, so they are compared, linked or written on several threads.
        // Twice the cores: the work is mostly waiting on the file system.
        let unchanged = try ParallelMap.run(count: pages.count,
                                            workers: ProcessInfo.processInfo.activeProcessorCount * 2) { i -> Bool in
            let page = pages[i]
            if let staged = page.stagedUnchanged { return staged }
            return try staging.place(page)
        }
        summary.unchanged = unchanged.filter { $0 }.count
        summary.written = pages.count - summary.unchanged
        staging.removeWhatTheSiteNoLongerHas()
        try finish?(staging.folder)
        // One flush of the whole staging tree before it becomes Output/, instead of an fsync per page
        // (Data.write syncs every file, which made a 12,000-page build wait on the disk for half a minute).
        Self.syncFileSystem(of: staging.folder)
        summary.removed = max(0, staging.publishedFileCount - summary.unchanged)
        try swapIn(staging.folder)
        return summary
    }

    /// Publishes `pages` as the complete new content of `Output/` (see ``publish(_:staged:finish:)``).
    @discardableResult
    public func publish(_ pages: [SitePage], finish: ((URL) throws -> Void)? = nil) throws -> Summary {
        try publish(pages, staged: nil, finish: finish)
    }

    /// The standby tree beside `output` (`.archive-ops.Output.previous`): the site published before the
    /// current one, and the folder the next build is assembled in (``PageStaging``).
    static func standbyFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".archive-ops.\(output.lastPathComponent).previous")
    }

    /// Removes the staging folders of killed builds of earlier versions (`.Output.staging-PID`) and the
    /// old tree of an interrupted two-rename swap (`.Output.old-PID`). Only safe while holding the
    /// ``BuildLock``: no other build can be writing one then.
    func removeLeftoversOfKilledBuilds() {
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: outputURL.path) {
            try fm.moveItem(at: staging, to: outputURL)
            return
        }
        if archiveops_exchange_paths(staging.path, outputURL.path) == 0 { return }
        // Fallback for file systems without RENAME_EXCHANGE: two renames, the gap is microseconds.
        let old = outputURL.deletingLastPathComponent()
            .appendingPathComponent(".\(outputURL.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: outputURL, to: old)
        try fm.moveItem(at: staging, to: outputURL)
        try fm.moveItem(at: old, to: staging)
    }

    /// Writes `data` to a file at `url` without syncing it (see ``syncFileSystem(of:)``). `asNewFile`
    /// never opens an existing file: whatever is at `url` is unlinked first, so the bytes go into a new
    /// inode and never through a hard link into a published page.
    static func write<Bytes: ContiguousBytes>(_ data: Bytes, to url: URL, asNewFile: Bool = false) throws {
        var fd = open(url.path, O_WRONLY | O_CREAT | (asNewFile ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
        if fd < 0 && asNewFile && errno == EEXIST {
            unlink(url.path)
            fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw OutputError.cannotWrite(url.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.cannotWrite(url.path, String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }

    /// Flushes the file system holding `url` to disk, so the swapped-in site survives a power cut.
    /// (`sync(2)`: Glibc's module map does not export `syncfs`, and one system-wide flush per build is cheap.)
    static func syncFileSystem(of url: URL) {
        _ = url
        sync()
    }

    /// Not empty, not absolute, no `.` or `..` component (checked on the bytes: splitting every page's path
    /// into substrings was a hundredth of a rebuild).
    static func isSafeRelativePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
            let length = end - start
            if (length == 1 || length == 2) && bytes[start..<end].allSatisfy({ $0 == UInt8(ascii: ".") }) { return false }
            start = end + 1
        }
        return true
    }

    /// Whether the regular file at `path` holds exactly `data` (sizes compared first, so a changed page of
    /// another length is not read at all).
    static func fileHolds(_ data: Data, at path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == data.count else { return false }
        guard let old = FileManager.default.contents(atPath: path) else { return false }
        return old == data
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case unsafePath(String)
    case duplicatePath(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .unsafePath(let p): "页面路径不安全: \(p)（生成器错误，请报告）。 (unsafe output path)"
        case .duplicatePath(let p): "两个页面写入同一路径: \(p)（生成器错误，请报告）。 (duplicate output path)"
        case .cannotWrite(let p, let reason): "无法写入 \(p): \(reason)。请检查磁盘空间和目录权限；原 Output/ 未改动。 (cannot write)"
        }
    }
}
