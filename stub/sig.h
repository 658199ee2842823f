/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals as poll()able events: SIGCHLD (reap the launched program) and
 * SIGINT/SIGTERM/SIGHUP (close the session and leave).
 */
#ifndef UGDB_STUB_SIG_H
#define UGDB_STUB_SIG_H

#include <signal.h>

/* Set by the handler: the first quit signal received, else 0. */
extern volatile sig_atomic_t sig_quit;

int sig_setup(void);
/* Readable whenever a signal arrived since the last sig_drain(). */
int sig_fd(void);
void sig_drain(void);
/* For a forked child about to exec: default dispositions again. */
void sig_reset_for_child(void);
/* Die of the quit signal, as a shell expects (after cleaning up). */
void sig_reraise(void) __attribute__((noreturn));

#endif /* UGDB_STUB_SIG_H */
