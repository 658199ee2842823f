// SPDX-License-Identifier: GPL-2.0
/* test_osdata.c - qXfer:osdata:read and its deferred answer. */
#include <errno.h>
#include <stdlib.h>
#include "test.h"

/* What the recording osdata() operation saw and does. */
static struct {
	int calls;
	char annex[0x4000];
	u64 off;
	u32 len;
	int ret;		/* returned (without answering if < 0) */
	int defer;		/* 1: answer later, from the test */
	const char *doc;	/* the document served (any annex) */
	u32 doc_len;
	long extra;		/* answer this many bytes more than asked */
} od;

static int rec_osdata(void *t, const char *annex, u64 off, u32 len)
{
	struct mock *m = t;
	long n = 0;

	od.calls++;
	snprintf(od.annex, sizeof(od.annex), "%s", annex);
	od.off = off;
	od.len = len;
	if (od.ret < 0 || od.defer)
		return od.ret;
	if (off < od.doc_len)
		n = od.doc_len - (long)off > len ? len : od.doc_len - (long)off;
	rsp_session_osdata_reply(m->s, (const u8 *)od.doc + (n ? off : 0),
				 n + od.extra);
	return 0;
}

static struct env *osdata_env(const char *doc)
{
	static struct rsp_target_ops ops;

	ops = mock_ops;
	ops.osdata = rec_osdata;
	memset(&od, 0, sizeof(od));
	od.doc = doc;
	od.doc_len = (u32)strlen(doc);
	return env_new(1, &ops);
}

static void test_announce(void)
{
	struct env *e = env_new(1, NULL);

	CHECK(!strstr(xact(e, "qSupported"), "osdata"));
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "");
	env_free(e);
	e = osdata_env("<osdata/>");
	CHECK(strstr(xact(e, "qSupported:multiprocess+"),
		     ";qXfer:osdata:read+;"));
	CHECK_INT(od.calls, 0);
	env_free(e);
}

#define DOC "<osdata type=\"types\">\n<item></item></osdata>\n"

static void test_sync(void)
{
	struct env *e = osdata_env(DOC);
	char req[64];

	/* the whole document; one byte more is asked for */
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "l" DOC);
	CHECK_STR(od.annex, "");
	CHECK(od.off == 0 && od.len == 0x1000);
	CHECK_STR(xact(e, "qXfer:osdata:read:processes:0,10"),
		  "m<osdata type=\"ty");
	CHECK_STR(od.annex, "processes");
	CHECK(od.off == 0 && od.len == 0x11);
	/* pieces: 'm' while more follows, 'l' for the rest, then nothing */
	CHECK_STR(xact(e, "qXfer:osdata:read:processes:10,10"),
		  "mpes\">\n<item></it");
	CHECK(od.off == 0x10);
	CHECK_STR(xact(e, "qXfer:osdata:read:processes:20,20"),
		  "lem></osdata>\n");
	sprintf(req, "qXfer:osdata:read:processes:%x,10", (u32)strlen(DOC));
	CHECK_STR(xact(e, req), "l");
	CHECK_STR(xact(e, "qXfer:osdata:read:x:ffffffffffffffff,10"), "l");
	/* exactly to the end: 'l' (the extra byte finds nothing) */
	sprintf(req, "qXfer:osdata:read::0,%x", (u32)strlen(DOC));
	CHECK_STR(xact(e, req), "l" DOC);
	sprintf(req, "qXfer:osdata:read::0,%x", (u32)strlen(DOC) - 1);
	CHECK(xact(e, req)[0] == 'm');
	/* length 0: gdbserver's 'm' while there is data, else 'l' */
	CHECK_STR(xact(e, "qXfer:osdata:read::0,0"), "m");
	CHECK(od.len == 1);
	CHECK_STR(xact(e, "qXfer:osdata:read::1000,0"), "l");
	/* lengths beyond a packet are capped */
	CHECK_STR(xact(e, "qXfer:osdata:read::0,ffffffffffffffff"), "l" DOC);
	CHECK_INT(od.len, RSP_PACKET_MAX);
	/* any annex goes to the target, odd bytes included */
	CHECK_STR(xact(e, "qXfer:osdata:read:a b,c;d=e*:0,1"),
		  "m<");
	CHECK_STR(od.annex, "a b,c;d=e*");
	/* a target answering more than asked is cut to gdb's length */
	od.extra = 100;
	CHECK_STR(xact(e, "qXfer:osdata:read::0,4"), "m<osd");
	od.extra = 0;
	/* the session goes on */
	CHECK_STR(xact(e, "qC"), "QC4d2");
	env_free(e);
}

static void test_errors(void)
{
	struct env *e = osdata_env(DOC);
	int calls;

	od.ret = -EIO;
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "E05");
	CHECK(!e->s->osdata_owed);
	od.ret = -EOPNOTSUPP;
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "");
	od.ret = -524;	/* ENOTSUPP */
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "");
	od.ret = 0;
	CHECK(xact(e, "qXfer:osdata:read::0,fff")[0] == 'l');
	/* malformed: E01, the target is not asked */
	calls = od.calls;
	CHECK_STR(xact(e, "qXfer:osdata"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read:"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::0"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::0,"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::,10"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::zz,10"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::0,zz"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::0,10,"), "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read::10000000000000000,10"),
		  "E01");
	CHECK_STR(xact(e, "qXfer:osdata:read:types:0:10"), "E01");
	/* writes and other operations are not supported */
	CHECK_STR(xact(e, "qXfer:osdata:write::0:00"), "");
	CHECK_STR(xact(e, "qXfer:osdata:reads::0,10"), "");
	CHECK_INT(od.calls, calls);
	env_free(e);
}

/* The answer comes later: nothing else is served meanwhile. */
static void test_deferred(void)
{
	struct env *e = osdata_env(DOC);
	u32 olen;

	od.defer = 1;
	env_send_str(e, "qXfer:osdata:read:threads:0,fff");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->osdata_owed);
	CHECK_STR(od.annex, "threads");
	/* packets meanwhile: E10, no target call; ^C: nothing */
	CHECK_STR(xact(e, "qC"), "E10");
	CHECK_STR(xact(e, "qXfer:osdata:read::0,fff"), "E10");
	CHECK_INT(od.calls, 1);
	env_feed_raw(e, "\x03", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK_INT(e->m.n_interrupt, 0);
	/* the answer */
	rsp_session_osdata_reply(e->s, (const u8 *)"<osdata", 7);
	env_drain(e);
	CHECK_STR(last_reply(e), "l<osdata");
	CHECK(!e->s->osdata_owed);
	/* a second answer is ignored */
	rsp_session_osdata_reply(e->s, (const u8 *)"x", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	/* an error answer; a full answer means more follows */
	env_send_str(e, "qXfer:osdata:read:threads:0,3");
	env_drain(e);
	CHECK_INT(od.len, 4);
	rsp_session_osdata_reply(e->s, NULL, -ENOENT);
	env_drain(e);
	CHECK_STR(last_reply(e), "E02");
	env_send_str(e, "qXfer:osdata:read:threads:0,3");
	env_drain(e);
	rsp_session_osdata_reply(e->s, (const u8 *)"}#$*", 4);
	env_drain(e);
	CHECK_STR(last_reply(e), "m}]}\x03}\x04");
	/* the protocol's specials are escaped */
	env_send_str(e, "qXfer:osdata:read:threads:0,5");
	env_drain(e);
	rsp_session_osdata_reply(e->s, (const u8 *)"}#$*", 4);
	env_drain(e);
	CHECK_STR(last_reply(e), "l}]}\x03}\x04}\x0a");
	/* the answer while the output is full: sent once gdb reads */
	env_send_str(e, "qXfer:osdata:read::0,fff");
	env_drain(e);
	e->s->out_len = sizeof(e->s->out) - 8;
	memset(e->s->out, '+', e->s->out_len);
	rsp_session_osdata_reply(e->s, (const u8 *)DOC, strlen(DOC));
	CHECK(e->s->reply_unsent);
	rsp_session_output(e->s, &olen);
	rsp_session_consume(e->s, olen);
	CHECK(!e->s->reply_unsent);
	env_drain(e);
	CHECK_STR(last_reply(e), "l" DOC);
	CHECK_STR(xact(e, "qC"), "QC4d2");
	env_free(e);
}

/* Escaping never makes a reply overflow; pieces fit together. */
static void test_escaped_pieces(void)
{
	static const u32 chunks[] = { 1, 7, 0x100, 0x3ffb, 0xffff };
	static char doc[50000];
	struct env *e;
	u32 i, c, off, rlen;
	char req[64];
	static char got[60000];
	const char *r;

	for (i = 0; i < sizeof(doc) - 1; i++)
		doc[i] = "ab}#$*<&\n"[i % 9];
	doc[sizeof(doc) - 1] = 0;
	e = osdata_env(doc);
	for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
		int n = 0;

		off = 0;
		for (;;) {
			sprintf(req, "qXfer:osdata:read:files:%x,%x", off,
				chunks[c]);
			r = xact_bin(e, req, strlen(req), &rlen);
			if (!rlen || (r[0] != 'm' && r[0] != 'l') ||
			    ++n > 60000 || rlen > RSP_PACKET_MAX)
				break;
			for (i = 1; i < rlen; i++)
				got[off++] = r[i] == '}' ? r[++i] ^ 0x20 :
							   r[i];
			if (r[0] == 'l')
				break;
		}
		got[off] = 0;
		CHECK(off == strlen(doc) && !strcmp(got, doc));
	}
	env_free(e);
}

void test_osdata(void)
{
	test_announce();
	test_sync();
	test_errors();
	test_deferred();
	test_escaped_pieces();
}
