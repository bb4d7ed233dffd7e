/// "Did you mean ...?": the nearest of some names by edit distance.
enum Suggestions {
    /// The candidate closest to `name` (Damerau–Levenshtein distance, so a swap of two
    /// neighbouring letters costs 1), if it is close enough to be a likely typo: at most 1
    /// edit for short names, 2 for names of 5 or more letters. Case does not count, except
    /// between equally near candidates ('conv2' suggests 'conv2d', not 'Conv2d'); remaining
    /// ties go to the earlier candidate.
    ///
    /// The search is bounded: a name longer than `maxNameLength` gets no suggestion, and a
    /// candidate whose length differs by more than the limit is skipped unmeasured (the
    /// distance is at least the difference in length), so each distance costs at most
    /// 64 × 66 steps however long the misspelt name is.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        guard name.count <= maxNameLength else { return nil }
        let limit = name.count >= 5 ? 2 : 1
        var best: (String, Int, Int)? = nil
        for candidate in candidates where candidate != name && Swift.abs(candidate.count - name.count) <= limit {
            let d = distance(Array(name.lowercased()), Array(candidate.lowercased()))
            guard d <= limit else { continue }
            let exact = distance(Array(name), Array(candidate))
            if best == nil || d < best!.1 || (d == best!.1 && exact < best!.2) { best = (candidate, d, exact) }
        }
        return best?.0
    }

    /// Names longer than this are not typos of a known name: no suggestion is searched for.
    static let maxNameLength = 64

    /// Optimal string alignment distance between two strings.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
