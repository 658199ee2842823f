// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_fork.c - new processes (fork) of the debugged process.
 *
 * The child's memory is a copy of its parent's, the stub's int3 bytes
 * included.  With fork-events+ the child is held stopped from its first
 * return to user mode, listed with its own pid, and reported in the
 * parent's stop ("fork:pCHILD.CHILD").  gdb then removes its breakpoints
 * from the child (Hg child, z0: the child has its own table, a copy of
 * the parent's) and either detaches it (D;child) or follows it: it
 * detaches the parent (D;parent) and the child becomes the process.
 * Without fork-events+, or when the child cannot be held, it runs on
 * undebugged, after putting back the bytes under the breakpoints it
 * inherited, so it does not die of SIGTRAP.
 *
 * A vfork child shares its parent's memory (the breakpoints are the
 * parent's own, nothing to clean) and is neither held nor reported:
 * the parent stays inside vfork() until the child execs or exits, so it
 * could not stop to report it (see doc/status.md).
 */
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>

#include "ugdb.h"

/* --- undebugged children: clean the copy, then let go --- */

struct ugdb_fork_clean {
	int nr;
	struct ugdb_bp bps[RSP_MAX_BREAKPOINTS];
};

/* In the child, at its first return to user mode. */
static u32 clean_quiesce(u32 action, struct utrace_engine *engine,
			 unsigned long event)
{
	struct ugdb_fork_clean *c = engine->data;

	ugdb_bps_clean_copy(c->bps, c->nr, current);
	return UTRACE_DETACH;
}

static const struct utrace_engine_ops ugdb_clean_ops = {
	.report_quiesce = clean_quiesce,
};

static void clean_release(void *data)
{
	kfree(data);
}

/* From the fork report, in the parent: atomic context. */
static void ugdb_fork_clean(struct ugdb_session *sess, struct ugdb_bptab *tab,
			    struct task_struct *child)
{
	struct ugdb_fork_clean *c;
	struct utrace_engine *e;
	unsigned long flags;

	if (!READ_ONCE(tab->nr))
		return;
	c = kmalloc(sizeof(*c), GFP_ATOMIC);
	if (!c)
		goto fail;
	spin_lock_irqsave(&sess->lock, flags);
	c->nr = tab->nr;
	memcpy(c->bps, tab->bps, c->nr * sizeof(c->bps[0]));
	spin_unlock_irqrestore(&sess->lock, flags);
	e = utrace_attach_task(child, UTRACE_ATTACH_CREATE, &ugdb_clean_ops, c);
	if (IS_ERR(e)) {
		kfree(c);
		goto fail;
	}
	/* the child has never run: nothing can drop the engine before this */
	e->release = clean_release;
	utrace_set_events(child, e, UTRACE_EVENT(QUIESCE));
	utrace_control(child, e, UTRACE_REPORT);
	utrace_engine_put(e);
	return;
fail:
	pr_warn_ratelimited("ugdb: fork child %d keeps our breakpoints\n",
			    task_pid_vnr(child));
}

/*
 * report_clone for a new process, in the parent @t (atomic context).
 * Hold and report it when gdb agreed to fork events and no other fork
 * child is held; else clean its copy.
 */
u32 ugdb_fork_child(struct ugdb_thread *t, struct task_struct *child)
{
	struct ugdb_session *sess = t->sess;
	struct ugdb_bptab *tab = ugdb_bptab_of(sess, t);
	pid_t pid = task_pid_vnr(child);
	unsigned long flags;
	bool hold = false;

	/* vfork (CLONE_VM): the same memory, the parent's breakpoints */
	if (child->mm == current->mm)
		return UTRACE_RESUME_MAX;
	spin_lock_irqsave(&sess->lock, flags);
	if ((sess->gdb_events & RSP_EVENT_FORK) && !sess->fork_pid &&
	    !sess->closing && t->pid == sess->pid) {
		hold = true;
		sess->fork_pid = pid;
		sess->fork_bp.nr = tab->nr;
		memcpy(sess->fork_bp.bps, tab->bps,
		       tab->nr * sizeof(tab->bps[0]));
		sess->fork_bp.mm = child->mm;
	}
	spin_unlock_irqrestore(&sess->lock, flags);
	if (hold && ugdb_follow_task(sess, child, pid, true))
		return ugdb_thread_event(t, SIGTRAP, RSP_REASON_FORK, pid);
	if (hold) {
		spin_lock_irqsave(&sess->lock, flags);
		sess->fork_pid = 0;
		sess->fork_bp.nr = 0;
		sess->fork_bp.mm = NULL;
		spin_unlock_irqrestore(&sess->lock, flags);
	}
	ugdb_fork_clean(sess, tab, child);
	return UTRACE_RESUME_MAX;
}

/* --- gdb's side (sess->mutex held) --- */

static struct ugdb_thread *fork_thread(struct ugdb_session *sess)
{
	struct ugdb_thread *t;

	list_for_each_entry(t, &sess->threads, node)
		if (t->pid == sess->fork_pid)
			return t;
	return NULL;
}

/*
 * D;child (or k/vKill of it): let the held child go, without any int3 of
 * ours (gdb has removed its breakpoints already; whatever is left is put
 * back here).  @kill: it dies instead.
 */
int ugdb_fork_detach(struct ugdb_session *sess, bool kill)
{
	struct ugdb_thread *t = fork_thread(sess);

	if (!sess->fork_pid)
		return -ESRCH;
	ugdb_regcache_drop(&sess->regs);
	if (t && !t->exited) {
		if (kill)
			send_sig_info(SIGKILL, SEND_SIG_PRIV, t->task);
		else
			ugdb_remove_all_bps(sess, &sess->fork_bp, t->task);
	}
	ugdb_bps_forget(sess, &sess->fork_bp);
	/* detaching the engine lets it run (or die) */
	while ((t = fork_thread(sess)))
		ugdb_free_thread(sess, t);
	sess->fork_pid = 0;
	return 0;
}

/*
 * D;parent while the child is held: gdb follows the child (follow-fork-
 * mode child).  The parent goes (its breakpoints removed, its threads
 * resumed) and the child becomes the session's process, with its table.
 */
int ugdb_fork_follow(struct ugdb_session *sess)
{
	struct ugdb_thread *t, *next;
	unsigned long flags;

	t = ugdb_find_thread(sess, 0);
	if (t)
		ugdb_remove_all_bps(sess, &sess->bp, t->task);
	ugdb_regcache_drop(&sess->regs);
	list_for_each_entry_safe(t, next, &sess->threads, node)
		if (t->pid == sess->pid)
			ugdb_free_thread(sess, t);
	spin_lock_irqsave(&sess->lock, flags);
	sess->bp = sess->fork_bp;
	sess->fork_bp.nr = 0;
	sess->fork_bp.mm = NULL;
	sess->pid = sess->fork_pid;
	sess->fork_pid = 0;
	sess->stop_tid = sess->pid;
	spin_unlock_irqrestore(&sess->lock, flags);
	return 0;
}

/* The session lets go of everything: the held child too. */
void ugdb_fork_forget(struct ugdb_session *sess, bool kill)
{
	if (sess->fork_pid)
		ugdb_fork_detach(sess, kill);
}
