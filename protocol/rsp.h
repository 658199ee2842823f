/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp.h - the GDB Remote Serial Protocol engine of ugdb, freestanding.
 *
 * This code is compiled both into the kernel module and into user-space
 * unit tests and fuzzers, so it uses no libc and no kernel header: only
 * the few types of rsp_types.h.  It turns the byte stream from gdb into
 * typed requests, serves them by calling a table of target operations
 * (struct rsp_target_ops) and builds the replies.  It knows nothing of
 * tasks, engines or locks; the caller serializes every call on one
 * session (the module holds the session mutex around each of them).
 *
 * Thread ids are Linux tids, process ids Linux tgids.  Registers are
 * named by their ids (rsp_amd64.h); the wire numbers of p/P and the g
 * layout follow the session's target description, which has the
 * features the target says the CPU has (rsp_session_set_reg_features).
 * Signal numbers given to and received from the target are Linux x86-64
 * signal numbers; this layer converts them to and from gdb's own
 * numbering.  Negative return values of target operations
 * are Linux errno values, negated; they become E replies.
 */
#ifndef UGDB_RSP_H
#define UGDB_RSP_H

#include "rsp_types.h"
#include "rsp_amd64.h"

#define RSP_PACKET_MAX		0x4000	/* PacketSize we announce */
#define RSP_OUT_MAX		(2 * RSP_PACKET_MAX + 64)
#define RSP_MAX_THREADS		1024	/* per qfThreadInfo answer (paged) */
#define RSP_MAX_BREAKPOINTS	256
#define RSP_MAX_ACTIONS		64	/* vCont actions per packet */
#define RSP_THREAD_NAME_MAX	16	/* thread_name buffer (TASK_COMM_LEN) */
#define RSP_NSIG		65	/* pass_signals entries: Linux 1..64 */
#define RSP_RUN_MAX_ARGS	1024	/* vRun: program and arguments */

/* What a stop reply reports. */
enum rsp_stop_kind {
	RSP_STOP_NONE = 0,	/* nothing to report (no process) */
	RSP_STOP_SIGNAL,	/* T: stopped with signal .sig */
	RSP_STOP_EXITED,	/* W: process .pid exited with .status */
	RSP_STOP_KILLED,	/* X: process .pid terminated by signal .sig */
	/*
	 * w: thread .tid of process .pid exited with .status while the
	 * others go on (QThreadEvents:1); every thread is stopped.
	 */
	RSP_STOP_THREAD_EXITED,
	/*
	 * Every thread the last resume let run has exited and none has an
	 * event left: N to a gdb with no-resumed+, else gdbserver's
	 * "E.No unwaited-for children left."
	 */
	RSP_STOP_NO_RESUMED,
};

enum rsp_stop_reason {
	RSP_REASON_NONE = 0,
	RSP_REASON_SWBREAK,	/* hit a breakpoint inserted with Z0 */
	RSP_REASON_HWBREAK,	/* hit a Z1 hardware breakpoint */
	RSP_REASON_STEP,	/* a single step finished */
	RSP_REASON_EXEC,	/* "exec:PATH": after exec (exec-events+) */
	RSP_REASON_SYSCALL_ENTRY,	/* "syscall_entry:NR" */
	RSP_REASON_SYSCALL_RETURN,	/* "syscall_return:NR" */
	RSP_REASON_FORK,	/* "fork:pCHILD.CHILD" (fork-events+) */
	RSP_REASON_WATCH,	/* a Z2/Z4 watchpoint triggered at .data_addr */
	RSP_REASON_VFORK,	/* "vfork:pCHILD.CHILD" (vfork-events+) */
	RSP_REASON_VFORK_DONE,	/* "vforkdone:" (vfork-events+) */
	/* "create:": .tid is a new thread, stopped before its first insn */
	RSP_REASON_THREAD_CREATED,
};

/* Events gdb offers in qSupported and the target may agree to report. */
#define RSP_EVENT_EXEC		0x1	/* exec-events+ */
#define RSP_EVENT_FORK		0x2	/* fork-events+ */
#define RSP_EVENT_VFORK		0x4	/* vfork-events+ */

struct rsp_stop {
	enum rsp_stop_kind kind;
	enum rsp_stop_reason reason;
	int pid;		/* tgid */
	int tid;		/* thread that stopped (for T) */
	int sig;		/* Linux signal number (T, X) */
	int status;		/* exit status 0..255 (W) */
	int sysno;		/* RSP_REASON_SYSCALL_*: the call's number */
	int child_pid;		/* RSP_REASON_(V)FORK: the new process */
	int child_tid;		/* ... and its thread */
	u64 data_addr;		/* RSP_REASON_WATCH: the watched address hit */
};

/* One action of a resume request (c, s, C, S, vCont). */
enum rsp_resume_kind {
	RSP_RESUME_CONTINUE,
	RSP_RESUME_STEP,
	RSP_RESUME_STOP,	/* vCont;t: keep / make it stopped */
	/*
	 * vCont;r: step, and keep stepping while the pc is in
	 * [start, end); report the stop once it leaves the range or stops
	 * for any other reason.  Only with can_range_step; an empty range
	 * arrives as RSP_RESUME_STEP.
	 */
	RSP_RESUME_RANGE,
};

/* fstat() for vFile:fstat; sent in gdb's struct stat (32-bit fields cut). */
struct rsp_file_stat {
	u64 dev;		/* as user space sees it (new_encode_dev) */
	u64 ino;
	u32 mode;
	u32 nlink;
	u32 uid;
	u32 gid;
	u64 rdev;
	u64 size;
	u64 blksize;
	u64 blocks;
	s64 atime;
	s64 mtime;
	s64 ctime;
};

struct rsp_resume {
	enum rsp_resume_kind kind;
	int sig;		/* Linux signal to deliver, 0 = none */
	int tid;		/* thread it applies to; -1 = all others */
	/*
	 * Process named by a multiprocess thread-id ("pPID.TID"; 0 when
	 * gdb gave none, -1 for "p-1").  The protocol has checked it
	 * against pid_of(); the target may ignore it.
	 */
	int pid;
	u64 start, end;		/* RSP_RESUME_RANGE: [start, end) */
};

/* What launch_setting() sets for the next vRun (extended-remote). */
enum rsp_launch_setting {
	RSP_LAUNCH_ENV_SET,	/* val: "VAR=VALUE" (QEnvironmentHexEncoded) */
	RSP_LAUNCH_ENV_UNSET,	/* val: "VAR" (QEnvironmentUnset) */
	RSP_LAUNCH_ENV_RESET,	/* back to the stub's own environment */
	RSP_LAUNCH_CWD,		/* val: directory; "" = the stub's own */
	RSP_LAUNCH_SHELL,	/* len: 1 = start it with $SHELL -c exec */
	RSP_LAUNCH_NO_ASLR,	/* len: 1 = personality ADDR_NO_RANDOMIZE */
};

/*
 * The target: everything the protocol needs from the debugger underneath.
 * `t` is the opaque pointer given to rsp_session_init().  Calls that name
 * a thread get a tid the target listed; a tid the target no longer knows
 * gets -ESRCH.  Operations marked optional may be NULL: the feature is
 * then not announced and its packets get the empty reply.
 */
struct rsp_target_ops {
	/* Processes. */
	/*
	 * pid: what gdb sent.  Without multiprocess+ plain D gives -1
	 * (all) and vKill of gdb's made-up pid 42000 does too; with it D
	 * always names the process (plain D is refused with E01) and
	 * vKill's pid is passed as is.  k is always -1.  A pid that is not
	 * being debugged gets -ESRCH.
	 */
	int (*attach)(void *t, int pid);		/* vAttach */
	int (*detach)(void *t, int pid);		/* D, D;pid (-1 = all) */
	int (*kill)(void *t, int pid);			/* k, vKill (-1 = all) */
	/* The current stop state, for '?' and after attach. */
	void (*stop_state)(void *t, struct rsp_stop *out);
	/*
	 * 1 if the session attached to pid, 0 if it launched it (qAttached;
	 * pid 0 = the current process).  qAttached:pid for a pid the
	 * session does not debug is answered E03 without calling this.
	 */
	int (*attached)(void *t, int pid);
	/*
	 * Optional, for a target that debugs several processes (fork
	 * children gdb keeps): 1 if pid is one of them.  Without it the
	 * only process is pid_of(0)'s.  "pPID" / "pPID.-1" in H, T and
	 * vCont, D;pid and qAttached:pid are checked with it.
	 */
	int (*has_process)(void *t, int pid);

	/* Threads. */
	int (*list_threads)(void *t, int *tids, int max);	/* count */
	int (*thread_alive)(void *t, int tid);			/* 0 / -ESRCH */

	/*
	 * Registers, by register id (enum rsp_amd64_regnum; only those of
	 * the session's features are asked for).  Returns the register's
	 * size in bytes (bytes in target byte order in buf), or -errno;
	 * -ENOENT for an id the target does not know.
	 */
	int (*read_reg)(void *t, int tid, int regno, u8 *buf);
	int (*write_reg)(void *t, int tid, int regno, const u8 *buf);

	/*
	 * Memory of the process tid belongs to.  Return the number of bytes
	 * transferred (short at the first inaccessible byte) or -errno
	 * (-EIO / -EFAULT when nothing could be transferred).  Reads show
	 * memory as it would be without the stub's own breakpoints.
	 */
	long (*read_mem)(void *t, int tid, u64 addr, u8 *buf, u32 len);
	long (*write_mem)(void *t, int tid, u64 addr, const u8 *buf, u32 len);

	/*
	 * Breakpoints: type is the Z packet's 0..4, kind its length field.
	 * Like gdbserver, they go to the process of the thread g/m apply to
	 * (rsp_session_general_tid()), which gdb selects with Hg.
	 * -EOPNOTSUPP: this type is not supported (empty reply).
	 */
	int (*insert_bp)(void *t, int type, u64 addr, int kind);
	int (*remove_bp)(void *t, int type, u64 addr, int kind);

	/*
	 * Resume the stopped process(es) as the actions say (the first
	 * action naming a thread wins; tid -1 is the default for the rest).
	 * Returns 0 once resumed; the next stop is reported later through
	 * rsp_session_stop().  Returns -errno when it cannot resume,
	 * RSP_RESUMED_NONE when the actions resume no thread and no stop
	 * is pending (all threads held or gone).
	 * acts points into the session and is only valid during the call;
	 * the stop may also be reported from inside resume() itself.
	 */
	int (*resume)(void *t, const struct rsp_resume *acts, int n);
#define RSP_RESUMED_NONE	1	/* resume(): no thread runs, none to report */
	/* gdb's ^C: stop the running process(es); the stop is reported. */
	void (*interrupt)(void *t);
	/* Optional: 1 if single-stepping is available (announced in vCont?). */
	int (*can_step)(void *t);
	/* Optional: 1 if resume() takes RSP_RESUME_RANGE (vCont;r). */
	int (*can_range_step)(void *t);
	/*
	 * "monitor CMD": write text output with rsp_monitor_output().  cmd
	 * is NUL-terminated.  Return 0 (OK) or -errno (E reply).  "monitor
	 * exit" never gets here: the protocol answers OK and sets
	 * s->exited.  Every operation may be NULL: its packets then get
	 * the empty ("unsupported") reply or an error.
	 */
	int (*monitor)(void *t, const char *cmd, u32 len);
	/*
	 * Optional: the tgid of the process thread tid belongs to; tid 0
	 * asks for the current (or any) debugged process.  -ESRCH when
	 * there is no such thread / no process.  Used for multiprocess
	 * thread-ids ("pPID.TID") and to check the pids gdb sends.  When
	 * NULL, the pid of stop_state() is taken for every thread.
	 */
	int (*pid_of)(void *t, int tid);

	/*
	 * Optional, qXfer:threads:read (announced when set): the name of
	 * thread tid ("comm"), written NUL-terminated into buf of len bytes
	 * (len is RSP_THREAD_NAME_MAX, TASK_COMM_LEN); returns its length
	 * or -errno (the thread is listed without a name).  Bytes that are
	 * not valid UTF-8 or are control characters are sent as '?'.
	 */
	int (*thread_name)(void *t, int tid, char *buf, u32 len);
	/*
	 * Optional, qXfer:exec-file:read (announced when set): the absolute
	 * path of the executable of process pid (0 = the current/debugged
	 * process), NUL-terminated in buf of len bytes (RSP_PACKET_MAX);
	 * returns the path's length or -errno.  gdb may name a pid it has
	 * not attached to: refusing it (-ESRCH / -EPERM) is the target's
	 * call.
	 */
	int (*exec_file)(void *t, int pid, char *buf, u32 len);
	/*
	 * Optional, qXfer:auxv:read (announced when set): bytes of the
	 * debugged process's auxiliary vector from offset off.  Fills buf
	 * as far as the vector goes (fewer than len bytes only at its end);
	 * returns the bytes copied, 0 at or past the end, or -errno.
	 */
	long (*read_auxv)(void *t, u64 off, u8 *buf, u32 len);
	/*
	 * Optional, with thread_name: the CPU thread tid runs or last ran
	 * on (the core attribute of qXfer:threads), or -1 if unknown.
	 */
	int (*thread_core)(void *t, int tid);
	/*
	 * Optional, QPassSignals (announced when set): pass[i] != 0 means
	 * Linux signal i goes to the program without stopping it or
	 * reporting to gdb; n is RSP_NSIG (index 0 unused).  Each packet
	 * replaces the whole set (an empty list passes nothing).  gdb
	 * numbers with no Linux signal are dropped.  pass points into the
	 * session: copy it, it is only valid during the call.  Returns 0
	 * or -errno (E reply).
	 */
	int (*pass_signals)(void *t, const u8 *pass, u32 n);
	/*
	 * Optional, QProgramSignals (announced when set): same format;
	 * pass[i] != 0 means signal i may be delivered to the program, the
	 * others are discarded when the stub would deliver them on its own.
	 * Returns 0 or -errno.
	 */
	int (*program_signals)(void *t, const u8 *pass, u32 n);

	/*
	 * Optional, Host I/O (vFile:*): served only when all eight are set.
	 * Files are the stub host's, opened with the rights of whoever
	 * started the session.  Return values are Linux errno values,
	 * negated; an fd the session did not open gets -EINVAL (gdbserver's
	 * answer).  Paths are NUL-terminated (below 4096 bytes); flags are
	 * Linux O_ACCMODE | O_APPEND | O_CREAT | O_TRUNC | O_EXCL, mode
	 * Linux mode bits (file type and 0777 only).
	 *
	 * setfs: the file system paths are resolved in from now on: pid 0
	 * the stub's own, else that of process pid (as /proc/PID/root);
	 * errors for a pid may wait until a path is used, as in gdbserver.
	 */
	int (*vfile_setfs)(void *t, int pid);
	int (*vfile_open)(void *t, const char *path, int flags, u32 mode);
	int (*vfile_close)(void *t, int fd);
	/* bytes read (0 at end of file) / written */
	long (*vfile_pread)(void *t, int fd, u8 *buf, u32 len, u64 off);
	long (*vfile_pwrite)(void *t, int fd, const u8 *buf, u32 len,
			     u64 off);
	int (*vfile_fstat)(void *t, int fd, struct rsp_file_stat *st);
	/* the link's text (not NUL-terminated) in buf: its length */
	int (*vfile_readlink)(void *t, const char *path, char *buf, u32 len);
	int (*vfile_unlink)(void *t, const char *path);

	/*
	 * Optional: gdb's qSupported offered the RSP_EVENT_* bits in
	 * offered (called at every qSupported, also with 0); return the
	 * ones the target will report (announced back to gdb).  An exec
	 * stop (RSP_REASON_EXEC) is sent as "exec:" with the path from
	 * exec_file(pid) only when RSP_EVENT_EXEC was agreed.
	 */
	u32 (*events)(void *t, u32 offered);
	/*
	 * Optional, QCatchSyscalls (announced when set): enable 0 stops
	 * catching; enable 1 with n == 0 catches every call, else the n
	 * numbers in nrs (gdb's numbers are the kernel's, unchecked: the
	 * target refuses with -EINVAL what it cannot catch).  Each packet
	 * replaces the whole set.  nrs is only valid during the call.
	 * Returns 0 or -errno.  Stops are reported with
	 * RSP_REASON_SYSCALL_ENTRY / _RETURN and .sysno.
	 */
	int (*catch_syscalls)(void *t, int enable, const u32 *nrs, u32 n);

	/*
	 * Optional, extended-remote launching (vRun, and the Q packets
	 * announced with it: QEnvironmentHexEncoded, QEnvironmentUnset,
	 * QEnvironmentReset, QSetWorkingDir, QStartupWithShell,
	 * QDisableRandomization).  launch_setting() records one setting
	 * for the launches that follow: val is hex-decoded and
	 * NUL-terminated (len bytes before the NUL; NULL for the flags,
	 * whose value is len).  Returns 0 or -errno.
	 */
	int (*launch_setting)(void *t, enum rsp_launch_setting what,
			      const u8 *val, u32 len);
	/*
	 * run(): start a new process.  args holds argc NUL-terminated
	 * strings, len bytes in all: the program ("" = the last one run)
	 * and its arguments, as gdb sent them.  Returns 0 once the launch
	 * is under way: its stop at exec (or its end) is then reported with
	 * rsp_session_stop(), a failure with rsp_session_run_failed().
	 * Returns -errno if it cannot start (E01).  args points into the
	 * session and is only valid during the call.
	 */
	int (*run)(void *t, const u8 *args, u32 len, int argc);
	/*
	 * Optional, qXfer:siginfo:read / :write (announced when read is
	 * set): the siginfo of thread tid's current stop, in the 128-byte
	 * amd64 Linux user layout (what PTRACE_GETSIGINFO gives).  Read
	 * copies from offset off, at most len bytes, and returns the
	 * count (0 at or past the end) or -errno (-ENODATA: the stop has
	 * no siginfo).  Write changes it from off (the signal delivered
	 * on resume carries it) and returns the bytes taken or -errno.
	 */
	long (*read_siginfo)(void *t, int tid, u64 off, u8 *buf, u32 len);
	long (*write_siginfo)(void *t, int tid, u64 off, const u8 *buf,
			      u32 len);
	/*
	 * Optional, QThreadEvents (announced when set, as gdbserver does
	 * whatever gdb offers): enable 1 reports thread creation (a T stop
	 * of the new thread with RSP_REASON_THREAD_CREATED) and the exit of
	 * a thread that is not the process's last (RSP_STOP_THREAD_EXITED),
	 * 0 stops reporting them.  Allowed with no process.  Returns 0 or
	 * -errno.
	 */
	int (*thread_events)(void *t, int enable);
	/*
	 * Optional, qXfer:osdata:read (announced when set): what gdb's
	 * "info os" shows.  annex (NUL-terminated) names the table, "" the
	 * list of tables; any name may come, the target decides what it
	 * means (gdbserver sends no data for an unknown one).  Ask for at
	 * most len bytes of that document from offset off (len is one
	 * more than gdb asked for: a full answer means more follows).
	 * The answer is deferred: return 0, then call
	 * rsp_session_osdata_reply() (from inside the call, or later while
	 * the session waits: every packet but ^C gets E10 meanwhile), or
	 * return -errno for an E reply now; -EOPNOTSUPP gives the empty
	 * ("unsupported") reply.  annex is only valid during the call.
	 */
	int (*osdata)(void *t, const char *annex, u64 off, u32 len);
};

/*
 * The thread library's symbols, looked up by gdb for qGetTLSAddr
 * (rsp_tls.c, rsp_tdb.c): their addresses and, for the descriptors of
 * glibc's structures, the three u32 read from there.
 */
#define RSP_TDB_NSYMS		22
enum rsp_tdb_state {
	RSP_TDB_NONE = 0,	/* no thread library seen yet */
	RSP_TDB_ASKING,		/* gdb owes us the value of .asked */
	RSP_TDB_LOADED,		/* every name asked: no more lookups */
};

/* One per process (fork children, a second vAttach); see rsp_tdb.c. */
#define RSP_TDB_PROCS		4

struct rsp_tdb {
	int pid;			/* whose: rsp_thread_pid() */
	u8 used;
	u8 state;			/* enum rsp_tdb_state */
	u8 asked;
	u8 known[RSP_TDB_NSYMS];	/* gdb knew it: addr[] holds it */
	u8 desc_read[RSP_TDB_NSYMS];	/* desc[] read from the process */
	u64 addr[RSP_TDB_NSYMS];
	u32 desc[RSP_TDB_NSYMS][3];
};

enum rsp_rx_state {
	RSP_RX_IDLE,		/* waiting for '$' */
	RSP_RX_DATA,		/* inside $...# */
	RSP_RX_CSUM1,
	RSP_RX_CSUM2,
};

struct rsp_session {
	const struct rsp_target_ops *ops;
	void *target;
	unsigned int extended:1;	/* extended-remote (! or --multi) */
	unsigned int no_ack:1;		/* QStartNoAckMode accepted */
	unsigned int running:1;		/* resumed; a stop reply is owed */
	unsigned int exited:1;		/* session over: caller may EOF */
	int g_tid;			/* Hg thread (0/-1 = any) */
	int c_tid;			/* Hc thread */
	int thread_iter;		/* qsThreadInfo position */

	/* receive side */
	enum rsp_rx_state rx_state;
	u32 rx_len;
	u8 rx_csum;
	u8 rx_csum_got;
	int rx_overflow;
	u8 rx_buf[RSP_PACKET_MAX + 1];

	/* reply being built, and bytes waiting to be read by the caller */
	u8 reply[RSP_OUT_MAX];
	u32 reply_len;
	u8 out[2 * RSP_OUT_MAX];
	u32 out_len;
	u32 last_packet_len;		/* for retransmission on '-' */
	u32 last_packet_off;

	/*
	 * Added by the protocol implementation.  The last reply stays in
	 * reply[] until the next one is built, so a '-' re-frames it from
	 * there (last_packet_len is its framed size; last_packet_off is
	 * unused, out[] moves as the caller consumes it).
	 */
	unsigned int have_last:1;	/* reply[] holds a sent packet */
	unsigned int gdb_swbreak:1;	/* gdb's qSupported had swbreak+ */
	unsigned int gdb_no_resumed:1;	/* ... no-resumed+: "N" replies */
	unsigned int gdb_hwbreak:1;	/* ... and hwbreak+ */
	unsigned int reply_unsent:1;	/* stop reply waits for out[] room */
	unsigned int multiprocess:1;	/* gdb's qSupported had multiprocess+ */
	unsigned int thread_events:1;	/* QThreadEvents:1 accepted */
	unsigned int osdata_owed:1;	/* osdata() answer awaited */
	u32 osdata_len;			/* ... for this many bytes (gdb's) */
	u32 events;			/* RSP_EVENT_* agreed */
	int last_tid;			/* thread of the last T reply */
	int thread_count;		/* tids in thread_buf (qf/qs) */
	int n_acts;
	struct rsp_resume acts[RSP_MAX_ACTIONS];	/* resume scratch */
	int thread_buf[RSP_MAX_THREADS];	/* qfThreadInfo snapshot */
	u8 scratch[RSP_PACKET_MAX];	/* memory / register data */
	u32 rx_dropped;			/* packets dropped: bad csum/size */

	/*
	 * qXfer:threads snapshot, taken at offset 0: gdb reads the
	 * document in pieces and each piece is generated from this, so
	 * they fit together even if threads come and go in between.
	 */
	unsigned int xml_valid:1;	/* a snapshot was taken */
	int xml_count;
	int xml_tid[RSP_MAX_THREADS];
	int xml_pid[RSP_MAX_THREADS];	/* > 0: "pPID.TID" */
	int xml_core[RSP_MAX_THREADS];	/* < 0: no core attribute */
	u8 xml_has_name[RSP_MAX_THREADS];
	char xml_name[RSP_MAX_THREADS][RSP_THREAD_NAME_MAX];

	/* qSymbol / qGetTLSAddr, per process; cleared when it changes */
	struct rsp_tdb tdb[RSP_TDB_PROCS];
	u8 tdb_next;			/* the slot a new process takes */

	/* the registers gdb is told about: wire numbers, g, target.xml */
	struct rsp_amd64_tdesc tdesc;
};

void rsp_session_init(struct rsp_session *s, const struct rsp_target_ops *ops,
		      void *target, int extended);

/*
 * The register features the CPU has (RSP_AMD64_HAS() bits, e.g. from
 * rsp_amd64_features_from_xcr0()); rsp_session_init() starts with
 * RSP_AMD64_FEATURES_BASE.  Decides target.xml, the wire numbers and the
 * g layout; call it before gdb connects.
 */
void rsp_session_set_reg_features(struct rsp_session *s, u32 features);

/*
 * Feed bytes received from gdb.  Processes every complete packet and the
 * interrupt byte, appending acks and replies to the output.  Returns the
 * number of bytes consumed; fewer than len only when the output buffer is
 * too full to take another reply (read some, then feed the rest).
 */
u32 rsp_session_feed(struct rsp_session *s, const u8 *data, u32 len);

/* Output waiting for gdb: rsp_session_output() / rsp_session_consume(). */
const u8 *rsp_session_output(struct rsp_session *s, u32 *len);
void rsp_session_consume(struct rsp_session *s, u32 n);

/*
 * The target reports a stop (or exit) while gdb waits for one after a
 * resume.  Sends the stop reply; ignored when no resume is outstanding.
 * Reads rbp/rsp/rip of stop->tid through read_reg to expedite them.  If
 * the output queue is full the reply waits in s->reply (reply_unsent)
 * and rsp_session_consume() sends it.
 */
void rsp_session_stop(struct rsp_session *s, const struct rsp_stop *stop);

/* A launch started by run() failed: gdb's vRun gets E01. */
void rsp_session_run_failed(struct rsp_session *s);

/*
 * The answer to the osdata() request: n bytes of the document at data
 * (n <= the len asked for; fewer only at its end, 0 past it), or -errno
 * for an E reply.  Ignored when no osdata() answer is owed.  Sent like
 * a stop reply: if the output is full it goes out with the next
 * rsp_session_consume().
 */
void rsp_session_osdata_reply(struct rsp_session *s, const u8 *data, long n);

/*
 * The thread g, m, Z... apply to (the Hg thread, else the thread of the
 * last stop, else the first listed), or -ESRCH: for target operations
 * that get no thread of their own, such as insert_bp.
 */
int rsp_session_general_tid(struct rsp_session *s);

/*
 * For the monitor operation: text to show in gdb (sent as O packets).
 * Call it only from inside monitor() (or while the target runs); text
 * that does not fit the output queue is dropped.
 */
void rsp_monitor_output(struct rsp_session *s, const char *text);

#endif /* UGDB_RSP_H */
