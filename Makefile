# wijklast — plain GNU make. Objects go to build/ (normal) and build/asan/
# (AddressSanitizer + UBSan). `make check` runs every test in both.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
LOCALEDIR ?= $(PREFIX)/share/locale
VERSION   := 0.1.0

CC        ?= cc
BUILD     ?= build
SAN       ?=
WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wno-format-nonliteral -Werror
CFLAGS    ?= -O2 -g
CPPFLAGS  += -std=c11 -D_GNU_SOURCE -Iinclude -DWIJKLAST_VERSION='"$(VERSION)"' \
             -DLOCALEDIR='"$(LOCALEDIR)"'
ifeq ($(SAN),1)
CFLAGS    := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
             -fno-omit-frame-pointer
LDFLAGS   += -fsanitize=address,undefined
endif

PKGS_CORE := sqlite3 libpq libconfig xlsxwriter
PKGS_UI   := ncursesw
# Silent when pkg-config or criterion is not installed yet: `run` and `check`
# install them first and build in a fresh make, which sees them.
CORE_CFLAGS := $(shell pkg-config --cflags $(PKGS_CORE) 2>/dev/null)
CORE_LIBS   := $(shell pkg-config --libs $(PKGS_CORE) 2>/dev/null) -lm -pthread
UI_CFLAGS   := $(shell pkg-config --cflags $(PKGS_UI) 2>/dev/null)
UI_LIBS     := $(shell pkg-config --libs $(PKGS_UI) 2>/dev/null)
TEST_CFLAGS := $(shell pkg-config --cflags criterion 2>/dev/null)
TEST_LIBS   := $(shell pkg-config --libs criterion 2>/dev/null)

UI_SRC    := $(wildcard src/ui*.c)
MAIN_SRC  := src/main.c
CORE_SRC  := $(filter-out $(UI_SRC) $(MAIN_SRC),$(wildcard src/*.c))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
UI_OBJ    := $(UI_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/main.o
TESTS     := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))

.PHONY: all run check deps tests asan bench install uninstall clean format
all: $(BUILD)/wijklast $(BUILD)/locale/nl/LC_MESSAGES/wijklast.mo

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c $< -o $@

$(BUILD)/obj/ui.o $(BUILD)/obj/ui_%.o $(BUILD)/obj/main.o: CORE_CFLAGS += $(UI_CFLAGS)

$(BUILD)/libcore.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/wijklast: $(UI_OBJ) $(BUILD)/libcore.a
	$(CC) $(LDFLAGS) -o $@ $^ $(UI_LIBS) $(CORE_LIBS)

# Test binaries link the core only: a curses call below the UI fails here.
$(BUILD)/tests/%: tests/%.c $(BUILD)/libcore.a tests/testutil.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(TEST_CFLAGS) $(CFLAGS) $(WARN) -Itests \
	    -DSRCDIR='"$(CURDIR)"' \
	    -o $@ $< $(BUILD)/libcore.a $(LDFLAGS) $(TEST_LIBS) $(CORE_LIBS)

# The headless UI tests (tests/ui_*.c) link the views and ncursesw too.
UI_TESTS  := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/ui_*.c))
UI_TEST_OBJ := $(filter-out $(BUILD)/obj/main.o,$(UI_OBJ))

$(UI_TESTS): $(BUILD)/tests/ui_%: tests/ui_%.c $(UI_TEST_OBJ) $(BUILD)/libcore.a \
    tests/testutil.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(UI_CFLAGS) $(TEST_CFLAGS) $(CFLAGS) \
	    $(WARN) -Itests -o $@ $< $(UI_TEST_OBJ) $(BUILD)/libcore.a \
	    $(LDFLAGS) $(TEST_LIBS) $(UI_LIBS) $(CORE_LIBS)

$(BUILD)/locale/nl/LC_MESSAGES/wijklast.mo: po/nl.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# What ./dev.sh runs once make is there. Each first installs (as root) or
# names the missing Debian packages (`run` needs fewer than `check`), then
# builds in a fresh make so pkg-config sees them.
run:
	./scripts/deps run
	$(MAKE) --no-print-directory all
	./scripts/run-demo $(BUILD)

check: deps
	MAKE="$(MAKE)" ./tests/check

deps:
	./scripts/deps check

tests: $(TESTS) $(UI_TESTS)

asan:
	$(MAKE) --no-print-directory BUILD=build/asan SAN=1 all tests
	SAN=1 ./tests/run-all build/asan

bench: all $(BUILD)/bench_planner $(BUILD)/bench_tui
	./scripts/deps bench
	./tests/bench $(BUILD)
	./tests/bench-import $(BUILD)
	./tests/bench-pg $(BUILD)
	$(BUILD)/bench_planner

$(BUILD)/bench_planner: tests/bench_planner.c $(BUILD)/libcore.a
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(CFLAGS) $(WARN) -o $@ $< \
	    $(BUILD)/libcore.a $(LDFLAGS) $(CORE_LIBS)

$(BUILD)/bench_tui: tests/bench_tui.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -o $@ $< $(LDFLAGS) -lutil

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(SYSCONFDIR)/wijklast $(DESTDIR)$(LOCALEDIR)/nl/LC_MESSAGES
	install -m 755 $(BUILD)/wijklast $(DESTDIR)$(BINDIR)/wijklast
	install -m 644 man/wijklast.1 $(DESTDIR)$(MANDIR)/man1/wijklast.1
	install -m 644 man/wijklast.cfg.5 $(DESTDIR)$(MANDIR)/man5/wijklast.cfg.5
	install -m 644 config/wijklast.cfg $(DESTDIR)$(SYSCONFDIR)/wijklast/wijklast.cfg.sample
	install -m 644 $(BUILD)/locale/nl/LC_MESSAGES/wijklast.mo \
	    $(DESTDIR)$(LOCALEDIR)/nl/LC_MESSAGES/wijklast.mo

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wijklast $(DESTDIR)$(MANDIR)/man1/wijklast.1 \
	    $(DESTDIR)$(MANDIR)/man5/wijklast.cfg.5 \
	    $(DESTDIR)$(SYSCONFDIR)/wijklast/wijklast.cfg.sample \
	    $(DESTDIR)$(LOCALEDIR)/nl/LC_MESSAGES/wijklast.mo

format:
	clang-format -i src/*.c include/*.h tests/*.c

# The torture of issue 8, kept like SQLite keeps its own: fuzzers, a crash
# loop (SIGKILL during writes) and 8 concurrent writers. torture-short (a
# few minutes, for make check) and torture (long; prints the figures).
.PHONY: torture torture-short
torture-short: all fuzz-smoke
	TORTURE=short ./tests/torture/run $(BUILD)

torture: all fuzz
	./tests/sweep $(BUILD) --long
	TORTURE=long ./tests/torture/run $(BUILD)

clean:
	rm -rf build

include tests/fuzz/fuzz.mk
-include $(wildcard $(BUILD)/obj/*.d)
