// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_main.c - /dev/ugdb: each open() is one GDB remote-protocol session
 * (see uapi/ugdb.h), and the module's init and exit.
 *
 * A session's memory is charged to its opener's memory cgroup, and a user
 * may hold at most max_user_sessions of them at once (like inotify's
 * max_user_instances): /dev/ugdb is open to everyone.
 */
#include <linux/fs.h>
#include <linux/hashtable.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/pid_namespace.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "ugdb.h"
#include "uapi/ugdb.h"

static unsigned int max_user_sessions = 128;
module_param(max_user_sessions, uint, 0644);
MODULE_PARM_DESC(max_user_sessions,
		 "sessions (opens of /dev/ugdb) one user may hold at once");

/* Sessions per user (effective uid of the opener). */
struct ugdb_user {
	struct hlist_node node;
	kuid_t uid;
	unsigned int sessions;
};
static DEFINE_HASHTABLE(ugdb_users, 6);
static DEFINE_SPINLOCK(ugdb_users_lock);

static struct ugdb_user *ugdb_user_find(kuid_t uid)
{
	struct ugdb_user *u;

	hash_for_each_possible(ugdb_users, u, node, __kuid_val(uid))
		if (uid_eq(u->uid, uid))
			return u;
	return NULL;
}

/* Count one more session of @uid, within the bound. */
static int ugdb_user_get(kuid_t uid)
{
	struct ugdb_user *u, *fresh;
	int ret = 0;

	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL_ACCOUNT);
	if (!fresh)
		return -ENOMEM;
	spin_lock(&ugdb_users_lock);
	u = ugdb_user_find(uid);
	if (!u) {
		u = fresh;
		fresh = NULL;
		u->uid = uid;
		hash_add(ugdb_users, &u->node, __kuid_val(uid));
	}
	if (u->sessions >= READ_ONCE(max_user_sessions))
		ret = -EMFILE;
	else
		u->sessions++;
	if (!u->sessions) {
		hash_del(&u->node);
		fresh = u;	/* freed below */
	}
	spin_unlock(&ugdb_users_lock);
	kfree(fresh);
	return ret;
}

static void ugdb_user_put(kuid_t uid)
{
	struct ugdb_user *u;

	spin_lock(&ugdb_users_lock);
	u = ugdb_user_find(uid);
	if (u && !--u->sessions)
		hash_del(&u->node);
	else
		u = NULL;
	spin_unlock(&ugdb_users_lock);
	kfree(u);
}

/* Sessions whose end waits for their mutex (see ugdb_release()). */
static struct workqueue_struct *ugdb_wq;

static int ugdb_open(struct inode *inode, struct file *file)
{
	struct ugdb_session *sess;
	int ret;

	ret = ugdb_user_get(file->f_cred->euid);
	if (ret)
		return ret;
	ret = -ENOMEM;
	sess = kvzalloc(sizeof(*sess), GFP_KERNEL_ACCOUNT);
	if (!sess)
		goto out_user;
	sess->rsp = kvzalloc(sizeof(*sess->rsp), GFP_KERNEL_ACCOUNT);
	if (!sess->rsp)
		goto out_sess;
	sess->check_cred = ugdb_check_cred(file->f_cred);
	if (!sess->check_cred)
		goto out_rsp;
	mutex_init(&sess->mutex);
	raw_spin_lock_init(&sess->lock);
	init_waitqueue_head(&sess->wq);
	init_irq_work(&sess->wake_work, ugdb_session_wake_fn);
	INIT_LIST_HEAD(&sess->threads);
	INIT_LIST_HEAD(&sess->procs);
	sess->cred = get_cred(file->f_cred);
	sess->pid_ns = get_pid_ns(task_active_pid_ns(current));
	/* gdbserver's defaults for a launch */
	sess->run_shell = true;
	sess->run_no_aslr = true;
	rsp_session_init(sess->rsp, &ugdb_target_ops, sess, 0);
	/* the registers this CPU has, described as gdbserver would */
	rsp_session_set_reg_features(sess->rsp,
				     ugdb_regcache_init(&sess->regs));
	file->private_data = sess;
	return nonseekable_open(inode, file);
out_rsp:
	kvfree(sess->rsp);
out_sess:
	kvfree(sess);
out_user:
	ugdb_user_put(file->f_cred->euid);
	return ret;
}

/*
 * Unlock the session, and wake pollers that found it locked (they
 * return no news rather than wait for the mutex: ugdb_poll()).
 */
void ugdb_unlock(struct ugdb_session *sess)
{
	mutex_unlock(&sess->mutex);
	if (atomic_xchg(&sess->poll_missed, 0))
		ugdb_session_event(sess);
}

/*
 * The end of a session, with its mutex held: a program it launched is
 * killed (unless gdb detached it), an attached one resumes with our
 * breakpoints gone.
 */
static void ugdb_session_end(struct ugdb_session *sess)
{
	kuid_t uid = sess->cred->euid;

	if (sess->pid)
		ugdb_forget_all(sess, UGDB_FORGET_END);
	ugdb_vfile_close_all(sess);
	mutex_unlock(&sess->mutex);
	put_cred(sess->check_cred);
	put_cred(sess->cred);
	put_pid_ns(sess->pid_ns);
	ugdb_run_free(sess);
	ugdb_osdata_free(sess);
	ugdb_regcache_free(&sess->regs);
	/* no callback runs for the session any more: its last wake */
	irq_work_sync(&sess->wake_work);
	kvfree(sess->rsp);
	kvfree(sess);
	ugdb_user_put(uid);
}

static void ugdb_release_work(struct work_struct *work)
{
	struct ugdb_session *sess = container_of(work, struct ugdb_session,
						 release_work);

	/* a worker gets no signal: a killable wait that never trips */
	while (mutex_lock_killable(&sess->mutex))
		;
	ugdb_session_end(sess);
}

/*
 * The last close.  Another path may hold the mutex for seconds (a stop
 * that times out); the closer waits for it killably, and a closer that is
 * killed meanwhile leaves the end of the session to a worker.
 */
static int ugdb_release(struct inode *inode, struct file *file)
{
	struct ugdb_session *sess = file->private_data;

	if (mutex_lock_killable(&sess->mutex)) {
		INIT_WORK(&sess->release_work, ugdb_release_work);
		queue_work(ugdb_wq, &sess->release_work);
		return 0;
	}
	ugdb_session_end(sess);
	return 0;
}

static ssize_t ugdb_read(struct file *file, char __user *ubuf, size_t count,
			 loff_t *ppos)
{
	struct ugdb_session *sess = file->private_data;
	const u8 *out;
	u32 len;
	int seen, ret;

	for (;;) {
		seen = atomic_read(&sess->events);
		if (mutex_lock_interruptible(&sess->mutex))
			return -ERESTARTSYS;
		ugdb_pump(sess);
		out = rsp_session_output(sess->rsp, &len);
		if (len) {
			len = min_t(size_t, len, count);
			ret = copy_to_user(ubuf, out, len) ? -EFAULT : len;
			if (ret > 0)
				rsp_session_consume(sess->rsp, len);
			ugdb_unlock(sess);
			/* room again for a writer held back */
			ugdb_session_event(sess);
			return ret;
		}
		ret = sess->rsp->exited;
		ugdb_unlock(sess);
		if (ret)
			return 0;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(sess->wq,
					     atomic_read(&sess->events) != seen))
			return -ERESTARTSYS;
	}
}

static ssize_t ugdb_write(struct file *file, const char __user *ubuf,
			  size_t count, loff_t *ppos)
{
	struct ugdb_session *sess = file->private_data;
	size_t done = 0;
	int seen;

	while (done < count) {
		u32 chunk = min_t(size_t, count - done, sizeof(sess->scratch));
		u32 used;

		seen = atomic_read(&sess->events);
		if (mutex_lock_interruptible(&sess->mutex))
			return done ? done : -ERESTARTSYS;
		if (copy_from_user(sess->scratch, ubuf + done, chunk)) {
			ugdb_unlock(sess);
			return done ? done : -EFAULT;
		}
		ugdb_pump(sess);
		used = rsp_session_feed(sess->rsp, sess->scratch, chunk);
		ugdb_unlock(sess);
		done += used;
		if (used)
			continue;
		/* the output is full: gdb's side must read first */
		if (done || (file->f_flags & O_NONBLOCK))
			break;
		if (wait_event_interruptible(sess->wq,
					     atomic_read(&sess->events) != seen))
			return -ERESTARTSYS;
	}
	ugdb_session_event(sess);
	return done ? done : -EAGAIN;
}

static __poll_t ugdb_poll(struct file *file, poll_table *wait)
{
	struct ugdb_session *sess = file->private_data;
	__poll_t mask = 0;
	u32 len;

	poll_wait(file, &sess->wq, wait);
	if (!mutex_trylock(&sess->mutex)) {
		/* busy for now: the holder wakes us when it lets go */
		atomic_set(&sess->poll_missed, 1);
		/* the flag, then the retry: ugdb_unlock() does the reverse */
		smp_mb__after_atomic();
		if (!mutex_trylock(&sess->mutex))
			return 0;
	}
	ugdb_pump(sess);
	rsp_session_output(sess->rsp, &len);
	if (len || sess->rsp->exited)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (len < sizeof(sess->rsp->out) / 2)
		mask |= EPOLLOUT | EPOLLWRNORM;
	/* a vRun or an osdata request waits for the relay (*_GET) */
	if (sess->run_state == UGDB_RUN_PENDING ||
	    sess->osdata_state == UGDB_OSDATA_PENDING)
		mask |= EPOLLPRI;
	ugdb_unlock(sess);
	return mask;
}

static long ugdb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ugdb_session *sess = file->private_data;
	void __user *uarg = (void __user *)arg;
	long ret;
	s32 pid, result;
	u32 mode;

	switch (cmd) {
	case UGDB_IOC_WAIT_STOP:
		return ugdb_wait_stop(sess);
	case UGDB_IOC_ATTACH:
	case UGDB_IOC_LAUNCH:
		if (get_user(pid, (s32 __user *)uarg))
			return -EFAULT;
		break;
	case UGDB_IOC_SET_MODE:
		if (get_user(mode, (u32 __user *)uarg))
			return -EFAULT;
		if (mode & ~(UGDB_MODE_EXTENDED | UGDB_MODE_LAUNCHER |
			     UGDB_MODE_OSDATA))
			return -EINVAL;
		break;
	case UGDB_IOC_RUN_DONE:
		if (get_user(result, (s32 __user *)uarg))
			return -EFAULT;
		break;
	case UGDB_IOC_RUN_GET:
	case UGDB_IOC_OSDATA_GET:
	case UGDB_IOC_OSDATA_PUT:
		break;
	default:
		return -ENOTTY;
	}

	if (mutex_lock_interruptible(&sess->mutex))
		return -ERESTARTSYS;
	switch (cmd) {
	case UGDB_IOC_ATTACH:
		/* the relay's --attach: the session's first process */
		ret = sess->pid ? -EBUSY : ugdb_attach_process(sess, pid);
		break;
	case UGDB_IOC_LAUNCH:
		ret = ugdb_launch(sess, pid);
		break;
	case UGDB_IOC_RUN_GET:
		ret = ugdb_run_get(sess, uarg);
		break;
	case UGDB_IOC_RUN_DONE:
		ret = ugdb_run_done(sess, result);
		break;
	case UGDB_IOC_OSDATA_GET:
		ret = ugdb_osdata_get(sess, uarg);
		break;
	case UGDB_IOC_OSDATA_PUT:
		ret = ugdb_osdata_put(sess, uarg);
		break;
	default:
		sess->launcher = mode & UGDB_MODE_LAUNCHER;
		sess->osdata_relay = mode & UGDB_MODE_OSDATA;
		sess->extended = mode & UGDB_MODE_EXTENDED;
		sess->rsp->extended = sess->extended;
		ret = 0;
		break;
	}
	ugdb_unlock(sess);
	return ret;
}

static const struct file_operations ugdb_fops = {
	.owner = THIS_MODULE,
	.open = ugdb_open,
	.release = ugdb_release,
	.read = ugdb_read,
	.write = ugdb_write,
	.poll = ugdb_poll,
	.unlocked_ioctl = ugdb_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

/* Anyone may open it, as anyone may call ptrace: attach checks the rights. */
static struct miscdevice ugdb_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = UGDB_DEVICE_NAME,
	.fops = &ugdb_fops,
	.mode = 0666,
};

static int __init ugdb_init(void)
{
	int ret;

	ret = ugdb_perm_init();
	if (ret)
		return ret;
	ret = -ENOMEM;
	ugdb_wq = alloc_workqueue("ugdb_release", 0, 0);
	if (!ugdb_wq)
		goto out_perm;
	ret = utrace_init();
	if (ret)
		goto out_wq;
	ret = utrace_hooks_init();
	if (ret)
		goto out_utrace;
	ret = misc_register(&ugdb_misc);
	if (ret)
		goto out_hooks;
	return 0;
out_hooks:
	utrace_hooks_exit();
out_utrace:
	utrace_exit();
out_wq:
	destroy_workqueue(ugdb_wq);
out_perm:
	ugdb_perm_exit();
	return ret;
}

static void __exit ugdb_exit(void)
{
	misc_deregister(&ugdb_misc);
	/* sessions whose end a worker makes: done before the layer goes */
	destroy_workqueue(ugdb_wq);
	utrace_hooks_exit();
	utrace_exit();
	ugdb_perm_exit();
}

module_init(ugdb_init);
module_exit(ugdb_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb: in-kernel gdb remote stub on utrace-style engines");
