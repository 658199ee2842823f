// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_perm.c - may this session debug that task?
 *
 * The rule is ptrace's (ptrace_may_access() is not exported to modules,
 * so it is restated here): the session's opener -- not whoever happens
 * to call write() -- must have the same real, effective and saved ids as
 * the target and the target must be dumpable, or the opener must have
 * CAP_SYS_PTRACE in the target's user namespace.  LSM hooks (Yama's
 * ptrace_scope, SELinux) cannot be consulted from a module; see
 * doc/design.md.
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/user_namespace.h>

#include "ugdb.h"

static bool same_ids(const struct cred *a, const struct cred *t)
{
	return uid_eq(a->uid, t->euid) && uid_eq(a->uid, t->suid) &&
	       uid_eq(a->uid, t->uid) && gid_eq(a->gid, t->egid) &&
	       gid_eq(a->gid, t->sgid) && gid_eq(a->gid, t->gid);
}

int ugdb_may_attach(struct ugdb_session *sess, struct task_struct *task)
{
	const struct cred *tcred;
	struct user_namespace *ns;
	struct mm_struct *mm;
	bool ids, dumpable = true;

	if (task->flags & PF_KTHREAD)
		return -EPERM;
	if (same_thread_group(task, current))
		return -EPERM;	/* a relay cannot stop itself */

	rcu_read_lock();
	tcred = __task_cred(task);
	ids = same_ids(sess->cred, tcred);
	ns = get_user_ns(tcred->user_ns);
	rcu_read_unlock();

	mm = get_task_mm(task);
	if (mm) {
		dumpable = get_dumpable(mm) == SUID_DUMP_USER;
		mmput(mm);
	}
	if (!(ids && dumpable) &&
	    !file_ns_capable(sess->file, ns, CAP_SYS_PTRACE)) {
		put_user_ns(ns);
		return -EPERM;
	}
	put_user_ns(ns);
	return 0;
}
