import Foundation

/// Turns a typed page view into the dictionaries, arrays, strings and booleans swift-mustache reads, in
/// one place for every page.
///
/// Why encode at all rather than hand the structs to swift-mustache (it reads structs by reflection):
/// the report pages must pass every string through ``PersonalDataMask`` whichever field it came from, and
/// an encoder sees every string of a view without knowing its fields, so masking stays one mechanism that
/// a new field cannot escape. Dictionaries are also what the templates were tuned against: a key lookup
/// is a hash, where a `Mirror` walks every field.
///
/// The shape follows the view's `Codable` form: a property's name is the template key, a nested view is a
/// section object, an array a list, and an optional that is nil is *absent* — so the template climbs to
/// the enclosing object as Mustache does for a missing key (never an empty string, which a section would
/// take for a value).
struct TemplateValueEncoder {
    /// Applied to every string of the view (the report pages mask personal data here).
    var strings: (String) -> String = { $0 }

    /// The template value of `view`: a dictionary keyed by the view's property names.
    func encode<View: Encodable>(_ view: View) throws -> [String: Any] {
        let node = TemplateNode()
        try view.encode(to: NodeEncoder(node: node, strings: strings, codingPath: []))
        guard let value = node.resolved() as? [String: Any] else {
            throw EncodingError.invalidValue(view, .init(codingPath: [], debugDescription: "页面视图必须编码为键值对象 (a page view must encode as a keyed object)"))
        }
        return value
    }
}

/// What one encoder or container writes into; nested nodes are resolved into plain values at the end.
private final class TemplateNode {
    var keyed: [String: Any]?
    var unkeyed: [Any]?
    var single: Any?

    func resolved() -> Any? {
        if let keyed { return keyed.compactMapValues(Self.resolve) }
        if let unkeyed { return unkeyed.compactMap(Self.resolve) }
        return single.flatMap(Self.resolve)
    }

    static func resolve(_ value: Any) -> Any? {
        (value as? TemplateNode).map { $0.resolved() } ?? value
    }
}

private struct NodeEncoder: Encoder {
    let node: TemplateNode
    let strings: (String) -> String
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.keyed == nil { node.keyed = [:] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.unkeyed == nil { node.unkeyed = [] }
        return UnkeyedNodeContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }

    /// A leaf as the template sees it: strings transformed, booleans and numbers as they are, anything
    /// else encoded into a nested node.
    func box<T: Encodable>(_ value: T, key: (any CodingKey)?) throws -> Any {
        switch value {
        case let s as String: return strings(s)
        case is Bool, is Int, is Double, is Float, is Int8, is Int16, is Int32, is Int64,
             is UInt, is UInt8, is UInt16, is UInt32, is UInt64:
            return value
        default:
            let child = TemplateNode()
            try value.encode(to: NodeEncoder(node: child, strings: strings, codingPath: codingPath + (key.map { [$0] } ?? [])))
            return child
        }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    /// nil leaves the key absent, as a missing key in a dictionary.
    mutating func encodeNil(forKey key: Key) throws { encoder.node.keyed?[key.stringValue] = nil }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }

    // The protocol asks for each primitive separately; all take the one path through `box`.
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeLeaf(value, forKey: key) }

    private func encodeLeaf<T: Encodable>(_ value: T, forKey key: Key) throws {
        let element = try encoder.box(value, key: key)
        encoder.node.keyed?[key.stringValue] = element
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nestedEncoder(SuperKey.super) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(key) }

    private func nestedEncoder(_ key: any CodingKey) -> NodeEncoder {
        let child = TemplateNode()
        encoder.node.keyed?[key.stringValue] = child
        return NodeEncoder(node: child, strings: encoder.strings, codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.node.unkeyed?.count ?? 0 }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws { try encodeLeaf(value) }

    mutating func encode(_ value: Bool) throws { try encodeLeaf(value) }
    mutating func encode(_ value: String) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Double) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Float) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int8) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int16) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int32) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int64) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt8) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt16) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt32) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt64) throws { try encodeLeaf(value) }

    private func encodeLeaf<T: Encodable>(_ value: T) throws {
        let element = try encoder.box(value, key: IndexKey(intValue: count))
        encoder.node.unkeyed?.append(element)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nestedEncoder() }

    private func nestedEncoder() -> NodeEncoder {
        let child = TemplateNode()
        let key = IndexKey(intValue: count)
        encoder.node.unkeyed?.append(child)
        return NodeEncoder(node: child, strings: encoder.strings, codingPath: codingPath + [key])
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.single = nil }

    mutating func encode<T: Encodable>(_ value: T) throws { try encodeLeaf(value) }

    mutating func encode(_ value: Bool) throws { try encodeLeaf(value) }
    mutating func encode(_ value: String) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Double) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Float) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int8) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int16) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int32) throws { try encodeLeaf(value) }
    mutating func encode(_ value: Int64) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt8) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt16) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt32) throws { try encodeLeaf(value) }
    mutating func encode(_ value: UInt64) throws { try encodeLeaf(value) }

    private func encodeLeaf<T: Encodable>(_ value: T) throws {
        let element = try encoder.box(value, key: nil)
        encoder.node.single = element
    }
}

private enum SuperKey: String, CodingKey { case `super` }

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
