/// Plain Chinese-first words for the XML parser's error codes, instead of
/// "NSXMLParserErrorDomain error 26", so an operator knows what is wrong with the file.
enum XMLParseErrorText {
    /// The words for one of libxml2's `xmlParserErrors` codes (nil: the parse failed without one).
    static func text(code: Int?) -> String {
        guard let code else { return "解析失败 (parse failed)" }
        let words: String
        switch code {
        case 26, 27, 28, 29, 88:
            words = "使用了未声明或不允许的实体引用（合同文档只允许 &amp; &lt; &gt; &quot; &apos; 和字符引用） (undeclared entity)"
        case 22, 23, 24, 25:
            words = "& 后不是完整的实体引用（单独的 & 应写成 &amp;） (bad entity reference)"
        case 3, 4:
            words = "文件为空或不是 XML (empty document)"
        case 5, 73, 76:
            words = "文件在元素结束前中断（可能被截断） (document ends too early)"
        case 75, 84:
            words = "开始标签与结束标签不匹配 (tag mismatch)"
        case 85:
            words = "根元素结束后还有内容 (extra content after the root element)"
        case 6, 7, 8, 9, 80:
            words = "含有不合法的字符，或字节不是声明的编码 (invalid character or encoding)"
        case 30, 31, 78:
            words = "声明了不支持的编码 (unsupported encoding)"
        case 37, 38, 39, 40, 41:
            words = "属性写法错误（引号、重复属性或属性值中的 <） (bad attribute)"
        case 64, 65, 67, 71, 72, 74:
            words = "标签写法错误 (malformed tag)"
        case 1, 2:
            words = "解析器资源不足或内部错误 (parser out of resources)"
        default:
            words = "XML 语法错误 (syntax error)"
        }
        return "\(words)，XML 错误代码 \(code)"
    }
}
