// SPDX-License-Identifier: GPL-2.0
/*
 * utrace_hooks.c - where the engine layer hears about tasks: tracepoints
 * for exec, fork, exit and reaping; die notifiers for user traps.
 *
 * Tracepoints are found by name with for_each_kernel_tracepoint(), since
 * their symbols are not exported to modules.  Every probe returns at once
 * unless some task has layer state (utrace_nr_tasks), so the cost for the
 * rest of the system is one load and a branch.
 */
#include <linux/kdebug.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/workqueue.h>
#include <asm/trapnr.h>

#include "utrace_internal.h"

static void probe_exec(void *data, struct task_struct *p, pid_t old_pid,
		       struct linux_binprm *bprm)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_report_exec(bprm);
}

static void probe_fork(void *data, struct task_struct *parent,
		       struct task_struct *child)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_report_clone(child);
}

static void probe_exit(void *data, struct task_struct *p)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_report_exit(p->exit_code);
}

static void probe_free(void *data, struct task_struct *p)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_release_task(p);
}

static void probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_report_syscall(regs, true);
}

static void probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	if (atomic_read(&utrace_nr_tasks))
		utrace_report_syscall(regs, false);
}

/*
 * Signal reports: only signals really queued (TRACE_SIGNAL_DELIVERED is
 * 0; ignored or already pending ones are not); SIGKILL and SIGSTOP are
 * the kernel's.  Job control: every SIGCONT (its work is done before the
 * tracepoint, even when it is then ignored), stop signals sent to a
 * whole process.
 */
static void probe_signal_generate(void *data, int sig,
				  struct kernel_siginfo *info,
				  struct task_struct *task, int group,
				  int result)
{
	if (!atomic_read(&utrace_nr_tasks))
		return;
	if (result == 0 && sig != SIGKILL && sig != SIGSTOP)
		utrace_signal_generated(task, sig, group);
	if (sig == SIGCONT || (result == 0 && group && sig_kernel_stop(sig)))
		utrace_jctl_signal(task, sig);
}

static void probe_signal_deliver(void *data, int sig,
				 struct kernel_siginfo *info,
				 struct k_sigaction *ka)
{
	if (!atomic_read(&utrace_nr_tasks))
		return;
	utrace_signal_delivering(ka->sa.sa_handler != SIG_DFL &&
				 ka->sa.sa_handler != SIG_IGN);
	/* get_signal() goes on to do_signal_stop() with it */
	if (sig_kernel_stop(sig) && ka->sa.sa_handler == SIG_DFL)
		utrace_jctl_stopping();
}

struct utrace_tp {
	const char *name;
	void *probe;
	struct tracepoint *tp;
};

/* Always registered while the module is loaded. */
static struct utrace_tp utrace_tps[] = {
	{ "sched_process_exec", probe_exec },
	{ "sched_process_fork", probe_fork },
	{ "sched_process_exit", probe_exit },
	{ "sched_process_free", probe_free },
	{ "signal_generate", probe_signal_generate },
	{ "signal_deliver", probe_signal_deliver },
};

/*
 * Registered only while an engine wants syscall events: registering them
 * sets TIF_SYSCALL_TRACEPOINT on every task, i.e. puts the whole system on
 * the slow system call path.
 */
static struct utrace_tp syscall_tps[] = {
	{ "sys_enter", probe_sys_enter },
	{ "sys_exit", probe_sys_exit },
};

static void find_tp(struct tracepoint *tp, void *priv)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(utrace_tps); i++)
		if (!strcmp(tp->name, utrace_tps[i].name))
			utrace_tps[i].tp = tp;
	for (i = 0; i < ARRAY_SIZE(syscall_tps); i++)
		if (!strcmp(tp->name, syscall_tps[i].name))
			syscall_tps[i].tp = tp;
}

/*
 * The syscall tracepoints follow syscall_users: registration may sleep,
 * so a change made where sleeping is not allowed (a callback) is applied
 * by a work item; the state is re-read under the mutex each time, so the
 * order of the changes does not matter.  They are switched on at once but
 * off only after a second without users: each switch patches kernel text
 * (and sets or clears a flag on every task), which engines that come and
 * go quickly should not cause a thousand times a second.
 */
#define SYSCALL_HOOKS_LINGER	HZ
static atomic_t syscall_users = ATOMIC_INIT(0);
static bool syscall_registered;
static DEFINE_MUTEX(syscall_mutex);

static void syscall_hooks_sync(void)
{
	bool want;
	int i;

	mutex_lock(&syscall_mutex);
	want = atomic_read(&syscall_users) > 0;
	if (want != syscall_registered) {
		for (i = 0; i < ARRAY_SIZE(syscall_tps); i++) {
			if (!syscall_tps[i].tp)
				continue;
			if (want)
				tracepoint_probe_register(syscall_tps[i].tp,
							  syscall_tps[i].probe,
							  NULL);
			else
				tracepoint_probe_unregister(syscall_tps[i].tp,
							    syscall_tps[i].probe,
							    NULL);
		}
		syscall_registered = want;
	}
	mutex_unlock(&syscall_mutex);
}

static void syscall_hooks_work_fn(struct work_struct *work)
{
	syscall_hooks_sync();
}

static DECLARE_DELAYED_WORK(syscall_hooks_work, syscall_hooks_work_fn);

void utrace_syscall_hooks_get(void)
{
	if (atomic_inc_return(&syscall_users) != 1)
		return;
	if (preemptible())
		syscall_hooks_sync();
	else
		mod_delayed_work(system_wq, &syscall_hooks_work, 0);
}

void utrace_syscall_hooks_put(void)
{
	if (atomic_dec_return(&syscall_users) == 0)
		mod_delayed_work(system_wq, &syscall_hooks_work,
				 SYSCALL_HOOKS_LINGER);
}

/*
 * User int3 (DIE_INT3) and debug traps (DIE_DEBUG, single step).  Runs
 * with interrupts off: the layer only records and queues task_work.
 * Uprobes sits above us (priority INT_MAX - 1) and takes the traps of
 * mms that have uprobes; we take only traps an engine claims, and pass
 * every other one on, so the task gets its SIGTRAP as usual.
 */
static int utrace_die_notify(struct notifier_block *nb, unsigned long val,
			     void *data)
{
	struct die_args *args = data;

	if (!user_mode(args->regs) || !atomic_read(&utrace_nr_tasks))
		return NOTIFY_DONE;
	switch (val) {
	case DIE_INT3:
		if (utrace_report_trap(args->regs, X86_TRAP_BP, NULL))
			return NOTIFY_STOP;
		break;
	case DIE_DEBUG:
		/* err carries a pointer to the DR6 value (notify_debug) */
		if (utrace_report_trap(args->regs, X86_TRAP_DB,
				       (unsigned long *)args->err))
			return NOTIFY_STOP;
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block utrace_die_nb = {
	.notifier_call = utrace_die_notify,
	.priority = 0,
};

static void unregister_tps(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(utrace_tps); i++) {
		if (utrace_tps[i].tp)
			tracepoint_probe_unregister(utrace_tps[i].tp,
						    utrace_tps[i].probe, NULL);
		utrace_tps[i].tp = NULL;
	}
}

int utrace_hooks_init(void)
{
	int i, ret;

	for_each_kernel_tracepoint(find_tp, NULL);
	for (i = 0; i < ARRAY_SIZE(syscall_tps); i++)
		if (!syscall_tps[i].tp)
			pr_warn("ugdb: tracepoint %s not found: no syscall events\n",
				syscall_tps[i].name);
	for (i = 0; i < ARRAY_SIZE(utrace_tps); i++) {
		if (!utrace_tps[i].tp) {
			pr_err("ugdb: tracepoint %s not found\n",
			       utrace_tps[i].name);
			ret = -ENOENT;
			goto fail;
		}
	}
	for (i = 0; i < ARRAY_SIZE(utrace_tps); i++) {
		ret = tracepoint_probe_register(utrace_tps[i].tp,
						utrace_tps[i].probe, NULL);
		if (ret) {
			pr_err("ugdb: cannot hook %s: %d\n",
			       utrace_tps[i].name, ret);
			for (; i < ARRAY_SIZE(utrace_tps); i++)
				utrace_tps[i].tp = NULL;
			goto fail;
		}
	}
	ret = register_die_notifier(&utrace_die_nb);
	if (ret)
		goto fail;
	return 0;
fail:
	unregister_tps();
	tracepoint_synchronize_unregister();
	return ret;
}

void utrace_hooks_exit(void)
{
	unregister_die_notifier(&utrace_die_nb);
	unregister_tps();
	/* every engine is gone, so syscall_users is 0 */
	cancel_delayed_work_sync(&syscall_hooks_work);
	syscall_hooks_sync();
	/* no probe or notifier of ours runs anywhere after this */
	tracepoint_synchronize_unregister();
	synchronize_rcu();
}
