import Crypto
import Foundation

/// What the rest of the manual needs to know about one page without its Markdown tree: its front matter
/// (for the navigation), its heading ids (for other pages' `page.md#id` links) and its own links and
/// images with their file lines (to check them once every page's anchors are known).
///
/// Why a separate value: a parsed cmark tree is many times the size of its page, and holding the trees of
/// a 2,000-page manual until every link was checked was most of the build's memory. A page is parsed,
/// outlined and rendered in one go and its tree freed; the links are checked on the outlines afterwards
/// (a broken link still stops the build before anything is published). An outline depends on the page's
/// text alone, so ``ManualOutlineCache`` keeps it for the next build, which then need not parse a page
/// whose text did not change.
struct ManualOutline: Sendable, Equatable {
    /// A link or image of the page as written, with the file line it is on.
    struct Link: Sendable, Equatable {
        var url: String
        var line: Int
        var isImage: Bool
    }

    /// Path below `training/`, e.g. `troubleshooting.md`.
    var sourcePath: String
    var displayPath: String
    var matter: FrontMatter
    var anchorIDs: Set<String>
    var links: [Link]

    /// The key of a page's text in ``ManualOutlineCache`` and in its pages' input keys: SHA-256 of the path
    /// and the text (hex).
    static func digest(path: String, text: String) -> String {
        var hash = SHA256()
        hash.update(data: Data(path.utf8))
        hash.update(data: Data([0]))
        hash.update(data: Data(text.utf8))
        return Hex.string(hash.finalize())
    }
}
