# raftref: the main job, the tests, and the model checker runs.
# `make` runs the main job; `make test` runs the tests. Both install what they need.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

NODE    ?= node
RAFTREF := $(NODE) dist/scripts/raftref.js
SOURCES := $(shell find src scripts conformance -name '*.ts' -not -path '*/fixtures/*' 2>/dev/null)

# Pinned TLC release for `make check-tlc` on a machine with internet access.
TLC_VERSION := 1.7.4
TLC_SHA256  := 936a262061c914694dfd669a543be24573c45d5aa0ff20a8b96b23d01e050e88
TLC_URL     := https://github.com/tlaplus/tlaplus/releases/download/v$(TLC_VERSION)/tla2tools.jar
TLC_JAR     := tools/tla2tools-$(TLC_VERSION).jar

# The committed corpus (traces/corpus/): regenerate with `make corpus` after a change to
# spec/Raft.tla (replay refuses traces whose spec hash is not the current spec's).
CORPUS      := traces/corpus
CORPUS_SEED := 2026
# The fresh batch of `make` and `make test`: a new seed each run, printed, so that every run
# can find a new behaviour and any run can be repeated with SEED=<seed>.
SEED  ?= $(shell date +%s)
FRESH := out/fresh

.PHONY: all install build typecheck check check-full check-tlc unit replay fresh corpus test mutants figure2 figure2-check readme-numbers bench mutation replay-coverage clean help help-check

# help: each target's `## ` text, read by make as a define so that its variables are expanded.
define newline


endef

help: ## list the targets
	@$(eval define HELP_TEXT$(newline)$(shell grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 17 | sed 's/$$/\\n/')$(newline)endef)
	@printf '%b' '$(subst ','\'',$(HELP_TEXT))' | sed 's/^ //'

help-check: ## fail if make help prints a variable unexpanded
	@out="$$($(MAKE) --no-print-directory help)"; \
	if grep -F '$$(' <<< "$$out"; then echo 'make help: the lines above show an unexpanded variable' >&2; exit 1; fi; \
	grep -q "seed $(CORPUS_SEED))" <<< "$$out" || { echo 'make help: the corpus seed is missing' >&2; exit 1; }

all: build ## the main job: model-check, generate a fresh batch of traces, replay it and the corpus, summary
	@$(RAFTREF) check --broken
	@$(MAKE) --no-print-directory fresh replay

# The stamps are npm's own files, so a manual `npm ci` counts too: npm writes
# node_modules/.package-lock.json on every install, and npm ci's prepare runs the build
# (npm run build), whose last step writes dist/build-info.json.
install: node_modules/.package-lock.json ## npm ci (only when package.json or package-lock.json changed; it builds too)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

build: dist/build-info.json ## compile the TypeScript (tsc, strict) and record the git commit (npm run build)

dist/build-info.json: node_modules/.package-lock.json tsconfig.json $(SOURCES)
	npm run --silent build
	@chmod +x dist/scripts/raftref.js

typecheck: node_modules/.package-lock.json ## tsc --noEmit over src, scripts, conformance and their tests
	npx tsc -p tsconfig.json --noEmit

check: build ## model-check the fast models and the broken variants (embedded checker, or TLC with TLA2TOOLS_JAR)
	@$(RAFTREF) check --broken $(if $(TLA2TOOLS_JAR),--checker tlc,)

check-full: build ## model-check every model, the full tier included
	@$(RAFTREF) check --full --broken $(if $(TLA2TOOLS_JAR),--checker tlc,)

check-tlc: build ## fetch the pinned TLC (SHA-256 verified) unless TLA2TOOLS_JAR is set, then check with it
	@jar="$${TLA2TOOLS_JAR:-}"; \
	if [ -z "$$jar" ]; then \
	  $(RAFTREF) tlc-fetch --url $(TLC_URL) --sha256 $(TLC_SHA256) --out $(TLC_JAR); jar=$(TLC_JAR); \
	fi; \
	TLA2TOOLS_JAR="$$jar" $(RAFTREF) check --checker tlc --broken

unit: build ## the unit tests, with the c8 gate: 95% of the branches of src/
	npx c8 --all --check-coverage --branches 95 --src src --include 'src/**/*.ts' --exclude '**/*.test.ts' \
	  --exclude 'src/testing.ts' --reporter text-summary \
	  npx tap --disable-coverage --reporter=tap 'src/**/*.test.ts' 'scripts/**/*.test.ts' 'conformance/**/*.test.ts' \
	  | $(NODE) dist/scripts/tap-summary.js

fresh: build ## generate a fresh seeded batch of traces into out/fresh (SEED=... to repeat one)
	@echo "fresh batch: seed $(SEED) (repeat with: make fresh SEED=$(SEED))"
	@rm -rf $(FRESH)
	@$(RAFTREF) traces generate --model MCRaft2 --model MCRaft3 --count 15 --min-depth 20 --depth 80 --seed $(SEED) --out $(FRESH)

replay: build ## replay the committed corpus and the fresh batch against src/, with rule coverage
	@$(RAFTREF) replay --coverage --check-enabled $(CORPUS) $$([ -d $(FRESH) ] && echo $(FRESH))

corpus: build ## regenerate the committed corpus (seed $(CORPUS_SEED)); takes about 15 minutes
	rm -rf $(CORPUS)
	$(RAFTREF) traces generate --model MCRaft2 --count 250 --min-depth 20 --depth 100 --seed $(CORPUS_SEED) --out $(CORPUS)
	$(RAFTREF) traces generate --model MCRaft3Full --mode coverage --count 250 --min-depth 20 --depth 150 --seed $(CORPUS_SEED) --out $(CORPUS)

test: build typecheck unit ## every test: typecheck, unit tests with coverage gate (the package install test included), fast model check, replay, mutants, replay-only coverage gate, FIGURE2.md current, README figures measured, make help expanded
	@$(RAFTREF) check --broken
	@$(MAKE) --no-print-directory fresh replay mutants replay-coverage figure2-check readme-numbers help-check

# spec/FIGURE2.md: every Figure 2 rule with its spec action, code, tests, corpus steps and the
# mutants that break it, with their status as `make mutants` measured it (out/mutants.json).
MUTANTS_JSON := out/mutants.json

mutants: build ## replay the corpus against each catalogued Raft bug (conformance/mutants/); fails if one survives
	@mkdir -p out
	@$(RAFTREF) mutants --json > $(MUTANTS_JSON)

figure2: build ## write spec/FIGURE2.md (runs the mutants first; a survivor is listed, not an error)
	@mkdir -p out
	@$(RAFTREF) mutants --json > $(MUTANTS_JSON) || [ $$? -eq 1 ]
	@$(RAFTREF) figure2 --mutants $(MUTANTS_JSON)

readme-numbers: mutants ## fail if a figure a README marks as measured (<!-- n:KEY -->) differs from make mutants' output or the corpus
	@$(NODE) dist/conformance/readme-numbers.js --mutants $(MUTANTS_JSON)

figure2-check: mutants ## fail if spec/FIGURE2.md is not what make figure2 would write
	@$(RAFTREF) figure2 --check --mutants $(MUTANTS_JSON)

bench: build ## replay and generation throughput
	$(NODE) dist/conformance/bench.js $(CORPUS)
	@echo "generation throughput, tla-checker, MCRaft3, 1 job (TLC generation needs TLA2TOOLS_JAR):"
	@$(RAFTREF) traces generate --model MCRaft3 --count 4 --depth 50 --seed 1 --jobs 1 --out out/bench 2>&1 | grep -E '^(generated|lengths)'
	@echo "generation is limited by tla-checker: every successor query re-parses the whole spec (about 6 of 10 ms CPU a step)"

# The core that `make mutation` mutates and `make replay-coverage` measures: src/ without its tests,
# src/testing.ts, the re-exports (index), the driver helpers (broadcast, kv, state-machine) and the
# edge codecs (codecs, decode); conformance/mutation/README.md says why.
CORE_EXCLUDE := testing index broadcast kv state-machine codecs decode

mutation: build ## mutation testing of the core with the corpus replay alone (StrykerJS, ~8 min), then replay-coverage
	@status=0; \
	npx stryker run conformance/mutation/stryker.config.json || status=$$?; \
	$(NODE) dist/conformance/mutation/summary.js || status=$$?; \
	$(MAKE) --no-print-directory replay-coverage || status=$$?; \
	exit $$status

replay-coverage: build ## c8 over `replay --check-enabled` of the corpus alone, no unit test (gate: 95% of the core's branches)
	npx c8 --all --src dist/src --include 'dist/src/**/*.js' --exclude 'dist/src/**/*.test.js' \
	  $(foreach f,$(CORE_EXCLUDE),--exclude dist/src/$(f).js) --temp-directory out/replay-coverage/tmp \
	  --report-dir out/replay-coverage --reporter text --reporter text-summary --check-coverage --branches 95 \
	  $(RAFTREF) replay --check-enabled $(CORPUS)

clean: ## remove build output
	rm -rf dist coverage .tap out
