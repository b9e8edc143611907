import ArchiveEngine
import Foundation

/// A tiny but genuine baseline JPEG standing in for a scanned page (扫描页): an 8×8 grey image that every
/// decoder reads, with a comment segment naming the volume and page so that every page has its own bytes
/// and its own SHA-256. Real scans are 100–400 KB; samples stay small so a benchmark center of a million
/// files fits on a laptop.
enum SampleJPEG {
    private static let head: [UInt8] = {
        var b: [UInt8] = [0xFF, 0xD8]                                            // SOI
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]
        return b
    }()

    private static let tail: [UInt8] = {
        var b: [UInt8] = [0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)   // DQT: all ones
        b += [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00] // SOF0: 8×8, 1 component
        // DHT: one code of length 1 for DC category 0, one for AC end-of-block.
        b += [0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        b += [0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01] + [UInt8](repeating: 0, count: 15) + [0x00]
        b += [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]                // SOS
        b += [0x3F]                                                                      // DC 0, EOB, padding ones
        b += [0xFF, 0xD9]                                                                // EOI
        return b
    }()

    /// A JPEG whose comment holds `label` and `padding` filler bytes (so sizes vary like real scans).
    static func make(label: String, padding: Int, rng: inout SplitMix64) -> [UInt8] {
        var comment = Array("ArchiveOps sample scan: \(label)\n".utf8)
        let filler: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        let extra = max(0, min(padding, 60_000))
        comment.reserveCapacity(comment.count + extra)
        for _ in 0..<extra { comment.append(filler[Int(rng.next() % UInt64(filler.count))]) }
        let length = comment.count + 2
        var out = head
        out.reserveCapacity(head.count + 4 + comment.count + tail.count)
        out += [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)]
        out += comment
        out += tail
        return out
    }
}
