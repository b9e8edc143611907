import Foundation

/// The built-in training manuals (培训手册): the Markdown chapters under `training/`, shipped in the
/// executable's resource bundle. A workspace's `Content/` folder overrides them file by file.
/// (This Swift file exists only because SwiftPM needs a source file in a target.)
public enum TrainingContent {
    /// The folder holding `training/`.
    public static var resourceRoot: URL? {
        Bundle.module.resourceURL
    }
}
