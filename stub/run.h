/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gdb's vRun: the session asks (POLLPRI), the relay launches the program
 * as its own child and tells the session how it went.
 */
#ifndef UGDB_STUB_RUN_H
#define UGDB_STUB_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"

/*
 * Serve the launch request pending on @dev, if any.  @stdio: RSP uses
 * our stdin/stdout (the program gets /dev/null and our stderr).
 */
void run_for_gdb(struct ugdb_dev *dev, bool stdio);

/*
 * The command line gdbserver gives the shell for argv: "exec PROG ARG
 * ...", PROG quoted if it has to be, every argument with the shell's
 * special characters escaped.  Returns a malloc'd string or NULL.
 */
char *run_shell_command(char **argv);

#endif /* UGDB_STUB_RUN_H */
