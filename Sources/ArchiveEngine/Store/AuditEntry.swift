import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB

/// One line of the audit trail (操作记录). The contract's 规范性原则 requires a record of every operation:
/// who ran which command, when, on which file (with its SHA-256, so the exact input can be proven later),
/// and what it changed.
public struct AuditEntry: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"

    public var id: Int64?
    public var at: String
    public var actor: String
    public var command: String
    public var file: String?
    public var fileSHA256: String?
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case id, at, actor, command, file, summary
        case fileSHA256 = "file_sha256"
    }

    public init(at: Date, actor: String = AuditEntry.currentActor, command: String, file: String? = nil,
                fileSHA256: String? = nil, summary: String) {
        self.at = BureauTime.iso(at); self.actor = actor; self.command = command
        self.file = file; self.fileSHA256 = fileSHA256; self.summary = summary
    }

    /// `user@host` of the process. Cron and systemd often run without `USER`, so the account name is
    /// looked up from the process's uid when the environment does not say.
    public static var currentActor: String {
        let env = ProcessInfo.processInfo.environment
        var user = env["USER"] ?? env["LOGNAME"]
        if user == nil, let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            user = String(cString: name)
        }
        return "\(user ?? "uid-\(getuid())")@\(ProcessInfo.processInfo.hostName)"
    }
}
