import Foundation

/// What one comparison runs on and how gently it reads.
public struct ComparisonOptions: Sendable {
    public var old: ComparisonSide
    public var new: ComparisonSide
    /// PEM text of the trusted seal certificate; without it only a removed signature is recognised.
    public var sealCertificatePEM: String?
    /// Read-rate cap in MB/s over both sides together; nil is unthrottled.
    public var maxReadMBps: Double?
    /// Start afresh even when an interrupted comparison of the same sides could be resumed.
    public var restart = false
    public var host: String = ProcessInfo.processInfo.hostName
    /// The start time recorded (the demo's and the tests' fixed clock); nil records the wall clock.
    public var recordedStart: Date?
    /// Enterprise folders per committed batch.
    public var batchSize = 32
    /// Enterprise folders compared at once (`--jobs`): each worker reads both sides of its own folders, so
    /// on a store of small files the system calls of one worker overlap the waits of another. The result
    /// does not depend on it.
    public var workers = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    /// Stops the run (as an interruption would) after this many committed batches.
    var stopAfterBatches: Int?

    public init(old: ComparisonSide, new: ComparisonSide) {
        self.old = old
        self.new = new
    }

    /// What was compared, as a resumed run must match it: both sides, their sites and catalogs, and whether
    /// seals are verified (which changes the causes given).
    var key: String {
        func side(_ s: ComparisonSide) -> String {
            s.catalogPath + "|" + s.sites.map { "\($0.id)=\($0.root)" }.joined(separator: ",")
        }
        return side(old) + "||" + side(new) + "||seal=" + (sealCertificatePEM == nil ? "no" : "yes")
    }
}
