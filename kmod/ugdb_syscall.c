// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_syscall.c - QCatchSyscalls: "syscall_entry" and "syscall_return"
 * stops.
 *
 * Under ptrace, gdbserver stops a task at a caught call's entry (before
 * the kernel runs it) and again at its return.  The engine layer cannot
 * hold a task inside a system call: a stop asked for in the entry report
 * happens at the next return to user mode, after the call (utrace.h).
 * So the entry report only notes the call; the exit report stops the
 * task once, and gdb is told of the entry first and, when it resumes the
 * task, of the return, which is owed already and is reported without
 * running anything.  gdb sees both stops in ptrace's order, at the same
 * pc (after the syscall instruction), with the call's number in orig_rax.
 * What differs from ptrace (doc/status.md):
 * - at the entry stop the call has already run: rax holds its result,
 *   not -ENOSYS, and changing the arguments there changes nothing;
 * - a call that blocks is reported only once it returns;
 * - a call that does not return (exit, exit_group, a successful execve:
 *   its exec stop comes instead) has no stops, nor has a call during
 *   which the task stopped for another event (a fork, a signal).
 */
#include <linux/ptrace.h>

#include "ugdb.h"

static bool caught(struct ugdb_session *sess, long nr)
{
	if (!READ_ONCE(sess->catch_syscalls))
		return false;
	if (READ_ONCE(sess->catch_all))
		return true;
	return nr >= 0 && nr < UGDB_NR_SYSCALLS &&
	       test_bit(nr, sess->catch_nrs);
}

/* In the task, at the call's entry: remember it, stop at its end. */
u32 ugdb_report_syscall_entry(u32 action, struct utrace_engine *engine,
			      struct pt_regs *regs)
{
	struct ugdb_thread *t = engine->data;

	t->syscall_nr = regs->orig_ax;
	t->in_syscall = caught(t->sess, regs->orig_ax);
	return UTRACE_RESUME_MAX;	/* no opinion */
}

u32 ugdb_report_syscall_exit(u32 action, struct utrace_engine *engine,
			     struct pt_regs *regs)
{
	struct ugdb_thread *t = engine->data;
	struct ugdb_session *sess = t->sess;
	unsigned long flags;
	bool busy;

	if (!t->in_syscall)
		return UTRACE_RESUME_MAX;
	t->in_syscall = false;
	if (!caught(sess, t->syscall_nr))
		return UTRACE_RESUME_MAX;
	raw_spin_lock_irqsave(&sess->lock, flags);
	busy = t->event_sig != 0;	/* another event comes first */
	if (!busy)
		t->return_owed = true;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (busy)
		return UTRACE_RESUME_MAX;
	return ugdb_thread_event(t, SIGTRAP, RSP_REASON_SYSCALL_ENTRY,
				 t->syscall_nr);
}

/*
 * The entry stop of @t was just taken for gdb (sess->lock held): the
 * return becomes its next event, reported when gdb resumes it.
 */
void ugdb_syscall_taken(struct ugdb_thread *t)
{
	if (t->event_reason != RSP_REASON_SYSCALL_ENTRY || !t->return_owed)
		return;
	t->return_owed = false;
	t->event_sig = SIGTRAP;
	t->event_reason = RSP_REASON_SYSCALL_RETURN;
}

/*
 * Is the return owed to @t (its pending event) still wanted?  gdb sends
 * QCatchSyscalls:0 at every stop and the set again at the next resume
 * (it removes its catchpoints while stopped), so the owed return is
 * kept until then, and dropped only if the call is no longer caught when
 * gdb resumes the thread: then gdbserver's ptrace would not stop it at
 * the return either.
 */
bool ugdb_syscall_return_wanted(struct ugdb_session *sess,
				struct ugdb_thread *t)
{
	return t->event_reason != RSP_REASON_SYSCALL_RETURN ||
	       caught(sess, t->event_arg);
}

/*
 * QCatchSyscalls, everything stopped (sess->mutex held).  The engines
 * ask for syscall reports only while something is caught: while they
 * do, every task of the system takes the slow system call path.
 */
int ugdb_catch_syscalls(struct ugdb_session *sess, int enable,
			const u32 *nrs, u32 n)
{
	struct ugdb_thread *t;
	unsigned long flags;
	u32 i;

	if (!sess->pid)
		return -ESRCH;
	for (i = 0; i < n; i++)
		if (nrs[i] >= UGDB_NR_SYSCALLS)
			return -EINVAL;
	raw_spin_lock_irqsave(&sess->lock, flags);
	bitmap_zero(sess->catch_nrs, UGDB_NR_SYSCALLS);
	for (i = 0; i < n; i++)
		__set_bit(nrs[i], sess->catch_nrs);
	sess->catch_all = enable && !n;
	sess->catch_syscalls = enable;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	list_for_each_entry(t, &sess->threads, node)
		if (!t->exited)
			utrace_set_events(t->task, t->engine,
					  ugdb_events_wanted(sess));
	return 0;
}
