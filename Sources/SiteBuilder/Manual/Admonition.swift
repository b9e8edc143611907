import Foundation

/// A boxed note in a manual page (提示框). Written as a blockquote whose first word is bold:
///
/// ```
/// > **警告** 恢复数据库前先停止定时巡检。
/// ```
///
/// The bold Chinese word was chosen over GitHub's `> [!NOTE]` marker because the manuals' writers type
/// Chinese, and the source reads naturally even where it is not rendered (a plain Markdown viewer).
enum Admonition: String, CaseIterable {
    case note = "注意"
    case warning = "警告"
    case tip = "提示"

    /// The CSS class of the box (`admonition note` …).
    var cssClass: String {
        switch self {
        case .note: "note"
        case .warning: "warning"
        case .tip: "tip"
        }
    }
}
