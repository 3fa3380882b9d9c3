extension History {
    /// The order in which every consumer folds the reviews (replay, stats, the optimizer): by
    /// instant, ties by event id. Ids, not file positions, break ties because synced machines
    /// hold the same events in different file orders (each appends the other's after its own),
    /// and two answers to one card in one millisecond must fold the same way on both.
    ///
    /// Empty when the file order already is that order, the usual case: the check is one pass,
    /// and the sort (of positions) only runs for a clock that went backwards, a merge, or a tie.
    public func foldOrder() -> [Int32] {
        let reviews = packed
        var inOrder = true
        reviews.withUnsafeBufferPointer { r in
            guard r.count > 1 else { return }
            for i in 1..<r.count where !Self.folds(r[i - 1], before: r[i]) {
                inOrder = false
                break
            }
        }
        if inOrder { return [] }
        return (0..<Int32(reviews.count)).sorted { Self.folds(reviews[Int($0)], before: reviews[Int($1)]) }
    }

    /// Whether `a` folds before `b`: earlier instant, or the same instant and the smaller id.
    /// Strict, so the sort is total for distinct ids (a history holds each id once).
    @inline(__always)
    public static func folds(_ a: PackedReview, before b: PackedReview) -> Bool {
        a.at != b.at ? a.at < b.at : a.id < b.id
    }
}
