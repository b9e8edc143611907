import ArchiveEngine
import Foundation

/// Which checks a run performed, read from its coverage text. The engine writes the coverage as
/// `检查项 sync,efile,…；…`; a run made with `--only sync` must not show the other checks as 正常 on its
/// report, so they are marked as not run. Coverage text without that prefix (older or foreign runs) gives
/// nil: the reports then cannot tell and list every check by its findings alone.
public enum ChecksRun {
    public static func ids(in coverage: String?) -> Set<String>? {
        guard let coverage, let start = coverage.range(of: "检查项") else { return nil }
        var rest = coverage[start.upperBound...]
        while let c = rest.first, c == " " || c == ":" || c == "：" { rest = rest.dropFirst() }
        let list = rest.prefix { $0 != "；" && $0 != ";" && $0 != "\n" }
        let known = Set(CheckCatalog.all.map(\.id))
        let ids = list.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" })
            .map { String($0) }.filter { known.contains($0) }
        return ids.isEmpty ? nil : Set(ids)
    }
}
