// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_engine.c - the gdb stub's engine: attaching to a process, what its
 * threads report, and turning that into all-stop stop replies.
 */
#include <linux/binfmts.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <asm/debugreg.h>
#include <asm/trapnr.h>

#include "ugdb.h"
#include "utrace_internal.h"

#define UGDB_EVENTS	(UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(EXEC) | \
			 UTRACE_EVENT(EXIT) | UTRACE_EVENT(TRAP) | \
			 UTRACE_EVENT(CLONE) | UTRACE_EVENT(SIGNAL))

/*
 * Tell readers and pollers.  Callbacks run where nothing may sleep (a
 * probe, the die notifier, the hw_breakpoint handler), and a wait
 * queue's lock sleeps on PREEMPT_RT: there the wake-up goes through an
 * irq_work (a thread on PREEMPT_RT, an interrupt elsewhere), which the
 * session's end waits for.  A wake that finds it pending is covered by it.
 */
void ugdb_session_event(struct ugdb_session *sess)
{
	atomic_inc(&sess->events);
	if (preemptible())
		wake_up_all(&sess->wq);
	else
		irq_work_queue(&sess->wake_work);
}

void ugdb_session_wake_fn(struct irq_work *work)
{
	struct ugdb_session *sess = container_of(work, struct ugdb_session,
						 wake_work);

	wake_up_all(&sess->wq);
}

/* --- callbacks: in the debugged task, never take sess->mutex --- */

static u32 ugdb_report_quiesce(u32 action, struct utrace_engine *engine,
			       unsigned long event)
{
	struct ugdb_thread *t = engine->data;
	struct ugdb_session *sess = t->sess;
	unsigned long flags;
	u32 ret;

	/* a thread born after gdb set debug registers: set them now */
	if (READ_ONCE(t->hw_gen) != READ_ONCE(sess->hw_gen))
		ugdb_hw_sync_thread(sess, t);
	raw_spin_lock_irqsave(&sess->lock, flags);
	if (t->want_stop || t->event_sig)
		ret = UTRACE_STOP;
	else if (t->vfork_child)
		ret = UTRACE_RESUME_MAX;	/* back from vfork(): below */
	else
		ret = t->stepping ? UTRACE_SINGLESTEP : UTRACE_RESUME;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (ret == UTRACE_RESUME_MAX)
		return ugdb_vfork_done(t);
	if (ret == UTRACE_STOP)
		ugdb_session_event(sess);
	return ret;
}

static void ugdb_thread_gone(struct ugdb_thread *t, long code, bool own);

/* The events the session's engines ask for, QCatchSyscalls included. */
unsigned long ugdb_events_wanted(struct ugdb_session *sess)
{
	unsigned long events = UGDB_EVENTS;

	if (READ_ONCE(sess->catch_syscalls))
		events |= UTRACE_EVENT(SYSCALL_ENTRY) |
			  UTRACE_EVENT(SYSCALL_EXIT);
	return events;
}

/*
 * Record that @t stopped by itself; the stop reply is built later.
 * @arg: the syscall number or the fork child; @addr: the data address of
 * a watchpoint stop; @info: the siginfo of the stop (NULL: none); @held:
 * the signal is one report_signal holds.
 */
static u32 ugdb_stop_event(struct ugdb_thread *t, int sig,
			   enum rsp_stop_reason reason, int arg, u64 addr,
			   const kernel_siginfo_t *info, bool held)
{
	struct ugdb_session *sess = t->sess;
	unsigned long flags;

	utrace_dbg("stop event sig %d reason %d", sig, reason);
	raw_spin_lock_irqsave(&sess->lock, flags);
	t->event_sig = sig;
	t->event_reason = reason;
	t->event_arg = arg;
	t->event_addr = addr;
	t->stepping = false;
	t->has_siginfo = info != NULL;
	t->signal_held = held;
	if (info)
		t->siginfo = *info;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	ugdb_session_event(sess);
	return UTRACE_STOP;
}

/* A SIGTRAP stop with the siginfo the kernel would have sent. */
static u32 ugdb_trap_event(struct ugdb_thread *t, enum rsp_stop_reason reason,
			   u64 data_addr, int code, u64 addr)
{
	kernel_siginfo_t info;

	ugdb_trap_siginfo(&info, code, addr);
	return ugdb_stop_event(t, SIGTRAP, reason, 0, data_addr, &info, false);
}

/* A stop with no siginfo of its own: fork and system call events. */
u32 ugdb_thread_event(struct ugdb_thread *t, int sig,
		      enum rsp_stop_reason reason, int arg)
{
	return ugdb_stop_event(t, sig, reason, arg, 0, NULL, false);
}

static u32 ugdb_report_exec(u32 action, struct utrace_engine *engine,
			    const struct linux_binprm *bprm)
{
	struct ugdb_thread *t = engine->data;
	struct ugdb_session *sess = t->sess;

	/*
	 * A set-user-ID (or otherwise privileged) exec ends the engine, as it
	 * would end ptrace's power over the task.
	 */
	if (bprm->secureexec) {
		pr_info("ugdb: pid %d exec'd a privileged program: detached\n",
			t->tid);
		ugdb_thread_gone(t, 0, false);
		return UTRACE_DETACH;
	}
	/* gdb's side checks the session's access again (ugdb_proc_recheck) */
	WRITE_ONCE(t->proc->execs, t->proc->execs + 1);
	/* a thread other than the leader takes the leader's id */
	WRITE_ONCE(t->tid, ugdb_tid(sess, current));
	/* the old mm went with our int3 bytes in it */
	ugdb_bps_forget(sess, &t->proc->bp);
	if (READ_ONCE(t->proc->exec_pending)) {
		/* the shell's own exec comes first when vRun starts one */
		WRITE_ONCE(t->proc->exec_pending,
			   READ_ONCE(t->proc->exec_pending) - 1);
		if (READ_ONCE(t->proc->exec_pending))
			return UTRACE_RESUME_MAX;
		return ugdb_trap_event(t, RSP_REASON_NONE, 0, SI_USER, 0);
	}
	/*
	 * Every exec stops, as under ptrace: "exec:" for a gdb that agreed
	 * to exec-events, else the SIGTRAP a ptraced task gets after exec.
	 * Its system call's stops are not reported (see ugdb_syscall.c).
	 */
	t->in_syscall = false;
	return ugdb_trap_event(t, RSP_REASON_EXEC, 0, SI_USER, 0);
}

/* Did @t just stop for one of its debug registers (unreported)? */
static bool ugdb_hw_event_pending(struct ugdb_thread *t)
{
	unsigned long flags;
	bool pending;

	raw_spin_lock_irqsave(&t->sess->lock, flags);
	pending = t->event_sig && (t->event_reason == RSP_REASON_WATCH ||
				   t->event_reason == RSP_REASON_HWBREAK);
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	return pending;
}

static u32 ugdb_report_trap(u32 action, struct utrace_engine *engine,
			    struct pt_regs *regs, int trapnr,
			    unsigned long *dr6)
{
	struct ugdb_thread *t = engine->data;
	struct ugdb_session *sess = t->sess;
	bool exec;
	u64 addr;

	if (trapnr == X86_TRAP_BP) {
		/* regs->ip is past the int3 */
		if (!ugdb_is_bp(sess, current->mm, regs->ip - 1))
			return UTRACE_RESUME_MAX;
		regs->ip -= 1;
		return ugdb_trap_event(t, RSP_REASON_SWBREAK, 0, SI_KERNEL, 0);
	}
	if (trapnr != X86_TRAP_DB)
		return UTRACE_RESUME_MAX;
	/* one of our debug registers (ugdb_hwbp.c): already claimed */
	if (ugdb_hw_take_hit(t, &exec, &addr))
		return ugdb_trap_event(t, exec ? RSP_REASON_HWBREAK :
					  RSP_REASON_WATCH,
				       exec ? 0 : addr, TRAP_HWBKPT, regs->ip);
	if (!(*dr6 & DR_STEP))
		return UTRACE_RESUME_MAX;
	/*
	 * Our step.  A data watchpoint hit by the stepped instruction came
	 * first (the perf handler runs before the die notifiers): that is
	 * the stop to report, as gdbserver would see it in DR6.
	 */
	if (READ_ONCE(t->stepping) || ugdb_hw_event_pending(t)) {
		*dr6 &= ~DR_STEP;
		if (ugdb_hw_event_pending(t))
			return UTRACE_STOP;
		/*
		 * vCont;r: still in the range, step on without a stop
		 * (range_* are written by resume before the task runs) --
		 * unless gdb's side is stopping every thread for another
		 * one's event: then this one stops with nothing to report,
		 * as gdbserver's range-stepping thread does.
		 */
		if (regs->ip >= t->range_start && regs->ip < t->range_end)
			return READ_ONCE(t->want_stop) ? UTRACE_STOP :
							 UTRACE_SINGLESTEP;
		return ugdb_trap_event(t, RSP_REASON_STEP, 0, TRAP_TRACE,
				       regs->ip);
	}
	return UTRACE_RESUME_MAX;
}

/*
 * A signal for the task: stop and let gdb decide.  It is held (not
 * delivered) unless gdb's resume names it again (C/S/vCont;C), which
 * ugdb's resume passes to utrace_signal_deliver().
 */
static u32 ugdb_report_signal(u32 action, struct utrace_engine *engine,
			      struct pt_regs *regs, kernel_siginfo_t *info,
			      int *deliver)
{
	struct ugdb_thread *t = engine->data;
	unsigned long flags;
	int sig = *deliver;

	/* gdb asked for it to go straight to the program (QPassSignals) */
	if (sig > 0 && sig <= _NSIG && READ_ONCE(t->sess->pass_signals[sig]))
		return UTRACE_RESUME_MAX;
	/*
	 * Not at the program's exec yet (a launch, maybe still in the
	 * shell): nobody would see the stop, so the signal takes its
	 * course, as gdbserver's startup passes it on.
	 */
	if (READ_ONCE(t->proc->exec_pending))
		return UTRACE_RESUME_MAX;
	*deliver = 0;
	raw_spin_lock_irqsave(&t->sess->lock, flags);
	t->held_sig = sig;
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	return ugdb_stop_event(t, sig, RSP_REASON_NONE, 0, 0, info, true);
}

/*
 * @t is gone for good (exited, or out of reach); @code as for wait(), or
 * -1 when it is not the process's.  @own: a thread other than the leader
 * ended by itself while the rest of the process goes on.  With
 * QThreadEvents on, that is reported as a "w" stop, recorded here with the
 * other events so that it keeps its place among them.  Not for the
 * process's last thread (its end is the process's W), and not for the
 * leader: gdbserver 13 drops a leader that exits before the other threads
 * without a word, and the thread list just loses it.
 */
static void ugdb_thread_gone(struct ugdb_thread *t, long code, bool own)
{
	struct ugdb_session *sess = t->sess;
	struct ugdb_process *p = t->proc;
	struct ugdb_thread *other;
	unsigned long flags;
	bool all = true;

	raw_spin_lock_irqsave(&sess->lock, flags);
	t->exited = true;
	t->event_sig = 0;
	if (code >= 0)
		p->exit_code = code;
	list_for_each_entry(other, &sess->threads, node)
		if (other->proc == p)
			all &= other->exited;
	if (all)
		p->gone = true;
	else if (own && sess->thread_events)
		t->exit_event = true;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	ugdb_session_event(sess);
}

static u32 ugdb_report_exit(u32 action, struct utrace_engine *engine,
			    long code)
{
	/*
	 * What wait() will say of the process: the group's code once
	 * exit_group() or a fatal signal ends it, else the leader's own.  A
	 * thread that ended by itself (pthread_exit) may report after the
	 * leader's exit_group() -- its tid is cleared, so a join returns,
	 * before this hook -- and its code is not the process's.
	 */
	struct ugdb_thread *t = engine->data;
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	bool own;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
		/* the process is ending: what follows is its W or X */
		raw_spin_lock_irqsave(&t->sess->lock, flags);
		t->proc->group_exiting = true;
		raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	} else if (!thread_group_leader(current)) {
		code = -1;
	}
	/* killed by the group's exit or another thread's exec: no "w" */
	own = !(sig->flags & SIGNAL_GROUP_EXIT) &&
	      !READ_ONCE(sig->group_exec_task) && !thread_group_leader(current);
	ugdb_thread_gone(t, code, own);
	return UTRACE_RESUME_MAX;
}

/* The session's engine on @task, asking for every event ugdb uses. */
static struct utrace_engine *ugdb_engine_attach(struct task_struct *task,
						struct ugdb_thread *t)
{
	struct utrace_engine *engine;

	engine = utrace_attach_task(task, UTRACE_ATTACH_CREATE |
				    UTRACE_ATTACH_EXCLUSIVE |
				    UTRACE_ATTACH_MATCH_OPS, &ugdb_engine_ops, t);
	if (!IS_ERR(engine))
		utrace_set_events(task, engine, ugdb_events_wanted(t->sess));
	return engine;
}

/*
 * Follow a new task of @sess (a thread of process @p, or a fork child,
 * the first thread of @p) from the fork report: it gets an engine before
 * it first runs (the layer lets us attach to a task that has never run),
 * so it cannot hit a breakpoint unseen.  @hold: it stops at its first
 * return to user mode and stays stopped until gdb resumes it.  The
 * thread list only grows here, published with list_add_tail_rcu();
 * threads leave it only under sess->mutex, and ugdb_forget_proc() stops
 * the growth first.
 */
struct ugdb_thread *ugdb_follow_task(struct ugdb_session *sess,
				     struct task_struct *child,
				     struct ugdb_process *p, bool hold)
{
	struct ugdb_thread *nt;
	struct utrace_engine *ne;
	unsigned long flags;
	bool added = false, created = false;

	nt = kzalloc(sizeof(*nt), GFP_ATOMIC);
	if (!nt)
		return NULL;
	nt->sess = sess;
	mutex_init(&nt->hw_mutex);
	nt->task = child;
	nt->tid = ugdb_tid(sess, child);
	nt->proc = p;
	/* a running thread's events are awaited; a held one's are not */
	nt->resumed = !hold;
	nt->want_stop = hold;
	ne = ugdb_engine_attach(child, nt);
	if (IS_ERR(ne)) {
		kfree(nt);
		return NULL;
	}
	nt->engine = ne;
	get_task_struct(child);
	raw_spin_lock_irqsave(&sess->lock, flags);
	if (!sess->closing && !p->closing) {
		/*
		 * QThreadEvents: a new thread of a process reports its
		 * creation itself, as gdbserver's does: it stops before its
		 * first instruction with a "create" event, in the same
		 * breath as it joins the list.
		 */
		if (!hold && sess->thread_events) {
			nt->event_sig = SIGTRAP;
			nt->event_reason = RSP_REASON_THREAD_CREATED;
			created = true;
		}
		list_add_tail_rcu(&nt->node, &sess->threads);
		added = true;
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (!added) {
		utrace_control(child, ne, UTRACE_DETACH);
		utrace_engine_put(ne);
		put_task_struct(child);
		kfree(nt);
		return NULL;
	}
	if (hold || created) {
		/* its report_quiesce still runs first (debug registers) */
		utrace_control(child, ne, UTRACE_STOP);
	} else if (READ_ONCE(sess->hw_gen)) {
		/*
		 * Debug registers are set: make it run report_quiesce (which
		 * sets them) before its first instruction.
		 */
		utrace_control(child, ne, UTRACE_REPORT);
	}
	ugdb_session_event(sess);
	return nt;
}

/* A new thread, or a new process (ugdb_fork.c). */
static u32 ugdb_report_clone(u32 action, struct utrace_engine *engine,
			     struct task_struct *child)
{
	struct ugdb_thread *t = engine->data;
	struct ugdb_session *sess = t->sess;

	if (!same_thread_group(child, current))
		return ugdb_fork_child(t, child);
	if (READ_ONCE(sess->closing) || READ_ONCE(t->proc->closing))
		return UTRACE_RESUME_MAX;
	if (!ugdb_follow_task(sess, child, t->proc, false))
		pr_warn_ratelimited("ugdb: cannot follow new thread %d\n",
				    ugdb_tid(sess, child));
	return UTRACE_RESUME_MAX;
}

const struct utrace_engine_ops ugdb_engine_ops = {
	.report_quiesce = ugdb_report_quiesce,
	.report_clone = ugdb_report_clone,
	.report_signal = ugdb_report_signal,
	.report_exec = ugdb_report_exec,
	.report_trap = ugdb_report_trap,
	.report_exit = ugdb_report_exit,
	.report_syscall_entry = ugdb_report_syscall_entry,
	.report_syscall_exit = ugdb_report_syscall_exit,
};

/* --- gdb's side: called with sess->mutex held --- */

struct ugdb_thread *ugdb_find_thread(struct ugdb_session *sess, int tid)
{
	struct ugdb_thread *t;

	list_for_each_entry(t, &sess->threads, node) {
		if (t->exited)
			continue;
		/* "any thread" is one of the first process */
		if ((tid <= 0 && t->proc->pid == sess->pid) || t->tid == tid)
			return t;
	}
	return NULL;
}

int ugdb_add_thread(struct ugdb_session *sess, struct ugdb_process *p,
		    struct task_struct *task)
{
	struct ugdb_thread *t;
	unsigned long flags;
	int ret;

	t = kzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);
	if (!t)
		return -ENOMEM;
	t->sess = sess;
	mutex_init(&t->hw_mutex);
	t->task = task;
	t->tid = ugdb_tid(sess, task);
	t->proc = p;
	get_task_struct(task);
	/* in the list before the engine can report anything */
	raw_spin_lock_irqsave(&sess->lock, flags);
	list_add_tail_rcu(&t->node, &sess->threads);
	raw_spin_unlock_irqrestore(&sess->lock, flags);

	t->engine = ugdb_engine_attach(task, t);
	if (IS_ERR(t->engine)) {
		ret = PTR_ERR(t->engine);
		raw_spin_lock_irqsave(&sess->lock, flags);
		list_del(&t->node);
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		put_task_struct(task);
		kfree(t);
		return ret == -EEXIST ? -EBUSY : ret;
	}
	return 0;
}

void ugdb_free_thread(struct ugdb_session *sess, struct ugdb_thread *t)
{
	unsigned long flags;

	/*
	 * No callback runs on @t once the detach is done and the barrier
	 * passed (whatever signal the caller has pending: a callback in
	 * flight still uses @t).  Only then the debug registers go: a
	 * report_quiesce in flight could set them again.
	 */
	utrace_control(t->task, t->engine, UTRACE_DETACH);
	utrace_barrier_sync(t->task, t->engine);
	ugdb_hw_release_thread(t);
	utrace_engine_put(t->engine);
	ugdb_vfork_forget(t);
	raw_spin_lock_irqsave(&sess->lock, flags);
	list_del(&t->node);
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	put_task_struct(t->task);
	kfree(t);
}

/*
 * Wait until @t can be examined: stopped by the layer, or, while it is
 * inside vfork() waiting for the child it reported (vfork-events), asleep
 * there -- it cannot return to user mode before that child execs or
 * exits, and its user registers stay as they were at the call.  (Once
 * the child lets it go it runs to its next return to user mode, where
 * the stop gdb's side asked for holds it.)
 */
/*
 * utrace_prepare_examine() until @end, in short waits: a thread let go
 * meanwhile (report_exec's detach at a secure exec) will never stop, and
 * says so by being marked exited.
 */
static int ugdb_wait_stopped(struct ugdb_thread *t, unsigned long end)
{
	int ret;

	for (;;) {
		ret = utrace_prepare_examine(t->task, HZ / 10);
		if (ret != -EAGAIN || time_after(jiffies, end))
			return ret;
		if (READ_ONCE(t->exited))
			return -ESRCH;
	}
}

int ugdb_examine(struct ugdb_thread *t, long timeout)
{
	unsigned long flags, end = jiffies + timeout;
	struct task_struct *child;
	int ret;

	raw_spin_lock_irqsave(&t->sess->lock, flags);
	child = t->vfork_child;
	if (child)
		get_task_struct(child);
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	if (!child)
		return ugdb_wait_stopped(t, end);
	for (;;) {
		ret = 0;
		if (utrace_task_stopped(t->task)) {
			ret = utrace_prepare_examine(t->task, timeout);
			break;
		}
		if (READ_ONCE(child->vfork_done) &&
		    READ_ONCE(t->task->__state) != TASK_RUNNING &&
		    !READ_ONCE(t->task->on_cpu))
			break;
		ret = -ESRCH;
		if (t->task->flags & PF_EXITING)
			break;
		ret = -EAGAIN;
		if (time_after(jiffies, end))
			break;
		schedule_timeout_interruptible(1);
		ret = -ERESTARTSYS;
		if (signal_pending(current))
			break;
	}
	put_task_struct(child);
	return ret;
}

static void ugdb_recheck_all(struct ugdb_session *sess);

/* Ask every live thread to stop and wait until they have. */
int ugdb_stop_all(struct ugdb_session *sess)
{
	struct ugdb_thread *t;
	unsigned long flags;
	int ret = 0, err;

	list_for_each_entry(t, &sess->threads, node) {
		raw_spin_lock_irqsave(&sess->lock, flags);
		t->want_stop = true;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		if (!t->exited)
			utrace_control(t->task, t->engine, UTRACE_STOP);
	}
	list_for_each_entry(t, &sess->threads, node) {
		if (t->exited)
			continue;
		err = ugdb_examine(t, UGDB_STOP_TIMEOUT);
		if (err && err != -ESRCH && !ret)
			ret = err;
	}
	/* stopped: no exec runs now, check what the last ones changed */
	ugdb_recheck_all(sess);
	return ret;
}

/* @task's id as gdb knows it: in the opener's pid namespace (0: unseen). */
pid_t ugdb_tid(struct ugdb_session *sess, struct task_struct *task)
{
	return task_pid_nr_ns(task, sess->pid_ns);
}

/* The task gdb calls @pid (PIDTYPE_TGID: its process), pinned, or NULL. */
static struct task_struct *ugdb_get_task(struct ugdb_session *sess,
					 pid_t pid, enum pid_type type)
{
	struct task_struct *task;

	if (pid <= 0)
		return NULL;
	rcu_read_lock();
	task = get_pid_task(find_pid_ns(pid, sess->pid_ns), type);
	rcu_read_unlock();
	return task;
}

/*
 * Engines on every thread of @leader's process, for process @p (on the
 * list already).  The caller holds the process's cred_guard_mutex, so no
 * exec (the only way a thread group changes its set of threads other
 * than clone and exit) runs meanwhile.
 */
static int ugdb_add_threads(struct ugdb_session *sess, struct ugdb_process *p,
			    struct task_struct *leader)
{
	struct task_struct *task, **tasks;
	int i, n = 0, max = 1024, ret = 0;

	tasks = kcalloc(max, sizeof(*tasks), GFP_KERNEL_ACCOUNT);
	if (!tasks)
		return -ENOMEM;
	rcu_read_lock();
	for_each_thread(leader, task) {
		if (n == max)
			break;
		get_task_struct(task);
		tasks[n++] = task;
	}
	rcu_read_unlock();
	for (i = 0; i < n; i++) {
		int err = ugdb_add_thread(sess, p, tasks[i]);

		/* a thread exiting meanwhile is simply not there */
		if (err && err != -ESRCH && !ret)
			ret = err;
		put_task_struct(tasks[i]);
	}
	kfree(tasks);
	return ret;
}

/*
 * Make @task's process one of the session's, as ptrace_attach() does: the
 * access check and the engines on every thread under the process's
 * cred_guard_mutex, so that no exec changes its credentials between the
 * two.  @exec_pending: a launch, stopping at that many execs (0: an
 * attach).  Returns the process, on the list, or an ERR_PTR.
 */
static struct ugdb_process *ugdb_proc_admit(struct ugdb_session *sess,
					    struct task_struct *task,
					    int exec_pending)
{
	struct ugdb_process *p = NULL;
	int ret;

	ret = ugdb_lock_creds(task);
	if (ret)
		return ERR_PTR(ret);
	ret = ugdb_may_attach(sess, task);
	if (ret)
		goto out;
	ret = -ENOMEM;
	p = ugdb_proc_new(sess, task, GFP_KERNEL);
	if (!p)
		goto out;
	p->launched = exec_pending > 0;
	p->exec_pending = exec_pending;
	ugdb_proc_add(sess, p);
	ret = ugdb_add_threads(sess, p, task);
	if (!ret && !ugdb_proc_thread(sess, p))
		ret = -ESRCH;
out:
	ugdb_unlock_creds(task);
	if (ret && p)
		ugdb_forget_proc(sess, p, false);
	return ret ? ERR_PTR(ret) : p;
}

/* vAttach, or the relay's --attach: process @pid, stopped. */
int ugdb_attach_process(struct ugdb_session *sess, pid_t pid)
{
	struct task_struct *leader;
	struct ugdb_process *p;
	int ret;

	leader = ugdb_get_task(sess, pid, PIDTYPE_TGID);
	if (!leader)
		return -ESRCH;
	/* one more process of a multi-process session: not one it has */
	ret = -EBUSY;
	if (ugdb_proc_find(sess, task_tgid_nr_ns(leader, sess->pid_ns)))
		goto out;
	p = ugdb_proc_admit(sess, leader, 0);
	ret = PTR_ERR_OR_ZERO(p);
	if (ret)
		goto out;
	ret = ugdb_stop_all(sess);
	/* gone before it stopped (its end, or a secure exec): not attached */
	if (!ret && ugdb_proc_threads_exited(sess, p))
		ret = -ESRCH;
	if (ret) {
		ugdb_forget_proc(sess, p, false);
		goto out;
	}
	/*
	 * Like gdbserver: the attach stop is reported with no signal, so
	 * that gdb's continue does not pass a SIGSTOP on.
	 */
	sess->stop_sig = 0;
	sess->stop_tid = p->pid;
	sess->stop_reason = RSP_REASON_NONE;
	sess->stop_arg = 0;
out:
	put_task_struct(leader);
	return ret;
}

/*
 * UGDB_IOC_LAUNCH: the relay's child @pid, not yet exec'd (it waits for
 * the relay's word), becomes a launched process: the session's first
 * (the relay's command line), or one more that a vRun asked for (gdb's
 * other processes stay stopped meanwhile).  It stops at its program's
 * exec.  Only the caller's own child, and only if the caller may attach
 * to it: the check PTRACE_TRACEME skips is made here, in the relay,
 * where the kernel's ptrace rules (Yama's included) see the real tracer.
 */
int ugdb_launch(struct ugdb_session *sess, pid_t pid)
{
	bool run = sess->run_state == UGDB_RUN_TAKEN;
	struct task_struct *task, *parent;
	struct ugdb_process *p;
	struct ugdb_thread *t;
	unsigned long flags;
	bool child;
	int ret;

	if (run ? sess->run_pid != 0 : sess->pid != 0)
		return -EBUSY;
	task = ugdb_get_task(sess, pid, PIDTYPE_TGID);
	if (!task)
		return -ESRCH;
	rcu_read_lock();
	parent = rcu_dereference(task->real_parent);
	child = same_thread_group(parent, current) &&
		get_nr_threads(task) == 1;
	rcu_read_unlock();
	ret = -EPERM;
	if (!child)
		goto out;
	/* for vRun with startup-with-shell: the shell, then the program */
	p = ugdb_proc_admit(sess, task, run && sess->run_shell ? 2 : 1);
	ret = PTR_ERR_OR_ZERO(p);
	if (ret)
		goto out;
	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(t, &sess->threads, node)
		if (t->task == task)
			t->resumed = true;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (run)
		sess->run_pid = p->pid;
	ugdb_session_event(sess);
out:
	put_task_struct(task);
	return ret;
}

/*
 * A process of the session exec'd since its last access check: check
 * again, here on gdb's side.  (The kernel's check cannot run in the task
 * itself, which may always access itself.)  ptrace keeps a tracer across
 * an exec that leaves the tracee's credentials as they were -- an
 * execute-only program, which only takes the memory away
 * (ugdb_mm_allowed()) -- and either runs a set-user-ID or
 * label-changing exec without its privileges or fails it.  A module
 * can do neither, so when the credentials changed, the session keeps the
 * process only if the opener may attach to it as it is now; else the
 * engines let go of it before gdb hears of the exec, and gdb hears that
 * the process is gone (as after report_exec's own secure-exec detach).
 * Returns 0, or -EPERM when the process was let go.
 */
int ugdb_proc_recheck(struct ugdb_session *sess, struct ugdb_process *p)
{
	unsigned int execs = READ_ONCE(p->execs);
	struct ugdb_thread *t;
	const struct cred *now;
	unsigned long flags;
	int ret;

	if (execs == p->execs_checked)
		return 0;
	t = ugdb_proc_thread(sess, p);
	if (!t)
		return 0;
	ret = ugdb_lock_creds(t->task);
	if (ret)
		return ret;
	now = get_task_cred(t->task);
	if (!ugdb_cred_same(p->cred, now))
		ret = ugdb_may_attach(sess, t->task);
	ugdb_unlock_creds(t->task);
	if (!ret || ret == -ESRCH) {
		/* allowed, or exiting (its end is what gdb hears next) */
		swap(p->cred, now);
		put_cred(now);
		p->execs_checked = execs;
		return 0;
	}
	put_cred(now);
	/* any other answer, a failed check (-ENOMEM) too, is a refusal */
	pr_info("ugdb: pid %d exec'd what its session may not debug: detached\n",
		p->pid);
	raw_spin_lock_irqsave(&sess->lock, flags);
	p->exit_code = 0;
	list_for_each_entry(t, &sess->threads, node) {
		if (t->proc == p) {
			t->exited = true;
			t->event_sig = 0;
			t->exit_event = false;
		}
	}
	p->gone = true;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	ugdb_regcache_drop(&sess->regs);
	/*
	 * Let the threads go now; their records stay (a caller may hold
	 * one) until the W for the process forgets it.
	 */
	list_for_each_entry(t, &sess->threads, node)
		if (t->proc == p)
			utrace_control(t->task, t->engine, UTRACE_DETACH);
	ugdb_session_event(sess);
	return -EPERM;
}

/* ugdb_proc_recheck() for every process: before gdb sees any of them. */
static void ugdb_recheck_all(struct ugdb_session *sess)
{
	struct ugdb_process *p;

	list_for_each_entry(p, &sess->procs, node)
		ugdb_proc_recheck(sess, p);
}

/*
 * Take an unreported event of a thread the last resume let run, if any:
 * events of threads it left stopped wait for a resume that includes them.
 * An exited thread's event is its "w" (QThreadEvents).  @only: a thread
 * of that process (NULL: of any).
 */
static struct ugdb_thread *ugdb_take_event(struct ugdb_session *sess,
					   struct ugdb_process *only)
{
	struct ugdb_thread *t, *found = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(t, &sess->threads, node) {
		if (only && t->proc != only)
			continue;
		if (t->resumed && (t->exited ? t->exit_event : t->event_sig)) {
			found = t;
			break;
		}
	}
	if (found && found->exited) {
		/* '?' then names a live thread, with no signal */
		list_for_each_entry(t, &sess->threads, node)
			t->want_stop = true;
		found->exit_event = false;
		sess->stop_sig = 0;
		sess->stop_reason = RSP_REASON_NONE;
		sess->stop_arg = 0;
		sess->stop_tid = found->tid;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		return found;
	}
	if (found) {
		/*
		 * Every thread is stopped next (ugdb_stop_all): say so in
		 * the same breath as the event goes, or report_quiesce,
		 * reading neither, would let the thread run on.
		 */
		list_for_each_entry(t, &sess->threads, node)
			t->want_stop = true;
		sess->stop_sig = found->event_sig;
		sess->stop_reason = found->event_reason;
		sess->stop_arg = found->event_arg;
		sess->stop_data_addr = found->event_addr;
		sess->stop_tid = found->tid;
		found->event_sig = 0;
		ugdb_syscall_taken(found);
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return found;
}

/* A process whose last thread exited, not reported yet, or NULL. */
struct ugdb_process *ugdb_proc_gone(struct ugdb_session *sess)
{
	struct ugdb_process *p, *found = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(p, &sess->procs, node) {
		if (p->gone) {
			found = p;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return found;
}

static void ugdb_exit_stop(struct ugdb_session *sess, struct ugdb_process *p,
			   struct rsp_stop *stop)
{
	unsigned long flags;
	long code;

	raw_spin_lock_irqsave(&sess->lock, flags);
	code = p->exit_code;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	stop->pid = p->pid;
	if (code & 0x7f) {
		stop->kind = RSP_STOP_KILLED;
		stop->sig = code & 0x7f;
	} else {
		stop->kind = RSP_STOP_EXITED;
		stop->status = (code >> 8) & 0xff;
	}
}

/* The T reply for the stop recorded in sess->stop_*. */
static void ugdb_stop_reply(struct ugdb_session *sess, struct rsp_stop *stop)
{
	struct ugdb_thread *t;

	memset(stop, 0, sizeof(*stop));
	stop->kind = RSP_STOP_SIGNAL;
	stop->tid = sess->stop_tid;
	stop->sig = sess->stop_sig;
	stop->reason = sess->stop_reason;
	if (stop->reason == RSP_REASON_FORK ||
	    stop->reason == RSP_REASON_VFORK) {
		stop->child_pid = sess->stop_arg;
		stop->child_tid = sess->stop_arg;
	} else {
		stop->sysno = sess->stop_arg;
	}
	stop->data_addr = sess->stop_data_addr;
	t = ugdb_find_thread(sess, stop->tid);
	if (!t) {
		t = ugdb_find_thread(sess, 0);
		stop->tid = t ? t->tid : sess->pid;
	}
	stop->pid = t ? t->proc->pid : sess->pid;
}

/*
 * Fill @stop with the current stop state, for '?': a process's end not
 * reported yet, or the last stop.
 */
void ugdb_stop_state(struct ugdb_session *sess, struct rsp_stop *stop)
{
	struct ugdb_process *gone;

	memset(stop, 0, sizeof(*stop));
	if (!sess->pid)
		return;
	gone = ugdb_proc_gone(sess);
	if (gone) {
		ugdb_exit_stop(sess, gone, stop);
		return;
	}
	ugdb_stop_reply(sess, stop);
}

/*
 * A process ended: every other thread is stopped first (all-stop), then
 * gdb hears W or X for it, and the session forgets it.
 */
static void ugdb_exit_reply(struct ugdb_session *sess, struct ugdb_process *p)
{
	struct rsp_stop stop;

	memset(&stop, 0, sizeof(stop));
	utrace_dbg("exit reply %d", p->pid);
	ugdb_stop_all(sess);
	ugdb_exit_stop(sess, p, &stop);
	ugdb_forget_proc(sess, p, false);
	rsp_session_stop(sess->rsp, &stop);
}

/*
 * Has every thread the last resume let run exited, with nothing left to
 * report?  Then nothing will ever stop (gdbserver's no-resumed), unless
 * a process is on its way out and its W or X is coming.  (A resume that
 * let nothing run at all is op_resume's RSP_RESUMED_NONE.)
 */
static bool ugdb_none_resumed(struct ugdb_session *sess)
{
	struct ugdb_process *p;
	struct ugdb_thread *t;
	unsigned long flags;
	bool none = true;

	if (!sess->resume_ran)
		return false;
	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(p, &sess->procs, node)
		if (p->group_exiting)
			none = false;
	list_for_each_entry(t, &sess->threads, node)
		if (t->resumed && !t->exited)
			none = false;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return none;
}

/*
 * While gdb waits for a stop: report an event of one of the threads once
 * every thread is stopped (all-stop), or a process's end.  A process
 * that ended goes first (what its end caused in the others -- a parent's
 * wait() returning -- comes after it), but for its own threads' events:
 * a "w" recorded before its end still comes before its W.
 */
void ugdb_pump(struct ugdb_session *sess)
{
	struct ugdb_process *gone, *only;
	struct ugdb_thread *t;
	struct rsp_stop stop;
	bool exit_event;
	pid_t ran = 0;

	if (ugdb_run_pump(sess, &ran))
		return;
	if (!sess->pid || !sess->rsp->running)
		return;
	gone = ugdb_proc_gone(sess);
	/* vRun's reply is the new process's stop at its exec */
	only = gone ? gone : ran ? ugdb_proc_find(sess, ran) : NULL;
	t = ugdb_take_event(sess, only);
	if (!t && gone) {
		ugdb_exit_reply(sess, gone);
		return;
	}
	if (!t && !sess->interrupting) {
		if (!ugdb_none_resumed(sess))
			return;
		memset(&stop, 0, sizeof(stop));
		stop.kind = RSP_STOP_NO_RESUMED;
		stop.pid = sess->pid;
		rsp_session_stop(sess->rsp, &stop);
		return;
	}
	if (!t) {
		sess->stop_sig = SIGINT;
		sess->stop_reason = RSP_REASON_NONE;
		sess->stop_arg = 0;
		sess->stop_tid = sess->pid;
	}
	sess->interrupting = false;
	/* a "w"; not a thread the check after an exec lets go meanwhile */
	exit_event = t && t->exited;
	ugdb_stop_all(sess);
	if (exit_event) {
		/* the thread is gone: nothing of it to read but its id */
		memset(&stop, 0, sizeof(stop));
		stop.kind = RSP_STOP_THREAD_EXITED;
		stop.pid = t->proc->pid;
		stop.tid = t->tid;
		rsp_session_stop(sess->rsp, &stop);
		return;
	}
	/*
	 * The event's process died meanwhile: its end is the news.  Another
	 * one's end waits for the next resume (op_resume reports it at
	 * once): this reply is the event's.
	 */
	gone = ugdb_proc_gone(sess);
	if (gone && (!t || gone == t->proc)) {
		ugdb_exit_reply(sess, gone);
		return;
	}
	ugdb_stop_reply(sess, &stop);
	rsp_session_stop(sess->rsp, &stop);
}

/*
 * QThreadEvents: turning them off drops the creation and exit events not
 * reported yet (a thread stopped for its creation then simply runs on
 * with the next resume).
 */
int ugdb_thread_events(struct ugdb_session *sess, int enable)
{
	struct ugdb_thread *t;
	unsigned long flags;

	raw_spin_lock_irqsave(&sess->lock, flags);
	sess->thread_events = enable;
	if (!enable) {
		list_for_each_entry(t, &sess->threads, node) {
			t->exit_event = false;
			if (t->event_sig &&
			    t->event_reason == RSP_REASON_THREAD_CREATED)
				t->event_sig = 0;
		}
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return 0;
}

/* Has the process a launch started ended?  (No mutex needed.) */
bool ugdb_main_gone(struct ugdb_session *sess)
{
	struct ugdb_process *p;
	unsigned long flags;
	bool gone = false;

	raw_spin_lock_irqsave(&sess->lock, flags);
	p = list_first_entry_or_null(&sess->procs, struct ugdb_process, node);
	if (p)
		gone = p->gone;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return gone;
}

/* Is the first process a launch short of its program's exec? */
static bool ugdb_main_launching(struct ugdb_session *sess)
{
	struct ugdb_process *p;
	unsigned long flags;
	bool ret;

	raw_spin_lock_irqsave(&sess->lock, flags);
	p = ugdb_proc_main(sess);
	ret = p && READ_ONCE(p->exec_pending);
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return ret;
}

/* UGDB_IOC_WAIT_STOP: see uapi/ugdb.h.  Called without the mutex. */
int ugdb_wait_stop(struct ugdb_session *sess)
{
	int ret;

	ret = wait_event_interruptible(sess->wq, READ_ONCE(sess->pid) &&
				       (!ugdb_main_launching(sess) ||
					ugdb_main_gone(sess)));
	if (ret)
		return ret;
	if (mutex_lock_killable(&sess->mutex))
		return -EINTR;
	if (!sess->pid) {
		ret = -ECHILD;
	} else if (ugdb_main_gone(sess)) {
		ugdb_forget_all(sess, UGDB_FORGET_DETACH);
		ret = -ECHILD;
	} else {
		ugdb_take_event(sess, NULL);
		ugdb_stop_all(sess);
		ret = ugdb_main_gone(sess) ? -ECHILD : sess->pid;
		if (ret < 0)
			ugdb_forget_all(sess, UGDB_FORGET_DETACH);
	}
	ugdb_unlock(sess);
	return ret;
}
