import Foundation

/// A finding's sentence kept as data: which phrase of its check (``FindingPhrase``) and the values that
/// fill it, so that a Chinese page and its English twin each render the finding in their own language.
///
/// The contract's `detail` stays the human text it always was (the Chinese sentence with a short English
/// hint); `params` travels beside it in the JSON line (the contract allows extra keys) and in the
/// operations database. A finding without `params` (an older database, another host's older version) is
/// shown with its stored `detail`.
public struct FindingMessage: Codable, Hashable, Sendable {
    /// The phrase's key, e.g. `sync.missing.files`.
    public var key: String
    public var values: [String: FindingValue]

    public init(_ key: String, _ values: [String: FindingValue] = [:]) {
        self.key = key; self.values = values
    }

    /// `{"key":…,"values":{…}}` with sorted keys: the same message always prints the same bytes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The message stored as ``json``; nil for text that is not one (never a crash on data).
    public static func parse(_ json: String?) -> FindingMessage? {
        guard let json, !json.isEmpty else { return nil }
        return try? JSONDecoder().decode(FindingMessage.self, from: Data(json.utf8))
    }
}

/// One value of a ``FindingMessage``.
///
/// In JSON a value is a string (``data``), an array of strings (``list``), `{"term": key}`,
/// `{"site": name, "id": id}`, `{"text": "中文 (english)"}` or `{"phrases": [message, …]}`.
public enum FindingValue: Codable, Hashable, Sendable {
    /// A value from the data (a volume id, a path, a name, a number): shown as it is in every language.
    case data(String)
    /// Several data values (file names, volume ids): joined, and cut after a few, in the page's language.
    case list([String])
    /// A word of the check's vocabulary (a severity level, a forecast method): translated by its phrase
    /// table, never shown as data.
    case term(String)
    /// A site as a reader knows it: its name (data) and its id.
    case site(name: String, id: String)
    /// A reason made elsewhere in the engine in the project's bilingual form `中文 (english)`: each
    /// language shows its half.
    case bilingual(String)
    /// Other phrases of the same check (several reasons of one finding), joined with `；` / `; `.
    case phrases([FindingMessage])
    /// A list (joined and cut like ``list(_:)``) whose items are phrases of the same check: file names
    /// with what stands in their place.
    case items([FindingMessage])

    private enum Keys: String, CodingKey { case term, site, id, text, phrases, items }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let s = try? single.decode(String.self) { self = .data(s); return }
            if let a = try? single.decode([String].self) { self = .list(a); return }
        }
        let c = try decoder.container(keyedBy: Keys.self)
        if let t = try c.decodeIfPresent(String.self, forKey: .term) {
            self = .term(t)
        } else if let messages = try c.decodeIfPresent([FindingMessage].self, forKey: .phrases) {
            self = .phrases(messages)
        } else if let messages = try c.decodeIfPresent([FindingMessage].self, forKey: .items) {
            self = .items(messages)
        } else if let name = try c.decodeIfPresent(String.self, forKey: .site) {
            self = .site(name: name, id: try c.decode(String.self, forKey: .id))
        } else {
            self = .bilingual(try c.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .data(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .list(let a):
            var c = encoder.singleValueContainer()
            try c.encode(a)
        case .term(let t):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(t, forKey: .term)
        case .site(let name, let id):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .site)
            try c.encode(id, forKey: .id)
        case .bilingual(let s):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(s, forKey: .text)
        case .phrases(let messages):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(messages, forKey: .phrases)
        case .items(let messages):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(messages, forKey: .items)
        }
    }
}

extension FindingValue {
    /// A center site as ``site(name:id:)``.
    public static func centerSite(_ site: CenterSite) -> FindingValue { .site(name: site.name, id: site.id) }
}
