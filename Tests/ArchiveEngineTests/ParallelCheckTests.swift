#if canImport(Glibc)
import Glibc
#endif
@testable import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// `check` spreads the file checks over the cores; the answer must not depend on how many: the same
/// findings (every field, detail text included) in the same order, the same notes and the same coverage
/// sentence as one worker, on the sample center with every fault injected and on a larger generated one.
final class ParallelCheckTests: XCTestCase {
    private func run(_ center: SampleCenterFixtures.Center, workers: Int, batchSize: Int = 256, full: Bool = true,
                     checkTypes: [any Check.Type] = CheckCatalog.checkTypes, nice: Int32? = nil,
                     maxReadMBps: Double? = nil) throws -> InspectionReport {
        var options = center.inspectionOptions(full: full)
        options.recordedStart = SampleCenterFixtures.inspection
        options.workers = workers
        options.batchSize = batchSize
        options.nice = nice
        options.maxReadMBps = maxReadMBps
        return try InspectionRunner.run(options, store: OperationsStore.inMemory(), checkTypes: checkTypes)
    }

    private func assertSameAnswer(_ a: InspectionReport, _ b: InspectionReport, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.findings, b.findings, "findings differ", file: file, line: line)
        XCTAssertEqual(a.findings.map(\.detail), b.findings.map(\.detail), file: file, line: line)
        XCTAssertEqual(a.notes, b.notes, file: file, line: line)
        XCTAssertEqual(a.run.coverageDetail, b.run.coverageDetail, file: file, line: line)
        XCTAssertEqual(a.exitCode, b.exitCode, file: file, line: line)
    }

    func testEveryFaultIsReportedTheSameWayByOneWorkerAndByMany() throws {
        let center = try SampleCenterFixtures.faulty.get()
        let one = try run(center, workers: 1)
        XCTAssertEqual(Set(one.findings.map(\.code)), Set(center.manifest.injected.map(\.code)))
        for workers in [2, 3, 8] {
            // Small batches cut enterprises across batches and slices across workers.
            assertSameAnswer(one, try run(center, workers: workers, batchSize: 7))
            assertSameAnswer(one, try run(center, workers: workers))
        }
    }

    func testALargerCenterGivesTheSameFindingsInTheSameOrderWithTwoWorkers() throws {
        let center = try SampleCenterFixtures.make(
            SampleCenterFixtures.options(enterprises: 240, seed: "parallel-large", faults: SampleCenterOptions.uniformFaults(3)))
        defer { try? FileManager.default.removeItem(at: center.root.deletingLastPathComponent()) }
        let one = try run(center, workers: 1, batchSize: 64)
        XCTAssertGreaterThan(one.findings.count, 20)
        assertSameAnswer(one, try run(center, workers: 2, batchSize: 64))
        assertSameAnswer(one, try run(center, workers: 4, batchSize: 33))
        // The incremental morning run, too.
        assertSameAnswer(try run(center, workers: 1, full: false), try run(center, workers: 2, full: false))
    }

    func testEveryWorkerThreadRunsAtTheNiceValue() throws {
        let center = try SampleCenterFixtures.clean.get()
        PriorityProbe.seen.reset()
        // On a thread of its own: the calling thread works too and keeps its lowered priority afterwards.
        final class Outcome: @unchecked Sendable { var result: Result<InspectionReport, Error>? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.result = Result { try self.run(center, workers: 2, batchSize: 4, checkTypes: [PriorityProbe.self], nice: 7) }
            done.signal()
        }
        done.wait()
        _ = try XCTUnwrap(outcome.result).get()
        let seen = PriorityProbe.seen.values
        XCTAssertFalse(seen.isEmpty)
        XCTAssertEqual(Set(seen).min() ?? 0, 7, "a worker ran at nice \(seen)")
    }

    func testTheReadRateCapHoldsForAllWorkersTogether() throws {
        let center = try SampleCenterFixtures.clean.get()
        let unthrottled = try run(center, workers: 2, checkTypes: [FixityCheck.self])
        XCTAssertGreaterThan(unthrottled.bytesRead, 100_000)
        // A cap at which the whole read takes one second: two workers must not read twice as fast.
        let cap = Double(unthrottled.bytesRead) / 1_000_000
        let start = Date()
        let capped = try run(center, workers: 2, checkTypes: [FixityCheck.self], maxReadMBps: cap)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(capped.bytesRead, unthrottled.bytesRead)
        XCTAssertGreaterThan(elapsed, 0.9, "read \(capped.bytesRead) bytes in \(elapsed) s at a cap of \(cap) MB/s")
        assertSameAnswer(unthrottled, capped)
    }
}

/// A file check that only records the nice value of the thread it runs on.
private struct PriorityProbe: Check {
    static let definition = CheckDefinition(id: "probe", name: "线程优先级探针", englishName: "Priority probe",
                                            summary: "用于测试。", ticketCategory: .other, codes: Code.self)

    enum Code: String, FindingCode {
        case none = "probe.none"

        var definition: FindingCodeDefinition {
            describe(title: "探针", severity: .info, meaning: "用于测试。", causes: ["测试"], resolution: ["无需处理"])
        }
    }

    static let readsFiles = true
    static let seen = Recorder()

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int32] = []
        func add(_ v: Int32) { lock.lock(); list.append(v); lock.unlock() }
        func reset() { lock.lock(); list = []; lock.unlock() }
        var values: [Int32] { lock.lock(); defer { lock.unlock() }; return list }
    }

    func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        Self.seen.add(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
        Thread.sleep(forTimeInterval: 0.005)
        return []
    }
}
