# Veille: the two commands are `make demo` and `make test` (see README.md).
JOBS       ?= $(shell nproc)
RELEASE    := build/release
ASAN       := build/asan
FUZZ       := build/fuzz
FUZZ_SECONDS ?= 10
VEILLE     := $(RELEASE)/veille
SAMPLE_INPUTS := $(addprefix data/sample/,vladivostok.jsonl vladivostok.rss vladivostok.atom \
                 vladivostok.warc.gz feeds.opml)

.PHONY: all deps build demo test test-release test-browser test-asan fuzz bench bench-serve format clean

all: build

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(RELEASE) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(RELEASE) -j $(JOBS)

# Ingests the bundled sample corpus into var/demo.db and shows what Veille made of it.
demo: build
	@mkdir -p var
	@rm -f var/demo.db var/demo.db-wal var/demo.db-shm
	@python3 tools/seeds_jsonl.py data/sample/seeds data/sample/seed_dates.tsv var/seeds.jsonl
	@echo "== veille ingest: the seed pages with their dates (var/seeds.jsonl), then a JSONL stream, feeds, a WARC and an OPML list"
	@$(VEILLE) --db var/demo.db ingest --no-progress var/seeds.jsonl $(SAMPLE_INPUTS); \
	  rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 3 ] || exit $$rc
	@echo
	@echo "== the same again: everything is already known"
	@$(VEILLE) --db var/demo.db ingest --no-progress -q var/seeds.jsonl $(SAMPLE_INPUTS)
	@echo
	@echo "== veille articles"
	@$(VEILLE) --db var/demo.db articles
	@echo
	@echo "== veille search \"Vladivostok\""
	@$(VEILLE) --db var/demo.db search Vladivostok --limit 5
	@echo
	@echo "== veille entities --kind person (variants merged across outlets and languages)"
	@$(VEILLE) --db var/demo.db entities --kind person --limit 10
	@echo
	@echo "== veille stories (one event each) and storylines"
	@$(VEILLE) --db var/demo.db stories --order importance
	@echo
	@$(VEILLE) --db var/demo.db storylines
	@echo
	@echo "== veille story 1 (summary without repeated facts, entities, timeline, sources, articles)"
	@$(VEILLE) --db var/demo.db story 1
	@echo
	@echo "The database is var/demo.db; try: $(VEILLE) --db var/demo.db show 1"
	@echo
	@echo "== web UI and JSON API (docs/api.md)"
	@echo "Start it with:  $(VEILLE) --db var/demo.db serve --port 8080"
	@echo "then open:      http://127.0.0.1:8080/   (JSON: http://127.0.0.1:8080/api/stories)"

test: test-release test-browser test-asan fuzz

test-release: build
	ctest --test-dir $(RELEASE) --output-on-failure -j $(JOBS)

# The web UI in headless Chromium (tools/browser-test): sample corpus in a
# temporary database, `veille serve` on a free loopback port, screenshots
# under build/browser-test/.
test-browser: build test-release
	tools/browser-test/run $(VEILLE) build/browser-test

test-asan: deps
	cmake -S . -B $(ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVEILLE_SANITIZE=ON
	cmake --build $(ASAN) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN) --output-on-failure -j $(JOBS)

# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVEILLE_FUZZ=ON
	cmake --build $(FUZZ) -j $(JOBS)
	tools/run-fuzzers $(FUZZ) $(FUZZ_SECONDS)

bench: build
	bench/ingest/run

# HTTP load on 100k articles (bench/serve/run; the database is cached in bench/out/).
bench-serve: build
	bench/serve/run $(VEILLE)

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build var
