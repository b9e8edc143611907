import Foundation

/// The structure of a ZIP file, read strictly from its central directory and local headers without
/// extracting anything.
///
/// ZIPFoundation's reader is lenient by design (it stops iterating at the first unreadable central
/// directory record and takes the first of two entries with one name), which is right for opening
/// arbitrary archives and wrong for judging evidence. This reader refuses what could hurt a machine
/// that extracts the bundle later (``ZIPLayoutError/hostile(_:_:)``) and reports what cannot be read
/// (``ZIPLayoutError/unreadable(_:)``); everything else is returned field by field so that the verifier
/// can compare it with the canonical form the writer produces.
struct ZIPLayout {
    /// One entry as the central directory and its local header describe it.
    struct Entry {
        var path: String
        var versionMadeBy: UInt16
        var versionNeeded: UInt16
        var flags: UInt16
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var centralExtraLength: Int
        var commentLength: Int
        var diskStart: UInt16
        var internalAttributes: UInt16
        var externalAttributes: UInt32
        var localHeaderOffset: UInt64
        /// Where the entry's stored bytes begin (after its local header, name and extra field).
        var dataOffset: UInt64
        /// Local header fields that differ from the central directory's (empty when they agree).
        var localMismatches: [String]
        var localExtraLength: Int
    }

    var entries: [Entry]
    var centralDirectoryOffset: UInt64
    var centralDirectorySize: UInt64
    var endRecordOffset: UInt64
    var archiveCommentLength: Int
    /// Structural oddities that do not stop reading (unaccounted bytes, an archive comment…).
    var archiveProblems: [String]

    static let localHeaderSignature: UInt32 = 0x0403_4b50
    static let centralHeaderSignature: UInt32 = 0x0201_4b50
    static let endRecordSignature: UInt32 = 0x0605_4b50

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func read(_ source: ByteSource, limits: BundleLimits) throws -> ZIPLayout {
        let size = source.count
        guard size >= 22 else {
            throw ZIPLayoutError.unreadable("文件只有 \(size) 字节，不是 ZIP 文件或已被截断 (too short to be a ZIP)")
        }
        // The end record: 22 bytes plus a comment of at most 65,535 bytes at the very end of the file.
        let tailLength = Int(min(size, 22 + 65_535))
        let tail = try readBytes(source, at: size - UInt64(tailLength), length: tailLength)
        var endAt: Int? = nil
        var i = tailLength - 22
        while i >= 0 {
            if tail.le32(i) == endRecordSignature, Int(tail.le16(i + 20)) == tailLength - i - 22 {
                endAt = i; break
            }
            i -= 1
        }
        guard let end = endAt else {
            throw ZIPLayoutError.unreadable("找不到 ZIP 结尾记录（End of Central Directory）：文件被截断或不是 ZIP 文件 (no end-of-central-directory record: truncated or not a ZIP)")
        }
        let endRecordOffset = size - UInt64(tailLength - end)
        let diskNumber = tail.le16(end + 4), directoryDisk = tail.le16(end + 6)
        let entriesOnDisk = tail.le16(end + 8), entryCount = tail.le16(end + 10)
        let directorySize = UInt64(tail.le32(end + 12)), directoryOffset = UInt64(tail.le32(end + 16))
        let commentLength = Int(tail.le16(end + 20))
        guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
            throw ZIPLayoutError.unreadable("ZIP 结尾记录声明了分卷（磁盘号 \(diskNumber)/\(directoryDisk)）：验收材料不分卷 (multi-disk ZIP not supported)")
        }
        guard entryCount != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw ZIPLayoutError.unreadable("这是 ZIP64 文件：验收材料不使用 ZIP64 (ZIP64 not supported)")
        }
        guard Int(entryCount) <= limits.maxEntries else {
            throw ZIPLayoutError.hostile(nil, "声明了 \(entryCount) 个条目，超过上限 \(limits.maxEntries) (too many entries)")
        }
        guard directoryOffset <= endRecordOffset, directorySize <= endRecordOffset - directoryOffset else {
            throw ZIPLayoutError.unreadable("中央目录（偏移 \(directoryOffset)，\(directorySize) 字节）超出文件范围：文件被截断 (central directory beyond the end of the file: truncated)")
        }
        guard directorySize <= UInt64(limits.maxCentralDirectoryBytes) else {
            throw ZIPLayoutError.hostile(nil, "中央目录 \(directorySize) 字节，超过上限 \(limits.maxCentralDirectoryBytes) (central directory too large)")
        }
        var archiveProblems: [String] = []
        if commentLength != 0 { archiveProblems.append("ZIP 文件带有 \(commentLength) 字节的注释 (archive comment present)") }
        if directoryOffset + directorySize != endRecordOffset {
            archiveProblems.append("中央目录与结尾记录之间有 \(endRecordOffset - directoryOffset - directorySize) 字节未登记的数据 (bytes between central directory and end record)")
        }

        let directory = try readBytes(source, at: directoryOffset, length: Int(directorySize))
        var entries: [Entry] = []
        entries.reserveCapacity(Int(entryCount))
        var seen: [String: String] = [:]
        var position = 0
        var declaredTotal: UInt64 = 0
        for index in 0..<Int(entryCount) {
            let label = "中央目录第 \(index + 1) 项"
            guard position + 46 <= directory.count, directory.le32(position) == centralHeaderSignature else {
                throw ZIPLayoutError.unreadable("\(label)损坏或缺失：中央目录被截断或被改动 (central directory record \(index + 1) unreadable: truncated or changed)")
            }
            let nameLength = Int(directory.le16(position + 28))
            let extraLength = Int(directory.le16(position + 30))
            let entryCommentLength = Int(directory.le16(position + 32))
            let recordEnd = position + 46 + nameLength + extraLength + entryCommentLength
            guard recordEnd <= directory.count else {
                throw ZIPLayoutError.unreadable("\(label)的长度超出中央目录：中央目录被截断或被改动 (central directory record \(index + 1) overruns the directory)")
            }
            let nameBytes = Array(directory[(position + 46)..<(position + 46 + nameLength)])
            guard let path = String(validating: nameBytes, as: UTF8.self) else {
                throw ZIPLayoutError.hostile(nil, "\(label)的文件名不是合法的 UTF-8 (entry name is not UTF-8)")
            }
            var entry = Entry(
                path: path,
                versionMadeBy: directory.le16(position + 4),
                versionNeeded: directory.le16(position + 6),
                flags: directory.le16(position + 8),
                method: directory.le16(position + 10),
                dosTime: directory.le16(position + 12),
                dosDate: directory.le16(position + 14),
                crc32: directory.le32(position + 16),
                compressedSize: UInt64(directory.le32(position + 20)),
                uncompressedSize: UInt64(directory.le32(position + 24)),
                centralExtraLength: extraLength,
                commentLength: entryCommentLength,
                diskStart: directory.le16(position + 34),
                internalAttributes: directory.le16(position + 36),
                externalAttributes: directory.le32(position + 38),
                localHeaderOffset: UInt64(directory.le32(position + 42)),
                dataOffset: 0, localMismatches: [], localExtraLength: 0)
            position = recordEnd

            if let why = hostilePathReason(path) { throw ZIPLayoutError.hostile(path, why) }
            let fileType = (entry.externalAttributes >> 16) & 0o170000
            if entry.versionMadeBy >> 8 == 3, fileType == 0o120000 {
                throw ZIPLayoutError.hostile(path, "是符号链接；解压时可能指向验收材料以外的文件 (symbolic link)")
            }
            if let earlier = seen[path.lowercased()] {
                throw ZIPLayoutError.hostile(path, earlier == path
                    ? "文件名重复；解压时后一个会覆盖前一个 (duplicate entry name)"
                    : "与 \(earlier) 只差大小写；在不区分大小写的系统上会互相覆盖 (names differ only in case)")
            }
            seen[path.lowercased()] = path
            guard entry.flags & 0x0001 == 0 else {
                throw ZIPLayoutError.unreadable("条目 \(path) 已加密：验收材料不加密 (encrypted entry)")
            }
            guard entry.method == 0 || entry.method == 8 else {
                throw ZIPLayoutError.unreadable("条目 \(path) 的压缩方式 \(entry.method) 不受支持（只支持存储 0 与 deflate 8） (unsupported compression method)")
            }
            guard entry.flags & 0x0008 == 0 else {
                throw ZIPLayoutError.unreadable("条目 \(path) 使用数据描述符（流式写入）：验收材料不使用 (data descriptor not supported)")
            }
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw ZIPLayoutError.unreadable("条目 \(path) 使用 ZIP64 大小：验收材料不使用 ZIP64 (ZIP64 entry not supported)")
            }
            guard entry.uncompressedSize <= limits.maxEntryBytes else {
                throw ZIPLayoutError.hostile(path, "声明解压后 \(entry.uncompressedSize) 字节，超过单个文件上限 \(limits.maxEntryBytes)：疑似 ZIP 炸弹 (declared size over the limit: zip bomb)")
            }
            if entry.uncompressedSize > 1 << 20,
               entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                throw ZIPLayoutError.hostile(path, "压缩比 \(entry.uncompressedSize / max(entry.compressedSize, 1)):1 超过上限 \(limits.maxCompressionRatio):1：疑似 ZIP 炸弹 (compression ratio over the limit: zip bomb)")
            }
            declaredTotal += entry.uncompressedSize
            guard declaredTotal <= limits.maxTotalBytes else {
                throw ZIPLayoutError.hostile(path, "全部条目声明解压后超过 \(limits.maxTotalBytes) 字节：疑似 ZIP 炸弹 (declared total over the limit: zip bomb)")
            }
            try readLocalHeader(of: &entry, from: source, before: directoryOffset)
            entries.append(entry)
        }
        if position != directory.count {
            archiveProblems.append("中央目录末尾有 \(directory.count - position) 字节未登记的数据 (unaccounted bytes in the central directory)")
        }

        // Entries may not share bytes (the classic non-recursive zip bomb points many entries at one
        // stream), and no byte before the central directory may belong to none of them.
        var expected: UInt64 = 0
        for entry in entries.sorted(by: { $0.localHeaderOffset < $1.localHeaderOffset }) {
            if entry.localHeaderOffset < expected {
                throw ZIPLayoutError.hostile(entry.path, "与前一个条目的数据重叠（ZIP 炸弹的常见手法） (entries overlap: zip bomb pattern)")
            }
            if entry.localHeaderOffset > expected {
                archiveProblems.append("偏移 \(expected) 处有 \(entry.localHeaderOffset - expected) 字节不属于任何条目 (unaccounted bytes before \(entry.path))")
            }
            expected = entry.dataOffset + entry.compressedSize
        }
        if expected < directoryOffset {
            archiveProblems.append("最后一个条目之后、中央目录之前有 \(directoryOffset - expected) 字节不属于任何条目 (unaccounted bytes before the central directory)")
        }
        return ZIPLayout(entries: entries, centralDirectoryOffset: directoryOffset, centralDirectorySize: directorySize,
                         endRecordOffset: endRecordOffset, archiveCommentLength: commentLength, archiveProblems: archiveProblems)
    }

    /// Reads the entry's local header, checks it agrees with the central directory and sets `dataOffset`.
    private static func readLocalHeader(of entry: inout Entry, from source: ByteSource, before limit: UInt64) throws {
        guard entry.localHeaderOffset + 30 <= limit else {
            throw ZIPLayoutError.unreadable("条目 \(entry.path) 的本地文件头偏移 \(entry.localHeaderOffset) 超出数据区：文件被截断或被改动 (local header offset out of range)")
        }
        let header = try readBytes(source, at: entry.localHeaderOffset, length: 30)
        guard header.le32(0) == localHeaderSignature else {
            throw ZIPLayoutError.unreadable("条目 \(entry.path) 的本地文件头损坏（签名不符） (local header signature wrong)")
        }
        let nameLength = Int(header.le16(26)), extraLength = Int(header.le16(28))
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(nameLength) + UInt64(extraLength)
        guard dataOffset <= limit, entry.compressedSize <= limit - dataOffset else {
            throw ZIPLayoutError.unreadable("条目 \(entry.path) 的数据超出数据区（声明 \(entry.compressedSize) 字节）：文件被截断或被改动 (entry data beyond the data area)")
        }
        let name = try readBytes(source, at: entry.localHeaderOffset + 30, length: nameLength)
        var mismatches: [String] = []
        if name != Array(entry.path.utf8) { mismatches.append("文件名") }
        if header.le16(4) != entry.versionNeeded { mismatches.append("所需版本") }
        if header.le16(6) != entry.flags { mismatches.append("标志位") }
        if header.le16(8) != entry.method { mismatches.append("压缩方式") }
        if header.le16(10) != entry.dosTime { mismatches.append("修改时间") }
        if header.le16(12) != entry.dosDate { mismatches.append("修改日期") }
        if header.le32(14) != entry.crc32 { mismatches.append("CRC-32") }
        if UInt64(header.le32(18)) != entry.compressedSize { mismatches.append("压缩后大小") }
        if UInt64(header.le32(22)) != entry.uncompressedSize { mismatches.append("原始大小") }
        entry.localMismatches = mismatches
        entry.localExtraLength = extraLength
        entry.dataOffset = dataOffset
    }

    /// Why a name must not be extracted: it could land outside the folder it is extracted into.
    static func hostilePathReason(_ path: String) -> String? {
        if path.isEmpty { return "文件名为空 (empty name)" }
        if path.utf8.contains(0) { return "文件名含 NUL 字符 (NUL in name)" }
        if path.hasPrefix("/") || path.hasPrefix("\\") { return "是绝对路径；解压时会写到验收材料以外 (absolute path)" }
        if path.contains("\\") { return "含反斜杠；在 Windows 上是路径分隔符，可能写到别处 (backslash in name)" }
        let scalars = Array(path.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic {
            return "以盘符开头；在 Windows 上是绝对路径 (drive letter)"
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { return "含 “..”；解压时会写到验收材料以外 (path traversal)" }
        if components.dropLast().contains(where: { $0.isEmpty || $0 == "." }) {
            return "含空路径段或 “.” (empty or '.' path segment)"
        }
        return nil
    }

    static func readBytes(_ source: ByteSource, at offset: UInt64, length: Int) throws -> [UInt8] {
        do {
            return try source.read(at: offset, length: length)
        } catch let error as ByteSourceError {
            throw ZIPLayoutError.unreadable(error.description)
        }
    }
}

/// Why a ZIP could not be read at all, or was refused.
enum ZIPLayoutError: Error, CustomStringConvertible {
    /// Not a ZIP, truncated, or using features a bundle never uses.
    case unreadable(String)
    /// Built to hurt whoever extracts it: traversal, absolute paths, symlinks, duplicates, bombs.
    case hostile(String?, String)

    var description: String {
        switch self {
        case .unreadable(let why): why
        case .hostile(let path?, let why): "条目 “\(path)” \(why)"
        case .hostile(nil, let why): why
        }
    }
}
