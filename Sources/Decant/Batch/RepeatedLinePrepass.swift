/// Batch learning, first pass: reads every input once, counts per folder in how many documents
/// each line occurs (``RepeatedLineCounter``), and returns a pipeline whose
/// ``ScrapedPageCleaner`` drops the lines that recur in `threshold` or more documents of their
/// folder as `boilerplate.repeated`. The second pass is the normal batch run with that pipeline.
///
/// Deterministic: documents are read in parallel windows but counted in walk order.
public struct RepeatedLinePrepass: Sendable {
    public var inputs: [String]
    /// The output folder, never walked as input.
    public var excluding: String?
    public var threshold: Int
    public var jobs: Int
    public var maxEntries = 4_000_000

    public init(inputs: [String], excluding: String?, threshold: Int, jobs: Int) {
        self.inputs = inputs
        self.excluding = excluding
        self.threshold = threshold
        self.jobs = jobs
    }

    public struct Outcome: Sendable {
        public var pipeline: DocumentPipeline
        public var documents = 0
        /// (folder, line) pairs learned.
        public var learned = 0
    }

    /// `pipeline` with the learned lines added to its scraped-page stage (one is added if absent).
    public func learn(for pipeline: DocumentPipeline) -> Outcome {
        var counter = RepeatedLineCounter(threshold: threshold, maxEntries: maxEntries)
        var walker = InputWalker(inputs: inputs, excluding: excluding).makeIterator()
        var window: [InputItem] = []
        var documents = 0
        repeat {
            window.removeAll(keepingCapacity: true)
            while window.count < 256, let item = walker.next() { window.append(item) }
            let items = window
            let hashes = ParallelRunner.map(count: items.count, jobs: jobs) { index -> (Set<UInt64>, String)? in
                let item = items[index]
                guard item.problem == nil, let bytes = try? InputFile.read(item.path, limit: pipeline.options.maxBytes) else { return nil }
                let input = ReaderInput(bytes: bytes, name: item.relative)
                guard let reader = try? pipeline.registry.select(for: input), let document = try? reader.read(input),
                    document.format == "scraped-text" else { return nil }
                let folder = RepeatedLineIndex.folder(of: item.relative)
                return (RepeatedLineCounter.lineHashes(of: document, folder: folder), folder)
            }
            for case let (lines, folder)? in hashes {
                counter.add(lines, folder: folder)
                documents += 1
            }
        } while !window.isEmpty
        let index = counter.index
        var learned = pipeline
        var found = false
        learned.stages = pipeline.stages.map { stage in
            guard var cleaner = stage as? ScrapedPageCleaner else { return stage }
            found = true
            cleaner.repeated = index
            return cleaner
        }
        if !found {
            var cleaner = ScrapedPageCleaner(rules: RuleSet(packs: BuiltinRuleData.packs))
            cleaner.repeated = index
            learned.stages.insert(cleaner, at: 0)
        }
        return Outcome(pipeline: learned, documents: documents, learned: index.count)
    }
}
