import Foundation

/// How the site search cuts text into index terms, the same way `assets/search.js` cuts a query (the two
/// must agree; `SearchChromiumTests` checks them together):
///
/// - text is normalised with NFKC and lower-cased (ＳＹＮＣ finds sync);
/// - a run of ASCII letters and digits is one word (`sync`, `missing`, `91441900ma4uj5xy2k`, `v000123`);
///   a word of 10 or more characters is also kept cut to its first 9, so a query for the start of a
///   code (`91441900`) finds it;
/// - a run of other letters (Chinese) gives its overlapping pairs (电子科技 → 电子 子科 科技), a single
///   character itself: any part of a Chinese name of two or more characters is found without a word
///   segmenter;
/// - everything else separates.
///
/// Each term lives in one shard, chosen by a hash of its key: the first two characters of a short word,
/// the whole of a long word, the first character of a Chinese pair. A query therefore loads one small
/// file per query word, whatever the size of the site.
enum SearchTerms {
    /// Words at least this long are looked up whole; their first `longWordLength - 1` characters are kept
    /// as a short word for prefix queries.
    static let longWordLength = 10

    /// A term while a document's terms are counted. A term of two (or one) CJK ideographs is kept as a
    /// number: hashing a Chinese `String` normalises it first, and that was most of indexing a manual.
    /// Ideographs have no canonical equivalents, so two numbers are equal exactly when the two strings
    /// would be; every other term stays a string, compared as strings are.
    enum Key: Hashable {
        case ideographs(UInt64)
        case text(String)

        var term: String {
            switch self {
            case .text(let s): return s
            case .ideographs(let v):
                var view = String.UnicodeScalarView()
                if v >> 42 == 1 { view.append(Unicode.Scalar(UInt32((v >> 21) & 0x1F_FFFF))!) }
                view.append(Unicode.Scalar(UInt32(v & 0x1F_FFFF))!)
                return String(view)
            }
        }

        static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
            (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
        }

        init(_ a: Unicode.Scalar) {
            self = Self.isIdeograph(a) ? .ideographs(UInt64(a.value)) : .text(String(Character(a)))
        }

        init(_ a: Unicode.Scalar, _ b: Unicode.Scalar) {
            if Self.isIdeograph(a) && Self.isIdeograph(b) {
                self = .ideographs(1 << 42 | UInt64(a.value) << 21 | UInt64(b.value))
            } else {
                var pair = String.UnicodeScalarView()
                pair.append(a)
                pair.append(b)
                self = .text(String(pair))
            }
        }
    }

    /// Every term of `text` (already normalised) with how often it occurs.
    static func counts(in text: String, into counts: inout [Key: Int]) {
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            let w = String(word)
            counts[.text(w), default: 0] += 1
            if word.count >= longWordLength {
                counts[.text(String(String.UnicodeScalarView(word.prefix(longWordLength - 1)))), default: 0] += 1
            }
            word = String.UnicodeScalarView()
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.count == 1 {
                counts[Key(run[0]), default: 0] += 1
            } else {
                for i in 0..<(run.count - 1) { counts[Key(run[i], run[i + 1]), default: 0] += 1 }
            }
            run.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if s.isASCII {
                flushRun()
                if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z") { word.append(s) } else { flushWord() }
            } else {
                flushWord()
                // Ideographs are letters: the property table is asked only for other scalars.
                if Key.isIdeograph(s) || s.properties.isAlphabetic { run.append(s) } else { flushRun() }
            }
        }
        flushWord()
        flushRun()
    }

    /// NFKC, lower case: what both the index and the query compare.
    static func normalize(_ text: String) -> String {
        quicklyNormalized(text) ?? text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// The same result for the text most pages hold, without Foundation's normaliser (which took a large
    /// part of indexing a manual): ASCII, the CJK unified ideographs U+4E00–U+9FFF and the CJK marks
    /// 、。〈〉《》「」『』【】 are their own NFKC form and take part in no composition; the full-width forms
    /// U+FF01–U+FF5E (，：（）Ａ１) are NFKC's compatibility mappings of U+0021–U+007E and the ideographic
    /// space U+3000 of U+0020. Letters are then lower-cased, as the general path does. Any other scalar
    /// gives nil: the text takes the general path. `SearchTermsTests` compares both paths.
    static func quicklyNormalized(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var v = scalar.value
            switch v {
            case 0..<0x80, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x3008...0x3011: break
            case 0xFF01...0xFF5E: v -= 0xFEE0
            case 0x3000: v = 0x20
            default: return nil
            }
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }

    /// The key a term is sharded by (see the type's comment).
    static func key(_ term: String) -> String {
        guard let first = term.unicodeScalars.first else { return "" }
        if !first.isASCII { return String(Character(first)) }
        return term.unicodeScalars.count >= longWordLength ? term : String(term.prefix(2))
    }

    /// FNV-1a over the key's UTF-16 code units, as the browser computes it with `Math.imul`; modulo the
    /// number of term shards it is the term's shard.
    static func shardHash(_ term: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for unit in key(term).utf16 {
            h ^= UInt32(unit)
            h = h &* 16_777_619
        }
        return h
    }
}
