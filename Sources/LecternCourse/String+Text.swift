// Small text helpers of the course module.

extension String {
    /// Without spaces, tabs and line breaks at either end.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// Every space replaced (by a no-break space, so that wrapping keeps a formula whole).
    func replacingSpaces(with replacement: Character) -> String {
        String(map { $0 == " " ? replacement : $0 })
    }
}
