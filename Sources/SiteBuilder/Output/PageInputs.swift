import Crypto
import Foundation

/// Pieces of the input keys (``PageReuse/inputKey``) several page types share.
enum PageInputs {
    /// An enterprise a page links to: where its page is (file names depend on the other codes) and what
    /// the link shows.
    struct Enterprise: Encodable, FingerprintFeed {
        var path: String
        var uscc: String
        var name: String?

        func feed(into b: inout FingerprintBytes) { b.add(path); b.add(uscc); b.add(name) }
    }

    /// The digest of one record's inputs, computed once for the pages of both languages (encoding the
    /// rows was the largest part of keying a page). Empty when the build keeps no cache.
    struct Digest: Encodable, FingerprintFeed {
        var type: String
        var sha256: String

        func feed(into b: inout FingerprintBytes) { b.add(type); b.add(sha256) }

        static let none = Digest(type: "", sha256: "")

        init(type: String, sha256: String) {
            self.type = type
            self.sha256 = sha256
        }

        init<Inputs: Encodable>(_ inputs: Inputs) throws {
            type = String(describing: Inputs.self)
            sha256 = Hex.string(SHA256.hash(data: try FingerprintEncoder().bytes(of: inputs)))
        }
    }

    /// The digest of each record's inputs, on every core; none at all when `build` keeps no cache.
    static func digests<Inputs: Encodable>(_ count: Int, in build: SiteBuild, _ inputs: (Int) -> Inputs) throws -> [Digest] {
        guard build.renderer.reuse != nil else { return Array(repeating: .none, count: count) }
        return try ParallelMap.run(count: count) { try Digest(inputs($0)) }
    }
}
