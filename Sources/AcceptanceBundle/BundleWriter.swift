import Crypto
import Foundation
import ZIPFoundation

/// Writes an acceptance bundle: a ZIP whose bytes depend only on the files given and the period.
///
/// What makes it deterministic: files come in one fixed order (sorted by their UTF-8 path, then
/// manifest.json, then manifest.sig), every entry carries the period's last second as its time and
/// `-rw-r--r--` as its mode, no extra fields, no comments, no host or absolute paths. Files are
/// streamed in one at a time, so memory does not grow with the bundle.
///
/// ## Topics
/// - ``init(creating:period:)``, ``add(_:contents:)``, ``finish(manifest:signer:signingTime:)``
public final class BundleWriter {
    public static let manifestName = "manifest.json"
    public static let signatureName = "manifest.sig"
    static let permissions: UInt16 = 0o644

    private let url: URL
    private let archive: Archive
    private let reader: FileByteSource
    private let period: BundlePeriod
    private var nextHeaderOffset: UInt64 = 0
    private var lastPath: [UInt8]? = nil
    private var finished = false
    /// The files written so far, as manifest.json will list them.
    public private(set) var files: [BundleManifest.File] = []

    /// Starts a bundle at `url`, which must not exist (bundles are never overwritten).
    public init(creating url: URL, period: BundlePeriod) throws {
        self.url = url
        self.period = period
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BundleWriterError("\(url.path) 已存在；验收材料从不覆盖，请换一个文件名。 (bundle exists; never overwritten)")
        }
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw BundleWriterError("无法创建 \(url.path)：\(error)。请检查输出目录是否可写。 (cannot create bundle)")
        }
        reader = try FileByteSource(url: url)
    }

    /// Adds one file. Paths must come in increasing UTF-8 order and be relative, without `..`.
    public func add(_ path: String, contents: Data) throws {
        precondition(!finished, "BundleWriter.add after finish")
        guard path != Self.manifestName, path != Self.signatureName else {
            throw BundleWriterError("\(path) 是验收材料保留的文件名 (reserved name)")
        }
        if let why = ZIPLayout.hostilePathReason(path) { throw BundleWriterError("文件名 “\(path)” \(why)") }
        let key = Array(path.utf8)
        if let last = lastPath, !last.lexicographicallyPrecedes(key) {
            throw BundleWriterError("文件 “\(path)” 的顺序不对：验收材料中的文件须按路径排序且不重复 (paths must be sorted and unique)")
        }
        lastPath = key
        let stored = try write(path, contents, method: .deflate)
        files.append(.init(path: path, size: UInt64(contents.count), sha256: Self.hex(SHA256.hash(data: contents)), zip: stored))
    }

    /// Writes manifest.json (``files`` filled in) and its detached signature manifest.sig, and closes the
    /// bundle. Returns the manifest as written.
    @discardableResult
    public func finish(manifest: BundleManifest, signer: BundleSigner, signingTime: Date) throws -> BundleManifest {
        precondition(!finished, "BundleWriter.finish twice")
        finished = true
        var manifest = manifest
        manifest.files = files
        manifest.period = period
        let bytes = try manifest.encoded()
        _ = try write(Self.manifestName, bytes, method: .none)
        let signature = try signer.sign(bytes, signingTime: signingTime)
        _ = try write(Self.signatureName, Data(signature), method: .none)
        return manifest
    }

    /// Adds an entry and reads back its stored bytes to record their digest.
    private func write(_ path: String, _ contents: Data, method: CompressionMethod) throws -> BundleManifest.Stored {
        do {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(contents.count),
                                 modificationDate: period.zipEntryDate, permissions: Self.permissions,
                                 compressionMethod: method) { position, size in
                contents.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw BundleWriterError("写入 \(url.path) 中的 \(path) 失败：\(error)。请检查磁盘空间。 (cannot write entry)")
        }
        reader.refreshCount()
        let header = try reader.read(at: nextHeaderOffset, length: 30)
        let storedSize = UInt64(header.le32(18))
        let dataOffset = nextHeaderOffset + 30 + UInt64(header.le16(26)) + UInt64(header.le16(28))
        var hasher = SHA256()
        var position: UInt64 = 0
        while position < storedSize {
            let n = Int(min(UInt64(1 << 16), storedSize - position))
            hasher.update(data: try reader.read(at: dataOffset + position, length: n))
            position += UInt64(n)
        }
        nextHeaderOffset = dataOffset + storedSize
        return .init(method: method == .deflate ? "deflate" : "store", size: storedSize, sha256: Self.hex(hasher.finalize()))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

public struct BundleWriterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
