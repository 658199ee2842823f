# SPDX-License-Identifier: GPL-2.0
# ugdb - top level.  The two commands of the README:
#   make check   install what is missing, build everything, pass every test
#   make run     boot a VM with the module and the stub, for your own gdb
# and, on a machine that can load modules:
#   make         build stub/ugdbserver and kmod/ugdb.ko for the running kernel
#                (KDIR=/path/to/kernel/build to choose another)

KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build

all: stub kmod

stub:
	$(MAKE) -C stub

kmod:
	@if [ -e "$(KDIR)/Makefile" ]; then \
		$(MAKE) -C kmod KVER=$(KVER) KDIR=$(KDIR) && \
		ln -sf ../build/kmod-$(KVER)/ugdb.ko kmod/ugdb.ko && \
		echo "built kmod/ugdb.ko for $(KVER)"; \
	else \
		echo "no kernel build directory at $(KDIR): skipping the module"; \
		echo "(install linux-headers-$(KVER), or set KDIR)"; \
	fi

# The module for every kernel the VM tests boot.
vm-modules: stub
	@set -e; for k in $$(testsuite/vm/kernels); do \
		$(MAKE) -C kmod KVER=$$k KDIR=/usr/lib/modules/$$k/build; \
	done

check:
	scripts/setup-deps
	scripts/check

# All of guest-check on the debug kernel (testsuite/vm/debug-kernel), which
# make check runs only in part: an hour or more.
check-debug:
	scripts/setup-deps
	scripts/check debug

run:
	scripts/setup-deps
	scripts/run

unit-check:
	$(MAKE) -C protocol check
	$(MAKE) -C stub check

clean:
	$(MAKE) -C protocol clean
	$(MAKE) -C stub clean
	rm -rf build kmod/ugdb.ko

.PHONY: all stub kmod vm-modules check check-debug run unit-check clean

# Figures, not tests: the same work through gdbserver and ugdbserver in
# the same VM run, as ratios (testsuite/bench/guest-bench).
bench: vm-modules
	@for k in $$(testsuite/vm/kernels); do \
		testsuite/vm/run-vm $$k -- testsuite/bench/guest-bench; \
	done

.PHONY: bench

# The engine layer's stress run alone (make check runs it too, at the end
# of testsuite/vm/guest-check): see doc/engine-layer.md, "Proof".
stress: vm-modules
	@for k in $$(testsuite/vm/kernels); do \
		testsuite/vm/run-vm $$k -- testsuite/vm/stress-check; \
	done

.PHONY: stress
