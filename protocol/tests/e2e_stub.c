// SPDX-License-Identifier: GPL-2.0
/*
 * e2e_stub.c - the protocol engine on stdin/stdout with the mock target,
 * for a real gdb to talk to: gdb -batch -ex 'target remote | e2e_stub'.
 * Resumes stop again at once (SIGTRAP), so continue/stepi work.
 * "--features HEX" describes those register features (RSP_AMD64_HAS()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mock_target.h"

static void flush_out(struct rsp_session *s)
{
	u32 len;
	const u8 *o = rsp_session_output(s, &len);
	u32 done = 0;

	while (done < len) {
		ssize_t n = write(1, o + done, len - done);

		if (n <= 0)
			exit(1);
		done += (u32)n;
	}
	rsp_session_consume(s, len);
}

static void set_reg(struct mock *m, int t, int regno, u64 v)
{
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);
	int i;

	memset(m->regs[t] + r->offset, 0, r->size);
	for (i = 0; i < 8 && i < r->size; i++)
		m->regs[t][r->offset + i] = (u8)(v >> (8 * i));
}

int main(int argc, char **argv)
{
	static struct rsp_session s;
	static struct mock m;
	static u8 buf[4096];
	u32 features = 0;
	int t, i, multi = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--multi"))
			multi = 1;
		else if (!strcmp(argv[i], "--features") && i + 1 < argc)
			features = (u32)strtoul(argv[++i], NULL, 16);
	}

	mock_init(&m, &s);
	for (t = 0; t < MOCK_NTHREADS; t++) {
		memset(m.regs[t], 0, sizeof(m.regs[t]));
		set_reg(&m, t, RSP_AMD64_RAX, 0x1234 + t);
		set_reg(&m, t, RSP_AMD64_RIP, MOCK_MEM_BASE + 0x10);
		set_reg(&m, t, RSP_AMD64_RSP, MOCK_MEM_BASE + 0x8000);
		set_reg(&m, t, RSP_AMD64_RBP, 0);
		set_reg(&m, t, RSP_AMD64_EFLAGS, 0x246);
		set_reg(&m, t, RSP_AMD64_CS, 0x33);
		set_reg(&m, t, RSP_AMD64_CS + 1, 0x2b);
		set_reg(&m, t, RSP_AMD64_MXCSR, 0x1f80);
		set_reg(&m, t, RSP_AMD64_XMM0, 0x3ff0000000000000ULL);
		/* read only when the features are on (--features) */
		set_reg(&m, t, RSP_AMD64_YMM0H, 0x4000000000000000ULL);
		set_reg(&m, t, RSP_AMD64_K0 + 1, 0x5a);
		set_reg(&m, t, RSP_AMD64_XMM16 + 15, 7);
		set_reg(&m, t, RSP_AMD64_ZMM0H + 31, 8);
		set_reg(&m, t, RSP_AMD64_BND0RAW, 0x1000);
		set_reg(&m, t, RSP_AMD64_PKRU, 0x55555554);
	}
	memset(m.mem, 0x90, sizeof(m.mem));	/* nops */
	m.resume_sync_stop = 1;
	/* qXfer:threads names, qXfer:auxv (AT_PAGESZ 4096, AT_NULL) */
	strcpy(m.names[0], "e2e-main");
	strcpy(m.names[1], "e2e <w&rk>");
	memset(m.auxv, 0, sizeof(m.auxv));
	m.auxv[0] = 6;
	m.auxv[9] = 0x10;
	m.auxv_len = 32;
	strcpy(m.exec_path, "/nonexistent/ugdb-e2e-prog");
	rsp_session_init(&s, &mock_ops, &m, multi);
	rsp_session_set_reg_features(&s, features);
	if (s.extended) {
		/* extended-remote starts with nothing; gdb attaches */
		m.present = 0;
		m.stop.kind = RSP_STOP_NONE;
	}
	for (;;) {
		ssize_t n = read(0, buf, sizeof(buf));
		u32 off = 0;

		if (n <= 0)
			return 0;
		while (off < (u32)n) {
			off += rsp_session_feed(&s, buf + off, (u32)n - off);
			flush_out(&s);
		}
		if (s.exited)
			return 0;
	}
}
