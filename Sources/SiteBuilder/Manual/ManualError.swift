import Foundation

/// Why the training manual could not be built. Every case names the file and, where there is one, the
/// line, so that the writer can go straight to it; the old `Output/` stays in place.
public enum ManualError: Error, CustomStringConvertible, Equatable {
    /// A problem at a line of a Markdown file: front matter, a broken link, a missing image.
    case atLine(file: String, line: Int, message: String)
    /// A problem with a whole file (unreadable, not UTF-8, clashing with a generated chapter).
    case inFile(file: String, message: String)

    public var description: String {
        switch self {
        case .atLine(let file, let line, let message):
            "文件 \(file) 第 \(line) 行: \(message)"
        case .inFile(let file, let message):
            "文件 \(file): \(message)"
        }
    }
}

/// Several problems found in one build, reported together so a writer fixes them in one pass.
public struct ManualErrors: Error, CustomStringConvertible {
    public let errors: [ManualError]

    public var description: String {
        "培训手册有 \(errors.count) 处错误，站点未生成，原 Output/ 未改动 (manual build failed):\n"
            + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}
