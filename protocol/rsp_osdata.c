// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_osdata.c - qXfer:osdata:read:ANNEX:OFFSET,LENGTH, the tables of
 * gdb's "info os".
 *
 * The documents are the operating system's view as the stub's user sees
 * it (processes, their files, user names...), which the target may have
 * to fetch from elsewhere (the module asks its user-space relay), so the
 * answer is deferred: the request goes to the osdata() operation and the
 * reply is built when rsp_session_osdata_reply() brings the data.
 *
 * Replies follow gdbserver 13: whatever the annex, the target's data
 * ('l' with nothing for a table it does not know), a zero length
 * included ('m' when there is data at the offset, 'l' when not).
 */
#include "rsp_int.h"

/* Data bytes one reply may carry (before escaping), as in rsp_xfer.c. */
#define OSDATA_MAX	(RSP_PACKET_MAX - 1)

int rsp_serve_osdata(struct rsp_session *s, struct rsp_req *req)
{
	u32 len = req->len > OSDATA_MAX ? OSDATA_MAX : (u32)req->len;
	int ret;

	if (!s->ops->osdata)
		return 1;
	/* the ':' after the annex is parsed already: end the string there */
	req->data[req->data_len] = 0;
	s->osdata_len = len;
	s->osdata_owed = 1;
	/* one byte more tells 'm' (more follows) from 'l' */
	ret = s->ops->osdata(s->target, (const char *)req->data, req->off,
			     len + 1);
	if (ret >= 0 || !s->osdata_owed)
		return 0;
	s->osdata_owed = 0;
	if (ret != -RSP_EOPNOTSUPP && ret != -RSP_ENOTSUPP)
		rsp_put_error(s, ret);
	return 1;
}

void rsp_session_osdata_reply(struct rsp_session *s, const u8 *data, long n)
{
	u32 len = s->osdata_len;

	if (!s->osdata_owed)
		return;
	s->osdata_owed = 0;
	rsp_reply_reset(s);
	if (n < 0) {
		rsp_put_error(s, n);
	} else {
		if ((u64)n > (u64)len + 1)
			n = (long)len + 1;	/* more than asked: ignored */
		rsp_put_xfer_data(s, data, (u32)n > len ? len : (u32)n,
				  (u32)n > len);
	}
	if (rsp_send_reply(s))
		s->reply_unsent = 1;
}
