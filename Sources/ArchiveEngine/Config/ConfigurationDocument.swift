import Foundation
import Yams

/// One step of a key path in the configuration file: a key of a mapping or a position in a list.
public enum ConfigurationKey: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): "[\(i)]"
        }
    }

    /// `hardware.servers[0].raid`
    public static func display(_ path: [ConfigurationKey]) -> String {
        var text = ""
        for step in path {
            if case .key = step, !text.isEmpty { text += "." }
            text += step.description
        }
        return text
    }

    /// The path of a Codable error (`Index 0` steps become list positions).
    static func path(_ codingPath: [CodingKey]) -> [ConfigurationKey] {
        codingPath.map { k in
            if let i = k.intValue, k.stringValue.hasPrefix("Index") { return .index(i) }
            return .key(k.stringValue)
        }
    }
}

/// One thing wrong in the configuration file, with the line it is on, so the message can say where.
public struct ConfigurationIssue: Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var key: String
    public var message: String

    public var description: String {
        "\(line.map { "第 \($0) 行 " } ?? "")\(key): \(message)"
    }
}

/// The configuration file's YAML tree with positions: finds the line of a key path and the keys nobody
/// reads (a misspelt `raid_disk` would otherwise be silently ignored).
struct ConfigurationDocument {
    let root: Node?

    init(text: String) {
        root = try? Yams.compose(yaml: text)
    }

    func node(at path: [ConfigurationKey]) -> Node? {
        var node = root
        for step in path {
            guard let current = node else { return nil }
            switch (step, current) {
            case (.key(let k), .mapping(let m)): node = m[k]
            case (.index(let i), .sequence(let s)): node = i < s.count ? s[s.index(s.startIndex, offsetBy: i)] : nil
            default: return nil
            }
        }
        return node
    }

    /// The line of the key (for a mapping key) or of the element (for a list position); the nearest
    /// enclosing line when the path ends in a key that is absent.
    func line(of path: [ConfigurationKey]) -> Int? {
        var prefix = path
        while !prefix.isEmpty {
            if case .key(let k) = prefix.last!, case .mapping(let m)? = node(at: Array(prefix.dropLast())),
               let keyNode = m.keys.first(where: { $0.string == k }) {
                return keyNode.mark?.line
            }
            if case .index = prefix.last!, let n = node(at: prefix) { return n.mark?.line }
            prefix.removeLast()
        }
        return nil
    }

    /// Keys of the mapping at `path` that are not in `allowed`, with their lines.
    func unknownKeys(at path: [ConfigurationKey], allowed: Set<String>) -> [ConfigurationIssue] {
        guard case .mapping(let m)? = node(at: path) else { return [] }
        return m.keys.compactMap { key in
            guard let name = key.string, !allowed.contains(name) else { return nil }
            return ConfigurationIssue(
                line: key.mark?.line, key: ConfigurationKey.display(path + [.key(name)]),
                message: "未知的键，可用的键：\(allowed.sorted().joined(separator: "、")) (unknown key)")
        }
    }

    /// The issue for a Codable error: the key path, its line, and what was expected there.
    func issue(for error: Error) -> ConfigurationIssue? {
        guard let error = error as? DecodingError else { return nil }
        let path: [ConfigurationKey]
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            path = ConfigurationKey.path(context.codingPath)
            message = "应为\(Self.kind(type))，请检查写法 (expected \(type))"
        case .valueNotFound(let type, let context):
            path = ConfigurationKey.path(context.codingPath)
            message = "缺少值，应为\(Self.kind(type)) (value missing)"
        case .keyNotFound(let key, let context):
            path = ConfigurationKey.path(context.codingPath) + [.key(key.stringValue)]
            message = "缺少必填的键 \(key.stringValue) (required key missing)"
        case .dataCorrupted(let context):
            path = ConfigurationKey.path(context.codingPath)
            message = context.debugDescription
        @unknown default:
            return nil
        }
        return ConfigurationIssue(line: line(of: path), key: ConfigurationKey.display(path), message: message)
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "整数"
        case is Double.Type: "数字"
        case is String.Type: "文本"
        case is Bool.Type: "true 或 false"
        default: String(describing: type).hasPrefix("Array") ? "列表" : "一组键值"
        }
    }
}
