import Foundation

/// Bytes as people read them on this project's pages: binary units like df, one decimal, the largest unit
/// that keeps the number at 1 or more (a demo archive of 40 MiB is not "0.0 GiB").
public enum ByteText {
    public static func binary(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = bytes, i = 0
        while abs(value) >= 1024 && i < units.count - 1 { value /= 1024; i += 1 }
        return i == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[i])
    }
}
