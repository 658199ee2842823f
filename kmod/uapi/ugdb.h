/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ugdb: the user-visible interface of /dev/ugdb besides the RSP byte stream.
 *
 * Each open() of /dev/ugdb is one independent GDB remote-protocol session:
 * write() feeds it bytes gdb sent, read() returns bytes for gdb (blocking
 * unless O_NONBLOCK; poll() says when), close() ends the session: every task
 * it attached to is resumed with its breakpoints removed, and a program it
 * launched (UGDB_IOC_LAUNCH) is killed unless gdb detached it.
 * read() returns 0 (end of file) once the session has ended by itself
 * ("monitor exit", or the last process gone in a non-extended session)
 * and everything before that has been read.
 *
 * The ioctls below are what the relay (ugdbserver) needs to set a session
 * up before gdb connects, to launch what gdb's vRun asks for (the
 * program must be the relay's child) and to produce what gdb's "info os"
 * shows (as the relay's user sees the system); everything else goes
 * through RSP.
 */
#ifndef _UAPI_UGDB_H
#define _UAPI_UGDB_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define UGDB_DEVICE_NAME	"ugdb"

#define UGDB_IOC_MAGIC		'G'

/*
 * Launch: the caller's child whose pid is the argument, forked and not
 * yet exec'd (it waits for the caller's word, then execs the program),
 * becomes the session's process.  The session stops it at its next
 * successful exec, as PTRACE_TRACEME would, and remembers it launched
 * it, so closing the session kills it unless gdb detached.  The caller
 * must be allowed to attach to the child, as a ptrace tracer (Yama's
 * ptrace_scope, LSMs).  Returns 0 or -1 with errno: EPERM (not the
 * caller's child, or the caller may not trace it), ESRCH, EBUSY (the
 * session already has a process).
 */
#define UGDB_IOC_LAUNCH		_IOW(UGDB_IOC_MAGIC, 9, __s32)

/*
 * Attach the session to the process whose pid is the argument, as gdb's
 * vAttach would, and stop it.  Returns 0 or -1 with errno: ESRCH (no such
 * process), EPERM (the opener could not ptrace it), EBUSY (the session
 * already has a process).
 */
#define UGDB_IOC_ATTACH		_IOW(UGDB_IOC_MAGIC, 2, __s32)

/*
 * Wait until the session's process is stopped (at its exec after
 * UGDB_IOC_LAUNCH, or after UGDB_IOC_ATTACH).  Returns its pid, or -1
 * with errno: ECHILD (it exited first, e.g. its exec failed), EINTR.
 */
#define UGDB_IOC_WAIT_STOP	_IO(UGDB_IOC_MAGIC, 3)

/*
 * Tell the session how the relay runs: a combination of the flags below.
 * Must come before gdb's first packet.
 */
#define UGDB_IOC_SET_MODE	_IOW(UGDB_IOC_MAGIC, 4, __u32)
#define UGDB_MODE_EXTENDED	0x1	/* --multi: extended-remote rules */
#define UGDB_MODE_LAUNCHER	0x2	/* the relay serves launch requests */
#define UGDB_MODE_OSDATA	0x4	/* the relay serves osdata requests */

/*
 * Launching for gdb (vRun).  The program must be the relay's child, with
 * the relay's terminal, credentials and environment, as gdbserver's are;
 * so the session only asks, and the relay forks and execs:
 *
 *  1. gdb sends vRun (after QEnvironment*, QSetWorkingDir,
 *     QStartupWithShell, QDisableRandomization, which the session keeps).
 *     With UGDB_MODE_LAUNCHER set, the session makes a launch request
 *     pending; poll() reports POLLPRI while one waits to be taken.
 *     (Without it vRun is refused with E01.)
 *  2. UGDB_IOC_RUN_GET hands the request to the relay (struct
 *     ugdb_run_request) and marks it taken.
 *  3. The relay forks.  The child applies the request: personality
 *     ADDR_NO_RANDOMIZE if UGDB_RUN_NO_ASLR, chdir, the environment
 *     edits in order; the relay makes it the session's with
 *     UGDB_IOC_LAUNCH, and then the child execs argv: with UGDB_RUN_SHELL as "$SHELL -c 'exec
 *     PROG ARGS'" (arguments quoted for the shell; the session then
 *     stops the task at its second exec, the program's), else directly
 *     (execvp).
 *  4. UGDB_IOC_RUN_DONE tells the session the outcome: 0 once the child
 *     has exec'd, or -errno (fork failed, exec failed...).  The session
 *     then answers vRun: the stop at the program's exec, or E01 when the
 *     launch failed or the process ended before reaching that exec.
 *
 * A session has one process: vRun while it has one, or while another
 * launch is under way, is answered E01.
 */
#define UGDB_RUN_SHELL		0x1	/* start it through $SHELL -c exec */
#define UGDB_RUN_NO_ASLR	0x2	/* personality(ADDR_NO_RANDOMIZE) */

struct ugdb_run_request {
	__u64 buf;	/* in: where to copy the strings */
	__u32 size;	/* in: buf's size; out: bytes used, or needed */
	__u32 flags;	/* out: UGDB_RUN_* */
	__u32 argc;	/* out: argv strings (argv[0] = the program) */
	__u32 nenv;	/* out: environment edits after the cwd */
};

/*
 * Take the pending launch request.  buf receives NUL-terminated strings:
 * argc of argv, then the working directory ("" = the relay's own), then
 * nenv environment edits, applied in order to the relay's environment:
 * "+NAME=VALUE" sets, "-NAME" unsets.  Returns 0, or -1 with errno:
 * ENOENT (no request pending), ENOSPC (buf too small: size says how much
 * is needed; the request stays pending), EFAULT.
 */
#define UGDB_IOC_RUN_GET	_IOWR(UGDB_IOC_MAGIC, 5, struct ugdb_run_request)

/*
 * The outcome of the request taken with UGDB_IOC_RUN_GET: 0 (the child
 * exec'd) or a negative errno.  Returns 0, or -1 with errno EINVAL (no
 * request taken, or a positive value).
 */
#define UGDB_IOC_RUN_DONE	_IOW(UGDB_IOC_MAGIC, 6, __s32)

/*
 * gdb's "info os" (qXfer:osdata:read).  gdbserver makes those tables in
 * user space, from /proc and the user database, as the user it runs as;
 * so does the relay, and the session only passes the requests on:
 *
 *  1. gdb asks for a piece of a table.  With UGDB_MODE_OSDATA set the
 *     session makes the request pending; poll() reports POLLPRI while
 *     one waits to be taken (without the flag gdb gets the empty,
 *     "unsupported" reply).
 *  2. UGDB_IOC_OSDATA_GET hands it to the relay (struct
 *     ugdb_osdata_request): the table's name (gdb's annex, "" for the
 *     list of tables), the offset and the most bytes wanted.
 *  3. UGDB_IOC_OSDATA_PUT gives the answer: at most len bytes of the
 *     document from that offset (fewer only at its end, none past it),
 *     or a negative errno (an E reply).  The relay keeps the documents:
 *     gdbserver makes a table at offset 0 and serves later offsets from
 *     that copy.
 *
 * gdb waits for the answer: the session answers every other packet
 * with E10 meanwhile.
 */
struct ugdb_osdata_request {
	__u64 annex;		/* in: where to copy the name (NUL-terminated) */
	__u32 annex_size;	/* in: its size; out: bytes used, or needed */
	__u32 len;		/* out: bytes wanted at most */
	__u64 offset;		/* out: from this offset of the document */
};

/*
 * Take the pending osdata request.  Returns 0, or -1 with errno: ENOENT
 * (none pending), ENOSPC (annex_size too small: it says how much is
 * needed; the request stays pending), EFAULT.
 */
#define UGDB_IOC_OSDATA_GET	_IOWR(UGDB_IOC_MAGIC, 7, \
				      struct ugdb_osdata_request)

struct ugdb_osdata_reply {
	__u64 buf;		/* the bytes */
	__u32 len;		/* how many (at most the request's len) */
	__s32 error;		/* 0, or a negative errno: E reply, no data */
};

/*
 * Answer the request taken with UGDB_IOC_OSDATA_GET.  Returns 0, or -1
 * with errno: EINVAL (no request taken, len too big, error not 0 nor a
 * negative errno: nothing is answered), EFAULT or ENOMEM (gdb then gets
 * an E reply).
 */
#define UGDB_IOC_OSDATA_PUT	_IOW(UGDB_IOC_MAGIC, 8, \
				     struct ugdb_osdata_reply)

#endif /* _UAPI_UGDB_H */
