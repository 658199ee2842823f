// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_bench.c - the engine of the syscall benchmark (make bench): it
 * attaches to every thread of process @pid an engine that asks for
 * syscall entry and exit reports and returns at once, i.e. the cheapest
 * possible client of the reporting pass.  Detaches on unload.
 */
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

#include "../utrace.h"

#define BENCH_MAX_THREADS	64

static int pid;
module_param(pid, int, 0444);
MODULE_PARM_DESC(pid, "process whose threads get the engine");

static struct task_struct *tasks[BENCH_MAX_THREADS];
static struct utrace_engine *engines[BENCH_MAX_THREADS];
static int nr;

static u32 bench_syscall(u32 action, struct utrace_engine *engine,
			 struct pt_regs *regs)
{
	return UTRACE_RESUME;
}

static const struct utrace_engine_ops bench_ops = {
	.report_syscall_entry = bench_syscall,
	.report_syscall_exit = bench_syscall,
};

static void bench_detach_all(void)
{
	while (nr > 0) {
		nr--;
		utrace_control(tasks[nr], engines[nr], UTRACE_DETACH);
		utrace_barrier(tasks[nr], engines[nr]);
		utrace_engine_put(engines[nr]);
		put_task_struct(tasks[nr]);
	}
}

static int __init bench_init(void)
{
	struct task_struct *leader, *t;
	struct utrace_engine *e;
	int i, n = 0;

	leader = get_pid_task(find_vpid(pid), PIDTYPE_TGID);
	if (!leader)
		return -ESRCH;
	rcu_read_lock();
	for_each_thread(leader, t) {
		if (n == BENCH_MAX_THREADS)
			break;
		get_task_struct(t);
		tasks[n++] = t;
	}
	rcu_read_unlock();
	put_task_struct(leader);

	for (i = 0; i < n; i++) {
		e = utrace_attach_task(tasks[i], UTRACE_ATTACH_CREATE,
				       &bench_ops, NULL);
		if (IS_ERR(e)) {
			put_task_struct(tasks[i]);
			continue;
		}
		utrace_set_events(tasks[i], e,
				  UTRACE_EVENT(SYSCALL_ENTRY) |
				  UTRACE_EVENT(SYSCALL_EXIT));
		tasks[nr] = tasks[i];
		engines[nr++] = e;
	}
	return nr ? 0 : -ESRCH;
}

static void __exit bench_exit(void)
{
	bench_detach_all();
}

module_init(bench_init);
module_exit(bench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb: null syscall engine for the benchmark");
