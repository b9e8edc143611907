import Foundation

/// An error whose description is the whole message for the operator.
struct CLIMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Standard {
    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
