import Forecasting

/// The sentences of 服务器空间监控's findings, in Chinese and English (``FindingPhrase``).
extension DiskCheck {
    enum Phrase {
        static let usage = FindingPhrase(
            "disk.usage",
            zh: "主机 {host} 挂载点 {mount} 使用率 {percent}%（已用 {used} / 共 {total}，{source}），达到{level}阈值 {threshold}%",
            en: "Host {host} mount {mount} is {percent}% full ({used} used of {total}, {source}), at the {level} threshold of {threshold}%",
            hint: "disk usage")
        static let sampled = FindingPhrase("disk.usage.sampled", zh: "监控采样 {at}", en: "monitoring sample {at}")
        static let statvfs = FindingPhrase("disk.usage.statvfs", zh: "本机 statvfs", en: "statvfs on this host")
        static let forecast = FindingPhrase(
            "disk.forecast",
            zh: "主机 {host} 挂载点 {mount} 按{method}（{points} 天采样[，回测误差 MAE {mae}]）每天约 {growth} 的增长，"
                + "预计 {days} 天后写满（[{level}% 区间 {earliest}–{latest} 天][，约 {dateAfter}][约 {date}]）",
            en: "Host {host} mount {mount}: growing about {growth} a day ({method}, {points} days of samples"
                + "[, backtest error MAE {mae}]), projected full in {days} days ([{level}% interval {earliest}–{latest} days]"
                + "[, about {dateAfter}][about {date}])",
            hint: "projected full in {days} days")

        static let all = [usage, sampled, statvfs, forecast]
        static let terms: [String: FindingTerm] = {
            var terms = [
                "critical": FindingTerm(zh: "严重", en: "critical"),
                "warning": FindingTerm(zh: "警告", en: "warning"),
            ]
            for m in TrendModel.Method.allCases {
                terms[m.rawValue] = FindingTerm(zh: m.chineseName, en: m.englishName)
            }
            return terms
        }()
    }
}

extension TrendModel.Method {
    /// The method's name in an English sentence.
    var englishName: String {
        switch self {
        case .linear: "linear least squares"
        case .dampedTrend: "Holt's damped trend"
        }
    }
}
