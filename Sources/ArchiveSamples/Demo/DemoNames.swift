import ArchiveEngine
import Foundation

/// Names for the demo's sample data: the bureau's units, its staff and the maintenance team, synthetic
/// enterprises with valid-looking codes, and synthetic personal numbers. Every person and number here is
/// made up; the ID-card and mobile numbers use obviously synthetic patterns so masking can be shown
/// without any real person's data.
public enum DemoNames {
    /// 报障单位 — the units that report faults, weighted roughly by how many kiosks and staff they have.
    static let units: [(String, Double)] = [
        ("市局登记注册科", 3), ("市局信息中心", 2), ("行政服务中心", 4), ("虎门分局", 3), ("长安分局", 3),
        ("塘厦分局", 2), ("常平分局", 2), ("厚街分局", 2), ("南城分局", 2), ("东城分局", 2), ("松山湖分局", 1),
        ("凤岗分局", 1), ("清溪分局", 1),
    ]

    static let surnames = ["李", "王", "陈", "张", "刘", "黄", "林", "何", "罗", "梁", "叶", "钟", "郑", "谢", "莫"]
    static let titles = ["科长", "主任", "工", "老师", "专员", "股长"]
    /// The maintenance team's engineers (处理人).
    static let engineers = ["张工", "陈工", "刘工", "何工", "罗工"]

    static let brands = ["华信", "宏达", "锦程", "恒丰", "鑫源", "永盛", "润发", "嘉禾", "泰和", "汇通", "粤兴", "明辉",
                         "盛世", "立德", "金穗", "新科", "同创", "佳美", "旺福", "瑞丰"]
    static let trades = ["电子科技", "五金制品", "家具", "服装", "塑胶制品", "模具", "物流", "餐饮管理", "贸易", "印刷",
                         "包装材料", "精密机械", "光电", "建材", "食品"]

    static func reporter(_ rng: inout DemoRandom) -> String {
        rng.pick(surnames) + rng.pick(titles)
    }

    static func enterpriseName(_ rng: inout DemoRandom) -> String {
        "东莞市" + rng.pick(brands) + rng.pick(trades) + "有限公司"
    }

    /// A synthetic 18-character unified social credit code (东莞 prefix 91441900) with a correct
    /// GB 32100-2015 check character, so it looks like what kiosks see.
    static func uscc(_ rng: inout DemoRandom) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var body = Array("91441900MA")
        for _ in 0..<7 { body.append(alphabet[rng.int(0...(alphabet.count - 1))]) }
        return String(body) + String(usccCheckCharacter(String(body)) ?? "0")
    }

    /// The GB 32100-2015 check character of the first 17 characters of a code.
    static func usccCheckCharacter(_ first17: String) -> Character? {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for (c, w) in zip(first17, weights) {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * w
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// A 15-digit old registration number (注册号).
    static func registrationNumber(_ rng: inout DemoRandom) -> String {
        "441900" + String(format: "%09d", rng.int(0...999_999_999))
    }

    /// A synthetic resident ID number (4419001990MMDD…X style): never a real person's.
    static func idCardNumber(_ rng: inout DemoRandom) -> String {
        String(format: "44190019%02d%02d%02d%03d", rng.int(70...99), rng.int(1...12), rng.int(1...28), rng.int(100...999))
            + rng.pick(["X", "1", "5", "8"])
    }

    /// A synthetic mobile number in the well-known example range 1380013xxxx.
    static func mobileNumber(_ rng: inout DemoRandom) -> String {
        String(format: "1380013%04d", rng.int(0...9999))
    }

    /// A kiosk (自助终端) id, T-001 … T-060.
    static func kiosk(_ rng: inout DemoRandom) -> String {
        String(format: "T-%03d", rng.int(1...60))
    }
}
