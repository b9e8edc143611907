/// Numbers as the inspection's progress and summary lines print them (finding sentences are ``FindingPhrase``s).
enum FindingText {
    static func count(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
