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
	    meson test -C $(SAN_BUILD) --print-errorlogs --num-processes 2 \
	        --no-suite linux; \
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

# The reference arm64 guest (Debian 12's kernel + a busybox initramfs,
# fetched into the guest cache by scripts/fetch-guest.py) booted to an
# interactive shell on this terminal. Ctrl-A x quits; `poweroff` ends it.
GUEST_CACHE ?=
demo: all
	@dir=$$(python3 scripts/fetch-guest.py aarch64 --print \
	        $(if $(GUEST_CACHE),--cache $(GUEST_CACHE))) || exit 1; \
	echo "Booting Debian 12's arm64 kernel on Kestrel (TCG-lite);" \
	     "Ctrl-A x quits."; \
	$(BUILD)/kestrel-system-aarch64 -M virt -cpu cortex-a57 -m 512 \
	    -smp 2 -kernel $$dir/Image -initrd $$dir/initrd.gz \
	    -append "console=ttyAMA0 panic=-1 kestrel.run=shell" \
	    -nographic -no-reboot

# Kestrel vs Debian's QEMU on the same guests (needs qemu-system-x86 and
# /dev/kvm; boot-aarch64 fetches the reference arm64 guest); figures are
# recorded in docs/performance.md.
bench: all
	scripts/install-deps.sh --reference
	python3 bench/start.py $(BUILD)
	python3 bench/tcg.py $(BUILD)
	python3 bench/boot-aarch64.py $(BUILD)

clean:
	[ ! -f $(BUILD)/build.ninja ] || ninja -C $(BUILD) clean

distclean:
	rm -rf $(BUILD) $(SAN_BUILD)
