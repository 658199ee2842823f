// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_stress.c - the engine of the layer's stress proof
 * (testsuite/vm/stress-check): a kernel thread that, until the module
 * unloads, picks at random a thread of process @pid or of one of its
 * children and attaches an engine to it (asking for every lifecycle and
 * syscall event), detaches a random engine it holds (DETACH, barrier,
 * put), or stops a held task for a few milliseconds and resumes it.
 * Callbacks only count and return UTRACE_RESUME.  On unload everything
 * is detached and the counters are logged:
 *   "ugdb_stress: attached N detached N stops N callbacks N ..."
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

#include "../utrace.h"

#define STRESS_SLOTS	64

static int pid;
module_param(pid, int, 0444);
MODULE_PARM_DESC(pid, "process whose threads and children get engines");

struct slot {
	struct task_struct *task;
	struct utrace_engine *engine;
	unsigned long stopped_at;	/* jiffies of our UTRACE_STOP, or 0 */
};

static struct slot slots[STRESS_SLOTS];
static struct task_struct *worker;
static atomic_long_t callbacks;
static long attached, attach_failed, detached, detach_esrch, stops, resumes;

static u32 st_quiesce(u32 action, struct utrace_engine *e, unsigned long ev)
{
	atomic_long_inc(&callbacks);
	return UTRACE_RESUME;
}

static u32 st_exec(u32 action, struct utrace_engine *e,
		   const struct linux_binprm *bprm)
{
	atomic_long_inc(&callbacks);
	return UTRACE_RESUME;
}

static u32 st_clone(u32 action, struct utrace_engine *e,
		    struct task_struct *child)
{
	atomic_long_inc(&callbacks);
	return UTRACE_RESUME;
}

static u32 st_exit(u32 action, struct utrace_engine *e, long code)
{
	atomic_long_inc(&callbacks);
	return UTRACE_RESUME;
}

static u32 st_syscall(u32 action, struct utrace_engine *e,
		      struct pt_regs *regs)
{
	atomic_long_inc(&callbacks);
	return UTRACE_RESUME;
}

static void st_death(struct utrace_engine *e, bool group_dead, long code)
{
	atomic_long_inc(&callbacks);
}

static void st_reap(struct utrace_engine *e, struct task_struct *task)
{
	atomic_long_inc(&callbacks);
}

static const struct utrace_engine_ops stress_ops = {
	.report_quiesce = st_quiesce,
	.report_exec = st_exec,
	.report_clone = st_clone,
	.report_exit = st_exit,
	.report_syscall_entry = st_syscall,
	.report_syscall_exit = st_syscall,
	.report_death = st_death,
	.report_reap = st_reap,
};

#define STRESS_EVENTS (UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(EXEC) | \
		       UTRACE_EVENT(CLONE) | UTRACE_EVENT(EXIT) | \
		       UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP) | \
		       UTRACE_EVENT(SYSCALL_ENTRY) | UTRACE_EVENT(SYSCALL_EXIT))

static bool ours(struct task_struct *p)
{
	struct task_struct *parent = rcu_dereference(p->real_parent);

	return p->tgid == pid || (parent && parent->tgid == pid);
}

/* A random live thread of @pid or of one of its children, referenced. */
static struct task_struct *pick_task(void)
{
	struct task_struct *p, *t, *found = NULL;
	unsigned int n = 0, k;

	rcu_read_lock();
	for_each_process_thread(p, t)
		if (ours(p) && !(t->flags & PF_EXITING))
			n++;
	if (n) {
		k = get_random_u32() % n;
		for_each_process_thread(p, t) {
			if (!ours(p) || (t->flags & PF_EXITING))
				continue;
			if (k-- == 0) {
				get_task_struct(t);
				found = t;
				break;
			}
		}
	}
	rcu_read_unlock();
	return found;
}

static void slot_detach(struct slot *s)
{
	int ret = utrace_control(s->task, s->engine, UTRACE_DETACH);

	if (ret == -ESRCH)	/* reaped: the layer detached it already */
		detach_esrch++;
	utrace_barrier(s->task, s->engine);
	utrace_engine_put(s->engine);
	put_task_struct(s->task);
	s->task = NULL;
	s->engine = NULL;
	s->stopped_at = 0;
	detached++;
}

static void slot_attach(struct slot *s)
{
	struct task_struct *t = pick_task();
	struct utrace_engine *e;

	if (!t)
		return;
	e = utrace_attach_task(t, UTRACE_ATTACH_CREATE, &stress_ops, NULL);
	if (IS_ERR(e)) {
		attach_failed++;
		put_task_struct(t);
		return;
	}
	s->task = t;
	s->engine = e;
	s->stopped_at = 0;
	attached++;
	if (utrace_set_events(t, e, STRESS_EVENTS))
		slot_detach(s);		/* died meanwhile */
}

static struct slot *random_slot(bool used)
{
	unsigned int i, start = get_random_u32() % STRESS_SLOTS;

	for (i = 0; i < STRESS_SLOTS; i++) {
		struct slot *s = &slots[(start + i) % STRESS_SLOTS];

		if (!!s->engine == used)
			return s;
	}
	return NULL;
}

static int stress_thread(void *unused)
{
	struct slot *s;
	unsigned int r, i;

	while (!kthread_should_stop()) {
		/* Resume what we stopped a few ms ago. */
		for (i = 0; i < STRESS_SLOTS; i++) {
			s = &slots[i];
			if (s->engine && s->stopped_at &&
			    time_after(jiffies, s->stopped_at +
				       msecs_to_jiffies(3))) {
				utrace_control(s->task, s->engine,
					       UTRACE_RESUME);
				s->stopped_at = 0;
				resumes++;
			}
		}
		r = get_random_u32() % 100;
		if (r < 50) {
			s = random_slot(false);
			if (!s)
				s = random_slot(true), slot_detach(s);
			slot_attach(s);
		} else if (r < 85) {
			s = random_slot(true);
			if (s)
				slot_detach(s);
		} else {
			s = random_slot(true);
			if (s && !s->stopped_at) {
				/* -EINPROGRESS: it stops at its next quiescent point. */
				int ret = utrace_control(s->task, s->engine,
							 UTRACE_STOP);

				if (ret == 0 || ret == -EINPROGRESS) {
					s->stopped_at = jiffies;
					stops++;
				}
			}
		}
		usleep_range(200, 1000);
	}
	return 0;
}

static int __init stress_init(void)
{
	if (pid <= 0)
		return -EINVAL;
	worker = kthread_run(stress_thread, NULL, "ugdb_stress");
	return PTR_ERR_OR_ZERO(worker);
}

static void __exit stress_exit(void)
{
	int i;

	kthread_stop(worker);
	for (i = 0; i < STRESS_SLOTS; i++)
		if (slots[i].engine)
			slot_detach(&slots[i]);
	pr_info("ugdb_stress: attached %ld detached %ld stops %ld callbacks %ld attach_failed %ld detach_esrch %ld resumes %ld\n",
		attached, detached, stops, atomic_long_read(&callbacks),
		attach_failed, detach_esrch, resumes);
}

module_init(stress_init);
module_exit(stress_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb: engine layer stress (random attach/detach/stop)");
