// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_signals.c - Linux x86-64 signal numbers <-> gdb's protocol numbers.
 *
 * gdb sends and expects its own host-independent numbering (enum
 * gdb_signal of include/gdb/signals.def), which only agrees with Linux for
 * the oldest signals.  Real-time signals are split over three ranges
 * there: 33..63 are contiguous at 45, while 32 and 64 were added later
 * at 77 and 78.
 */
#include "rsp_int.h"

#define GDB_SIGNAL_POLL		33
#define GDB_SIGNAL_REALTIME_33	45
#define GDB_SIGNAL_REALTIME_63	75
#define GDB_SIGNAL_REALTIME_32	77
#define GDB_SIGNAL_REALTIME_64	78
#define LINUX_SIGIO		29

/* Index: Linux signal 0..31.  0 = no gdb equivalent (only SIGSTKFLT). */
static const u8 linux_to_gdb[32] = {
	[1] = 1,	/* SIGHUP */
	[2] = 2,	/* SIGINT */
	[3] = 3,	/* SIGQUIT */
	[4] = 4,	/* SIGILL */
	[5] = 5,	/* SIGTRAP */
	[6] = 6,	/* SIGABRT */
	[7] = 10,	/* SIGBUS */
	[8] = 8,	/* SIGFPE */
	[9] = 9,	/* SIGKILL */
	[10] = 30,	/* SIGUSR1 */
	[11] = 11,	/* SIGSEGV */
	[12] = 31,	/* SIGUSR2 */
	[13] = 13,	/* SIGPIPE */
	[14] = 14,	/* SIGALRM */
	[15] = 15,	/* SIGTERM */
	[16] = 0,	/* SIGSTKFLT: gdb has none */
	[17] = 20,	/* SIGCHLD */
	[18] = 19,	/* SIGCONT */
	[19] = 17,	/* SIGSTOP */
	[20] = 18,	/* SIGTSTP */
	[21] = 21,	/* SIGTTIN */
	[22] = 22,	/* SIGTTOU */
	[23] = 16,	/* SIGURG */
	[24] = 24,	/* SIGXCPU */
	[25] = 25,	/* SIGXFSZ */
	[26] = 26,	/* SIGVTALRM */
	[27] = 27,	/* SIGPROF */
	[28] = 28,	/* SIGWINCH */
	[29] = 23,	/* SIGIO */
	[30] = 32,	/* SIGPWR */
	[31] = 12,	/* SIGSYS */
};

/* Linux signal -> gdb signal; 0 stays 0, unknown ones are "unknown". */
int rsp_sig_to_gdb(int sig)
{
	if (sig == 0)
		return 0;
	if (sig > 0 && sig < 32 && linux_to_gdb[sig])
		return linux_to_gdb[sig];
	if (sig == 32)
		return GDB_SIGNAL_REALTIME_32;
	if (sig >= 33 && sig <= 63)
		return sig - 33 + GDB_SIGNAL_REALTIME_33;
	if (sig == 64)
		return GDB_SIGNAL_REALTIME_64;
	return RSP_GDB_SIGNAL_UNKNOWN;
}

/* gdb signal -> Linux signal; -1 when Linux has no such signal. */
int rsp_sig_from_gdb(int gsig)
{
	int i;

	if (gsig == 0)
		return 0;
	for (i = 1; i < 32; i++)
		if (linux_to_gdb[i] == gsig)
			return i;
	/* gdb keeps SIGPOLL apart from SIGIO; Linux does not */
	if (gsig == GDB_SIGNAL_POLL)
		return LINUX_SIGIO;
	if (gsig == GDB_SIGNAL_REALTIME_32)
		return 32;
	if (gsig >= GDB_SIGNAL_REALTIME_33 && gsig <= GDB_SIGNAL_REALTIME_63)
		return gsig - GDB_SIGNAL_REALTIME_33 + 33;
	if (gsig == GDB_SIGNAL_REALTIME_64)
		return 64;
	return -1;
}
