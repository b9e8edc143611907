extension Int {
    /// The number with leading zeros to `width` digits, as `%0Nd` prints it (`7.zeroPadded(3)` is `007`;
    /// wider numbers keep all their digits). Not `String(format:)`: dates, folder names and page names are
    /// padded hundreds of thousands of times in a check or a site build, and Foundation's formatter cost
    /// more than the work around it.
    public func zeroPadded(_ width: Int) -> String {
        guard self >= 0 else { return String(format: "%0\(width)d", self) }
        let text = String(self)
        let count = text.utf8.count
        return count >= width ? text : String(repeating: "0", count: width - count) + text
    }
}
