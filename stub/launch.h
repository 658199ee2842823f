/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Getting a process into a session before gdb connects: start PROG
 * stopped at its exec, or attach to a running PID.
 */
#ifndef UGDB_STUB_LAUNCH_H
#define UGDB_STUB_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

#include "device.h"

/* How to start a program (the command line's, or one gdb asked for). */
struct launch_spec {
	char **argv;		/* argv[0]: the program, NULL-terminated */
	const char *cwd;	/* NULL or "": ours */
	char **env_edits;	/* "+NAME=VALUE" / "-NAME", applied in order */
	int nenv;
	const char *shell_cmd;	/* non-NULL: run it with $SHELL -c instead */
	bool no_aslr;		/* personality(ADDR_NO_RANDOMIZE) */
};

/*
 * For gdb's vRun: fork the program as @spec says, traced by @dev
 * (UGDB_IOC_LAUNCH).  Returns its pid once it has exec'd
 * (the shell, with spec->shell_cmd), or -errno after printing why (and
 * reaping it).  It becomes the launched program launch_reap() watches.
 */
pid_t launch_spawn(struct ugdb_dev *dev, const struct launch_spec *spec,
		   bool stdio);

/*
 * Fork and exec argv[0] traced by @dev.  @stdio: RSP uses our stdin and
 * stdout, so the program gets /dev/null and our stderr instead.
 * Returns its pid, or -1 after printing why (and reaping it).
 */
pid_t launch_program(struct ugdb_dev *dev, char **argv, bool no_aslr,
		       bool stdio);

/* Parse a PID argument: true if it is a plausible process id. */
bool parse_pid(const char *arg, pid_t *pid);

/* Attach @dev to @pid and wait for it to stop; -1 after printing why. */
pid_t attach_process(struct ugdb_dev *dev, pid_t pid);

/* The launched program if it has not been reaped yet, else 0. */
pid_t launch_child(void);

/*
 * Reap the launched program if it is gone and say how it ended.  Waits
 * up to @timeout_ms for it.  Returns true once it has been reaped.
 * @quiet: don't report it (we are failing or quitting).
 */
bool launch_reap(int timeout_ms, bool quiet);

/*
 * Call after closing the session, having reaped with launch_reap(0, ..)
 * just before it.  Waits (bounded) for the launched program and, if
 * @report, says how it ended: gdbserver's "Killing process(es)" when
 * the close killed it (SIGKILL), else its exit status or signal.  A
 * program still running after a while was detached by gdb: it is left
 * alone, unreaped (a --multi relay reports its end later).
 */
void launch_collect(bool report);

#endif /* UGDB_STUB_LAUNCH_H */
