// SPDX-License-Identifier: GPL-2.0
/* test_xfer.c - qXfer:threads, qXfer:exec-file and qXfer:auxv. */
#include <errno.h>
#include <stdlib.h>
#include "test.h"

/* Undo the binary escaping of a reply's data. */
static u32 unescape(const char *in, u32 n, u8 *out)
{
	u32 i, o = 0;

	for (i = 0; i < n; i++)
		out[o++] = in[i] == '}' && i + 1 < n ? in[++i] ^ 0x20 :
						       (u8)in[i];
	return o;
}

/*
 * Read OBJECT (annex ANNEX) from offset 0 in pieces of chunk bytes, as
 * gdb does.  Returns the data (NUL-terminated, caller frees) and its
 * length in *total, the number of requests in *nreq; NULL on an error
 * reply, an empty 'm' or a reply that is neither 'm' nor 'l'.
 */
static u8 *fetch(struct env *e, const char *object, const char *annex,
		 u32 chunk, u32 *total, int *nreq)
{
	u8 *buf = malloc(1 << 20);
	char req[128];
	u32 off = 0, rlen;
	const char *r;
	int n = 0;

	for (;;) {
		sprintf(req, "qXfer:%s:read:%s:%x,%x", object, annex, off,
			chunk);
		r = xact_bin(e, req, strlen(req), &rlen);
		if (!rlen || (r[0] != 'm' && r[0] != 'l') ||
		    (r[0] == 'm' && rlen == 1) || ++n > 100000 ||
		    off + rlen > (1 << 20)) {
			free(buf);
			return NULL;
		}
		/* never more than asked for */
		if (unescape(r + 1, rlen - 1, buf + off) > chunk) {
			free(buf);
			return NULL;
		}
		off += unescape(r + 1, rlen - 1, buf + off);
		if (r[0] == 'l')
			break;
	}
	buf[off] = 0;
	*total = off;
	if (nreq)
		*nreq = n;
	return buf;
}

#define XT(pfx, id, rest) "<thread id=\"" pfx id "\"" rest "/>\n"
#define DOC2(pfx) "<threads>\n" \
	XT(pfx, "4d2", " core=\"0\" name=\"mock\"") \
	XT(pfx, "4d3", " core=\"3\" name=\"mock-worker\"") "</threads>\n"

static void test_threads_doc(void)
{
	struct env *e = env_new(0, NULL);
	u32 total;
	u8 *d;
	int n;

	/* plain tids without multiprocess, pPID.TID with it */
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "l" DOC2(""));
	CHECK(e->m.n_thread_name == 2);
	xact(e, "qSupported:multiprocess+");
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "l" DOC2("p4d2."));
	/* without pid_of: the stop state's pid for every thread */
	env_free(e);
	{
		static struct rsp_target_ops ops;

		ops = mock_ops;
		ops.pid_of = NULL;
		e = env_new(0, &ops);
		xact(e, "qSupported:multiprocess+");
		CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
			  "l" DOC2("p4d2."));
		e->m.stop.kind = RSP_STOP_NONE;	/* pid unknown: plain */
		CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "l" DOC2(""));
		env_free(e);
	}
	e = env_new(0, NULL);

	/* no core / no name when the target has none */
	e->m.cores[1] = -1;
	e->m.name_ret = -ESRCH;
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n" XT("", "4d2", " core=\"0\"") XT("", "4d3", "")
		  "</threads>\n");
	e->m.name_ret = 0;
	e->m.cores[1] = 4095;
	strcpy(e->m.names[1], "");
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n" XT("", "4d2", " core=\"0\" name=\"mock\"")
		  XT("", "4d3", " core=\"4095\" name=\"\"") "</threads>\n");
	/* XML specials are escaped */
	strcpy(e->m.names[1], "a<b>&\"'c");
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n" XT("", "4d2", " core=\"0\" name=\"mock\"")
		  XT("", "4d3", " core=\"4095\" "
		     "name=\"a&lt;b&gt;&amp;&quot;&apos;c\"") "</threads>\n");
	/* the protocol's specials are binary-escaped in the reply */
	strcpy(e->m.names[0], "}#$*");
	CHECK(strstr(xact(e, "qXfer:threads:read::0,fff"),
		     "name=\"}]}\x03}\x04}\x0a\"") != NULL);
	d = fetch(e, "threads", "", 0xfff, &total, &n);
	CHECK(d && strstr((char *)d, "name=\"}#$*\"") && n == 1);
	free(d);
	/* not XML characters: '?'; valid UTF-8 passes */
	strcpy(e->m.names[0], "\x01" "a\xff\xc3\xa9\xe4\xb8");
	strcpy(e->m.names[1], "\xed\xa0\x80\xef\xbf\xbe\xf4\x90\x80\x80\t");
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n"
		  XT("", "4d2", " core=\"0\" name=\"?a?\xc3\xa9??\"")
		  XT("", "4d3", " core=\"4095\" name=\"???????????\"")
		  "</threads>\n");
	strcpy(e->m.names[0], "\xf0\x9f\x98\x80\xe2\x82\xac\xc0\xaf");
	CHECK(strstr(xact(e, "qXfer:threads:read::0,fff"),
		     "name=\"\xf0\x9f\x98\x80\xe2\x82\xac??\"") != NULL);
	/* the longest name comm holds */
	strcpy(e->m.names[0], "0123456789abcde");
	CHECK(strstr(xact(e, "qXfer:threads:read::0,fff"),
		     "name=\"0123456789abcde\"") != NULL);

	/* no process: an empty list; list_threads failing: its errno */
	e->m.present = 0;
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n</threads>\n");
	env_free(e);
	{
		static struct rsp_target_ops ops;

		ops = mock_ops;
		ops.list_threads = NULL;
		ops.thread_core = NULL;
		e = env_new(0, &ops);
		CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
			  "l<threads>\n</threads>\n");
		env_free(e);
	}
}

static int list_fail(void *t, int *tids, int max)
{
	(void)t;
	(void)tids;
	(void)max;
	return -EIO;
}

/* The document as the protocol should make it for the mock's threads. */
static char *expect_doc(struct env *e, int n)
{
	char *doc = malloc(1 << 20);
	char *p = doc;
	int i;

	p += sprintf(p, "<threads>\n");
	for (i = 0; i < n; i++) {
		if (i < MOCK_NTHREADS)
			p += sprintf(p, "<thread id=\"%x\" core=\"%d\" "
				     "name=\"%s\"/>\n", e->m.tids[i],
				     e->m.cores[i], e->m.names[i]);
		else
			p += sprintf(p, "<thread id=\"%x\" name=\"t%d\"/>\n",
				     0x10000 + i, 0x10000 + i);
	}
	sprintf(p, "</threads>\n");
	return doc;
}

static void test_threads_chunks(void)
{
	struct env *e = env_new(0, NULL);
	static const u32 chunks[] = { 1, 7, 0x100, 0xfff, 0x3ffb, 0x4000,
				      0xffffffff };
	u32 total, i, len;
	char *want, req[64];
	u8 *d;
	int n;

	/* small pieces fit together; 1 byte a request is the extreme */
	want = expect_doc(e, 2);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(e, "threads", "", chunks[i], &total, &n);
		CHECK(d && total == strlen(want) && !strcmp((char *)d, want));
		CHECK_INT(n, chunks[i] >= total ? 1 :
			     (total + chunks[i] - 1) / chunks[i]);
		free(d);
	}
	free(want);

	/* a document far larger than a packet (and than the session) */
	e->m.extra_threads = 1000;
	want = expect_doc(e, 1002);
	for (i = 2; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(e, "threads", "", chunks[i], &total, &n);
		CHECK(d && total == strlen(want) && !strcmp((char *)d, want));
		CHECK(n > 1);
		free(d);
	}
	len = (u32)strlen(want);
	free(want);
	/* at and past the end: 'l' */
	sprintf(req, "qXfer:threads:read::%x,10", len);
	CHECK_STR(xact(e, req), "l");
	sprintf(req, "qXfer:threads:read::%x,10", len - 3);
	CHECK_STR(xact(e, req), "ls>\n");
	CHECK_STR(xact(e, "qXfer:threads:read::ffffffffffffffff,10"), "l");
	CHECK_STR(xact(e, "qXfer:threads:read::10000000,fff"), "l");
	/* at most RSP_MAX_THREADS threads */
	e->m.extra_threads = 5000;
	want = expect_doc(e, RSP_MAX_THREADS);
	d = fetch(e, "threads", "", 0x3ffb, &total, NULL);
	CHECK(d && !strcmp((char *)d, want));
	free(d);
	free(want);

	/* later pieces come from the snapshot taken at offset 0 */
	e->m.extra_threads = 0;
	CHECK_STR(xact(e, "qXfer:threads:read::0,a"), "m<threads>\n");
	strcpy(e->m.names[0], "renamed");
	e->m.nthreads = 1;
	n = e->m.n_thread_name;
	CHECK_STR(xact(e, "qXfer:threads:read::a,fff"),
		  "l" XT("", "4d2", " core=\"0\" name=\"mock\"")
		  XT("", "4d3", " core=\"3\" name=\"mock-worker\"")
		  "</threads>\n");
	CHECK_INT(e->m.n_thread_name, n);	/* no target calls */
	/* a new read starts a new snapshot */
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"),
		  "l<threads>\n" XT("", "4d2", " core=\"0\" name=\"renamed\"")
		  "</threads>\n");
	env_free(e);

	/* a piece past 0 without a snapshot: nothing there */
	e = env_new(0, NULL);
	CHECK_STR(xact(e, "qXfer:threads:read::5,10"), "l");
	CHECK_INT(e->m.n_thread_name, 0);
	env_free(e);
	{
		static struct rsp_target_ops ops;

		ops = mock_ops;
		ops.list_threads = list_fail;
		e = env_new(0, &ops);
		CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "E05");
		CHECK_STR(xact(e, "qXfer:threads:read::5,fff"), "l");
		env_free(e);
	}
}

static void test_xfer_malformed(void)
{
	static const char *const objs[] = { "threads", "exec-file", "auxv" };
	struct env *e = env_new(0, NULL);
	char req[128];
	u32 i;

	for (i = 0; i < 3; i++) {
		const char *a = i == 1 ? "4d2" : "";

		sprintf(req, "qXfer:%s:read:%s:0,0", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:0", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:0,", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:,10", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:0,10x", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:0,10,", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:z,10", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s:10000000000000000,10",
			objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:%s", objs[i], a);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read:", objs[i]);
		CHECK_STR(xact(e, req), "E01");
		/* writes and unknown spellings are not supported */
		sprintf(req, "qXfer:%s:write::0:00", objs[i]);
		CHECK_STR(xact(e, req), "");
		sprintf(req, "qXfer:%sx:read::0,10", objs[i]);
		CHECK_STR(xact(e, req), "");
		/* fewer than three ':' is malformed (gdbserver: E01) */
		sprintf(req, "qXfer:%s", objs[i]);
		CHECK_STR(xact(e, req), "E01");
		sprintf(req, "qXfer:%s:read", objs[i]);
		CHECK_STR(xact(e, req), "E01");
	}
	CHECK_STR(xact(e, "qXfer:"), "E01");
	CHECK_STR(xact(e, "qXfer:nosuch:read:"), "E01");
	CHECK_STR(xact(e, "qXfer:nosuch:read::0,1"), "");
	/* threads and auxv take no annex */
	CHECK_STR(xact(e, "qXfer:threads:read:x:0,10"), "E01");
	CHECK_STR(xact(e, "qXfer:auxv:read:4d2:0,10"), "E01");
	CHECK_INT(e->m.n_read_auxv, 0);
	CHECK_INT(e->m.n_thread_name, 0);
	CHECK_INT(e->m.n_exec_file, 0);
	/* lengths beyond a packet are capped, not refused */
	CHECK(xact(e, "qXfer:threads:read::0,ffffffffffffffff")[0] == 'l');
	env_free(e);

	/* without the operations: unsupported */
	e = env_new(0, &mock_ops_noxfer);
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "");
	CHECK_STR(xact(e, "qXfer:exec-file:read::0,fff"), "");
	CHECK_STR(xact(e, "qXfer:auxv:read::0,fff"), "");
	CHECK(xact(e, "qXfer:features:read:target.xml:0,fff")[0] == 'm');
	env_free(e);
}

static void test_exec_file(void)
{
	struct env *e = env_new(0, NULL);
	static const u32 chunks[] = { 1, 3, 0x10, 0xfff };
	char req[64], big[600];
	u32 total, i, rlen;
	const char *r;
	u8 *d;
	int n;

	CHECK_STR(xact(e, "qXfer:exec-file:read::0,fff"), "l/usr/bin/mock");
	CHECK_INT(e->m.exec_pid, 0);
	CHECK_STR(xact(e, "qXfer:exec-file:read:4d2:0,fff"),
		  "l/usr/bin/mock");
	CHECK_INT(e->m.exec_pid, 0x4d2);
	CHECK_STR(xact(e, "qXfer:exec-file:read:04D2:0,fff"),
		  "l/usr/bin/mock");
	CHECK_INT(e->m.exec_pid, 0x4d2);
	CHECK_STR(xact(e, "qXfer:exec-file:read:4d3:0,fff"), "E03");
	CHECK_INT(e->m.exec_pid, 0x4d3);
	/* pieces; the end of the path is 'l', beyond it an error */
	CHECK_STR(xact(e, "qXfer:exec-file:read::0,4"), "m/usr");
	CHECK_STR(xact(e, "qXfer:exec-file:read::4,9"), "l/bin/mock");
	CHECK_STR(xact(e, "qXfer:exec-file:read::4,a"), "l/bin/mock");
	CHECK_STR(xact(e, "qXfer:exec-file:read::4,8"), "m/bin/moc");
	CHECK_STR(xact(e, "qXfer:exec-file:read::d,1"), "l");
	CHECK_STR(xact(e, "qXfer:exec-file:read::e,1"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read::ffffffffffffffff,1"),
		  "E01");
	/* bad annexes */
	n = e->m.n_exec_file;
	CHECK_STR(xact(e, "qXfer:exec-file:read:0:0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read:-1:0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read:p4d2:0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read:4d2.1:0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read:4d2 :0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:exec-file:read:80000000:0,fff"), "E01");
	CHECK_INT(e->m.n_exec_file, n);
	/* target errors */
	e->m.exec_ret = -ENOENT;
	CHECK_STR(xact(e, "qXfer:exec-file:read::0,fff"), "E02");
	e->m.exec_ret = 0;
	e->m.present = 0;
	CHECK_STR(xact(e, "qXfer:exec-file:read::0,fff"), "E03");
	e->m.present = 1;
	/* the protocol's specials are escaped; pieces fit together */
	strcpy(e->m.exec_path, "/tmp/a}b#c$d*e");
	r = xact_bin(e, "qXfer:exec-file:read::0,fff", 27, &rlen);
	CHECK_INT(rlen, 19);
	CHECK(!memcmp(r, "l/tmp/a}]b}\x03" "c}\x04" "d}\x0a" "e", 19));
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(e, "exec-file", "", chunks[i], &total, NULL);
		CHECK(d && !strcmp((char *)d, e->m.exec_path));
		free(d);
	}
	/* a long path, in gdb-sized and odd-sized pieces */
	for (i = 0; i < 500; i++)
		big[i] = "/ab}*#$c"[i % 8];
	big[500] = 0;
	strcpy(e->m.exec_path, big);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(e, "exec-file", "4d2", chunks[i], &total, &n);
		CHECK(d && total == 500 && !strcmp((char *)d, big));
		free(d);
	}
	/* right at the end */
	sprintf(req, "qXfer:exec-file:read::%x,fff", 500);
	CHECK_STR(xact(e, req), "l");
	env_free(e);
}

static void test_auxv(void)
{
	struct env *e = env_new(0, NULL);
	static const u32 chunks[] = { 1, 5, 0x10, 0x40, 0x3ffb };
	u32 total, i, rlen;
	const char *r;
	u8 *d;
	int n;

	/* AT_PAGESZ 4096, AT_ENTRY 0x2a247d23 (all four specials), AT_NULL */
	memset(e->m.auxv, 0, sizeof(e->m.auxv));
	e->m.auxv[0] = 6;
	e->m.auxv[9] = 0x10;
	e->m.auxv[16] = 9;
	memcpy(e->m.auxv + 24, "\x23\x7d\x24\x2a", 4);
	e->m.auxv_len = 48;
	r = xact_bin(e, "qXfer:auxv:read::0,fff", 22, &rlen);
	CHECK_INT(rlen, 1 + 48 + 4);
	CHECK(r[0] == 'l' && !memcmp(r + 1, e->m.auxv, 24) &&
	      !memcmp(r + 25, "}\x03}]}\x04}\x0a", 8) &&
	      !memcmp(r + 33, e->m.auxv + 28, 20));
	CHECK_INT(e->m.auxv_off, 0);
	CHECK_INT(e->m.auxv_req, 0x1000);	/* one byte more */
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(e, "auxv", "", chunks[i], &total, &n);
		CHECK(d && total == 48 && !memcmp(d, e->m.auxv, 48));
		CHECK_INT(n, (48 + chunks[i] - 1) / chunks[i]);
		free(d);
	}
	r = xact_bin(e, "qXfer:auxv:read::20,8", 21, &rlen);
	CHECK(rlen == 9 && r[0] == 'm' && !memcmp(r + 1, e->m.auxv + 32, 8));
	CHECK_INT(e->m.auxv_off, 0x20);
	CHECK_INT(e->m.auxv_req, 9);
	r = xact_bin(e, "qXfer:auxv:read::28,8", 21, &rlen);
	CHECK(rlen == 9 && r[0] == 'l');
	/* at and past the end */
	CHECK_STR(xact(e, "qXfer:auxv:read::30,8"), "l");
	CHECK_STR(xact(e, "qXfer:auxv:read::ffffffffffffffff,8"), "l");
	CHECK(e->m.auxv_off == 0xffffffffffffffffULL);
	/* huge lengths: one packet's worth */
	xact(e, "qXfer:auxv:read::0,ffffffff");
	CHECK_INT(e->m.auxv_req, RSP_PACKET_MAX);
	/* errors */
	e->m.auxv_ret = -EIO;
	CHECK_STR(xact(e, "qXfer:auxv:read::0,fff"), "E05");
	e->m.auxv_ret = 0;
	e->m.present = 0;
	CHECK_STR(xact(e, "qXfer:auxv:read::0,fff"), "E03");
	e->m.present = 1;

	/*
	 * Every byte escaped: a full-length piece is cut to what fits a
	 * packet and sent as 'm'; gdb goes on from there.
	 */
	memset(e->m.auxv, '}', sizeof(e->m.auxv));
	e->m.auxv_len = sizeof(e->m.auxv);
	r = xact_bin(e, "qXfer:auxv:read::0,3ffb", 23, &rlen);
	CHECK(r[0] == 'm' && rlen <= RSP_PACKET_MAX && rlen % 2 == 1);
	d = fetch(e, "auxv", "", 0x3ffb, &total, &n);
	CHECK(d && total == sizeof(e->m.auxv) &&
	      !memcmp(d, e->m.auxv, total));
	CHECK(n >= 3);
	free(d);
	/* the last byte of a piece escaped at the packet's edge */
	for (i = 0; i < sizeof(e->m.auxv); i++)
		e->m.auxv[i] = i % 3 ? 'a' : '#';
	d = fetch(e, "auxv", "", 0xffff, &total, NULL);
	CHECK(d && total == sizeof(e->m.auxv) &&
	      !memcmp(d, e->m.auxv, total));
	free(d);
	env_free(e);
}

/* While the target runs, qXfer is refused like everything else. */
static void test_xfer_running(void)
{
	struct env *e = env_new(0, NULL);

	env_send_str(e, "c");
	env_drain(e);
	CHECK(e->s->running);
	CHECK_STR(xact(e, "qXfer:threads:read::0,fff"), "E10");
	CHECK_STR(xact(e, "qXfer:auxv:read::0,fff"), "E10");
	CHECK_INT(e->m.n_thread_name + e->m.n_read_auxv, 0);
	env_free(e);
}

/* For xmllint in make check: a thread list with hostile names. */
void dump_threads_xml(void)
{
	struct env *e = env_new(0, NULL);
	u32 total;
	u8 *d;

	strcpy(e->m.names[0], "<&>\"'}#$*\x01\x7f\xff");
	strcpy(e->m.names[1], "\xe4\xb8\xad\xe6\x96\x87\xe5\x90\x8d\xe5");
	e->m.extra_threads = 3;
	xact(e, "qSupported:multiprocess+");
	d = fetch(e, "threads", "", 0x20, &total, NULL);
	if (d)
		fwrite(d, 1, total, stdout);
	free(d);
	env_free(e);
}

void test_qxfer(void)
{
	test_threads_doc();
	test_threads_chunks();
	test_xfer_malformed();
	test_exec_file();
	test_auxv();
	test_xfer_running();
}
