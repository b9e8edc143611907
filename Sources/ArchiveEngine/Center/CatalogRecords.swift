import Foundation

/// A place that holds archives (站点): the processing center, the bureau data center, a branch or the
/// offsite copy, with its file store resolved to an absolute path.
public struct CenterSite: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case processing, datacenter, branch, offsite, other
    }

    public let id: String
    public let name: String
    public let kind: Kind
    /// Absolute path of the site's file store.
    public let root: String
    /// Why the store root is not read (it resolves outside the center and outside every allowed store
    /// root); nil for a root the run may list.
    public var refusal: String? = nil

    /// `processing`, `dc` and `offsite` hold every volume; a branch holds only its own enterprises'.
    public var holdsEveryVolume: Bool { kind == .processing || kind == .datacenter || kind == .offsite }
}

/// One archive volume (案卷) row of the catalog, with the times already parsed.
public struct CatalogVolume: Sendable, Hashable {
    public let id: String
    public let uscc: String
    public let seq: Int
    public let createdAt: Date?
    public let pages: Int
    public let efileStatus: String
    public let efileUpdatedAt: Date?
    public let efileSHA256: String?
    public let sealStatus: String
    public let sealedAt: Date?
    public let sealSHA256: String?
    public let lockOwner: String?
    public let lockedAt: Date?

    /// The volume's folder inside a store: `<uscc>/<seq, 3 digits>`.
    public var folder: String { "\(uscc)/\(VolumeFolderName.seqFolder(seq))" }
}

/// One scanned page row: its number, catalog hash and size.
public struct CatalogPage: Sendable, Hashable {
    public let no: Int
    public let sha256: String
    public let bytes: Int64
}

/// One archive query of the window (kiosk, counter, online, province).
public struct CatalogQuery: Sendable, Hashable {
    public let id: Int64
    public let at: String
    public let siteID: String?
    public let kind: String
    public let text: String
}

/// One sample of the center's own disk monitoring.
public struct DiskSample: Sendable, Hashable {
    public let host: String
    public let mount: String
    public let at: Date
    public let totalBytes: Int64
    public let usedBytes: Int64
}

/// One market entity (商事主体) as the not-found triage needs it.
public struct CatalogEnterprise: Sendable, Hashable {
    public let uscc: String
    public let regNo: String?
    public let name: String
    /// The raw JSON array text of earlier names.
    public let formerNamesJSON: String
    public let branchID: String?

    /// Earlier names; a malformed array counts as none (the catalog is not ours to reject).
    public var formerNames: [String] {
        guard let data = formerNamesJSON.data(using: .utf8),
              let names = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return names
    }
}

/// How folder names are spelt in a store.
public enum VolumeFolderName {
    /// `1` → `001`; seq values above 999 keep all their digits.
    public static func seqFolder(_ seq: Int) -> String {
        seq >= 0 && seq < 1000 ? seq.zeroPadded(3) : String(seq)
    }
}
