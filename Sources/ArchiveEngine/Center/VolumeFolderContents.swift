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

    /// `page-0012.jpg` → 12; nil for any name that is not exactly the contract's form. Read from the
    /// name's bytes without copying them (every file of every listed folder comes through here).
    public static func pageNumber(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { utf8 -> Int? in
            guard utf8.count >= 13, utf8.starts(with: "page-".utf8) else { return nil }
            let ext = utf8[(utf8.count - 4)...]
            guard ext.elementsEqual(".jpg".utf8) || ext.elementsEqual(".tif".utf8) else { return nil }
            let digits = utf8[5..<(utf8.count - 4)]
            // More than four digits only when the number needs them (page-10000), never padded further.
            guard digits.count >= 4, !(digits.count > 4 && digits.first == 0x30) else { return nil }
            var n = 0
            for d in digits {
                guard d >= 0x30 && d <= 0x39 else { return nil }
                let (times10, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(d - 0x30))
                if o1 || o2 { return nil }  // as Int("…") answers for a number beyond Int
                n = sum
            }
            return n >= 1 ? n : nil
        }
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
