/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last one a check
/// character over the first 17.
///
/// The catalog may hold invalid codes (old data, typing errors); the anomaly check reports them
/// (`anomaly.invalid_uscc`) and the not-found triage uses the check character to tell a mistyped code
/// (`notfound.invalid_code`) from an unknown one. The sample center uses the same arithmetic to write
/// valid codes, and to break them on purpose.
public enum USCC {
    /// The 31 characters a code may use: digits and capital letters without I, O, S, V, Z.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// Weights of positions 1…17 (3^(i-1) mod 31).
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Value of each alphabet character, indexed by ASCII code; -1 for characters outside the alphabet.
    private static let values: [Int] = {
        var table = [Int](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c.asciiValue!)] = i }
        return table
    }()

    /// Whether the ASCII byte `byte` is one of the ``alphabet``'s characters.
    static func isInAlphabet(_ byte: UInt8) -> Bool { byte < 128 && values[Int(byte)] >= 0 }

    /// Whether `code` has 18 characters from the alphabet and a correct check character.
    /// Lower-case letters and surrounding spaces are not accepted: the catalog must hold the code as printed.
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 18 else { return false }
        guard let expected = checkCharacter(forPrefix: String(decoding: bytes[0..<17], as: UTF8.self)) else { return false }
        return Character(UnicodeScalar(bytes[17])) == expected
    }

    /// The check character for the first 17 characters of a code, or nil when `prefix` is not 17
    /// characters of the alphabet.
    public static func checkCharacter(forPrefix prefix: String) -> Character? {
        let bytes = Array(prefix.utf8)
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (i, b) in bytes.enumerated() {
            guard b < 128 else { return nil }
            let v = values[Int(b)]
            guard v >= 0 else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// A complete code from its first 17 characters, or nil when they are not from the alphabet.
    public static func complete(_ prefix: String) -> String? {
        checkCharacter(forPrefix: prefix).map { prefix + String($0) }
    }

    /// The check character of a 9-character organization code body (GB 11714, positions 9–17 of a USCC):
    /// the ninth character over the first eight. Real codes satisfy it; the sample center writes it so
    /// its codes look like real ones.
    public static func organizationCheckCharacter(forBody body: String) -> Character? {
        let orgWeights = [3, 7, 9, 10, 5, 8, 4, 2]
        let chars = Array(body.utf8)
        guard chars.count == 8 else { return nil }
        var sum = 0
        for (i, b) in chars.enumerated() {
            let v: Int
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = Int(b - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = Int(b - UInt8(ascii: "A")) + 10
            default: return nil
            }
            sum += v * orgWeights[i]
        }
        let c = 11 - sum % 11
        switch c {
        case 10: return "X"
        case 11: return "0"
        default: return Character(String(c))
        }
    }
}
