import Foundation
import Yams

/// The workspace configuration file (`archive-ops.yaml`): where the center snapshot is, which seal
/// certificate to trust, which mounts to watch, and every threshold of the contract. Every key is optional;
/// a missing key takes the contract's default, so an old file keeps working when keys are added.
public struct WorkspaceConfiguration: Codable, Equatable, Sendable {
    /// Path of the center snapshot (`catalog.sqlite` + `stores/`); relative paths are relative to the workspace.
    public var center: String?
    /// PEM file of the bureau's trusted seal certificate; relative to the workspace.
    public var sealCertificate: String?
    /// Mount points on the inspecting host judged by statvfs (disk.usage).
    public var mounts: [String]
    /// Folders outside the center under which a site's store root may lie (`site.root` pointing at a
    /// mount of its own); relative to the workspace. Any other root outside the center is refused.
    public var storeRoots: [String] = []
    public var thresholds: Thresholds
    public var sla: ServiceLevels
    /// The maintenance contract named in acceptance bundles (验收材料).
    public var contract: ContractSettings?
    /// PEM certificate of the maintenance team, which signs acceptance bundles; relative to the workspace.
    public var teamCertificate: String?
    /// PEM private key belonging to `teamCertificate`; keep it readable by the operator account only.
    public var teamKey: String?
    /// The 08:30 deadline of the daily inspection and the days it applies to.
    public var inspectionDeadline: InspectionDeadline
    /// 硬件清单 for the sizing advice; empty when the file has no `hardware:` key.
    public var hardware: HardwareInventory

    public init(center: String? = nil, sealCertificate: String? = nil, mounts: [String] = [],
                thresholds: Thresholds = .init(), sla: ServiceLevels = .init(), contract: ContractSettings? = nil,
                teamCertificate: String? = nil, teamKey: String? = nil, inspectionDeadline: InspectionDeadline = .init(),
                hardware: HardwareInventory = .init()) {
        self.center = center; self.sealCertificate = sealCertificate; self.mounts = mounts
        self.thresholds = thresholds; self.sla = sla
        self.contract = contract; self.teamCertificate = teamCertificate; self.teamKey = teamKey
        self.inspectionDeadline = inspectionDeadline
        self.hardware = hardware
    }

    enum CodingKeys: String, CodingKey {
        case center, mounts, thresholds, sla, contract, hardware
        case sealCertificate = "seal_certificate"
        case teamCertificate = "team_certificate"
        case teamKey = "team_key"
        case inspectionDeadline = "inspection_deadline"
        case storeRoots = "store_roots"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        center = try c.decodeIfPresent(String.self, forKey: .center)
        sealCertificate = try c.decodeIfPresent(String.self, forKey: .sealCertificate)
        mounts = try c.decodeIfPresent([String].self, forKey: .mounts) ?? []
        storeRoots = try c.decodeIfPresent([String].self, forKey: .storeRoots) ?? []
        thresholds = try c.decodeIfPresent(Thresholds.self, forKey: .thresholds) ?? .init()
        sla = try c.decodeIfPresent(ServiceLevels.self, forKey: .sla) ?? .init()
        contract = try c.decodeIfPresent(ContractSettings.self, forKey: .contract)
        teamCertificate = try c.decodeIfPresent(String.self, forKey: .teamCertificate)
        teamKey = try c.decodeIfPresent(String.self, forKey: .teamKey)
        inspectionDeadline = try c.decodeIfPresent(InspectionDeadline.self, forKey: .inspectionDeadline) ?? .init()
        hardware = try c.decodeIfPresent(HardwareInventory.self, forKey: .hardware) ?? .init()
    }

    /// Reads a configuration file; a YAML error names the file and says what to do.
    public static func load(from url: URL) throws -> WorkspaceConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError.unreadable(url.path, "\(error.localizedDescription)")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return WorkspaceConfiguration() }
        return try parse(text, file: url.path)
    }

    /// Parses the file's text; a wrong value or an unknown `hardware` key is reported with its key path
    /// and line (`第 12 行 hardware.servers[0].raid: …`).
    public static func parse(_ text: String, file: String) throws -> WorkspaceConfiguration {
        let configuration: WorkspaceConfiguration
        do {
            configuration = try YAMLDecoder().decode(WorkspaceConfiguration.self, from: text)
        } catch {
            if let issue = ConfigurationDocument(text: text).issue(for: error) {
                throw ConfigurationError.invalidEntries(file, [issue])
            }
            throw ConfigurationError.invalid(file, "\(error)")
        }
        let document = ConfigurationDocument(text: text)
        let issues = HardwareInventory.unknownKeys(in: document) + configuration.hardware.problems().map {
            ConfigurationIssue(line: document.line(of: $0.path), key: ConfigurationKey.display($0.path), message: $0.message)
        }
        if !issues.isEmpty {
            throw ConfigurationError.invalidEntries(file, issues.sorted { ($0.line ?? 0, $0.key) < ($1.line ?? 0, $1.key) })
        }
        return configuration
    }
}

/// The contract's thresholds (all configurable; defaults from `spec/archive-center.md`).
public struct Thresholds: Codable, Equatable, Sendable {
    public var syncGraceHours: Double = 24
    public var efileStuckHours: Double = 2
    public var efileBacklogHours: Double = 24
    public var sealBacklogHours: Double = 24
    public var diskWarningPercent: Double = 80
    public var diskCriticalPercent: Double = 90
    public var forecastWarningDays: Double = 90
    public var forecastCriticalDays: Double = 30
    public var staleLockMinutes: Double = 30
    public var fixityCycleDays: Int = 30
    /// How long a run waits for a writer's lock on a live catalog before it ends UNKNOWN (seconds).
    public var catalogLockWaitSeconds: Double = 10

    public init() {}

    enum CodingKeys: String, CodingKey {
        case syncGraceHours = "sync_grace_hours"
        case efileStuckHours = "efile_stuck_hours"
        case efileBacklogHours = "efile_backlog_hours"
        case sealBacklogHours = "seal_backlog_hours"
        case diskWarningPercent = "disk_warning_percent"
        case diskCriticalPercent = "disk_critical_percent"
        case forecastWarningDays = "forecast_warning_days"
        case forecastCriticalDays = "forecast_critical_days"
        case staleLockMinutes = "stale_lock_minutes"
        case fixityCycleDays = "fixity_cycle_days"
        case catalogLockWaitSeconds = "catalog_lock_wait_seconds"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Thresholds()
        syncGraceHours = try c.decodeIfPresent(Double.self, forKey: .syncGraceHours) ?? d.syncGraceHours
        efileStuckHours = try c.decodeIfPresent(Double.self, forKey: .efileStuckHours) ?? d.efileStuckHours
        efileBacklogHours = try c.decodeIfPresent(Double.self, forKey: .efileBacklogHours) ?? d.efileBacklogHours
        sealBacklogHours = try c.decodeIfPresent(Double.self, forKey: .sealBacklogHours) ?? d.sealBacklogHours
        diskWarningPercent = try c.decodeIfPresent(Double.self, forKey: .diskWarningPercent) ?? d.diskWarningPercent
        diskCriticalPercent = try c.decodeIfPresent(Double.self, forKey: .diskCriticalPercent) ?? d.diskCriticalPercent
        forecastWarningDays = try c.decodeIfPresent(Double.self, forKey: .forecastWarningDays) ?? d.forecastWarningDays
        forecastCriticalDays = try c.decodeIfPresent(Double.self, forKey: .forecastCriticalDays) ?? d.forecastCriticalDays
        staleLockMinutes = try c.decodeIfPresent(Double.self, forKey: .staleLockMinutes) ?? d.staleLockMinutes
        fixityCycleDays = try c.decodeIfPresent(Int.self, forKey: .fixityCycleDays) ?? d.fixityCycleDays
        catalogLockWaitSeconds = try c.decodeIfPresent(Double.self, forKey: .catalogLockWaitSeconds) ?? d.catalogLockWaitSeconds
    }
}

/// The maintenance contract's service levels (服务级别): respond at once (default target 15 min); for
/// 特急 an engineer on site within 1 hour.
public struct ServiceLevels: Codable, Equatable, Sendable {
    public var responseMinutes: Double = 15
    public var criticalOnsiteMinutes: Double = 60

    public init() {}

    enum CodingKeys: String, CodingKey {
        case responseMinutes = "response_minutes"
        case criticalOnsiteMinutes = "critical_onsite_minutes"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        responseMinutes = try c.decodeIfPresent(Double.self, forKey: .responseMinutes) ?? 15
        criticalOnsiteMinutes = try c.decodeIfPresent(Double.self, forKey: .criticalOnsiteMinutes) ?? 60
    }
}

/// The maintenance contract as acceptance bundles name it (合同名称、合同编号).
public struct ContractSettings: Codable, Equatable, Sendable {
    public var name: String
    public var number: String

    public init(name: String, number: String) { self.name = name; self.number = number }
}

public enum ConfigurationError: Error, CustomStringConvertible, Sendable {
    case unreadable(String, String)
    case invalid(String, String)
    /// Values that are wrong at known keys, each with its line.
    case invalidEntries(String, [ConfigurationIssue])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "无法读取配置文件 \(path): \(reason)。请运行 archive-ops init 生成配置文件。 (cannot read configuration)"
        case .invalid(let path, let reason):
            "配置文件 \(path) 格式错误: \(reason)。请对照 archive-ops init 生成的带注释模板修改。 (invalid configuration)"
        case .invalidEntries(let path, let issues):
            "配置文件 \(path) 有 \(issues.count) 处错误：\n" + issues.map { "  \(path) \($0)" }.joined(separator: "\n")
                + "\n请对照 archive-ops init 生成的带注释模板修改。 (invalid configuration)"
        }
    }
}
