import Foundation

/// How a citizen's typing of an enterprise name is compared with the catalog (名称写法差异): full-width
/// letters, digits and brackets become half-width (Unicode NFKC, so （） becomes ()), and every kind of
/// space — including the ideographic space U+3000 — is dropped.
public enum EnterpriseNameNormalizer {
    public static func normalize(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !scalar.properties.isWhitespace {
            out.append(scalar)
        }
        return String(out)
    }
}

/// The catalog codes one edit (one character changed, added or dropped) away from a mistyped code, for
/// the not-found triage's suggestion (查询代码校验位错误时建议正确代码).
public struct CodeSuggester {
    private let codes: Set<String>

    public init(codes: Set<String>) { self.codes = codes }

    /// Every catalog code at edit distance exactly 1 from `typed`, sorted.
    public func suggestions(for typed: String) -> [String] {
        let chars = Array(typed)
        var found = Set<String>()
        func probe(_ candidate: [Character]) {
            let s = String(candidate)
            if s != typed && codes.contains(s) { found.insert(s) }
        }
        for i in chars.indices {
            var c = chars
            for a in USCC.alphabet where a != chars[i] { c[i] = a; probe(c) }
            var d = chars
            d.remove(at: i)
            probe(d)
        }
        for i in 0...chars.count {
            for a in USCC.alphabet {
                var c = chars
                c.insert(a, at: i)
                probe(c)
            }
        }
        return found.sorted()
    }
}
