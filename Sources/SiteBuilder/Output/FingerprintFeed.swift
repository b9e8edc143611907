import ArchiveEngine
import Foundation

/// A page input that writes its own fingerprint bytes, field by field, instead of going through
/// `Encodable` (``FingerprintEncoder``).
///
/// Why: an incremental build keys every page by its inputs, 15,000 pages on a large report site, and the
/// rows they name (5,000 tickets, 1,100 runs with their findings) are digested on every build. Through
/// `Encodable` each field costs a boxed container call and a dynamic cast; that was an eighth of a rebuild
/// in which nothing changed. A feed writes the same values straight into one buffer.
///
/// What an implementation must do: write every stored value its page depends on, in a fixed order, with
/// ``FingerprintBytes``' typed `add` (which tags and length-prefixes each value, so two different rows never
/// give the same bytes). A field left out is a page that is not rendered again when that field changes:
/// each feed has a test that changes one field at a time (`FingerprintFeedTests`).
protocol FingerprintFeed {
    func feed(into bytes: inout FingerprintBytes)
}

/// The bytes a ``FingerprintFeed`` writes: each value tagged with its kind, strings and lists prefixed by
/// their length, an absent optional by its own tag, so that the written form is unambiguous.
struct FingerprintBytes {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    private mutating func length(_ n: Int) {
        withUnsafeBytes(of: UInt64(n).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ s: String) {
        bytes.append(0x73)  // s
        var s = s
        s.withUTF8 { buffer in
            length(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func add(_ value: Int) {
        bytes.append(0x69)  // i
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Int64) { add(Int(value)) }

    mutating func add(_ value: Double) {
        bytes.append(0x64)  // d
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ value: Bool) { bytes.append(value ? 0x74 : 0x66) }

    /// A nested value: its own fields, framed so that the value after it cannot be mistaken for one of them.
    mutating func add(_ value: some FingerprintFeed) {
        bytes.append(0x7B)  // {
        value.feed(into: &self)
        bytes.append(0x7D)  // }
    }

    mutating func add(_ list: [String]) {
        bytes.append(0x5B)  // [
        length(list.count)
        for s in list { add(s) }
    }

    mutating func add<Value: FingerprintFeed>(_ list: [Value]) {
        bytes.append(0x5B)  // [
        length(list.count)
        for value in list { add(value) }
    }

    /// An optional: the absent tag, or the present tag and the value.
    mutating func add(_ s: String?) { if let s { present(); add(s) } else { absent() } }
    mutating func add(_ v: Int?) { if let v { present(); add(v) } else { absent() } }
    mutating func add(_ v: Int64?) { if let v { present(); add(v) } else { absent() } }
    mutating func add(_ v: Double?) { if let v { present(); add(v) } else { absent() } }
    mutating func add(_ v: Bool?) { if let v { present(); add(v) } else { absent() } }
    mutating func add(_ v: [String]?) { if let v { present(); add(v) } else { absent() } }
    mutating func add(_ v: (some FingerprintFeed)?) { if let v { present(); add(v) } else { absent() } }

    private mutating func absent() { bytes.append(0x6E) }  // n
    private mutating func present() { bytes.append(0x79) }  // y

    /// The bytes of `value` alone.
    static func of(_ value: some FingerprintFeed) -> [UInt8] {
        var bytes = FingerprintBytes()
        value.feed(into: &bytes)
        return bytes.bytes
    }
}

// MARK: - The store's rows

extension TicketRecord: FingerprintFeed {
    func feed(into b: inout FingerprintBytes) {
        b.add(id); b.add(reportedAt); b.add(unit); b.add(reporter)
        b.add(category.rawValue); b.add(priority.rawValue); b.add(status.rawValue); b.add(description)
        b.add(respondedAt); b.add(onsiteAt); b.add(resolvedAt)
        b.add(actions); b.add(resolution); b.add(engineer)
        b.add(responseMinutes); b.add(onsiteMinutes); b.add(resolutionMinutes)
        b.add(responseMet); b.add(onsiteMet)
    }
}

extension InspectionRun: FingerprintFeed {
    func feed(into b: inout FingerprintBytes) {
        b.add(id); b.add(startedAt.timeIntervalSinceReferenceDate); b.add(finishedAt.timeIntervalSinceReferenceDate)
        b.add(host); b.add(center); b.add(window); b.add(checks); b.add(coverageDetail); b.add(source); b.add(sites)
    }
}

extension Finding: FingerprintFeed {
    func feed(into b: inout FingerprintBytes) {
        b.add(check); b.add(code); b.add(severity.rawValue); b.add(site); b.add(volume); b.add(uscc); b.add(detail)
        b.add(query); b.add(host); b.add(mount); b.add(path); b.add(params)
    }
}

extension FindingMessage: FingerprintFeed {
    /// Values by sorted key: a dictionary's order differs between two processes.
    func feed(into b: inout FingerprintBytes) {
        b.add(key)
        let keys = values.keys.sorted()
        b.add(keys)
        for k in keys { b.add(values[k]!) }
    }
}

extension FindingValue: FingerprintFeed {
    func feed(into b: inout FingerprintBytes) {
        switch self {
        case .data(let s): b.add(0); b.add(s)
        case .list(let list): b.add(1); b.add(list)
        case .term(let s): b.add(2); b.add(s)
        case .site(let name, let id): b.add(3); b.add(name); b.add(id)
        case .bilingual(let s): b.add(4); b.add(s)
        case .phrases(let messages): b.add(5); b.add(messages)
        case .items(let messages): b.add(6); b.add(messages)
        }
    }
}

extension ServiceLevels: FingerprintFeed {
    func feed(into b: inout FingerprintBytes) {
        b.add(responseMinutes); b.add(criticalOnsiteMinutes)
    }
}
