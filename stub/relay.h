/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The byte pump between gdb's connection and a /dev/ugdb session.  It
 * never parses RSP: the module does.
 */
#ifndef UGDB_STUB_RELAY_H
#define UGDB_STUB_RELAY_H

#include <stdbool.h>

#include "comm.h"

enum relay_end {
	RELAY_CONN_CLOSED,	/* gdb went away */
	RELAY_DEV_EOF,		/* the session ended; gdb got everything */
	RELAY_DEV_ERROR,	/* read/write on the device failed */
	RELAY_QUIT,		/* SIGINT/SIGTERM/SIGHUP */
};

/* Trace relayed bytes on stderr (--debug). */
extern bool relay_debug;

/* @tick runs after any signal (e.g. SIGCHLD) woke the loop. */
/*
 * Relay until one side ends.  tick: after any signal.  urgent: the
 * device reported POLLPRI (a launch request, see run.h).
 */
enum relay_end relay_run(const struct conn *conn, int dev_fd,
			 void (*tick)(void), void (*urgent)(void));

#endif /* UGDB_STUB_RELAY_H */
