// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_vfile.c - Host I/O (vFile): the files gdb reads through the stub
 * (the program and its libraries, with the default "target:" sysroot),
 * and the files of "remote get/put/delete".
 *
 * Whose files and rights: the packets are handled in write() on
 * /dev/ugdb, i.e. in the relay's task, so relative paths, the root and
 * the mount namespace are the relay's -- what gdbserver, a process in the
 * relay's place, would see.  Every operation runs with the credentials of
 * whoever opened /dev/ugdb (file->f_cred, kept in sess->cred), not with
 * those of a task the descriptor was passed to: gdb can do nothing its
 * user could not do with open(2).  After vFile:setfs:PID paths resolve
 * under that process's root (/proc/PID/root), if the opener may debug it.
 *
 * Files are struct file references in a per-session table, closed when
 * the session ends; gdb's fd is the table slot.  Nothing here installs
 * an fd in any process.
 */
#include <linux/cred.h>
#include <linux/pid_namespace.h>
#include <linux/dcache.h>
#include <linux/delayed_call.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/nsproxy.h>
#include <linux/pid.h>
#include <linux/sched/task.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#include <linux/filelock.h>	/* break_deleg_wait() */
#endif

#include "ugdb.h"

/* The id-mapping argument of lookup_one() and vfs_unlink() (6.3). */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define ugdb_mnt_idmap(mnt)	mnt_idmap(mnt)
#else
#define ugdb_mnt_idmap(mnt)	mnt_user_ns(mnt)
#endif

/*
 * gdb's fds are slot + 3, as a process's first files get (and so that an
 * empty fd field, which gdbserver reads as 0, names no file either).
 */
#define VFILE_FD_BASE	3

/* The session's open file gdb calls fd, or NULL. */
static struct file *vfile_get(struct ugdb_session *sess, int fd)
{
	if (fd < VFILE_FD_BASE || fd - VFILE_FD_BASE >= UGDB_VFILE_MAX)
		return NULL;
	return sess->vfiles[fd - VFILE_FD_BASE];
}

/*
 * The root paths resolve under: root->mnt NULL for the relay's own, else
 * that of the setfs process, referenced.  gdbserver enters the process's
 * mount namespace (setns), and does nothing when it is its own: so with
 * the relay's mount namespace the relay's root is kept; for another one
 * the process's root is taken (a module cannot reach a namespace's root
 * mount; the process's root is in that namespace, as /proc/PID/root).
 * -ENOENT for a process that is gone, -EACCES for one the opener may not
 * debug -- gdbserver's answers when it cannot open /proc/PID/ns/mnt.
 */
static int vfile_root(struct ugdb_session *sess, struct path *root)
{
	struct task_struct *task;
	int ret = 0;

	root->mnt = NULL;
	root->dentry = NULL;
	if (!sess->vfile_fs_pid)
		return 0;
	rcu_read_lock();
	task = get_pid_task(find_pid_ns(sess->vfile_fs_pid, sess->pid_ns),
			    PIDTYPE_PID);
	rcu_read_unlock();
	if (!task)
		return -ENOENT;
	/* the check holds for the root taken: no exec in between */
	ret = ugdb_lock_creds(task);
	if (ret)
		goto out;
	if (!same_thread_group(task, current) &&
	    ugdb_may_attach(sess, task) < 0)
		ret = -EACCES;
	if (!ret) {
		task_lock(task);
		if (!task->fs || !task->nsproxy)
			ret = -ENOENT;	/* exiting */
		else if (task->nsproxy->mnt_ns != current->nsproxy->mnt_ns)
			get_fs_root(task->fs, root);
		task_unlock(task);
	}
	ugdb_unlock_creds(task);
out:
	put_task_struct(task);
	return ret;
}

static struct file *vfile_filp_open(struct ugdb_session *sess,
				    const char *name, int flags, umode_t mode)
{
	struct file *f;
	struct path root;
	int ret = vfile_root(sess, &root);

	if (ret)
		return ERR_PTR(ret);
	if (!root.mnt)
		return filp_open(name, flags, mode);
	f = file_open_root(&root, name, flags, mode);
	path_put(&root);
	return f;
}

/*
 * Look name up: an O_PATH open (vfs_path_lookup() is not declared for
 * modules on 6.1), which needs only search rights on the way, as a
 * lookup; O_NOFOLLOW gives a symbolic link itself.
 */
static int vfile_lookup(struct ugdb_session *sess, const char *name,
			int flags, struct path *path)
{
	struct file *f = vfile_filp_open(sess, name, O_PATH | flags, 0);

	if (IS_ERR(f))
		return PTR_ERR(f);
	*path = f->f_path;
	path_get(path);
	fput(f);
	return 0;
}

int ugdb_vfile_setfs(struct ugdb_session *sess, int pid)
{
	if (pid < 0)
		return -EINVAL;
	/* as gdbserver: a bad pid shows when a path is used */
	sess->vfile_fs_pid = pid;
	return 0;
}

int ugdb_vfile_open(struct ugdb_session *sess, const char *name, int flags,
		    u32 mode)
{
	const struct cred *old;
	struct file *f;
	int fd;

	if (!*name)
		return -ENOENT;
	for (fd = 0; fd < UGDB_VFILE_MAX && sess->vfiles[fd]; fd++)
		;
	if (fd == UGDB_VFILE_MAX)
		return -EMFILE;
	/* never the relay's controlling terminal */
	flags |= O_NOCTTY | O_LARGEFILE;
	old = override_creds(sess->cred);
	f = vfile_filp_open(sess, name, flags, mode & 0777);
	revert_creds(old);
	if (IS_ERR(f))
		return PTR_ERR(f);
	sess->vfiles[fd] = f;
	return fd + VFILE_FD_BASE;
}

int ugdb_vfile_close(struct ugdb_session *sess, int fd)
{
	struct file *f = vfile_get(sess, fd);

	if (!f)
		return -EINVAL;
	sess->vfiles[fd - VFILE_FD_BASE] = NULL;
	return filp_close(f, NULL);
}

void ugdb_vfile_close_all(struct ugdb_session *sess)
{
	int i;

	for (i = 0; i < UGDB_VFILE_MAX; i++) {
		if (sess->vfiles[i])
			filp_close(sess->vfiles[i], NULL);
		sess->vfiles[i] = NULL;
	}
}

/*
 * Read @len bytes of @f at *@pos into kernel memory.  kernel_read()
 * refuses a file that has a ->read (it wants ->read_iter alone) -- most of
 * /proc/PID: maps (gdb reads the thread's to find the vDSO), cmdline,
 * environ, auxv, mem -- and such a ->read writes to user memory only.
 * So read those as read(2) by the relay would: into a scratch mapping
 * of the relay's own (we run in its task, in its write() on the
 * device), then copy the bytes out.
 */
static ssize_t vfile_read(struct file *f, void *buf, u32 len, loff_t *pos)
{
	unsigned long uaddr;
	ssize_t n;

	if (!f->f_op->read || !current->mm)
		return kernel_read(f, buf, len, pos);
	if (!len)
		return 0;
	/* what vfs_read() (not exported) checks before ->read */
	if (!(f->f_mode & FMODE_CAN_READ))
		return -EINVAL;
	n = rw_verify_area(READ, f, pos, len);
	if (n)
		return n;
	uaddr = vm_mmap(NULL, 0, len, PROT_READ | PROT_WRITE,
			MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE(uaddr))
		return (long)uaddr;
	n = f->f_op->read(f, (char __user *)uaddr, len, pos);
	if (n > 0 && copy_from_user(buf, (const void __user *)uaddr, n))
		n = -EFAULT;
	vm_munmap(uaddr, len);
	return n;
}

/* pread or pwrite at @off, with the credentials of the device's opener. */
static long vfile_rw(struct ugdb_session *sess, int fd, void *buf, u32 len,
		     u64 off, bool write)
{
	struct file *f = vfile_get(sess, fd);
	const struct cred *old;
	loff_t pos = off;
	ssize_t n;

	if (!f)
		return -EINVAL;
	/* kernel_read() and kernel_write() warn rather than fail on these */
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	old = override_creds(sess->cred);
	n = write ? kernel_write(f, buf, len, &pos) :
		    vfile_read(f, buf, len, &pos);
	revert_creds(old);
	return n;
}

long ugdb_vfile_pread(struct ugdb_session *sess, int fd, u8 *buf, u32 len,
		      u64 off)
{
	return vfile_rw(sess, fd, buf, len, off, false);
}

long ugdb_vfile_pwrite(struct ugdb_session *sess, int fd, const u8 *buf,
		       u32 len, u64 off)
{
	/* kernel_write() takes it const: the cast only fits one helper */
	return vfile_rw(sess, fd, (void *)buf, len, off, true);
}

int ugdb_vfile_fstat(struct ugdb_session *sess, int fd,
		     struct rsp_file_stat *st)
{
	struct file *f = vfile_get(sess, fd);
	const struct cred *old;
	struct kstat ks;
	int ret;

	if (!f)
		return -EINVAL;
	old = override_creds(sess->cred);
	ret = vfs_getattr(&f->f_path, &ks, STATX_BASIC_STATS,
			  AT_STATX_SYNC_AS_STAT);
	revert_creds(old);
	if (ret)
		return ret;
	/* as stat(2) shows it to the relay */
	st->dev = new_encode_dev(ks.dev);
	st->ino = ks.ino;
	st->mode = ks.mode;
	st->nlink = ks.nlink;
	st->uid = from_kuid_munged(current_user_ns(), ks.uid);
	st->gid = from_kgid_munged(current_user_ns(), ks.gid);
	st->rdev = new_encode_dev(ks.rdev);
	st->size = ks.size;
	st->blksize = ks.blksize;
	st->blocks = ks.blocks;
	st->atime = ks.atime.tv_sec;
	st->mtime = ks.mtime.tv_sec;
	st->ctime = ks.ctime.tv_sec;
	return 0;
}

/*
 * A /proc "magic" link (/proc/PID/exe, cwd, fd/N, ns/...) has its own
 * readlink that writes to user memory, and its get_link only works
 * inside a path walk.  Its text is the d_path() of what it points to, so
 * follow it (an O_PATH open, with the same access check as readlink)
 * and print that path.
 */
static int magic_readlink(struct ugdb_session *sess, const char *name,
			  char *buf, u32 len)
{
	struct file *f = vfile_filp_open(sess, name, O_PATH, 0);
	char *tmp, *p;
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	ret = -ENOMEM;
	if (tmp) {
		p = d_path(&f->f_path, tmp, PATH_MAX);
		if (IS_ERR(p)) {
			ret = PTR_ERR(p);
		} else {
			ret = min_t(size_t, strlen(p), len);
			memcpy(buf, p, ret);
		}
		kfree(tmp);
	}
	fput(f);
	return ret;
}

static int vfile_readlink(struct ugdb_session *sess, const char *name,
			  char *buf, u32 len)
{
	DEFINE_DELAYED_CALL(done);
	struct path path;
	struct inode *inode;
	const char *link;
	int ret;

	if (!*name)
		return -ENOENT;
	ret = vfile_lookup(sess, name, O_NOFOLLOW, &path);
	if (ret)
		return ret;
	inode = d_inode(path.dentry);
	if (!d_is_symlink(path.dentry)) {
		ret = -EINVAL;
	} else if (inode->i_op->readlink) {
		ret = magic_readlink(sess, name, buf, len);
	} else {
		link = vfs_get_link(path.dentry, &done);
		if (IS_ERR(link)) {
			ret = PTR_ERR(link);
		} else {
			ret = min_t(size_t, strlen(link), len);
			memcpy(buf, link, ret);
		}
		do_delayed_call(&done);
	}
	if (ret >= 0)
		touch_atime(&path);
	path_put(&path);
	return ret;
}

int ugdb_vfile_readlink(struct ugdb_session *sess, const char *name,
			char *buf, u32 len)
{
	const struct cred *old = override_creds(sess->cred);
	int ret = vfile_readlink(sess, name, buf, len);

	revert_creds(old);
	return ret;
}

/*
 * unlink(2) from exported pieces (do_unlinkat() is not exported): the
 * parent directory looked up, locked, the last component looked up in
 * it, then security_path_unlink() and vfs_unlink() -- which check the
 * caller's rights on the directory, the sticky bit, mount points and
 * the LSM inode hook, and notify -- as the system call does.
 */
static int vfile_unlink(struct ugdb_session *sess, char *name)
{
	struct inode *dir, *inode = NULL, *delegated = NULL;
	struct dentry *dentry;
	struct path parent;
	char *last, *end;
	bool slash = false;
	int len, ret;

	end = name + strlen(name);
	if (end == name)
		return -ENOENT;
	while (end > name + 1 && end[-1] == '/') {
		*--end = 0;
		slash = true;
	}
	last = strrchr(name, '/');
	if (last) {
		*last++ = 0;
		/* "/x": the parent is the root */
		ret = vfile_lookup(sess, last == name + 1 ? "/" : name,
				   O_DIRECTORY, &parent);
	} else {
		last = name;
		ret = vfile_lookup(sess, ".", O_DIRECTORY,
				   &parent);
	}
	if (ret)
		return ret;
	len = strlen(last);
	/* "/", ".", "..": not a name in a directory */
	if (!len || !strcmp(last, ".") || !strcmp(last, "..")) {
		ret = -EISDIR;
		goto out_path;
	}
	/* in unlink(2)'s order: a read-only mount first */
	ret = mnt_want_write(parent.mnt);
	if (ret)
		goto out_path;
	if (len > NAME_MAX) {
		ret = -ENAMETOOLONG;
		goto out_drop;
	}
retry_deleg:
	dir = d_inode(parent.dentry);
	inode_lock_nested(dir, I_MUTEX_PARENT);
	dentry = lookup_one(ugdb_mnt_idmap(parent.mnt), last, parent.dentry,
			    len);
	ret = PTR_ERR_OR_ZERO(dentry);
	if (ret)
		goto out_unlock;
	if (d_is_negative(dentry))
		ret = -ENOENT;
	else if (slash)
		ret = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
	if (!ret) {
		inode = d_inode(dentry);
		ihold(inode);
		ret = security_path_unlink(&parent, dentry);
		if (!ret)
			ret = vfs_unlink(ugdb_mnt_idmap(parent.mnt), dir, dentry,
					 &delegated);
	}
	dput(dentry);
out_unlock:
	inode_unlock(dir);
	/* the last reference may go here: not under the directory lock */
	if (inode)
		iput(inode);
	inode = NULL;
	if (delegated) {
		ret = break_deleg_wait(&delegated);
		if (!ret)
			goto retry_deleg;
	}
out_drop:
	mnt_drop_write(parent.mnt);
out_path:
	path_put(&parent);
	return ret;
}

int ugdb_vfile_unlink(struct ugdb_session *sess, const char *name)
{
	const struct cred *old;
	char *copy = kstrdup(name, GFP_KERNEL);
	int ret;

	if (!copy)
		return -ENOMEM;
	old = override_creds(sess->cred);
	ret = vfile_unlink(sess, copy);
	revert_creds(old);
	kfree(copy);
	return ret;
}
