# libFuzzer harnesses (tests/fuzz/fuzz_*.c), included by the Makefile. The
# core is built again with clang and the sanitizers into build/fuzz/.
#   make fuzz          each harness for FUZZ_SECONDS (default 300)
#   make fuzz-smoke    each for FUZZ_SMOKE_SECONDS (default 20; make check)
# Seeds are in tests/fuzz/corpus/NAME/ (small synthetic files); what the
# fuzzer finds stays in build/fuzz/, crashes as build/fuzz/crash-*.

FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_FLAGS   := -g -O1 -fno-omit-frame-pointer \
                -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=undefined
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS    := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_OBJ     := $(CORE_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)

.PHONY: fuzz fuzz-smoke fuzz-build
fuzz-build: deps-fuzz $(FUZZ_BINS)

fuzz: fuzz-build
	./tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	./tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS)

# libFuzzer comes with clang; say what to install instead of a cryptic error.
.PHONY: deps-fuzz
deps-fuzz:
	@command -v $(FUZZ_CC) >/dev/null && \
	    echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	    $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null || { \
	    echo "fuzzing needs clang with libFuzzer; as root run:"; \
	    echo "  apt-get update && apt-get install -y clang libclang-rt-14-dev llvm-14"; \
	    exit 1; }

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(CORE_CFLAGS) $(FUZZ_FLAGS) $(WARN) -MMD -MP \
	    -c $< -o $@

$(FUZZ_BUILD)/libcore.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h \
    $(FUZZ_BUILD)/libcore.a
	$(FUZZ_CC) $(CPPFLAGS) $(CORE_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    $(WARN) -Itests/fuzz -o $@ $< $(FUZZ_BUILD)/libcore.a $(CORE_LIBS)

-include $(wildcard $(FUZZ_BUILD)/obj/*.d)
