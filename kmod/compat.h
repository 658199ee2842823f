/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - where the kernels the module supports (6.1 .. 6.12) differ.
 */
#ifndef UGDB_COMPAT_H
#define UGDB_COMPAT_H

#include <linux/sched/signal.h>
#include <linux/version.h>

/* 6.10 dropped dequeue_signal()'s task argument: it is always current. */
static inline int ugdb_dequeue_signal(sigset_t *mask, kernel_siginfo_t *info)
{
	enum pid_type type;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
	return dequeue_signal(mask, info, &type);
#else
	return dequeue_signal(current, mask, info, &type);
#endif
}

/*
 * vfs_path_lookup() is exported by every kernel we support, but declared
 * in <linux/namei.h> only by later ones (6.1 keeps it in fs/internal.h).
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
struct dentry;
struct path;
struct vfsmount;
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt,
		    const char *name, unsigned int flags, struct path *path);
#endif

#endif /* UGDB_COMPAT_H */
