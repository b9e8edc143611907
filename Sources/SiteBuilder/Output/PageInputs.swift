import Foundation

/// Pieces of the input keys (``PageReuse/inputKey``) several page types share.
enum PageInputs {
    /// An enterprise a page links to: where its page is (file names depend on the other codes) and what
    /// the link shows.
    struct Enterprise: Encodable {
        var path: String
        var uscc: String
        var name: String?
    }
}
