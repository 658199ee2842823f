// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_siginfo.c - qXfer:siginfo:read and qXfer:siginfo:write: the siginfo
 * of the current thread's stop (the Hg thread, else the thread of the last
 * stop), as gdb's $_siginfo shows and changes it.
 *
 * Like gdbserver: no annex is taken (E01), a read is 'm'/'l' + data as for
 * every qXfer object, a write answers the number of bytes it took in hex.
 */
#include "rsp_int.h"

/* Data bytes one reply may carry (before escaping): see rsp_xfer.c. */
#define SIGINFO_XFER_MAX	(RSP_PACKET_MAX - 1)

static void serve_read(struct rsp_session *s, struct rsp_req *req, int tid)
{
	u32 len = req->len > SIGINFO_XFER_MAX ? SIGINFO_XFER_MAX :
						(u32)req->len;
	u32 mark, used;
	long n;

	if (!len) {
		rsp_put_str(s, "E01");
		return;
	}
	/* one byte more than asked tells 'm' (more follows) from 'l' */
	n = s->ops->read_siginfo(s->target, tid, req->off, s->scratch,
				 len + 1);
	if (n < 0) {
		rsp_put_error(s, n);
		return;
	}
	if ((u64)n > len + 1)
		n = len + 1;	/* a target overstating what it copied */
	mark = s->reply_len;
	rsp_put_char(s, (u32)n > len ? 'm' : 'l');
	if ((u32)n > len)
		n = len;
	s->reply_len += rsp_escape(s->scratch, (u32)n, s->reply + s->reply_len,
				   SIGINFO_XFER_MAX, &used);
	if (used < (u32)n)
		s->reply[mark] = 'm';
}

static void serve_write(struct rsp_session *s, struct rsp_req *req, int tid)
{
	long n;

	if (!s->ops->write_siginfo) {
		rsp_put_str(s, "E01");
		return;
	}
	n = s->ops->write_siginfo(s->target, tid, req->off, req->wdata,
				  req->wdata_len);
	if (n < 0) {
		rsp_put_error(s, n);
		return;
	}
	if ((u64)n > req->wdata_len)
		n = req->wdata_len;
	rsp_put_hex(s, (u64)n);
}

int rsp_serve_siginfo(struct rsp_session *s, struct rsp_req *req)
{
	int tid;

	if (!s->ops->read_siginfo)
		return 1;	/* not announced: unsupported */
	tid = rsp_current_tid(s, 1);
	if (req->data_len || tid <= 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (req->kind == RSP_REQ_XFER_SIGINFO)
		serve_read(s, req, tid);
	else
		serve_write(s, req, tid);
	return 1;
}
