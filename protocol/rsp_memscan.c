// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_memscan.c - questions gdb asks about a whole range of memory,
 * answered by reading it through the target in packet-sized chunks, so
 * that gdb does not have to fetch the range itself: qCRC (gdb's
 * compare-sections) and qSearch:memory (gdb's find).
 *
 * Both read through read_mem() of the current thread's process; a range
 * that cannot be read to its end is an error (E01), as with gdbserver.
 */
#include "rsp_int.h"

#define SCAN_CHUNK	RSP_PACKET_MAX

/*
 * gdb's CRC-32 (libiberty's xcrc32, which gdb compares against): the
 * polynomial 0x04c11db7, most significant bit first, no final inversion.
 */
static u32 crc32_update(u32 crc, const u8 *p, u32 n)
{
	int bit;

	while (n--) {
		crc ^= (u32)*p++ << 24;
		for (bit = 0; bit < 8; bit++)
			crc = crc & 0x80000000u ? (crc << 1) ^ 0x04c11db7u :
						  crc << 1;
	}
	return crc;
}

/* Read up to len bytes at addr into buf; <= 0 when nothing could be. */
static long scan_read(struct rsp_session *s, int tid, u64 addr, u8 *buf,
		      u32 len)
{
	long n = s->ops->read_mem(s->target, tid, addr, buf, len);

	return n > (long)len ? -RSP_EIO : n;
}

/* The thread whose memory is scanned, or an error reply (returns < 0). */
static int scan_tid(struct rsp_session *s)
{
	int tid = rsp_current_tid(s, 1);

	if (tid >= 0 && !s->ops->read_mem)
		tid = -RSP_EOPNOTSUPP;
	if (tid < 0)
		rsp_put_error(s, tid);
	return tid;
}

/* qCRC:addr,length -> "C" and the CRC as 8 hex digits. */
static int serve_crc(struct rsp_session *s, struct rsp_req *req)
{
	u64 addr = req->addr, left = req->len;
	u32 crc = 0xffffffffu;
	int tid = scan_tid(s);
	long n;

	if (tid < 0)
		return 1;
	while (left) {
		n = scan_read(s, tid, addr, s->scratch,
			      left < SCAN_CHUNK ? (u32)left : SCAN_CHUNK);
		if (n <= 0) {
			rsp_put_str(s, "E01");
			return 1;
		}
		crc = crc32_update(crc, s->scratch, (u32)n);
		addr += (u64)n;
		left -= (u64)n;
	}
	rsp_put_char(s, 'C');
	rsp_put_hex8(s, (u8)(crc >> 24));
	rsp_put_hex8(s, (u8)(crc >> 16));
	rsp_put_hex8(s, (u8)(crc >> 8));
	rsp_put_hex8(s, (u8)crc);
	return 1;
}

/* Index of pat (plen bytes) in buf (n bytes), or -1. */
static long find_bytes(const u8 *buf, u32 n, const u8 *pat, u32 plen)
{
	u32 i;

	for (i = 0; i + plen <= n; i++)
		if (buf[i] == pat[0] && !__builtin_memcmp(buf + i, pat, plen))
			return i;
	return -1;
}

/*
 * qSearch:memory:addr;length;pattern (pattern binary-escaped) -> "0"
 * (not found) or "1,addr" (the first match).  Chunks overlap by the
 * pattern's length less one, so a match across two reads is found.
 */
static int serve_search(struct rsp_session *s, struct rsp_req *req)
{
	u64 pos = req->addr, left = req->len;
	const u8 *pat = req->data;
	u32 keep = 0, avail, want;
	long plen, n, at;
	int tid;

	plen = rsp_unescape(req->data, req->data_len);
	if (plen <= 0 || plen > SCAN_CHUNK / 2) {
		rsp_put_str(s, "E01");
		return 1;
	}
	tid = scan_tid(s);
	if (tid < 0)
		return 1;
	while (left + keep >= (u64)plen && left) {
		want = SCAN_CHUNK - keep;
		if (left < want)
			want = (u32)left;
		n = scan_read(s, tid, pos, s->scratch + keep, want);
		if (n <= 0) {
			rsp_put_str(s, "E01");
			return 1;
		}
		avail = keep + (u32)n;
		at = find_bytes(s->scratch, avail, pat, (u32)plen);
		if (at >= 0) {
			rsp_put_str(s, "1,");
			rsp_put_hex(s, pos - keep + (u64)at);
			return 1;
		}
		pos += (u64)n;
		left -= (u64)n;
		keep = (u32)plen - 1 < avail ? (u32)plen - 1 : avail;
		__builtin_memmove(s->scratch, s->scratch + avail - keep, keep);
	}
	rsp_put_char(s, '0');
	return 1;
}

int rsp_serve_memscan(struct rsp_session *s, struct rsp_req *req)
{
	if (req->kind == RSP_REQ_CRC)
		return serve_crc(s, req);
	return serve_search(s, req);
}
