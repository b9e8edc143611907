import Foundation

/// One file of the generated site: its path below `Output/` (forward slashes, no leading slash), its
/// bytes, and what the site search needs to know about it. Pages are values so that a whole build can be
/// computed before anything touches the disk, and the search index made from them without reading any
/// HTML back.
public struct SitePage: Sendable, Hashable {
    public var path: String
    public var contents: Data
    /// The page's own title as its `<h1>` shows it (without the site name); nil for files that are not
    /// pages (stylesheets, images, attachments).
    public var title: String?
    /// The page's text in sections for the site search (the manual's pages); a page with a title but no
    /// document is found by its title alone.
    public var searchDocument: SearchDocument?
    /// The bytes are those of the file already published at `path` in `Output/` (an incremental build took
    /// the page over instead of rendering it), so the publish links that file instead of comparing it; such
    /// a page's ``contents`` are left empty (the file is not read).
    var isPublished = false
    /// The page's entry in the search cache (``SearchIndexCache``): set when a page is taken over by its
    /// input key (its search document is not made again) and by the indexer for every indexed page.
    var searchKey: String?
    /// The page was written (or linked) into the build's staging folder as soon as it was rendered
    /// (``PageStaging``), so its ``contents`` are empty: `true` when the published file already held its
    /// bytes and was linked, `false` when it was written. Nil for a page still holding its bytes.
    var stagedUnchanged: Bool?
    /// SHA-256 (hex) of the bytes of a staged page, kept for the build cache after its bytes are dropped.
    var contentHash: String?

    public init(path: String, contents: Data, title: String? = nil, searchDocument: SearchDocument? = nil) {
        self.path = path
        self.contents = contents
        self.title = title
        self.searchDocument = searchDocument
    }

    public init(path: String, html: String, title: String? = nil, searchDocument: SearchDocument? = nil) {
        self.init(path: path, contents: Data(html.utf8), title: title, searchDocument: searchDocument)
    }
}
