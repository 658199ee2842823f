// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_tls.c - thread-local storage: the qSymbol exchange, in which gdb
 * looks up the thread library's symbols for us, and qGetTLSAddr, served
 * from them by rsp_tdb.c.
 *
 * qSymbol (gdb's manual, "General Query Packets"): gdb sends "qSymbol::"
 * when it has new symbols (at connection, and whenever it loaded an
 * objfile).  We answer "qSymbol:HEXNAME" to have a name looked up, and
 * gdb answers "qSymbol:HEXVALUE:HEXNAME" ("qSymbol::HEXNAME" when it does
 * not know it), to which we answer with the next name, or "OK" at the
 * end.  Other packets may come in between (gdb reading memory or files
 * while it looks a name up): they are served as usual.  As gdbserver
 * does with libthread_db, the first name asked is the thread library's
 * (__nptl_version): if gdb does not know it yet, the exchange ends there
 * and starts over at the next "qSymbol::"; once it is known, every name
 * is asked once, and nothing more until the process changes (exec, a new
 * vAttach or vRun).  Each process has its own answers: the exchange is
 * for the general thread's process (gdb selects it with Hg first).  A "qSymbol:" packet that is no answer to our
 * question gets the empty reply, as from gdbserver.
 *
 * qGetTLSAddr:THREAD-ID,OFFSET,LM (gdb's remote.c): the address of the
 * thread-local variable at OFFSET in the TLS block of the module whose
 * link_map is at LM, in that thread; hex without "0x" in reply.  Like
 * gdbserver: every failure is E01 (malformed packet, no such thread, no
 * thread library yet, a block the thread has not allocated, a bad LM).
 */
#include "rsp_int.h"

/* The tdb needs memory and the fs/gs base registers. */
static int tls_supported(const struct rsp_session *s)
{
	return s->ops->read_mem && s->ops->read_reg;
}

/* Reply "qSymbol:HEXNAME" for symbol i. */
static void ask(struct rsp_session *s, struct rsp_tdb *t, int i)
{
	const char *name = rsp_tdb_symbol(i);

	t->state = RSP_TDB_ASKING;
	t->asked = (u8)i;
	rsp_put_str(s, "qSymbol:");
	rsp_put_hexbytes(s, (const u8 *)name, __builtin_strlen(name));
}

/* Ask for the next symbol after i, or end the exchange with OK. */
static void ask_next(struct rsp_session *s, struct rsp_tdb *t, int i)
{
	if (i + 1 < RSP_TDB_NSYMS) {
		ask(s, t, i + 1);
		return;
	}
	t->state = RSP_TDB_LOADED;
	rsp_put_str(s, "OK");
}

/* "qSymbol:" VALUE ":" HEXNAME, both hex, either may be empty. */
static int parse_answer(struct rsp_req *req, u64 *val, int *has_val,
			const u8 **name, u32 *name_len)
{
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };

	*has_val = 0;
	if (!rsp_cur_skip(&c, ':')) {
		if (rsp_cur_hex(&c, val) || !rsp_cur_skip(&c, ':'))
			return -1;
		*has_val = 1;
	}
	*name = c.p;
	*name_len = (u32)(c.end - c.p);
	return 0;
}

/* Does HEXNAME (n hex digits) spell str? */
static int name_is(const u8 *hex, u32 n, const char *str)
{
	u32 len = __builtin_strlen(str), i;
	int hi, lo;

	if (n != 2 * len)
		return 0;
	for (i = 0; i < len; i++) {
		hi = rsp_hex_val(hex[2 * i]);
		lo = rsp_hex_val(hex[2 * i + 1]);
		if (hi < 0 || lo < 0 || (u8)(hi << 4 | lo) != (u8)str[i])
			return 0;
	}
	return 1;
}

/* The slot whose exchange is going on (one at a time), or NULL. */
static struct rsp_tdb *asking(struct rsp_session *s)
{
	int i;

	for (i = 0; i < RSP_TDB_PROCS; i++)
		if (s->tdb[i].used && s->tdb[i].state == RSP_TDB_ASKING)
			return &s->tdb[i];
	return (struct rsp_tdb *)0;
}

/* "qSymbol::" (gdb has new symbols): start or go on with the exchange. */
static void start_exchange(struct rsp_session *s)
{
	struct rsp_tdb *t, *old;
	int tid, pid = -1, i;

	tid = rsp_current_tid(s, 1);
	if (tls_supported(s) && tid > 0)
		pid = rsp_thread_pid(s, tid);
	if (pid < 0) {
		rsp_put_str(s, "OK");
		return;
	}
	t = rsp_tdb_get(s, pid);
	if (t->state == RSP_TDB_LOADED) {
		rsp_put_str(s, "OK");
		return;
	}
	old = asking(s);
	if (old && old != t)
		old->state = RSP_TDB_NONE;	/* gdb gave that one up */
	for (i = 0; i < RSP_TDB_NSYMS && t->known[i]; i++)
		;
	if (i == RSP_TDB_NSYMS)
		ask_next(s, t, i - 1);
	else
		ask(s, t, i);
}

static int serve_symbol(struct rsp_session *s, struct rsp_req *req)
{
	struct rsp_tdb *t;
	const u8 *name;
	u32 name_len;
	int has_val, i;
	u64 val = 0;

	if (parse_answer(req, &val, &has_val, &name, &name_len))
		return 1;	/* empty reply, as gdbserver's */
	if (!has_val && !name_len) {
		start_exchange(s);
		return 1;
	}
	/* an answer: only to the question we asked */
	t = asking(s);
	if (!t || !name_is(name, name_len, rsp_tdb_symbol(t->asked)))
		return 1;
	i = t->asked;
	t->known[i] = has_val && val;
	t->addr[i] = val;
	t->desc_read[i] = 0;
	if (i == TDB_NPTL_VERSION && !t->known[i]) {
		/* no thread library (yet): ask again next time */
		t->state = RSP_TDB_NONE;
		rsp_put_str(s, "OK");
		return 1;
	}
	ask_next(s, t, i);
	return 1;
}

/* qGetTLSAddr:THREAD-ID,OFFSET,LM */
static int serve_tls_addr(struct rsp_session *s, struct rsp_req *req)
{
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };
	int pid, tid, known;
	u64 offset, lm, addr;
	struct rsp_tdb *t;

	if (!tls_supported(s))
		return 1;
	if (rsp_cur_tid(&c, &pid, &tid) || !rsp_cur_skip(&c, ',') ||
	    rsp_cur_hex(&c, &offset) || !rsp_cur_skip(&c, ',') ||
	    rsp_cur_hex(&c, &lm) || !rsp_cur_eof(&c))
		goto fail;
	/* a thread of ours, by its tid and (if given) its process */
	if (tid <= 0 || (s->ops->thread_alive &&
			 s->ops->thread_alive(s->target, tid) < 0) ||
	    rsp_check_pid(s, pid, tid) < 0)
		goto fail;
	known = rsp_thread_pid(s, tid);
	t = known < 0 ? (struct rsp_tdb *)0 : rsp_tdb_find(s, known);
	if (!t || rsp_tdb_tls_address(s, t, known, tid, offset, lm, &addr))
		goto fail;
	rsp_put_hex(s, addr);
	return 1;
fail:
	rsp_put_str(s, "E01");
	return 1;
}

int rsp_serve_tls(struct rsp_session *s, struct rsp_req *req)
{
	if (req->kind == RSP_REQ_SYMBOL)
		return serve_symbol(s, req);
	return serve_tls_addr(s, req);
}
