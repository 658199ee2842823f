// SPDX-License-Identifier: GPL-2.0
/*
 * test_amd64.c - the register table is consistent, features follow
 * gdbserver's choice from XCR0, and target.xml of every feature set is
 * balanced XML whose registers are exactly the wire numbering's.
 */
#include <stdlib.h>
#include "test.h"

static const char *const names[RSP_AMD64_NREGS_BASE] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	"rip", "eflags", "cs", "ss", "ds", "es", "fs", "gs",
	"st0", "st1", "st2", "st3", "st4", "st5", "st6", "st7",
	"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop",
	"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	"xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
	"mxcsr", "orig_rax", "fs_base", "gs_base",
};

#define REG(id)	(&rsp_amd64_regs[RSP_AMD64_ ## id])

static void test_table(void)
{
	u32 off = 0;
	int i, ok_names = 1, ok_off = 1, ok_num = 1, ok_feat = 1, ok_src = 1;

	for (i = 0; i < RSP_AMD64_NREGS; i++) {
		const struct rsp_reg_desc *r = &rsp_amd64_regs[i];

		if (i < RSP_AMD64_NREGS_BASE)
			ok_names &= !strcmp(r->name, names[i]);
		ok_num &= r->regno == i && rsp_amd64_reg(i) == r;
		ok_off &= r->offset == off && r->size <= RSP_AMD64_REG_MAX;
		/* feature order: a feature's registers are contiguous */
		ok_feat &= r->feature < RSP_AMD64_NFEAT && r->type &&
			   (!i || r->feature >= r[-1].feature);
		/* XSAVE registers are those of the optional features */
		ok_src &= (r->src == RSP_SRC_XSTATE) ==
			  (r->feature > RSP_AMD64_FEAT_SEGMENTS);
		if (i == RSP_AMD64_NREGS_BASE - 1)
			CHECK_INT(off + r->size, RSP_AMD64_G_SIZE);
		off += r->size;
	}
	CHECK(ok_names);
	CHECK(ok_num);
	CHECK(ok_off);
	CHECK(ok_feat);
	CHECK(ok_src);
	CHECK_INT(off, RSP_AMD64_G_MAX);
	CHECK(rsp_amd64_reg(-1) == NULL);
	CHECK(rsp_amd64_reg(RSP_AMD64_NREGS) == NULL);
	CHECK_INT(REG(RIP)->size, 8);
	CHECK_INT(REG(EFLAGS)->size, 4);
	CHECK_INT(REG(ST0)->size, 10);
	CHECK_INT(REG(XMM0)[15].size, 16);
	CHECK_STR(REG(MXCSR)->name, "mxcsr");
	CHECK_STR(REG(MXCSR)->group, "vector");
	CHECK_STR(REG(FCTRL)->group, "float");
	CHECK(REG(ORIG_RAX)->group == NULL);
	CHECK_STR(REG(ORIG_RAX)->name, "orig_rax");
	CHECK_STR(REG(FS_BASE)->name, "fs_base");
	/* source offsets of a few well-known Linux struct fields */
	CHECK_INT(REG(RAX)->src_off, 80);
	CHECK_INT(REG(RIP)->src_off, 128);
	CHECK_INT(REG(ORIG_RAX)->src_off, 120);
	CHECK_INT(REG(XMM0)->src_off, 160);
	CHECK(REG(XMM0)->src == RSP_SRC_FXSAVE);
	/* the XSAVE ones: component and offset inside it */
	CHECK_STR(REG(YMM0H)[15].name, "ymm15h");
	CHECK_INT(REG(YMM0H)[15].xcomp, 2);
	CHECK_INT(REG(YMM0H)[15].src_off, 240);
	CHECK_STR(REG(BND0RAW)[3].name, "bnd3raw");
	CHECK_INT(REG(BND0RAW)[3].xcomp, 3);
	CHECK_INT(REG(BND0RAW)[3].src_off, 48);
	CHECK_STR(REG(BNDSTATUS)->name, "bndstatus");
	CHECK_INT(REG(BNDSTATUS)->xcomp, 4);
	CHECK_INT(REG(BNDSTATUS)->src_off, 8);
	CHECK_STR(REG(XMM16)[15].name, "xmm31");
	CHECK_INT(REG(XMM16)[15].xcomp, 7);
	CHECK_INT(REG(XMM16)[15].src_off, 960);
	CHECK_STR(REG(YMM16H)[1].name, "ymm17h");
	CHECK_INT(REG(YMM16H)[1].src_off, 80);
	CHECK_STR(REG(K0)[7].name, "k7");
	CHECK_INT(REG(K0)[7].xcomp, 5);
	CHECK_INT(REG(K0)[7].src_off, 56);
	CHECK_STR(REG(ZMM0H)[15].name, "zmm15h");
	CHECK_INT(REG(ZMM0H)[15].xcomp, 6);
	CHECK_INT(REG(ZMM0H)[15].src_off, 480);
	CHECK_STR(REG(ZMM0H)[16].name, "zmm16h");
	CHECK_INT(REG(ZMM0H)[16].xcomp, 7);
	CHECK_INT(REG(ZMM0H)[16].src_off, 32);
	CHECK_INT(REG(ZMM0H)[31].src_off, 15 * 64 + 32);
	CHECK_STR(REG(PKRU)->name, "pkru");
	CHECK_INT(REG(PKRU)->xcomp, 9);
	CHECK_INT(REG(PKRU)->size, 4);
}

/* gdbserver's choice of features from XCR0 */
static void test_xcr0(void)
{
	CHECK_INT(rsp_amd64_features_from_xcr0(0), RSP_AMD64_FEATURES_BASE);
	CHECK_INT(rsp_amd64_features_from_xcr0(3), RSP_AMD64_FEATURES_BASE);
	CHECK_INT(rsp_amd64_features_from_xcr0(7),
		  RSP_AMD64_FEATURES_BASE | RSP_AMD64_HAS(AVX));
	/* the test VM's CPU (QEMU TCG -cpu max) */
	CHECK_INT(rsp_amd64_features_from_xcr0(0x21f),
		  RSP_AMD64_FEATURES_BASE | RSP_AMD64_HAS(AVX) |
		  RSP_AMD64_HAS(MPX) | RSP_AMD64_HAS(PKEYS));
	CHECK_INT(rsp_amd64_features_from_xcr0(0xe7),
		  RSP_AMD64_FEATURES_BASE | RSP_AMD64_HAS(AVX) |
		  RSP_AMD64_HAS(AVX512));
	CHECK_INT(rsp_amd64_features_from_xcr0(0x2ff),
		  RSP_AMD64_FEATURES_ALL);
	/* any one bit of a multi-component feature is enough */
	CHECK_INT(rsp_amd64_features_from_xcr0(0x13),
		  RSP_AMD64_FEATURES_BASE | RSP_AMD64_HAS(MPX));
	CHECK_INT(rsp_amd64_features_from_xcr0(0x43),
		  RSP_AMD64_FEATURES_BASE | RSP_AMD64_HAS(AVX512));
	/* AMX and other components gdbserver 13 ignores */
	CHECK_INT(rsp_amd64_features_from_xcr0(0x60003),
		  RSP_AMD64_FEATURES_BASE);
}

/* The value of attribute attr inside the tag [p, end), or "". */
static void attr(const char *p, const char *end, const char *name,
		 char *out, size_t max)
{
	char key[32];
	const char *a;
	size_t n = 0;
	char q;

	snprintf(key, sizeof(key), " %s=", name);
	out[0] = 0;
	a = strstr(p, key);
	if (!a || a >= end)
		return;
	a += strlen(key);
	q = *a++;
	while (a < end && *a != q && n + 1 < max)
		out[n++] = *a++;
	out[n] = 0;
}

/*
 * target.xml of d: balanced, its registers those of the wire numbering
 * with their sizes, types and regnums, one feature per bit.  Returns
 * the number of <feature> elements.
 */
static int check_tdesc(const struct rsp_amd64_tdesc *d)
{
	static const char hdr[] = "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>\n";
	const char *x = d->xml;
	const char *p = x, *end;
	char stack[16][32];
	int depth = 0, balanced = 1, nreg = 0, regs_ok = 1, nfeat = 0;
	char name[32], v[32];
	u32 off = 0;
	int i;

	CHECK_INT(strlen(x), d->xml_len);
	CHECK(d->xml_len < sizeof(d->xml) - 1);
	CHECK(d->xml_len > 10 &&
	      !strcmp(x + d->xml_len - 10, "</target>\n"));
	CHECK(!strncmp(x, hdr, strlen(hdr)));
	CHECK(strstr(x, "<architecture>i386:x86-64</architecture>"));
	CHECK(strstr(x, "<osabi>GNU/Linux</osabi>"));
	while ((p = strchr(p, '<'))) {
		size_t n;

		end = strchr(p, '>');
		if (!end) {
			balanced = 0;
			break;
		}
		if (p[1] == '?' || p[1] == '!') {
			p = end + 1;
			continue;
		}
		if (p[1] == '/') {
			n = strcspn(p + 2, " >");
			if (!depth || strlen(stack[depth - 1]) != n ||
			    strncmp(stack[depth - 1], p + 2, n))
				balanced = 0;
			else
				depth--;
			p = end + 1;
			continue;
		}
		n = strcspn(p + 1, " />");
		if (n >= sizeof(name)) {
			balanced = 0;
			break;
		}
		memcpy(name, p + 1, n);
		name[n] = 0;
		if (!strcmp(name, "feature"))
			nfeat++;
		if (!strcmp(name, "reg")) {
			const struct rsp_reg_desc *r =
				rsp_amd64_wire_reg(d, nreg);

			attr(p, end, "name", v, sizeof(v));
			if (!r || strcmp(v, r->name))
				regs_ok = 0;
			attr(p, end, "bitsize", v, sizeof(v));
			if (r && atoi(v) != 8 * r->size)
				regs_ok = 0;
			attr(p, end, "type", v, sizeof(v));
			if (r && strcmp(v, r->type))
				regs_ok = 0;
			attr(p, end, "regnum", v, sizeof(v));
			if (atoi(v) != nreg || !v[0])
				regs_ok = 0;
			nreg++;
		}
		if (end[-1] != '/') {
			if (depth >= 16) {
				balanced = 0;
				break;
			}
			strcpy(stack[depth++], name);
		}
		p = end + 1;
	}
	CHECK(balanced && depth == 0);
	CHECK(regs_ok);
	CHECK_INT(nreg, d->nregs);
	/* the g layout: every wire register once, back to back */
	for (i = 0; i < d->nregs; i++) {
		if (d->g_off[i] != off)
			break;
		off += rsp_amd64_wire_reg(d, i)->size;
	}
	CHECK_INT(i, d->nregs);
	CHECK_INT(off, d->g_size);
	CHECK(rsp_amd64_wire_reg(d, -1) == NULL);
	CHECK(rsp_amd64_wire_reg(d, d->nregs) == NULL);
	return nfeat;
}

static struct rsp_amd64_tdesc tdesc;

static void test_xml(void)
{
	const char *x = tdesc.xml;
	u32 f;

	/* every combination of the optional features */
	for (f = 0; f < 16; f++) {
		u32 feat = RSP_AMD64_FEATURES_BASE | (f << RSP_AMD64_FEAT_AVX);

		rsp_amd64_tdesc_init(&tdesc, feat);
		CHECK_INT(tdesc.features, feat);
		CHECK_INT(check_tdesc(&tdesc), 4 + __builtin_popcount(f));
	}

	/* the base: the SSE-only description, 0..59 as the ids */
	rsp_amd64_tdesc_init(&tdesc, 0);
	CHECK_INT(tdesc.features, RSP_AMD64_FEATURES_BASE);
	CHECK_INT(tdesc.nregs, RSP_AMD64_NREGS_BASE);
	CHECK_INT(tdesc.g_size, RSP_AMD64_G_SIZE);
	CHECK(strstr(x, "  <feature name=\"org.gnu.gdb.i386.core\">\n"
		      "    <flags id=\"i386_eflags\" size=\"4\">\n"
		      "      <field name=\"CF\" start=\"0\" end=\"0\""
		      " type=\"bool\"/>\n"));
	CHECK(strstr(x, "    <reg name=\"fctrl\" bitsize=\"32\" "
		      "type=\"int\" regnum=\"32\" group=\"float\"/>\n"));
	CHECK(strstr(x, "    <reg name=\"mxcsr\" bitsize=\"32\" "
		      "type=\"i386_mxcsr\" regnum=\"56\" "
		      "group=\"vector\"/>\n"));
	CHECK(strstr(x, "  <feature name=\"org.gnu.gdb.i386.linux\">\n"
		      "    <reg name=\"orig_rax\" bitsize=\"64\" "
		      "type=\"int\" regnum=\"57\"/>\n  </feature>\n"));
	CHECK(!strstr(x, "avx"));

	/* the test VM's CPU: gdbserver's 83 registers, 900 bytes of g */
	rsp_amd64_tdesc_init(&tdesc, rsp_amd64_features_from_xcr0(0x21f));
	CHECK_INT(tdesc.nregs, 83);
	CHECK_INT(tdesc.g_size, 900);
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 60)->name, "ymm0h");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 76)->name, "bnd0raw");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 81)->name, "bndstatus");
	CHECK_INT(tdesc.id[82], RSP_AMD64_PKRU);
	CHECK_INT(tdesc.g_off[82], 896);
	CHECK(strstr(x, "    <reg name=\"pkru\" bitsize=\"32\" "
		      "type=\"uint32\" regnum=\"82\"/>\n"
		      "  </feature>\n</target>\n"));
	CHECK(strstr(x, "    </union>\n    <reg name=\"bnd0raw\" "
		      "bitsize=\"128\" type=\"br128\" regnum=\"76\"/>\n"));

	/* AVX-512 without MPX and pkeys (as on many AMD CPUs) */
	rsp_amd64_tdesc_init(&tdesc, rsp_amd64_features_from_xcr0(0xe7));
	CHECK_INT(tdesc.nregs, 148);
	CHECK_INT(tdesc.g_size, 2416);
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 76)->name, "xmm16");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 92)->name, "ymm16h");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 108)->name, "k0");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 116)->name, "zmm0h");
	CHECK_STR(rsp_amd64_wire_reg(&tdesc, 147)->name, "zmm31h");
	CHECK(strstr(x, "    <vector id=\"v2ui128\" type=\"uint128\" "
		      "count=\"2\"/>\n    <reg name=\"xmm16\" "));

	/* everything: ids and wire numbers are the same */
	rsp_amd64_tdesc_init(&tdesc, RSP_AMD64_FEATURES_ALL);
	CHECK_INT(tdesc.nregs, RSP_AMD64_NREGS);
	CHECK_INT(tdesc.g_size, RSP_AMD64_G_MAX);
	for (f = 0; f < RSP_AMD64_NREGS; f++)
		if (tdesc.id[f] != f ||
		    tdesc.g_off[f] != rsp_amd64_regs[f].offset)
			break;
	CHECK_INT(f, RSP_AMD64_NREGS);
	/* unknown feature bits are dropped */
	rsp_amd64_tdesc_init(&tdesc, 0xffffffffu);
	CHECK_INT(tdesc.features, RSP_AMD64_FEATURES_ALL);
}

/* For make check's xmllint: target.xml for a feature set (hex). */
void dump_target_xml(const char *features)
{
	rsp_amd64_tdesc_init(&tdesc, features ?
			     (u32)strtoul(features, NULL, 16) : 0);
	fputs(tdesc.xml, stdout);
}

void test_amd64(void)
{
	test_table();
	test_xcr0();
	test_xml();
}
