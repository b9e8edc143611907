import Foundation

/// `manifest.json`: what the bundle holds and where it came from. It is the one file the team signs;
/// every other file is bound to the signature through its size and SHA-256 here.
///
/// Keys are snake_case and sorted, so an auditor can read it and any tool can diff two versions.
public struct BundleManifest: Codable, Equatable, Sendable {
    public static let currentFormat = "archive-ops-acceptance-bundle/1"

    /// Format identifier; a verifier refuses formats it does not know.
    public var format: String = currentFormat
    public var contract: Contract
    public var period: BundlePeriod
    public var generator: Generator
    public var database: DatabaseFacts
    /// Every file of the bundle except manifest.json and manifest.sig, in bundle order.
    public var files: [File]
    /// Plain-language notes for the reader (e.g. why PDFs are absent).
    public var notes: [String]

    public init(contract: Contract, period: BundlePeriod, generator: Generator, database: DatabaseFacts,
                files: [File] = [], notes: [String] = []) {
        self.contract = contract; self.period = period; self.generator = generator
        self.database = database; self.files = files; self.notes = notes
    }

    /// 合同: name and number as the configuration gives them.
    public struct Contract: Codable, Equatable, Sendable {
        public var name: String
        public var number: String
        public init(name: String, number: String) { self.name = name; self.number = number }
    }

    /// The program that made the bundle.
    public struct Generator: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        /// The source commit, `unknown` when the build could not tell (see ``GeneratorIdentity``).
        public var commit: String
        public init(name: String = "archive-ops", version: String, commit: String) {
            self.name = name; self.version = version; self.commit = commit
        }
    }

    /// The operations database at archive time.
    public struct DatabaseFacts: Codable, Equatable, Sendable {
        /// SHA-256 over the rows of every table in a canonical order (see `OperationsStore.contentDigest`).
        public var sha256: String
        /// Rows per table.
        public var tables: [String: Int]
        public init(sha256: String, tables: [String: Int]) { self.sha256 = sha256; self.tables = tables }
    }

    /// One file: its content and how it is stored in the ZIP.
    public struct File: Codable, Equatable, Sendable {
        public var path: String
        public var size: UInt64
        public var sha256: String
        public var zip: Stored
        public init(path: String, size: UInt64, sha256: String, zip: Stored) {
            self.path = path; self.size = size; self.sha256 = sha256; self.zip = zip
        }
    }

    /// The bytes as they lie in the ZIP. Their digest covers what the content digest cannot: deflate
    /// streams may carry padding bits that decompress to the same content.
    public struct Stored: Codable, Equatable, Sendable {
        /// `deflate` or `store`.
        public var method: String
        public var size: UInt64
        public var sha256: String
        public init(method: String, size: UInt64, sha256: String) { self.method = method; self.size = size; self.sha256 = sha256 }
    }

    /// The manifest's bytes: sorted keys, two-space indentation, UTF-8, a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> BundleManifest {
        try JSONDecoder().decode(BundleManifest.self, from: data)
    }
}
