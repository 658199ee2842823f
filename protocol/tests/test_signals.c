// SPDX-License-Identifier: GPL-2.0
/* test_signals.c - Linux <-> gdb signal numbers. */
#include <signal.h>
#include "test.h"
#include "../rsp_int.h"

void test_signals(void)
{
	int s;

	CHECK_INT(rsp_sig_to_gdb(0), 0);
	CHECK_INT(rsp_sig_to_gdb(SIGTRAP), 5);
	CHECK_INT(rsp_sig_to_gdb(SIGINT), 2);
	CHECK_INT(rsp_sig_to_gdb(SIGSEGV), 11);
	CHECK_INT(rsp_sig_to_gdb(SIGBUS), 10);
	CHECK_INT(rsp_sig_to_gdb(SIGUSR1), 30);
	CHECK_INT(rsp_sig_to_gdb(SIGUSR2), 31);
	CHECK_INT(rsp_sig_to_gdb(SIGCHLD), 20);
	CHECK_INT(rsp_sig_to_gdb(SIGSTOP), 17);
	CHECK_INT(rsp_sig_to_gdb(SIGCONT), 19);
	CHECK_INT(rsp_sig_to_gdb(SIGURG), 16);
	CHECK_INT(rsp_sig_to_gdb(SIGIO), 23);
	CHECK_INT(rsp_sig_to_gdb(SIGPWR), 32);
	CHECK_INT(rsp_sig_to_gdb(SIGSYS), 12);
	CHECK_INT(rsp_sig_to_gdb(SIGSTKFLT), 143);
	CHECK_INT(rsp_sig_to_gdb(32), 77);
	CHECK_INT(rsp_sig_to_gdb(33), 45);
	CHECK_INT(rsp_sig_to_gdb(63), 75);
	CHECK_INT(rsp_sig_to_gdb(64), 78);
	CHECK_INT(rsp_sig_to_gdb(65), 143);
	CHECK_INT(rsp_sig_to_gdb(-1), 143);
	/* every Linux signal but SIGSTKFLT round-trips */
	for (s = 0; s <= 64; s++) {
		if (s == SIGSTKFLT)
			continue;
		CHECK_INT(rsp_sig_from_gdb(rsp_sig_to_gdb(s)), s);
	}
	CHECK_INT(rsp_sig_from_gdb(7), -1);	/* EMT */
	CHECK_INT(rsp_sig_from_gdb(29), -1);	/* LOST */
	CHECK_INT(rsp_sig_from_gdb(33), SIGIO);	/* POLL */
	CHECK_INT(rsp_sig_from_gdb(143), -1);
	CHECK_INT(rsp_sig_from_gdb(255), -1);
	CHECK_INT(rsp_sig_from_gdb(-5), -1);
}
