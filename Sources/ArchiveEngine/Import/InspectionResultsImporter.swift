import Foundation
import GRDB

/// Imports the results of an inspection (巡检) run elsewhere: the JSON lines of `archive-ops check --json`
/// preceded by a header object `{"run": {"started_at", "finished_at", "host", "center", "window"}}`, which
/// may also carry `checks` (the check ids the run performed) and `coverage` (its coverage sentence). A file
/// without `checks` (written before they were listed) still imports; its run's checks are then unknown.
/// A header with `sites` is a run of `check --site` over those sites' stores only (one host of several).
/// A file may hold several runs, each header followed by its findings.
///
/// The whole file is validated inside one transaction (every error names its line; one bad line rolls the
/// file back unless `--skip-bad`); each run is stored through
/// ``OperationsStore/saveInspection(_:findings:in:)``, the same path as a local check. An imported run is
/// known again by its host, start time and center, so importing the same file again finds every run
/// unchanged; it never replaces a run made here — when its id is taken it gets the next free one.
public struct InspectionResultsImporter {
    public let store: OperationsStore
    public let options: ImportOptions

    public init(store: OperationsStore, options: ImportOptions = .init()) {
        self.store = store; self.options = options
    }

    struct ParsedRun {
        var run: InspectionRun
        var findings: [Finding]
        /// The header was bad: its findings are rejected with it rather than filed under another run.
        var headerIsBad = false
    }

    /// Disk readings are written as they are read, in batches, inside the import's one transaction (a
    /// year of hourly samples from several hosts is hundreds of thousands of lines); a rejected file rolls
    /// them back with everything else.
    static let readingBatch = 5_000

    public func importFile(at url: URL) throws -> ImportSummary {
        let copy = try UTF8ImportCopy.make(of: url, forced: options.encoding)
        defer { copy.remove() }
        let lines = try UTF8LineReader(url: copy.url, named: url)
        var summary = ImportSummary(kind: .inspections, file: url, sha256: copy.sha256, encoding: copy.encodingName)

        var runs: [ParsedRun] = []
        var report = RowErrorReport()
        var badLines: [(line: Int, text: String, errors: [RowError])] = []
        var sawContent = false
        var lineNumber = 0
        var rejects: RejectsFile?
        do {
            try store.dbQueue.inTransaction { db in
                var readings = 0, newReadings = 0
                var pending: [DiskReading] = []
                func keep(_ more: [DiskReading]) throws {
                    readings += more.count
                    pending += more
                    // Once the file is bound to be rejected, readings are only checked, no longer written.
                    if !options.skipBad && !report.isEmpty { pending.removeAll() }
                    if pending.count >= Self.readingBatch { try flush() }
                }
                func flush() throws {
                    newReadings += try OperationsStore.insertDiskReadings(pending, in: db)
                    pending.removeAll(keepingCapacity: true)
                }
                while var text = lines.next() {
                    lineNumber += 1
                    if lineNumber == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                    let trimmed = text.trimmedOfWhitespace()
                    if trimmed.isEmpty { continue }
                    var errors: [RowError] = []
                    defer {
                        if !errors.isEmpty { report.add(row: errors); badLines.append((lineNumber, trimmed, errors)) }
                    }
                    guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                        if !sawContent {
                            // Nothing valid yet: this is not an inspection file at all, say so once instead of per line.
                            throw ImportError.invalidJSONLines(url.path, "第 \(lineNumber) 行不是 JSON 对象 (line \(lineNumber) is not a JSON object)")
                        }
                        errors.append(RowError(location: .line(lineNumber), value: trimmed, reason: "不是 JSON 对象。 (not a JSON object)"))
                        continue
                    }
                    sawContent = true
                    if let header = object["run"] {
                        guard let run = Self.run(from: header, line: lineNumber, errors: &errors) else {
                            // Keep the findings that follow a bad header out of the previous run.
                            runs.append(ParsedRun(run: InspectionRun(startedAt: .distantPast, finishedAt: .distantPast, host: "?", center: "?"),
                                                  findings: [], headerIsBad: true))
                            continue
                        }
                        var parsed = ParsedRun(run: run, findings: [])
                        if let list = (header as? [String: Any])?["disk_samples"], !(list is NSNull) {
                            guard let items = list as? [Any] else {
                                errors.append(RowError(location: .line(lineNumber), column: "disk_samples",
                                                       reason: "disk_samples 必须是数组。 (disk_samples must be an array)"))
                                runs.append(ParsedRun(run: run, findings: [], headerIsBad: true))
                                continue
                            }
                            let carried = items.compactMap { Self.diskReading(from: $0, line: lineNumber, errors: &errors) }
                            if errors.isEmpty { try keep(carried) } else { parsed.headerIsBad = true }
                        }
                        runs.append(parsed)
                        continue
                    }
                    guard !runs.isEmpty else {
                        errors.append(RowError(location: .line(lineNumber), reason: "检查结果出现在 {\"run\": …} 头对象之前，无法确定属于哪次巡检。 (finding before the run header)"))
                        continue
                    }
                    if runs[runs.count - 1].headerIsBad {
                        errors.append(RowError(location: .line(lineNumber), reason: "所属巡检的 {\"run\": …} 头对象有误（见上），该结果随之拒绝。 (its run header is bad)"))
                        continue
                    }
                    if let sample = object["disk_sample"] {
                        if let reading = Self.diskReading(from: sample, line: lineNumber, errors: &errors) { try keep([reading]) }
                        continue
                    }
                    if let finding = Self.finding(from: object, line: lineNumber, errors: &errors) {
                        runs[runs.count - 1].findings.append(finding)
                    }
                }
                guard sawContent else { throw ImportError.emptyFile(url.path) }
                if runs.isEmpty {
                    throw ImportError.invalidJSONLines(url.path, "没有 {\"run\": …} 头对象 (no run header)")
                }
                if !report.isEmpty && !options.skipBad { return .rollback }
                summary.rejected = report.badRowCount
                summary.rowErrors = report
                if !badLines.isEmpty {
                    rejects = try RejectsFile(besides: url, header: ["行号", "内容"])
                    for bad in badLines { try rejects?.append(fields: [String(bad.line), bad.text], errors: bad.errors) }
                    rejects?.close()
                    summary.rejectsFile = rejects?.url
                }
                try flush()
                let good = runs.filter { !$0.headerIsBad }
                for var parsed in good {
                    if let stored = try OperationsStore.storedImportedInspection(like: parsed.run, in: db) {
                        parsed.run.id = stored.run.id
                        if stored.run == parsed.run && stored.findings == parsed.findings {
                            summary.unchanged += 1
                            continue
                        }
                        summary.updated += 1
                    } else {
                        parsed.run.id = try OperationsStore.freeRunID(parsed.run.id, in: db)
                        summary.inserted += 1
                    }
                    try OperationsStore.saveInspection(parsed.run, findings: parsed.findings, in: db)
                }
                summary.notes.append("共 \(good.count) 次巡检、\(good.reduce(0) { $0 + $1.findings.count }) 条检查结果（按巡检计数）")
                if readings > 0 {
                    summary.notes.append("磁盘采样 \(readings) 条，其中新增 \(newReadings) 条（已有的采样不重复保存）")
                }
                try summary.auditEntry(options: options).insert(db)
                return .commit
            }
        } catch {
            if let rejects { try? FileManager.default.removeItem(at: rejects.url) }
            throw error
        }
        if !report.isEmpty && !options.skipBad {
            throw ImportRejected(file: url.path, report: report, totalRows: lineNumber)
        }
        return summary
    }

    /// `{"host", "mount", "at", "total_bytes", "used_bytes"}` — one reading of another host's mount.
    static func diskReading(from value: Any, line: Int, errors: inout [RowError]) -> DiskReading? {
        guard let object = value as? [String: Any] else {
            errors.append(RowError(location: .line(line), column: "disk_sample", reason: "磁盘采样必须是对象。 (a disk sample must be an object)"))
            return nil
        }
        let before = errors.count
        func text(_ key: String) -> String? {
            guard let v = object[key] as? String, !v.isEmpty else {
                errors.append(RowError(location: .line(line), column: key, reason: "磁盘采样缺少 \(key)。 (missing \(key))"))
                return nil
            }
            return v
        }
        func bytes(_ key: String) -> Int64? {
            guard let n = object[key] as? NSNumber, n.doubleValue >= 0, n.doubleValue == n.doubleValue.rounded() else {
                errors.append(RowError(location: .line(line), column: key, value: object[key].map { "\($0)" },
                                       reason: "\(key) 应为非负整数（字节）。 (must be a non-negative integer)"))
                return nil
            }
            return n.int64Value
        }
        let host = text("host"), mount = text("mount"), atText = text("at")
        let total = bytes("total_bytes"), used = bytes("used_bytes")
        let at = atText.flatMap { BureauTime.parse($0) }
        if let atText, at == nil {
            errors.append(RowError(location: .line(line), column: "at", value: atText, reason: "无法识别的时间。 (unrecognised time)"))
        }
        guard errors.count == before, let host, let mount, let at, let total, let used else { return nil }
        return DiskReading(host: host, mount: mount, at: at, totalBytes: total, usedBytes: used, source: .import)
    }

    static func run(from value: Any, line: Int, errors: inout [RowError]) -> InspectionRun? {
        guard let object = value as? [String: Any] else {
            errors.append(RowError(location: .line(line), column: "run", reason: "run 必须是对象。 (run must be an object)"))
            return nil
        }
        func string(_ key: String, required: Bool) -> String? {
            let v = object[key] as? String
            if required && (v?.isEmpty ?? true) {
                errors.append(RowError(location: .line(line), column: key, reason: "缺少 \(key)。 (missing \(key))"))
            }
            return v
        }
        func time(_ key: String) -> Date? {
            guard let text = string(key, required: true) else { return nil }
            guard let d = BureauTime.parse(text) else {
                errors.append(RowError(location: .line(line), column: key, value: text, reason: "无法识别的时间。 (unrecognised time)"))
                return nil
            }
            return d
        }
        let started = time("started_at"), finished = time("finished_at")
        let host = string("host", required: true), center = string("center", required: true)
        if let started, let finished, finished < started {
            errors.append(RowError(location: .line(line), column: "finished_at", value: BureauTime.iso(finished),
                                   reason: "结束时间早于开始时间。 (finished before it started)"))
        }
        var checks: [String]?
        if let raw = object["checks"], !(raw is NSNull) {
            if let list = raw as? [String] {
                checks = list
            } else {
                errors.append(RowError(location: .line(line), column: "checks", value: "\(raw)",
                                       reason: "checks 应为检查项编号的字符串数组，如 [\"sync\",\"disk\"]。 (checks must be an array of check ids)"))
            }
        }
        var sites: [String]?
        if let raw = object["sites"], !(raw is NSNull) {
            if let list = raw as? [String], !list.isEmpty, !list.contains(where: { $0.isEmpty || $0.contains(",") }) {
                sites = Array(Set(list)).sorted()
            } else {
                errors.append(RowError(location: .line(line), column: "sites", value: "\(raw)",
                                       reason: "sites 应为站点编号的非空字符串数组，如 [\"branch-a\"]（check --site 的站点）。 (sites must be a non-empty array of site ids)"))
            }
        }
        guard errors.isEmpty, let started, let finished, let host, let center else { return nil }
        return InspectionRun(startedAt: started, finishedAt: finished, host: host, center: center,
                             window: object["window"] as? String, checks: checks,
                             coverageDetail: coverageDetail(of: object["coverage"] as? String, checks: checks), source: "import",
                             sites: sites)
    }

    /// The header's coverage sentence without the checks clause that ``InspectionRun/coverage`` puts back in
    /// front of it (the run keeps its checks as data). A sentence that does not start with exactly that clause
    /// (another tool's words) is kept whole.
    static func coverageDetail(of sentence: String?, checks: [String]?) -> String? {
        guard let sentence, let checks else { return sentence }
        let clause = InspectionRun.checksClause(checks)
        guard sentence.hasPrefix(clause) else { return sentence }
        let rest = sentence.dropFirst(clause.count)
        if rest.isEmpty { return nil }
        return rest.hasPrefix("；") ? String(rest.dropFirst()) : sentence
    }

    static func finding(from object: [String: Any], line: Int, errors: inout [RowError]) -> Finding? {
        func string(_ key: String, required: Bool = false) -> String? {
            let raw = object[key]
            if raw == nil || raw is NSNull {
                if required { errors.append(RowError(location: .line(line), column: key, reason: "缺少 \(key)。 (missing \(key))")) }
                return nil
            }
            guard let s = raw as? String else {
                errors.append(RowError(location: .line(line), column: key, value: String(describing: raw ?? ""), reason: "应为字符串。 (must be a string)"))
                return nil
            }
            if required && s.isEmpty { errors.append(RowError(location: .line(line), column: key, reason: "不能为空。 (empty)")) }
            return s
        }
        let check = string("check", required: true), code = string("code", required: true)
        let detail = string("detail", required: true)
        let severityText = string("severity", required: true)
        let severity = severityText.flatMap(Severity.init(rawValue:))
        if let severityText, severity == nil {
            errors.append(RowError(location: .line(line), column: "severity", value: severityText,
                                   reason: "严重程度应为 info、warning 或 critical。 (unknown severity)"))
        }
        if let check, CheckCatalog.definition(id: check) == nil {
            errors.append(RowError(location: .line(line), column: "check", value: check,
                                   reason: "未知的检查项 \(check)。可用的检查项: \(CheckCatalog.all.map(\.id).joined(separator: ", "))。 (unknown check id)"))
        } else if let code, CheckCatalog.definition(code: code) == nil {
            errors.append(RowError(location: .line(line), column: "code", value: code,
                                   reason: "未知的问题代码 \(code)，请对照检查项目录。 (unknown finding code)"))
        }
        if let code, let check, !code.hasPrefix(check + ".") {
            errors.append(RowError(location: .line(line), column: "code", value: code,
                                   reason: "代码 \(code) 不属于检查 \(check)。 (code does not belong to the check)"))
        }
        var query: Int64?
        if let q = object["query"], !(q is NSNull) {
            if let n = q as? NSNumber, n.doubleValue == n.doubleValue.rounded() { query = n.int64Value } else {
                errors.append(RowError(location: .line(line), column: "query", value: "\(q)", reason: "query 应为 query_log 的整数 id。 (query must be an integer id)"))
            }
        }
        let finding = Finding(check: check ?? "", code: code ?? "", severity: severity ?? .info,
                              site: string("site"), volume: string("volume"), uscc: string("uscc"),
                              detail: detail ?? "", query: query, host: string("host"),
                              mount: string("mount"), path: string("path"), params: params(object["params"]))
        return errors.isEmpty ? finding : nil
    }

    /// The finding's sentence as data, when the line carries one this version can read. A line without it
    /// (an older host) or with one it cannot read (a newer host's phrase) keeps its `detail`, which the
    /// pages then show: never a rejected line for a value that only improves the wording.
    static func params(_ raw: Any?) -> FindingMessage? {
        guard let raw, !(raw is NSNull), JSONSerialization.isValidJSONObject(raw),
              let data = try? JSONSerialization.data(withJSONObject: raw) else { return nil }
        return try? JSONDecoder().decode(FindingMessage.self, from: data)
    }
}
