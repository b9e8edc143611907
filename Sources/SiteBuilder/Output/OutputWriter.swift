import Foundation
import CAtomicSwap
#if canImport(Glibc)
import Glibc
#endif

/// Writes a finished build into `Output/` so that readers never see a half site.
///
/// The new site is assembled in a staging folder beside `Output/`; a page whose bytes equal the page
/// already published is hard-linked from it instead of written again, so unchanged pages keep their
/// modification time (a rebuild after one new inspection touches only the pages that depend on it). The
/// staging folder then replaces `Output/` in one `renameat2(RENAME_EXCHANGE)`, and the old tree is removed.
/// If anything fails before the exchange, the staging folder is deleted and `Output/` is left as it was.
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
    /// are; the rest are written into the same folder.
    @discardableResult
    func publish(_ pages: [SitePage], staged: PageStaging?, finish: ((URL) throws -> Void)? = nil) throws -> Summary {
        let fm = FileManager.default
        let staging: URL
        if let staged {
            staging = staged.folder
        } else {
            try fm.createDirectory(at: outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            staging = Self.stagingFolder(for: outputURL)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        var summary = Summary()
        do {
            var seen = Set<String>()
            var folders = Set<String>()
            for page in pages {
                guard Self.isSafeRelativePath(page.path) else { throw OutputError.unsafePath(page.path) }
                guard seen.insert(page.path).inserted else { throw OutputError.duplicatePath(page.path) }
                if page.stagedUnchanged == nil, let slash = page.path.lastIndex(of: "/") { folders.insert(String(page.path[..<slash])) }
            }
            for folder in folders.sorted() {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // Pages go to distinct files, so they are compared, linked or written on several threads; the
            // file system work (open, compare, link) is most of a large build's publish time.
            // Twice the cores: the work is mostly waiting on the file system.
            // Paths are joined as strings: building 15,000 URLs cost more than the links themselves.
            let stagingPath = staging.path + "/", outputPath = outputURL.path + "/"
            let unchanged = try ParallelMap.run(count: pages.count,
                                                workers: ProcessInfo.processInfo.activeProcessorCount * 2) { i -> Bool in
                let page = pages[i]
                if let staged = page.stagedUnchanged { return staged }
                let target = stagingPath + page.path
                let previous = outputPath + page.path
                if page.isPublished {
                    if link(previous, target) == 0 { return true }
                    // Its bytes were not read: copy the published file, which the build found unchanged.
                    guard let data = FileManager.default.contents(atPath: previous) else {
                        throw OutputError.cannotWrite(previous, "生成期间该文件被移走 (the page was removed during the build)；请重新运行 build")
                    }
                    try Self.write(data, to: URL(fileURLWithPath: target))
                    return true
                }
                if Self.fileHolds(page.contents, at: previous), link(previous, target) == 0 { return true }
                try Self.write(page.contents, to: URL(fileURLWithPath: target))
                return false
            }
            summary.unchanged = unchanged.filter { $0 }.count
            summary.written = pages.count - summary.unchanged
            try finish?(staging)
            // One flush of the whole staging tree before it becomes Output/, instead of an fsync per page
            // (Data.write syncs every file, which made a 12,000-page build wait on the disk for half a minute).
            Self.syncFileSystem(of: staging)
            summary.removed = Self.countFiles(at: outputURL) - summary.unchanged
            if summary.removed < 0 { summary.removed = 0 }
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        try? fm.removeItem(at: staging)  // now holds the previous site
        return summary
    }

    /// Publishes `pages` as the complete new content of `Output/` (see ``publish(_:staged:finish:)``).
    @discardableResult
    public func publish(_ pages: [SitePage], finish: ((URL) throws -> Void)? = nil) throws -> Summary {
        try publish(pages, staged: nil, finish: finish)
    }

    /// The folder a build of `output` is assembled in, beside it: `.Output.staging-PID`.
    static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
    }

    /// Removes staging folders a killed build left beside `Output/` (`.Output.staging-PID`). Only safe while
    /// holding the ``BuildLock``: no other build can be writing one then.
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
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
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

    /// Writes `data` to a new file at `url` without syncing it (see ``syncFileSystem(of:)``).
    static func write<Bytes: ContiguousBytes>(_ data: Bytes, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    /// Whether the regular file at `path` holds exactly `data` (sizes compared first, so a changed page of
    /// another length is not read at all).
    static func fileHolds(_ data: Data, at path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == data.count else { return false }
        guard let old = FileManager.default.contents(atPath: path) else { return false }
        return old == data
    }

    /// Regular files below `url`, counted with `readdir` (Foundation's enumerator with resource values
    /// took a tenth of an incremental build).
    static func countFiles(at url: URL) -> Int {
        func count(_ path: String) -> Int {
            guard let dir = opendir(path) else { return 0 }
            defer { closedir(dir) }
            var n = 0
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): n += 1
                case Int32(DT_DIR): n += count(child)
                case Int32(DT_UNKNOWN):
                    var st = stat()
                    guard lstat(child, &st) == 0 else { continue }
                    if (st.st_mode & S_IFMT) == S_IFREG { n += 1 } else if (st.st_mode & S_IFMT) == S_IFDIR { n += count(child) }
                default: continue
                }
            }
            return n
        }
        return count(url.path)
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
