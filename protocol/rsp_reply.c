// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_reply.c - appending to the reply being built in s->reply.  Every
 * writer is bounded by the buffer: a handler that misjudged its size
 * produces a truncated reply, never an overflow.  Handlers size their
 * data so that this does not happen (see RSP_MEM_MAX).
 */
#include "rsp_int.h"

void rsp_reply_reset(struct rsp_session *s)
{
	s->reply_len = 0;
	/* reply[] no longer holds what was last sent */
	s->have_last = 0;
}

u32 rsp_reply_room(const struct rsp_session *s)
{
	return sizeof(s->reply) - s->reply_len;
}

void rsp_put_char(struct rsp_session *s, u8 c)
{
	if (s->reply_len < sizeof(s->reply))
		s->reply[s->reply_len++] = c;
}

void rsp_put_str(struct rsp_session *s, const char *str)
{
	while (*str)
		rsp_put_char(s, (u8)*str++);
}

/* A number in hex without leading zeros ("0" for zero). */
void rsp_put_hex(struct rsp_session *s, u64 val)
{
	int shift = 60;

	while (shift > 0 && !((val >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		rsp_put_char(s, (u8)rsp_hex_digits[(val >> shift) & 0xf]);
}

/* Exactly two digits, as signal numbers and exit codes are sent. */
void rsp_put_hex8(struct rsp_session *s, u8 val)
{
	rsp_put_char(s, (u8)rsp_hex_digits[val >> 4]);
	rsp_put_char(s, (u8)rsp_hex_digits[val & 0xf]);
}

void rsp_put_hexbytes(struct rsp_session *s, const u8 *p, u32 n)
{
	if (n > rsp_reply_room(s) / 2)
		n = rsp_reply_room(s) / 2;
	rsp_hex_encode(p, n, s->reply + s->reply_len);
	s->reply_len += 2 * n;
}

/*
 * "Enn" with nn the errno in hex.  gdb does not interpret the number; it
 * only helps whoever reads a protocol log.  Out-of-range values (and 0,
 * which would read as success in a log) become E01.
 */
void rsp_put_error(struct rsp_session *s, long err)
{
	if (err < 0)
		err = -err;
	if (err <= 0 || err > 0xff)
		err = 1;
	rsp_put_char(s, 'E');
	rsp_put_hex8(s, (u8)err);
}
