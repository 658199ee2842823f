// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_vfile.c - Host I/O: vFile:setfs, open, close, pread, pwrite,
 * fstat, readlink and unlink, through which gdb's default "target:"
 * sysroot reads the program and its libraries.
 *
 * Replies are "Fresult", "F-1,errno" (errno in gdb's File-I/O numbering,
 * hex) or, for pread / readlink / fstat, "Fcount;data" with the data
 * binary-escaped.  As in gdbserver, a malformed packet, a flag or mode
 * bit File-I/O does not define and an fd that is not open all get
 * "F-1,16" (EINVAL); a number with no digits counts as 0; a vFile
 * operation we do not know gets the empty reply.
 */
#include "rsp_int.h"

/* gdb's File-I/O open flags and mode bits (protocol ABI). */
#define FIO_O_RDONLY	0x0
#define FIO_O_WRONLY	0x1
#define FIO_O_RDWR	0x2
#define FIO_O_APPEND	0x8
#define FIO_O_CREAT	0x200
#define FIO_O_TRUNC	0x400
#define FIO_O_EXCL	0x800
#define FIO_O_ALL	(FIO_O_WRONLY | FIO_O_RDWR | FIO_O_APPEND | \
			 FIO_O_CREAT | FIO_O_TRUNC | FIO_O_EXCL)
#define FIO_S_IFREG	0100000
#define FIO_S_IFDIR	040000
#define FIO_S_ALL	(FIO_S_IFREG | FIO_S_IFDIR | 0777)

/* Linux x86-64 open flags (ABI, spelled out: no headers here). */
#define LINUX_O_APPEND	02000
#define LINUX_O_CREAT	0100
#define LINUX_O_TRUNC	01000
#define LINUX_O_EXCL	0200

#define FIO_EINVAL	22
#define FIO_EUNKNOWN	9999

/* Longest path gdbserver takes (PATH_MAX with its NUL). */
#define VFILE_PATH_MAX	4096

/*
 * A hex number of at most max, digits optional (gdbserver reads an
 * empty field as 0).  -1 on a bad digit or overflow.
 */
static int vf_num(struct rsp_cur *c, u64 max, u64 *val)
{
	u64 v = 0;
	int d;

	while (c->p < c->end && (d = rsp_hex_val(*c->p)) >= 0) {
		if (v > (max - (u64)d) / 16)
			return -1;
		v = v * 16 + (u64)d;
		c->p++;
	}
	*val = v;
	return 0;
}

static int vf_int(struct rsp_cur *c, int *val)
{
	u64 v;

	if (vf_num(c, 0x7fffffff, &v))
		return -1;
	*val = (int)v;
	return 0;
}

/* Linux errno -> gdb's File-I/O errno; anything else is EUNKNOWN. */
static u32 fio_errno(long err)
{
	static const u8 same[] = { 1, 2, 4, 9, 13, 14, 16, 17, 19, 20, 21,
				   22, 23, 24, 27, 28, 29, 30 };
	u32 i;

	if (err < 0)
		err = -err;
	if (err == 36)		/* ENAMETOOLONG */
		return 91;
	for (i = 0; i < sizeof(same); i++)
		if (err == same[i])
			return (u32)err;
	return FIO_EUNKNOWN;
}

static void put_fio_error(struct rsp_session *s, long err)
{
	rsp_reply_reset(s);
	rsp_put_str(s, "F-1,");
	rsp_put_hex(s, fio_errno(err));
}

/* "F" + a result, or the error for a negative one. */
static void put_fio_result(struct rsp_session *s, long ret)
{
	if (ret < 0) {
		put_fio_error(s, ret);
		return;
	}
	rsp_put_char(s, 'F');
	rsp_put_hex(s, (u64)ret);
}

/*
 * "Fcount;data": as many of the n bytes as fit one packet escaped; the
 * count says how many went (gdb asks again for the rest).
 */
static void put_fio_data(struct rsp_session *s, const u8 *data, u32 n)
{
	u32 budget = RSP_PACKET_MAX - 24, i, sz = 0, used;

	for (i = 0; i < n; i++) {
		sz += rsp_needs_escape(data[i]) ? 2 : 1;
		if (sz > budget)
			break;
	}
	rsp_put_char(s, 'F');
	rsp_put_hex(s, i);
	rsp_put_char(s, ';');
	s->reply_len += rsp_escape(data, i, s->reply + s->reply_len,
				   rsp_reply_room(s), &used);
}

/*
 * A hex-encoded file name, decoded in place and NUL-terminated.  The
 * packet buffer has room for the NUL (the name is half its digits).
 */
static int vf_path(struct rsp_cur *c, char **path)
{
	u8 *start = c->p;
	long n;

	while (c->p < c->end && *c->p != ',')
		c->p++;
	n = rsp_hex_decode(start, (u32)(c->p - start), start,
			   (u32)(c->p - start));
	if (n < 0 || n >= VFILE_PATH_MAX)
		return -1;
	if (!n) {
		/* start[0] is the next field's ',' */
		*path = (char *)"";
		return 0;
	}
	start[n] = 0;
	*path = (char *)start;
	return 0;
}

static int fio_to_linux_flags(int fio, int *flags)
{
	int f = fio & (FIO_O_WRONLY | FIO_O_RDWR);

	if (fio & ~FIO_O_ALL)
		return -1;
	if (fio & FIO_O_APPEND)
		f |= LINUX_O_APPEND;
	if (fio & FIO_O_CREAT)
		f |= LINUX_O_CREAT;
	if (fio & FIO_O_TRUNC)
		f |= LINUX_O_TRUNC;
	if (fio & FIO_O_EXCL)
		f |= LINUX_O_EXCL;
	*flags = f;
	return 0;
}

/* vFile:open:NAME,FLAGS,MODE */
static void serve_open(struct rsp_session *s, struct rsp_cur *c)
{
	char *path;
	int fio_flags, mode, flags;

	if (vf_path(c, &path) || !rsp_cur_skip(c, ',') ||
	    vf_int(c, &fio_flags) || !rsp_cur_skip(c, ',') ||
	    vf_int(c, &mode) || !rsp_cur_eof(c) ||
	    fio_to_linux_flags(fio_flags, &flags) || (mode & ~FIO_S_ALL)) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	/* the mode bits are Linux's own */
	put_fio_result(s, s->ops->vfile_open(s->target, path, flags,
					     (u32)mode));
}

/* The low width bytes of v, most significant first. */
static void put_be(u8 *b, u32 *o, u64 v, int width)
{
	while (width--)
		b[(*o)++] = (u8)(v >> (8 * width));
}

/* vFile:close:FD  vFile:fstat:FD */
static void serve_fd_op(struct rsp_session *s, struct rsp_cur *c, int fstat)
{
	struct rsp_file_stat st;
	u8 *b = s->scratch;
	u32 o = 0;
	int fd, ret;

	if (vf_int(c, &fd) || !rsp_cur_eof(c)) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	if (!fstat) {
		put_fio_result(s, s->ops->vfile_close(s->target, fd));
		return;
	}
	__builtin_memset(&st, 0, sizeof(st));
	ret = s->ops->vfile_fstat(s->target, fd, &st);
	if (ret < 0) {
		put_fio_error(s, ret);
		return;
	}
	/* gdb's struct stat: big-endian, 32-bit fields but for 3 */
	put_be(b, &o, st.dev, 4);
	put_be(b, &o, st.ino, 4);
	put_be(b, &o, st.mode, 4);
	put_be(b, &o, st.nlink, 4);
	put_be(b, &o, st.uid, 4);
	put_be(b, &o, st.gid, 4);
	put_be(b, &o, st.rdev, 4);
	put_be(b, &o, st.size, 8);
	put_be(b, &o, st.blksize, 8);
	put_be(b, &o, st.blocks, 8);
	put_be(b, &o, (u64)st.atime, 4);
	put_be(b, &o, (u64)st.mtime, 4);
	put_be(b, &o, (u64)st.ctime, 4);
	put_fio_data(s, b, o);
}

/* vFile:pread:FD,COUNT,OFFSET */
static void serve_pread(struct rsp_session *s, struct rsp_cur *c)
{
	u64 off;
	int fd, count;
	long n;

	if (vf_int(c, &fd) || !rsp_cur_skip(c, ',') || vf_int(c, &count) ||
	    !rsp_cur_skip(c, ',') || vf_num(c, 0x7fffffffffffffffULL, &off) ||
	    !rsp_cur_eof(c)) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	/* no more than one reply can carry, before escaping */
	if ((u32)count > sizeof(s->scratch))
		count = sizeof(s->scratch);
	n = s->ops->vfile_pread(s->target, fd, s->scratch, (u32)count, off);
	if (n < 0) {
		put_fio_error(s, n);
		return;
	}
	if (n > count)
		n = count;	/* a target overstating what it read */
	put_fio_data(s, s->scratch, (u32)n);
}

/* vFile:pwrite:FD,OFFSET,DATA (binary, escaped) */
static void serve_pwrite(struct rsp_session *s, struct rsp_cur *c)
{
	u64 off;
	long n;
	int fd;

	if (vf_int(c, &fd) || !rsp_cur_skip(c, ',') ||
	    vf_num(c, 0x7fffffffffffffffULL, &off) || !rsp_cur_skip(c, ',')) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	n = rsp_unescape(c->p, (u32)(c->end - c->p));
	if (n < 0) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	put_fio_result(s, s->ops->vfile_pwrite(s->target, fd, c->p, (u32)n,
					       off));
}

/* vFile:readlink:NAME  vFile:unlink:NAME */
static void serve_path_op(struct rsp_session *s, struct rsp_cur *c,
			  int readlink)
{
	char *path;
	int ret;

	if (vf_path(c, &path) || !rsp_cur_eof(c)) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	if (!readlink) {
		put_fio_result(s, s->ops->vfile_unlink(s->target, path));
		return;
	}
	ret = s->ops->vfile_readlink(s->target, path, (char *)s->scratch,
				     VFILE_PATH_MAX);
	if (ret < 0) {
		put_fio_error(s, ret);
		return;
	}
	if (ret > VFILE_PATH_MAX)
		ret = VFILE_PATH_MAX;
	put_fio_data(s, s->scratch, (u32)ret);
}

/* vFile:setfs:PID: 0 is the stub's own file system. */
static void serve_setfs(struct rsp_session *s, struct rsp_cur *c)
{
	int pid;

	if (vf_int(c, &pid) || !rsp_cur_eof(c)) {
		put_fio_error(s, FIO_EINVAL);
		return;
	}
	put_fio_result(s, s->ops->vfile_setfs(s->target, pid));
}

/* Host I/O is there when the target has every operation. */
int rsp_vfile_supported(const struct rsp_session *s)
{
	const struct rsp_target_ops *o = s->ops;

	return o->vfile_setfs && o->vfile_open && o->vfile_close &&
	       o->vfile_pread && o->vfile_pwrite && o->vfile_fstat &&
	       o->vfile_readlink && o->vfile_unlink;
}

/* req->data: what follows "vFile:". */
int rsp_serve_vfile(struct rsp_session *s, struct rsp_req *req)
{
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };

	if (!rsp_vfile_supported(s))
		return 1;
	if (rsp_cur_prefix(&c, "open:"))
		serve_open(s, &c);
	else if (rsp_cur_prefix(&c, "close:"))
		serve_fd_op(s, &c, 0);
	else if (rsp_cur_prefix(&c, "fstat:"))
		serve_fd_op(s, &c, 1);
	else if (rsp_cur_prefix(&c, "pread:"))
		serve_pread(s, &c);
	else if (rsp_cur_prefix(&c, "pwrite:"))
		serve_pwrite(s, &c);
	else if (rsp_cur_prefix(&c, "readlink:"))
		serve_path_op(s, &c, 1);
	else if (rsp_cur_prefix(&c, "unlink:"))
		serve_path_op(s, &c, 0);
	else if (rsp_cur_prefix(&c, "setfs:"))
		serve_setfs(s, &c);
	return 1;
}
