/// The language a finding sentence or a check's guidance is rendered in: Chinese first, English for the
/// `en/` twin of every report page.
public enum TextLanguage: String, CaseIterable, Sendable {
    case zh, en
}

/// A piece of a rendered finding sentence: fixed words of the phrase, or a value from the data (an id, a
/// name, a number), which a page marks as data and which is never translated.
public struct FindingSpan: Hashable, Sendable {
    public let text: String
    public let isData: Bool

    public init(_ text: String, isData: Bool) {
        self.text = text; self.isData = isData
    }
}

/// One sentence a check can say about a finding, in Chinese and in English, with the short English hint
/// the contract's `detail` has always ended with (`… (hash differs from catalog)`).
///
/// Templates name their values in braces (`{folder}`; `{seqs:all}` lists a list uncut); a part in square
/// brackets is left out when a value it names is absent (`[，自 {since}]`). A check declares its phrases
/// beside its codes and makes each finding from a phrase and its values
/// (``Check/finding(_:severity:site:volume:uscc:phrase:_:query:host:mount:path:)``), so the stored message
/// and the `detail` text cannot disagree. The hint may name values too.
public struct FindingPhrase: Sendable, Hashable {
    public let key: String
    public let zh: String
    public let en: String
    public let hint: String?

    public init(_ key: String, zh: String, en: String, hint: String? = nil) {
        self.key = key; self.zh = zh; self.en = en; self.hint = hint
    }

    /// The message of this phrase with these values.
    public func callAsFunction(_ values: [String: FindingValue] = [:]) -> FindingMessage {
        FindingMessage(key, values)
    }

    /// The contract's `detail`: the Chinese sentence, then the English hint in brackets.
    public func detail(_ values: [String: FindingValue], in vocabulary: CheckDefinition) -> String {
        var filler = FindingTemplate(zh, language: .zh, values: values, vocabulary: vocabulary)
        filler.forDetail = true
        let text = filler.render().map(FindingSpan.plain) ?? ""
        guard let hint else { return text }
        let english = FindingTemplate(hint, language: .en, values: values, vocabulary: vocabulary).render()
        return "\(text) (\(english.map(FindingSpan.plain) ?? hint))"
    }

    /// The sentence in `language`, or nil when a value outside an optional part is missing.
    public func render(_ language: TextLanguage, _ values: [String: FindingValue],
                       in vocabulary: CheckDefinition) -> [FindingSpan]? {
        FindingTemplate(language == .zh ? zh : en, language: language, values: values, vocabulary: vocabulary).render()
    }

    /// The names of the values the template of `language` uses (for the catalogue's completeness check).
    public func placeholders(_ language: TextLanguage) -> Set<String> {
        var names = Set<String>(), name: String?
        for c in language == .zh ? zh : en {
            if c == "{" { name = "" } else if c == "}", let n = name {
                names.insert(String(n.split(separator: ":").first ?? ""))
                name = nil
            } else if name != nil { name?.append(c) }
        }
        return names
    }
}

extension FindingSpan {
    /// The spans as one plain string.
    public static func plain(_ spans: [FindingSpan]) -> String { spans.map(\.text).joined() }
}

/// A word of a check's vocabulary in both languages (a threshold level, a forecast method).
public struct FindingTerm: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh; self.en = en
    }
}

/// Fills a phrase template: `{name}` placeholders and optional `[…]` parts.
struct FindingTemplate {
    let template: String
    let language: TextLanguage
    let values: [String: FindingValue]
    let vocabulary: CheckDefinition
    /// For the contract's `detail`: a bilingual reason is kept whole and a nested phrase keeps its hint,
    /// as the detail always read.
    var forDetail = false

    init(_ template: String, language: TextLanguage, values: [String: FindingValue], vocabulary: CheckDefinition) {
        self.template = template; self.language = language; self.values = values; self.vocabulary = vocabulary
    }

    func render() -> [FindingSpan]? {
        var spans: [FindingSpan] = []
        var text = ""
        var optional: [FindingSpan]?  // inside `[…]`: nil once a value is missing
        var inOptional = false
        var name: String?
        func emit(_ new: [FindingSpan]) {
            if inOptional { optional? += new } else { spans += new }
        }
        func flush() {
            if !text.isEmpty { emit([FindingSpan(text, isData: false)]) }
            text = ""
        }
        for c in template {
            if let current = name {
                if c == "}" {
                    let parts = current.split(separator: ":", maxSplits: 1).map(String.init)
                    if let key = parts.first, let v = values[key], let rendered = self.spans(of: v, uncut: parts.count > 1) {
                        emit(rendered)
                    } else if inOptional {
                        optional = nil
                    } else {
                        return nil
                    }
                    name = nil
                } else {
                    name?.append(c)
                }
                continue
            }
            switch c {
            case "{": flush(); name = ""
            case "[": flush(); inOptional = true; optional = []
            case "]":
                flush(); inOptional = false
                spans += optional ?? []
                optional = nil
            default: text.append(c)
            }
        }
        flush()
        return merged(spans)
    }

    /// Neighbouring text spans joined, so a page gets as few elements as possible.
    private func merged(_ spans: [FindingSpan]) -> [FindingSpan] {
        var out: [FindingSpan] = []
        for s in spans where !s.text.isEmpty {
            if let last = out.last, !last.isData, !s.isData {
                out[out.count - 1] = FindingSpan(last.text + s.text, isData: false)
            } else {
                out.append(s)
            }
        }
        return out
    }

    private func spans(of value: FindingValue, uncut: Bool) -> [FindingSpan]? {
        switch value {
        case .data(let s): return [FindingSpan(s, isData: true)]
        case .list(let items): return list(items, limit: uncut ? Int.max : 6)
        case .term(let key):
            let term = vocabulary.terms[key]
            return [FindingSpan(term.map { language == .zh ? $0.zh : $0.en } ?? key, isData: term == nil)]
        case .site(let name, let id):
            if name.isEmpty || name == id { return [FindingSpan(id, isData: true)] }
            return [FindingSpan(name, isData: true), FindingSpan(language == .zh ? "（" : " (", isData: false),
                    FindingSpan(id, isData: true), FindingSpan(language == .zh ? "）" : ")", isData: false)]
        case .bilingual(let s):
            if forDetail { return [FindingSpan(s, isData: false)] }
            let halves = BilingualText(s)
            switch language {
            case .zh: return [FindingSpan(halves.chinese, isData: false)]
            case .en: return [FindingSpan(halves.english ?? halves.chinese, isData: halves.english == nil)]
            }
        case .phrases(let messages), .items(let messages):
            let isList: Bool
            if case .items = value { isList = true } else { isList = false }
            let shown = isList && !uncut ? Array(messages.prefix(6)) : messages
            var out: [FindingSpan] = []
            for (i, m) in shown.enumerated() {
                guard let phrase = vocabulary.phrases[m.key] else { return nil }
                let separator = isList ? (language == .zh ? "、" : ", ") : (language == .zh ? "；" : "; ")
                if i > 0 { out.append(FindingSpan(separator, isData: false)) }
                if forDetail {
                    out.append(FindingSpan(phrase.detail(m.values, in: vocabulary), isData: false))
                } else {
                    guard let inner = phrase.render(language, m.values, in: vocabulary) else { return nil }
                    out += inner
                }
            }
            if shown.count < messages.count {
                out.append(FindingSpan(language == .zh ? " 等 \(messages.count) 个" : " … (\(messages.count) in all)", isData: false))
            }
            return out
        }
    }

    /// `a、b、c` or `a、… 等 120 个` (Chinese), `a, b, c` or `a, … (120 in all)` (English): several files of
    /// one volume share one finding, and the list is cut so that a report line stays readable.
    private func list(_ items: [String], limit: Int) -> [FindingSpan] {
        var out: [FindingSpan] = []
        for (i, item) in items.prefix(limit).enumerated() {
            if i > 0 { out.append(FindingSpan(language == .zh ? "、" : ", ", isData: false)) }
            out.append(FindingSpan(item, isData: true))
        }
        if items.count > limit {
            out.append(FindingSpan(language == .zh ? " 等 \(items.count) 个" : " … (\(items.count) in all)", isData: false))
        }
        return out
    }
}

/// A reason in the project's bilingual form, `中文说明 (english words)`, split into its two halves.
public struct BilingualText: Sendable, Hashable {
    public let chinese: String
    public let english: String?

    public init(_ text: String) {
        // The English half is the bracketed part that ends the text (brackets inside it balanced), after a
        // space.
        let chars = Array(text)
        if chars.last == ")" {
            var depth = 0
            var i = chars.count - 1
            while i >= 0 {
                if chars[i] == ")" { depth += 1 } else if chars[i] == "(" { depth -= 1 }
                if depth == 0 { break }
                i -= 1
            }
            if i > 0, chars[i - 1] == " " {
                let inner = String(chars[(i + 1)..<(chars.count - 1)])
                // English words, which may quote Chinese data (a device group's name): it starts with no Han
                // character and holds some Latin letters.
                if let first = inner.unicodeScalars.first, !BilingualText.isHan(first),
                   inner.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) {
                    chinese = String(chars[..<(i - 1)]); english = inner
                    return
                }
            }
        }
        chinese = text; english = nil
    }

    /// The half for `language`: the English half on English pages when there is one, else the Chinese.
    public func text(_ language: TextLanguage) -> String { language == .en ? (english ?? chinese) : chinese }

    /// True for a CJK ideograph (the Han script the Chinese halves are written in).
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
