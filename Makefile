# Decant — the two set-up commands are `make demo` and `make test`; both bootstrap what they need.
SWIFT ?= swift
BIN_RELEASE := .build/release/decant
BIN_DEBUG := .build/debug/decant
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test bootstrap build release schema-check eval compare bench peers clean-out bench-readers fuzz fuzz-smoke fuzz-corpus

## demo: install what is missing, build release, clean seeds/ into out/seeds, show the first document
demo: bootstrap release
	@rm -rf out/seeds
	$(BIN_RELEASE) clean $(sort $(wildcard seeds/*.txt)) -o out/seeds
	@echo "--- first document (out/seeds/documents.jsonl, line 1, pretty-printed) ---"
	@head -n 1 out/seeds/documents.jsonl | $(PY) -m json.tool --no-ensure-ascii | head -n 60

## test: bootstrap, unit and integration tests, then script checks (schema validation), then a
## short bounded fuzz run of every libFuzzer target (fuzz-smoke)
test: bootstrap
	$(SWIFT) build
	SWIFT_BACKTRACE=enable=no $(SWIFT) test
	$(MAKE) --no-print-directory schema-check
	$(MAKE) --no-print-directory pipelines-check
	$(MAKE) --no-print-directory fuzz-smoke

## fuzz: every libFuzzer target of Fuzz/ for FUZZ_SECONDS (default 60) each, sanitizer build in
## .build-fuzz, new inputs kept in .build-fuzz-work/corpus/ (FUZZ_TARGETS="fuzz-pipe" picks targets)
FUZZ_SECONDS ?= 60
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz/run.sh long

## fuzz-smoke: the bounded run inside make test: 25 s per target, rss and per-input time limits;
## a crash, hang or leak fails it and prints the reproducer's path
fuzz-smoke:
	@FUZZ_SECONDS=$${FUZZ_SMOKE_SECONDS:-25} bash scripts/fuzz/run.sh smoke

## fuzz-corpus: regenerate the committed seed corpora (Fuzz/Corpus/) from Tests/Fixtures and seeds/
fuzz-corpus:
	python3 scripts/fuzz/make-corpus.py

bootstrap:
	@bash scripts/bootstrap.sh

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

## schema-check: validate real output of every reader against schema/ with Python's jsonschema
schema-check:
	@bash scripts/check-schema.sh $(BIN_DEBUG)

## pipelines-check: Spark (local, 2 workers) output equals decant clean's; datatrove reads the output
pipelines-check:
	@$(PY) scripts/check-pipelines.py $(BIN_DEBUG)

## eval / compare / bench: side-by-side measurements against the peers (see README).
## Each concern has its own target; the umbrella targets run them all.
eval: eval-scraped eval-html eval-encoding
compare: compare-html compare-encoding
bench: bench-scraped bench-html bench-encoding bench-batch bench-readers

peers:
	@bash scripts/bootstrap-peers.sh

## eval-html: Decant's HTML quality on webpages-dev and trafilatura-eval; compare-html: the same
## side by side with trafilatura, readability-lxml, jusText and resiliparse (plus throughput);
## bench-html: pages/s on one core and peak memory, Decant (release) against the same peers
## (HTML_EVAL_ARGS="--sample 100" times 100 pages of each set, for a quick run).
eval-html compare-html bench-html:
	@bash scripts/eval-html.sh $(patsubst %-html,%,$@)

## eval-encoding: ftfy's cases and a generated mojibake corpus, Decant vs ftfy (README "Encodings and repairs")
eval-encoding:
	@bash scripts/encoding/run.sh eval

## compare-encoding: charset detection on a generated multilingual corpus vs charset-normalizer, chardet, uchardet
compare-encoding:
	@bash scripts/encoding/run.sh compare

## bench-encoding: repair throughput vs ftfy, and decode + repair of clean UTF-8
bench-encoding:
	@bash scripts/encoding/run.sh bench

## eval-scraped: webpages-dev rendered to text dumps (lynx, inscriptis); Decant vs keep-everything, C4, Gopher,
## jusText, trafilatura and the line oracle, then batch learning on pages that share a site (scripts/eval/).
eval-scraped: peers release
	$(PY) scripts/eval/scraped_eval.py

## bench-scraped: MB/s of scraped text per core, release build, with the line-filter peers on the same dumps.
bench-scraped: peers release
	$(PY) scripts/eval/scraped_bench.py

## bench-readers: throughput per format, and what the plugin protocol adds over pdftotext alone
bench-readers: bootstrap release
	@python3 scripts/bench-readers.py --bin $(BIN_RELEASE)

clean-out:
	rm -rf out

## bench-batch: documents/s for --jobs 1 and 2 and peak RSS for 10,000 vs 100,000 generated documents
bench-batch: bootstrap release
	@python3 scripts/bench_batch.py $(BIN_RELEASE)
