/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ugdb.h - the gdb stub: one client engine of the utrace layer per
 * session.  A session is one open() of /dev/ugdb.  It debugs one or more
 * processes (struct ugdb_process), all their threads, in all-stop mode
 * across all of them: the one gdb attached to or started, and the fork
 * children gdb keeps (fork and vfork events, "set detach-on-fork off").
 *
 * Locking: sess->mutex serializes everything gdb asks (the RSP engine and
 * the target operations it calls) and the ioctls.  Callbacks run in the
 * debugged tasks and never take the mutex: they record what happened in
 * their struct ugdb_thread under sess->lock (a spinlock, irq-safe because
 * trap callbacks run with interrupts off), bump sess->events and wake
 * sess->wq.  The side holding the mutex turns those records into stop
 * replies (ugdb_pump).  So a task never waits for gdb's side to make
 * progress, and gdb's side waits for tasks only with a timeout.
 *
 * Access (ugdb_perm.c, doc/security.md): gdb's side takes, in this order,
 * sess->mutex, a debugged process's cred_guard_mutex (attach, the check
 * after an exec) and its exec_update_lock (each memory access).  The
 * kernel takes the last two only around an exec's credential change,
 * where no callback of ours runs.
 */
#ifndef UGDB_UGDB_H
#define UGDB_UGDB_H

#include <linux/bitmap.h>
#include <linux/cred.h>
#include <linux/irq_work.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/signal_types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/user.h>

#include "utrace.h"
#include "rsp.h"

/* How long gdb's side waits for a thread to stop (emulated CPUs are slow). */
#define UGDB_STOP_TIMEOUT	(5 * HZ)

/* Files gdb may have open at once through vFile (per session). */
#define UGDB_VFILE_MAX		64
/* System call numbers QCatchSyscalls can name (x86-64 has < 512). */
#define UGDB_NR_SYSCALLS	1024

struct ugdb_session;
struct perf_event;

/* x86 debug address registers, shared by Z1/Z2/Z4 (ugdb_hwbp.c). */
#define UGDB_NR_DR	4
/* Z1/Z2/Z4 gdb may have set at once (several may share a register). */
#define UGDB_MAX_HW	32

/* One Z1/Z2/Z4 as gdb sent it. */
struct ugdb_hw_req {
	u64 addr;
	int kind;		/* the Z packet's length */
	int type;		/* 1, 2 or 4 */
};

/* What one debug register watches; len 0 = unused. */
struct ugdb_dr {
	u64 addr;
	u8 len;			/* 1, 2, 4, 8 */
	u8 type;		/* HW_BREAKPOINT_X, _W or _RW */
};

struct ugdb_bp {
	u64 addr;
	u8 orig;
};

enum ugdb_run_state {
	UGDB_RUN_NONE,		/* no launch under way */
	UGDB_RUN_PENDING,	/* vRun waits for UGDB_IOC_RUN_GET */
	UGDB_RUN_TAKEN,		/* the relay is launching it */
	UGDB_RUN_STARTED,	/* exec'd: waiting for the stop at exec */
};

enum ugdb_osdata_state {
	UGDB_OSDATA_NONE,	/* no osdata request */
	UGDB_OSDATA_PENDING,	/* waits for UGDB_IOC_OSDATA_GET */
	UGDB_OSDATA_TAKEN,	/* the relay is making the answer */
};

/* The stub's software breakpoints in one process's memory. */
struct ugdb_bptab {
	struct ugdb_bp bps[RSP_MAX_BREAKPOINTS];
	int nr;
	struct mm_struct *mm;		/* where they are (not pinned) */
};

/*
 * One process of the session.  The list (sess->procs) grows in fork
 * reports (atomic context, under sess->lock, list_add_tail_rcu) and
 * shrinks only under sess->mutex and sess->lock, once the process's
 * threads are gone from sess->threads (ugdb_forget_proc).
 */
struct ugdb_process {
	struct list_head node;		/* sess->procs */
	pid_t pid;
	bool launched;			/* killed at the end unless detached */
	/* a launch (UGDB_IOC_LAUNCH): stop at its n-th exec (READ_ONCE) */
	int exec_pending;
	/*
	 * Access (ugdb_proc_recheck): its credentials when the last check
	 * passed, and its execs (bumped by report_exec) up to that check.
	 */
	const struct cred *cred;
	unsigned int execs, execs_checked;
	bool closing;			/* being let go: no new threads */
	/* under sess->lock: */
	bool gone;			/* its last thread exited */
	bool group_exiting;		/* exit_group() or a fatal signal seen */
	long exit_code;			/* wait() status of the process */
	struct ugdb_bptab bp;		/* the stub's int3 bytes in its memory */
};

struct ugdb_thread {
	struct list_head node;		/* sess->threads: see ugdb_report_clone */
	struct ugdb_session *sess;
	struct ugdb_process *proc;	/* its process, for its whole life */
	struct task_struct *task;	/* pinned */
	struct utrace_engine *engine;	/* our reference */
	pid_t tid;			/* changes if a non-leader execs */
	/* under sess->lock: */
	bool want_stop;			/* gdb's side wants it stopped */
	bool stepping;			/* resumed with vCont;s or ;r */
	/* vCont;r: go on stepping while the pc is in [range_start, range_end) */
	u64 range_start, range_end;
	bool resumed;			/* by gdb's last resume request */
	bool exited;
	/* QThreadEvents: it ended by itself, its "w" not yet reported */
	bool exit_event;
	int event_sig;			/* != 0: stopped by itself, unreported */
	enum rsp_stop_reason event_reason;
	/*
	 * The signal it stopped for (report_signal), held until gdb resumes
	 * it; a detach delivers it if gdb lets the program have it
	 * (QProgramSignals), as gdbserver does.
	 */
	int held_sig;
	int event_arg;			/* syscall number / fork child */
	/*
	 * vfork-events: the child it is waiting for inside vfork() (pinned),
	 * from the vfork report until vforkdone is reported; the thread
	 * cannot return to user mode before that child execs or exits.
	 */
	struct task_struct *vfork_child;
	/* QCatchSyscalls (ugdb_syscall.c) */
	bool in_syscall;		/* entry of a caught call seen (task) */
	bool return_owed;		/* entry stop made, return next */
	int syscall_nr;			/* of that entry (task) */
	u64 event_addr;			/* RSP_REASON_WATCH: data address */
	/* the siginfo of its last stop, for qXfer:siginfo */
	bool has_siginfo;
	bool signal_held;		/* ... a signal report_signal held */
	kernel_siginfo_t siginfo;
	/* set by the hw_breakpoint handler, taken by report_trap */
	bool hw_hit;
	bool hw_hit_exec;
	u64 hw_hit_addr;

	/* its debug registers (ugdb_hwbp.c), under hw_mutex */
	struct mutex hw_mutex;
	unsigned int hw_gen;		/* sess->hw_gen they were set from */
	struct perf_event *hw_bp[UGDB_NR_DR];
};

/* XSAVE components (bits of XCR0) ugdb reads: up to PKRU (9). */
#define UGDB_XCOMP_MAX	10

/*
 * The register sets of the thread gdb looked at last (ugdb_regs.c), and
 * where this CPU keeps the XSAVE components gdb is told about.
 */
struct ugdb_regcache {
	struct task_struct *task;	/* not pinned: compared only */
	bool gp_valid, fx_valid, xs_valid;
	struct user_regs_struct gp;
	struct user_i387_struct fx;
	u8 *xs;				/* NT_X86_XSTATE image, or NULL */
	unsigned int xs_size;		/* its size (the regset's) */
	u64 xcr0;			/* components the CPU and kernel use */
	u16 xoff[UGDB_XCOMP_MAX];	/* standard-format offset, or 0 */
	u16 xlen[UGDB_XCOMP_MAX];	/* and size */
};

struct ugdb_session {
	struct mutex mutex;
	raw_spinlock_t lock;		/* taken in hooks: see ugdb_session_event() */
	wait_queue_head_t wq;		/* readers, pollers, WAIT_STOP */
	struct irq_work wake_work;	/* wakes wq: ugdb_session_event() */
	atomic_t events;		/* bumped by callbacks */
	atomic_t poll_missed;		/* a poller found the mutex held */
	struct work_struct release_work;	/* see ugdb_release() */
	const struct cred *cred;	/* the opener's */
	const struct cred *check_cred;	/* the same, fsuid = uid (ugdb_perm.c) */
	struct pid_namespace *pid_ns;	/* the opener's: gdb's ids are in it */

	struct rsp_session *rsp;
	bool extended;
	bool rsp_started;		/* gdb has sent a byte */

	/*
	 * The processes (see struct ugdb_process); pid: the first one's,
	 * the one gdb attached to or started (0 = none).
	 */
	struct list_head procs;
	pid_t pid;
	bool closing;			/* forgetting them all: no new threads */
	struct list_head threads;
	int stop_sig;			/* what '?' reports */
	pid_t stop_tid;
	enum rsp_stop_reason stop_reason;
	int stop_arg;			/* its event_arg */
	u64 stop_data_addr;
	bool interrupting;		/* ^C sent, stop not yet reported */
	bool resume_ran;		/* the last resume let a thread run */
	/* QPassSignals: delivered without a stop (read by report_signal) */
	u8 pass_signals[_NSIG + 1];
	/* QProgramSignals: what a detach may deliver (all but TRAP, INT if unset) */
	u8 program_signals[_NSIG + 1];
	bool program_signals_set;

	/* events gdb agreed to in qSupported (RSP_EVENT_*) */
	u32 gdb_events;
	/* QThreadEvents:1: thread creation and exit stops, under lock */
	bool thread_events;
	/* QCatchSyscalls (ugdb_syscall.c), under lock */
	bool catch_syscalls;
	bool catch_all;
	DECLARE_BITMAP(catch_nrs, UGDB_NR_SYSCALLS);

	/* vFile: files open for gdb (slot = gdb's fd), setfs pid */
	struct file *vfiles[UGDB_VFILE_MAX];
	pid_t vfile_fs_pid;

	/* vRun (ugdb_run.c): the settings gdb sent, the launch under way */
	bool launcher;			/* UGDB_MODE_LAUNCHER */
	enum ugdb_run_state run_state;
	pid_t run_pid;			/* the process it started (LAUNCH) */
	bool run_shell, run_no_aslr;
	char *run_prog;			/* last program run (PATH_MAX) */
	char *run_cwd;			/* "" = the relay's (PATH_MAX) */
	char *run_env;			/* "+N=V\0" / "-N\0" edits */
	u32 run_env_len, run_nenv;
	u8 *run_args;			/* argv of the pending request */
	u32 run_args_len, run_argc;

	/* qXfer:osdata (ugdb_osdata.c): the request passed to the relay */
	bool osdata_relay;		/* UGDB_MODE_OSDATA */
	enum ugdb_osdata_state osdata_state;
	char *osdata_annex;
	u64 osdata_off;
	u32 osdata_len;

	/*
	 * Hardware breakpoints and watchpoints: gdb's requests (under the
	 * mutex) and the debug registers they need (under lock, read by
	 * threads catching up in report_quiesce); hw_gen counts changes.
	 */
	struct ugdb_hw_req hw_reqs[UGDB_MAX_HW];
	int nr_hw_reqs;
	struct ugdb_dr drs[UGDB_NR_DR];
	unsigned int hw_gen;

	struct ugdb_regcache regs;	/* valid while everything is stopped */
	u8 scratch[4096];		/* write() copy-in buffer */
};

/* ugdb_process.c: the session's processes */
struct ugdb_process *ugdb_proc_new(struct ugdb_session *sess,
				   struct task_struct *task, gfp_t gfp);
void ugdb_proc_free(struct ugdb_process *p);
struct ugdb_thread *ugdb_proc_thread(struct ugdb_session *sess,
				     struct ugdb_process *p);
void ugdb_proc_add(struct ugdb_session *sess, struct ugdb_process *p);
struct ugdb_process *ugdb_proc_find(struct ugdb_session *sess, pid_t pid);
struct ugdb_process *ugdb_proc_main(struct ugdb_session *sess);
bool ugdb_proc_threads_exited(struct ugdb_session *sess,
			      struct ugdb_process *p);
/* what ugdb_forget_proc / ugdb_forget_all do with the processes */
enum ugdb_forget {
	UGDB_FORGET_DETACH,		/* let them run */
	UGDB_FORGET_KILL,		/* kill them */
	UGDB_FORGET_END,		/* kill the launched ones, detach others */
};
void ugdb_forget_proc(struct ugdb_session *sess, struct ugdb_process *p,
		      bool kill);
void ugdb_forget_all(struct ugdb_session *sess, enum ugdb_forget how);

/* ugdb_main.c: sess->mutex's unlock, which wakes pollers it turned away */
void ugdb_unlock(struct ugdb_session *sess);

/* ugdb_engine.c: threads, events and stop replies */
extern const struct utrace_engine_ops ugdb_engine_ops;
int ugdb_attach_process(struct ugdb_session *sess, pid_t pid);
int ugdb_launch(struct ugdb_session *sess, pid_t pid);
pid_t ugdb_tid(struct ugdb_session *sess, struct task_struct *task);
int ugdb_proc_recheck(struct ugdb_session *sess, struct ugdb_process *p);
struct ugdb_thread *ugdb_find_thread(struct ugdb_session *sess, int tid);
int ugdb_add_thread(struct ugdb_session *sess, struct ugdb_process *p,
		    struct task_struct *task);
int ugdb_examine(struct ugdb_thread *t, long timeout);
int ugdb_stop_all(struct ugdb_session *sess);
void ugdb_pump(struct ugdb_session *sess);
bool ugdb_main_gone(struct ugdb_session *sess);
struct ugdb_process *ugdb_proc_gone(struct ugdb_session *sess);
void ugdb_stop_state(struct ugdb_session *sess, struct rsp_stop *stop);
int ugdb_wait_stop(struct ugdb_session *sess);
void ugdb_session_event(struct ugdb_session *sess);
void ugdb_session_wake_fn(struct irq_work *work);
int ugdb_thread_events(struct ugdb_session *sess, int enable);

unsigned long ugdb_events_wanted(struct ugdb_session *sess);
u32 ugdb_thread_event(struct ugdb_thread *t, int sig,
		      enum rsp_stop_reason reason, int arg);
struct ugdb_thread *ugdb_follow_task(struct ugdb_session *sess,
				     struct task_struct *child,
				     struct ugdb_process *p, bool hold);
void ugdb_free_thread(struct ugdb_session *sess, struct ugdb_thread *t);

/* ugdb_fork.c: fork and vfork children */
u32 ugdb_fork_child(struct ugdb_thread *t, struct task_struct *child);
u32 ugdb_vfork_done(struct ugdb_thread *t);
void ugdb_vfork_forget(struct ugdb_thread *t);

/* ugdb_syscall.c: QCatchSyscalls */
u32 ugdb_report_syscall_entry(u32 action, struct utrace_engine *engine,
			      struct pt_regs *regs);
u32 ugdb_report_syscall_exit(u32 action, struct utrace_engine *engine,
			     struct pt_regs *regs);
int ugdb_catch_syscalls(struct ugdb_session *sess, int enable,
			const u32 *nrs, u32 n);
void ugdb_syscall_taken(struct ugdb_thread *t);
bool ugdb_syscall_return_wanted(struct ugdb_session *sess,
				struct ugdb_thread *t);

/* ugdb_target.c: the rsp_target_ops */
extern const struct rsp_target_ops ugdb_target_ops;

/* ugdb_regs.c: regno is the register id (protocol/rsp_amd64.h) */
u32 ugdb_regcache_init(struct ugdb_regcache *rc);
void ugdb_regcache_free(struct ugdb_regcache *rc);
int ugdb_read_reg(struct ugdb_regcache *rc, struct task_struct *task,
		  int regno, u8 *buf);
int ugdb_write_reg(struct ugdb_regcache *rc, struct task_struct *task,
		   int regno, const u8 *buf);
void ugdb_regcache_drop(struct ugdb_regcache *rc);

/* ugdb_mem.c: memory and breakpoints */
long ugdb_read_mem(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr, u8 *buf, u32 len);
long ugdb_write_mem(struct ugdb_session *sess, struct ugdb_bptab *tab,
		    struct task_struct *task, u64 addr, const u8 *buf,
		    u32 len);
int ugdb_insert_bp(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr);
int ugdb_remove_bp(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr);
void ugdb_remove_all_bps(struct ugdb_session *sess, struct ugdb_bptab *tab,
			 struct task_struct *task);
bool ugdb_is_bp(struct ugdb_session *sess, struct mm_struct *mm, u64 addr);
void ugdb_bps_forget(struct ugdb_session *sess, struct ugdb_bptab *tab);
int ugdb_bps_clean_copy(const struct ugdb_bp *bps, int nr,
			struct task_struct *task);

/* ugdb_hwbp.c: Z1 Z2 Z4 in the debug registers of every thread */
int ugdb_hw_insert(struct ugdb_session *sess, int type, u64 addr, int kind);
int ugdb_hw_remove(struct ugdb_session *sess, int type, u64 addr, int kind);
void ugdb_hw_clear(struct ugdb_session *sess);
void ugdb_hw_sync_thread(struct ugdb_session *sess, struct ugdb_thread *t);
void ugdb_hw_release_thread(struct ugdb_thread *t);
bool ugdb_hw_take_hit(struct ugdb_thread *t, bool *exec, u64 *addr);

/* ugdb_siginfo.c: qXfer:siginfo */
long ugdb_read_siginfo(struct ugdb_session *sess, struct ugdb_thread *t,
		       u64 off, u8 *buf, u32 len);
long ugdb_write_siginfo(struct ugdb_session *sess, struct ugdb_thread *t,
			u64 off, const u8 *buf, u32 len);
void ugdb_trap_siginfo(kernel_siginfo_t *info, int code, u64 addr);

/* ugdb_info.c */
int ugdb_thread_name(struct task_struct *task, char *buf, u32 len);
int ugdb_exec_file(struct task_struct *task, char *buf, u32 len);
long ugdb_read_auxv(struct ugdb_session *sess, struct task_struct *task,
		    u64 off, u8 *buf, u32 len);

/* ugdb_vfile.c: Host I/O with the opener's credentials */
int ugdb_vfile_setfs(struct ugdb_session *sess, int pid);
int ugdb_vfile_open(struct ugdb_session *sess, const char *name, int flags,
		    u32 mode);
int ugdb_vfile_close(struct ugdb_session *sess, int fd);
void ugdb_vfile_close_all(struct ugdb_session *sess);
long ugdb_vfile_pread(struct ugdb_session *sess, int fd, u8 *buf, u32 len,
		      u64 off);
long ugdb_vfile_pwrite(struct ugdb_session *sess, int fd, const u8 *buf,
		       u32 len, u64 off);
int ugdb_vfile_fstat(struct ugdb_session *sess, int fd,
		     struct rsp_file_stat *st);
int ugdb_vfile_readlink(struct ugdb_session *sess, const char *name,
			char *buf, u32 len);
int ugdb_vfile_unlink(struct ugdb_session *sess, const char *name);

/* ugdb_run.c: vRun through the relay (see uapi/ugdb.h) */
struct ugdb_run_request;
int ugdb_run_setting(void *target, enum rsp_launch_setting what,
		     const u8 *val, u32 len);
int ugdb_run(void *target, const u8 *args, u32 len, int argc);
long ugdb_run_get(struct ugdb_session *sess,
		  struct ugdb_run_request __user *ureq);
int ugdb_run_done(struct ugdb_session *sess, s32 result);
bool ugdb_run_pump(struct ugdb_session *sess, pid_t *ran);
void ugdb_run_free(struct ugdb_session *sess);

/* ugdb_osdata.c: qXfer:osdata through the relay (see uapi/ugdb.h) */
struct ugdb_osdata_request;
struct ugdb_osdata_reply;
int ugdb_osdata(void *target, const char *annex, u64 off, u32 len);
long ugdb_osdata_get(struct ugdb_session *sess,
		     struct ugdb_osdata_request __user *ureq);
long ugdb_osdata_put(struct ugdb_session *sess,
		     const struct ugdb_osdata_reply __user *urep);
void ugdb_osdata_free(struct ugdb_session *sess);

/* ugdb_perm.c */
int ugdb_perm_init(void);
void ugdb_perm_exit(void);
const struct cred *ugdb_check_cred(const struct cred *opener);
int ugdb_may_attach(struct ugdb_session *sess, struct task_struct *task);
int ugdb_lock_creds(struct task_struct *task);
void ugdb_unlock_creds(struct task_struct *task);
bool ugdb_mm_allowed(struct ugdb_session *sess, struct mm_struct *mm);
bool ugdb_cred_same(const struct cred *a, const struct cred *b);

#endif /* UGDB_UGDB_H */
