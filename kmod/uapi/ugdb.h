/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ugdb: the user-visible interface of /dev/ugdb besides the RSP byte stream.
 *
 * Each open() of /dev/ugdb is one independent GDB remote-protocol session:
 * write() feeds it bytes gdb sent, read() returns bytes for gdb (blocking
 * unless O_NONBLOCK; poll() says when), close() ends the session: every task
 * it attached to is resumed with its breakpoints removed, and a program it
 * launched (UGDB_IOC_TRACEME) is killed unless gdb detached it.
 * read() returns 0 (end of file) once the session has ended by itself
 * ("monitor exit", or the last process gone in a non-extended session)
 * and everything before that has been read.
 *
 * The ioctls below are what the relay (ugdbserver) needs to set a session
 * up before gdb connects; everything else goes through RSP.
 */
#ifndef _UAPI_UGDB_H
#define _UAPI_UGDB_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define UGDB_DEVICE_NAME	"ugdb"

#define UGDB_IOC_MAGIC		'G'

/*
 * Called by a child of the session's opener, on the inherited file, right
 * before it execs the program to debug: the session attaches to the
 * calling task and stops it at its next successful exec, as
 * PTRACE_TRACEME would.  The session remembers it launched the task, so
 * closing the session kills it unless gdb detached.  Returns 0 or -1 with
 * errno (EBUSY: the session already has a process).
 */
#define UGDB_IOC_TRACEME	_IO(UGDB_IOC_MAGIC, 1)

/*
 * Attach the session to the process whose pid is the argument, as gdb's
 * vAttach would, and stop it.  Returns 0 or -1 with errno: ESRCH (no such
 * process), EPERM (the opener could not ptrace it), EBUSY (the session
 * already has a process).
 */
#define UGDB_IOC_ATTACH		_IOW(UGDB_IOC_MAGIC, 2, __s32)

/*
 * Wait until the session's process is stopped (at its exec after
 * UGDB_IOC_TRACEME, or after UGDB_IOC_ATTACH).  Returns its pid, or -1
 * with errno: ECHILD (it exited first, e.g. its exec failed), EINTR.
 */
#define UGDB_IOC_WAIT_STOP	_IO(UGDB_IOC_MAGIC, 3)

/*
 * Tell the session how the relay runs: a combination of the flags below.
 * Must come before gdb's first packet.
 */
#define UGDB_IOC_SET_MODE	_IOW(UGDB_IOC_MAGIC, 4, __u32)
#define UGDB_MODE_EXTENDED	0x1	/* --multi: extended-remote rules */

#endif /* _UAPI_UGDB_H */
