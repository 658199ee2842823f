// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_main.c - /dev/ugdb: each open() is one GDB remote-protocol session
 * (see uapi/ugdb.h), and the module's init and exit.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ugdb.h"
#include "uapi/ugdb.h"

static int ugdb_open(struct inode *inode, struct file *file)
{
	struct ugdb_session *sess;

	sess = kvzalloc(sizeof(*sess), GFP_KERNEL);
	if (!sess)
		return -ENOMEM;
	sess->rsp = kvzalloc(sizeof(*sess->rsp), GFP_KERNEL);
	if (!sess->rsp) {
		kvfree(sess);
		return -ENOMEM;
	}
	mutex_init(&sess->mutex);
	spin_lock_init(&sess->lock);
	init_waitqueue_head(&sess->wq);
	INIT_LIST_HEAD(&sess->threads);
	INIT_LIST_HEAD(&sess->procs);
	sess->cred = get_cred(file->f_cred);
	sess->file = file;
	/* gdbserver's defaults for a launch */
	sess->run_shell = true;
	sess->run_no_aslr = true;
	rsp_session_init(sess->rsp, &ugdb_target_ops, sess, 0);
	/* the registers this CPU has, described as gdbserver would */
	rsp_session_set_reg_features(sess->rsp,
				     ugdb_regcache_init(&sess->regs));
	file->private_data = sess;
	return nonseekable_open(inode, file);
}

/*
 * Closing the session lets go of everything: a program it launched is
 * killed (unless gdb detached it), an attached one resumes with our
 * breakpoints gone.
 */
static int ugdb_release(struct inode *inode, struct file *file)
{
	struct ugdb_session *sess = file->private_data;

	mutex_lock(&sess->mutex);
	if (sess->pid)
		ugdb_forget_all(sess, UGDB_FORGET_END);
	ugdb_vfile_close_all(sess);
	mutex_unlock(&sess->mutex);
	put_cred(sess->cred);
	ugdb_run_free(sess);
	ugdb_osdata_free(sess);
	ugdb_regcache_free(&sess->regs);
	kvfree(sess->rsp);
	kvfree(sess);
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
			mutex_unlock(&sess->mutex);
			/* room again for a writer held back */
			ugdb_session_event(sess);
			return ret;
		}
		ret = sess->rsp->exited;
		mutex_unlock(&sess->mutex);
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
			mutex_unlock(&sess->mutex);
			return done ? done : -EFAULT;
		}
		ugdb_pump(sess);
		used = rsp_session_feed(sess->rsp, sess->scratch, chunk);
		mutex_unlock(&sess->mutex);
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
	mutex_lock(&sess->mutex);
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
	mutex_unlock(&sess->mutex);
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
	case UGDB_IOC_TRACEME:
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
	case UGDB_IOC_TRACEME:
		ret = ugdb_traceme(sess);
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
	mutex_unlock(&sess->mutex);
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

	ret = utrace_init();
	if (ret)
		return ret;
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
	return ret;
}

static void __exit ugdb_exit(void)
{
	misc_deregister(&ugdb_misc);
	utrace_hooks_exit();
	utrace_exit();
}

module_init(ugdb_init);
module_exit(ugdb_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb: in-kernel gdb remote stub on utrace-style engines");
