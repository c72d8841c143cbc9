/// Finds where the article runs in a page: the stretch of lines whose prose outweighs the page
/// furniture around it (the maximum-sum run, Kadane's algorithm), so prose in a header promo or
/// a footer "about us" separated from the article by menus stays outside.
///
/// Scores: a prose line counts its words, a line of furniture (menu item, rule-matched
/// boilerplate) counts `-furniturePenalty`, metadata lines count 0.
/// `[-5, -5, 40, 35, -5, 60, -5, -5, -5, -5, -5, -5, -5, -5, 20]` → lines 2…5.
public enum ArticleZone {
    /// What one line of furniture costs, in words of prose.
    public static let furniturePenalty = 6.0

    /// The best run and, on either side of it, further runs worth at least `share` of it
    /// (an article split by an inline menu or a long table), in order.
    public static func findAll(count: Int, share: Double, score: (Int) -> Double) -> [ClosedRange<Int>] {
        var values: [Double] = []
        values.reserveCapacity(count)
        for index in 0..<count { values.append(score(index)) }
        guard let (best, bestSum) = find(values, in: 0..<count) else { return [] }
        var zones = [best]
        var pending = [0..<best.lowerBound, (best.upperBound + 1)..<count]
        while let part = pending.popLast() {
            guard let (zone, sum) = find(values, in: part), sum >= bestSum * share else { continue }
            zones.append(zone)
            pending.append(part.lowerBound..<zone.lowerBound)
            pending.append((zone.upperBound + 1)..<part.upperBound)
        }
        return zones.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The best run (first and last index, both prose), or nil when no line scores above zero.
    public static func find(count: Int, score: (Int) -> Double) -> ClosedRange<Int>? {
        var values: [Double] = []
        for index in 0..<count { values.append(score(index)) }
        return find(values, in: 0..<count)?.0
    }

    static func find(_ values: [Double], in range: Range<Int>) -> (ClosedRange<Int>, Double)? {
        var best: (sum: Double, range: ClosedRange<Int>)?
        var sum = 0.0
        var start = range.lowerBound
        for index in range {
            let value = values[index]
            if sum <= 0 {
                if value <= 0 { continue }
                sum = 0
                start = index
            }
            sum += value
            if value > 0, sum > (best?.sum ?? 0) { best = (sum, start...index) }
        }
        return best.map { ($0.range, $0.sum) }
    }
}
