#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# e2e.sh STUB - a real gdb against the protocol engine + mock target
# (tests/e2e_stub.c over a pipe).  Checks what gdb makes of our target
# description, registers, memory, threads, breakpoints, resumes and
# monitor commands, thread names (qXfer:threads), qXfer:auxv, and that
# multiprocess+ gives gdb the real pid.
# Exit 0 on success, 1 on failure, 77 without gdb.
stub=$1
command -v gdb > /dev/null 2>&1 || exit 77
out=$(timeout 60 gdb -nx -batch \
	-ex "target remote | $stub" \
	-ex 'info registers rip eflags' \
	-ex 'p $xmm0.v2_double[0]' \
	-ex 'p/x $mxcsr' \
	-ex 'p $orig_rax' \
	-ex 'p $fs_base' \
	-ex 'p $st7' \
	-ex 'x/2xb 0x400000' \
	-ex 'set var *(char *)0x400001 = 0x41' \
	-ex 'x/2xb 0x400000' \
	-ex 'info threads' \
	-ex 'info auxv' \
	-ex 'thread 2' \
	-ex 'p/x $rax' \
	-ex 'set var $rax = 0x55' \
	-ex 'p/x $rax' \
	-ex 'break *0x400020' \
	-ex 'continue' \
	-ex 'stepi' \
	-ex 'monitor hello' \
	-ex 'info inferiors' \
	-ex 'detach' 2>&1)
fail=0
check() {
	if ! printf '%s\n' "$out" | grep -q -- "$1"; then
		echo "e2e: missing: $1"
		fail=1
	fi
}
check 'rip            0x400010'
check 'eflags         0x246               \[ PF ZF IF \]'
check '^\$1 = 1$'
check '^\$2 = 0x1f80$'
check '^\$3 = 0$'
check '^\$5 = 0$'
check '0x400000:	0x90	0x90'
check '0x400000:	0x90	0x41'
check 'Thread 1234.1234'
check 'Thread 1234.1235'
check 'Thread 1234.1234 "e2e-main"'
check 'Thread 1234.1235 "e2e <w&rk>"'
check 'AT_PAGESZ  *System page size  *4096'
check '^\$6 = 0x1235$'
check '^\$7 = 0x55$'
check 'Breakpoint 1 at 0x400020'
check 'SIGTRAP'
check '^hi$'
check '^\* 1 *process 1234 '
check 'Inferior 1 (process 1234) detached'
# extended-remote: nothing running, attach, detach, attach again, kill
out=$(timeout 60 gdb -nx -batch \
	-ex "target extended-remote | $stub --multi" \
	-ex 'attach 1234' \
	-ex 'p/x $rip' \
	-ex 'detach' \
	-ex 'attach 1234' \
	-ex 'kill' 2>&1)
check 'New Thread 1234.1235'
check '^\$1 = 0x400010$'
check 'Inferior 1 (process 1234) detached'
check 'Inferior 1 (process 1234) killed'
if [ $fail != 0 ]; then
	printf '%s\n' "$out" | tail -n 40
	exit 1
fi
# every register feature: gdb takes the description and builds the
# pseudo registers (ymm, zmm, bnd) from the raw halves
out=$(timeout 60 gdb -nx -batch \
	-ex "target remote | $stub --features ff" \
	-ex 'p $ymm0.v4_double' \
	-ex 'p/x $k1' \
	-ex 'p $zmm31.v8_int64' \
	-ex 'p/x $bnd0' \
	-ex 'p/x $pkru' \
	-ex 'set var $ymm15.v8_int32[5] = 9' \
	-ex 'p/x $ymm15h' \
	-ex 'p $ymm15.v8_int32' \
	-ex 'info registers orig_rax' \
	-ex 'detach' 2>&1)
check '^\$1 = {1, 0, 2, 0}$'
check '^\$2 = 0x5a$'
check '^\$3 = {7, 0, 0, 0, 8, 0, 0, 0}$'
check '^\$4 = {lbound = 0x1000, ubound = 0xffffffffffffffff} : size '
check '^\$5 = 0x55555554$'
check '^\$6 = 0x900000000$'
check '^\$7 = {0, 0, 0, 0, 0, 9, 0, 0}$'
check '^orig_rax  *0x0  *0$'
if [ $fail != 0 ]; then
	printf '%s\n' "$out" | tail -n 40
	exit 1
fi
exit 0
