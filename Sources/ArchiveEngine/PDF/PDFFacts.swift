/// What the inspection needs to know about one PDF file (电子文件): enough to tell an intact e-file from
/// an empty, foreign, truncated or short one (`efile.broken`), without rendering it.
public struct PDFFacts: Equatable, Sendable {
    /// Size of the file in bytes.
    public var byteCount: Int
    /// The file starts with `%PDF-`.
    public var isPDF: Bool
    /// `%%EOF` appears within the last kilobyte: a file cut off while being written lacks it.
    public var hasEOF: Bool
    /// Number of distinct page objects (`/Type /Page`, not `/Pages`), or nil when the file is not a PDF.
    public var pageCount: Int?

    public init(byteCount: Int, isPDF: Bool, hasEOF: Bool, pageCount: Int?) {
        self.byteCount = byteCount; self.isPDF = isPDF; self.hasEOF = hasEOF; self.pageCount = pageCount
    }
}
