/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ugdb.h - the gdb stub: one client engine of the utrace layer per
 * session.  A session is one open() of /dev/ugdb; it debugs one process
 * (all of its threads) in all-stop mode.
 *
 * Locking: sess->mutex serializes everything gdb asks (the RSP engine and
 * the target operations it calls) and the ioctls.  Callbacks run in the
 * debugged tasks and never take the mutex: they record what happened in
 * their struct ugdb_thread under sess->lock (a spinlock, irq-safe because
 * trap callbacks run with interrupts off), bump sess->events and wake
 * sess->wq.  The side holding the mutex turns those records into stop
 * replies (ugdb_pump).  So a task never waits for gdb's side to make
 * progress, and gdb's side waits for tasks only with a timeout.
 */
#ifndef UGDB_UGDB_H
#define UGDB_UGDB_H

#include <linux/cred.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <asm/user.h>

#include "utrace.h"
#include "rsp.h"

/* How long gdb's side waits for a thread to stop (emulated CPUs are slow). */
#define UGDB_STOP_TIMEOUT	(5 * HZ)

struct ugdb_session;

enum ugdb_run_state {
	UGDB_RUN_NONE,		/* no launch under way */
	UGDB_RUN_PENDING,	/* vRun waits for UGDB_IOC_RUN_GET */
	UGDB_RUN_TAKEN,		/* the relay is launching it */
	UGDB_RUN_STARTED,	/* exec'd: waiting for the stop at exec */
};

struct ugdb_thread {
	struct list_head node;		/* sess->threads: see ugdb_report_clone */
	struct ugdb_session *sess;
	struct task_struct *task;	/* pinned */
	struct utrace_engine *engine;	/* our reference */
	pid_t tid;
	/* under sess->lock: */
	bool want_stop;			/* gdb's side wants it stopped */
	bool stepping;			/* resumed with vCont;s */
	bool resumed;			/* by gdb's last resume request */
	bool exited;
	int event_sig;			/* != 0: stopped by itself, unreported */
	enum rsp_stop_reason event_reason;
};

/* The register sets of the thread gdb looked at last (ugdb_regs.c). */
struct ugdb_regcache {
	struct task_struct *task;	/* not pinned: compared only */
	bool gp_valid, fx_valid;
	struct user_regs_struct gp;
	struct user_i387_struct fx;
};

struct ugdb_bp {
	u64 addr;
	u8 orig;
};

struct ugdb_session {
	struct mutex mutex;
	spinlock_t lock;
	wait_queue_head_t wq;		/* readers, pollers, WAIT_STOP */
	atomic_t events;		/* bumped by callbacks */
	const struct cred *cred;	/* the opener's */
	struct file *file;

	struct rsp_session *rsp;
	bool extended;
	bool rsp_started;		/* gdb has sent a byte */

	/* the process: pid 0 = none */
	pid_t pid;
	bool launched;			/* by UGDB_IOC_TRACEME */
	int exec_pending;		/* TRACEME: stop at the n-th exec */
	bool process_gone;		/* all threads exited */
	bool closing;			/* forgetting it: no new threads */
	bool exit_reported;
	long exit_code;			/* wait() status of the last thread */
	struct list_head threads;
	int stop_sig;			/* what '?' reports */
	pid_t stop_tid;
	enum rsp_stop_reason stop_reason;
	bool interrupting;		/* ^C sent, stop not yet reported */
	/* QPassSignals: delivered without a stop (read by report_signal) */
	u8 pass_signals[_NSIG + 1];

	/* breakpoints, under lock (the trap callback reads them) */
	struct ugdb_bp bps[RSP_MAX_BREAKPOINTS];
	int nr_bps;
	struct mm_struct *bp_mm;	/* the mm they are in (not pinned) */

	/* vRun (ugdb_run.c): the settings gdb sent, the launch under way */
	bool launcher;			/* UGDB_MODE_LAUNCHER */
	enum ugdb_run_state run_state;
	bool run_shell, run_no_aslr;
	char *run_prog;			/* last program run (PATH_MAX) */
	char *run_cwd;			/* "" = the relay's (PATH_MAX) */
	char *run_env;			/* "+N=V\0" / "-N\0" edits */
	u32 run_env_len, run_nenv;
	u8 *run_args;			/* argv of the pending request */
	u32 run_args_len, run_argc;

	struct ugdb_regcache regs;	/* valid while everything is stopped */
	u8 scratch[4096];		/* write() copy-in buffer */
};

/* ugdb_engine.c: threads, events and stop replies */
extern const struct utrace_engine_ops ugdb_engine_ops;
int ugdb_attach_process(struct ugdb_session *sess, pid_t pid);
int ugdb_traceme(struct ugdb_session *sess);
void ugdb_forget_process(struct ugdb_session *sess, bool kill);
struct ugdb_thread *ugdb_find_thread(struct ugdb_session *sess, int tid);
int ugdb_stop_all(struct ugdb_session *sess);
void ugdb_pump(struct ugdb_session *sess);
void ugdb_stop_state(struct ugdb_session *sess, struct rsp_stop *stop);
int ugdb_wait_stop(struct ugdb_session *sess);
void ugdb_session_event(struct ugdb_session *sess);

/* ugdb_target.c: the rsp_target_ops */
extern const struct rsp_target_ops ugdb_target_ops;

/* ugdb_regs.c */
int ugdb_read_reg(struct ugdb_regcache *rc, struct task_struct *task,
		  int regno, u8 *buf);
int ugdb_write_reg(struct ugdb_regcache *rc, struct task_struct *task,
		   int regno, const u8 *buf);
void ugdb_regcache_drop(struct ugdb_regcache *rc);

/* ugdb_mem.c: memory and breakpoints */
long ugdb_read_mem(struct ugdb_session *sess, struct task_struct *task,
		   u64 addr, u8 *buf, u32 len);
long ugdb_write_mem(struct ugdb_session *sess, struct task_struct *task,
		    u64 addr, const u8 *buf, u32 len);
int ugdb_insert_bp(struct ugdb_session *sess, struct task_struct *task,
		   u64 addr);
int ugdb_remove_bp(struct ugdb_session *sess, struct task_struct *task,
		   u64 addr);
void ugdb_remove_all_bps(struct ugdb_session *sess, struct task_struct *task);
bool ugdb_is_bp(struct ugdb_session *sess, struct mm_struct *mm, u64 addr);

/* ugdb_info.c */
int ugdb_thread_name(struct task_struct *task, char *buf, u32 len);
int ugdb_exec_file(struct task_struct *task, char *buf, u32 len);
long ugdb_read_auxv(struct task_struct *task, u64 off, u8 *buf, u32 len);

/* ugdb_run.c: vRun through the relay (see uapi/ugdb.h) */
struct ugdb_run_request;
int ugdb_run_setting(void *target, enum rsp_launch_setting what,
		     const u8 *val, u32 len);
int ugdb_run(void *target, const u8 *args, u32 len, int argc);
long ugdb_run_get(struct ugdb_session *sess,
		  struct ugdb_run_request __user *ureq);
int ugdb_run_done(struct ugdb_session *sess, s32 result);
bool ugdb_run_pump(struct ugdb_session *sess);
void ugdb_run_free(struct ugdb_session *sess);

/* ugdb_perm.c */
int ugdb_may_attach(struct ugdb_session *sess, struct task_struct *task);

#endif /* UGDB_UGDB_H */
