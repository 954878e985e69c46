# Thin wrapper over configure + meson/ninja. See README.md.
BUILD ?= build
CONFIGURE_FLAGS ?=
SAN_BUILD ?= build-san

.PHONY: all check check-unit check-sanitizers check-tcg-long install demo bench clean distclean deps

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD) $(CONFIGURE_FLAGS)

# Install missing Debian packages when run as root; otherwise configure
# names them.
deps:
	@if ! scripts/install-deps.sh --check 2>/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then scripts/install-deps.sh; \
	    else scripts/install-deps.sh --check; exit 1; fi; \
	fi

check: deps all
	meson test -C $(BUILD) --print-errorlogs --num-processes 2; \
	    status=$$?; python3 scripts/test-summary.py $(BUILD); \
	    exit $$status

check-unit: deps all
	meson test -C $(BUILD) --suite unit --print-errorlogs

# Every test under AddressSanitizer and UndefinedBehaviorSanitizer (the
# functional tests drive the sanitized binary).
check-sanitizers: deps
	[ -f $(SAN_BUILD)/build.ninja ] || \
	    ./configure --builddir=$(SAN_BUILD) --enable-sanitizers --enable-werror
	ninja -C $(SAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    meson test -C $(SAN_BUILD) --print-errorlogs --num-processes 2; \
	    status=$$?; python3 scripts/test-summary.py $(SAN_BUILD); \
	    exit $$status

# Many random A64 blocks on Kestrel and on live Debian QEMU (qemu-system-arm),
# compared register by register (tests/tcg/aarch64, docs/devel/tcg-tests.md).
check-tcg-long: all
	scripts/install-deps.sh --reference
	python3 tests/tcg/aarch64/difftest.py --live --seeds 500 \
	    --runner $(BUILD)/tests/tcg/tcg-runner

install: all
	meson install -C $(BUILD)

# No bootable board yet (the arm virt issue brings the reference guest):
# until then the demo starts the 'none' machine with its monitor on stdio.
demo: all
	@echo "Kestrel cannot boot a guest yet; this is the 'none' machine"
	@echo "with the monitor on stdio. Try: info mtree, info qtree, quit"
	$(BUILD)/kestrel-system-x86_64 -M none -m 64 -nodefaults -monitor stdio

# Kestrel vs Debian's QEMU on the same guests (needs qemu-system-x86 and
# /dev/kvm); figures are recorded in docs/performance.md.
bench: all
	scripts/install-deps.sh --reference
	python3 bench/start.py $(BUILD)
	python3 bench/tcg.py $(BUILD)

clean:
	[ ! -f $(BUILD)/build.ninja ] || ninja -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(SAN_BUILD)
