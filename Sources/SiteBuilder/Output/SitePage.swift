import Foundation

/// One file of the generated site: its path below `Output/` (forward slashes, no leading slash) and its
/// bytes. Pages are values so that a whole build can be computed before anything touches the disk.
public struct SitePage: Sendable, Hashable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, html: String) {
        self.init(path: path, contents: Data(html.utf8))
    }
}
