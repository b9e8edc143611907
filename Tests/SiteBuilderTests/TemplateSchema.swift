import Foundation

/// The keys a view type offers a template, read from its `Decodable` form with no sample value: a decoder
/// that says yes to every key it is asked for and records the question. An optional property is asked
/// for too (as present), an array yields one element so its element type is walked, a nested view
/// becomes a nested schema. The synthesized conformance asks for exactly the property names — the keys
/// the encoder writes.
final class TemplateSchema {
    /// The keys of an object (a view or a row); nil for a string, number or boolean.
    var keys: [String: TemplateSchema]?
    /// The element of a list.
    var element: TemplateSchema?

    init(keys: [String: TemplateSchema]? = nil) { self.keys = keys }

    static func of<T: Decodable>(_ type: T.Type) throws -> TemplateSchema {
        let schema = TemplateSchema()
        _ = try T(from: SchemaDecoder(schema: schema))
        return schema
    }

    /// What a section over this value puts on the context stack: a list's element, an object itself;
    /// booleans and strings add nothing a key could be found in.
    var sectionContext: TemplateSchema? {
        if let element { return element.sectionContext ?? element }
        return keys == nil ? nil : self
    }
}

private struct SchemaDecoder: Decoder {
    let schema: TemplateSchema
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if schema.keys == nil { schema.keys = [:] }
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(schema: schema))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let element = TemplateSchema()
        schema.element = element
        return UnkeyedSchemaContainer(element: element)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleSchemaContainer() }
}

/// A stand-in value for a leaf: the decoder needs to return something.
private func placeholder<T: Decodable>(_ type: T.Type, schema: TemplateSchema) throws -> T {
    switch type {
    case is String.Type: return "" as! T
    case is Bool.Type: return false as! T
    case is Int.Type: return 0 as! T
    case is Double.Type: return 0.0 as! T
    case is Float.Type: return Float(0) as! T
    case is Int8.Type: return Int8(0) as! T
    case is Int16.Type: return Int16(0) as! T
    case is Int32.Type: return Int32(0) as! T
    case is Int64.Type: return Int64(0) as! T
    case is UInt.Type: return UInt(0) as! T
    case is UInt8.Type: return UInt8(0) as! T
    case is UInt16.Type: return UInt16(0) as! T
    case is UInt32.Type: return UInt32(0) as! T
    case is UInt64.Type: return UInt64(0) as! T
    default: return try T(from: SchemaDecoder(schema: schema))
    }
}

private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let schema: TemplateSchema
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }

    // The protocol asks for each primitive separately; all record the key the same way.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type as Double.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type as Float.Type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type as Int8.Type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type as Int16.Type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type as Int32.Type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type as Int64.Type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type as UInt.Type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type as UInt8.Type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type as UInt16.Type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type as UInt32.Type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type as UInt64.Type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(type, key) }

    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        let child = TemplateSchema()
        schema.keys?[key.stringValue] = child
        return try placeholder(type, schema: child)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let child = TemplateSchema(keys: [:])
        schema.keys?[key.stringValue] = child
        return KeyedDecodingContainer(KeyedSchemaContainer<NestedKey>(schema: child))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = TemplateSchema(), element = TemplateSchema()
        child.element = element
        schema.keys?[key.stringValue] = child
        return UnkeyedSchemaContainer(element: element)
    }

    func superDecoder() throws -> any Decoder { SchemaDecoder(schema: schema) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SchemaDecoder(schema: schema) }
}

private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let element: TemplateSchema
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }

    init(element: TemplateSchema) { self.element = element }

    mutating func decodeNil() -> Bool { false }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeElement(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeElement(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeElement(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeElement(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeElement(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeElement(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeElement(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeElement(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeElement(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeElement(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeElement(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeElement(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeElement(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeElement(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeElement(type) }

    private mutating func decodeElement<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try placeholder(type, schema: element)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        if element.keys == nil { element.keys = [:] }
        return KeyedDecodingContainer(KeyedSchemaContainer<NestedKey>(schema: element))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        let inner = TemplateSchema()
        element.element = inner
        return UnkeyedSchemaContainer(element: inner)
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return SchemaDecoder(schema: element)
    }
}

private struct SingleSchemaContainer: SingleValueDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: String.Type) throws -> String { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Double.Type) throws -> Double { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Float.Type) throws -> Float { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Int.Type) throws -> Int { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: UInt.Type) throws -> UInt { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try placeholder(type, schema: TemplateSchema()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try placeholder(type, schema: TemplateSchema()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try placeholder(type, schema: TemplateSchema()) }
}
