// SPDX-License-Identifier: GPL-2.0
/*
 * test_rle.c - run-length encoding of replies (gdbserver's try_rle rules)
 * and QPassSignals / QProgramSignals.
 */
#include <stdlib.h>
#include "test.h"
#include "../rsp_int.h"

/* qXfer:auxv reply for data: raw (encoded) and decoded payloads. */
static const char *auxv_raw(struct env *e, const void *data, u32 n)
{
	memcpy(e->m.auxv, data, n);
	e->m.auxv_len = n;
	xact(e, "qXfer:auxv:read::0,fff");
	return e->npkts ? e->raw[e->npkts - 1] : "<none>";
}

/* 'l' + data escaped as the engine does. */
static u32 want_escaped(const u8 *d, u32 n, char *out)
{
	u32 used, o;

	out[0] = 'l';
	o = 1 + rsp_escape(d, n, (u8 *)out + 1, 3 * n + 8, &used);
	out[o] = 0;
	return o;
}

static void run_case(struct env *e, char c, u32 run, const char *want_raw)
{
	char data[256], want[600];
	u32 wn;

	memset(data, c, run);
	wn = want_escaped((u8 *)data, run, want);
	CHECK_STR(auxv_raw(e, data, run), want_raw);
	CHECK_INT(e->pkt_len[0], wn);
	CHECK(!memcmp(e->pkts[0], want, wn));
	CHECK_INT(e->bad_csum, 0);
}

static void test_rle_runs(void)
{
	struct env *e = env_new(0, NULL);
	char want[300];
	int i;

	/* gdb's own decoder rules, in the test decoder */
	{
		char out[200];

		CHECK_INT(rle_decode("a* ", 3, out, sizeof(out)), 4);
		CHECK_INT(rle_decode("0*}", 3, out, sizeof(out)), 97);
		CHECK_INT(rle_decode("*!", 2, out, sizeof(out)), -1);
		CHECK_INT(rle_decode("a*", 2, out, sizeof(out)), -1);
		CHECK_INT(rle_decode("a*#", 3, out, sizeof(out)), -1);
	}
	run_case(e, 'a', 1, "la");
	run_case(e, 'a', 3, "laaa");		/* 3: literal */
	run_case(e, 'a', 4, "la* ");		/* 4: X + 3 repeats */
	run_case(e, 'a', 5, "la*!");
	run_case(e, 'a', 6, "la*\"");
	/* 6 / 7 repeats would give '#' / '$': cut to 5, rest literal */
	run_case(e, 'a', 7, "la*\"a");
	run_case(e, 'a', 8, "la*\"aa");
	run_case(e, 'a', 9, "la*%");
	run_case(e, 'a', 97, "la*}");		/* the longest run: '}' */
	run_case(e, 'a', 98, "la*}a");
	run_case(e, 'a', 100, "la*}aaa");
	run_case(e, 'a', 101, "la*}a* ");
	run_case(e, 'a', 194, "la*}a*}");
	/* the 'l' of the reply joins a run of 'l' */
	run_case(e, 'l', 3, "l* ");
	/* '*' and '#' in data are escaped, so they never form runs */
	run_case(e, '*', 4, "l}\n}\n}\n}\n");
	run_case(e, '#', 5, "l}\x03}\x03}\x03}\x03}\x03");
	/* '}' escapes to "}]": a run of ']' may start at the escaped byte */
	{
		const u8 d[] = { 0x7d, ']', ']', ']', 'x' };

		CHECK_STR(auxv_raw(e, d, 5), "l}]* x");
		want_escaped(d, 5, want);
		CHECK_STR(last_reply(e), want);
	}
	/* hex replies: zeroed memory reads as runs of '0' */
	memset(e->m.mem, 0, 64);
	CHECK_STR(xact(e, "m400000,40"), "00000000000000000000000000000000"
		  "000000000000000000000000000000000000000000000000"
		  "000000000000000000000000000000000000000000000000");
	CHECK_STR(e->raw[0], "0*}0*;");	/* 97 + 31 = 128 */
	/* plain replies shorter than a run are untouched */
	CHECK_STR(xact(e, "vMustReplyEmpty"), "");
	CHECK_STR(e->raw[0], "");
	/* random data with runs: decodes back to exactly the payload */
	srand(7);
	for (i = 0; i < 300; i++) {
		u8 d[600];
		char w[2000];
		u32 n = 0, wn, len = 1 + rand() % 500;

		while (n < len) {
			u32 run = 1 + rand() % (rand() % 4 ? 12 : 200);
			u8 c = "aa0}*#$\x03x"[rand() % 9];

			while (run-- && n < len)
				d[n++] = c;
		}
		wn = want_escaped(d, n, w);
		auxv_raw(e, d, n);
		CHECK(e->npkts == 1 && !e->bad_csum && !e->garbage &&
		      e->pkt_len[0] == wn && !memcmp(e->pkts[0], w, wn) &&
		      e->raw_len[0] <= wn &&
		      !memchr(e->raw[0], '#', e->raw_len[0]) &&
		      !memchr(e->raw[0], '$', e->raw_len[0]));
	}
	env_free(e);
}

/* The checksum is over the bytes on the wire; '-' resends them as is. */
static void test_rle_checksum(void)
{
	struct env *e = env_new(0, NULL);
	const u8 *o;
	u32 olen;
	char buf[64];

	memset(e->m.auxv, 'z', 20);
	e->m.auxv_len = 20;
	env_send_str(e, "qXfer:auxv:read::0,fff");
	o = rsp_session_output(e->s, &olen);
	/* "+" "$lz*0#cs": 19 repeats -> '0' */
	snprintf(buf, sizeof(buf), "+$lz*0#%02x", checksum("lz*0", 4));
	CHECK_INT(olen, strlen(buf));
	CHECK(olen == strlen(buf) && !memcmp(o, buf, olen));
	CHECK(checksum("lz*0", 4) != checksum("lzzzzzzzzzzzzzzzzzzzz", 21));
	rsp_session_consume(e->s, olen);
	env_feed_raw(e, "-", 1);
	o = rsp_session_output(e->s, &olen);
	CHECK(olen == strlen(buf) - 1 && !memcmp(o, buf + 1, olen));
	env_drain(e);
	env_free(e);
}

void test_rle(void)
{
	test_rle_runs();
	test_rle_checksum();
}

/* ---- QPassSignals / QProgramSignals ---- */

static int n_pass, n_prog, sig_ret;
static u8 got_pass[RSP_NSIG + 1];
static u32 got_n;

static int rec_pass(void *t, const u8 *pass, u32 n)
{
	(void)t;
	n_pass++;
	got_n = n;
	memcpy(got_pass, pass, n < RSP_NSIG ? n : RSP_NSIG);
	return sig_ret;
}

static int rec_prog(void *t, const u8 *pass, u32 n)
{
	(void)t;
	n_prog++;
	got_n = n;
	memcpy(got_pass, pass, n < RSP_NSIG ? n : RSP_NSIG);
	return sig_ret;
}

static int count_set(void)
{
	int i, c = 0;

	for (i = 0; i < RSP_NSIG; i++)
		c += !!got_pass[i];
	return c;
}

void test_pass_signals(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	/* without the ops: not announced, empty replies */
	e = env_new(0, NULL);
	r = xact(e, "qSupported:multiprocess+");
	CHECK(!strstr(r, "QPassSignals") && !strstr(r, "QProgramSignals"));
	CHECK_STR(xact(e, "QPassSignals:e;10"), "");
	CHECK_STR(xact(e, "QProgramSignals:e"), "");
	env_free(e);

	ops.pass_signals = rec_pass;
	e = env_new(0, &ops);
	r = xact(e, "qSupported");
	CHECK(strstr(r, ";QPassSignals+") && !strstr(r, "QProgramSignals"));
	CHECK_STR(xact(e, "QProgramSignals:e"), "");
	CHECK_INT(n_prog, 0);

	/*
	 * A list like gdb's: gdb's SIGALRM(e) URG(10) CHLD(14) IO(17)
	 * VTALRM(1a) PROF(1b) WINCH(1c) POLL(21, Linux SIGIO) ... and
	 * numbers Linux has no signal for (dropped).
	 */
	memset(got_pass, 0xee, sizeof(got_pass));
	CHECK_STR(xact(e, "QPassSignals:e;10;14;17;1a;1b;1c;21;24;25;2c;4c;97"),
		  "OK");
	CHECK_INT(n_pass, 1);
	CHECK_INT(got_n, RSP_NSIG);
	CHECK(!got_pass[0]);
	CHECK(got_pass[14] && got_pass[23] && got_pass[17] && got_pass[29] &&
	      got_pass[26] && got_pass[27] && got_pass[28]);
	CHECK(!got_pass[2] && !got_pass[5] && !got_pass[9] && !got_pass[11]);
	/* real-time: gdb 45 (0x2d) is SIG33, gdb 77 (0x4d) is SIG32 */
	CHECK_STR(xact(e, "QPassSignals:2d;4d"), "OK");
	CHECK(got_pass[33] && got_pass[32] && count_set() == 2);
	/* empty list: nothing passed */
	CHECK_STR(xact(e, "QPassSignals:"), "OK");
	CHECK_INT(n_pass, 3);
	CHECK_INT(count_set(), 0);
	/* a trailing ';' is tolerated */
	CHECK_STR(xact(e, "QPassSignals:e;"), "OK");
	CHECK(got_pass[14] && count_set() == 1);
	/* malformed: E01, target not called */
	CHECK_STR(xact(e, "QPassSignals:x"), "E01");
	CHECK_STR(xact(e, "QPassSignals:e;;10"), "E01");
	CHECK_STR(xact(e, "QPassSignals:e,10"), "E01");
	CHECK_STR(xact(e, "QPassSignals:;"), "E01");
	CHECK_STR(xact(e, "QPassSignals:11111111111111111"), "E01");
	CHECK_STR(xact(e, "QPassSignals"), "");
	CHECK_INT(n_pass, 4);
	/* huge but valid numbers are simply unknown signals */
	CHECK_STR(xact(e, "QPassSignals:ffffffffffffffff"), "OK");
	CHECK_INT(count_set(), 0);
	/* target errors */
	sig_ret = -RSP_EINVAL;
	CHECK_STR(xact(e, "QPassSignals:e"), "E16");
	sig_ret = 0;
	env_free(e);

	ops.program_signals = rec_prog;
	e = env_new(0, &ops);
	r = xact(e, "qSupported");
	CHECK(strstr(r, ";QPassSignals+;QProgramSignals+") != NULL);
	CHECK_STR(xact(e, "QProgramSignals:5;e"), "OK");
	CHECK_INT(n_prog, 1);
	CHECK(got_pass[5] && got_pass[14] && count_set() == 2);
	CHECK_STR(xact(e, "QProgramSignals:z"), "E01");
	CHECK_INT(n_prog, 1);
	env_free(e);
}
