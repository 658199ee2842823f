// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_info.c - what gdb reads about the debugged process besides its
 * registers and memory: thread names, the executable's path, the
 * auxiliary vector (the qXfer objects threads, exec-file and auxv).
 */
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ugdb.h"

int ugdb_thread_name(struct task_struct *task, char *buf, u32 len)
{
	char comm[TASK_COMM_LEN];

	if (!len)
		return -EINVAL;
	__get_task_comm(comm, sizeof(comm), task);
	return strscpy(buf, comm, len) < 0 ? len - 1 : strlen(buf);
}

int ugdb_exec_file(struct task_struct *task, char *buf, u32 len)
{
	struct mm_struct *mm = get_task_mm(task);
	struct file *exe = NULL;
	char *tmp, *path;
	int ret;

	if (!mm)
		return -ESRCH;
	/*
	 * The mm's reference to its executable is dropped only under the
	 * mmap write lock (or when the mm dies): holding the read lock, a
	 * reference of our own can be taken safely.
	 */
	mmap_read_lock(mm);
	rcu_read_lock();
	exe = rcu_dereference(mm->exe_file);
	if (exe)
		get_file(exe);
	rcu_read_unlock();
	mmap_read_unlock(mm);
	mmput(mm);
	if (!exe)
		return -ENOENT;

	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	ret = -ENOMEM;
	if (tmp) {
		path = d_path(&exe->f_path, tmp, PATH_MAX);
		if (IS_ERR(path))
			ret = PTR_ERR(path);
		else if (strscpy(buf, path, len) < 0)
			ret = -ENAMETOOLONG;
		else
			ret = strlen(buf);
		kfree(tmp);
	}
	fput(exe);
	return ret;
}

long ugdb_read_auxv(struct ugdb_session *sess, struct task_struct *task,
		    u64 off, u8 *buf, u32 len)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned int n = 0;
	size_t size;

	if (!mm)
		return -ESRCH;
	/* what /proc/PID/auxv would let a tracer read */
	if (!ugdb_mm_allowed(sess, mm)) {
		mmput(mm);
		return -EIO;
	}
	/* as /proc/PID/auxv: the pairs up to and including AT_NULL */
	do {
		n += 2;
	} while (n < ARRAY_SIZE(mm->saved_auxv) && mm->saved_auxv[n - 2]);
	size = n * sizeof(mm->saved_auxv[0]);
	if (off >= size) {
		len = 0;
	} else {
		len = min_t(u64, len, size - off);
		memcpy(buf, (u8 *)mm->saved_auxv + off, len);
	}
	mmput(mm);
	return len;
}
