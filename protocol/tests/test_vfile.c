// SPDX-License-Identifier: GPL-2.0
/* test_vfile.c - vFile (Host I/O) and qXfer:libraries-svr4:read. */
#include <errno.h>
#include <stdlib.h>
#include "test.h"

static u32 unesc(const char *in, u32 n, u8 *out)
{
	u32 i, o = 0;

	for (i = 0; i < n; i++)
		out[o++] = in[i] == '}' && i + 1 < n ? in[++i] ^ 0x20 :
						       (u8)in[i];
	return o;
}

/* "vFile:OP:" + hex of path + rest */
static const char *vf_path(struct env *e, const char *op, const char *path,
			   const char *rest)
{
	static char pkt[20000];
	u32 n = (u32)sprintf(pkt, "vFile:%s:", op), i;

	for (i = 0; path[i]; i++)
		n += (u32)sprintf(pkt + n, "%02x", (u8)path[i]);
	strcpy(pkt + n, rest);
	return xact(e, pkt);
}

static void test_vfile_open_close(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "vFile:setfs:0"), "F0");
	CHECK_INT(e->m.vf_setfs_pid, 0);
	CHECK_STR(xact(e, "vFile:setfs:4d2"), "F0");
	CHECK_INT(e->m.vf_setfs_pid, 0x4d2);
	CHECK_STR(xact(e, "vFile:setfs:"), "F0");	/* empty = 0 */
	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "Fa");
	CHECK_STR(e->m.vf_last_path, "/prog");
	CHECK_INT(e->m.vf_open_flags, 0);
	/* File-I/O flags -> Linux: RDWR|APPEND|CREAT|TRUNC|EXCL */
	CHECK_STR(vf_path(e, "open", "/link", ",e0a,1a4"), "Fb");
	CHECK_INT(e->m.vf_open_flags, 2 | 02000 | 0100 | 01000 | 0200);
	CHECK_INT(e->m.vf_open_mode, 0644);
	CHECK_STR(vf_path(e, "open", "/prog", ",1,8000"), "Fc");
	CHECK_INT(e->m.vf_open_mode, 0100000);
	CHECK_STR(vf_path(e, "open", "/prog", ",0,41ff"), "Fd");
	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "F-1,18");   /* EMFILE */
	CHECK_STR(vf_path(e, "open", "/nothere", ",0,0"), "F-1,2");
	CHECK_STR(vf_path(e, "open", "/secret", ",0,0"), "F-1,d");
	CHECK_STR(xact(e, "vFile:close:a"), "F0");
	CHECK_STR(xact(e, "vFile:close:a"), "F-1,16");	/* not open */
	CHECK_STR(xact(e, "vFile:close:b"), "F0");
	CHECK_STR(xact(e, "vFile:close:c"), "F0");
	CHECK_STR(xact(e, "vFile:close:d"), "F0");
	/* an empty name reaches the target (which says ENOENT) */
	CHECK_STR(xact(e, "vFile:open:,0,0"), "F-1,2");
	CHECK_STR(e->m.vf_last_path, "");
	env_free(e);
}

static void test_vfile_malformed(void)
{
	static const char *const bad[] = {
		"vFile:open:2f70726f67,0",		/* no mode */
		"vFile:open:2f70726f67",
		"vFile:open:2f70726f6,0,0",		/* odd hex */
		"vFile:open:zz,0,0",
		"vFile:open:2f70726f67,0,0,",		/* trailing */
		"vFile:open:2f70726f67,0,0x",
		"vFile:open:2f70726f67,10,0",		/* unknown flag */
		"vFile:open:2f70726f67,1000,0",
		"vFile:open:2f70726f67,0,200",		/* sticky bit */
		"vFile:open:2f70726f67,0,800",		/* set-uid */
		"vFile:open:2f70726f67,0,10000",
		"vFile:open:2f70726f67,100000000,0",	/* beyond an int */
		"vFile:open:2f70726f67,-1,0",
		"vFile:close:zz",
		"vFile:close:a,",
		"vFile:close:-1",
		"vFile:close:80000000",
		"vFile:pread:a,10",
		"vFile:pread:a,10,0,",
		"vFile:pread:a,10,0;",
		"vFile:pread:a,-1,0",
		"vFile:pread:a,10,-1",
		"vFile:pread:a,80000000,0",
		"vFile:pread:a,10,8000000000000000",
		"vFile:pread:a,10,10000000000000000",
		"vFile:pread:zz,10,0",
		"vFile:pwrite:a,0",
		"vFile:pwrite:a",
		"vFile:pwrite:a,-1,x",
		"vFile:pwrite:a,zz,x",
		"vFile:pwrite:a,0,ab}",			/* escape cut short */
		"vFile:fstat:a,",
		"vFile:fstat:x",
		"vFile:readlink:2f6c696e6",
		"vFile:readlink:2f6c696e6b,",
		"vFile:unlink:zz",
		"vFile:unlink:2f70726f67,",
		"vFile:setfs:-1",
		"vFile:setfs:0,",
		"vFile:setfs:zz",
		"vFile:setfs:80000000",
	};
	struct env *e = env_new(0, NULL);
	static char huge[20000];
	u32 i;

	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "Fa");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int calls = e->m.n_vfile_calls;

		if (strcmp(xact(e, bad[i]), "F-1,16"))
			printf("  malformed: %s -> %s\n", bad[i],
			       last_reply(e));
		CHECK_STR(last_reply(e), "F-1,16");
		/* refused before the target is asked */
		CHECK_INT(e->m.n_vfile_calls, calls);
	}
	/* a name of PATH_MAX bytes or more */
	strcpy(huge, "vFile:open:");
	for (i = 0; i < 4096; i++)
		strcat(huge + 11 + 2 * i, "61");
	strcat(huge, ",0,0");
	CHECK_STR(xact(e, huge), "F-1,16");
	/* 4095 bytes do go through */
	huge[11 + 2 * 4095] = 0;
	strcat(huge, ",0,0");
	CHECK_STR(xact(e, huge), "F-1,2");
	CHECK_INT(strlen(e->m.vf_last_path), 4095);
	/* unknown operations: the empty reply */
	CHECK_STR(xact(e, "vFile:stat:2f"), "");
	CHECK_STR(xact(e, "vFile:"), "");
	CHECK_STR(xact(e, "vFile:foo"), "");
	CHECK_STR(xact(e, "vFilex"), "");
	/* the file is still open and readable */
	CHECK_STR(xact(e, "vFile:pread:a,0,0"), "F0;");
	env_free(e);

	/* a target without all of Host I/O: nothing served */
	e = env_new(0, &mock_ops_novfile);
	CHECK_STR(xact(e, "vFile:setfs:0"), "");
	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "");
	CHECK_INT(e->m.n_vfile_calls, 0);
	env_free(e);
	e = env_new(0, &mock_ops_min);
	CHECK_STR(xact(e, "vFile:pread:a,1,0"), "");
	env_free(e);
}

static void test_vfile_pread(void)
{
	struct env *e = env_new(0, NULL);
	static u8 got[40000];
	u32 rlen, n, off, total;
	const char *r;
	char pkt[64];
	int reqs = 0;

	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "Fa");
	r = xact_bin(e, "vFile:pread:a,10,0", 18, &rlen);
	CHECK(rlen > 4 && !memcmp(r, "F10;", 4));
	n = unesc(r + 4, rlen - 4, got);
	CHECK_INT(n, 16);
	CHECK(!memcmp(got, e->m.vf_data, 16));
	/* at and past the end */
	CHECK_STR(xact(e, "vFile:pread:a,10,7530"), "F0;");
	CHECK_STR(xact(e, "vFile:pread:a,10,ffffffff"), "F0;");
	CHECK_STR(xact(e, "vFile:pread:a,0,0"), "F0;");
	CHECK_STR(xact(e, "vFile:pread:a,,0"), "F0;");
	r = xact(e, "vFile:pread:a,10,752c");
	CHECK(!strncmp(r, "F4;", 3));
	/* a huge count: capped at what one packet carries */
	r = xact_bin(e, "vFile:pread:a,7fffffff,0", 24, &rlen);
	CHECK_INT(e->m.vf_last_len, RSP_PACKET_MAX);
	CHECK(rlen <= RSP_PACKET_MAX);
	/* read it all as gdb does: count says what came, data matches */
	for (off = 0, total = 0; off < e->m.vf_size && reqs < 100; reqs++) {
		u32 len = (u32)sprintf(pkt, "vFile:pread:a,4000,%x", off);
		char *semi;

		r = xact_bin(e, pkt, len, &rlen);
		semi = memchr(r, ';', rlen);
		CHECK(r[0] == 'F' && semi);
		if (!semi)
			break;
		n = unesc(semi + 1, rlen - (u32)(semi + 1 - r), got + off);
		CHECK_INT(n, strtoul(r + 1, NULL, 16));
		if (!n)
			break;
		off += n;
		total += n;
	}
	CHECK_INT(total, e->m.vf_size);
	CHECK(!memcmp(got, e->m.vf_data, e->m.vf_size));
	/* target errors: unknown fd, write-only fd */
	CHECK_STR(xact(e, "vFile:pread:63,10,0"), "F-1,16");
	CHECK_STR(vf_path(e, "open", "/prog", ",1,0"), "Fb");
	CHECK_STR(xact(e, "vFile:pread:b,10,0"), "F-1,9");
	env_free(e);
}

static void test_vfile_pwrite_fstat(void)
{
	struct env *e = env_new(0, NULL);
	static const u8 want[64] = {
		0, 0, 8, 1,  0x34, 0x56, 0x78, 0x9a,  0, 0, 0x81, 0xed,
		0, 0, 0, 1,  0, 0, 3, 0xe8,  0, 0, 0, 100,  0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0x75, 0x30,  0, 0, 0, 0, 0, 0, 0x10, 0,
		0, 0, 0, 0, 0, 0, 0, 80,
		0x61, 0, 0, 0x23,  0x61, 0, 0, 0x2a,  0xff, 0xff, 0xff, 0xff,
	};
	u8 got[128];
	u32 rlen;
	const char *r;

	CHECK_STR(vf_path(e, "open", "/prog", ",2,0"), "Fa");
	/* escaped data: } ] -> '}', then a NUL */
	r = xact_bin(e, "vFile:pwrite:a,10,ab}]c\0d", 25, &rlen);
	CHECK_STR(r, "F6");
	CHECK_INT(e->m.vf_last_off, 0x10);
	CHECK(!memcmp(e->m.vf_data + 0x10, "ab}c\0d", 6));
	CHECK_STR(xact(e, "vFile:pwrite:a,0,"), "F0");	/* nothing */
	CHECK_STR(xact(e, "vFile:pwrite:63,0,x"), "F-1,16");
	CHECK_STR(xact(e, "vFile:pwrite:a,ffffffff,x"), "F-1,1b"); /* EFBIG */
	CHECK_STR(vf_path(e, "open", "/prog", ",0,0"), "Fb");
	CHECK_STR(xact(e, "vFile:pwrite:b,0,x"), "F-1,9");

	r = xact_bin(e, "vFile:fstat:a", 13, &rlen);
	CHECK(rlen > 4 && !memcmp(r, "F40;", 4));
	CHECK_INT(unesc(r + 4, rlen - 4, got), 64);
	CHECK(!memcmp(got, want, 64));
	CHECK_STR(xact(e, "vFile:fstat:63"), "F-1,16");
	CHECK_STR(xact(e, "vFile:fstat:"), "F-1,16");	/* fd 0 */
	env_free(e);
}

static void test_vfile_paths(void)
{
	struct env *e = env_new(0, NULL);
	u8 got[64];
	u32 rlen;
	const char *r;

	CHECK_STR(vf_path(e, "readlink", "/link", ""), "F5;/prog");
	CHECK_STR(vf_path(e, "readlink", "/prog", ""), "F-1,16");
	CHECK_STR(vf_path(e, "readlink", "/none", ""), "F-1,2");
	r = vf_path(e, "readlink", "/odd", "");
	rlen = (u32)e->pkt_len[e->npkts - 1];
	CHECK(!strncmp(r, "F6;", 3));
	CHECK_INT(unesc(r + 3, rlen - 3, got), 6);
	CHECK(!memcmp(got, "a}#$*b", 6));
	CHECK_STR(vf_path(e, "unlink", "/prog", ""), "F0");
	CHECK_STR(vf_path(e, "unlink", "/prog", ""), "F-1,2");
	CHECK_STR(vf_path(e, "unlink", "/dir", ""), "F-1,15");
	CHECK_STR(vf_path(e, "unlink", "/secret", ""), "F-1,d");
	CHECK_STR(vf_path(e, "unlink", "/toolong", ""), "F-1,5b");
	CHECK_STR(vf_path(e, "unlink", "/weird", ""), "F-1,270f");
	CHECK_STR(xact(e, "vFile:unlink:"), "F-1,2");
	CHECK_STR(e->m.vf_last_path, "");
	env_free(e);
}

/* ---- qXfer:libraries-svr4 ---- */

#define B	MOCK_MEM_BASE
#define PHDRS	(B + 0x40)
#define DYN	(B + 0x400)
#define RDEBUG	(B + 0x800)
#define LM0	(B + 0x900)
#define LM1	(B + 0x980)
#define LM2	(B + 0xa00)
#define NAMES	(B + 0x1000)
#define RDEBUG2	(B + 0x2000)
#define LM3	(B + 0x2100)

static void put64(struct mock *m, u64 addr, u64 v)
{
	int i;

	for (i = 0; i < 8; i++)
		m->mem[addr - B + i] = (u8)(v >> (8 * i));
}

static void put_auxv(struct mock *m, int i, u64 type, u64 val)
{
	int k;

	for (k = 0; k < 8; k++) {
		m->auxv[16 * i + k] = (u8)(type >> (8 * k));
		m->auxv[16 * i + 8 + k] = (u8)(val >> (8 * k));
	}
}

static void put_lm(struct mock *m, u64 lm, u64 addr, u64 name, u64 ld,
		   u64 next, u64 prev)
{
	put64(m, lm, addr);
	put64(m, lm + 8, name);
	put64(m, lm + 16, ld);
	put64(m, lm + 24, next);
	put64(m, lm + 32, prev);
}

/*
 * A PIE loaded at bias 0x400000 - 0x1000... in the mock's memory: three
 * program headers (PT_LOAD, PT_PHDR, PT_DYNAMIC), DT_DEBUG -> r_debug
 * (version 1), the program and two libraries.
 */
static void make_process(struct mock *m)
{
	memset(m->mem, 0, MOCK_MEM_SIZE);
	memset(m->auxv, 0, sizeof(m->auxv));
	put_auxv(m, 0, 6, 4096);		/* AT_PAGESZ */
	put_auxv(m, 1, 3, PHDRS);		/* AT_PHDR */
	put_auxv(m, 2, 5, 3);			/* AT_PHNUM */
	put_auxv(m, 3, 0, 0);
	m->auxv_len = 64;
	/* p_type at 0, p_vaddr at 16, p_memsz at 40; bias 0x3ff000 */
	m->mem[PHDRS - B] = 1;
	m->mem[PHDRS + 56 - B] = 6;
	put64(m, PHDRS + 56 + 16, 0x1040);
	m->mem[PHDRS + 112 - B] = 2;
	put64(m, PHDRS + 112 + 16, 0x1400);
	put64(m, PHDRS + 112 + 40, 0x40);
	put64(m, DYN, 1);			/* DT_NEEDED */
	put64(m, DYN + 8, 5);
	put64(m, DYN + 16, 21);			/* DT_DEBUG */
	put64(m, DYN + 24, RDEBUG);
	m->mem[RDEBUG - B] = 1;			/* r_version */
	put64(m, RDEBUG + 8, LM0);
	put_lm(m, LM0, 0x3ff000, NAMES, 0x401400, LM1, 0);
	put_lm(m, LM1, 0x7f0000, NAMES + 1, 0x7f1000, LM2, LM0);
	put_lm(m, LM2, 0x7e0000, NAMES + 0x100, 0x7e1000, 0, LM1);
	strcpy((char *)m->mem + (NAMES - B) + 1, "/lib/libc.so.6");
	strcpy((char *)m->mem + (NAMES - B) + 0x100, "/lib/a&b<\"'>#$*}.so");
}

#define LIB1 "<library name=\"/lib/libc.so.6\" lm=\"0x400980\" " \
	     "l_addr=\"0x7f0000\" l_ld=\"0x7f1000\" lmid=\"0x400800\"/>"
#define LIB2_IN(ns) \
	"<library name=\"/lib/a&amp;b&lt;&quot;&apos;&gt;#$*}.so\" " \
	"lm=\"0x400a00\" l_addr=\"0x7e0000\" l_ld=\"0x7e1000\" " \
	"lmid=\"" ns "\"/>"
#define LIB2 LIB2_IN("0x400800")
#define HEAD "<library-list-svr4 version=\"1.0\" main-lm=\"0x400900\">"
#define DOC HEAD LIB1 LIB2 "</library-list-svr4>"

/* The whole document, read in pieces of chunk bytes. */
static char *svr4_fetch(struct env *e, const char *annex, u32 chunk)
{
	static char doc[8192];
	char req[128];
	u32 off = 0, rlen;
	const char *r;
	int n = 0;

	for (;;) {
		u32 len = (u32)sprintf(req,
				       "qXfer:libraries-svr4:read:%s:%x,%x",
				       annex, off, chunk);

		r = xact_bin(e, req, len, &rlen);
		if (!rlen || (r[0] != 'm' && r[0] != 'l') || ++n > 10000 ||
		    off + rlen > sizeof(doc) - 1)
			return NULL;
		off += unesc(r + 1, rlen - 1, (u8 *)doc + off);
		if (r[0] == 'l')
			break;
	}
	doc[off] = 0;
	return doc;
}

static void test_svr4(void)
{
	struct env *e = env_new(0, NULL);
	static const u32 chunks[] = { 1, 7, 0x40, 0xfff };
	const char *d;
	u32 i;

	CHECK(strstr(xact(e, "qSupported"), ";qXfer:libraries-svr4:read+"
			";augmented-libraries-svr4-read+;"));
	make_process(&e->m);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = svr4_fetch(e, "", chunks[i]);
		CHECK(d != NULL);
		if (d)
			CHECK_STR(d, DOC);
	}
	/* gdb's annex keys; unknown ones ignored */
	CHECK_STR(svr4_fetch(e, "junk;lmid=0", 0xfff), DOC);
	CHECK_STR(svr4_fetch(e, "start=400980;prev=400900", 0xfff),
		  "<library-list-svr4 version=\"1.0\">"
		  "<library name=\"/lib/libc.so.6\" lm=\"0x400980\" "
		  "l_addr=\"0x7f0000\" l_ld=\"0x7f1000\" lmid=\"0x0\"/>"
		  LIB2_IN("0x0") "</library-list-svr4>");
	CHECK_STR(svr4_fetch(e, "start=400a00;prev=400980;lmid=400800", 0xfff),
		  "<library-list-svr4 version=\"1.0\">" LIB2
		  "</library-list-svr4>");
	/* gdb 13's order, and gdbserver's way of reading the annex */
	CHECK_STR(svr4_fetch(e, "lmid=400800;start=400a00;prev=400980",
			     0xfff),
		  "<library-list-svr4 version=\"1.0\">" LIB2
		  "</library-list-svr4>");
	CHECK_STR(svr4_fetch(e, "x;start=400980;prev=400900", 0xfff), DOC);
	CHECK_STR(svr4_fetch(e, "start=;prev=400900", 0xfff), DOC);
	CHECK_STR(svr4_fetch(e, "start", 0xfff), DOC);
	CHECK_STR(svr4_fetch(e, "start=10000000000400a00;prev=400980;"
			     "lmid=400800", 0xfff),
		  "<library-list-svr4 version=\"1.0\">" LIB2
		  "</library-list-svr4>");
	/* prev not matching: the chain is not trusted */
	CHECK_STR(svr4_fetch(e, "start=400980;prev=1", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read:start=zz:0,fff"), "E01");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read:start=1,prev=2:0,fff"),
		  "E01");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,0"), "E01");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0"), "E01");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::zz,10"), "E01");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::10000,10"), "l");
	CHECK_STR(xact(e, "qXfer:libraries-svr4:write::0,10"), "");

	/* a corrupt chain (l_prev wrong) stops at the bad entry */
	put64(&e->m, LM2 + 32, LM0);
	CHECK_STR(svr4_fetch(e, "", 0xfff), HEAD LIB1 "</library-list-svr4>");
	put64(&e->m, LM2 + 32, LM1);
	/* a cycle back: stopped by the l_prev check */
	put64(&e->m, LM2 + 24, LM1);
	CHECK_STR(svr4_fetch(e, "", 0xfff), DOC);
	put64(&e->m, LM2 + 24, 0);
	/* an unreadable name or an entry in unmapped memory */
	put64(&e->m, LM1 + 8, 0x10);
	CHECK_STR(svr4_fetch(e, "", 0xfff), HEAD LIB2 "</library-list-svr4>");
	put64(&e->m, LM1 + 8, NAMES + 1);
	put64(&e->m, LM2 + 24, 0x10);
	CHECK_STR(svr4_fetch(e, "", 0xfff), DOC);
	put64(&e->m, LM2 + 24, 0);

	/* a second namespace (r_version 2, r_next) */
	e->m.mem[RDEBUG - B] = 2;
	put64(&e->m, RDEBUG + 40, RDEBUG2);
	e->m.mem[RDEBUG2 - B] = 2;
	put64(&e->m, RDEBUG2 + 8, LM3);
	put_lm(&e->m, LM3, 0x600000, NAMES + 1, 0x601000, 0, 0);
	CHECK_STR(svr4_fetch(e, "", 0xfff), HEAD LIB1 LIB2
		  "<library name=\"/lib/libc.so.6\" lm=\"0x402100\" "
		  "l_addr=\"0x600000\" l_ld=\"0x601000\" lmid=\"0x402000\"/>"
		  "</library-list-svr4>");
	/* the first namespace without its list yet: the end, as gdbserver */
	put64(&e->m, RDEBUG + 8, 0);
	CHECK_STR(svr4_fetch(e, "", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	put64(&e->m, RDEBUG + 8, LM0);
	/* a namespace list looping on itself ends */
	put64(&e->m, RDEBUG2 + 40, RDEBUG2);
	CHECK(svr4_fetch(e, "", 0xfff) != NULL);
	/* r_version read as an int: negative is no version */
	e->m.mem[RDEBUG - B] = 0xff;
	e->m.mem[RDEBUG - B + 3] = 0xff;
	CHECK_STR(svr4_fetch(e, "", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	e->m.mem[RDEBUG - B + 3] = 0;
	e->m.mem[RDEBUG - B] = 1;

	/* before the dynamic linker ran: DT_DEBUG 0, empty list */
	put64(&e->m, DYN + 24, 0);
	CHECK_STR(svr4_fetch(e, "", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	/* r_map not set yet, or r_version 0: empty too */
	put64(&e->m, DYN + 24, RDEBUG);
	put64(&e->m, RDEBUG + 8, 0);
	CHECK_STR(svr4_fetch(e, "", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	put64(&e->m, RDEBUG + 8, LM0);
	e->m.mem[RDEBUG - B] = 0;
	CHECK_STR(svr4_fetch(e, "", 0xfff),
		  "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
	e->m.mem[RDEBUG - B] = 1;
	/* a static program: no DT_DEBUG, no PT_DYNAMIC -> E01 */
	put64(&e->m, DYN + 16, 0);
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "E01");
	put64(&e->m, DYN + 16, 21);
	e->m.mem[PHDRS + 112 - B] = 1;
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "E01");
	e->m.mem[PHDRS + 112 - B] = 2;
	/* auxv without AT_PHDR, or unreadable; phdrs unmapped */
	put_auxv(&e->m, 1, 7, 0);
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "E01");
	put_auxv(&e->m, 1, 3, 0x10);
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "E01");
	put_auxv(&e->m, 1, 3, PHDRS);
	e->m.auxv_ret = -EIO;
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "E01");
	e->m.auxv_ret = 0;
	CHECK_STR(svr4_fetch(e, "", 0xfff), DOC);
	/* no process: an error, not a crash */
	e->m.present = 0;
	e->m.nthreads = 0;
	CHECK(xact(e, "qXfer:libraries-svr4:read::0,fff")[0] == 'E');
	env_free(e);

	/* not announced or served without read_auxv */
	e = env_new(0, &mock_ops_noxfer);
	CHECK(!strstr(xact(e, "qSupported"), "libraries-svr4"));
	CHECK_STR(xact(e, "qXfer:libraries-svr4:read::0,fff"), "");
	env_free(e);
}

void test_vfile(void)
{
	test_vfile_open_close();
	test_vfile_malformed();
	test_vfile_pread();
	test_vfile_pwrite_fstat();
	test_vfile_paths();
	test_svr4();
}
