// SPDX-License-Identifier: GPL-2.0
/* test_packets.c - queries, registers, memory and breakpoint packets. */
#include <stdlib.h>
#include "test.h"

#define RBP_HEX "3031323334353637"
#define RSP_HEX "38393a3b3c3d3e3f"
#define RIP_HEX "8081828384858687"

static void test_supported(void)
{
	struct env *e = env_new(0, NULL);
	char want[256], want_mp[300], want_all[320];

	sprintf(want, "PacketSize=%x;QStartNoAckMode+;swbreak+;hwbreak+;"
		"vContSupported+;qXfer:features:read+;qXfer:auxv:read+;"
		"qXfer:exec-file:read+;qXfer:threads:read+;"
		"qXfer:libraries-svr4:read+;augmented-libraries-svr4-read+;"
		"qXfer:siginfo:read+;"
		"qXfer:siginfo:write+", RSP_PACKET_MAX);
	sprintf(want_mp, "%s;multiprocess+", want);
	sprintf(want_all, "%s;no-resumed+", want_mp);
	/* gdb 13's offer: multiprocess+ is announced back */
	CHECK_STR(xact(e, "qSupported:multiprocess+;swbreak+;hwbreak+;"
		       "qRelocInsn+;fork-events+;vfork-events+;exec-events+;"
		       "vContSupported+;QThreadEvents+;no-resumed+;"
		       "memory-tagging+;xmlRegisters=i386"), want_all);
	CHECK(e->s->gdb_swbreak && e->s->gdb_hwbreak && e->s->multiprocess);
	CHECK(e->s->gdb_no_resumed);
	CHECK_STR(xact(e, "qSupported"), want);
	CHECK(!e->s->gdb_swbreak && !e->s->gdb_hwbreak);
	CHECK(!e->s->gdb_no_resumed);
	CHECK(!e->s->multiprocess);
	CHECK_STR(xact(e, "qSupported:xmlRegisters=i386;multiprocess+"),
		  want_mp);
	CHECK(e->s->multiprocess && !e->s->gdb_swbreak);
	/* only the exact feature counts */
	CHECK_STR(xact(e, "qSupported:multiprocess-"), want);
	CHECK(!e->s->multiprocess);
	CHECK_STR(xact(e, "qSupported:multiprocess+x;multiprocess"), want);
	CHECK(!e->s->multiprocess);
	CHECK_STR(xact(e, "qSupported:"), want);
	CHECK_STR(xact(e, "qSupported:;;;swbreak+"), want);
	CHECK(e->s->gdb_swbreak && !e->s->gdb_hwbreak);
	CHECK_STR(xact(e, "qSupported:swbreak-;hwbreak+x"), want);
	CHECK(!e->s->gdb_swbreak && !e->s->gdb_hwbreak);
	/* the thread library's name first (rsp_tls.c; test_tls.c) */
	CHECK_STR(xact(e, "qSymbol::"),
		  "qSymbol:5f5f6e70746c5f76657273696f6e");
	CHECK_STR(xact(e, "qSymbol::5f5f6e70746c5f76657273696f6e"), "OK");
	CHECK_STR(xact(e, "qSymbol:6d61696e:"), "");
	CHECK_STR(xact(e, "qCx"), "");
	CHECK_STR(xact(e, "vCont?"), "vCont;c;C;t;s;S;r");
	e->m.can_range_step_val = 0;
	CHECK_STR(xact(e, "vCont?"), "vCont;c;C;t;s;S");
	e->m.can_range_step_val = 1;
	e->m.can_step_val = 0;
	CHECK_STR(xact(e, "vCont?"), "vCont;c;C;t");
	CHECK_STR(xact(e, "vCont?x"), "E01");
	CHECK_STR(xact(e, "!"), "OK");
	CHECK(e->s->extended);
	env_free(e);
	/* the qXfer objects are only announced with their operations */
	e = env_new(0, &mock_ops_noxfer);
	sprintf(want, "PacketSize=%x;QStartNoAckMode+;swbreak+;hwbreak+;"
		"vContSupported+;qXfer:features:read+", RSP_PACKET_MAX);
	CHECK_STR(xact(e, "qSupported"), want);
	env_free(e);
}

static void test_regs(void)
{
	struct env *e = env_new(0, NULL);
	char *want = malloc(2 * RSP_AMD64_G_SIZE + 1);
	char *g = malloc(2 * RSP_AMD64_G_SIZE + 16);
	const char *r;
	u8 regs[RSP_AMD64_G_SIZE];
	int i;

	hexify(e->m.regs[0], RSP_AMD64_G_SIZE, want);
	CHECK_STR(xact(e, "g"), want);
	CHECK_STR(xact(e, "gx"), "E01");
	/* unreadable registers are "xx" bytes */
	e->m.reg_fail[RSP_AMD64_ST0] = 1;
	r = xact(e, "g");
	CHECK(!strncmp(r + 2 * 164, "xxxxxxxxxxxxxxxxxxxx", 20) &&
	      !strncmp(r, want, 328) && !strcmp(r + 348, want + 348));
	CHECK_STR(xact(e, "p18"), "xxxxxxxxxxxxxxxxxxxx");
	e->m.reg_fail[RSP_AMD64_ST0] = 0;
	/* a target returning the wrong size is not trusted */
	e->m.reg_bad_size = 1;
	CHECK_STR(xact(e, "p6"), "xxxxxxxxxxxxxxxx");
	e->m.reg_bad_size = 0;

	CHECK_STR(xact(e, "p6"), RBP_HEX);
	CHECK_STR(xact(e, "p10"), RIP_HEX);
	CHECK_STR(xact(e, "p11"), "88898a8b");		/* eflags */
	CHECK_STR(xact(e, "p3b"), "28292a2b2c2d2e2f");	/* gs_base */
	CHECK_STR(xact(e, "p3c"), "E01");
	CHECK_STR(xact(e, "p"), "E01");
	CHECK_STR(xact(e, "pz"), "E01");
	CHECK_STR(xact(e, "p6,"), "E01");
	CHECK_STR(xact(e, "pffffffffffffffffff"), "E01");
	/* Hg selects the thread */
	CHECK_STR(xact(e, "Hg4d3"), "OK");
	CHECK_STR(xact(e, "p0"), "1011121314151617");
	CHECK_STR(xact(e, "Hg0"), "OK");
	CHECK_STR(xact(e, "p0"), "0001020304050607");

	/* P */
	CHECK_STR(xact(e, "P10=1122334455667788"), "OK");
	CHECK(e->m.regs[0][128] == 0x11 && e->m.regs[0][135] == 0x88);
	CHECK_STR(xact(e, "P10=11223344556677"), "E01");
	CHECK_STR(xact(e, "P10=112233445566778899"), "E01");
	CHECK_STR(xact(e, "P10=11223344556677zz"), "E01");
	CHECK_STR(xact(e, "P3c=00"), "E01");
	CHECK_STR(xact(e, "P10"), "E01");
	CHECK_STR(xact(e, "P=00"), "E01");
	CHECK_STR(xact(e, "P28=000102030405060708090a0b0c0d0e0f"), "OK");
	e->m.write_reg_fail = 1;
	CHECK_STR(xact(e, "P0=0000000000000000"), "E01");	/* EPERM */
	e->m.write_reg_fail = 0;

	/* G: all registers back in */
	for (i = 0; i < RSP_AMD64_G_SIZE; i++)
		regs[i] = (u8)(0xff - i);
	g[0] = 'G';
	hexify(regs, RSP_AMD64_G_SIZE, g + 1);
	e->m.n_reg_writes = 0;
	CHECK_STR(xact(e, g), "OK");
	CHECK_INT(e->m.n_reg_writes, RSP_AMD64_NREGS_BASE);
	CHECK(!memcmp(e->m.regs[0], regs, RSP_AMD64_G_SIZE));
	/* too long, odd, bad hex */
	strcat(g, "00");
	CHECK_STR(xact(e, g), "E01");
	g[strlen(g) - 1] = 0;
	CHECK_STR(xact(e, g), "E01");
	CHECK_STR(xact(e, "Gzz"), "E01");
	/* partial: only the covered registers */
	e->m.n_reg_writes = 0;
	CHECK_STR(xact(e, "G00000000000000001111"), "OK");
	CHECK_INT(e->m.n_reg_writes, 1);
	CHECK_STR(xact(e, "G"), "OK");
	e->m.write_reg_fail = 1;
	CHECK_STR(xact(e, "G00000000000000001111"), "E01");
	e->m.write_reg_fail = 0;
	/* no process: errors */
	e->m.present = 0;
	CHECK_STR(xact(e, "g"), "E03");
	CHECK_STR(xact(e, "p0"), "E03");
	free(g);
	free(want);
	env_free(e);
}

/*
 * A session describing AVX, MPX and pkeys (the test VM's CPU): wire
 * numbers past 59 are mapped to register ids, g has gdbserver's 83
 * registers in 900 bytes, and what is beyond the description is E01.
 */
static void test_regs_features(void)
{
	struct env *e = env_new(0, NULL);
	const struct rsp_reg_desc *pkru = rsp_amd64_reg(RSP_AMD64_PKRU);
	const struct rsp_reg_desc *ymm1h = rsp_amd64_reg(RSP_AMD64_YMM0H + 1);
	char *want = malloc(2 * RSP_AMD64_G_MAX + 2);
	char *g = malloc(2 * RSP_AMD64_G_MAX + 2);
	u8 regs[RSP_AMD64_G_MAX];
	int i;

	rsp_session_set_reg_features(e->s, RSP_AMD64_HAS(AVX) |
				     RSP_AMD64_HAS(MPX) | RSP_AMD64_HAS(PKEYS));
	/* g: base registers, then ymm0h.. bndstatus, then pkru */
	hexify(e->m.regs[0], 880, want);
	hexify(e->m.regs[0] + 880, 16, want + 2 * 880);
	hexify(e->m.regs[0] + pkru->offset, 4, want + 2 * 896);
	CHECK_STR(xact(e, "g"), want);
	CHECK_INT(strlen(last_reply(e)), 1800);
	/* p: ymm1h is 61 (3d), pkru 82 (52) */
	hexify(e->m.regs[0] + ymm1h->offset, 16, want);
	CHECK_STR(xact(e, "p3d"), want);
	hexify(e->m.regs[0] + pkru->offset, 4, want);
	CHECK_STR(xact(e, "p52"), want);
	CHECK_STR(xact(e, "p53"), "E01");
	CHECK_STR(xact(e, "P53=00000000"), "E01");
	/* P: the id's bytes change, nothing else */
	memcpy(regs, e->m.regs[0], sizeof(regs));
	CHECK_STR(xact(e, "P52=54555555"), "OK");
	CHECK(!memcmp(e->m.regs[0] + pkru->offset, "\x54\x55\x55\x55", 4));
	memcpy(regs + pkru->offset, "\x54\x55\x55\x55", 4);
	CHECK_STR(xact(e, "P3d=00112233445566778899aabbccddeeff"), "OK");
	memcpy(regs + ymm1h->offset,
	       "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd"
	       "\xee\xff", 16);
	CHECK(!memcmp(e->m.regs[0], regs, sizeof(regs)));
	CHECK_STR(xact(e, "P3d=0011"), "E01");
	CHECK_STR(xact(e, "P52=545555555555"), "E01");
	/* a failing register is "xx" in its own place only */
	e->m.reg_fail[RSP_AMD64_PKRU] = 1;
	CHECK_STR(xact(e, "p52"), "xxxxxxxx");
	CHECK_STR(xact(e, "g") + 2 * 896, "xxxxxxxx");
	e->m.reg_fail[RSP_AMD64_PKRU] = 0;
	/* G: 900 bytes, each register to its id; longer is E01 */
	for (i = 0; i < 900; i++)
		regs[i] = (u8)(0x5a ^ i);
	g[0] = 'G';
	hexify(regs, 900, g + 1);
	e->m.n_reg_writes = 0;
	CHECK_STR(xact(e, g), "OK");
	CHECK_INT(e->m.n_reg_writes, 83);
	CHECK(!memcmp(e->m.regs[0], regs, 880));
	CHECK(!memcmp(e->m.regs[0] + 880, regs + 880, 16));
	CHECK(!memcmp(e->m.regs[0] + pkru->offset, regs + 896, 4));
	strcat(g, "00");
	CHECK_STR(xact(e, g), "E01");
	/* back to the base description: 60 registers */
	rsp_session_set_reg_features(e->s, 0);
	CHECK_STR(xact(e, "p3c"), "E01");
	CHECK_INT(strlen(xact(e, "g")), 2 * RSP_AMD64_G_SIZE);
	free(g);
	free(want);
	env_free(e);
}

static void test_mem(void)
{
	struct env *e = env_new(0, NULL);
	char buf[256], want[256];
	u8 bytes[16];
	const char *r;
	u32 rlen;
	int i;

	CHECK_STR(xact(e, "m400000,4"), "00070e15");
	CHECK_STR(xact(e, "m400010,0"), "");
	/* short at the end of the mapping, error past it */
	CHECK_STR(xact(e, "m40fffe,8"), "f2f9");
	CHECK_STR(xact(e, "m410000,4"), "E05");
	CHECK_STR(xact(e, "m0,4"), "E05");
	CHECK_STR(xact(e, "mffffffffffffffff,10"), "E05");
	CHECK_STR(xact(e, "m10000000000000000,1"), "E01");
	CHECK_STR(xact(e, "m400000"), "E01");
	CHECK_STR(xact(e, "m400000,"), "E01");
	CHECK_STR(xact(e, "m,4"), "E01");
	CHECK_STR(xact(e, "m400000,4x"), "E01");
	CHECK_STR(xact(e, "m40000g,4"), "E01");
	/* huge lengths are capped to what a reply can carry */
	r = xact_bin(e, "m400000,ffffffffffffffff", 24, &rlen);
	CHECK_INT(rlen, RSP_PACKET_MAX);
	r = xact_bin(e, "m400000,100000", 14, &rlen);
	CHECK_INT(rlen, RSP_PACKET_MAX);

	/* M */
	CHECK_STR(xact(e, "M400100,3:aabbcc"), "OK");
	CHECK(e->m.mem[0x100] == 0xaa && e->m.mem[0x102] == 0xcc);
	CHECK_STR(xact(e, "M400100,3:aabb"), "E01");
	CHECK_STR(xact(e, "M400100,2:aabbcc"), "E01");
	CHECK_STR(xact(e, "M400100,1:zz"), "E01");
	CHECK_STR(xact(e, "M400100,1:a"), "E01");
	CHECK_STR(xact(e, "M400100,1"), "E01");
	CHECK_STR(xact(e, "M400100,0:"), "OK");
	CHECK_STR(xact(e, "M0,1:00"), "E05");
	CHECK_STR(xact(e, "M40ffff,2:0000"), "E05");	/* short write */
	CHECK_STR(xact(e, "Mffffffffffffffff,2:0000"), "E01");	/* wraps */

	/* X: binary with escapes; X addr,0: is gdb's probe */
	CHECK_STR(xact(e, "X0,0:"), "OK");
	CHECK_STR(xact(e, "Xffffffffffffffff,0:"), "OK");
	CHECK_INT(e->m.n_mem_writes, 2);
	{
		static const char pkt[] = "X400200,5:a}\x03}\x04}]}\x0a";

		CHECK_STR(xact_bin(e, pkt, sizeof(pkt) - 1, NULL), "OK");
	}
	CHECK(!memcmp(e->m.mem + 0x200, "a#$}*", 5));
	CHECK_STR(xact(e, "X400200,2:a"), "E01");
	CHECK_STR(xact(e, "X400200,1:a}"), "E01");
	CHECK_STR(xact(e, "X400200,1"), "E01");
	CHECK_STR(xact(e, "X1,1:a"), "E05");
	{
		static const u8 raw[] = "X400300,3:\x00\xff\x03";

		CHECK_STR(xact_bin(e, raw, sizeof(raw) - 1, NULL), "OK");
		CHECK(e->m.mem[0x300] == 0 && e->m.mem[0x301] == 0xff &&
		      e->m.mem[0x302] == 3);
	}

	/* x: binary reads, escaped */
	r = xact_bin(e, "x400200,5", 9, &rlen);
	CHECK_INT(rlen, 10);
	CHECK(!memcmp(r, "ba}\x03}\x04}]}\x0a", 10));
	CHECK_STR(xact(e, "x400200,0"), "b");
	CHECK_STR(xact(e, "x0,1"), "E05");
	CHECK_STR(xact(e, "x400200"), "E01");
	/* 0x400000.. holds 00 07 0e 15 1c 23('#') 2a('*') 31 */
	r = xact_bin(e, "x400000,8", 9, &rlen);
	for (i = 0; i < 8; i++)
		bytes[i] = e->m.mem[i];
	CHECK(rlen == 11 && r[0] == 'b' && !memcmp(r + 1, bytes, 5) &&
	      !memcmp(r + 6, "}\x03}\x0a\x31", 5));
	r = xact_bin(e, "x400000,ffffffff", 16, &rlen);
	CHECK(rlen >= RSP_PACKET_MAX / 2 + 1 && rlen <= RSP_PACKET_MAX + 1);

	/* breakpoints: memory reads hide them */
	sprintf(want, "m400400,2");
	hexify(e->m.mem + 0x400, 2, buf);
	CHECK_STR(xact(e, "Z0,400400,1"), "OK");
	CHECK(e->m.mem[0x400] == 0xcc);
	CHECK_STR(xact(e, want), buf);
	CHECK_STR(xact(e, "z0,400400,1"), "OK");
	CHECK_STR(xact(e, "z0,400400,1"), "E02");
	CHECK_STR(xact(e, "Z1,400500,1"), "OK");
	CHECK_STR(xact(e, "z1,400500,1"), "OK");
	CHECK_STR(xact(e, "Z2,400500,4"), "");	/* EOPNOTSUPP */
	CHECK_STR(xact(e, "Z3,400500,8"), "");
	CHECK_STR(xact(e, "z4,400500,8"), "");
	CHECK_STR(xact(e, "Z5,400500,1"), "");
	CHECK_STR(xact(e, "Z0,1,1"), "E05");
	CHECK_STR(xact(e, "Z0,400400,1;X2,0000"), "OK");
	CHECK_STR(xact(e, "z0,400400,1"), "OK");
	CHECK_STR(xact(e, "Z0,400400"), "E01");
	CHECK_STR(xact(e, "Z0,,1"), "E01");
	CHECK_STR(xact(e, "Z"), "E01");
	CHECK_STR(xact(e, "Z0,400400,1x"), "E01");
	CHECK_STR(xact(e, "Zffffffffff,0,1"), "E01");
	env_free(e);
	(void)bytes;
}

/* Reassemble target.xml through qXfer in small pieces. */
static char *fetch_xml(struct env *e, u32 chunk, u32 *total)
{
	char *xml = malloc(65536);
	char req[96];
	u32 off = 0, rlen;
	const char *r;
	int guard = 0;

	for (;;) {
		sprintf(req, "qXfer:features:read:target.xml:%x,%x", off,
			chunk);
		r = xact_bin(e, req, strlen(req), &rlen);
		if (!rlen || (r[0] != 'm' && r[0] != 'l') || ++guard > 10000) {
			free(xml);
			return NULL;
		}
		memcpy(xml + off, r + 1, rlen - 1);
		{
			long n = rlen - 1;
			u8 *p = (u8 *)xml + off;
			long i, o = 0;

			for (i = 0; i < n; i++)
				p[o++] = p[i] == '}' ? p[++i] ^ 0x20 : p[i];
			off += o;
		}
		if (r[0] == 'l')
			break;
	}
	xml[off] = 0;
	*total = off;
	return xml;
}

static void test_xfer(void)
{
	struct env *e = env_new(0, NULL);
	u32 total;
	char *xml;
	char req[96];

	xml = fetch_xml(e, 0xfff, &total);
	CHECK(xml && total == e->s->tdesc.xml_len &&
	      !strcmp(xml, e->s->tdesc.xml));
	free(xml);
	xml = fetch_xml(e, 7, &total);
	CHECK(xml && !strcmp(xml, e->s->tdesc.xml));
	free(xml);
	sprintf(req, "qXfer:features:read:target.xml:%x,10",
		e->s->tdesc.xml_len);
	CHECK_STR(xact(e, req), "l");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:ffffffffffff,10"),
		  "l");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:0,5"), "m<?xml");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:0,0"), "E01");
	CHECK_STR(xact(e, "qXfer:features:read:other.xml:0,5"), "E02");
	CHECK_STR(xact(e, "qXfer:features:read::0,5"), "E02");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:0"), "E01");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml"), "E01");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:x,1"), "E01");
	CHECK_STR(xact(e, "qXfer:features:read:target.xml:0,1,"), "E01");
	CHECK_STR(xact(e, "qXfer:features:write:target.xml:0:"), "");
	CHECK_STR(xact(e, "qXfer:libraries:read::0,10"), "");
	/* without OBJECT:OPERATION:ANNEX: malformed (gdbserver's E01) */
	CHECK_STR(xact(e, "qXfer:features:read"), "E01");
	CHECK_STR(xact(e, "qXfer:"), "E01");
	env_free(e);
}

static int many_threads(void *t, int *tids, int max)
{
	int i;

	(void)t;
	for (i = 0; i < max; i++)
		tids[i] = 0x7ffff000 + i;
	return max + 5;
}

static void test_threads(void)
{
	struct env *e = env_new(0, NULL);
	const char *r, *p;
	int i;

	CHECK_STR(xact(e, "qfThreadInfo"), "m4d2,4d3");
	CHECK_STR(xact(e, "qsThreadInfo"), "l");
	CHECK_STR(xact(e, "qsThreadInfo"), "l");
	CHECK_STR(xact(e, "qC"), "QC4d2");
	CHECK_STR(xact(e, "Hg4d3"), "OK");
	CHECK_STR(xact(e, "qC"), "QC4d3");
	CHECK_STR(xact(e, "Hg1"), "E03");
	CHECK_STR(xact(e, "Hc-1"), "OK");
	CHECK_STR(xact(e, "Hcp4d2.4d3"), "OK");
	CHECK_INT(e->s->c_tid, 0x4d3);
	CHECK_STR(xact(e, "Hgp4d2.-1"), "OK");
	CHECK_STR(xact(e, "Hx1"), "E01");
	CHECK_STR(xact(e, "H"), "E01");
	CHECK_STR(xact(e, "Hg"), "E01");
	CHECK_STR(xact(e, "Hgzz"), "E01");
	CHECK_STR(xact(e, "T4d3"), "OK");
	CHECK_STR(xact(e, "T4d4"), "E03");
	CHECK_STR(xact(e, "T0"), "E03");
	CHECK_STR(xact(e, "T-1"), "E03");
	CHECK_STR(xact(e, "T"), "E01");
	CHECK_STR(xact(e, "qAttached"), "1");
	CHECK_INT(e->m.last_pid, 0);
	e->m.attached_flag = 0;
	CHECK_STR(xact(e, "qAttached:4d2"), "0");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK_STR(xact(e, "qAttached:"), "E01");
	CHECK_STR(xact(e, "qAttached:zz"), "E01");
	e->m.present = 0;
	CHECK_STR(xact(e, "qAttached"), "E03");
	CHECK_STR(xact(e, "qfThreadInfo"), "l");
	CHECK_STR(xact(e, "Hg0"), "OK");
	CHECK_STR(xact(e, "qC"), "");
	env_free(e);

	/* the most threads a snapshot holds, even if the target has more */
	{
		static struct rsp_target_ops many;

		many = mock_ops;
		many.list_threads = many_threads;
		e = env_new(0, &many);
		r = xact(e, "qfThreadInfo");
		CHECK(r[0] == 'm');
		for (i = 0, p = r + 1; *p; p++)
			i += *p == ',';
		CHECK_INT(i + 1, RSP_MAX_THREADS);
		CHECK(!strncmp(r, "m7ffff000,7ffff001,", 19));
		CHECK(strlen(r) < RSP_PACKET_MAX);
		CHECK_STR(xact(e, "qsThreadInfo"), "l");
		env_free(e);
	}
}

#define QSUP_MP "qSupported:multiprocess+;swbreak+;hwbreak+"

/* multiprocess+: "pPID.TID" thread-ids in replies and requests. */
static void test_multiprocess(void)
{
	static struct rsp_target_ops no_pid_of, many;
	struct env *e = env_new(0, NULL);
	const char *r;

	CHECK(!strncmp(xact(e, QSUP_MP), "PacketSize=", 11));
	CHECK(e->s->multiprocess);
	CHECK_STR(xact(e, "qC"), "QCp4d2.4d2");
	CHECK_STR(xact(e, "qfThreadInfo"), "mp4d2.4d2,p4d2.4d3");
	CHECK_STR(xact(e, "qsThreadInfo"), "l");

	/* H: the forms gdb sends, and gdbserver's answers */
	CHECK_STR(xact(e, "Hgp0.0"), "OK");
	CHECK_INT(e->s->g_tid, 0);
	CHECK_STR(xact(e, "Hgp4d2.4d3"), "OK");
	CHECK_INT(e->s->g_tid, MOCK_TID2);
	CHECK_STR(xact(e, "qC"), "QCp4d2.4d3");
	CHECK_STR(xact(e, "Hg4d2"), "OK");
	CHECK_INT(e->s->g_tid, MOCK_PID);
	CHECK_STR(xact(e, "Hgp4d2.0"), "OK");
	CHECK_INT(e->s->g_tid, 0);
	CHECK_STR(xact(e, "Hg0"), "OK");
	CHECK_STR(xact(e, "Hc0"), "OK");
	CHECK_STR(xact(e, "Hcp4d2.4d3"), "OK");
	CHECK_INT(e->s->c_tid, MOCK_TID2);
	CHECK_STR(xact(e, "Hcp0.0"), "OK");
	CHECK_INT(e->s->c_tid, 0);
	/* "all threads" is no thread to select */
	CHECK_STR(xact(e, "Hc-1"), "E01");
	CHECK_STR(xact(e, "Hg-1"), "E01");
	CHECK_STR(xact(e, "Hcp-1.-1"), "E01");
	CHECK_STR(xact(e, "Hgp-1"), "E01");
	CHECK_STR(xact(e, "Hgp4d2.-1"), "E01");
	CHECK_STR(xact(e, "Hgp4d2"), "E01");
	CHECK_INT(e->s->c_tid, 0);
	/* other processes, other processes' threads, unknown threads */
	CHECK_STR(xact(e, "Hgp1.1"), "E03");
	CHECK_STR(xact(e, "Hgp1.4d3"), "E03");
	CHECK_STR(xact(e, "Hgp1.0"), "E03");
	CHECK_STR(xact(e, "Hgp4d2.4d4"), "E03");
	CHECK_STR(xact(e, "Hgp7ffffff0.7ffffff0"), "E03");
	CHECK_STR(xact(e, "Hg1"), "E03");
	CHECK_INT(e->s->g_tid, 0);
	/* malformed thread-ids */
	CHECK_STR(xact(e, "Hgp"), "E01");
	CHECK_STR(xact(e, "Hgp."), "E01");
	CHECK_STR(xact(e, "Hgpzz.1"), "E01");
	CHECK_STR(xact(e, "Hgp1."), "E01");
	CHECK_STR(xact(e, "Hgp4d2.4d3x"), "E01");
	CHECK_STR(xact(e, "Hgp123456789.4d2"), "E01");
	CHECK_STR(xact(e, "Hgp4d2.100000000"), "E01");
	CHECK_STR(xact(e, "Hgp4d2.fffffffffffffffff"), "E01");

	/* T */
	CHECK_STR(xact(e, "Tp4d2.4d3"), "OK");
	CHECK_STR(xact(e, "T4d3"), "OK");
	CHECK_STR(xact(e, "Tp1.4d3"), "E03");
	CHECK_STR(xact(e, "Tp4d2.4d4"), "E03");
	CHECK_STR(xact(e, "Tp4d2.0"), "E03");
	CHECK_STR(xact(e, "Tp4d2"), "E03");
	CHECK_STR(xact(e, "Tp0.0"), "E03");
	CHECK_STR(xact(e, "T-1"), "E03");
	CHECK_STR(xact(e, "Tp7ffffff0.7ffffff0"), "E03");
	CHECK_STR(xact(e, "Tp"), "E01");
	CHECK_STR(xact(e, "Tp."), "E01");
	CHECK_STR(xact(e, "Tp1."), "E01");
	CHECK_STR(xact(e, "Tpzz.1"), "E01");

	/* qAttached:pid reaches the target only for our process */
	CHECK_STR(xact(e, "qAttached:4d2"), "1");
	CHECK_INT(e->m.last_pid, 0x4d2);
	e->m.last_pid = 77;
	CHECK_STR(xact(e, "qAttached:1"), "E03");
	CHECK_INT(e->m.last_pid, 77);
	CHECK_STR(xact(e, "qAttached"), "1");
	CHECK_INT(e->m.last_pid, 0);

	/* pid_of decides the pid shown */
	e->m.pid_of_val = 0x197;
	CHECK_STR(xact(e, "qC"), "QCp197.4d2");
	CHECK_STR(xact(e, "qfThreadInfo"), "mp197.4d2,p197.4d3");
	CHECK_STR(xact(e, "Hgp197.4d3"), "OK");
	CHECK_STR(xact(e, "Hgp4d2.4d3"), "E03");
	e->m.pid_of_val = 0;

	/* no process: no thread-ids, pids are refused */
	e->m.present = 0;
	CHECK_STR(xact(e, "qfThreadInfo"), "l");
	CHECK_STR(xact(e, "Hgp4d2.0"), "E03");
	CHECK_STR(xact(e, "Hgp0.0"), "OK");
	CHECK_STR(xact(e, "qC"), "");
	env_free(e);

	/* without pid_of: the stop state's pid */
	no_pid_of = mock_ops;
	no_pid_of.pid_of = NULL;
	e = env_new(0, &no_pid_of);
	xact(e, QSUP_MP);
	CHECK_STR(xact(e, "qC"), "QCp4d2.4d2");
	CHECK_STR(xact(e, "qfThreadInfo"), "mp4d2.4d2,p4d2.4d3");
	CHECK_STR(xact(e, "Hgp4d2.4d3"), "OK");
	CHECK_STR(xact(e, "Hgp1.4d3"), "E03");
	CHECK_STR(xact(e, "Tp4d2.4d2"), "OK");
	/* a stop state without a pid: plain tids, pids not checked */
	e->m.stop.pid = 0;
	CHECK_STR(xact(e, "qC"), "QC4d3");
	CHECK_STR(xact(e, "qfThreadInfo"), "m4d2,4d3");
	CHECK_STR(xact(e, "Hgp1.4d2"), "OK");
	/* no process at all */
	e->m.stop.pid = MOCK_PID;
	e->m.stop.kind = RSP_STOP_NONE;
	CHECK_STR(xact(e, "qfThreadInfo"), "m4d2,4d3");
	CHECK_STR(xact(e, "Hgp4d2.4d3"), "E03");
	env_free(e);

	/* threads pid_of does not know are listed plainly */
	many = mock_ops;
	many.list_threads = many_threads;
	e = env_new(0, &many);
	xact(e, QSUP_MP);
	r = xact(e, "qfThreadInfo");
	CHECK(!strncmp(r, "m7ffff000,7ffff001,", 19));
	CHECK(strlen(r) < RSP_PACKET_MAX);
	env_free(e);
	/* ... and the biggest snapshot still fits with "pPID." each */
	many.pid_of = NULL;
	e = env_new(0, &many);
	xact(e, QSUP_MP);
	r = xact(e, "qfThreadInfo");
	CHECK(!strncmp(r, "mp4d2.7ffff000,p4d2.7ffff001,", 29));
	CHECK(strlen(r) < RSP_PACKET_MAX);
	while (r[0] == 'm')
		r = xact(e, "qsThreadInfo");
	CHECK_STR(r, "l");
	env_free(e);

	/* not negotiated: plain ids, and H -1 is fine as before */
	e = env_new(0, NULL);
	xact(e, "qSupported:swbreak+");
	CHECK_STR(xact(e, "qC"), "QC4d2");
	CHECK_STR(xact(e, "Hc-1"), "OK");
	CHECK_STR(xact(e, "Hgp4d2"), "OK");
	CHECK_STR(xact(e, "Hgp1.4d2"), "E03");
	env_free(e);
}

static void test_monitor(void)
{
	struct env *e = env_new(0, NULL);
	char hello[32] = "qRcmd,";

	hexify("hello", 5, hello + 6);
	env_send_str(e, hello);
	env_drain(e);
	CHECK_INT(e->npkts, 2);
	if (e->npkts == 2) {
		CHECK_STR(e->pkts[0], "O68690a");
		CHECK_STR(e->pkts[1], "OK");
	}
	CHECK_STR(e->m.monitor_cmd, "hello");
	CHECK_STR(xact(e, "qRcmd,6661696c"), "E16");	/* "fail" */
	/* long output: split into packet-sized O packets, excess dropped */
	CHECK_STR(xact(e, "qRcmd,626967"), "OK");	/* "big" */
	CHECK(e->npkts >= 3 && e->pkts[0][0] == 'O' &&
	      e->pkt_len[0] <= RSP_PACKET_MAX && e->pkts[1][0] == 'O');
	CHECK_STR(xact(e, "qRcmd,"), "OK");
	CHECK_STR(e->m.monitor_cmd, "");
	CHECK_STR(xact(e, "qRcmd,6"), "E01");
	CHECK_STR(xact(e, "qRcmd,zz"), "E01");
	/* retransmit after monitor: the final OK */
	env_feed_raw(e, "-", 1);
	env_drain(e);
	CHECK_STR(last_reply(e), "E01");
	CHECK(!e->s->exited);
	CHECK_STR(xact(e, "qRcmd,65786974"), "OK");	/* "exit" */
	CHECK(e->s->exited);
	env_free(e);

	/* no monitor op: empty, but "exit" still works */
	e = env_new(0, &mock_ops_min);
	CHECK_STR(xact(e, "qRcmd,6869"), "");
	CHECK_STR(xact(e, "qRcmd,65786974"), "OK");
	CHECK(e->s->exited);
	env_free(e);
}

/* A target with nearly no operations never crashes the server. */
static void test_null_ops(void)
{
	static const char *const pkts[] = {
		"g", "G00", "p0", "P0=0000000000000000", "m400000,4",
		"M400000,1:00", "x400000,4", "X400000,1:a", "Z0,400000,1",
		"z0,400000,1", "qfThreadInfo", "qsThreadInfo", "qC",
		"qAttached", "Hg4d2", "T4d2", "vAttach;1", "vKill;1", "D",
		"vCont?", "qXfer:features:read:target.xml:0,10", "?",
		"qXfer:threads:read::0,10", "qXfer:threads:read::5,10",
		"qXfer:exec-file:read::0,10", "qXfer:auxv:read::0,10",
	};
	struct env *e = env_new(1, &mock_ops_min);
	u32 i;

	for (i = 0; i < sizeof(pkts) / sizeof(pkts[0]); i++) {
		xact(e, pkts[i]);
		CHECK_INT(e->npkts, 1);
	}
	CHECK(!strncmp(xact(e, "c"), "E", 1));
	CHECK(!e->s->running);
	env_free(e);
}

void test_packets(void)
{
	test_supported();
	test_regs();
	test_regs_features();
	test_mem();
	test_xfer();
	test_threads();
	test_multiprocess();
	test_monitor();
	test_null_ops();
}
