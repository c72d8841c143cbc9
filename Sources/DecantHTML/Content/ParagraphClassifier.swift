/// A jusText-style classifier for pages without a clear container: each block is good, bad,
/// short or near-good from its length, link density and sentence punctuation; then short and
/// near-good blocks take the class of their good or bad neighbours, and headings before good
/// text are kept.
///
/// Before: `Home | News | Sport`, `Local council approves budget after a long debate, …`,
/// `© 2024` — after: only the middle block is good.
struct ParagraphClassifier {
    enum Label { case good, bad, short, nearGood }

    var lengthLow = 70
    var lengthHigh = 200
    var maxLinkDensity = 0.2

    func classify(_ blocks: [SourceBlock]) -> [Bool] {
        var labels: [Label] = blocks.map { initial($0) }
        // Context: short and near-good blocks between good ones are good.
        let n = labels.count
        func neighbour(_ i: Int, step: Int) -> Label? {
            var j = i + step
            while j >= 0, j < n {
                if labels[j] == .good || labels[j] == .bad { return labels[j] }
                j += step
            }
            return nil
        }
        var result = labels
        for i in 0..<n where labels[i] == .short || labels[i] == .nearGood {
            let previous = neighbour(i, step: -1)
            let next = neighbour(i, step: 1)
            if previous == .good && next == .good { result[i] = .good }
            else if labels[i] == .nearGood && (previous == .good || next == .good) { result[i] = .good }
            else { result[i] = .bad }
        }
        labels = result
        // Headings directly before good text are good.
        for i in 0..<n where blocks[i].block.type == .heading && labels[i] != .good {
            var j = i + 1
            while j < n, j <= i + 3 {
                if labels[j] == .good { labels[i] = .good; break }
                if blocks[j].block.type != .heading && blocks[j].chars > 200 { break }
                j += 1
            }
        }
        return labels.map { $0 == .good }
    }

    func initial(_ block: SourceBlock) -> Label {
        let density = block.chars == 0 ? 0 : Double(block.linkChars) / Double(block.chars)
        if density > maxLinkDensity { return .bad }
        if block.block.type == .table || block.block.type == .code { return block.chars > lengthLow ? .nearGood : .short }
        let text = block.block.text
        let sentences = text.unicodeScalars.filter { $0 == "." || $0 == "!" || $0 == "?" || $0 == "。" || $0 == "," }.count
        if block.chars < lengthLow { return block.chars < 15 ? .short : (sentences > 0 ? .nearGood : .short) }
        if block.chars >= lengthHigh { return sentences > 0 ? .good : .nearGood }
        return sentences > 0 ? .good : .nearGood
    }
}
