// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_hex.c - hex digits, hex numbers, thread ids and the binary escaping
 * of the remote protocol.  Everything here works on explicit lengths: the
 * packet bytes come straight from gdb and are never trusted to be text.
 */
#include "rsp_int.h"

const char rsp_hex_digits[16] = "0123456789abcdef";

int rsp_hex_val(u8 c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode n hex digits into at most out_max bytes.  Returns the number of
 * bytes, or -1 for an odd count, a non-hex digit or too much data.  in and
 * out may be the same buffer: byte i is written after digits 2i and 2i+1
 * were read.
 */
long rsp_hex_decode(const u8 *in, u32 n, u8 *out, u32 out_max)
{
	u32 i;

	if (n & 1 || n / 2 > out_max)
		return -1;
	for (i = 0; i < n / 2; i++) {
		int hi = rsp_hex_val(in[2 * i]);
		int lo = rsp_hex_val(in[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (u8)(hi << 4 | lo);
	}
	return (long)(n / 2);
}

/* Encode n bytes as 2n lower-case hex digits (no terminator). */
void rsp_hex_encode(const u8 *in, u32 n, u8 *out)
{
	u32 i;

	for (i = 0; i < n; i++) {
		out[2 * i] = rsp_hex_digits[in[i] >> 4];
		out[2 * i + 1] = rsp_hex_digits[in[i] & 0xf];
	}
}

int rsp_cur_eof(const struct rsp_cur *c)
{
	return c->p >= c->end;
}

/* Consume ch if it is next; 1 if it was. */
int rsp_cur_skip(struct rsp_cur *c, u8 ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return 1;
	}
	return 0;
}

/* Consume the literal str if the packet continues with it; 1 if so. */
int rsp_cur_prefix(struct rsp_cur *c, const char *str)
{
	u32 n = __builtin_strlen(str);

	if ((u32)(c->end - c->p) < n || __builtin_memcmp(c->p, str, n))
		return 0;
	c->p += n;
	return 1;
}

/*
 * A big-endian hex number of at least one digit.  Leading zeros are fine;
 * anything needing more than 64 bits is an error rather than being
 * silently truncated, so "huge" addresses cannot alias small ones.
 */
int rsp_cur_hex(struct rsp_cur *c, u64 *val)
{
	u64 v = 0;
	int digits = 0;
	int d;

	while (c->p < c->end && (d = rsp_hex_val(*c->p)) >= 0) {
		if (v >> 60)
			return -1;
		v = v << 4 | (u64)d;
		c->p++;
		digits++;
	}
	if (!digits)
		return -1;
	*val = v;
	return 0;
}

/* A hex number that must fit a non-negative int. */
int rsp_cur_hex_int(struct rsp_cur *c, int *val)
{
	u64 v;

	if (rsp_cur_hex(c, &v) || v > 0x7fffffff)
		return -1;
	*val = (int)v;
	return 0;
}

/* "-1" (all threads), or a hex id. */
static int rsp_cur_id(struct rsp_cur *c, int *id)
{
	if (rsp_cur_skip(c, '-')) {
		if (!rsp_cur_skip(c, '1'))
			return -1;
		*id = -1;
		return 0;
	}
	return rsp_cur_hex_int(c, id);
}

/*
 * A thread-id: "TID", "-1", "0", or the multiprocess forms "pPID.TID"
 * and "pPID" (= "pPID.-1", all threads of PID; "p0" is taken as any
 * thread).  PID and TID are hex or -1.  *pid is 0 for the plain forms
 * (any process).  "p", "p.", "p1.", "pzz.1" and numbers beyond an int
 * are errors.
 */
int rsp_cur_tid(struct rsp_cur *c, int *pid, int *tid)
{
	*pid = 0;
	if (!rsp_cur_skip(c, 'p'))
		return rsp_cur_id(c, tid);
	if (rsp_cur_id(c, pid))
		return -1;
	if (!rsp_cur_skip(c, '.')) {
		*tid = *pid == 0 ? 0 : -1;
		return 0;
	}
	return rsp_cur_id(c, tid);
}

/*
 * Bytes that cannot appear raw in binary data: the framing characters,
 * the escape itself, and '*' which gdb would take for run-length encoding.
 */
int rsp_needs_escape(u8 c)
{
	return c == '#' || c == '$' || c == '}' || c == '*';
}

/*
 * Escape up to n bytes into out, stopping before an escape sequence would
 * overflow out_max.  *consumed tells how many input bytes went in; the
 * return value is the number of bytes written.
 */
u32 rsp_escape(const u8 *in, u32 n, u8 *out, u32 out_max, u32 *consumed)
{
	u32 i, o = 0;

	for (i = 0; i < n; i++) {
		if (rsp_needs_escape(in[i])) {
			if (out_max - o < 2)
				break;
			out[o++] = '}';
			out[o++] = in[i] ^ 0x20;
		} else {
			if (out_max - o < 1)
				break;
			out[o++] = in[i];
		}
	}
	*consumed = i;
	return o;
}

/*
 * Undo the escaping in place.  Returns the new length, or -1 when the
 * data ends in the middle of an escape sequence.
 */
long rsp_unescape(u8 *buf, u32 n)
{
	u32 i, o = 0;

	for (i = 0; i < n; i++) {
		if (buf[i] == '}') {
			if (++i == n)
				return -1;
			buf[o++] = buf[i] ^ 0x20;
		} else {
			buf[o++] = buf[i];
		}
	}
	return (long)o;
}
