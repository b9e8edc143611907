import ArchiveEngine
/// What an injected fault does to one volume's files, site by site (see ``SampleCenter`` for why each
/// fault looks the way it does).
struct VolumeDamage {
    /// Sites where the whole volume folder is absent.
    var absentAt: Set<String> = []
    /// Site → the one file absent there.
    var missingFile: [String: String] = [:]
    /// Site → the one file whose bytes differ there from the catalog.
    var corruptFile: [String: (String, Corruption)] = [:]
    /// Site → the enterprise its metadata.xml names instead.
    var misfiledAt: [String: (uscc: String, name: String)] = [:]
    /// Sites holding a page beyond the last one.
    var extraPageAt: Set<String> = []
    /// Branches holding a copy without jurisdiction.
    var misplacedAt: [String] = []
    /// The broken volume.pdf the generator wrote (and hashed) instead of a good one.
    var brokenPDF: [UInt8]?
    /// Makes the bad sealed file the sealing system wrote (and hashed) instead of a good one.
    var sealedOverride: (([UInt8]) throws -> [UInt8])?

    enum Corruption {
        /// Cut to half its size (an interrupted copy).
        case truncate
        /// One byte changed in the middle, same size (silent corruption).
        case flipByte
        /// Other content altogether.
        case replace([UInt8])

        func apply(to bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .truncate: return Array(bytes.prefix(bytes.count / 2))
            case .flipByte:
                var b = bytes
                if !b.isEmpty { b[b.count / 2] ^= 0x20 }
                return b
            case .replace(let other): return other
            }
        }
    }
}
