// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_siginfo.c - the siginfo of a thread's stop, as PTRACE_GETSIGINFO
 * would give it for the same stop under ptrace (qXfer:siginfo, gdb's
 * $_siginfo).
 *
 * A stop for a signal has the signal's own siginfo (the one the engine
 * layer holds).  A stop at a trap has the siginfo of the SIGTRAP the
 * kernel would have sent: si_code SI_KERNEL for int3, TRAP_HWBKPT for a
 * debug register, TRAP_TRACE for a step, with si_addr the pc at the trap
 * (send_sigtrap()); SI_USER from the process itself after exec (the
 * legacy exec SIGTRAP of a ptraced task).  Stops without a signal of the
 * thread's own (^C, threads stopped because another one stopped) have
 * none: -ENODATA.
 *
 * The user layout of amd64 is the kernel's siginfo followed by zeros up
 * to 128 bytes (copy_siginfo_to_user()).
 */
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/string.h>

#include "ugdb.h"

#define USER_SIGINFO_SIZE	128	/* sizeof(siginfo_t) in user space */

static_assert(sizeof(kernel_siginfo_t) <= USER_SIGINFO_SIZE);

void ugdb_trap_siginfo(kernel_siginfo_t *info, int code, u64 addr)
{
	clear_siginfo(info);
	info->si_signo = SIGTRAP;
	info->si_code = code;
	switch (code) {
	case SI_USER:
		info->si_pid = task_tgid_vnr(current);
		info->si_uid = from_kuid_munged(current_user_ns(),
						current_uid());
		break;
	case TRAP_HWBKPT:
	case TRAP_TRACE:
		info->si_addr = (void __user *)(unsigned long)addr;
		break;
	}
}

/* The 128 user bytes of @t's siginfo; false if its stop has none. */
static bool user_siginfo(struct ugdb_session *sess, struct ugdb_thread *t,
			 u8 *out)
{
	unsigned long flags;
	bool has;

	memset(out, 0, USER_SIGINFO_SIZE);
	raw_spin_lock_irqsave(&sess->lock, flags);
	has = t->has_siginfo;
	if (has)
		memcpy(out, &t->siginfo, sizeof(t->siginfo));
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return has;
}

/*
 * @t's siginfo in @user, and how much of [@off, @off + *@len) it holds
 * (*@len cut to that): -ENODATA without one, 0 from its end on, else 1.
 */
static int siginfo_span(struct ugdb_session *sess, struct ugdb_thread *t,
			u8 *user, u64 off, u32 *len)
{
	if (!user_siginfo(sess, t, user))
		return -ENODATA;
	if (off >= USER_SIGINFO_SIZE)
		return 0;
	if (*len > USER_SIGINFO_SIZE - off)
		*len = USER_SIGINFO_SIZE - off;
	return 1;
}

long ugdb_read_siginfo(struct ugdb_session *sess, struct ugdb_thread *t,
		       u64 off, u8 *buf, u32 len)
{
	u8 user[USER_SIGINFO_SIZE];
	int ret = siginfo_span(sess, t, user, off, &len);

	if (ret <= 0)
		return ret;
	memcpy(buf, user + off, len);
	return len;
}

/*
 * Change the siginfo from @off.  Only the kernel's part of the layout is
 * kept (what follows is always zero, as PTRACE_SETSIGINFO does).  A held
 * signal is then delivered with it.
 */
long ugdb_write_siginfo(struct ugdb_session *sess, struct ugdb_thread *t,
			u64 off, const u8 *buf, u32 len)
{
	u8 user[USER_SIGINFO_SIZE];
	kernel_siginfo_t info;
	unsigned long flags;
	bool held;
	int ret;

	ret = siginfo_span(sess, t, user, off, &len);
	if (ret <= 0)
		return ret;
	memcpy(user + off, buf, len);
	memcpy(&info, user, sizeof(info));
	raw_spin_lock_irqsave(&sess->lock, flags);
	held = t->signal_held;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (held) {
		ret = utrace_signal_info(t->task, t->engine, &info);
		if (ret)
			return ret;
	}
	raw_spin_lock_irqsave(&sess->lock, flags);
	t->siginfo = info;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return len;
}
