import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder of one site build, filled while the steps still run: each rendered page is written
/// (or, when the published file already holds its bytes, linked) the moment it is rendered and keeps only
/// its path, title and hash, so a step's pages are not all held in memory until the publish. On a site of
/// 15,000 pages the rendered HTML of a step held together was most of a full build's peak memory.
///
/// The staging folder is the *standby tree* `.archive-ops.Output.previous` beside `Output/`: the site the
/// build before last published, which the last publish swapped out of `Output/` and kept instead of
/// deleting it. Most of its files are still hard links to the published ones (a page unchanged since then
/// is one inode in both trees), so a build only touches what differs: a file already linked to the
/// published page stays, a changed page replaces its entry, and what the new site no longer has is
/// removed at the end (``removeWhatTheSiteNoLongerHas()``). Re-linking 15,800 files into an empty folder
/// and deleting the old tree afterwards was a sixth of a rebuild's CPU, all of it kernel time.
///
/// How `Output/` stays whole, whatever happens:
/// - Nothing below `Output/` is written before the publish: the standby tree is a separate folder, and a
///   file in it is never opened for writing — its entry is unlinked and a new file created with `O_EXCL`,
///   so a write can never go through a hard link into the published page.
/// - The new site becomes `Output/` in one `renameat2(RENAME_EXCHANGE)` (``OutputWriter``): a reader, or
///   a build killed at any moment, sees the old tree or the new one, never a mixture.
/// - A failed or killed build leaves the standby tree half made; that is harmless because the next build
///   trusts a standby file only when it is the published page's own inode (compared by `readdir`), and
///   rewrites or removes every other entry.
/// - One build at a time per `Output/` (``BuildLock``), so two builds never share the standby tree.
final class PageStaging: @unchecked Sendable {
    let folder: URL
    private let stagingPath: String
    private let outputPath: String
    /// What the standby tree and `Output/` held when the build began.
    private let standing: FolderListing
    private let published: FolderListing
    private let lock = NSLock()
    /// The folders this build's pages are in (with every folder above them), made or found in the tree.
    private var folders = Set<String>()
    private var staged = Set<String>()

    /// Takes the standby tree beside `output` as the staging folder (an empty one when `Output/` does
    /// not exist yet: there is nothing it could share with it).
    init(output: OutputWriter) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: output.outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        folder = OutputWriter.standbyFolder(for: output.outputURL)
        stagingPath = folder.path + "/"
        outputPath = output.outputURL.path + "/"
        published = FolderListing(of: output.outputURL.path)
        var st = stat()
        let exists = lstat(folder.path, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFDIR && !published.files.isEmpty {
            standing = FolderListing(of: folder.path)
        } else {
            if exists { try fm.removeItem(atPath: folder.path) }
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            standing = FolderListing()
        }
    }

    /// The number of regular files `Output/` held when the build began.
    var publishedFileCount: Int { published.files.count }

    /// Writes `page` into the staging folder (linking the published file when it holds the same bytes)
    /// and returns it without its bytes. A path staged twice is an error before anything is written.
    func stage(_ page: SitePage) throws -> SitePage {
        guard !page.isPublished, page.stagedUnchanged == nil else { return page }
        var result = page
        result.stagedUnchanged = try place(page)
        result.contentHash = SiteBuildCache.contentHash(page.contents)
        result.contents = Data()
        return result
    }

    /// Puts `page` at its path in the staging folder: the published file itself when the page was taken
    /// over or holds the published bytes (true), else a new file with its bytes (false).
    func place(_ page: SitePage) throws -> Bool {
        guard OutputWriter.isSafeRelativePath(page.path) else { throw OutputError.unsafePath(page.path) }
        try reserve(page.path)
        let path = page.path
        if page.isPublished || (published.files[path] != nil && OutputWriter.fileHolds(page.contents, at: outputPath + path)) {
            if standing.holdsSameFile(path, as: published) { return true }
            clear(path)
            if link(outputPath + path, stagingPath + path) == 0 { return true }
            guard page.isPublished else { return try create(path, page.contents) }
            // Its bytes were not read: copy the published file, which the build found unchanged.
            guard let data = FileManager.default.contents(atPath: outputPath + path) else {
                throw OutputError.cannotWrite(outputPath + path, "生成期间该文件被移走 (the page was removed during the build)；请重新运行 build")
            }
            _ = try create(path, data)
            return true
        }
        clear(path)
        return try create(path, page.contents)
    }

    /// A new file at `path` holding `bytes` (false: the page was written, not linked).
    private func create(_ path: String, _ bytes: Data) throws -> Bool {
        try OutputWriter.write(bytes, to: URL(fileURLWithPath: stagingPath + path), asNewFile: true)
        return false
    }

    /// Removes what the standby tree holds at `path` (an older page, a folder where a page now goes), so
    /// that the new file is a new inode and nothing is written through a link into `Output/`.
    private func clear(_ path: String) {
        if standing.folders.contains(path) {
            try? FileManager.default.removeItem(atPath: stagingPath + path)
        } else if standing.files[path] != nil || standing.others.contains(path) {
            unlink(stagingPath + path)
        }
    }

    /// Claims `path` and makes its folder (under the lock, so no other page of that folder is written
    /// before the folder exists); a file of the standby tree where a folder is needed is removed.
    private func reserve(_ path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard staged.insert(path).inserted else { throw OutputError.duplicatePath(path) }
        guard let slash = path.lastIndex(of: "/") else { return }
        let name = String(path[..<slash])
        guard !folders.contains(name) else { return }
        var above: [String] = []
        var prefix = name[...]
        while true {
            above.append(String(prefix))
            guard let up = prefix.lastIndex(of: "/") else { break }
            prefix = prefix[..<up]
        }
        for folder in above.reversed() where !standing.folders.contains(folder) && !folders.contains(folder) {
            if standing.files[folder] != nil || standing.others.contains(folder) { unlink(stagingPath + folder) }
        }
        if !standing.folders.contains(name) {
            try FileManager.default.createDirectory(atPath: stagingPath + name, withIntermediateDirectories: true)
        }
        folders.formUnion(above)
    }

    /// Removes from the staging folder every file and folder of the standby tree that no page of this
    /// build took (pages and folders the new site no longer has), so it holds exactly the new site.
    func removeWhatTheSiteNoLongerHas() {
        lock.lock()
        defer { lock.unlock() }
        var removed: [String] = []
        for path in standing.folders.sorted() where !folders.contains(path) && !staged.contains(path) {
            if let last = removed.last, path.hasPrefix(last + "/") { continue }
            try? FileManager.default.removeItem(atPath: stagingPath + path)
            removed.append(path)
        }
        // A file below a removed folder is gone already; unlink then fails harmlessly.
        for path in standing.files.keys where !staged.contains(path) { unlink(stagingPath + path) }
        for path in standing.others where !staged.contains(path) && !folders.contains(path) { unlink(stagingPath + path) }
    }
}
