// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_fork.c - new processes (fork, vfork) of the debugged processes.
 *
 * The child's memory is a copy of its parent's, the stub's int3 bytes
 * included (a vfork child's is the parent's own).  With fork-events+
 * (vfork-events+) the child becomes a process of the session, held
 * stopped, with a copy of its parent's breakpoint table, and is reported
 * in the parent's stop; what becomes of it is gdb's to say (ugdb_fork_child).
 * Without, or when the child cannot be held, a fork child runs on
 * undebugged after putting back the bytes under the breakpoints it
 * inherited, so it does not die of SIGTRAP.
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
	raw_spin_lock_irqsave(&sess->lock, flags);
	c->nr = tab->nr;
	memcpy(c->bps, tab->bps, c->nr * sizeof(c->bps[0]));
	raw_spin_unlock_irqrestore(&sess->lock, flags);
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
			    ugdb_tid(sess, child));
}

/*
 * report_clone for a new process, in the parent @t (atomic context).
 *
 * When gdb agreed to hear of it (fork-events+, vfork-events+), the child
 * becomes a process of the session: held stopped from its first return
 * to user mode, with its own breakpoint table -- a copy of the parent's,
 * as its memory is (for a vfork child, the very same memory) -- and the
 * parent reports "fork:" or "vfork:" with it.  gdb then detaches it,
 * follows it (and detaches the parent), or keeps both (detach-on-fork
 * off).  Otherwise a fork child runs on undebugged, its copy of memory
 * cleaned of our int3 bytes; a vfork child shares its parent's memory,
 * breakpoints and all (they are the parent's own).
 *
 * A vfork parent stays inside vfork() until the child execs or exits: it
 * cannot stop to report, but it cannot run either, so gdb's side treats
 * it as stopped (ugdb_examine()) and it reports "vforkdone" once back
 * (ugdb_vfork_done()).  A CLONE_VM child without CLONE_VFORK (rare: the
 * parent does not wait) is reported as a vfork too, and its vforkdone
 * comes as soon as the parent returns.
 */
u32 ugdb_fork_child(struct ugdb_thread *t, struct task_struct *child)
{
	struct ugdb_session *sess = t->sess;
	struct ugdb_process *parent = t->proc, *p;
	bool vfork = child->mm == current->mm;
	u32 want = vfork ? RSP_EVENT_VFORK : RSP_EVENT_FORK;
	pid_t pid = task_tgid_nr_ns(child, sess->pid_ns);
	unsigned long flags;

	if (!(READ_ONCE(sess->gdb_events) & want) ||
	    READ_ONCE(sess->closing) || READ_ONCE(parent->closing))
		goto undebugged;
	p = ugdb_proc_new(sess, child, GFP_ATOMIC);
	if (!p)
		goto undebugged;
	p->launched = parent->launched;	/* gdbserver's rule */
	raw_spin_lock_irqsave(&sess->lock, flags);
	p->bp.nr = parent->bp.nr;
	memcpy(p->bp.bps, parent->bp.bps, p->bp.nr * sizeof(p->bp.bps[0]));
	p->bp.mm = child->mm;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	ugdb_proc_add(sess, p);
	if (!ugdb_follow_task(sess, child, p, true)) {
		raw_spin_lock_irqsave(&sess->lock, flags);
		list_del_rcu(&p->node);
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		/* readers look at the list under sess->lock only */
		ugdb_proc_free(p);
		goto undebugged;
	}
	if (vfork) {
		get_task_struct(child);
		raw_spin_lock_irqsave(&sess->lock, flags);
		t->vfork_child = child;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
	}
	return ugdb_thread_event(t, SIGTRAP, vfork ? RSP_REASON_VFORK :
				 RSP_REASON_FORK, pid);
undebugged:
	if (!vfork)
		ugdb_fork_clean(sess, &parent->bp, child);
	return UTRACE_RESUME_MAX;
}

/*
 * report_quiesce of a thread back from the vfork() it reported: the
 * child exec'd or exited.  Tell gdb ("vforkdone"), which keeps its
 * breakpoints out of the shared memory until then.
 */
u32 ugdb_vfork_done(struct ugdb_thread *t)
{
	ugdb_vfork_forget(t);
	return ugdb_thread_event(t, SIGTRAP, RSP_REASON_VFORK_DONE, 0);
}

/* The vfork is over, or @t is being freed: drop the child. */
void ugdb_vfork_forget(struct ugdb_thread *t)
{
	struct task_struct *child;
	unsigned long flags;

	raw_spin_lock_irqsave(&t->sess->lock, flags);
	child = t->vfork_child;
	t->vfork_child = NULL;
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	if (child)
		put_task_struct(child);
}
