import Foundation
import SiteBuilder
import XCTest

/// The published search index read back from `Output/search/` the way the browser sees it: the manifest,
/// the url/title shards, the text shards and the term shards.
enum SearchIndexFiles {
    static func manifest(_ output: URL) throws -> [String: Any] {
        let script = try String(contentsOf: output.appendingPathComponent(SiteSearch.indexPath), encoding: .utf8)
        let json = try XCTUnwrap(script.range(of: "= ").map { script[$0.upperBound...] }).dropLast(2)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The JSON a shard file hands to `ARCHIVEOPS_SEARCH_SHARD(name, json);`.
    static func shard(_ url: URL) throws -> Any {
        let script = try String(contentsOf: url, encoding: .utf8)
        let open = try XCTUnwrap(script.range(of: "\","), "\(url.path) is not a shard")
        let json = script[open.upperBound...].dropLast(3)  // ");\n"
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    static func shardFiles(_ output: URL, kind: String) throws -> [URL] {
        let folder = output.appendingPathComponent("search/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map(folder.appendingPathComponent)
    }

    /// The term shards, `search/t/B/N.js` of every term block B.
    static func termFiles(_ output: URL) throws -> [URL] {
        try shardFiles(output, kind: "t").flatMap { block in
            try FileManager.default.contentsOfDirectory(atPath: block.path).sorted().map(block.appendingPathComponent)
        }
    }

    /// Every document as [url, title, [[anchor, heading, text]]], in number order (url order). A number
    /// is in the url/title shard of its 256 and in the text shard named by the first number before it.
    static func documents(_ output: URL) throws -> [[Any]] {
        try numberedDocuments(output).map(\.document)
    }

    /// ``documents(_:)`` with each document's number.
    static func numberedDocuments(_ output: URL) throws -> [(number: Int, document: [Any])] {
        let m = try manifest(output)
        let count = try XCTUnwrap(m["docs"] as? Int), metaSize = try XCTUnwrap(m["metaShardSize"] as? Int)
        let textStarts = try XCTUnwrap(m["textShards"] as? [Int])
        XCTAssertEqual(textStarts, textStarts.sorted())
        var meta: [Int: [String]] = [:]
        for url in try shardFiles(output, kind: "m") {
            let k = try XCTUnwrap(Int(url.deletingPathExtension().lastPathComponent))
            for (i, row) in try XCTUnwrap(try shard(url) as? [Any]).enumerated() {
                if let row = row as? [String] { meta[k * metaSize + i] = row } else { XCTAssertTrue(row is NSNull) }
            }
        }
        var texts: [Int: [[String]]] = [:]
        for start in textStarts {
            let sections = try XCTUnwrap(try shard(output.appendingPathComponent("search/x/\(start).js")) as? [Any])
            for (i, s) in sections.enumerated() {
                if let s = s as? [[String]] { texts[start + i] = s } else { XCTAssertTrue(s is NSNull, "a free number is null") }
            }
        }
        XCTAssertEqual(try shardFiles(output, kind: "x").count, textStarts.count)
        XCTAssertEqual(meta.count, count)
        XCTAssertEqual(Set(texts.keys), Set(meta.keys), "every document has its texts, and only documents have")
        return meta.keys.sorted().map { n in (n, [meta[n]![0], meta[n]![1], texts[n] ?? []]) }
    }

    /// Every term of the term shards.
    static func terms(_ output: URL) throws -> Set<String> {
        var terms = Set<String>()
        for url in try termFiles(output) {
            terms.formUnion(try XCTUnwrap(try shard(url) as? [String: Any]).keys)
        }
        return terms
    }

    /// Every file of the index, as text.
    static func allFiles(_ output: URL) throws -> [(path: String, text: String)] {
        var files = [(SiteSearch.indexPath, try String(contentsOf: output.appendingPathComponent(SiteSearch.indexPath), encoding: .utf8))]
        for url in try termFiles(output) {
            files.append(("search/t/\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)",
                          try String(contentsOf: url, encoding: .utf8)))
        }
        for kind in ["m", "x"] {
            for url in try shardFiles(output, kind: kind) {
                files.append(("search/\(kind)/\(url.lastPathComponent)", try String(contentsOf: url, encoding: .utf8)))
            }
        }
        return files
    }
}
