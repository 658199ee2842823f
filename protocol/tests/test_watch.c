// SPDX-License-Identifier: GPL-2.0
/*
 * test_watch.c - watchpoint stop replies (watch:ADDR) and the Z/z types
 * 1-4 reaching the target; qXfer:siginfo:read and :write.
 */
#include <errno.h>
#include <signal.h>
#include "test.h"

static void stop_reason(struct env *e, enum rsp_stop_reason reason,
			u64 data_addr)
{
	struct rsp_stop st = {
		.kind = RSP_STOP_SIGNAL, .reason = reason, .pid = MOCK_PID,
		.tid = MOCK_PID, .sig = SIGTRAP, .data_addr = data_addr,
	};

	rsp_session_stop(e->s, &st);
	env_drain(e);
}

static void test_watch_stop(void)
{
	struct env *e = env_new(0, NULL);
	const char *r;

	/* watch: goes out whatever gdb announced, as gdbserver does */
	xact(e, "qSupported");
	env_send_str(e, "c");
	env_drain(e);
	stop_reason(e, RSP_REASON_WATCH, 0x601040);
	r = last_reply(e);
	CHECK(r && !strncmp(r, "T05thread:4d2;", 14) &&
	      strstr(r, ";watch:601040;") && !strstr(r, "hwbreak"));
	env_send_str(e, "c");
	env_drain(e);
	stop_reason(e, RSP_REASON_WATCH, 0xffffffffffffffffULL);
	r = last_reply(e);
	CHECK(r && strstr(r, "watch:ffffffffffffffff;"));
	/* hwbreak: only to a gdb that announced hwbreak+ */
	env_send_str(e, "c");
	env_drain(e);
	stop_reason(e, RSP_REASON_HWBREAK, 0);
	r = last_reply(e);
	CHECK(r && !strstr(r, "hwbreak") && !strstr(r, "watch"));
	xact(e, "qSupported:hwbreak+");
	env_send_str(e, "c");
	env_drain(e);
	stop_reason(e, RSP_REASON_HWBREAK, 0);
	r = last_reply(e);
	CHECK(r && strstr(r, ";hwbreak:;"));
	env_free(e);
}

/* Z/z 1..4 go to the target as they are; its errors become E replies. */
static void test_watch_packets(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "Z2,400500,8"), "");	/* mock: EOPNOTSUPP */
	CHECK_STR(xact(e, "Z4,400500,ffffffff"), "E01");	/* > INT_MAX */
	CHECK_STR(xact(e, "Z2,400500,-1"), "E01");
	CHECK_STR(xact(e, "Z2,400500,"), "E01");
	CHECK_STR(xact(e, "Z2,,4"), "E01");
	CHECK_STR(xact(e, "z4,400500"), "E01");
	CHECK_STR(xact(e, "Z2,400500,4;"), "");
	env_free(e);
}

static void test_siginfo(void)
{
	struct env *e = env_new(0, NULL);
	char want[300], req[300];
	const char *r;
	u32 rlen, i;

	for (i = 0; i < 128; i++)
		e->m.siginfo[i] = (u8)('A' + i % 26);
	memcpy(e->m.siginfo + 0x7c, "wxy}", 4);	/* '}' is escaped */
	/* announced, read and write */
	r = xact(e, "qSupported");
	CHECK(strstr(r, ";qXfer:siginfo:read+;qXfer:siginfo:write+"));
	r = xact_bin(e, "qXfer:siginfo:read::0,80", 24, &rlen);
	CHECK(rlen == 130 && r[0] == 'l' &&
	      !memcmp(r + 1, e->m.siginfo, 127) && !memcmp(r + 128, "}]", 2));
	CHECK_INT(e->m.siginfo_tid, MOCK_PID);
	CHECK_INT(e->m.siginfo_req, 0x81);	/* one byte more */
	r = xact_bin(e, "qXfer:siginfo:read::8,4", 23, &rlen);
	CHECK(rlen == 5 && r[0] == 'm' && !memcmp(r + 1, "IJKL", 4));
	CHECK_STR(xact(e, "qXfer:siginfo:read::7c,10"), "lwxy}]");
	CHECK_STR(xact(e, "qXfer:siginfo:read::80,10"), "l");
	CHECK_STR(xact(e, "qXfer:siginfo:read::ffffffffffffffff,10"), "l");
	/* the Hg thread */
	CHECK_STR(xact(e, "Hg4d3"), "OK");
	xact(e, "qXfer:siginfo:read::0,80");
	CHECK_INT(e->m.siginfo_tid, MOCK_TID2);
	/* write: the count taken, in hex; binary data unescaped */
	CHECK_STR(xact_bin(e, "qXfer:siginfo:write::4:ab}]", 27, &rlen), "3");
	CHECK(e->m.siginfo[4] == 'a' && e->m.siginfo[5] == 'b' &&
	      e->m.siginfo[6] == '}' && e->m.siginfo[7] == 'H');
	CHECK_INT(e->m.siginfo_off, 4);
	strcpy(req, "qXfer:siginfo:write::7e:xyz");
	CHECK_STR(xact(e, req), "2");	/* cut at the end */
	CHECK_STR(xact(e, "qXfer:siginfo:write::80:x"), "0");
	/* malformed */
	e->m.n_siginfo = 0;
	CHECK_STR(xact(e, "qXfer:siginfo:read:x:0,80"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:read::0,0"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:read::0"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:read::,80"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:read::0,80x"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:read:"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:write:x:0:ab"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:write::0"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:write::0,ab"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:write::z:ab"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:write::0:ab}"), "E01");
	CHECK_STR(xact(e, "qXfer:siginfo:writex::0:ab"), "");
	CHECK_INT(e->m.n_siginfo, 0);
	/* target errors */
	e->m.siginfo_ret = -ENODATA;
	sprintf(want, "E%02x", ENODATA);
	CHECK_STR(xact(e, "qXfer:siginfo:read::0,80"), want);
	CHECK_STR(xact(e, "qXfer:siginfo:write::0:a"), want);
	e->m.siginfo_ret = 0;
	/* while running: refused */
	env_send_str(e, "c");
	env_drain(e);
	CHECK_STR(xact(e, "qXfer:siginfo:read::0,80"), "E10");
	env_free(e);

	/* without the operation: not announced, unsupported */
	e = env_new(0, &mock_ops_noxfer);
	r = xact(e, "qSupported");
	CHECK(!strstr(r, "siginfo"));
	CHECK_STR(xact(e, "qXfer:siginfo:read::0,80"), "");
	CHECK_STR(xact(e, "qXfer:siginfo:write::0:a"), "");
	env_free(e);
}

void test_watch(void)
{
	test_watch_stop();
	test_watch_packets();
	test_siginfo();
}
