/// A volume folder's listing sorted into what the contract names: metadata.xml, the page images
/// `page-0001.jpg … page-NNNN.jpg` (or `.tif`), volume.pdf, volume.sealed.pdf, and anything else.
public struct VolumeFolderContents: Sendable {
    public static let metadataName = "metadata.xml"
    public static let efileName = "volume.pdf"
    public static let sealedName = "volume.sealed.pdf"

    public let metadata: DirectoryListing.Entry?
    /// Page files by number; more than one entry for a number is a duplicate.
    public let pages: [Int: [DirectoryListing.Entry]]
    /// Files named `page-…` that do not follow `page-NNNN.jpg|tif` (e.g. `page-3.jpg`, `page-0003.png`).
    public let irregularPages: [DirectoryListing.Entry]
    public let efile: DirectoryListing.Entry?
    public let sealed: DirectoryListing.Entry?

    public init(_ listing: DirectoryListing) {
        var pages: [Int: [DirectoryListing.Entry]] = [:]
        var irregular: [DirectoryListing.Entry] = []
        var metadata: DirectoryListing.Entry?
        var efile: DirectoryListing.Entry?
        var sealed: DirectoryListing.Entry?
        for e in listing.entries {
            switch e.name {
            case Self.metadataName: metadata = e
            case Self.efileName: efile = e
            case Self.sealedName: sealed = e
            default:
                guard e.name.hasPrefix("page-") else { continue }
                if let no = Self.pageNumber(e.name) { pages[no, default: []].append(e) } else { irregular.append(e) }
            }
        }
        self.metadata = metadata; self.pages = pages; self.irregularPages = irregular
        self.efile = efile; self.sealed = sealed
    }

    /// `page-0012.jpg` → 12; nil for any name that is not exactly the contract's form.
    public static func pageNumber(_ name: String) -> Int? {
        let utf8 = Array(name.utf8)
        guard utf8.count >= 13, name.hasPrefix("page-") else { return nil }
        let ext = String(decoding: utf8[(utf8.count - 4)...], as: UTF8.self)
        guard ext == ".jpg" || ext == ".tif" else { return nil }
        let digits = utf8[5..<(utf8.count - 4)]
        guard digits.count >= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // More than four digits only when the number needs them (page-10000), never padded further.
        if digits.count > 4 && digits.first == 0x30 { return nil }
        guard let n = Int(String(decoding: digits, as: UTF8.self)), n >= 1 else { return nil }
        return n
    }

    /// The entry of page `no` when exactly one regular file holds it.
    public func page(_ no: Int) -> DirectoryListing.Entry? {
        guard let entries = pages[no], entries.count == 1, entries[0].kind == .file else { return nil }
        return entries[0]
    }

    /// The usual file name of page `no` (for messages about a missing page).
    public static func pageName(_ no: Int) -> String {
        no >= 0 && no < 10000 ? "page-" + no.zeroPadded(4) + ".jpg" : "page-\(no).jpg"
    }
}
