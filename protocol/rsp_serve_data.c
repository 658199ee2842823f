// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_serve_data.c - registers (g G p P), memory (m M x X) and
 * breakpoints (Z z).  Register numbers and the g layout are the
 * session's target description (s->tdesc, rsp_amd64.h); data is staged
 * in s->scratch, never on the stack.
 */
#include "rsp_int.h"
#include "rsp_amd64.h"

/*
 * Read one register into buf (RSP_AMD64_REG_MAX bytes).  A size that does
 * not match the description counts as a failure: a wrong size would shift
 * every later register of a g reply.
 */
static int read_one(struct rsp_session *s, int tid,
		    const struct rsp_reg_desc *r, u8 *buf)
{
	int ret;

	if (!s->ops->read_reg)
		return -RSP_EOPNOTSUPP;
	ret = s->ops->read_reg(s->target, tid, r->regno, buf);
	if (ret < 0)
		return ret;
	return ret == r->size ? 0 : -RSP_EIO;
}

/* "xx" per byte marks a register gdb should show as unavailable. */
static void put_unavailable(struct rsp_session *s, u32 size)
{
	while (size--) {
		rsp_put_char(s, 'x');
		rsp_put_char(s, 'x');
	}
}

static int serve_read_regs(struct rsp_session *s)
{
	const struct rsp_amd64_tdesc *d = &s->tdesc;
	u8 buf[RSP_AMD64_REG_MAX];
	int tid = rsp_current_tid(s, 1);
	int i;

	if (tid < 0) {
		rsp_put_error(s, tid);
		return 1;
	}
	for (i = 0; i < d->nregs; i++) {
		const struct rsp_reg_desc *r = rsp_amd64_wire_reg(d, i);

		if (read_one(s, tid, r, buf) < 0)
			put_unavailable(s, r->size);
		else
			rsp_put_hexbytes(s, buf, r->size);
	}
	return 1;
}

/*
 * G: the data must not be longer than the register file; registers it
 * covers completely are written (gdb always sends all of them).  Any
 * failure is reported, after trying the rest.
 */
static int serve_write_regs(struct rsp_session *s, struct rsp_req *req)
{
	const struct rsp_amd64_tdesc *d = &s->tdesc;
	int tid = rsp_current_tid(s, 1);
	long n = rsp_hex_decode(req->data, req->data_len, s->scratch,
				d->g_size);
	int i, ret, err = 0;

	if (n < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (tid < 0 || !s->ops->write_reg) {
		rsp_put_error(s, tid < 0 ? tid : -RSP_EOPNOTSUPP);
		return 1;
	}
	for (i = 0; i < d->nregs; i++) {
		const struct rsp_reg_desc *r = rsp_amd64_wire_reg(d, i);

		if (d->g_off[i] + r->size > n)
			break;
		ret = s->ops->write_reg(s->target, tid, r->regno,
					s->scratch + d->g_off[i]);
		if (ret < 0 && !err)
			err = ret;
	}
	if (err)
		rsp_put_error(s, err);
	else
		rsp_put_str(s, "OK");
	return 1;
}

static int serve_read_reg(struct rsp_session *s, struct rsp_req *req)
{
	const struct rsp_reg_desc *r = rsp_amd64_wire_reg(&s->tdesc,
							  req->regno);
	u8 buf[RSP_AMD64_REG_MAX];
	int tid = rsp_current_tid(s, 1);

	if (!r) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (tid < 0) {
		rsp_put_error(s, tid);
		return 1;
	}
	if (read_one(s, tid, r, buf) < 0)
		put_unavailable(s, r->size);
	else
		rsp_put_hexbytes(s, buf, r->size);
	return 1;
}

static int serve_write_reg(struct rsp_session *s, struct rsp_req *req)
{
	const struct rsp_reg_desc *r = rsp_amd64_wire_reg(&s->tdesc,
							  req->regno);
	u8 buf[RSP_AMD64_REG_MAX];
	int tid = rsp_current_tid(s, 1);
	int ret;

	/* exactly one register's worth of hex */
	if (!r || req->data_len != 2u * r->size ||
	    rsp_hex_decode(req->data, req->data_len, buf, sizeof(buf)) < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (tid < 0) {
		rsp_put_error(s, tid);
		return 1;
	}
	ret = s->ops->write_reg ? s->ops->write_reg(s->target, tid,
						    r->regno, buf) :
				  -RSP_EOPNOTSUPP;
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_str(s, "OK");
	return 1;
}

/*
 * Clamp a transfer to the server's limit and so that addr + len does not
 * wrap past the top of the address space.
 */
static u32 clamp_len(u64 addr, u64 len, u32 max)
{
	u64 to_top = 0 - addr;	/* bytes up to 2^64; 0 means "all" */

	if (to_top && len > to_top)
		len = to_top;
	return len > max ? max : (u32)len;
}

/*
 * m and x: read into scratch, reply hex or escaped binary.  A short read
 * gives a short reply (gdb asks again for the rest, then gets the error);
 * nothing readable is an error.
 */
static int serve_read_mem(struct rsp_session *s, struct rsp_req *req)
{
	int binary = req->kind == RSP_REQ_READ_BIN;
	u32 len = clamp_len(req->addr, req->len, RSP_MEM_MAX);
	int tid;
	long n;
	u32 used;

	if (!len) {
		/* an empty read: empty data ("b" for x), no target call */
		if (binary)
			rsp_put_char(s, 'b');
		return 1;
	}
	tid = rsp_current_tid(s, 1);
	if (tid < 0) {
		rsp_put_error(s, tid);
		return 1;
	}
	if (!s->ops->read_mem) {
		rsp_put_error(s, RSP_EOPNOTSUPP);
		return 1;
	}
	n = s->ops->read_mem(s->target, tid, req->addr, s->scratch, len);
	if (n <= 0 || n > len) {
		rsp_put_error(s, n < 0 ? n : -RSP_EIO);
		return 1;
	}
	if (!binary) {
		rsp_put_hexbytes(s, s->scratch, (u32)n);
		return 1;
	}
	rsp_put_char(s, 'b');
	s->reply_len += rsp_escape(s->scratch, (u32)n, s->reply + s->reply_len,
				   rsp_reply_room(s), &used);
	return 1;
}

/*
 * M (hex) and X (escaped binary): the data must be exactly len bytes.
 * Length 0 is gdb's probe for X support and succeeds without touching
 * the target.  A short write is an error: gdb has no partial success.
 */
static int serve_write_mem(struct rsp_session *s, struct rsp_req *req)
{
	int tid;
	long n;

	if (req->kind == RSP_REQ_WRITE_BIN)
		n = rsp_unescape(req->data, req->data_len);
	else
		n = rsp_hex_decode(req->data, req->data_len, req->data,
				   req->data_len);
	if (n < 0 || (u64)n != req->len ||
	    clamp_len(req->addr, req->len, RSP_PACKET_MAX) != req->len) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (!n) {
		rsp_put_str(s, "OK");
		return 1;
	}
	tid = rsp_current_tid(s, 1);
	if (tid < 0 || !s->ops->write_mem) {
		rsp_put_error(s, tid < 0 ? tid : -RSP_EOPNOTSUPP);
		return 1;
	}
	n = s->ops->write_mem(s->target, tid, req->addr, req->data, (u32)n);
	if (n < 0 || (u64)n != req->len)
		rsp_put_error(s, n < 0 ? n : -RSP_EIO);
	else
		rsp_put_str(s, "OK");
	return 1;
}

/*
 * Z/z: types 0-4 go to the target; an unsupported type or a target that
 * says -EOPNOTSUPP gets the empty reply, from which gdb learns not to use
 * that kind of breakpoint (and falls back, e.g. to memory writes).
 */
static int serve_bp(struct rsp_session *s, struct rsp_req *req)
{
	int insert = req->kind == RSP_REQ_INSERT_BP;
	int (*op)(void *t, int type, u64 addr, int kind);
	int ret;

	op = insert ? s->ops->insert_bp : s->ops->remove_bp;
	if (req->type > 4 || !op)
		return 1;
	ret = op(s->target, req->type, req->addr, req->kind_arg);
	if (ret == -RSP_EOPNOTSUPP || ret == -RSP_ENOTSUPP)
		return 1;
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_str(s, "OK");
	return 1;
}

int rsp_serve_data(struct rsp_session *s, struct rsp_req *req)
{
	switch (req->kind) {
	case RSP_REQ_READ_REGS:
		return serve_read_regs(s);
	case RSP_REQ_WRITE_REGS:
		return serve_write_regs(s, req);
	case RSP_REQ_READ_REG:
		return serve_read_reg(s, req);
	case RSP_REQ_WRITE_REG:
		return serve_write_reg(s, req);
	case RSP_REQ_READ_MEM:
	case RSP_REQ_READ_BIN:
		return serve_read_mem(s, req);
	case RSP_REQ_WRITE_MEM:
	case RSP_REQ_WRITE_BIN:
		return serve_write_mem(s, req);
	default:
		return serve_bp(s, req);
	}
}
