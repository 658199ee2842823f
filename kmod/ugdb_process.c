// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_process.c - the processes of a session: the one gdb attached to
 * or started, and the fork children gdb keeps; letting them go.
 */
#include <linux/rculist.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

#include "ugdb.h"
#include "utrace_internal.h"

/*
 * A new record for @task's process, not yet on the list: its pid in the
 * session's namespace, its credentials as they are now (the ones the
 * access check just passed with, or a fork child's, which are its
 * parent's).
 */
struct ugdb_process *ugdb_proc_new(struct ugdb_session *sess,
				   struct task_struct *task, gfp_t gfp)
{
	struct ugdb_process *p = kzalloc(sizeof(*p), gfp | __GFP_ACCOUNT);

	if (p) {
		p->pid = task_tgid_nr_ns(task, sess->pid_ns);
		p->cred = get_task_cred(task);
	}
	return p;
}

/* Free a record that is on no list (any context). */
void ugdb_proc_free(struct ugdb_process *p)
{
	put_cred(p->cred);
	kfree(p);
}

/*
 * Publish @p.  From a fork report too (atomic context): callbacks read
 * the list under sess->lock, gdb's side under sess->mutex, where it only
 * ever grows behind the reader's back.
 */
void ugdb_proc_add(struct ugdb_session *sess, struct ugdb_process *p)
{
	unsigned long flags;

	utrace_dbg("proc add %d", p->pid);
	raw_spin_lock_irqsave(&sess->lock, flags);
	list_add_tail_rcu(&p->node, &sess->procs);
	if (!sess->pid)
		sess->pid = p->pid;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
}

/* sess->mutex held. */
struct ugdb_process *ugdb_proc_find(struct ugdb_session *sess, pid_t pid)
{
	struct ugdb_process *p;

	list_for_each_entry(p, &sess->procs, node)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* The process gdb attached to or started, or the oldest one left. */
struct ugdb_process *ugdb_proc_main(struct ugdb_session *sess)
{
	return list_first_entry_or_null(&sess->procs, struct ugdb_process,
					node);
}

bool ugdb_proc_threads_exited(struct ugdb_session *sess,
			      struct ugdb_process *p)
{
	struct ugdb_thread *t;
	unsigned long flags;
	bool all = true;

	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(t, &sess->threads, node)
		if (t->proc == p)
			all &= t->exited;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return all;
}

/* Does another process of the session share @p's memory (vfork)? */
static bool mm_shared(struct ugdb_session *sess, struct ugdb_process *p)
{
	struct ugdb_process *q;

	if (!p->bp.mm)
		return false;
	list_for_each_entry(q, &sess->procs, node)
		if (q != p && q->bp.mm == p->bp.mm)
			return true;
	return false;
}

/* A live thread of @p, or NULL. */
struct ugdb_thread *ugdb_proc_thread(struct ugdb_session *sess,
				       struct ugdb_process *p)
{
	struct ugdb_thread *t;

	list_for_each_entry(t, &sess->threads, node)
		if (t->proc == p && !t->exited)
			return t;
	return NULL;
}

/*
 * At detach, gdbserver delivers the signal a thread stopped for if gdb
 * lets the program have it (QProgramSignals; without that packet, any but
 * SIGTRAP and SIGINT, gdb's defaults).  So does this.
 */
static void deliver_held(struct ugdb_session *sess, struct ugdb_process *p)
{
	struct ugdb_thread *t;
	int sig;

	list_for_each_entry(t, &sess->threads, node) {
		sig = t->held_sig;
		if (t->proc != p || t->exited || sig <= 0 || sig > _NSIG)
			continue;
		if (sess->program_signals_set ? sess->program_signals[sig] :
		    sig != SIGTRAP && sig != SIGINT)
			utrace_signal_deliver(t->task, t->engine, sig);
	}
}

/*
 * Let go of @p: remove our breakpoints while it is still held, kill it
 * if asked (and wait for it to die), then detach every engine, which
 * resumes the threads nobody else holds.  sess->mutex held.
 */
void ugdb_forget_proc(struct ugdb_session *sess, struct ugdb_process *p,
		      bool kill)
{
	struct ugdb_thread *t, *next;
	unsigned long flags;

	utrace_dbg("proc forget %d kill %d", p->pid, kill);
	raw_spin_lock_irqsave(&sess->lock, flags);
	p->closing = true;		/* no new threads from here on */
	raw_spin_unlock_irqrestore(&sess->lock, flags);

	t = ugdb_proc_thread(sess, p);
	/*
	 * A vfork child's int3 bytes are its parent's too, while their
	 * memory is shared: the parent's table has them, and keeps them.
	 */
	if (t && !mm_shared(sess, p))
		ugdb_remove_all_bps(sess, &p->bp, t->task);
	ugdb_bps_forget(sess, &p->bp);
	if (kill && t) {
		send_sig_info(SIGKILL, SEND_SIG_PRIV, t->task);
		wait_event_timeout(sess->wq,
				   ugdb_proc_threads_exited(sess, p),
				   UGDB_STOP_TIMEOUT);
	} else {
		deliver_held(sess, p);
	}
	ugdb_regcache_drop(&sess->regs);
	list_for_each_entry_safe(t, next, &sess->threads, node)
		if (t->proc == p)
			ugdb_free_thread(sess, t);

	raw_spin_lock_irqsave(&sess->lock, flags);
	list_del_rcu(&p->node);
	if (sess->pid == p->pid) {
		struct ugdb_process *first = ugdb_proc_main(sess);

		sess->pid = first ? first->pid : 0;
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	/* callbacks look at the list only under sess->lock: none sees it */
	ugdb_proc_free(p);

	if (!sess->pid) {
		/* the last one: the session is empty again */
		ugdb_hw_clear(sess);
		raw_spin_lock_irqsave(&sess->lock, flags);
		sess->catch_syscalls = false;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		sess->interrupting = false;
		sess->resume_ran = false;
	}
}

/*
 * Let go of every process (session end, plain D, k): the debug
 * registers first, while the threads are still held.
 */
void ugdb_forget_all(struct ugdb_session *sess, enum ugdb_forget how)
{
	struct ugdb_process *p;
	unsigned long flags;

	raw_spin_lock_irqsave(&sess->lock, flags);
	sess->closing = true;		/* no new processes or threads */
	sess->catch_syscalls = false;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	ugdb_hw_clear(sess);
	while ((p = ugdb_proc_main(sess)))
		ugdb_forget_proc(sess, p, how == UGDB_FORGET_KILL ||
				 (how == UGDB_FORGET_END && p->launched));
	raw_spin_lock_irqsave(&sess->lock, flags);
	sess->closing = false;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
}
