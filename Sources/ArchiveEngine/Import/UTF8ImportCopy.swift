import Foundation

/// A CSV import file transcoded, chunk by chunk, into a private UTF-8 copy that the CSV reader streams:
/// a ticket export of hundreds of megabytes is imported with flat memory instead of being held as bytes,
/// as text and as rows at once.
///
/// The encoding is chosen as the import spec says (and ``TextDecoding`` does for text held in memory): a
/// byte-order mark first, then valid UTF-8, else GB18030; `--encoding` forces one. The copy is made in the
/// system's temporary folder, readable by its owner only (it holds the same personal data as the input),
/// and removed by ``remove()``.
struct UTF8ImportCopy {
    /// The UTF-8 copy, without a byte-order mark.
    let url: URL
    /// SHA-256 of the input file as it is (the audit trail names the exact file imported).
    let sha256: String
    let encodingName: String
    /// An odd number of double quotes: a quoted field was never closed (the CSV reader would silently read
    /// to the end of the file).
    let hasUnterminatedQuote: Bool

    private static let chunkSize = 1 << 20

    static func make(of input: URL, forced: TextEncodingChoice?) throws -> UTF8ImportCopy {
        try ImportFile.checkReadable(input)
        let head = try readHead(of: input)
        let candidates: [(iconv: String, name: String, skip: Int)]
        if let forced {
            let bom = forced == .utf8 && head.starts(with: [0xEF, 0xBB, 0xBF])
            candidates = [(forced.iconvName, forced.displayName, bom ? 3 : 0)]
        } else if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            candidates = [("UTF-8", "UTF-8 (BOM)", 3)]
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            // Excel's "Unicode text" export; iconv reads the byte order from the BOM and drops it.
            candidates = [("UTF-16", "UTF-16", 0)]
        } else {
            candidates = [("UTF-8", "UTF-8", 0), ("GB18030", "GB18030", 0)]
        }
        let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        let sha256 = try ImportFile.sha256(ofFileAt: input)
        for candidate in candidates {
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("archive-ops-import-\(UUID().uuidString).csv")
            do {
                if let quotes = try transcode(input, skipping: candidate.skip, from: candidate.iconv, into: output,
                                              refuseNUL: !utf16) {
                    return UTF8ImportCopy(url: output, sha256: sha256, encodingName: candidate.name,
                                          hasUnterminatedQuote: quotes % 2 == 1)
                }
            } catch {
                try? FileManager.default.removeItem(at: output)
                throw error
            }
            try? FileManager.default.removeItem(at: output)
        }
        throw ImportError.undecodable(input.path, candidates.map(\.name).joined(separator: " / "))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    private static func readHead(of input: URL) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: input.path) else {
            throw ImportError.unreadable(input.path, "无法打开 (cannot open)")
        }
        defer { try? handle.close() }
        return handle.readData(ofLength: 4)
    }

    /// Converts `input` into `output` and counts its double quotes; nil when its bytes are not valid in
    /// `encoding`.
    private static func transcode(_ input: URL, skipping: Int, from encoding: String, into output: URL,
                                  refuseNUL: Bool) throws -> Int? {
        guard let reader = FileHandle(forReadingAtPath: input.path) else {
            throw ImportError.unreadable(input.path, "无法打开 (cannot open)")
        }
        defer { try? reader.close() }
        guard FileManager.default.createFile(atPath: output.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let writer = FileHandle(forWritingAtPath: output.path) else {
            throw ImportError.unreadable(input.path, "无法在临时目录 \(output.deletingLastPathComponent().path) 写入转换副本"
                                         + " (cannot write a temporary copy)")
        }
        defer { try? writer.close() }
        guard let converter = Iconv.Converter(from: encoding, to: "UTF-8") else {
            throw ImportError.undecodable(input.path, encoding)
        }
        var quotes = 0
        var first = true
        var converted = Data()
        while true {
            var chunk = reader.readData(ofLength: chunkSize)
            let final = chunk.isEmpty
            if refuseNUL && chunk.withUnsafeBytes({ $0.contains(0) }) { throw ImportError.notText(input.path) }
            if first && skipping > 0 { chunk = chunk.dropFirst(min(skipping, chunk.count)) }
            first = false
            converted.removeAll(keepingCapacity: true)
            guard converter.convert(chunk, final: final, into: &converted) else { return nil }
            quotes += converted.withUnsafeBytes { bytes in bytes.reduce(0) { $1 == 0x22 ? $0 + 1 : $0 } }
            try writer.write(contentsOf: converted)
            if final { break }
        }
        return quotes
    }
}
