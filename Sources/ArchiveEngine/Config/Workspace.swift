import Foundation

/// A workspace (工作目录): one folder holding the configuration file, the operations database and the
/// generated site. Run from the repository root, its `Output/` is the design card's top-level one.
public struct Workspace: Sendable {
    public static let configurationFileName = "archive-ops.yaml"
    public static let databaseFileName = "archive-ops.sqlite"

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var configurationURL: URL { root.appendingPathComponent(Self.configurationFileName) }
    public var databaseURL: URL { root.appendingPathComponent(Self.databaseFileName) }
    public var outputURL: URL { root.appendingPathComponent("Output", isDirectory: true) }
    /// The workspace's own templates, overriding the built-in theme file by file.
    public var templatesURL: URL { root.appendingPathComponent("Templates", isDirectory: true) }
    /// The workspace's own manuals, overriding the built-in training content file by file.
    public var contentURL: URL { root.appendingPathComponent("Content", isDirectory: true) }

    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: configurationURL.path)
    }

    /// Resolves a path from the configuration: absolute as is, relative to the workspace otherwise.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    /// The configuration, or the defaults when the workspace has no file yet.
    public func configuration() throws -> WorkspaceConfiguration {
        isInitialized ? try WorkspaceConfiguration.load(from: configurationURL) : WorkspaceConfiguration()
    }

    /// Opens the operations database of this workspace (creating and migrating it when needed).
    public func openStore() throws -> OperationsStore {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return try OperationsStore.open(at: databaseURL)
    }

    /// Creates the folder, a commented configuration file (kept if present) and the database.
    @discardableResult
    public func initialize() throws -> Bool {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        var created = false
        if !fm.fileExists(atPath: configurationURL.path) {
            try Data(WorkspaceConfiguration.commentedTemplate.utf8).write(to: configurationURL, options: .atomic)
            created = true
        }
        _ = try openStore()
        return created
    }
}

extension WorkspaceConfiguration {
    /// The configuration file `archive-ops init` writes: every key with its default and what it means.
    public static let commentedTemplate = """
    # ArchiveOps 工作目录配置 (workspace configuration)
    # 每个键都可以省略，省略时使用合同约定的默认值。Every key is optional; defaults follow the contract.

    # 中心快照目录：catalog.sqlite 与 stores/ 所在目录（相对路径相对于本工作目录）。
    # The center snapshot (catalog.sqlite + stores/), relative to this workspace.
    # center: /mnt/archive-center

    # 受信任的签章证书（PEM）。Trusted seal certificate used to verify volume.sealed.pdf.
    # seal_certificate: seal.pem

    # 本机需要监控空间的挂载点 (statvfs)。Mounts on this host watched for disk.usage.
    mounts: []

    # 允许的站点存储根目录：目录表 site.root 指向中心目录之外时，只有位于这些目录之下才会被读取，
    # 否则该站点记为 UNKNOWN 且不列出。Store roots outside the center that site.root may point under.
    store_roots: []

    # 巡检阈值 (inspection thresholds)
    thresholds:
      sync_grace_hours: 24        # 新案卷同步宽限期（小时）
      efile_stuck_hours: 2        # 电子文件“生成中”超过该时长视为卡住
      efile_backlog_hours: 24     # 电子文件待生成积压阈值
      seal_backlog_hours: 24      # 签章文件待生成积压阈值
      disk_warning_percent: 80    # 磁盘使用率警告
      disk_critical_percent: 90   # 磁盘使用率严重
      forecast_warning_days: 90   # 预计写满天数：警告
      forecast_critical_days: 30  # 预计写满天数：严重
      stale_lock_minutes: 30      # 异常锁定（分钟）
      fixity_cycle_days: 30       # 全部文件重新校验一轮的周期（天）
      catalog_lock_wait_seconds: 10  # 目录数据库正被写入时等待锁的秒数，超时则本次巡检为 UNKNOWN

    # 服务级别 (contract service levels)
    sla:
      response_minutes: 15        # 响应时限（分钟）
      critical_onsite_minutes: 60 # 特急工单到场时限（分钟）

    # 验收材料 (acceptance bundles): archive-ops archive 写入清单的合同信息，以及签名用的团队证书与私钥。
    # Contract named in bundles; the team's certificate and key that sign them (PEM, relative to this workspace).
    # contract:
    #   name: 企业电子档案资源共享中心运维服务
    #   number: DG-YW-2022-001
    # team_certificate: team.pem
    # team_key: team-key.pem      # 私钥：只允许运维账号读取 (chmod 600)

    # 每日巡检截止时间 (daily inspection deadline)：合同要求“每天 8 点 30 分之前”完成巡检。
    # 首页显示当天按时 / 迟 N 分钟 / 未巡检，月度总结显示按时率及迟到、缺失的日期。
    inspection_deadline:
      time: "08:30"               # 截止时刻（北京时间，24 小时制）
      weekdays: [1, 2, 3, 4, 5, 6, 7]  # 需要巡检的星期（1=周一 … 7=周日）；只在工作日巡检时改为 [1, 2, 3, 4, 5]
      holidays: []                # 不需巡检的节假日，例如 [2023-06-22, 2023-06-23]
      extra_working_days: []      # 调休上班、需要巡检的日期，例如 [2023-06-25]

    # 硬件清单 (hardware inventory)：硬件选型建议页（archive-ops sizing）拿它与容量预测、查询负载对比。
    # 没填的项目在建议页上标为“清单未填写”，不会被猜测。去掉下面各行开头的 “# ” 并改成实际设备即可。
    # The inventory the sizing advice compares with the forecasts; uncomment and edit. Missing items are marked.
    # hardware:
    #   servers:                       # 服务器
    #     - name: dc-store-01          # 主机名，与磁盘采样 (disk_sample) 的 host 一致
    #       role: 档案存储              # 用途
    #       site: dc                   # 所在站点（目录库 site.id）
    #       model: 浪潮 NF5280M6
    #       cpu: Intel Xeon Silver 4314 ×2
    #       cores: 32                  # 物理核心总数
    #       ram_gb: 128
    #       raid: raid6                # none | raid0 | raid1 | raid5 | raid6 | raid10
    #       disks:
    #         - { count: 12, size_tb: 16, kind: hdd, interface: SAS }
    #       network: 2 × 10GbE
    #       os: 银河麒麟 V10
    #   storage:                       # 各站点档案存储 (storage per site)
    #     - site: dc
    #       host: dc-store-01
    #       mount: /archive
    #       raid: raid6
    #       raid_disks: 12             # RAID 组的盘数（RAID 5/6 的校验开销按它计算）
    #       copies: 2                  # 本站点保存的份数：主存储 1 + 本地备份 1
    #   clients:                       # 业务客户端计算机（同型号为一组）
    #     - name: 档案查询工作站
    #       count: 30
    #       model: 联想 开天 M740J
    #       cpu: 兆芯 KX-U6780A
    #       cores: 8
    #       ram_gb: 16
    #       disk_gb: 512
    #       os: 统信 UOS 20
    #       interfaces: [USB 3.0, USB 2.0, 千兆网口, HDMI]
    #   kiosks:                        # 自助查询终端
    #     - name: 自助查询一体机
    #       count: 40
    #       cores: 4
    #       ram_gb: 8
    #       disk_gb: 128
    #       os: Windows 10 IoT
    #       interfaces: [USB 2.0, 千兆网口, RS-232]
    #   printers:                      # 高速打印机
    #     - model: 柯尼卡美能达 bizhub 958
    #       count: 6
    #       pages_per_minute: 95
    #       interfaces: [千兆网口, USB 2.0]
    #       drivers: [Windows, 统信 UOS]   # 厂商提供驱动的操作系统
    #       attached_to: 档案查询工作站      # 连接的客户端或终端组（上面的 name）
    #   id_card_readers:               # 二代身份证阅读器
    #     - model: 华视电子 CVR-100UC
    #       count: 40
    #       interfaces: [USB]
    #       drivers: [Windows, 统信 UOS]
    #       attached_to: 自助查询一体机

    """
}
