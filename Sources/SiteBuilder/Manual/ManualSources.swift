import Foundation
import TrainingContent

/// The files of the training manual before rendering: Markdown pages and the images and attachments
/// beside them, by path below `training/` (`install.md`, `images/sites.svg`, …).
///
/// The built-in manuals come first; a workspace's `Content/training/` replaces them file by file and
/// may add pages, like a Hugo site over its theme. Generated chapters (check catalogue, command reference)
/// are added by `ManualSite` and may not be overridden, so they never drift from the code.
struct ManualSources {
    struct File {
        let data: Data
        /// How errors name the file: the built-in path in the repository, or the workspace file.
        let displayPath: String
    }

    var files: [String: File] = [:]

    static func load(builtIn: URL?, overrides: URL?) throws -> ManualSources {
        var sources = ManualSources()
        if let builtIn {
            try sources.collect(root: builtIn.appendingPathComponent("training"), display: { "Content/training/\($0)" })
        }
        if let overrides {
            let root = overrides.appendingPathComponent("training")
            try sources.collect(root: root, display: { root.appendingPathComponent($0).path })
        }
        return sources
    }

    private mutating func collect(root: URL, display: (String) -> String) throws {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root.path) else { return }
        var paths: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue else { continue }
            paths.append(rel)
        }
        paths.sort()
        // Read on every core: a manual of thousands of pages otherwise starts the build with one core idle.
        let rootPath = root.path + "/"
        let contents = try ParallelMap.run(count: paths.count) { i in FileManager.default.contents(atPath: rootPath + paths[i]) }
        for (rel, data) in zip(paths, contents) {
            guard let data else {
                throw ManualError.inFile(file: display(rel), message: "无法读取该文件，请检查权限。 (cannot read file)")
            }
            files[rel] = File(data: data, displayPath: display(rel))
        }
    }

    var markdownPaths: [String] { files.keys.filter { $0.hasSuffix(".md") }.sorted() }
    var assetPaths: [String] { files.keys.filter { !$0.hasSuffix(".md") }.sorted() }
}
