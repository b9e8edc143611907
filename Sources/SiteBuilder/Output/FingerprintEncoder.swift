import Foundation

/// Writes every value of an `Encodable` view into one byte string, tagged and length-prefixed so that
/// two different views never give the same bytes; ``PageReuse`` hashes it into a page's fingerprint.
/// Every tag carries the depth it was written at: an `Encoder` is never told where a container ends, and
/// a pre-order walk with depths still tells `{a: {x, b}}` from `{a: {x}, b}`.
///
/// Why not `JSONEncoder`: a build fingerprints every page, 12,000 of them on a large report site, and the
/// fingerprint is what an incremental build pays for every page it does not render. JSONEncoder builds a
/// tree and then serialises it; this streams into one buffer, several times faster. Keys come in the
/// order the view's `encode(to:)` writes them, which for a synthesised `Codable` is its declaration order,
/// so the bytes are deterministic.
struct FingerprintEncoder {
    func bytes<Value: Encodable>(of value: Value) throws -> [UInt8] {
        // A value that writes its own bytes (``FingerprintFeed``) is not encoded field by field.
        if let fed = value as? any FingerprintFeed { return FingerprintBytes.of(fed) }
        let sink = FingerprintSink()
        try value.encode(to: FingerprintStream(sink: sink, depth: 0))
        return sink.bytes
    }
}

private final class FingerprintSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    func tag(_ t: UInt8, _ depth: Int) {
        bytes.append(t)
        integer(UInt64(depth))
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            integer(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    /// Bytes a ``FingerprintFeed`` wrote, prefixed by their length.
    func bytes(_ fed: [UInt8]) {
        integer(UInt64(fed.count))
        bytes.append(contentsOf: fed)
    }

    func integer(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

private struct FingerprintStream: Encoder {
    let sink: FingerprintSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag(0x7B, depth)  // {
        return KeyedEncodingContainer(Keyed<Key>(sink: sink, depth: depth + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.tag(0x5B, depth)  // [
        return Unkeyed(sink: sink, depth: depth + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink, depth: depth) }

    /// One scalar value, tagged by its kind.
    /// One conformance check (``FingerprintScalar``) instead of a cast per kind: keying every page of a
    /// large site runs this for every field of every row, and the casts were most of its time.
    static func write(_ value: some Encodable, to sink: FingerprintSink, depth: Int) throws {
        if let scalar = value as? any FingerprintScalar {
            scalar.write(to: sink, depth: depth)
        } else if let fed = value as? any FingerprintFeed {
            sink.tag(0x46, depth)  // F
            sink.bytes(FingerprintBytes.of(fed))
        } else {
            try value.encode(to: FingerprintStream(sink: sink, depth: depth))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: FingerprintSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        func key(_ key: Key) { sink.tag(0x6B, depth); sink.string(key.stringValue) }
        mutating func encodeNil(forKey key: Key) throws { self.key(key); sink.tag(0x6E, depth) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }
        func put(_ value: some Encodable, _ key: Key) throws {
            self.key(key)
            try FingerprintStream.write(value, to: sink, depth: depth)
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                             forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return FingerprintStream(sink: sink, depth: depth).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return FingerprintStream(sink: sink, depth: depth).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { sink.tag(0x5E, depth); return FingerprintStream(sink: sink, depth: depth) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { self.key(key); return FingerprintStream(sink: sink, depth: depth) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: FingerprintSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws { count += 1; sink.tag(0x2C, depth); sink.tag(0x6E, depth) }
        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }
        mutating func put(_ value: some Encodable) throws {
            count += 1
            sink.tag(0x2C, depth)
            try FingerprintStream.write(value, to: sink, depth: depth)
        }
        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            sink.tag(0x2C, depth)
            return FingerprintStream(sink: sink, depth: depth).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            sink.tag(0x2C, depth)
            return FingerprintStream(sink: sink, depth: depth).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { sink.tag(0x5E, depth); return FingerprintStream(sink: sink, depth: depth) }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: FingerprintSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { sink.tag(0x6E, depth) }
        mutating func encode<T: Encodable>(_ value: T) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Bool) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: String) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Double) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Float) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Int) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Int8) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Int16) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Int32) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: Int64) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: UInt) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: UInt8) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: UInt16) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: UInt32) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
        mutating func encode(_ value: UInt64) throws { try FingerprintStream.write(value, to: sink, depth: depth) }
    }
}

/// A value written as one tagged scalar.
private protocol FingerprintScalar {
    func write(to sink: FingerprintSink, depth: Int)
}

extension String: FingerprintScalar {
    fileprivate func write(to sink: FingerprintSink, depth: Int) { sink.tag(0x73, depth); sink.string(self) }
}

extension Bool: FingerprintScalar {
    fileprivate func write(to sink: FingerprintSink, depth: Int) { sink.tag(self ? 0x74 : 0x66, depth) }
}

extension Double: FingerprintScalar {
    fileprivate func write(to sink: FingerprintSink, depth: Int) { sink.tag(0x64, depth); sink.integer(bitPattern) }
}

extension Float: FingerprintScalar {
    fileprivate func write(to sink: FingerprintSink, depth: Int) { sink.tag(0x64, depth); sink.integer(Double(self).bitPattern) }
}

/// Integers in decimal, so that -1 and UInt64.max stay apart.
private protocol FingerprintInteger: FingerprintScalar, BinaryInteger {}

extension FingerprintInteger {
    fileprivate func write(to sink: FingerprintSink, depth: Int) { sink.tag(0x69, depth); sink.string(String(self)) }
}

extension Int: FingerprintInteger {}
extension Int8: FingerprintInteger {}
extension Int16: FingerprintInteger {}
extension Int32: FingerprintInteger {}
extension Int64: FingerprintInteger {}
extension UInt: FingerprintInteger {}
extension UInt8: FingerprintInteger {}
extension UInt16: FingerprintInteger {}
extension UInt32: FingerprintInteger {}
extension UInt64: FingerprintInteger {}
