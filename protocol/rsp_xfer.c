// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_xfer.c - qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH for the objects
 * features (target.xml), threads, exec-file and auxv.
 *
 * Every reply is 'm' + data when more may follow, 'l' + data for the last
 * piece, data binary-escaped.  Like gdbserver we look one byte past the
 * requested length to tell the two apart, and a reply whose escaped data
 * would not fit a packet is cut short and sent as 'm' (gdb goes on from
 * the offset plus what it got).  A malformed request, an annex the object
 * does not take and a zero length get E01; target errors E<errno>.
 */
#include "rsp_int.h"
#include "rsp_amd64.h"
#include "rsp_utf8.h"

/* Data bytes one reply may carry (before escaping). */
#define XFER_MAX	(RSP_PACKET_MAX - 1)

/* Cap the request's length; 0 when it asks for nothing (E01). */
static u32 xfer_len(const struct rsp_req *req)
{
	return req->len > XFER_MAX ? XFER_MAX : (u32)req->len;
}

/* 'm'/'l' + the escaped data, 'm' as well if not all of it fit. */
void rsp_put_xfer_data(struct rsp_session *s, const u8 *data, u32 n,
		       int more)
{
	u32 mark = s->reply_len, used;

	rsp_put_char(s, more ? 'm' : 'l');
	s->reply_len += rsp_escape(data, n, s->reply + s->reply_len,
				   XFER_MAX, &used);
	if (used < n)
		s->reply[mark] = 'm';
}

/* A slice of a document held in memory; past its end is 'l'. */
static void put_xfer_slice(struct rsp_session *s, const u8 *doc, u32 total,
			   u64 off, u32 len)
{
	u32 n;

	if (off >= total) {
		rsp_put_char(s, 'l');
		return;
	}
	n = total - (u32)off;
	rsp_put_xfer_data(s, doc + off, n > len ? len : n, n > len);
}

/* features: target.xml is the only annex. */
static void serve_features(struct rsp_session *s, struct rsp_req *req,
			   u32 len)
{
	if (req->data_len != 10 ||
	    __builtin_memcmp(req->data, "target.xml", 10)) {
		rsp_put_error(s, RSP_ENOENT);
		return;
	}
	put_xfer_slice(s, (const u8 *)s->tdesc.xml, s->tdesc.xml_len,
		       req->off, len);
}

/*
 * exec-file: the annex is the pid in hex, or empty for the current
 * process.  As in gdbserver an offset beyond the path is an error, the
 * offset right at its end the empty last piece.
 */
static void serve_exec_file(struct rsp_session *s, struct rsp_req *req,
			    u32 len)
{
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };
	char *path = (char *)s->scratch;
	int pid = 0, ret;

	if (req->data_len &&
	    (rsp_cur_hex_int(&c, &pid) || !rsp_cur_eof(&c) || pid <= 0)) {
		rsp_put_str(s, "E01");
		return;
	}
	ret = s->ops->exec_file(s->target, pid, path, sizeof(s->scratch));
	if (ret < 0) {
		rsp_put_error(s, ret);
		return;
	}
	/* do not trust the length beyond the buffer or the NUL */
	if ((u32)ret >= sizeof(s->scratch))
		ret = sizeof(s->scratch) - 1;
	path[ret] = 0;
	ret = (int)__builtin_strlen(path);
	if (req->off > (u64)ret) {
		rsp_put_str(s, "E01");
		return;
	}
	put_xfer_slice(s, s->scratch, (u32)ret, req->off, len);
}

/* auxv: no annex; the target reads from the offset, one byte extra. */
static void serve_auxv(struct rsp_session *s, struct rsp_req *req, u32 len)
{
	long n;

	if (req->data_len) {
		rsp_put_str(s, "E01");
		return;
	}
	n = s->ops->read_auxv(s->target, req->off, s->scratch, len + 1);
	if (n < 0) {
		rsp_put_error(s, n);
		return;
	}
	if ((u64)n > len + 1)
		n = len + 1;	/* a target overstating what it copied */
	rsp_put_xfer_data(s, s->scratch, (u32)n > len ? len : (u32)n,
		      (u32)n > len);
}

/* ---- threads ---- */

/*
 * The document is generated from the snapshot each time, and only the
 * window [off, off + max) of it is kept: the whole text (up to ~150 bytes
 * a thread) would not fit in the session.
 */
struct xml_out {
	u64 pos;		/* document bytes generated so far */
	u64 off;		/* first byte wanted */
	u8 *buf;
	u32 max;		/* bytes wanted */
	u32 n;			/* bytes kept */
};

static void xo_char(struct xml_out *o, u8 c)
{
	if (o->pos++ >= o->off && o->n < o->max)
		o->buf[o->n++] = c;
}

static void xo_str(struct xml_out *o, const char *str)
{
	while (*str && o->n < o->max)
		xo_char(o, (u8)*str++);
}

static void xo_hex(struct xml_out *o, u32 v)
{
	int shift = 28;

	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		xo_char(o, (u8)rsp_hex_digits[(v >> shift) & 0xf]);
}

static void xo_dec(struct xml_out *o, u32 v)
{
	char d[10];
	int i = 0;

	do {
		d[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		xo_char(o, (u8)d[--i]);
}

/* Attribute text with the five XML specials escaped, as gdb's. */
static void xo_text(struct xml_out *o, const char *p)
{
	for (; *p && o->n < o->max; p++) {
		switch (*p) {
		case '&':
			xo_str(o, "&amp;");
			break;
		case '<':
			xo_str(o, "&lt;");
			break;
		case '>':
			xo_str(o, "&gt;");
			break;
		case '"':
			xo_str(o, "&quot;");
			break;
		case '\'':
			xo_str(o, "&apos;");
			break;
		default:
			xo_char(o, (u8)*p);
		}
	}
}

/*
 * Replace what cannot appear in an XML document by '?', and the controls
 * XML allows too: the name is an attribute value, where a parser would
 * turn a tab or newline into a space.
 */
static void sanitize_name(char *name)
{
	u8 *p = (u8 *)name;
	u32 n = (u32)__builtin_strlen(name), i = 0, k;

	while (i < n) {
		k = p[i] < 0x20 ? 0 : rsp_xml_char_len(p + i, n - i);
		if (!k) {
			p[i++] = '?';
			continue;
		}
		i += k;
	}
}

/* Take the snapshot: thread list, then each one's pid, core and name. */
static int snapshot_threads(struct rsp_session *s)
{
	char name[RSP_THREAD_NAME_MAX];
	int i, n = 0, pid = -1;

	s->xml_valid = 0;
	if (s->ops->list_threads)
		n = s->ops->list_threads(s->target, s->xml_tid,
					 RSP_MAX_THREADS);
	if (n < 0)
		return n;
	if (n > RSP_MAX_THREADS)
		n = RSP_MAX_THREADS;
	/* thread-ids as in qfThreadInfo */
	if (s->multiprocess && !s->ops->pid_of) {
		pid = rsp_thread_pid(s, 0);
		if (pid <= 0)
			pid = -1;
	}
	for (i = 0; i < n; i++) {
		int tid = s->xml_tid[i];
		int ret;

		s->xml_pid[i] = !s->multiprocess ? 0 :
				s->ops->pid_of ? rsp_thread_pid(s, tid) : pid;
		s->xml_core[i] = s->ops->thread_core ?
				 s->ops->thread_core(s->target, tid) : -1;
		name[0] = 0;
		ret = s->ops->thread_name(s->target, tid, name, sizeof(name));
		s->xml_has_name[i] = ret >= 0;
		name[sizeof(name) - 1] = 0;
		sanitize_name(name);
		__builtin_memcpy(s->xml_name[i], name, sizeof(name));
	}
	s->xml_count = n;
	s->xml_valid = 1;
	return 0;
}

/* Generate the document from the snapshot, keeping [o->off, +o->max). */
static void gen_threads(struct rsp_session *s, struct xml_out *o)
{
	int i;

	xo_str(o, "<threads>\n");
	for (i = 0; i < s->xml_count && o->n < o->max; i++) {
		xo_str(o, "<thread id=\"");
		if (s->xml_pid[i] > 0) {
			xo_char(o, 'p');
			xo_hex(o, (u32)s->xml_pid[i]);
			xo_char(o, '.');
		}
		xo_hex(o, (u32)s->xml_tid[i]);
		xo_char(o, '"');
		if (s->xml_core[i] >= 0) {
			xo_str(o, " core=\"");
			xo_dec(o, (u32)s->xml_core[i]);
			xo_char(o, '"');
		}
		if (s->xml_has_name[i]) {
			xo_str(o, " name=\"");
			xo_text(o, s->xml_name[i]);
			xo_char(o, '"');
		}
		xo_str(o, "/>\n");
	}
	xo_str(o, "</threads>\n");
}

/*
 * threads: no annex.  Offset 0 takes a new snapshot (gdb always starts
 * there); later pieces come from it.  Without a snapshot there is
 * nothing: 'l'.
 */
static void serve_threads(struct rsp_session *s, struct rsp_req *req,
			  u32 len)
{
	struct xml_out o = {
		.off = req->off, .buf = s->scratch, .max = len + 1,
	};
	int ret;

	if (req->data_len) {
		rsp_put_str(s, "E01");
		return;
	}
	if (!req->off) {
		ret = snapshot_threads(s);
		if (ret < 0) {
			rsp_put_error(s, ret);
			return;
		}
	}
	if (s->xml_valid)
		gen_threads(s, &o);
	rsp_put_xfer_data(s, s->scratch, o.n > len ? len : o.n, o.n > len);
}

int rsp_serve_xfer(struct rsp_session *s, struct rsp_req *req)
{
	u32 len = xfer_len(req);

	if (req->kind == RSP_REQ_XFER_SIGINFO ||
	    req->kind == RSP_REQ_XFER_SIGINFO_WRITE)
		return rsp_serve_siginfo(s, req);
	/* an object whose operation is missing is not supported */
	if ((req->kind == RSP_REQ_XFER_THREADS && !s->ops->thread_name) ||
	    (req->kind == RSP_REQ_XFER_EXEC_FILE && !s->ops->exec_file) ||
	    (req->kind == RSP_REQ_XFER_AUXV && !s->ops->read_auxv) ||
	    (req->kind == RSP_REQ_XFER_LIBRARIES && !rsp_svr4_supported(s)))
		return 1;
	if (!len) {
		rsp_put_str(s, "E01");
		return 1;
	}
	switch (req->kind) {
	case RSP_REQ_XFER_FEATURES:
		serve_features(s, req, len);
		break;
	case RSP_REQ_XFER_THREADS:
		serve_threads(s, req, len);
		break;
	case RSP_REQ_XFER_EXEC_FILE:
		serve_exec_file(s, req, len);
		break;
	case RSP_REQ_XFER_AUXV:
		serve_auxv(s, req, len);
		break;
	case RSP_REQ_XFER_LIBRARIES:
		rsp_serve_svr4(s, req, len);
		break;
	default:
		break;
	}
	return 1;
}
