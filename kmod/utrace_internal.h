/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utrace_internal.h - what utrace.c offers its hooks (utrace_hooks.c).
 * Clients use utrace.h only.
 */
#ifndef UGDB_UTRACE_INTERNAL_H
#define UGDB_UTRACE_INTERNAL_H

#include "utrace.h"

/*
 * Debug tracing into the ftrace buffer (/sys/kernel/tracing/trace), for
 * races that a kernel log would hide: build with "make -C kmod
 * UGDB_TRACE=y".  Compiled out otherwise.
 */
#ifdef UGDB_TRACE
#define utrace_dbg(fmt, ...) \
	trace_printk("%d " fmt "\n", current->pid, ##__VA_ARGS__)
#else
#define utrace_dbg(fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#endif

/* Non-zero while any task has layer state: the hooks' fast exit. */
extern atomic_t utrace_nr_tasks;

void utrace_report_exec(const struct linux_binprm *bprm);
void utrace_report_clone(struct task_struct *child);
void utrace_report_exit(long code);
/* true if an engine claimed the trap (the task must not get SIGTRAP) */
bool utrace_report_trap(struct pt_regs *regs, int trapnr, unsigned long *dr6);
void utrace_report_syscall(struct pt_regs *regs, bool entry);
void utrace_signal_generated(struct task_struct *task, int sig, bool group);
/* get_signal() is delivering a signal to current; @handler: to a handler */
void utrace_signal_delivering(bool handler);
/* job control: a group stop starts in current; SIGCONT or a stop sent */
void utrace_jctl_stopping(void);
void utrace_jctl_signal(struct task_struct *task, int sig);
void utrace_release_task(struct task_struct *task);
/* utrace_hooks.c: the syscall tracepoints, while an engine wants them */
void utrace_syscall_hooks_get(void);
void utrace_syscall_hooks_put(void);

#endif /* UGDB_UTRACE_INTERNAL_H */
