// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_run.c - extended-remote launching: vRun and the packets that set
 * up the next launch (QEnvironmentHexEncoded, QEnvironmentUnset,
 * QEnvironmentReset, QSetWorkingDir, QStartupWithShell,
 * QDisableRandomization).  Replies follow gdbserver 13: every failure is
 * E01, whatever the reason.
 */
#include "rsp_int.h"

/*
 * Decode the hex string of a packet in place, NUL-terminated.  A NUL
 * byte inside cannot be passed on as a C string: refused like bad hex.
 * Returns the decoded length or -1.
 */
static long decode_str(u8 *p, u32 n)
{
	long len = rsp_hex_decode(p, n, p, n);
	long i;

	if (len < 0)
		return -1;
	for (i = 0; i < len; i++)
		if (!p[i])
			return -1;
	p[len] = 0;
	return len;
}

static int setting(struct rsp_session *s, enum rsp_launch_setting what,
		   const u8 *val, u32 len)
{
	int ret = s->ops->launch_setting(s->target, what, val, len);

	rsp_put_str(s, ret < 0 ? "E01" : "OK");
	return 1;
}

/*
 * QStartupWithShell takes exactly 0 or 1.  QDisableRandomization takes
 * a hex number, read as far as it goes (gdbserver's lenient reading).
 */
static int flag_setting(struct rsp_session *s, struct rsp_req *req,
			enum rsp_launch_setting what)
{
	const u8 *p = req->data;
	u32 n = req->data_len;
	int on = 0;

	if (what == RSP_LAUNCH_SHELL) {
		if (n != 1 || (p[0] != '0' && p[0] != '1')) {
			rsp_put_str(s, "E01");
			return 1;
		}
		on = p[0] == '1';
	} else {
		for (; n && rsp_hex_val(*p) >= 0; p++, n--)
			on |= rsp_hex_val(*p) != 0;
	}
	return setting(s, what, (void *)0, (u32)on);
}

int rsp_serve_launch_setting(struct rsp_session *s, struct rsp_req *req)
{
	long len = 0;
	u32 i;

	if (!s->ops->launch_setting)
		return 1;
	switch (req->kind) {
	case RSP_REQ_ENV_RESET:
		return setting(s, RSP_LAUNCH_ENV_RESET, (void *)0, 0);
	case RSP_REQ_STARTUP_SHELL:
		return flag_setting(s, req, RSP_LAUNCH_SHELL);
	case RSP_REQ_NO_ASLR:
		return flag_setting(s, req, RSP_LAUNCH_NO_ASLR);
	default:
		break;
	}
	len = decode_str(req->data, req->data_len);
	if (len < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	switch (req->kind) {
	case RSP_REQ_ENV_SET:
		/* "VAR=VALUE": without '=' gdbserver refuses it */
		for (i = 0; i < (u32)len && req->data[i] != '='; i++)
			;
		if (i == (u32)len) {
			rsp_put_str(s, "E01");
			return 1;
		}
		return setting(s, RSP_LAUNCH_ENV_SET, req->data, (u32)len);
	case RSP_REQ_ENV_UNSET:
		return setting(s, RSP_LAUNCH_ENV_UNSET, req->data, (u32)len);
	default:
		return setting(s, RSP_LAUNCH_CWD, req->data, (u32)len);
	}
}

/*
 * vRun;PROG[;ARG]...: every field hex, decoded in place into a sequence
 * of NUL-terminated strings (the ';' separators become the NULs).  The
 * target launches it; its stop at exec is the reply, sent later through
 * rsp_session_stop(), or E01 through rsp_session_run_failed().
 */
int rsp_serve_run(struct rsp_session *s, struct rsp_req *req)
{
	u8 *in = req->data, *end = req->data + req->data_len, *out = in;
	int argc = 0, ret;
	long len;

	if (!s->ops->run)
		return 1;
	if (!rsp_may_add_process(s))
		goto bad;
	for (;;) {
		u8 *field = in;

		while (in < end && *in != ';')
			in++;
		if (argc == RSP_RUN_MAX_ARGS)
			goto bad;
		len = decode_str(field, (u32)(in - field));
		if (len < 0)
			goto bad;
		/* decoding never grows: moving left is safe */
		__builtin_memmove(out, field, (u32)len + 1);
		out += len + 1;
		argc++;
		if (in == end)
			break;
		in++;
	}
	rsp_forget_threads(s);
	if (rsp_no_process_left(s))
		rsp_tdb_reset(s);	/* nothing of before is ours */
	s->running = 1;
	ret = s->ops->run(s->target, req->data, (u32)(out - req->data), argc);
	if (ret < 0 && s->running) {
		s->running = 0;
		goto bad;
	}
	return 0;
bad:
	rsp_put_str(s, "E01");
	return 1;
}

void rsp_session_run_failed(struct rsp_session *s)
{
	if (!s->running)
		return;
	s->running = 0;
	rsp_reply_reset(s);
	rsp_put_str(s, "E01");
	if (rsp_send_reply(s))
		s->reply_unsent = 1;
}
