# The commands README.md and .ci/run use. `make run` and `make test` work on a fresh machine:
# they install what is missing (libedit-dev, and the SVG test tools, through apt), build, then run.
SWIFT  ?= swift
PREFIX ?= $(HOME)/.local
# apt needs root: use sudo only when we are not root already.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test test-portable bench measure-repl docs fuzz install check-lessons clean

all: build

## deps: install the system packages the build needs (libedit-dev, zlib1g-dev) and the tools the picture
## tests run (xmllint from libxml2-utils, rsvg-convert from librsvg2-bin), if missing
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "make deps: installing libedit-dev and pkg-config with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config; \
	fi
	@if [ ! -f /usr/include/zlib.h ] && ! pkg-config --exists zlib 2>/dev/null; then \
		echo "make deps: installing zlib1g-dev with apt (mnist() inflates its embedded data with libz)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq zlib1g-dev; \
	fi
	@if ! command -v xmllint >/dev/null || ! command -v rsvg-convert >/dev/null; then \
		echo "make deps: installing libxml2-utils and librsvg2-bin with apt (the SVG tests use them)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libxml2-utils librsvg2-bin; \
	fi

## build: the release binary, .build/release/lectern
build: deps
	$(SWIFT) build -c release --product lectern

## run: build, then start Lectern
run: build
	.build/release/lectern

## test: build and run every test (Swift Testing)
test: deps
	$(SWIFT) test

## test-portable: the release-build tests on an emulated x86-64 CPU without AVX2 or FMA
## (qemu-user's Nehalem model), so the portable GEMM kernel runs and must agree
test-portable: deps
	@command -v qemu-x86_64 >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq qemu-user; }
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-portable
	qemu-x86_64 -cpu Nehalem .build-portable/release/LecternPackageTests.xctest --testing-library swift-testing

## bench: the benchmark workloads of docs/workloads.md in a release build
bench: build
	.build/release/lectern bench

## measure-repl: the REPL in a pseudo-terminal, release build: start to prompt (median),
## resident memory idle, after the W4 training, and over 10 more trainings
measure-repl: build
	scripts/measure-repl.py .build/release/lectern

## docs: regenerate the builtin references in docs/language.md and docs/exercises.md from the registry
docs:
	$(SWIFT) build --product lectern
	scripts/update-reference.sh .build/debug/lectern

## fuzz: a million generated programs (token streams, well-formed programs run as sessions,
## programs with random edits) through the interpreter, release build; prints how they ended.
## Any crash stops the run and names the program (lectern-fuzz --seed S --show KIND INDEX).
FUZZ_COUNT ?= 1000000
FUZZ_SEED  ?= 1
fuzz:
	$(SWIFT) build -c release --product lectern-fuzz
	.build/release/lectern-fuzz --count $(FUZZ_COUNT) --seed $(FUZZ_SEED)

## install: the release binary into $(PREFIX)/bin (default ~/.local/bin), and the course
## (lessons/ and exercises/) into $(PREFIX)/share/lectern, where the binary looks for it (docs/lessons.md)
install: build
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/lectern/lessons" "$(PREFIX)/share/lectern/exercises"
	install -m 755 .build/release/lectern "$(PREFIX)/bin/lectern"
	rm -f "$(PREFIX)/share/lectern/lessons/"*.md
	install -m 644 lessons/*.md "$(PREFIX)/share/lectern/lessons/"
	rm -rf "$(PREFIX)/share/lectern/exercises/"*
	for dir in exercises/*/; do \
		install -d "$(PREFIX)/share/lectern/$$dir" && install -m 644 "$$dir"* "$(PREFIX)/share/lectern/$$dir"; \
	done

## check-lessons: every lesson through `lectern lesson --check` (release build)
check-lessons: build
	.build/release/lectern lesson --check

clean:
	rm -rf .build .build-portable
