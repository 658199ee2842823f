// SPDX-License-Identifier: GPL-2.0
/*
 * test_amd64.c - the register table is consistent and target.xml is
 * balanced XML whose registers are exactly the table's, in order.
 */
#include <stdlib.h>
#include "test.h"

static const char *const names[RSP_AMD64_NREGS] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	"rip", "eflags", "cs", "ss", "ds", "es", "fs", "gs",
	"st0", "st1", "st2", "st3", "st4", "st5", "st6", "st7",
	"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop",
	"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	"xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
	"mxcsr", "orig_rax", "fs_base", "gs_base",
};

static void test_table(void)
{
	u32 off = 0;
	int i, ok_names = 1, ok_off = 1, ok_num = 1;

	for (i = 0; i < RSP_AMD64_NREGS; i++) {
		const struct rsp_reg_desc *r = &rsp_amd64_regs[i];

		ok_names &= !strcmp(r->name, names[i]);
		ok_num &= r->regno == i && rsp_amd64_reg(i) == r;
		ok_off &= r->offset == off && r->size <= RSP_AMD64_REG_MAX;
		off += r->size;
	}
	CHECK(ok_names);
	CHECK(ok_num);
	CHECK(ok_off);
	CHECK_INT(off, RSP_AMD64_G_SIZE);
	CHECK(rsp_amd64_reg(-1) == NULL);
	CHECK(rsp_amd64_reg(RSP_AMD64_NREGS) == NULL);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_RIP].size, 8);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_EFLAGS].size, 4);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_ST0].size, 10);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_XMM0 + 15].size, 16);
	CHECK_STR(rsp_amd64_regs[RSP_AMD64_MXCSR].name, "mxcsr");
	CHECK_STR(rsp_amd64_regs[RSP_AMD64_ORIG_RAX].name, "orig_rax");
	CHECK_STR(rsp_amd64_regs[RSP_AMD64_FS_BASE].name, "fs_base");
	/* source offsets of a few well-known Linux struct fields */
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_RAX].src_off, 80);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_RIP].src_off, 128);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_ORIG_RAX].src_off, 120);
	CHECK_INT(rsp_amd64_regs[RSP_AMD64_XMM0].src_off, 160);
	CHECK(rsp_amd64_regs[RSP_AMD64_XMM0].src == RSP_SRC_FXSAVE);
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

static void test_xml(void)
{
	const char *x = rsp_amd64_target_xml;
	const char *p = x, *end;
	char stack[16][32];
	int depth = 0, balanced = 1, nreg = 0, regs_ok = 1, nfeat = 0;
	char name[32], v[32];

	CHECK_INT(strlen(x), rsp_amd64_target_xml_len);
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
			attr(p, end, "name", v, sizeof(v));
			if (nreg >= RSP_AMD64_NREGS ||
			    strcmp(v, rsp_amd64_regs[nreg].name))
				regs_ok = 0;
			attr(p, end, "bitsize", v, sizeof(v));
			if (nreg < RSP_AMD64_NREGS &&
			    atoi(v) != 8 * rsp_amd64_regs[nreg].size)
				regs_ok = 0;
			attr(p, end, "regnum", v, sizeof(v));
			if (v[0] && atoi(v) != nreg)
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
	CHECK_INT(nreg, RSP_AMD64_NREGS);
	CHECK_INT(nfeat, 4);
	CHECK(strstr(x, "<feature name='org.gnu.gdb.i386.core'>"));
	CHECK(strstr(x, "<feature name='org.gnu.gdb.i386.sse'>"));
	CHECK(strstr(x, "<feature name='org.gnu.gdb.i386.linux'>"));
	CHECK(strstr(x, "<feature name='org.gnu.gdb.i386.segments'>"));
}

void test_amd64(void)
{
	test_table();
	test_xml();
}
