/// A stable 64-bit fingerprint of each volume's catalog rows (its volume row and all its page rows),
/// compared with the one stored at the volume's last verification to tell which volumes changed.
///
/// FNV-1a rather than Swift's `Hasher`, whose seed changes with every process. The fingerprint is not a
/// security measure — it only decides what to re-read early; the rotation re-reads everything anyway.
public enum CatalogFingerprint {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func mix(_ h: UInt64, _ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { mix(h, $0) }
    }

    static func mix(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return (h ^ 0x1F) &* prime  // a separator, so "ab"+"c" differs from "a"+"bc"
    }

    static func mix(_ h: UInt64, _ value: Int64) -> UInt64 {
        var h = h
        var v = UInt64(bitPattern: value)
        for _ in 0..<8 { h = (h ^ (v & 0xFF)) &* prime; v >>= 8 }
        return h
    }

    /// Fingerprints of every catalog volume, streaming the page table once.
    ///
    /// The page rows come grouped by volume, so the running hash of the volume at hand is kept aside and
    /// written back when the next volume starts: two dictionary look-ups per volume, not per page. Rows are
    /// read as bytes (``CenterCatalog/forEachPageRow(_:)``); a volume id becomes a `String` only when its
    /// bytes differ from the previous row's, and ids are still compared as strings, as the catalog's
    /// `String` values would be.
    public static func compute(_ catalog: CenterCatalog) throws -> [String: Int64] {
        var hashes: [String: UInt64] = [:]
        try catalog.forEachVolumeRowText { id, text in hashes[id] = mix(offset, text) }
        var current: (id: String, bytes: [UInt8], hash: UInt64?)?
        try catalog.forEachPageRow { idBytes, no, sha256, size in
            if current == nil || !current!.bytes.elementsEqual(idBytes) {
                let id = String(decoding: idBytes, as: UTF8.self)
                if current?.id != id {
                    if let done = current, let h = done.hash { hashes[done.id] = h }
                    current = (id, Array(idBytes), hashes[id])
                } else {
                    current!.bytes = Array(idBytes)
                }
            }
            guard let h = current!.hash else { return }
            current!.hash = mix(mix(mix(h, no), sha256), size)
        }
        if let done = current, let h = done.hash { hashes[done.id] = h }
        return hashes.mapValues { Int64(bitPattern: $0) }
    }

    /// The stored fingerprint also says whether the volume was due: a volume first seen inside its sync
    /// grace period must be fully checked again on the day it becomes due.
    static func withDueState(_ fingerprint: Int64, due: Bool) -> Int64 {
        Int64(bitPattern: mix(UInt64(bitPattern: fingerprint), due ? 1 : 0))
    }
}
