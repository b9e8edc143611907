import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder of one site build, filled while the steps still run: each rendered page is written
/// (or, when the published file already holds its bytes, linked) the moment it is rendered and keeps only
/// its path, title and hash, so a step's pages are not all held in memory until the publish. On a site of
/// 15,000 pages the rendered HTML of a step held together was most of a full build's peak memory.
///
/// The folder is the one ``OutputWriter/publish(_:staging:finish:)`` swaps in; a build that fails removes
/// it (``remove()``) and leaves `Output/` as it was.
final class PageStaging: @unchecked Sendable {
    let folder: URL
    private let stagingPath: String
    private let outputPath: String
    private let lock = NSLock()
    private var folders = Set<String>()
    private var staged = Set<String>()

    /// Creates the (empty) staging folder beside `output`.
    init(output: OutputWriter) throws {
        let fm = FileManager.default
        let parent = output.outputURL.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        folder = OutputWriter.stagingFolder(for: output.outputURL)
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        stagingPath = folder.path + "/"
        outputPath = output.outputURL.path + "/"
    }

    /// Writes `page` into the staging folder (linking the published file when it holds the same bytes)
    /// and returns it without its bytes. A path staged twice is an error before anything is written: the
    /// second write would go through the link into the published file.
    func stage(_ page: SitePage) throws -> SitePage {
        guard !page.isPublished, page.stagedUnchanged == nil else { return page }
        guard OutputWriter.isSafeRelativePath(page.path) else { throw OutputError.unsafePath(page.path) }
        try reserve(page.path)
        let target = stagingPath + page.path
        let unchanged = OutputWriter.fileHolds(page.contents, at: outputPath + page.path) && link(outputPath + page.path, target) == 0
        if !unchanged { try OutputWriter.write(page.contents, to: URL(fileURLWithPath: target)) }
        var result = page
        result.contentHash = SiteBuildCache.contentHash(page.contents)
        result.contents = Data()
        result.stagedUnchanged = unchanged
        return result
    }

    /// Claims `path` and makes its folder (under the lock, so no other page of that folder is written
    /// before the folder exists).
    private func reserve(_ path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard staged.insert(path).inserted else { throw OutputError.duplicatePath(path) }
        guard let slash = path.lastIndex(of: "/") else { return }
        let name = String(path[..<slash])
        guard !folders.contains(name) else { return }
        try FileManager.default.createDirectory(atPath: stagingPath + name, withIntermediateDirectories: true)
        folders.insert(name)
    }

    /// Removes the staging folder (a failed build).
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
