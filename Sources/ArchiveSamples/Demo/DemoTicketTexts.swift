import ArchiveEngine
import Foundation

/// What the demo tickets say: for each 问题类别, realistic descriptions, the steps taken (处理过程) and the
/// outcome (处理结果), in the words the bureau's staff and the maintenance team use. Some texts span
/// several lines and hold commas and quotes, as real platform exports do.
enum DemoTicketTexts {
    struct Text {
        var description: String
        var actions: String
        var resolution: String
    }

    static func text(for category: TicketCategory, unit: String, _ rng: inout DemoRandom) -> Text {
        let kiosk = DemoNames.kiosk(&rng)
        let company = DemoNames.enterpriseName(&rng)
        let code = DemoNames.uscc(&rng)
        switch category {
        case .sync:
            return rng.pick([
                Text(description: "\(unit)存储中缺少\(company)（\(code)）的档案，自助终端可查到企业但无法调阅档案图像。",
                     actions: "1. 核对加工中心该企业案卷，文件完整；\n2. 检查同步日志，发现前一日同步任务因网络中断未完成；\n3. 手工补同步该案卷并重新校验哈希。",
                     resolution: "已补同步，终端可正常调阅。"),
                Text(description: "异地云备份昨夜同步任务失败，日志提示“连接超时”，涉及约 \(rng.int(30...400)) 个案卷。",
                     actions: "检查专线状态，发现备份链路丢包严重，联系运营商处理后重跑同步任务。",
                     resolution: "同步完成，巡检 sync.missing 消除。"),
                Text(description: "\(unit)反映部分新登记企业档案查询不到，怀疑分局未同步。",
                     actions: "核查分局存储，新案卷均在宽限期内，次日复查已全部同步。",
                     resolution: "属正常同步延迟，已向分局说明同步宽限期（24 小时）。"),
            ])
        case .seal:
            return rng.pick([
                Text(description: "\(company)的签章文件生成失败，打印出的档案没有电子签章。",
                     actions: "查看签章服务日志，签章证书链校验失败；更新中间证书后重新生成签章文件。",
                     resolution: "签章文件已重新生成并验签通过。"),
                Text(description: "签章文件生成积压，约 \(rng.int(50...600)) 卷超过 24 小时仍为待签章状态。",
                     actions: "1. 检查签章服务，发现签章进程挂起；\n2. 重启服务并观察队列；\n3. 积压于当日处理完毕。",
                     resolution: "积压已清空。"),
            ])
        case .efile:
            return rng.pick([
                Text(description: "电子文件生成失败，案卷状态为 failed，涉及\(company)。",
                     actions: "检查页面图像，第 \(rng.int(2...30)) 页 TIF 文件损坏；从扫描原件重新导出后重置状态重新生成。",
                     resolution: "电子文件已生成，页数核对一致。"),
                Text(description: "电子文件生成服务长时间“生成中”，超过 2 小时未完成。",
                     actions: "生成进程已崩溃但状态未回写，重置为 pending 后重新生成。",
                     resolution: "已恢复。"),
            ])
        case .disk:
            return rng.pick([
                Text(description: "市局数据中心存储服务器 dc-store 的 /data 分区使用率达到 \(rng.int(85...94))%，请评估扩容。",
                     actions: "清理过期临时文件与日志，释放约 \(rng.int(80...400)) GB；\n提交扩容建议（按近一年增长速度预计 \(rng.int(3...9)) 个月写满）。",
                     resolution: "使用率降至 \(rng.int(70...79))%，扩容建议已提交。"),
                Text(description: "\(unit)前置机磁盘空间不足，档案同步写入失败。",
                     actions: "清理前置机缓存目录，调整日志保留天数为 30 天。",
                     resolution: "空间恢复，同步正常。"),
            ])
        case .notfound:
            let id = DemoNames.idCardNumber(&rng), phone = DemoNames.mobileNumber(&rng)
            return rng.pick([
                Text(description: "群众在\(kiosk)查询“\(company)”提示查无结果，企业称已登记多年。",
                     actions: "核查目录，该企业曾用名为“\(DemoNames.enterpriseName(&rng))”，群众输入的是旧名称；已在终端提示中增加“可按曾用名查询”。",
                     resolution: "已指导群众按统一社会信用代码查询，查询成功。"),
                Text(description: "市民（身份证号 \(id)，手机 \(phone)）在\(kiosk)输入统一社会信用代码查询不到档案。",
                     actions: "核对输入代码，校验位错误（输错一位），与目录中 \(code) 仅差一个字符。",
                     resolution: "已电话告知正确代码，查询成功。"),
                Text(description: "\(unit)窗口查询\(company)档案查无结果。",
                     actions: "目录中无该企业，经核实属外市登记企业，不在本中心档案范围。",
                     resolution: "已告知群众到登记地查询。"),
            ])
        case .anomaly:
            return rng.pick([
                Text(description: "\(company)档案卷错乱：第 2 卷内容实为另一企业的变更登记材料。",
                     actions: "1. 比对 metadata.xml 与目录，确认档案卷错放；\n2. 通知加工中心重新归卷；\n3. 复核其余各卷。",
                     resolution: "已重新归卷，复核无误。"),
                Text(description: "案卷长时间处于锁定状态，工作站无法编辑，疑因网络中断导致异常锁定。",
                     actions: "确认锁定工作站已离线超过 30 分钟，解除锁定。",
                     resolution: "已解锁，可正常编辑。"),
            ])
        case .kiosk:
            return rng.pick([
                Text(description: "\(unit)自助终端 \(kiosk) 黑屏，无法查询。",
                     actions: "到场检查，电源适配器损坏，更换备件后开机自检正常。",
                     resolution: "终端恢复使用。"),
                Text(description: "\(kiosk)触摸屏失灵，点击位置偏移，\n群众无法输入企业名称。",
                     actions: "重新校准触摸屏；校准后仍偏移，更换触摸屏控制线。",
                     resolution: "已修复。"),
                Text(description: "\(kiosk)打印档案时卡纸，打印机报错“E-12”。",
                     actions: "清理卡纸，更换定影组件，打印测试页 5 张正常。",
                     resolution: "打印恢复正常。"),
            ])
        case .install:
            return Text(description: "\(unit)新增自助终端 \(kiosk)，需安装查询系统并联调。",
                        actions: "1. 安装操作系统补丁与查询客户端；\n2. 配置终端编号、网络与打印机；\n3. 联调查询、打印、签章验证。",
                        resolution: "安装调试完成，已交付使用。")
        case .training:
            return Text(description: "\(unit)新入职窗口人员 \(rng.int(2...8)) 名，需要档案查询系统使用培训。",
                        actions: "现场培训：终端查询、查无结果处理流程、常见故障报修方式；发放培训手册。",
                        resolution: "培训完成，签到表已归档。")
        case .hardware:
            return Text(description: "\(unit)咨询：档案查询量增长，现有 \(rng.int(2...6)) 台终端排队严重，是否需要增配终端及服务器。",
                        actions: "统计该单位近三个月查询量与高峰时段，结合服务器负载给出配置建议。",
                        resolution: "已提交硬件配置建议书。")
        case .other:
            return rng.pick([
                Text(description: "\(unit)询问档案查询系统年度巡检报告的获取方式。",
                         actions: "说明报告站点位置，并发送上月运维报告。", resolution: "已答复。"),
                Text(description: "\(unit)网络调整后，终端访问档案服务器变慢，请协助排查。",
                         actions: "抓包分析，发现 DNS 指向错误，已配合网络管理员修正。", resolution: "访问速度恢复。"),
            ])
        }
    }

    /// The one ticket whose description holds HTML-like text, so the site's escaping is exercised.
    static func markupProbe(_ rng: inout DemoRandom) -> Text {
        Text(description: "\(DemoNames.kiosk(&rng))查询结果页面出现异常文字<script>alert(1)</script>，疑似输入内容未过滤。",
             actions: "检查终端页面，确认为查询框输入内容原样回显；\n已通知开发方修复转义问题，临时关闭回显。",
             resolution: "开发方已发布修复版本，复测正常。")
    }

    /// A ticket quoting a citizen's (synthetic) ID-card and mobile numbers, as reporters often do, so the
    /// site's masking of personal data is exercised.
    static func personalData(unit: String, _ rng: inout DemoRandom) -> Text {
        let id = DemoNames.idCardNumber(&rng), phone = DemoNames.mobileNumber(&rng)
        let company = DemoNames.enterpriseName(&rng)
        return Text(description: "市民（身份证号 \(id)，手机 \(phone)）在\(unit)自助终端查询“\(company)”档案，提示查无结果，要求回电。",
                    actions: "核查目录，企业已更名，群众输入的是曾用名；\n已按手机 \(phone) 回电告知按新名称或统一社会信用代码查询。",
                    resolution: "群众已查询成功。")
    }
}
