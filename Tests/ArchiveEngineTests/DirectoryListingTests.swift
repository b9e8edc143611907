@testable import ArchiveEngine
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The walk opens every volume folder relative to its site's open store root (`openat`); a listing made so
/// must be the listing of the same folder by its absolute path, for every odd name and kind of entry.
final class DirectoryListingTests: XCTestCase {
    func testAListingRelativeToTheOpenRootEqualsTheListingByFullPath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("91441900MA4UJ5XY2K/001")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func make(_ name: [UInt8], _ bytes: Int = 3) {
            let path = Array(folder.path.utf8) + [0x2F] + name + [0]
            let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                         O_WRONLY | O_CREAT, 0o644) }
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = write(fd, [UInt8](repeating: 0x41, count: bytes), bytes)
            close(fd)
        }
        make(Array("page-0001.jpg".utf8), 10)
        make(Array("page-0002.jpg".utf8) + [0xFF, 0xFE])                // not UTF-8
        make(Array("page-00\n03.jpg".utf8))                                // a newline
        make(Array("caf\u{E9}.jpg".utf8))                                  // NFC
        make(Array("cafe\u{301}-2.jpg".utf8))                              // NFD
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("metadata.xml").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("volume.pdf").path,
                                                   withDestinationPath: "/etc/hostname")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("volume.sealed.pdf"), withIntermediateDirectories: false)

        let rootFD = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(rootFD, 0)
        defer { close(rootFD) }
        for sizes in [true, false] {
            let byPath = try DirectoryListing.read(folder.path, sizes: sizes).get()
            let relative = try DirectoryListing.read("91441900MA4UJ5XY2K/001", relativeTo: rootFD, sizes: sizes).get()
            XCTAssertEqual(relative.entries, byPath.entries)
            XCTAssertEqual(relative.entries.count, 8)
        }
        let listing = try DirectoryListing.read("91441900MA4UJ5XY2K/001", relativeTo: rootFD).get()
        XCTAssertEqual(listing.entry(named: "metadata.xml")?.kind, .other)
        XCTAssertEqual(listing.entry(named: "volume.pdf")?.kind, .symlink)
        XCTAssertEqual(listing.entry(named: "volume.sealed.pdf")?.kind, .directory)
        XCTAssertEqual(listing.entry(named: "page-0001.jpg")?.size, 10)
        XCTAssertEqual(listing.entry(named: "page-0002.jpg\\xff\\xfe")?.isValidUTF8, false)
        XCTAssertNotNil(listing.entry(named: "page-00\n03.jpg"))
        // A symlink in place of the folder is refused the same way both ways (links inside a store are never
        // followed; Linux answers ENOTDIR for O_NOFOLLOW|O_DIRECTORY on a link, and the sync check treats
        // both answers as "folder unusable").
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: folder.path)
        let relativeLink = DirectoryListing.read("link", relativeTo: rootFD).failure
        XCTAssertEqual(relativeLink, DirectoryListing.read(root.appendingPathComponent("link").path).failure)
        XCTAssertTrue(relativeLink == .symlink || relativeLink == .notADirectory, "\(String(describing: relativeLink))")
        XCTAssertEqual(DirectoryListing.read("91441900MA4UJ5XY2K/002", relativeTo: rootFD).failure, .missing)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
