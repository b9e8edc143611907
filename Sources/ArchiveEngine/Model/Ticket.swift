import Foundation

/// A maintenance ticket (运维任务单) from the unified fault-reporting platform (统一报障平台).
///
/// The contract's service levels are judged per ticket, so the SLA facts (response, on-site and
/// resolution minutes, whether the 1-hour on-site rule for 特急 was met) are computed once at import and
/// stored with the row: every report reads the same numbers.
public struct Ticket: Codable, Hashable, Sendable {
    public var id: String
    public var reportedAt: Date
    public var unit: String?
    public var reporter: String?
    public var category: TicketCategory
    public var priority: TicketPriority
    public var description: String
    public var respondedAt: Date?
    public var onsiteAt: Date?
    public var resolvedAt: Date?
    public var actions: String?
    public var resolution: String?
    public var engineer: String?
    public var status: TicketStatus

    public init(
        id: String, reportedAt: Date, unit: String? = nil, reporter: String? = nil,
        category: TicketCategory, priority: TicketPriority, description: String,
        respondedAt: Date? = nil, onsiteAt: Date? = nil, resolvedAt: Date? = nil,
        actions: String? = nil, resolution: String? = nil, engineer: String? = nil,
        status: TicketStatus
    ) {
        self.id = id; self.reportedAt = reportedAt; self.unit = unit; self.reporter = reporter
        self.category = category; self.priority = priority; self.description = description
        self.respondedAt = respondedAt; self.onsiteAt = onsiteAt; self.resolvedAt = resolvedAt
        self.actions = actions; self.resolution = resolution; self.engineer = engineer; self.status = status
    }
}

/// 问题类别 — the ticket categories of the platform, with the English alias used in files and URLs.
public enum TicketCategory: String, Codable, CaseIterable, Sendable {
    case sync, seal, efile, disk, notfound, anomaly, kiosk, install, training, hardware, other

    public var chineseName: String {
        switch self {
        case .sync: "档案同步"
        case .seal: "签章文件"
        case .efile: "电子文件生成"
        case .disk: "服务器空间"
        case .notfound: "查询不到档案"
        case .anomaly: "异常数据"
        case .kiosk: "查询终端故障"
        case .install: "安装调试"
        case .training: "业务培训"
        case .hardware: "硬件咨询"
        case .other: "其他"
        }
    }

    /// Accepts the Chinese name or the alias, as the import spec requires.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let c = TicketCategory(rawValue: t.lowercased()) { self = c; return }
        guard let c = TicketCategory.allCases.first(where: { $0.chineseName == t }) else { return nil }
        self = c
    }
}

/// 紧急程度 — 一般 / 紧急 / 特急.
public enum TicketPriority: String, Codable, CaseIterable, Sendable {
    case normal, urgent, critical

    public var chineseName: String {
        switch self {
        case .normal: "一般"
        case .urgent: "紧急"
        case .critical: "特急"
        }
    }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let p = TicketPriority(rawValue: t.lowercased()) { self = p; return }
        guard let p = TicketPriority.allCases.first(where: { $0.chineseName == t }) else { return nil }
        self = p
    }
}

/// 状态 — 待处理 / 处理中 / 已解决 / 已关闭.
public enum TicketStatus: String, Codable, CaseIterable, Sendable {
    case open
    case inProgress = "in_progress"
    case resolved, closed

    public var chineseName: String {
        switch self {
        case .open: "待处理"
        case .inProgress: "处理中"
        case .resolved: "已解决"
        case .closed: "已关闭"
        }
    }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let s = TicketStatus(rawValue: t.lowercased()) { self = s; return }
        guard let s = TicketStatus.allCases.first(where: { $0.chineseName == t }) else { return nil }
        self = s
    }
}
