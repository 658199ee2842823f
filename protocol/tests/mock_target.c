// SPDX-License-Identifier: GPL-2.0
/*
 * mock_target.c - the in-memory target of the unit tests (user space, so
 * libc is fine here).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include "mock_target.h"

static struct mock *M(void *t)
{
	return t;
}

static int thread_index(struct mock *m, int tid)
{
	int i;

	if (!m->present)
		return -1;
	for (i = 0; i < m->nthreads; i++)
		if (m->tids[i] == tid)
			return i;
	return -1;
}

void mock_init(struct mock *m, struct rsp_session *s)
{
	int t, i;

	memset(m, 0, sizeof(*m));
	m->s = s;
	m->present = 1;
	m->attached_flag = 1;
	m->nthreads = MOCK_NTHREADS;
	m->tids[0] = MOCK_PID;
	m->tids[1] = MOCK_TID2;
	for (t = 0; t < MOCK_NTHREADS; t++)
		for (i = 0; i < RSP_AMD64_G_MAX; i++)
			m->regs[t][i] = (u8)(i + 16 * t);
	for (i = 0; i < MOCK_MEM_SIZE; i++)
		m->mem[i] = (u8)(i * 7);
	m->stop.kind = RSP_STOP_SIGNAL;
	m->stop.pid = MOCK_PID;
	m->stop.tid = MOCK_PID;
	m->stop.sig = 5;
	m->can_step_val = 1;
	m->can_range_step_val = 1;
	strcpy(m->names[0], "mock");
	strcpy(m->names[1], "mock-worker");
	m->cores[0] = 0;
	m->cores[1] = 3;
	strcpy(m->exec_path, "/usr/bin/mock");
	for (i = 0; i < 64; i++)
		m->auxv[i] = (u8)(i * 3);
	m->auxv_len = 64;
	/* every byte value, escapes included */
	m->vf_size = 30000;
	for (i = 0; i < (int)m->vf_size; i++)
		m->vf_data[i] = (u8)(i * 13 + i / 256);
}

static int mock_attach(void *t, int pid)
{
	struct mock *m = M(t);

	m->n_attach++;
	m->last_pid = pid;
	if (m->attach_ret)
		return m->attach_ret;
	m->present = 1;
	m->stop.kind = RSP_STOP_SIGNAL;
	m->stop.sig = 19;
	return 0;
}

static int mock_detach(void *t, int pid)
{
	struct mock *m = M(t);

	m->n_detach++;
	m->last_pid = pid;
	if (m->detach_ret)
		return m->detach_ret;
	m->present = 0;
	m->stop.kind = RSP_STOP_NONE;
	return 0;
}

static int mock_kill(void *t, int pid)
{
	struct mock *m = M(t);

	m->n_kill++;
	m->last_pid = pid;
	if (m->kill_ret)
		return m->kill_ret;
	m->present = 0;
	m->stop.kind = RSP_STOP_NONE;
	return 0;
}

static void mock_stop_state(void *t, struct rsp_stop *out)
{
	*out = M(t)->stop;
}

static int mock_attached(void *t, int pid)
{
	struct mock *m = M(t);

	m->last_pid = pid;
	if (!m->present)
		return -ESRCH;
	return m->attached_flag;
}

static int mock_list_threads(void *t, int *tids, int max)
{
	struct mock *m = M(t);
	int i;

	if (!m->present)
		return 0;
	for (i = 0; i < m->nthreads && i < max; i++)
		tids[i] = m->tids[i];
	for (; i < m->nthreads + m->extra_threads && i < max; i++)
		tids[i] = 0x10000 + i;
	return i;
}

static int mock_thread_alive(void *t, int tid)
{
	return thread_index(M(t), tid) < 0 ? -ESRCH : 0;
}

static int mock_read_reg(void *t, int tid, int regno, u8 *buf)
{
	struct mock *m = M(t);
	int ti = thread_index(m, tid);
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);

	if (ti < 0)
		return -ESRCH;
	if (!r)
		return -ENOENT;
	if (m->reg_fail[regno])
		return -EIO;
	memcpy(buf, m->regs[ti] + r->offset, r->size);
	return r->size + (m->reg_bad_size ? 1 : 0);
}

static int mock_write_reg(void *t, int tid, int regno, const u8 *buf)
{
	struct mock *m = M(t);
	int ti = thread_index(m, tid);
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);

	if (ti < 0)
		return -ESRCH;
	if (!r)
		return -ENOENT;
	if (m->write_reg_fail)
		return -EPERM;
	memcpy(m->regs[ti] + r->offset, buf, r->size);
	m->n_reg_writes++;
	return 0;
}

static long mock_xfer(struct mock *m, int tid, u64 addr, u32 len)
{
	if (thread_index(m, tid) < 0)
		return -ESRCH;
	if (addr < MOCK_MEM_BASE || addr >= MOCK_MEM_BASE + MOCK_MEM_SIZE)
		return -EIO;
	if (len > MOCK_MEM_BASE + MOCK_MEM_SIZE - addr)
		len = (u32)(MOCK_MEM_BASE + MOCK_MEM_SIZE - addr);
	return len;
}

/* Reads show the original bytes under software breakpoints. */
static long mock_read_mem(void *t, int tid, u64 addr, u8 *buf, u32 len)
{
	struct mock *m = M(t);
	long n = mock_xfer(m, tid, addr, len);
	int i;

	if (n <= 0)
		return n;
	memcpy(buf, m->mem + (addr - MOCK_MEM_BASE), n);
	for (i = 0; i < MOCK_MAX_BP; i++)
		if (m->bp[i].used && m->bp[i].type == 0 &&
		    m->bp[i].addr >= addr && m->bp[i].addr < addr + n)
			buf[m->bp[i].addr - addr] = m->bp[i].orig;
	return n;
}

static long mock_write_mem(void *t, int tid, u64 addr, const u8 *buf,
			   u32 len)
{
	struct mock *m = M(t);
	long n = mock_xfer(m, tid, addr, len);

	if (n <= 0)
		return n;
	memcpy(m->mem + (addr - MOCK_MEM_BASE), buf, n);
	m->n_mem_writes++;
	return n;
}

static int mock_insert_bp(void *t, int type, u64 addr, int kind)
{
	struct mock *m = M(t);
	int i;

	if (type > 1)
		return -EOPNOTSUPP;
	if (addr < MOCK_MEM_BASE || addr >= MOCK_MEM_BASE + MOCK_MEM_SIZE)
		return -EIO;
	for (i = 0; i < MOCK_MAX_BP; i++) {
		if (m->bp[i].used)
			continue;
		m->bp[i].used = 1;
		m->bp[i].type = type;
		m->bp[i].addr = addr;
		m->bp[i].kind = kind;
		if (type == 0) {
			m->bp[i].orig = m->mem[addr - MOCK_MEM_BASE];
			m->mem[addr - MOCK_MEM_BASE] = 0xcc;
		}
		return 0;
	}
	return -ENOSPC;
}

static int mock_remove_bp(void *t, int type, u64 addr, int kind)
{
	struct mock *m = M(t);
	int i;

	(void)kind;
	if (type > 1)
		return -EOPNOTSUPP;
	for (i = 0; i < MOCK_MAX_BP; i++) {
		if (!m->bp[i].used || m->bp[i].type != type ||
		    m->bp[i].addr != addr)
			continue;
		if (type == 0)
			m->mem[addr - MOCK_MEM_BASE] = m->bp[i].orig;
		m->bp[i].used = 0;
		return 0;
	}
	return -ENOENT;
}

static int mock_resume(void *t, const struct rsp_resume *acts, int n)
{
	struct mock *m = M(t);

	m->n_resume++;
	m->n_acts = n;
	memcpy(m->acts, acts, n * sizeof(*acts));
	if (m->resume_sync_stop)
		rsp_session_stop(m->s, &m->stop);
	return m->resume_ret;
}

static void mock_interrupt(void *t)
{
	struct mock *m = M(t);
	struct rsp_stop st = m->stop;

	m->n_interrupt++;
	if (m->interrupt_sync_stop) {
		st.kind = RSP_STOP_SIGNAL;
		st.sig = 2;
		rsp_session_stop(m->s, &st);
	}
}

static int mock_can_step(void *t)
{
	return M(t)->can_step_val;
}

static int mock_can_range_step(void *t)
{
	return M(t)->can_range_step_val;
}

static int mock_monitor(void *t, const char *cmd, u32 len)
{
	struct mock *m = M(t);

	m->n_monitor++;
	if (len >= sizeof(m->monitor_cmd))
		len = sizeof(m->monitor_cmd) - 1;
	memcpy(m->monitor_cmd, cmd, len);
	m->monitor_cmd[len] = 0;
	if (!strcmp(m->monitor_cmd, "fail"))
		return -EINVAL;
	if (!strcmp(m->monitor_cmd, "hello"))
		rsp_monitor_output(m->s, "hi\n");
	if (!strcmp(m->monitor_cmd, "big")) {
		static char big[40000];

		memset(big, 'z', sizeof(big) - 1);
		rsp_monitor_output(m->s, big);
	}
	return 0;
}

/* tid 0: the process; every listed thread belongs to MOCK_PID */
static int mock_pid_of(void *t, int tid)
{
	struct mock *m = M(t);

	m->n_pid_of++;
	if (!m->present || (tid && thread_index(m, tid) < 0))
		return -ESRCH;
	return m->pid_of_val ? m->pid_of_val : MOCK_PID;
}

/* Extra threads are named "t" + their tid in decimal. */
static int mock_thread_name(void *t, int tid, char *buf, u32 len)
{
	struct mock *m = M(t);
	int ti = thread_index(m, tid);

	m->n_thread_name++;
	if (m->name_ret)
		return m->name_ret;
	if (ti < 0 && tid >= 0x10000 && m->present)
		return snprintf(buf, len, "t%d", tid);
	if (ti < 0)
		return -ESRCH;
	snprintf(buf, len, "%s", m->names[ti]);
	return (int)strlen(buf);
}

static int mock_thread_core(void *t, int tid)
{
	struct mock *m = M(t);
	int ti = thread_index(m, tid);

	return ti < 0 ? -1 : m->cores[ti];
}

static int mock_exec_file(void *t, int pid, char *buf, u32 len)
{
	struct mock *m = M(t);

	m->n_exec_file++;
	m->exec_pid = pid;
	if (m->exec_ret)
		return m->exec_ret;
	if (!m->present || (pid && pid != MOCK_PID))
		return -ESRCH;
	if (strlen(m->exec_path) >= len)
		return -ENAMETOOLONG;
	strcpy(buf, m->exec_path);
	return (int)strlen(buf);
}

static long mock_read_auxv(void *t, u64 off, u8 *buf, u32 len)
{
	struct mock *m = M(t);

	m->n_read_auxv++;
	m->auxv_off = off;
	m->auxv_req = len;
	if (m->auxv_ret)
		return m->auxv_ret;
	if (!m->present)
		return -ESRCH;
	if (off >= m->auxv_len)
		return 0;
	if (len > m->auxv_len - off)
		len = m->auxv_len - (u32)off;
	memcpy(buf, m->auxv + off, len);
	return len;
}

/* ---- vFile ---- */

static int mock_vfile_setfs(void *t, int pid)
{
	struct mock *m = M(t);

	m->n_vfile_calls++;
	m->vf_setfs_pid = pid;
	return 0;
}

static int mock_vfile_open(void *t, const char *path, int flags, u32 mode)
{
	struct mock *m = M(t);
	int i;

	m->n_vfile_calls++;
	snprintf(m->vf_last_path, sizeof(m->vf_last_path), "%s", path);
	m->vf_open_flags = flags;
	m->vf_open_mode = mode;
	if (!strcmp(path, "/secret"))
		return -EACCES;
	if (strcmp(path, "/prog") && strcmp(path, "/link"))
		return -ENOENT;
	for (i = 0; i < MOCK_VFDS; i++) {
		if (!m->vf_fd_used[i]) {
			m->vf_fd_used[i] = 1;
			m->vf_fd_flags[i] = flags;
			return MOCK_VFD0 + i;
		}
	}
	return -EMFILE;
}

static int mock_vfd(struct mock *m, int fd)
{
	m->n_vfile_calls++;
	if (fd < MOCK_VFD0 || fd >= MOCK_VFD0 + MOCK_VFDS ||
	    !m->vf_fd_used[fd - MOCK_VFD0])
		return -1;
	return fd - MOCK_VFD0;
}

static int mock_vfile_close(void *t, int fd)
{
	struct mock *m = M(t);
	int i = mock_vfd(m, fd);

	if (i < 0)
		return -EINVAL;
	m->vf_fd_used[i] = 0;
	return 0;
}

static long mock_vfile_pread(void *t, int fd, u8 *buf, u32 len, u64 off)
{
	struct mock *m = M(t);
	int i = mock_vfd(m, fd);

	m->vf_last_off = off;
	m->vf_last_len = len;
	if (i < 0)
		return -EINVAL;
	if ((m->vf_fd_flags[i] & 3) == 1)
		return -EBADF;
	if (off >= m->vf_size)
		return 0;
	if (len > m->vf_size - off)
		len = m->vf_size - (u32)off;
	memcpy(buf, m->vf_data + off, len);
	return len;
}

static long mock_vfile_pwrite(void *t, int fd, const u8 *buf, u32 len,
			      u64 off)
{
	struct mock *m = M(t);
	int i = mock_vfd(m, fd);

	m->vf_last_off = off;
	m->vf_last_len = len;
	if (i < 0)
		return -EINVAL;
	if ((m->vf_fd_flags[i] & 3) == 0)
		return -EBADF;
	if (off > sizeof(m->vf_data) || len > sizeof(m->vf_data) - off)
		return -EFBIG;
	memcpy(m->vf_data + off, buf, len);
	if (off + len > m->vf_size)
		m->vf_size = (u32)(off + len);
	return len;
}

static int mock_vfile_fstat(void *t, int fd, struct rsp_file_stat *st)
{
	struct mock *m = M(t);
	int i = mock_vfd(m, fd);

	if (i < 0)
		return -EINVAL;
	st->dev = 0x801;
	st->ino = 0x123456789aULL;	/* cut to 32 bits */
	st->mode = 0100755;
	st->nlink = 1;
	st->uid = 1000;
	st->gid = 100;
	st->rdev = 0;
	st->size = m->vf_size;
	st->blksize = 4096;
	st->blocks = 80;
	st->atime = 0x61000023;		/* '#' inside: escaped */
	st->mtime = 0x6100002a;		/* '*' */
	st->ctime = -1;
	return 0;
}

static int mock_vfile_readlink(void *t, const char *path, char *buf,
			       u32 len)
{
	struct mock *m = M(t);

	m->n_vfile_calls++;
	snprintf(m->vf_last_path, sizeof(m->vf_last_path), "%s", path);
	if (!strcmp(path, "/link")) {
		if (len < 5)
			return -ENAMETOOLONG;
		memcpy(buf, "/prog", 5);
		return 5;
	}
	if (!strcmp(path, "/odd")) {
		memcpy(buf, "a}#$*b", 6);
		return 6;
	}
	return !strcmp(path, "/prog") ? -EINVAL : -ENOENT;
}

static int mock_vfile_unlink(void *t, const char *path)
{
	struct mock *m = M(t);

	m->n_vfile_calls++;
	snprintf(m->vf_last_path, sizeof(m->vf_last_path), "%s", path);
	if (!strcmp(path, "/dir"))
		return -EISDIR;
	if (!strcmp(path, "/secret"))
		return -EACCES;
	if (!strcmp(path, "/toolong"))
		return -ENAMETOOLONG;
	if (!strcmp(path, "/weird"))
		return -ENOTEMPTY;	/* no File-I/O number: EUNKNOWN */
	if (strcmp(path, "/prog") || m->vf_unlinked)
		return -ENOENT;
	m->vf_unlinked = 1;
	return 0;
}

#define MOCK_OPS_VFILE \
	.vfile_setfs = mock_vfile_setfs, \
	.vfile_open = mock_vfile_open, \
	.vfile_close = mock_vfile_close, \
	.vfile_pread = mock_vfile_pread, \
	.vfile_pwrite = mock_vfile_pwrite, \
	.vfile_fstat = mock_vfile_fstat, \
	.vfile_readlink = mock_vfile_readlink, \
	.vfile_unlink = mock_vfile_unlink

static long mock_siginfo(struct mock *m, int tid, u64 off, u32 len)
{
	m->n_siginfo++;
	m->siginfo_tid = tid;
	m->siginfo_off = off;
	m->siginfo_req = len;
	if (m->siginfo_ret)
		return m->siginfo_ret;
	if (!m->present)
		return -ESRCH;
	if (off >= sizeof(m->siginfo))
		return 0;
	return len > sizeof(m->siginfo) - off ?
	       (long)(sizeof(m->siginfo) - off) : (long)len;
}

static long mock_read_siginfo(void *t, int tid, u64 off, u8 *buf, u32 len)
{
	struct mock *m = M(t);
	long n = mock_siginfo(m, tid, off, len);

	if (n > 0)
		memcpy(buf, m->siginfo + off, n);
	return n;
}

static long mock_write_siginfo(void *t, int tid, u64 off, const u8 *buf,
			       u32 len)
{
	struct mock *m = M(t);
	long n = mock_siginfo(m, tid, off, len);

	if (n > 0)
		memcpy(m->siginfo + off, buf, n);
	return n;
}

#define MOCK_OPS_BASE \
	.attach = mock_attach, \
	.detach = mock_detach, \
	.kill = mock_kill, \
	.stop_state = mock_stop_state, \
	.attached = mock_attached, \
	.list_threads = mock_list_threads, \
	.thread_alive = mock_thread_alive, \
	.read_reg = mock_read_reg, \
	.write_reg = mock_write_reg, \
	.read_mem = mock_read_mem, \
	.write_mem = mock_write_mem, \
	.insert_bp = mock_insert_bp, \
	.remove_bp = mock_remove_bp, \
	.resume = mock_resume, \
	.interrupt = mock_interrupt, \
	.can_step = mock_can_step, \
	.can_range_step = mock_can_range_step, \
	.monitor = mock_monitor, \
	.pid_of = mock_pid_of

const struct rsp_target_ops mock_ops = {
	MOCK_OPS_BASE,
	.thread_name = mock_thread_name,
	.exec_file = mock_exec_file,
	.read_auxv = mock_read_auxv,
	.thread_core = mock_thread_core,
	MOCK_OPS_VFILE,
	.read_siginfo = mock_read_siginfo,
	.write_siginfo = mock_write_siginfo,
};

/* Host I/O needs every operation: with one missing it is not served. */
const struct rsp_target_ops mock_ops_novfile = {
	MOCK_OPS_BASE,
	.vfile_setfs = mock_vfile_setfs,
	.vfile_open = mock_vfile_open,
	.vfile_close = mock_vfile_close,
	.vfile_pread = mock_vfile_pread,
	.vfile_pwrite = mock_vfile_pwrite,
	.vfile_fstat = mock_vfile_fstat,
	.vfile_readlink = mock_vfile_readlink,
};

const struct rsp_target_ops mock_ops_noxfer = {
	MOCK_OPS_BASE,
};

/* Only what a '?' needs: every other packet must cope with NULL ops. */
const struct rsp_target_ops mock_ops_min = {
	.stop_state = mock_stop_state,
};
