import Foundation

/// What a build can carry over to the next one: a value that depends on one input alone (a page's text, a
/// search document), stored in a ``SealedCacheFile`` beside `Output/` under its own name and head.
protocol CarriedOverEntry: Sendable {
    /// The end of the file's name: the file is `.archive-ops.<output folder>.<fileSuffix>` beside `Output/`.
    static var fileSuffix: String { get }
    /// The head naming the format (and whatever else must match for an entry to be used, e.g. the generator).
    static var fileHead: [UInt8] { get }
    /// Appends the entry's fields to `w`.
    func write(to w: inout ByteWriter)
    /// The entry read back from `r`; nil when the bytes do not hold one.
    init?(from r: inout ByteReader)
}

/// The entries of the previous build, and those of them used (or made) by this build, which are the only
/// ones written for the next. Both the search documents (``SearchIndexCache``) and the manual outlines
/// (``ManualOutlineCache``) are carried over this way: an entry's key is a digest of the input it was made
/// from, so a changed input never finds a stale entry, and dropping the entries nobody asked for keeps
/// the file from growing with pages that are gone. The file is only a hint: a missing, damaged or foreign
/// one is ignored and every entry made afresh. Pages are rendered in parallel, hence the lock.
final class CarriedOverEntries<Entry: CarriedOverEntry>: @unchecked Sendable {
    private let previousEntries: [String: Entry]
    private var current: [String: Entry] = [:]
    private let lock = NSLock()

    init(previous: [String: Entry] = [:]) { previousEntries = previous }

    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".archive-ops.\(output.lastPathComponent).\(Entry.fileSuffix)")
    }

    /// The previous build's entry under `key`, if there is one (not kept for the next build).
    func previous(entry key: String) -> Entry? { previousEntries[key] }

    /// The previous build's entry under `key`, kept for the next build too.
    func reuse(_ key: String) -> Entry? {
        guard let e = previousEntries[key] else { return nil }
        keep(key, e)
        return e
    }

    /// Remembers `entry` under `key` for the next build.
    func keep(_ key: String, _ entry: Entry) {
        lock.lock()
        current[key] = entry
        lock.unlock()
    }

    /// Reads the file at `url`; nil when it is missing, damaged, or of another format or head.
    static func read(from url: URL) -> CarriedOverEntries? {
        guard var r = SealedCacheFile.open(url, head: Entry.fileHead), let count = r.integer() else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = r.string(), let e = Entry(from: &r) else { return nil }
            entries[key] = e
        }
        guard r.atEnd else { return nil }
        return CarriedOverEntries(previous: entries)
    }

    /// This build's entries (only those) in key order, sealed: the bytes of the cache file, which
    /// ``SealedCacheFile/write(_:to:)`` writes. Made apart from the writing so a build can make them on one
    /// core while the other publishes the site, and write them only once the site is published.
    func sealed() -> [UInt8] {
        lock.lock()
        let entries = current
        lock.unlock()
        var w = ByteWriter(head: Entry.fileHead)
        w.integer(entries.count)
        for key in entries.keys.sorted() {
            w.string(key)
            entries[key]!.write(to: &w)
        }
        return SealedCacheFile.seal(w)
    }
}
