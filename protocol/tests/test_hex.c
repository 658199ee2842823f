// SPDX-License-Identifier: GPL-2.0
/* test_hex.c - hex codecs, number parsing, escaping. */
#include "test.h"
#include "../rsp_int.h"

static int cur_hex(const char *str, u64 *v, int *rest)
{
	struct rsp_cur c = { (u8 *)str, (u8 *)str + strlen(str) };
	int ret = rsp_cur_hex(&c, v);

	*rest = (int)(c.end - c.p);
	return ret;
}

static int cur_pid;

static int cur_tid(const char *str, int *tid)
{
	struct rsp_cur c = { (u8 *)str, (u8 *)str + strlen(str) };

	cur_pid = 0x5a5a;
	if (rsp_cur_tid(&c, &cur_pid, tid))
		return -1;
	return rsp_cur_eof(&c) ? 0 : -2;
}

void test_hex(void)
{
	u8 buf[64];
	char out[64];
	u8 esc[64];
	u64 v;
	int rest, tid;
	u32 used, n;
	long r;

	/* digits */
	CHECK_INT(rsp_hex_val('0'), 0);
	CHECK_INT(rsp_hex_val('9'), 9);
	CHECK_INT(rsp_hex_val('a'), 10);
	CHECK_INT(rsp_hex_val('F'), 15);
	CHECK_INT(rsp_hex_val('g'), -1);
	CHECK_INT(rsp_hex_val(':'), -1);
	CHECK_INT(rsp_hex_val(0), -1);

	/* decode / encode */
	CHECK_INT(rsp_hex_decode((const u8 *)"00ff7Fa5", 8, buf, 4), 4);
	CHECK(buf[0] == 0 && buf[1] == 0xff && buf[2] == 0x7f &&
	      buf[3] == 0xa5);
	CHECK_INT(rsp_hex_decode((const u8 *)"abc", 3, buf, 4), -1);
	CHECK_INT(rsp_hex_decode((const u8 *)"zz", 2, buf, 4), -1);
	CHECK_INT(rsp_hex_decode((const u8 *)"0g", 2, buf, 4), -1);
	CHECK_INT(rsp_hex_decode((const u8 *)"0011", 4, buf, 1), -1);
	CHECK_INT(rsp_hex_decode((const u8 *)"", 0, buf, 0), 0);
	memcpy(buf, "41424344", 8);
	CHECK_INT(rsp_hex_decode(buf, 8, buf, 8), 4);	/* in place */
	CHECK(!memcmp(buf, "ABCD", 4));
	rsp_hex_encode((const u8 *)"\x00\x01\xab\xff", 4, (u8 *)out);
	out[8] = 0;
	CHECK_STR(out, "0001abff");

	/* numbers */
	CHECK_INT(cur_hex("1f,", &v, &rest), 0);
	CHECK(v == 0x1f && rest == 1);
	CHECK_INT(cur_hex("ffffffffffffffff", &v, &rest), 0);
	CHECK(v == ~0ULL);
	CHECK_INT(cur_hex("0000000000000000000000001", &v, &rest), 0);
	CHECK(v == 1);
	CHECK_INT(cur_hex("10000000000000000", &v, &rest), -1);
	CHECK_INT(cur_hex("", &v, &rest), -1);
	CHECK_INT(cur_hex(",1", &v, &rest), -1);
	CHECK_INT(cur_hex("-1", &v, &rest), -1);

	/* thread ids */
	CHECK_INT(cur_tid("4d2", &tid), 0);
	CHECK_INT(tid, 0x4d2);
	CHECK_INT(cur_tid("-1", &tid), 0);
	CHECK_INT(tid, -1);
	CHECK_INT(cur_tid("0", &tid), 0);
	CHECK_INT(tid, 0);
	CHECK_INT(cur_tid("p4d2.4d3", &tid), 0);
	CHECK_INT(tid, 0x4d3);
	CHECK_INT(cur_tid("p4d2", &tid), 0);
	CHECK_INT(tid, -1);
	CHECK_INT(cur_tid("p4d2.-1", &tid), 0);
	CHECK_INT(tid, -1);
	CHECK_INT(cur_tid("-2", &tid), -1);
	CHECK_INT(cur_tid("", &tid), -1);
	CHECK_INT(cur_tid("p", &tid), -1);
	CHECK_INT(cur_tid("80000000", &tid), -1);
	CHECK_INT(cur_tid("7fffffff", &tid), 0);
	/* the process part of multiprocess thread-ids */
	CHECK_INT(cur_tid("p4d2.4d3", &tid), 0);
	CHECK(cur_pid == 0x4d2 && tid == 0x4d3);
	CHECK_INT(cur_tid("4d3", &tid), 0);
	CHECK(cur_pid == 0 && tid == 0x4d3);
	CHECK_INT(cur_tid("-1", &tid), 0);
	CHECK(cur_pid == 0 && tid == -1);
	CHECK_INT(cur_tid("p4d2", &tid), 0);
	CHECK(cur_pid == 0x4d2 && tid == -1);
	CHECK_INT(cur_tid("p4d2.-1", &tid), 0);
	CHECK(cur_pid == 0x4d2 && tid == -1);
	CHECK_INT(cur_tid("p4d2.0", &tid), 0);
	CHECK(cur_pid == 0x4d2 && tid == 0);
	CHECK_INT(cur_tid("p-1", &tid), 0);
	CHECK(cur_pid == -1 && tid == -1);
	CHECK_INT(cur_tid("p-1.-1", &tid), 0);
	CHECK(cur_pid == -1 && tid == -1);
	CHECK_INT(cur_tid("p0", &tid), 0);
	CHECK(cur_pid == 0 && tid == 0);
	CHECK_INT(cur_tid("p0.0", &tid), 0);
	CHECK(cur_pid == 0 && tid == 0);
	CHECK_INT(cur_tid("P4d2.4d3", &tid), -1);
	CHECK_INT(cur_tid("p7fffffff.7fffffff", &tid), 0);
	CHECK(cur_pid == 0x7fffffff && tid == 0x7fffffff);
	/* malformed ones */
	CHECK_INT(cur_tid("p.", &tid), -1);
	CHECK_INT(cur_tid("p.1", &tid), -1);
	CHECK_INT(cur_tid("pzz.1", &tid), -1);
	CHECK_INT(cur_tid("p1.", &tid), -1);
	CHECK_INT(cur_tid("p1.zz", &tid), -1);
	CHECK_INT(cur_tid("p1..1", &tid), -1);
	CHECK_INT(cur_tid("p-2.1", &tid), -1);
	CHECK_INT(cur_tid("p1.-2", &tid), -1);
	CHECK_INT(cur_tid("p-", &tid), -1);
	CHECK_INT(cur_tid("p80000000.1", &tid), -1);
	CHECK_INT(cur_tid("p1.80000000", &tid), -1);
	CHECK_INT(cur_tid("p10000000000000000.1", &tid), -1);
	CHECK_INT(cur_tid("p1.10000000000000000", &tid), -1);
	CHECK_INT(cur_tid("p1.1x", &tid), -2);
	CHECK_INT(cur_tid("p1.1.1", &tid), -2);
	CHECK_INT(cur_tid("p1x", &tid), -2);

	/* escaping */
	n = rsp_escape((const u8 *)"a#b$c}d*e", 9, esc, sizeof(esc), &used);
	CHECK_INT(used, 9);
	CHECK_INT(n, 13);
	CHECK(!memcmp(esc, "a}\x03" "b}\x04" "c}]d}\x0a" "e", 13));
	r = rsp_unescape(esc, n);
	CHECK_INT(r, 9);
	CHECK(!memcmp(esc, "a#b$c}d*e", 9));
	/* escape stops rather than split a pair */
	n = rsp_escape((const u8 *)"ab#", 3, esc, 3, &used);
	CHECK_INT(n, 2);
	CHECK_INT(used, 2);
	memcpy(esc, "ab}", 3);
	CHECK_INT(rsp_unescape(esc, 3), -1);
	CHECK_INT(rsp_unescape(esc, 0), 0);
	{
		u8 all[256], enc[512];
		int i;

		for (i = 0; i < 256; i++)
			all[i] = (u8)i;
		n = rsp_escape(all, 256, enc, sizeof(enc), &used);
		CHECK_INT(n, 260);
		CHECK_INT(rsp_unescape(enc, n), 256);
		CHECK(!memcmp(enc, all, 256));
	}
}
