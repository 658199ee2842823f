/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utrace.h - the engine layer's whole contract.
 *
 * Modelled on the utrace patch (names and rules included), rebuilt on what
 * a modern kernel exports to a GPL module.  A *client* attaches an *engine*
 * to a task; the engine asks for *events* with utrace_set_events() and is
 * told of them through the callbacks of its utrace_engine_ops, always in
 * the context of the task itself.  Each callback returns the resume action
 * the engine wants; the layer combines the actions of all engines on the
 * task: the strongest wins (UTRACE_STOP beats everything), so one engine's
 * resume never overrides another's stop.
 *
 * Rules (see doc/engine-layer.md for the reasoning):
 * - A task is *quiescent* when it is about to return to user mode and runs
 *   the layer's task_work there.  Only then, or while it is stopped, or
 *   once it is dead, is its list of attached engines changed.  A reporting
 *   pass (the task calling its engines) walks that list without a lock.
 * - An engine attached while the task is not quiescent (from another
 *   task, or from one of its own callbacks) waits on the task's attaching
 *   list and is spliced in at the next quiescent point, so it never sees
 *   the event during which it was created.  Engines are called in attach
 *   order.
 * - utrace_control(UTRACE_DETACH) takes effect at once for callbacks: after
 *   it returns, only a callback already in progress may still run, and
 *   utrace_barrier() waits for that one to finish.
 * - Engines are refcounted: utrace_attach_task() returns a reference the
 *   caller must drop with utrace_engine_put().
 *
 * Hooks underneath (utrace_hooks.c): task_work for quiescence, die
 * notifiers for user int3 and single-step traps, tracepoints for exec,
 * exit, fork and task reaping, signal_generate / signal_deliver for
 * signals and job control.
 */
#ifndef UGDB_UTRACE_H
#define UGDB_UTRACE_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/sched.h>

struct linux_binprm;
struct pt_regs;

/* Resume actions, strongest first. */
enum utrace_resume_action {
	UTRACE_STOP,		/* stay stopped at the next quiescent point */
	UTRACE_INTERRUPT,	/* like STOP, and break out of a blocking call */
	UTRACE_REPORT,		/* make a report_quiesce pass, then go on */
	UTRACE_SINGLESTEP,	/* resume for one instruction */
	/*
	 * Resume until the next branch is taken.  On this layer a block
	 * step is a single step (the report comes after one instruction),
	 * as utrace documented for machines without block step: x86 block
	 * step needs TIF_BLOCKSTEP with DEBUGCTL.BTF, which only the
	 * kernel's user_enable_block_step() keeps consistent and which is
	 * not exported; see doc/engine-layer.md for the evidence.
	 */
	UTRACE_BLOCKSTEP,
	UTRACE_RESUME,		/* run freely */
	UTRACE_DETACH,		/* drop this engine */
	UTRACE_RESUME_MAX
};

/* Events an engine can ask for, as bits of utrace_set_events(). */
enum utrace_events {
	_UTRACE_EVENT_QUIESCE,	/* report_quiesce at each quiescent point */
	_UTRACE_EVENT_EXEC,	/* report_exec after a successful exec */
	_UTRACE_EVENT_CLONE,	/* report_clone in the parent of a new task */
	_UTRACE_EVENT_EXIT,	/* report_exit at the start of the task's exit */
	_UTRACE_EVENT_TRAP,	/* report_trap for user int3 / debug traps */
	_UTRACE_EVENT_SYSCALL_ENTRY,	/* report_syscall_entry */
	_UTRACE_EVENT_SYSCALL_EXIT,	/* report_syscall_exit */
	_UTRACE_EVENT_DEATH,	/* report_death once the task is dead */
	_UTRACE_EVENT_REAP,	/* report_reap when the task is released */
	_UTRACE_EVENT_SIGNAL,	/* report_signal before a signal is delivered */
	_UTRACE_EVENT_JCTL,	/* report_jctl at job control stop/continue */
	_UTRACE_NEVENTS
};
#define UTRACE_EVENT(type)	(1UL << _UTRACE_EVENT_##type)

/* utrace_attach_task() flags */
#define UTRACE_ATTACH_MATCH_OPS		0x0001	/* match engines with these ops */
#define UTRACE_ATTACH_MATCH_DATA	0x0002	/* ... and/or this data */
#define UTRACE_ATTACH_MATCH_MASK	0x000f
#define UTRACE_ATTACH_CREATE		0x0010	/* attach a new engine */
#define UTRACE_ATTACH_EXCLUSIVE		0x0020	/* refuse if a match exists */

struct utrace_engine {
	struct kref kref;
	/* called when the last ref drops, from an RCU callback */
	void (*release)(void *data);
	struct rcu_head rcu;		/* the release, see above */
	struct list_head entry;		/* in utrace->attached / ->attaching */
	const struct utrace_engine_ops *ops;
	void *data;
	unsigned long flags;		/* UTRACE_EVENT() bits */
	enum utrace_resume_action action;	/* what this engine wants now */
	unsigned int ctl_seq;		/* utrace_control() calls (->lock) */
	unsigned long syscall_hooks;	/* bit 0: holds the syscall hooks */
};

/*
 * The callbacks.  report_quiesce runs in process context and may sleep
 * briefly (it must not wait for other tasks); the others run where the
 * hook fires (tracepoints: preemption off; traps: interrupts off) and must
 * only record what happened and return.  Each returns the engine's resume
 * action; @action is the combined action of the engines called before it.
 * The action returned replaces the engine's current one (the one
 * utrace_control() gave): UTRACE_RESUME there drops a pending
 * UTRACE_SINGLESTEP or UTRACE_STOP.  An engine that has nothing to change
 * returns UTRACE_RESUME_MAX ("no opinion"): its current action stands.
 * But a utrace_control() made while the callback runs is newer than what
 * the callback decided on: the stronger of the two actions then stands,
 * so a stop asked for from another task is never undone by a callback
 * that began before it.
 */
struct utrace_engine_ops {
	u32 (*report_quiesce)(u32 action, struct utrace_engine *engine,
			      unsigned long event);
	u32 (*report_exec)(u32 action, struct utrace_engine *engine,
			   const struct linux_binprm *bprm);
	u32 (*report_clone)(u32 action, struct utrace_engine *engine,
			    struct task_struct *child);
	/* @code is the task's exit code, as wait() will see it. */
	u32 (*report_exit)(u32 action, struct utrace_engine *engine,
			   long code);
	/*
	 * A trap from user mode: @trapnr is X86_TRAP_BP (int3; regs->ip is
	 * after the int3) or X86_TRAP_DB (@dr6 points to DR6; clear the bits
	 * the engine consumed).  Return UTRACE_STOP (or another action) to
	 * claim the trap, so the task gets no SIGTRAP; return
	 * UTRACE_RESUME_MAX to leave it to others.
	 */
	u32 (*report_trap)(u32 action, struct utrace_engine *engine,
			   struct pt_regs *regs, int trapnr,
			   unsigned long *dr6);
	/*
	 * System call entry and exit (tracepoints sys_enter / sys_exit):
	 * @regs are the task's user registers (orig_ax the number, ax the
	 * return value at exit).  Returning UTRACE_STOP stops the task at
	 * its next return to user mode -- after the call for an entry
	 * report, as the layer cannot hold a task inside a call.  While an
	 * engine asks for these events, every task on the system takes the
	 * slow system call path (that is how the kernel's syscall
	 * tracepoints work); the layer registers them only then.
	 */
	u32 (*report_syscall_entry)(u32 action, struct utrace_engine *engine,
				    struct pt_regs *regs);
	u32 (*report_syscall_exit)(u32 action, struct utrace_engine *engine,
				   struct pt_regs *regs);
	/*
	 * The task is dead: called right after report_exit, from the same
	 * point of do_exit() (no later hook is available to modules).
	 * @group_dead: it was the last live thread of its process.
	 */
	void (*report_death)(struct utrace_engine *engine, bool group_dead,
			     long code);
	/*
	 * The task is released (reaped).  NOT in the task's context: from
	 * an RCU callback, so it must not sleep.  The engine is detached
	 * right after.
	 */
	void (*report_reap)(struct utrace_engine *engine,
			    struct task_struct *task);
	/*
	 * A signal is about to be delivered to the task (its handler has
	 * not run): process context, in the task.  *@deliver starts as the
	 * signal's number; an engine sets it to 0 to suppress the signal or
	 * to another number to deliver that one instead (@info goes with
	 * it).  Returning UTRACE_STOP stops the task with the signal held;
	 * while it is stopped, utrace_signal_deliver() decides again.
	 * SIGKILL and SIGSTOP are never reported (job control is the
	 * kernel's); a signal sent while it is blocked is reported only if
	 * it is still pending when the layer next runs in the task.
	 */
	u32 (*report_signal)(u32 action, struct utrace_engine *engine,
			     struct pt_regs *regs, kernel_siginfo_t *info,
			     int *deliver);
	/*
	 * Job control, always in the task itself:
	 *
	 * @type CLD_STOPPED: the task's process begins a group stop (a
	 * stop signal -- SIGSTOP, or SIGTSTP/SIGTTIN/SIGTTOU at their
	 * default action -- was dequeued by one of its threads).  The
	 * thread that dequeued it is told with @notify = 1, from the
	 * signal_deliver hook: siglock held, interrupts off, just before
	 * it stops.  Every other thread that has layer state is told
	 * with @notify = 0 from the layer's task_work (process context),
	 * before it stops -- or, if the layer holds it stopped, while it
	 * stays held.  (For SIGTSTP and friends the kernel may still drop
	 * the signal after the report, when the process group is
	 * orphaned.)
	 *
	 * @type CLD_CONTINUED: SIGCONT was sent to a process for which
	 * this thread had a CLD_STOPPED report; told from the layer's
	 * task_work (process context), in every such thread, once it
	 * runs again -- a thread the layer holds is told while held.
	 * @notify is 0.
	 *
	 * So callbacks must be written for the strictest context: record
	 * and return.  The action is combined as for any report, and, as
	 * for any report, replaces the engine's own: an engine that holds
	 * the task stopped returns UTRACE_STOP to keep it held.  A
	 * UTRACE_STOP returned by a thread about to stop for job control
	 * takes effect at its next quiescent point, i.e. after SIGCONT.
	 *
	 * Job control around a layer stop behaves like ptrace's around a
	 * ptrace stop: SIGCONT never releases the layer's stop; a thread
	 * held by the layer stays held (state 't') through a group stop
	 * of its process and takes part in that group stop as soon as the
	 * layer lets it go, before it runs another user instruction.
	 * Until then the other threads are stopped ('T') but the group
	 * stop is not complete (the parent is not yet notified), exactly
	 * as with a thread in a ptrace stop.
	 */
	u32 (*report_jctl)(u32 action, struct utrace_engine *engine,
			   int type, int notify);
};

struct utrace_engine *utrace_attach_task(struct task_struct *task, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data);
int utrace_set_events(struct task_struct *task, struct utrace_engine *engine,
		      unsigned long events);
int utrace_control(struct task_struct *task, struct utrace_engine *engine,
		   enum utrace_resume_action action);
int utrace_barrier(struct task_struct *task, struct utrace_engine *engine);
/*
 * utrace_barrier() for an engine's owner that is about to free what the
 * callbacks use (engine->data), after UTRACE_DETACH: it waits whatever
 * signals the caller has pending.  Callbacks are short, so is the wait.
 */
void utrace_barrier_sync(struct task_struct *task,
			 struct utrace_engine *engine);

/*
 * While @task is stopped: the signal it delivers when it resumes (0 =
 * none), replacing a signal held by report_signal.  The signal goes
 * straight to the task's handler, without another report.
 */
int utrace_signal_deliver(struct task_struct *task,
			  struct utrace_engine *engine, int sig);

/*
 * While @task is stopped holding a signal that report_signal reported:
 * the siginfo it is delivered with when it resumes (si_signo is the
 * signal's).  -ENOENT when no signal is held, -EBUSY when not stopped.
 */
int utrace_signal_info(struct task_struct *task, struct utrace_engine *engine,
		       const kernel_siginfo_t *info);

/*
 * For the overflow handler of a perf hw_breakpoint that an engine put on
 * its own task with register_user_hw_breakpoint().  The kernel calls
 * that handler in the task's debug trap, before the die notifiers, and
 * sends the task no SIGTRAP for it; this reports the trap to the engines
 * as report_trap(X86_TRAP_DB) with *dr6 = @dr6 (an engine knows its
 * breakpoint by what its handler recorded).  true if an engine claimed
 * it, i.e. returned an action.
 */
bool utrace_report_hw_breakpoint(struct pt_regs *regs, unsigned long dr6);

/* true if @task is stopped by the layer (quiescent, waiting to resume). */
bool utrace_task_stopped(struct task_struct *task);

/*
 * Wait up to @timeout jiffies for @task to be stopped and off its CPU, so
 * that its registers (all of them, FPU included) can be examined and
 * changed.  0 when it is; -EAGAIN on timeout; -ESRCH when it is exiting
 * or gone; -ERESTARTSYS on a signal.  The task stays stopped until every
 * engine that wants it stopped lets it go.
 */
int utrace_prepare_examine(struct task_struct *task, long timeout);

/*
 * Hold @task, stopped, while its registers are read or written: between
 * utrace_examine_begin() (0, or -EAGAIN when it is not stopped now) and
 * utrace_examine_end() it does not leave its stop, not even for SIGKILL,
 * so its kernel stack (where its user registers are) stays.  As ptrace
 * freezes its tracee for an access.  Nothing between the two may sleep
 * for long.
 */
int utrace_examine_begin(struct task_struct *task);
void utrace_examine_end(struct task_struct *task);

static inline void utrace_engine_get(struct utrace_engine *engine)
{
	kref_get(&engine->kref);
}

void __utrace_engine_release(struct kref *kref);

static inline void utrace_engine_put(struct utrace_engine *engine)
{
	kref_put(&engine->kref, __utrace_engine_release);
}

/* Module plumbing (utrace.c / utrace_hooks.c). */
int utrace_init(void);
void utrace_exit(void);
int utrace_hooks_init(void);
void utrace_hooks_exit(void);

#endif /* UGDB_UTRACE_H */
