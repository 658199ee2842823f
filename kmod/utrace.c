// SPDX-License-Identifier: GPL-2.0
/*
 * utrace.c - the engine layer: per-task state, attach/detach, control,
 * quiescence and the reporting passes.
 *
 * Per-task state (struct utrace) is found through a hash keyed by the task
 * pointer.  It has one owner, the hash: it is created by the first attach,
 * pins the task (get_task_struct) and is unhashed when the task is reaped
 * (utrace_release_task, from the sched_process_free tracepoint).  Lookups
 * take a reference under RCU, so a utrace outlives every user that found
 * it; the memory goes with kfree_rcu once the last reference drops.
 *
 * Why the reporting pass needs no lock: ->attached changes only (a) in the
 * task itself, outside any pass (at a quiescent point, or right before a
 * pass); (b) by others while
 * ->stopped is set, under ->lock -- the stopped task reads it only under
 * ->lock, and clears ->stopped under ->lock before it walks the list
 * unlocked again; (c) after the task is reaped.  A pass
 * runs only in the task itself, so it never overlaps (a), (b) or (c).
 * Engines attached at other times go to ->attaching (under ->lock) and are
 * spliced in by (a), before the next pass: so an engine attached from a
 * callback never sees the event that was being reported (the rule of
 * ../shared/seeds/) but sees the next one, and the
 * common pass (say, a syscall report filtered by one engine) costs a list
 * walk and no atomic operation.
 *
 * Detach is immediate for callbacks: utrace_control(DETACH) swaps the
 * engine's ops for utrace_detached_ops (no callbacks) and the list entry
 * is dropped at the next (a)/(b)/(c).  A pass publishes the engine it is
 * calling in ->reporting before it reads ->ops, and the detacher writes
 * ->ops before it reads ->reporting (full barriers on both sides), so
 * either the pass sees the detached ops or utrace_barrier() sees the pass.
 */
#include <linux/hash.h>
#include <linux/irq_work.h>
#include <linux/llist.h>
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/refcount.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <linux/wait.h>
#include <asm/fpu/api.h>
#include <asm/debugreg.h>
#include <asm/processor-flags.h>
#include <asm/trapnr.h>

#include "compat.h"
#include "utrace_internal.h"

struct utrace {
	struct hlist_node hnode;	/* utrace_table, RCU */
	struct rcu_head rcu;
	refcount_t ref;			/* the hash holds one */
	struct task_struct *task;	/* pinned */
	raw_spinlock_t lock;
	struct list_head attached;	/* see the comment at the top */
	struct list_head attaching;	/* under ->lock */
	/* two works: a RESUME one and a SIGNAL one can be queued at once */
	struct callback_head work[2];
	wait_queue_head_t resume_wq;	/* the stopped task sleeps here */
	wait_queue_head_t stop_wq;	/* examiners wait for ->stopped */
	struct llist_node wake_node;	/* on utrace_wakes: utrace_wake() */
	unsigned long wake_queued;	/* bit 0: wake_node is queued */
	unsigned int examining;		/* under ->lock: utrace_examine_begin */
	wait_queue_head_t examine_wq;	/* the task waits for examining 0 */
	struct utrace_engine *reporting;	/* engine being called */
	unsigned int queued[2];		/* under ->lock: work[i] queued */
	bool stopped;			/* under ->lock */
	bool in_pass;			/* only the task writes it */
	unsigned int pass_seq;		/* ->ctl_seq of the engine called */
	bool report;			/* a report_quiesce pass is wanted */
	bool stepping;			/* the layer set TF in the user regs */
	bool exit_trap;			/* ... and SYSCALL_EXIT_TRAP (step_arm) */
	bool deferred;			/* work requeued once (utrace_work_fn) */
	bool exiting;			/* past the exit report */
	/* signals (utrace_signals): */
	bool sigcheck;			/* under ->lock: a signal may be waiting */
	bool holding;			/* under ->lock: held_info was dequeued */
	int deliver_sig;		/* under ->lock: to deliver on resume */
	bool reinjecting;		/* only the task: its own send_sig_info */
	sigset_t reinjected;		/* only the task: not to report again */
	bool step_after_signal;		/* only the task: see utrace_step_setup */
	bool signal_delivered;		/* under ->lock: signal_deliver fired */
	bool handler_entered;		/* under ->lock: ... into a handler */
	kernel_siginfo_t held_info;	/* the task's; read under ->lock */
	/* job control (utrace_jctl_*): */
	u8 jctl_q[4];			/* under ->lock: CLD_* reports to make */
	u8 jctl_n;			/* under ->lock: entries in jctl_q */
	bool jctl_stopped;		/* under ->lock: CLD_STOPPED told last */
	bool guarded;			/* utrace_guard set in ->real_blocked */
	bool reaped;			/* unhashed */
};

#define UTRACE_HASH_BITS	8
static struct hlist_head utrace_table[1 << UTRACE_HASH_BITS];
static DEFINE_RAW_SPINLOCK(utrace_table_lock);
atomic_t utrace_nr_tasks = ATOMIC_INIT(0);

static const struct utrace_engine_ops utrace_detached_ops;

static struct hlist_head *utrace_bucket(struct task_struct *task)
{
	return &utrace_table[hash_ptr(task, UTRACE_HASH_BITS)];
}

static void utrace_free_rcu(struct rcu_head *rcu)
{
	struct utrace *u = container_of(rcu, struct utrace, rcu);

	put_task_struct(u->task);
	kfree(u);
}

static void utrace_put(struct utrace *u)
{
	if (refcount_dec_and_test(&u->ref))
		call_rcu(&u->rcu, utrace_free_rcu);
}

/* The task's utrace with a reference, or NULL. */
static struct utrace *utrace_get(struct task_struct *task)
{
	struct utrace *u;

	rcu_read_lock();
	hlist_for_each_entry_rcu(u, utrace_bucket(task), hnode) {
		if (u->task == task && refcount_inc_not_zero(&u->ref)) {
			rcu_read_unlock();
			return u;
		}
	}
	rcu_read_unlock();
	return NULL;
}

/*
 * The task's utrace without a reference, for the task itself: it cannot
 * be reaped while it runs, so its utrace cannot go away under it.
 */
static struct utrace *utrace_current(void)
{
	struct task_struct *task = current;
	struct utrace *u;

	if (!atomic_read(&utrace_nr_tasks))
		return NULL;
	rcu_read_lock();
	hlist_for_each_entry_rcu(u, utrace_bucket(task), hnode) {
		if (u->task == task) {
			rcu_read_unlock();
			return u;
		}
	}
	rcu_read_unlock();
	return NULL;
}

static void utrace_work_fn(struct callback_head *cb);

static struct utrace *utrace_get_or_create(struct task_struct *task)
{
	unsigned long irqf;
	struct utrace *u, *old;

	u = utrace_get(task);
	if (u)
		return u;
	u = kzalloc(sizeof(*u), GFP_ATOMIC);
	if (!u)
		return ERR_PTR(-ENOMEM);
	refcount_set(&u->ref, 2);	/* the hash's and ours */
	get_task_struct(task);
	u->task = task;
	raw_spin_lock_init(&u->lock);
	INIT_LIST_HEAD(&u->attached);
	INIT_LIST_HEAD(&u->attaching);
	init_task_work(&u->work[0], utrace_work_fn);
	init_task_work(&u->work[1], utrace_work_fn);
	init_waitqueue_head(&u->resume_wq);
	init_waitqueue_head(&u->stop_wq);
	init_waitqueue_head(&u->examine_wq);

	raw_spin_lock_irqsave(&utrace_table_lock, irqf);
	old = utrace_get(task);
	if (!old) {
		hlist_add_head_rcu(&u->hnode, utrace_bucket(task));
		atomic_inc(&utrace_nr_tasks);
	}
	raw_spin_unlock_irqrestore(&utrace_table_lock, irqf);
	if (old) {
		put_task_struct(task);
		kfree(u);
		return old;
	}
	return u;
}

/*
 * Make the task run utrace_work_fn() at its next return to user mode.
 * A task other than current is also pulled out of an interruptible wait
 * (TWA_SIGNAL): the syscall is restarted afterwards as for any signal
 * that is not delivered.  Each queued work holds a module reference,
 * dropped by the work itself: the module cannot go while one is queued.
 * Returns true when the work is queued.  Called with u->lock held.
 */
static bool utrace_queue_work(struct utrace *u)
{
	int i = u->task == current ? 0 : 1;

	if (u->queued[i])
		return true;
	if (u->exiting)
		return false;
	__module_get(THIS_MODULE);
	if (task_work_add(u->task, &u->work[i], i ? TWA_SIGNAL : TWA_RESUME)) {
		/* past exit_task_work(): it never returns to user mode */
		module_put(THIS_MODULE);
		return false;
	}
	u->queued[i] = 1;
	return true;
}

static void utrace_engine_free_rcu(struct rcu_head *rcu)
{
	struct utrace_engine *engine =
		container_of(rcu, struct utrace_engine, rcu);

	if (engine->release)
		engine->release(engine->data);
	kfree(engine);
}

/*
 * The last reference may drop where nothing may sleep or free (under
 * ->lock, in a probe: kfree() takes sleeping locks on PREEMPT_RT), so
 * the engine goes from an RCU callback; utrace_exit() waits for them.
 */
void __utrace_engine_release(struct kref *kref)
{
	struct utrace_engine *engine =
		container_of(kref, struct utrace_engine, kref);

	call_rcu(&engine->rcu, utrace_engine_free_rcu);
}
EXPORT_SYMBOL_GPL(__utrace_engine_release);

static bool engine_matches(struct utrace_engine *engine, int flags,
			   const struct utrace_engine_ops *ops, void *data)
{
	if (engine->ops == &utrace_detached_ops)
		return false;
	if ((flags & UTRACE_ATTACH_MATCH_OPS) && engine->ops != ops)
		return false;
	if ((flags & UTRACE_ATTACH_MATCH_DATA) && engine->data != data)
		return false;
	return true;
}

static struct utrace_engine *find_engine(struct utrace *u, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data)
{
	struct utrace_engine *engine;

	list_for_each_entry(engine, &u->attached, entry)
		if (engine_matches(engine, flags, ops, data))
			return engine;
	list_for_each_entry(engine, &u->attaching, entry)
		if (engine_matches(engine, flags, ops, data))
			return engine;
	return NULL;
}

/*
 * May ->attached be changed by the caller right now?  Yes when the task
 * is stopped, or has never run (a new child in the fork report), or is
 * the caller itself outside a pass.  Called with u->lock held.
 */
static bool utrace_list_changeable(struct utrace *u)
{
	if (u->stopped || u->reaped)
		return true;
	if (READ_ONCE(u->task->__state) & TASK_NEW)
		return true;
	return u->task == current && !u->in_pass;
}

struct utrace_engine *utrace_attach_task(struct task_struct *task, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data)
{
	unsigned long irqf;
	struct utrace_engine *engine, *found;
	struct utrace *u;

	if (!(flags & UTRACE_ATTACH_CREATE)) {
		u = utrace_get(task);
		if (!u)
			return ERR_PTR(-ENOENT);
		raw_spin_lock_irqsave(&u->lock, irqf);
		found = find_engine(u, flags, ops, data);
		if (found)
			utrace_engine_get(found);
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		utrace_put(u);
		return found ? found : ERR_PTR(-ENOENT);
	}

	if (task->flags & (PF_EXITING | PF_KTHREAD))
		return ERR_PTR(-ESRCH);
	engine = kzalloc(sizeof(*engine), GFP_ATOMIC);
	if (!engine)
		return ERR_PTR(-ENOMEM);
	kref_init(&engine->kref);
	kref_get(&engine->kref);	/* the list's reference */
	engine->ops = ops;
	engine->data = data;
	engine->action = UTRACE_RESUME;

	u = utrace_get_or_create(task);
	if (IS_ERR(u)) {
		kfree(engine);
		return ERR_CAST(u);
	}
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (u->exiting || u->reaped) {
		found = ERR_PTR(-ESRCH);
	} else if ((flags & UTRACE_ATTACH_EXCLUSIVE) &&
		   find_engine(u, flags, ops, data)) {
		found = ERR_PTR(-EEXIST);
	} else {
		found = engine;
		if (utrace_list_changeable(u)) {
			list_add_tail(&engine->entry, &u->attached);
		} else {
			/*
			 * Spliced in before the task's next pass, or at its
			 * next quiescent point, which we make sure comes.
			 */
			list_add_tail(&engine->entry, &u->attaching);
			u->report = true;
			utrace_queue_work(u);
		}
	}
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_put(u);
	if (IS_ERR(found))
		kfree(engine);
	return found;
}
EXPORT_SYMBOL_GPL(utrace_attach_task);

#define UTRACE_SYSCALL_EVENTS	(UTRACE_EVENT(SYSCALL_ENTRY) | \
				 UTRACE_EVENT(SYSCALL_EXIT))

/*
 * Keep the syscall tracepoints registered while some engine asks for
 * syscall events (each engine holds at most one reference).
 */
/*
 * set_events and a detach may race (the detach may even come from the
 * reap, with no lock in common): the flag changes by atomic bit
 * operations, so each engine takes and drops the hooks once.
 */
static void engine_syscall_hooks(struct utrace_engine *engine,
				 unsigned long events)
{
	if (events & UTRACE_SYSCALL_EVENTS) {
		if (!test_and_set_bit(0, &engine->syscall_hooks))
			utrace_syscall_hooks_get();
	} else if (test_and_clear_bit(0, &engine->syscall_hooks)) {
		utrace_syscall_hooks_put();
	}
}

static void utrace_guard_changed(struct utrace *u);

int utrace_set_events(struct task_struct *task, struct utrace_engine *engine,
		      unsigned long events)
{
	unsigned long irqf;
	struct utrace *u;

	if (READ_ONCE(engine->ops) == &utrace_detached_ops)
		return -ESRCH;
	engine_syscall_hooks(engine, events);
	/*
	 * A detach since the check dropped the hooks before we took them,
	 * or after (then they are gone): ordered by the bit operations.
	 */
	if (READ_ONCE(engine->ops) == &utrace_detached_ops) {
		engine_syscall_hooks(engine, 0);
		return -ESRCH;
	}
	WRITE_ONCE(engine->flags, events);
	u = utrace_get(task);
	if (u) {
		raw_spin_lock_irqsave(&u->lock, irqf);
		utrace_guard_changed(u);
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		utrace_put(u);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(utrace_set_events);

/* The engine stops receiving callbacks, at once (see the top comment). */
static void engine_detach(struct utrace_engine *engine)
{
	WRITE_ONCE(engine->flags, 0);
	WRITE_ONCE(engine->action, UTRACE_RESUME);
	WRITE_ONCE(engine->ops, &utrace_detached_ops);
	engine_syscall_hooks(engine, 0);
}

/*
 * Wake the task if it sleeps in utrace_stop() (only our own wait queue,
 * by state), and the examiners waiting for its stop (utrace_stop(),
 * utrace_report_exit()).
 */
static void utrace_wake_now(struct utrace *u)
{
	__wake_up(&u->resume_wq, TASK_WAKEKILL | __TASK_TRACED, 0, NULL);
	wake_up_all(&u->stop_wq);
}

/*
 * Wait queue locks sleep on PREEMPT_RT, and much of the layer runs where
 * nothing may sleep: tracepoint probes (preemption off), the die notifier
 * (interrupts off), under ->lock.  There the wake-up is handed to an
 * irq_work, which runs in a thread on PREEMPT_RT and in an interrupt
 * elsewhere.  One irq_work for the layer, with a list of utraces, each
 * holding a reference while it is queued: an irq_work in a struct utrace
 * could not be waited for before the memory goes (an RCU callback may not
 * sleep), and the irq_work code touches it after the function returns.
 * The wake comes after the caller's change of state: either the bit was
 * clear and we queue the utrace, or it is queued and its wake is still
 * to come (the bit is cleared before the wake, with a full barrier).
 */
static LLIST_HEAD(utrace_wakes);

static void utrace_wakes_fn(struct irq_work *work)
{
	struct llist_node *list = llist_del_all(&utrace_wakes);
	struct utrace *u, *next;

	llist_for_each_entry_safe(u, next, list, wake_node) {
		clear_bit(0, &u->wake_queued);
		smp_mb__after_atomic();	/* clear the bit, then look */
		utrace_wake_now(u);
		utrace_put(u);
	}
}

static DEFINE_IRQ_WORK(utrace_wakes_work, utrace_wakes_fn);

static void utrace_wake(struct utrace *u)
{
	if (preemptible()) {
		utrace_wake_now(u);
		return;
	}
	if (test_and_set_bit(0, &u->wake_queued))
		return;
	refcount_inc(&u->ref);
	llist_add(&u->wake_node, &utrace_wakes);
	irq_work_queue(&utrace_wakes_work);
}

int utrace_control(struct task_struct *task, struct utrace_engine *engine,
		   enum utrace_resume_action action)
{
	unsigned long irqf;
	struct utrace *u;
	int ret = 0;

	if (action >= UTRACE_RESUME_MAX)
		return -EINVAL;
	utrace_dbg("control %d action %d", task->pid, action);
	u = utrace_get(task);
	if (!u)
		return -ESRCH;
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (engine->ops == &utrace_detached_ops) {
		ret = -ESRCH;
		goto out;
	}
	switch (action) {
	case UTRACE_DETACH:
		engine_detach(engine);
		smp_mb();	/* pairs with the pass: see the top comment */
		if (utrace_list_changeable(u)) {
			list_del_init(&engine->entry);
			kref_put(&engine->kref, __utrace_engine_release);
		}
		utrace_guard_changed(u);
		if (READ_ONCE(u->reporting) == engine)
			ret = -EINPROGRESS;
		break;
	case UTRACE_STOP:
	case UTRACE_INTERRUPT:
		engine->ctl_seq++;
		WRITE_ONCE(engine->action, UTRACE_STOP);
		if (u->exiting)
			ret = -ESRCH;
		else if (!u->stopped) {
			utrace_queue_work(u);
			ret = -EINPROGRESS;
		}
		break;
	case UTRACE_REPORT:
		u->report = true;
		utrace_queue_work(u);
		break;
	default:
		engine->ctl_seq++;
		WRITE_ONCE(engine->action, action);
		break;
	}
out:
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	if (action >= UTRACE_SINGLESTEP)
		utrace_wake(u);
	utrace_put(u);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_control);

int utrace_barrier(struct task_struct *task, struct utrace_engine *engine)
{
	struct utrace *u = utrace_get(task);

	if (!u)
		return 0;
	smp_mb();	/* the caller's detach, then ->reporting: pass_begin() */
	while (READ_ONCE(u->reporting) == engine) {
		if (signal_pending(current)) {
			utrace_put(u);
			return -ERESTARTSYS;
		}
		schedule_timeout_interruptible(1);
	}
	utrace_put(u);
	return 0;
}
EXPORT_SYMBOL_GPL(utrace_barrier);

void utrace_barrier_sync(struct task_struct *task,
			 struct utrace_engine *engine)
{
	struct utrace *u = utrace_get(task);

	if (!u)
		return;
	smp_mb();	/* the caller's detach, then ->reporting: pass_begin() */
	while (READ_ONCE(u->reporting) == engine)
		schedule_timeout_uninterruptible(1);
	utrace_put(u);
}
EXPORT_SYMBOL_GPL(utrace_barrier_sync);

int utrace_examine_begin(struct task_struct *task)
{
	struct utrace *u = utrace_get(task);
	unsigned long irqf;
	int ret = -EAGAIN;

	if (!u)
		return -ESRCH;
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (u->stopped) {
		u->examining++;
		ret = 0;
	}
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_put(u);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_examine_begin);

void utrace_examine_end(struct task_struct *task)
{
	/* hashed still: the task cannot leave its stop, so not be reaped */
	struct utrace *u = utrace_get(task);
	unsigned long irqf;
	bool last;

	if (WARN_ON_ONCE(!u))
		return;
	raw_spin_lock_irqsave(&u->lock, irqf);
	last = !--u->examining;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	if (last)
		wake_up_all(&u->examine_wq);
	utrace_put(u);
}
EXPORT_SYMBOL_GPL(utrace_examine_end);

bool utrace_task_stopped(struct task_struct *task)
{
	struct utrace *u = utrace_get(task);
	bool stopped = false;

	if (u) {
		stopped = READ_ONCE(u->stopped);
		utrace_put(u);
	}
	return stopped;
}
EXPORT_SYMBOL_GPL(utrace_task_stopped);

int utrace_prepare_examine(struct task_struct *task, long timeout)
{
	struct utrace *u = utrace_get(task);
	long left;
	int ret = 0;

	if (!u)
		return -ESRCH;
	left = wait_event_interruptible_timeout(u->stop_wq,
					READ_ONCE(u->stopped) ||
					READ_ONCE(u->exiting), timeout);
	if (left < 0)
		ret = left;
	else if (!READ_ONCE(u->stopped))
		ret = READ_ONCE(u->exiting) ? -ESRCH : -EAGAIN;
	else
		/* stopped is set just before schedule(): let it get off CPU */
		while (READ_ONCE(task->on_cpu) && READ_ONCE(u->stopped))
			cpu_relax();
	utrace_put(u);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_prepare_examine);

int utrace_signal_deliver(struct task_struct *task,
			  struct utrace_engine *engine, int sig)
{
	struct utrace *u = utrace_get(task);
	unsigned long irqf;
	int ret = 0;

	if (!u)
		return -ESRCH;
	if (sig < 0 || sig > _NSIG || sig == SIGKILL || sig == SIGSTOP) {
		utrace_put(u);
		return -EINVAL;
	}
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (READ_ONCE(engine->ops) == &utrace_detached_ops)
		ret = -ESRCH;
	else if (!u->stopped)
		ret = -EBUSY;
	else
		u->deliver_sig = sig;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_put(u);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_signal_deliver);

int utrace_signal_info(struct task_struct *task, struct utrace_engine *engine,
		       const kernel_siginfo_t *info)
{
	struct utrace *u = utrace_get(task);
	unsigned long irqf;
	int ret = 0;

	if (!u)
		return -ESRCH;
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (READ_ONCE(engine->ops) == &utrace_detached_ops)
		ret = -ESRCH;
	else if (!u->stopped)
		ret = -EBUSY;
	else if (!u->holding)
		ret = -ENOENT;
	else
		u->held_info = *info;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_put(u);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_signal_info);

/*
 * From the signal_generate tracepoint (the target's siglock held): a
 * signal was queued for @t.  If an engine wants signal reports, make @t
 * run the layer's work, which comes before get_signal() dequeues
 * anything (get_signal() runs task_work first), so utrace_signals() can
 * take the signal out, report it, and put back what the engines decide.
 * The signals the task puts back itself are not reported again.
 */
static bool utrace_wants_signals(struct utrace *u, bool attaching);

static void utrace_signal_one(struct task_struct *t, int sig)
{
	struct utrace *u = utrace_get(t);
	unsigned long irqf;
	bool want;

	if (!u)
		return;
	if (t == current && u->reinjecting) {
		utrace_put(u);
		return;
	}
	/* all changes of ->attached are made under ->lock */
	raw_spin_lock_irqsave(&u->lock, irqf);
	want = utrace_wants_signals(u, true);
	/* the end of a step over a system call: utrace_step_arm() */
	if (sig == SIGTRAP && t == current && READ_ONCE(u->exit_trap))
		want = true;
	if (want) {
		u->sigcheck = true;
		utrace_queue_work(u);
	}
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_put(u);
}

void utrace_signal_generated(struct task_struct *task, int sig, bool group)
{
	struct task_struct *t;

	if (!group) {
		utrace_signal_one(task, sig);
		return;
	}
	/* a process-wide signal goes to whichever thread dequeues it */
	rcu_read_lock();
	for_each_thread(task, t)
		utrace_signal_one(t, sig);
	rcu_read_unlock();
}

/* --- reporting passes: only ever run by the task itself --- */

/*
 * Before a pass, in the task itself and outside any pass: engines attached
 * since the last pass join the list now, so they see this event but never
 * the one during which they were attached (that pass was over).
 */
static void utrace_splice_attaching(struct utrace *u)
{
	unsigned long irqf;

	if (list_empty_careful(&u->attaching))
		return;
	raw_spin_lock_irqsave(&u->lock, irqf);
	list_splice_tail_init(&u->attaching, &u->attached);
	raw_spin_unlock_irqrestore(&u->lock, irqf);
}

static const struct utrace_engine_ops *pass_begin(struct utrace *u,
						  struct utrace_engine *engine,
						  unsigned long event)
{
	const struct utrace_engine_ops *ops;

	if (!(READ_ONCE(engine->flags) & event))
		return NULL;
	WRITE_ONCE(u->reporting, engine);
	smp_mb();	/* pairs with utrace_control(DETACH) */
	/* before the callback reads its own state: see engine_set_action */
	u->pass_seq = READ_ONCE(engine->ctl_seq);
	ops = READ_ONCE(engine->ops);
	if (ops == &utrace_detached_ops) {
		/* no callback: utrace_barrier() may return */
		smp_store_release(&u->reporting, NULL);
		return NULL;
	}
	return ops;
}

/*
 * A callback's return replaces the engine's action, unless a
 * utrace_control() came while the callback ran (its ->ctl_seq moved):
 * then the stronger of the two stands.  The callback decided on what its
 * engine knew when it began; a control from another task is newer.
 * Without this, a client that records "stop" and then calls
 * utrace_control(STOP) loses the stop to a callback that read its record
 * just before and returns UTRACE_RESUME just after (seen: a step's stop
 * reply sent while the thread ran on to its exit).  The client sets its
 * record before it calls utrace_control(), the pass reads ->ctl_seq
 * before the callback reads the record (pass_begin, after a full
 * barrier), and both sides change ->action under ->lock: so either the
 * callback sees the record, or ->ctl_seq has moved by the time it
 * returns.  Returns the action that stands.
 */
static u32 engine_set_action(struct utrace *u, struct utrace_engine *engine,
			     u32 ret)
{
	unsigned long irqf;

	/* the common case: nothing changes, no lock */
	if (READ_ONCE(engine->ctl_seq) == u->pass_seq &&
	    READ_ONCE(engine->action) == ret)
		return ret;
	raw_spin_lock_irqsave(&u->lock, irqf);
	if (engine->ctl_seq != u->pass_seq && engine->action < ret)
		ret = engine->action;
	WRITE_ONCE(engine->action, ret);
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	return ret;
}

static u32 pass_end(struct utrace *u, struct utrace_engine *engine,
		    u32 ret, u32 action)
{
	/* the callback is over: utrace_barrier() may return */
	smp_store_release(&u->reporting, NULL);
	if (ret < UTRACE_RESUME_MAX) {
		if (ret == UTRACE_INTERRUPT)
			ret = UTRACE_STOP;
		if (ret == UTRACE_DETACH) {
			/* the callback detaches itself: takes effect now */
			engine_detach(engine);
		} else {
			ret = engine_set_action(u, engine, ret);
			if (ret < action)
				action = ret;
		}
	}
	return action;
}

/*
 * The single place where hooks in atomic context ask for the task to
 * reach a quiescent point: it will, at its return to user mode.
 */

static void pass_finish(struct utrace *u, u32 action)
{
	unsigned long irqf;
	/* the last engine asking for signals detached in the pass */
	bool unguard = unlikely(u->guarded) && !utrace_wants_signals(u, false);

	u->in_pass = false;
	/*
	 * A step asked for by a callback (say, a trap report that wants the
	 * next step too) is set up by utrace_step_setup() at the return to
	 * user mode, as for a stop or a report.
	 */
	if (action < UTRACE_RESUME || unguard) {
		raw_spin_lock_irqsave(&u->lock, irqf);
		if (action == UTRACE_REPORT)
			u->report = true;
		utrace_queue_work(u);
		raw_spin_unlock_irqrestore(&u->lock, irqf);
	}
}

/*
 * Call ->member(action, engine, args...) of every attached engine that
 * asked for @event, in attach order, combining the returned actions into
 * @action.  No lock: see the comment at the top of this file.
 */
#define UTRACE_PASS(u, event, action, member, ...)			\
	do {								\
		struct utrace_engine *engine;				\
		const struct utrace_engine_ops *ops;			\
		utrace_splice_attaching(u);				\
		(u)->in_pass = true;					\
		list_for_each_entry(engine, &(u)->attached, entry) {	\
			ops = pass_begin(u, engine, UTRACE_EVENT(event)); \
			if (ops && ops->member)				\
				action = pass_end(u, engine,		\
					ops->member(action, engine,	\
						    ##__VA_ARGS__),	\
					action);			\
			else if (ops)	/* no callback: barrier free */	\
				smp_store_release(&(u)->reporting, NULL); \
		}							\
	} while (0)

void utrace_report_exec(const struct linux_binprm *bprm)
{
	struct utrace *u = utrace_current();
	u32 action = UTRACE_RESUME;

	if (!u)
		return;
	UTRACE_PASS(u, EXEC, action, report_exec, bprm);
	pass_finish(u, action);
}

/* --- the fatal-signal guard --- */

/*
 * A signal whose default action kills without a core dump (SIGTERM,
 * SIGINT, SIGUSR1, SIGALRM, the real-time signals...), sent to a process
 * that has no handler for it, never reaches get_signal(): the sender's
 * complete_signal() turns it into a group SIGKILL on the spot, before
 * the signal_generate tracepoint fires.  It spares a ptraced task, and a
 * thread that has the signal in ->real_blocked.
 *
 * ->real_blocked is the mask rt_sigtimedwait() (and KVM_RUN) saves while
 * it runs; the task sets it on the way in and empties it on the way out,
 * so at every return to user mode it is empty.  Its only readers are
 * complete_signal() (no group kill) and sig_ignored() (a blocked signal
 * is never ignored): both treat a signal there the way they treat one
 * sent to a ptraced task.  So while an engine asks for SIGNAL reports,
 * the layer puts utrace_guard (those signals) in the thread's
 * ->real_blocked; the signal is then queued, the layer's work reports it
 * from get_signal() as any other, and what the engines decide is done:
 * a put-back signal at its default action ends the process from
 * get_signal() with the same exit code the group kill gives; one whose
 * handler is SIG_IGN is reported and then dropped, as under ptrace.
 *
 * Only the task writes its own ->real_blocked (under its siglock, at a
 * return to user mode: never inside rt_sigtimedwait(), whose saved mask
 * we must not touch), but for a new child that has not run yet, which
 * inherits the parent's copy.  A guard dropped by rt_sigtimedwait() is
 * put back at the next quiescent point or syscall exit report; a fatal
 * signal in between still ends the process unreported (doc/).
 */
static sigset_t utrace_guard;

/*
 * The same two readers also let the kernel drop a signal nobody would
 * see: sig_ignored() turns away, at generation, a signal whose handler is
 * SIG_IGN or whose default action is to ignore it (SIGCHLD, SIGWINCH,
 * SIGURG), unless the task is ptraced -- or has it in ->real_blocked.
 * ptrace reports those, and gdb may ask to stop for them ("handle
 * SIGWINCH stop"): so the guard holds them too, and the layer reports
 * every signal but SIGKILL and SIGSTOP (never reported) and SIGCONT
 * (its job control effect is the kernel's, told by report_jctl).  Put
 * back after the report, such a signal is dropped by get_signal() as it
 * would have been by the sender.
 */
static void utrace_guard_init(void)
{
	int sig;

	sigemptyset(&utrace_guard);
	for (sig = 1; sig <= _NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCONT)
			sigaddset(&utrace_guard, sig);
}

/*
 * Does an engine on the list ask for signal reports (@attaching: or one
 * waiting to join it, ->lock held)?  (As utrace_any_wants.)
 */
static bool utrace_wants_signals(struct utrace *u, bool attaching)
{
	struct utrace_engine *engine;

	list_for_each_entry(engine, &u->attached, entry)
		if (READ_ONCE(engine->flags) & UTRACE_EVENT(SIGNAL))
			return true;
	if (attaching)
		list_for_each_entry(engine, &u->attaching, entry)
			if (READ_ONCE(engine->flags) & UTRACE_EVENT(SIGNAL))
				return true;
	return false;
}

static bool utrace_guard_in(const sigset_t *set)
{
	sigset_t missing;

	sigandnsets(&missing, &utrace_guard, set);
	return sigisemptyset(&missing);
}

/*
 * In the task, outside a pass and outside any system call: set or clear
 * the guard as its engines want.  Cheap when nothing changes.
 */
static void utrace_guard_update(struct utrace *u)
{
	struct sighand_struct *sighand;
	unsigned long irqf;
	bool want = utrace_wants_signals(u, false) &&
		    !(current->flags & PF_EXITING);

	if (want == u->guarded &&
	    (!want || utrace_guard_in(&current->real_blocked)))
		return;
	/* only the task itself changes its sighand (exec) */
	sighand = rcu_dereference_protected(current->sighand, true);
	spin_lock_irqsave(&sighand->siglock, irqf);
	if (want)
		sigorsets(&current->real_blocked, &current->real_blocked,
			  &utrace_guard);
	else
		sigandnsets(&current->real_blocked, &current->real_blocked,
			    &utrace_guard);
	spin_unlock_irqrestore(&sighand->siglock, irqf);
	u->guarded = want;
}

/*
 * A new task, before it first runs, has its parent's ->real_blocked: the
 * guard stays only if an engine that wants signal reports was attached
 * to it (in the clone report), and goes otherwise.
 *
 * From the fork tracepoint, where the child's siglock (a sleeping lock on
 * PREEMPT_RT, and the parent's own for a thread) may not be taken.  Nor
 * need it be: the child has not run, so we are the only writer of its
 * ->real_blocked, and a sigset is one word here, read whole by the
 * readers under siglock.  A sender that still sees the guard queues the
 * signal, which get_signal() then acts on as the sender would have.
 */
static void utrace_guard_child(struct task_struct *child)
{
	struct utrace *cu = utrace_get(child);
	unsigned long irqf;
	bool want = false;

	BUILD_BUG_ON(_NSIG_WORDS != 1);

	if (cu) {
		/* a new child's list is changed only under ->lock */
		raw_spin_lock_irqsave(&cu->lock, irqf);
		want = utrace_wants_signals(cu, false);
		raw_spin_unlock_irqrestore(&cu->lock, irqf);
		cu->guarded = want;
		utrace_put(cu);
	}
	if (want)
		return;
	WRITE_ONCE(child->real_blocked.sig[0],
		   child->real_blocked.sig[0] & ~utrace_guard.sig[0]);
}

/*
 * Someone else changed what the engines of @u want (u->lock held): a
 * running task must come to utrace_guard_update(); a stopped one does on
 * its way out of the stop.
 */
static void utrace_guard_changed(struct utrace *u)
{
	/* a child in its clone report: utrace_guard_child() sees to it */
	if (u->stopped || u->reaped ||
	    (READ_ONCE(u->task->__state) & TASK_NEW))
		return;
	if (utrace_wants_signals(u, false) != u->guarded)
		utrace_queue_work(u);
}

void utrace_report_clone(struct task_struct *child)
{
	struct utrace *u = utrace_current();
	u32 action = UTRACE_RESUME;

	if (!u)
		return;
	/*
	 * Stepping over clone(): the child's registers are a copy of ours,
	 * trap flag included, but the step is not the child's (ptrace's
	 * copy_process() clears only the TF it forced itself).
	 */
	if (u->stepping)
		task_pt_regs(child)->flags &= ~X86_EFLAGS_TF;
	UTRACE_PASS(u, CLONE, action, report_clone, child);
	pass_finish(u, action);
	if (u->guarded)
		utrace_guard_child(child);
}

void utrace_report_syscall(struct pt_regs *regs, bool entry)
{
	struct utrace *u = utrace_current();
	u32 action = UTRACE_RESUME;

	if (!u)
		return;
	if (entry)
		UTRACE_PASS(u, SYSCALL_ENTRY, action, report_syscall_entry,
			    regs);
	else
		UTRACE_PASS(u, SYSCALL_EXIT, action, report_syscall_exit, regs);
	pass_finish(u, action);
	/*
	 * rt_sigtimedwait() returns with ->real_blocked empty: the layer's
	 * work puts the guard back before the return to user mode (not
	 * here: siglock is a sleeping lock on PREEMPT_RT).
	 */
	if (!entry && u->guarded &&
	    !utrace_guard_in(&current->real_blocked)) {
		unsigned long irqf;

		raw_spin_lock_irqsave(&u->lock, irqf);
		utrace_queue_work(u);
		raw_spin_unlock_irqrestore(&u->lock, irqf);
	}
}

/* report_death returns nothing: its own pass. */
static void utrace_report_death(struct utrace *u, bool group_dead, long code)
{
	const struct utrace_engine_ops *ops;
	struct utrace_engine *engine;

	u->in_pass = true;
	list_for_each_entry(engine, &u->attached, entry) {
		ops = pass_begin(u, engine, UTRACE_EVENT(DEATH));
		if (ops && ops->report_death)
			ops->report_death(engine, group_dead, code);
		if (ops)	/* the callback is over: barrier free */
			smp_store_release(&u->reporting, NULL);
	}
	u->in_pass = false;
}

void utrace_report_exit(long code)
{
	unsigned long irqf;
	struct utrace *u = utrace_current();
	u32 action = UTRACE_RESUME;

	if (!u)
		return;
	UTRACE_PASS(u, EXIT, action, report_exit, code);
	u->in_pass = false;
	/* from here on it cannot stop: tell examiners before death is told */
	raw_spin_lock_irqsave(&u->lock, irqf);
	u->exiting = true;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	utrace_wake(u);
	/* do_exit() has counted this thread out of signal->live already */
	utrace_report_death(u, !atomic_read(&current->signal->live), code);
}

static void utrace_step_disarm(struct utrace *u, struct pt_regs *regs);

bool utrace_report_trap(struct pt_regs *regs, int trapnr, unsigned long *dr6)
{
	struct utrace *u = utrace_current();
	u32 action = UTRACE_RESUME_MAX;
	bool own_step;

	if (!u)
		return false;
	utrace_dbg("trap %d dr6 %lx stepping %d ip %lx", trapnr,
		   dr6 ? *dr6 : 0, u->stepping, regs->ip);
	own_step = trapnr == X86_TRAP_DB && u->stepping && (*dr6 & DR_STEP);
	if (own_step)
		utrace_step_disarm(u, regs);
	UTRACE_PASS(u, TRAP, action, report_trap, regs, trapnr, dr6);
	if (action == UTRACE_RESUME_MAX) {
		u->in_pass = false;
		/*
		 * Our own trap flag, which no engine wants any more (one
		 * resumed or detached while the step was under way): the
		 * task must not see it.  Other causes in DR6 go their way.
		 */
		if (!own_step)
			return false;
		*dr6 &= ~DR_STEP;
		return !(*dr6 & DR_TRAP_BITS);
	}
	pass_finish(u, action);
	return true;
}

bool utrace_report_hw_breakpoint(struct pt_regs *regs, unsigned long dr6)
{
	return utrace_report_trap(regs, X86_TRAP_DB, &dr6);
}
EXPORT_SYMBOL_GPL(utrace_report_hw_breakpoint);

/* --- quiescence --- */

/* Does an attached engine want @action?  (Only the task walks the list.) */
static bool utrace_any_wants(struct utrace *u, enum utrace_resume_action action)
{
	struct utrace_engine *engine;

	list_for_each_entry(engine, &u->attached, entry)
		if (READ_ONCE(engine->action) == action &&
		    READ_ONCE(engine->ops) != &utrace_detached_ops)
			return true;
	return false;
}

static bool utrace_wants_stop(struct utrace *u)
{
	return utrace_any_wants(u, UTRACE_STOP);
}

/* A block step is a single step here: see UTRACE_BLOCKSTEP in utrace.h. */
static bool utrace_wants_step(struct utrace *u)
{
	return utrace_any_wants(u, UTRACE_SINGLESTEP) ||
	       utrace_any_wants(u, UTRACE_BLOCKSTEP);
}

/* At a quiescent point, outside a pass: splice in and reap engines. */
static bool utrace_tidy_lists(struct utrace *u)
{
	unsigned long irqf;
	struct utrace_engine *engine, *next;
	LIST_HEAD(dead);
	bool report;

	raw_spin_lock_irqsave(&u->lock, irqf);
	list_splice_tail_init(&u->attaching, &u->attached);
	list_for_each_entry_safe(engine, next, &u->attached, entry)
		if (engine->ops == &utrace_detached_ops)
			list_move(&engine->entry, &dead);
	report = u->report;
	u->report = false;
	raw_spin_unlock_irqrestore(&u->lock, irqf);

	list_for_each_entry_safe(engine, next, &dead, entry) {
		list_del_init(&engine->entry);
		utrace_engine_put(engine);
	}
	return report;
}

/*
 * Put back the signal the engines decided on (u->deliver_sig), with its
 * original siginfo when it is the one held; it then reaches the task's
 * handler through get_signal() as usual.
 */
static void utrace_reinject(struct utrace *u)
{
	kernel_siginfo_t info;
	unsigned long irqf;
	bool holding;
	int sig;

	raw_spin_lock_irqsave(&u->lock, irqf);
	sig = u->deliver_sig;
	holding = u->holding;
	u->deliver_sig = 0;
	u->holding = false;
	if (holding)
		info = u->held_info;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	if (!sig)
		return;
	u->reinjecting = true;
	if (holding) {
		info.si_signo = sig;
		send_sig_info(sig, &info, current);
	} else {
		send_sig_info(sig, SEND_SIG_PRIV, current);
	}
	u->reinjecting = false;
	sigaddset(&u->reinjected, sig);
}

static void utrace_stop(struct utrace *u);
static void utrace_jctl_reports(struct utrace *u);
static void utrace_step_trap(struct utrace *u, struct pt_regs *regs);

/*
 * Report the signals waiting for the task, one by one, before
 * get_signal() sees them: dequeue it, ask the engines, stop if one wants
 * to, then put back what they decided.
 */
static void utrace_signals(struct utrace *u)
{
	/* only the task itself changes its sighand (exec) */
	struct sighand_struct *sighand =
		rcu_dereference_protected(current->sighand, true);
	unsigned long irqf;
	int sig, deliver;
	sigset_t mask;
	bool check;
	u32 action;

	raw_spin_lock_irqsave(&u->lock, irqf);
	check = u->sigcheck;
	u->sigcheck = false;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	if (!check)
		return;
	for (;;) {
		if (fatal_signal_pending(current) ||
		    (current->flags & PF_EXITING))
			return;
		spin_lock_irq(&sighand->siglock);
		sigorsets(&mask, &current->blocked, &u->reinjected);
		sigaddset(&mask, SIGKILL);
		sigaddset(&mask, SIGSTOP);
		sig = ugdb_dequeue_signal(&mask, &u->held_info);
		spin_unlock_irq(&sighand->siglock);
		if (!sig)
			return;
		utrace_dbg("dequeued %d", sig);
		if (sig == SIGTRAP && u->exit_trap &&
		    u->held_info.si_code == TRAP_BRKPT) {
			/* a step over a system call ends: utrace_step_arm() */
			utrace_step_trap(u, task_pt_regs(current));
			if (!utrace_wants_stop(u))
				continue;
			/* the rest after the stop (utrace_quiescent) */
			raw_spin_lock_irqsave(&u->lock, irqf);
			u->sigcheck = true;
			raw_spin_unlock_irqrestore(&u->lock, irqf);
			return;
		}
		deliver = sig;
		action = UTRACE_RESUME;
		UTRACE_PASS(u, SIGNAL, action, report_signal,
			    task_pt_regs(current), &u->held_info, &deliver);
		u->in_pass = false;
		raw_spin_lock_irqsave(&u->lock, irqf);
		u->holding = true;
		u->deliver_sig = deliver;
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		if (utrace_wants_stop(u))
			utrace_stop(u);		/* puts the signal back */
		else
			utrace_reinject(u);
	}
}

/*
 * Sleep until no engine wants the task stopped.  The state is the one
 * ptrace uses for a traced stop: ps shows 't', it adds nothing to the
 * load average, the hung-task detector ignores it, and SIGKILL (whose
 * wake-up includes TASK_WAKEKILL | __TASK_TRACED) ends it at once.
 * SIGCONT's wake-up (__TASK_STOPPED) does not reach it.  A job control
 * report (utrace_jctl_*) wakes it for the pass; it then stops again.
 */
static void utrace_stop(struct utrace *u)
{
	unsigned long irqf;
	DEFINE_WAIT(wait);

	/*
	 * Put the user FPU state in memory (and have it reloaded from
	 * there), so that examiners on other CPUs read and write the
	 * task's real registers through the regsets.
	 */
	kernel_fpu_begin();
	kernel_fpu_end();
	utrace_dbg("stop at ip %lx", task_pt_regs(current)->ip);

	do {
		raw_spin_lock_irqsave(&u->lock, irqf);
		u->stopped = true;
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		wake_up_all(&u->stop_wq);	/* preemptible: at once */

		for (;;) {
			bool stop;

			/*
			 * A traced stop is one of the scheduler's special
			 * states: set under pi_lock, against the wake-up of
			 * an earlier sleep still in flight, never by
			 * set_current_state() (DEBUG_ATOMIC_SLEEP warns).
			 * So prepare_to_wait() only queues us.
			 */
			prepare_to_wait(&u->resume_wq, &wait, TASK_RUNNING);
			set_special_state(TASK_WAKEKILL | __TASK_TRACED);
			/*
			 * While ->stopped is set, others attach and detach
			 * on ->attached itself (under ->lock): walk it under
			 * the lock too.  Walking it unlocked here was a real
			 * race: a list_del_init() of the entry being visited
			 * sends an unlocked walk round that entry forever.
			 */
			raw_spin_lock_irqsave(&u->lock, irqf);
			stop = utrace_wants_stop(u);
			raw_spin_unlock_irqrestore(&u->lock, irqf);
			if (!stop || fatal_signal_pending(current) ||
			    READ_ONCE(u->jctl_n))
				break;
			schedule();
		}
		finish_wait(&u->resume_wq, &wait);

		/*
		 * Not while an examiner holds us (utrace_examine_begin()):
		 * its access is short, and SIGKILL waits for it too.
		 */
		raw_spin_lock_irqsave(&u->lock, irqf);
		while (u->examining) {
			raw_spin_unlock_irqrestore(&u->lock, irqf);
			wait_event(u->examine_wq, !READ_ONCE(u->examining));
			raw_spin_lock_irqsave(&u->lock, irqf);
		}
		u->stopped = false;
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		if (fatal_signal_pending(current))
			return;
		utrace_jctl_reports(u);
	} while (utrace_wants_stop(u));
	utrace_dbg("stop leave");
	utrace_reinject(u);
}

/*
 * A step ends after one instruction, with the trap flag's #DB; but when
 * that instruction is a system call, ptrace ends it at the call's exit,
 * and so must we: TF is masked on the way into the kernel and IRET would
 * bring it back one instruction late (after the instruction the call
 * returns to), and rt_sigreturn even loads the flags of the signal frame,
 * without TF, so the step would be lost.  The kernel's own means, which
 * ptrace's single step uses too, is SYSCALL_WORK_SYSCALL_EXIT_TRAP: the
 * exit of the task's next system call sends it a SIGTRAP (TRAP_BRKPT)
 * before it returns to user mode.  The bit is in the task's own
 * thread_info, set and cleared here by the task; utrace_signals() takes
 * that SIGTRAP as the step's trap, and it never reaches the task.  It is
 * not armed when ptrace uses the bit (its own single step) or traces
 * system calls (strace: the bit would turn ptrace's syscall-exit stop into
 * that SIGTRAP); a step over a system call then ends one instruction late.
 */
static void utrace_step_arm(struct utrace *u, struct pt_regs *regs)
{
	regs->flags |= X86_EFLAGS_TF;
	u->stepping = true;
	if (!u->exit_trap && !test_thread_flag(TIF_SINGLESTEP) &&
	    !test_task_syscall_work(current, SYSCALL_EXIT_TRAP) &&
	    !test_task_syscall_work(current, SYSCALL_TRACE)) {
		set_task_syscall_work(current, SYSCALL_EXIT_TRAP);
		WRITE_ONCE(u->exit_trap, true);
	}
}

/* The step is over or off: no trap flag, no system call exit trap. */
static void utrace_step_disarm(struct utrace *u, struct pt_regs *regs)
{
	if (u->stepping) {
		regs->flags &= ~X86_EFLAGS_TF;
		u->stepping = false;
	}
	if (u->exit_trap) {
		clear_task_syscall_work(current, SYSCALL_EXIT_TRAP);
		WRITE_ONCE(u->exit_trap, false);
	}
}

/* The step ended somewhere but in the #DB: report it as the step's trap. */
static void utrace_step_trap(struct utrace *u, struct pt_regs *regs)
{
	unsigned long dr6 = DR_STEP;
	u32 action = UTRACE_RESUME_MAX;

	utrace_step_disarm(u, regs);
	UTRACE_PASS(u, TRAP, action, report_trap, regs, X86_TRAP_DB, &dr6);
	u->in_pass = false;
}

/*
 * Set or clear the trap flag for engines that asked for one step.  When a
 * signal was just put back, the step must not begin yet: the kernel would
 * save TF in the handler's signal frame (it clears it only in the live
 * registers), and the step would end after the handler returns.  ptrace
 * stops a step that delivers a signal at the handler's first instruction:
 * so do we, from the signal_deliver tracepoint (utrace_signal_delivering)
 * and utrace_step_after_signal().
 */
static void utrace_step_setup(struct utrace *u, struct pt_regs *regs)
{
	if (utrace_wants_step(u) && !(current->flags & PF_EXITING)) {
		if (!sigisemptyset(&u->reinjected) || u->step_after_signal) {
			u->step_after_signal = true;
			utrace_dbg("step after signal");
			utrace_step_disarm(u, regs);
			return;
		}
		utrace_step_arm(u, regs);
		utrace_dbg("step set ip %lx", regs->ip);
	} else {
		utrace_step_disarm(u, regs);
	}
}

/*
 * The signal put back before a step was delivered: if a handler was set
 * up, the step is over at its first instruction -- report it as the
 * step's trap; otherwise the step starts now (utrace_step_setup).
 */
static void utrace_step_after_signal(struct utrace *u, struct pt_regs *regs)
{
	unsigned long irqf;
	bool handler, delivered;

	raw_spin_lock_irqsave(&u->lock, irqf);
	delivered = u->signal_delivered;
	handler = u->handler_entered;
	u->signal_delivered = false;
	u->handler_entered = false;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	if (!delivered)
		return;		/* not yet: the step waits for it */
	u->step_after_signal = false;
	if (handler)
		utrace_step_trap(u, regs);
}

void utrace_signal_delivering(bool handler)
{
	struct utrace *u = utrace_current();
	unsigned long irqf;

	if (!u || !u->step_after_signal)
		return;
	raw_spin_lock_irqsave(&u->lock, irqf);
	u->signal_delivered = true;
	u->handler_entered = handler;
	utrace_queue_work(u);
	raw_spin_unlock_irqrestore(&u->lock, irqf);
}

/* --- job control --- */

/*
 * Queue a report of @type for the task (u->lock held).  Repeats of the
 * last one add nothing; a full queue forgets its oldest stop/continue
 * pair, so what is told still alternates and ends in the present state.
 */
static void utrace_jctl_push(struct utrace *u, int type)
{
	u->jctl_stopped = type == CLD_STOPPED;
	if (u->jctl_n && u->jctl_q[u->jctl_n - 1] == type)
		return;
	if (u->jctl_n == ARRAY_SIZE(u->jctl_q)) {
		memmove(u->jctl_q, u->jctl_q + 2, u->jctl_n - 2);
		u->jctl_n -= 2;
	}
	u->jctl_q[u->jctl_n++] = type;
}

/* In the task, outside a pass: make the queued job control reports. */
static void utrace_jctl_reports(struct utrace *u)
{
	unsigned long irqf;
	u32 action;
	int type;

	for (;;) {
		raw_spin_lock_irqsave(&u->lock, irqf);
		if (!u->jctl_n) {
			raw_spin_unlock_irqrestore(&u->lock, irqf);
			return;
		}
		type = u->jctl_q[0];
		u->jctl_n--;
		memmove(u->jctl_q, u->jctl_q + 1, u->jctl_n);
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		action = UTRACE_RESUME;
		UTRACE_PASS(u, JCTL, action, report_jctl, type, 0);
		u->in_pass = false;
	}
}

/*
 * Queue @type for every thread of @task's process that has layer state
 * (but @skip), and make each one run the layer's work: a running thread
 * reports before its next return to user mode (before it stops, for a
 * group stop: get_signal() runs task_work first), a thread the layer
 * holds is woken for the report.  Only threads that told CLD_STOPPED
 * are told CLD_CONTINUED.  Siglock held: tasks cannot leave the group.
 */
static void utrace_jctl_queue(struct task_struct *task, struct task_struct *skip,
			      int type)
{
	struct task_struct *t;
	unsigned long irqf;
	struct utrace *u;

	rcu_read_lock();
	for_each_thread(task, t) {
		if (t == skip)
			continue;
		u = utrace_get(t);
		if (!u)
			continue;
		raw_spin_lock_irqsave(&u->lock, irqf);
		if (type == CLD_STOPPED || u->jctl_stopped) {
			utrace_jctl_push(u, type);
			utrace_queue_work(u);
		}
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		utrace_wake(u);
		utrace_put(u);
	}
	rcu_read_unlock();
}

/*
 * From the signal_deliver tracepoint (siglock held, interrupts off): get_signal()
 * dequeued a stop signal at its default action and is about to start
 * the group stop (do_signal_stop()).  Tell the engines of this thread
 * now -- it will not return to the layer before the group stop ends --
 * and queue the report for the other threads.
 */
void utrace_jctl_stopping(void)
{
	struct utrace *u = utrace_current();
	unsigned long irqf;
	u32 action = UTRACE_RESUME;

	utrace_jctl_queue(current, current, CLD_STOPPED);
	if (!u)
		return;
	raw_spin_lock_irqsave(&u->lock, irqf);
	u->jctl_stopped = true;
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	UTRACE_PASS(u, JCTL, action, report_jctl, CLD_STOPPED, 1);
	pass_finish(u, action);
}

/*
 * From the signal_generate tracepoint (the target's siglock held):
 * SIGCONT, after the kernel woke the job-stopped threads, whatever its
 * result (at its default action it is "ignored" once it did its work).
 * Or a stop signal queued for the whole process: if the kernel chose to
 * wake a thread the layer holds (it looks runnable to the kernel), no
 * thread would dequeue it and the group stop would not even begin; so
 * every other thread with layer state is sent through get_signal(), as
 * signal_wake_up() would (siglock held): TIF_SIGPENDING, without which
 * get_signal() returns at once, and the layer's work, whose TWA_SIGNAL
 * wakes it from an interruptible sleep.
 */
void utrace_jctl_signal(struct task_struct *task, int sig)
{
	struct task_struct *t;
	bool held = false;
	unsigned long irqf;
	struct utrace *u;

	if (sig == SIGCONT) {
		utrace_jctl_queue(task, NULL, CLD_CONTINUED);
		return;
	}
	rcu_read_lock();
	for_each_thread(task, t) {
		u = utrace_get(t);
		if (u) {
			held |= READ_ONCE(u->stopped);
			utrace_put(u);
		}
	}
	if (held) {
		for_each_thread(task, t) {
			u = utrace_get(t);
			if (!u)
				continue;
			raw_spin_lock_irqsave(&u->lock, irqf);
			if (!u->stopped) {
				set_tsk_thread_flag(t, TIF_SIGPENDING);
				utrace_queue_work(u);
			}
			raw_spin_unlock_irqrestore(&u->lock, irqf);
			utrace_put(u);
		}
	}
	rcu_read_unlock();
}

static void utrace_quiescent(struct utrace *u)
{
	struct pt_regs *regs = task_pt_regs(current);
	u32 action;

	if (u->step_after_signal)
		utrace_step_after_signal(u, regs);
	sigemptyset(&u->reinjected);
	for (;;) {
		bool report = utrace_tidy_lists(u);

		utrace_signals(u);
		utrace_jctl_reports(u);
		/*
		 * utrace_signals() may have held the task stopped with a
		 * signal: a report asked for meanwhile (UTRACE_REPORT, an
		 * engine attached) is made now, before it runs on.
		 */
		if (READ_ONCE(u->report) || !list_empty_careful(&u->attaching))
			report |= utrace_tidy_lists(u);
		action = UTRACE_RESUME;
		if (report || utrace_wants_stop(u))
			UTRACE_PASS(u, QUIESCE, action, report_quiesce,
				    UTRACE_EVENT(QUIESCE));
		u->in_pass = false;
		if (!utrace_wants_stop(u) || (current->flags & PF_EXITING) ||
		    fatal_signal_pending(current))
			break;
		utrace_stop(u);
		if (fatal_signal_pending(current))
			break;
		/*
		 * Resumed: engines attached meanwhile get their pass.  A
		 * UTRACE_STOP that came while utrace_stop() was on its way
		 * out saw u->stopped still set, so it queued no work: it is
		 * served here, by going round again.
		 */
		if (!READ_ONCE(u->report) && list_empty(&u->attaching) &&
		    !READ_ONCE(u->sigcheck) && !READ_ONCE(u->jctl_n) &&
		    !utrace_wants_stop(u))
			break;
	}
	utrace_tidy_lists(u);
	utrace_guard_update(u);

	utrace_step_setup(u, regs);
	utrace_dbg("resume at ip %lx flags %lx", regs->ip, regs->flags);
}

/*
 * task_work runs the most recently queued work first.  Works queued
 * before ours in the same batch -- the deferred fput() of files closed by
 * exec or close(), say -- must not wait while the task is stopped (the
 * relay waits for exec's close-on-exec pipe to close).  So the first call
 * queues the work again and returns: task_work_run() finishes the batch,
 * then calls us again, and we do the real work.
 */
static void utrace_work_fn(struct callback_head *cb)
{
	struct utrace *u = utrace_current();
	unsigned long irqf;
	bool again = false;

	if (u) {
		raw_spin_lock_irqsave(&u->lock, irqf);
		u->queued[cb == &u->work[1]] = 0;
		if (!u->deferred && !(current->flags & PF_EXITING)) {
			u->deferred = true;
			again = utrace_queue_work(u);
		}
		raw_spin_unlock_irqrestore(&u->lock, irqf);
		if (!again) {
			u->deferred = false;
			utrace_quiescent(u);
		}
	}
	/*
	 * The reference taken in utrace_queue_work(); a tail call, so no
	 * instruction of this module runs after it.
	 */
	module_put(THIS_MODULE);
}

/* --- lifetime --- */

static void utrace_unhash(struct utrace *u)
{
	unsigned long irqf;
	struct utrace_engine *engine, *next;
	LIST_HEAD(dead);

	raw_spin_lock_irqsave(&utrace_table_lock, irqf);
	hlist_del_rcu(&u->hnode);
	atomic_dec(&utrace_nr_tasks);
	raw_spin_unlock_irqrestore(&utrace_table_lock, irqf);

	/*
	 * Detached under ->lock: a utrace_control(DETACH) racing with us
	 * then finds them detached and leaves the list and the reference
	 * (ours now) alone.
	 */
	raw_spin_lock_irqsave(&u->lock, irqf);
	u->reaped = true;
	list_splice_init(&u->attaching, &dead);
	list_splice_init(&u->attached, &dead);
	list_for_each_entry(engine, &dead, entry)
		engine_detach(engine);
	raw_spin_unlock_irqrestore(&u->lock, irqf);
	list_for_each_entry_safe(engine, next, &dead, entry) {
		list_del_init(&engine->entry);
		utrace_engine_put(engine);
	}
	utrace_put(u);	/* the hash's reference */
}

void utrace_release_task(struct task_struct *task)
{
	const struct utrace_engine_ops *ops;
	struct utrace_engine *engine;
	struct utrace *u = utrace_get(task);

	if (!u)
		return;
	/*
	 * The task is dead and released: no pass can run in it any more,
	 * so the list is ours to walk (case (c) of the top comment).
	 */
	utrace_splice_attaching(u);
	list_for_each_entry(engine, &u->attached, entry) {
		ops = pass_begin(u, engine, UTRACE_EVENT(REAP));
		if (ops && ops->report_reap)
			ops->report_reap(engine, task);
		if (ops)	/* the callback is over: barrier free */
			smp_store_release(&u->reporting, NULL);
	}
	utrace_unhash(u);
	utrace_put(u);
}

int utrace_init(void)
{
	utrace_guard_init();
	return 0;
}

void utrace_exit(void)
{
	struct utrace *u;
	struct hlist_node *tmp;
	int i;

	/*
	 * The hooks are gone and no work is queued (each holds a module
	 * reference); the tasks left here are alive but have no engine.
	 */
	for (i = 0; i < ARRAY_SIZE(utrace_table); i++)
		hlist_for_each_entry_safe(u, tmp, &utrace_table[i], hnode)
			utrace_unhash(u);
	/* its wakes put their references: call_rcu(), so before the barrier */
	irq_work_sync(&utrace_wakes_work);
	rcu_barrier();
}
