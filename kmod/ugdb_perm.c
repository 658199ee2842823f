// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_perm.c - may this session debug that task?  The kernel decides.
 *
 * A session may do what a ptrace tracer with its opener's credentials
 * may do.  ptrace's rule is __ptrace_may_access() (same ids or
 * CAP_SYS_PTRACE over the target's user namespace; a dumpable mm) plus
 * every LSM's ptrace_access_check hook (commoncap's capability subset,
 * Yama's ptrace_scope, SELinux, AppArmor, Landlock).  None of that is
 * exported to modules, and a copy would drift from the kernel it runs
 * on.  One exported path runs exactly that check: opening /proc/PID/mem
 * calls mm_access(task, PTRACE_MODE_ATTACH | PTRACE_MODE_FSCREDS) under
 * the target's exec_update_lock.  So the module mounts a private procfs
 * and opens PID/mem there (dentry_open(), read-only, closed at once)
 * with the opener's credentials in force; fsuid and fsgid are set to
 * the real ids first, which makes the FSCREDS check ptrace's REALCREDS
 * one.  doc/security.md says why this is ptrace's attach check, where
 * it is stricter, and how exec and memory access are handled.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/security.h>
#include <linux/user_namespace.h>

#include "compat.h"
#include "ugdb.h"

/* procfs of the module's own, seen by nobody else */
static struct vfsmount *ugdb_proc_mnt;

int __init ugdb_perm_init(void)
{
	struct file_system_type *proc = get_fs_type("proc");

	if (!proc)
		return -ENODEV;
	ugdb_proc_mnt = kern_mount(proc);
	module_put(proc->owner);
	if (IS_ERR(ugdb_proc_mnt))
		return PTR_ERR(ugdb_proc_mnt);
	return 0;
}

void ugdb_perm_exit(void)
{
	kern_unmount(ugdb_proc_mnt);
}

/**
 * ugdb_check_cred - the credentials a session's access checks run with
 * @opener: the opener's (file->f_cred)
 *
 * A copy with fsuid and fsgid set to the real uid and gid: the proc
 * check (PTRACE_MODE_FSCREDS) then compares the ids ptrace_attach()
 * compares (PTRACE_MODE_REALCREDS).  Returns NULL without memory.
 */
const struct cred *ugdb_check_cred(const struct cred *opener)
{
	const struct cred *old = override_creds(opener);
	struct cred *c = prepare_creds();

	revert_creds(old);
	if (!c)
		return NULL;
	c->fsuid = c->uid;
	c->fsgid = c->gid;
	return c;
}

/* Open @task's mem file in our procfs with the session's check cred. */
static int ugdb_proc_mem_open(struct ugdb_session *sess,
			      struct task_struct *task)
{
	const struct cred *old;
	struct path path;
	struct file *f;
	char name[24];
	pid_t nr;
	int ret;

	nr = task_pid_nr_ns(task, proc_pid_ns(ugdb_proc_mnt->mnt_sb));
	if (!nr)
		return -ESRCH;
	snprintf(name, sizeof(name), "%d/mem", nr);
	old = override_creds(sess->check_cred);
	ret = vfs_path_lookup(ugdb_proc_mnt->mnt_root, ugdb_proc_mnt, name,
			      0, &path);
	if (!ret) {
		/* the check is mm_access() in the open itself */
		f = dentry_open(&path, O_RDONLY, sess->check_cred);
		path_put(&path);
		if (IS_ERR(f))
			ret = PTR_ERR(f);
		else
			fput(f);
	}
	revert_creds(old);
	if (ret == -ENOENT)
		return -ESRCH;	/* its /proc directory went: it is gone */
	return ret == -EACCES ? -EPERM : ret;
}

/**
 * ugdb_may_attach - may the session attach to @task now?
 * @sess: the session, whose opener's credentials count
 * @task: a thread of the process (the leader, for an attach)
 *
 * ptrace_attach()'s checks: no kernel thread, not the caller's own
 * process, not a task that is exiting, and the kernel's own ptrace
 * access check in attach mode (see the top of this file).  The caller
 * holds @task's cred_guard_mutex (ugdb_lock_creds()) when it attaches
 * on the strength of the answer, so that no exec changes the task's
 * credentials in between.  Returns 0, -ESRCH (exiting or gone), -EPERM,
 * or another error of the check itself (-ENOMEM...): not allowed either.
 */
int ugdb_may_attach(struct ugdb_session *sess, struct task_struct *task)
{
	struct mm_struct *mm;
	int ret;

	if (task->flags & PF_KTHREAD)
		return -EPERM;
	if (same_thread_group(task, current))
		return -EPERM;	/* a relay cannot stop itself */
	if (task->exit_state)
		return -EPERM;	/* ptrace_attach() refuses a zombie too */
	/*
	 * An mm of its own to check: mm_access() checks nothing for a task
	 * without one (exiting) or for one sharing the caller's.
	 */
	mm = get_task_mm(task);
	if (!mm)
		return -ESRCH;
	ret = -EPERM;
	if (mm != current->mm)
		ret = ugdb_proc_mem_open(sess, task);
	/* what the open checked is still the task's (no exec, no exit) */
	if (!ret && READ_ONCE(task->mm) != mm)
		ret = -ESRCH;
	mmput(mm);
	return ret;
}

/**
 * ugdb_lock_creds - hold off @task's exec (its credential change)
 * @task: a task of the process about to be attached or checked
 *
 * cred_guard_mutex, as ptrace_attach() takes it: an exec in progress
 * finishes first, one that comes later sees the engine.  Killable.
 */
int ugdb_lock_creds(struct task_struct *task)
{
	return mutex_lock_killable(&task->signal->cred_guard_mutex);
}

void ugdb_unlock_creds(struct task_struct *task)
{
	mutex_unlock(&task->signal->cred_guard_mutex);
}

/**
 * ugdb_mm_allowed - may the session read or write @mm's memory?
 * @sess: the session
 * @mm: the memory of a task the session is attached to
 *
 * ptrace_access_vm()'s rule, at every access: the mm is dumpable, or the
 * opener has CAP_SYS_PTRACE over the namespace that owns it.  So an exec
 * of an execute-only program, PR_SET_DUMPABLE 0 or a privilege gain
 * takes the memory away as it does from a tracer.
 */
bool ugdb_mm_allowed(struct ugdb_session *sess, struct mm_struct *mm)
{
	const struct cred *old;
	bool ok;

	if (get_dumpable(mm) == SUID_DUMP_USER)
		return true;
	/* ptracer_capable(): the tracer's credentials, not the caller's */
	old = override_creds(sess->cred);
	ok = ns_capable_noaudit(mm->user_ns, CAP_SYS_PTRACE);
	revert_creds(old);
	return ok;
}

static u32 cred_secid(const struct cred *c)
{
	u32 secid = 0;

	security_cred_getsecid(c, &secid);
	return secid;
}

/**
 * ugdb_cred_same - did an exec leave the task's credentials as they were?
 * @a: the credentials the last check passed with
 * @b: the task's credentials now
 *
 * Ids, capabilities, user namespace and LSM label.  When they are the
 * same, what ptrace would let a tracer keep across that exec the session
 * keeps too (see ugdb_proc_recheck()).
 */
bool ugdb_cred_same(const struct cred *a, const struct cred *b)
{
	return uid_eq(a->uid, b->uid) && uid_eq(a->euid, b->euid) &&
	       uid_eq(a->suid, b->suid) && uid_eq(a->fsuid, b->fsuid) &&
	       gid_eq(a->gid, b->gid) && gid_eq(a->egid, b->egid) &&
	       gid_eq(a->sgid, b->sgid) && gid_eq(a->fsgid, b->fsgid) &&
	       cap_issubset(b->cap_permitted, a->cap_permitted) &&
	       cap_issubset(b->cap_effective, a->cap_effective) &&
	       cap_issubset(b->cap_ambient, a->cap_ambient) &&
	       a->user_ns == b->user_ns && cred_secid(a) == cred_secid(b);
}
