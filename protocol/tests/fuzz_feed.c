// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_feed.c - feeds arbitrary bytes to a session backed by the mock
 * target.  Built with -DUGDB_LIBFUZZER it is a libFuzzer target
 * (clang -fsanitize=fuzzer,address,undefined); otherwise main() runs a
 * fixed number of pseudo-random and mutated inputs so that "make check"
 * exercises it with ASan/UBSan and no clang.
 *
 * The first input byte picks the session mode and which resume/stop
 * events are interleaved, so stop replies and ^C are covered too; its
 * top bit adds the QPassSignals / QProgramSignals ops.  The output's
 * run-length encoding is checked on every drain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mock_glibc.h"

static struct rsp_session *sess;
static struct mock mk;

static void drain_check(void)
{
	u32 len;

	const u8 *o = rsp_session_output(sess, &len);
	u32 i;
	int in = 0;

	/* run-length counts: after a character, printable, never # or $ */
	for (i = 0; i < len; i++) {
		if (o[i] == '$') {
			in = 1;
		} else if (o[i] == '#') {
			in = 0;
		} else if (in && o[i] == '*') {
			if (i + 1 >= len || o[i - 1] == '$' || o[i + 1] < ' ' ||
			    o[i + 1] > '}' || o[i + 1] == '#' || o[i + 1] == '$')
				abort();
			i++;
		}
	}
	if (len > sizeof(sess->out))
		abort();
	rsp_session_consume(sess, len);
}

/* vRun and its settings: strings must be NUL-terminated where promised. */
static int fz_launch_setting(void *t, enum rsp_launch_setting what,
			     const u8 *val, u32 len)
{
	(void)t;
	if (what > RSP_LAUNCH_NO_ASLR || (val && val[len]) ||
	    (!val && len > 1))
		abort();
	return len & 2 ? -22 : 0;
}

static int fz_run(void *t, const u8 *args, u32 len, int argc)
{
	u32 i;
	int n = 0;

	(void)t;
	for (i = 0; i < len; i++)
		n += !args[i];
	if (!len || args[len - 1] || n != argc || argc > RSP_RUN_MAX_ARGS)
		abort();
	return argc & 1 ? -2 : 0;
}

/*
 * osdata: the annex's first byte picks an error, an answer from inside
 * the call (hostile bytes, up to len) or a deferred one (given by the
 * feeding loop).
 */
static u8 fz_doc[0x5000];

static int fz_osdata(void *t, const char *annex, u64 off, u32 len)
{
	struct mock *m = t;

	if (len < 1 || len > RSP_PACKET_MAX + 1)
		abort();
	switch (annex[0] % 4) {
	case 0:
		rsp_session_osdata_reply(m->s, fz_doc,
					 off > len ? 0 : (long)(len - off));
		return 0;
	case 1:
		return -5;
	case 2:
		return -95;
	default:
		return 0;
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/*
 * qGetTLSAddr past the qSymbol exchange: glibc laid out in the mock's
 * memory and every symbol gdb would know looked up; the input's own M/X
 * packets may then scribble over it.
 */
static void fz_tdb(void)
{
	struct rsp_tdb *t = rsp_tdb_get(sess, MOCK_PID);
	u64 val[RSP_TDB_NSYMS];
	int i;

	mock_glibc(&mk, val);
	t->state = RSP_TDB_LOADED;
	for (i = 0; i < RSP_TDB_NSYMS; i++) {
		t->known[i] = !!val[i];
		t->addr[i] = val[i];
	}
}

/* QPassSignals / QProgramSignals: check what the engine hands over. */
static int fz_signals(void *t, const u8 *pass, u32 n)
{
	(void)t;
	if (n != RSP_NSIG || pass[0])
		abort();
	return 0;
}

/* QCatchSyscalls: a sane mode and list; qSupported: agree to all. */
static int fz_catch(void *t, int enable, const u32 *nrs, u32 n)
{
	(void)t;
	if ((enable != 0 && enable != 1) || (!enable && n) ||
	    n > RSP_PACKET_MAX / sizeof(u32) || (n && !nrs))
		abort();
	return 0;
}

/* QThreadEvents: only 0 or 1 reach the target. */
static int fz_thread_events(void *t, int enable)
{
	(void)t;
	if (enable != 0 && enable != 1)
		abort();
	return 0;
}

static u32 fz_events(void *t, u32 offered)
{
	(void)t;
	return offered | 0xff;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u8 mode;
	u32 off = 0, step;

	if (!sess)
		sess = malloc(sizeof(*sess));
	if (!size)
		return 0;
	mode = data[0];
	data++;
	size--;
	mock_init(&mk, sess);
	mk.resume_sync_stop = mode & 4;
	mk.interrupt_sync_stop = mode & 8;
	mk.can_step_val = !(mode & 16);
	if (mode & 2) {
		/* hostile qXfer data: XML and protocol specials, big lists */
		memcpy(mk.names[1], "<&}#$*\xff\xe4\xb8", 10);
		memset(mk.auxv, '}', sizeof(mk.auxv));
		mk.auxv_len = sizeof(mk.auxv);
		memset(mk.exec_path, '#', 400);
		mk.exec_path[400] = 0;
		mk.extra_threads = 2000;
	}
	{
		static struct rsp_target_ops ops_sig;

		ops_sig = mock_ops;
		ops_sig.pass_signals = fz_signals;
		ops_sig.program_signals = fz_signals;
		ops_sig.catch_syscalls = fz_catch;
		ops_sig.events = fz_events;
		ops_sig.thread_events = fz_thread_events;
		ops_sig.launch_setting = fz_launch_setting;
		ops_sig.run = fz_run;
		ops_sig.osdata = fz_osdata;
		memset(fz_doc, '}', sizeof(fz_doc) / 2);
		memcpy(fz_doc + 100, "<&#$*\xff\x00", 7);
		rsp_session_init(sess, (mode & 32) ? &mock_ops_min :
				 (mode & 128) ? &ops_sig : &mock_ops, &mk,
				 mode & 1);
	}
	/* odd modes: every register feature (wire numbers past 59) */
	if (mode & 1)
		rsp_session_set_reg_features(sess, RSP_AMD64_FEATURES_ALL);
	if (mode & 2)
		fz_tdb();
	/* feed in chunks of varying size; drain when told to stop */
	step = (mode >> 6) + 1;
	while (off < size) {
		u32 n = size - off < step ? (u32)(size - off) : step;
		u32 used = rsp_session_feed(sess, data + off, n);

		off += used;
		if (used < n)
			drain_check();
		if (mode & 2 && sess->running) {
			struct rsp_stop st = mk.stop;

			st.reason = (enum rsp_stop_reason)(off % 10);
			st.kind = (enum rsp_stop_kind)(off % 6);
			st.sig = (int)(off % 70);
			rsp_session_stop(sess, &st);
		}
		if (sess->osdata_owed && off % 3)
			rsp_session_osdata_reply(sess, fz_doc,
						 off % 7 == 1 ? -2 :
						 (long)(off % 0x4002));
		step = step * 3 % 17 + 1;
	}
	drain_check();
	return 0;
}

#ifndef UGDB_LIBFUZZER
/* Seeds: real gdb traffic; mutations flip, insert and splice bytes. */
static const char *const seeds[] = {
	"+$qSupported:multiprocess+;swbreak+;hwbreak+;xmlRegisters=i386#00",
	"$QStartNoAckMode#b0$?#3f$g#67$qC#b4",
	"$m400000,40#00$x400000,ffff#00$M400010,2:abcd#00$X400020,3:a}]b#00",
	"$Z0,400100,1#00$vCont;s:4d2;c#00\x03$z0,400100,1#00",
	"$qXfer:features:read:target.xml:0,ffb#00$qfThreadInfo#00"
	"$qsThreadInfo#00",
	"$vAttach;4d2#00$Hg4d3#00$p10#00$P10=0011223344556677#00$D#00",
	"$qRcmd,68656c6c6f#00$qRcmd,65786974#00",
	"$c#63\x03$C05;400000#00$vKill;4d2#00$k#6b",
	"$G0011#00$T4d3#00$qAttached:4d2#00$!#21$vCont?#49---",
	"$qSupported:multiprocess+;swbreak+#00$Hgp4d2.4d3#00$Hgp0.0#00"
	"$Tp4d2.4d3#00$qC#00$qfThreadInfo#00$vCont;s:p4d2.4d3;c:p4d2.-1#00"
	"$qAttached:4d2#00$D#00$D;4d2#00$vKill;a410#00$Hc-1#00$Hgp1.#00",
	"$qXfer:threads:read::0,fff#00$qXfer:threads:read::7,3#00"
	"$qXfer:threads:read::ffffffff,10#00$qXfer:threads:read:x:0,1#00",
	"$qXfer:exec-file:read::0,fff#00$qXfer:exec-file:read:4d2:3,2#00"
	"$qXfer:exec-file:read:0:0,1#00$qXfer:exec-file:read::e,1#00",
	"$qXfer:auxv:read::0,3ffb#00$qXfer:auxv:read::10,0#00"
	"$qXfer:auxv:read::ffffffffffffffff,1#00$qXfer:auxv:read:1:0,1#00",
	"$QPassSignals:e;10;14;17;1a;1b;1c;21;24;25;2c;4c;97#00"
	"$QPassSignals:#00$QProgramSignals:0;5;4d;ffffffffffffffff#00"
	"$QPassSignals:e;;x#00$m400000,100#00",
	"$QThreadEvents:1#00$vCont;c#00$QThreadEvents:0#00"
	"$QThreadEvents:*}#$x#00$QThreadEvents#00$qSupported:no-resumed+#00",
	"$qXfer:osdata:read::0,fff#00$qXfer:osdata:read:processes:0,0#00"
	"$qXfer:osdata:read:a:5,3ffb#00$qC#00$qXfer:osdata:read:#00",
	"$qSymbol::#00$qSymbol:400000:5f5f6e70746c5f76657273696f6e#00"
	"$qSymbol::5f5f6e70746c5f76657273696f6e#00$qSymbol:zz:61#00"
	"$qGetTLSAddr:4d2,10,40b000#00$qGetTLSAddr:4d3,4,40c800#00"
	"$M40d008,8:0000000000000000#00$qGetTLSAddr:4d2,8,40b800#00"
	"$M40a000,8:ffffffffffffffff#00$qGetTLSAddr:p4d2.4d3,8,0#00",
	"$p52#00$P52=54555555#00$p3c#00$P4b=00112233445566778899aabbccddeeff#00"
	"$p9a#00$P9a=00#00$p74#00$g#00$G00#00",
};

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)rng;
}

/* Give most seed packets a valid checksum so they get past framing. */
static size_t fix_checksums(u8 *b, size_t n)
{
	size_t i, start = 0;
	u8 cs = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (b[i] == '$') {
			in = 1;
			cs = 0;
			start = i;
		} else if (b[i] == '#' && in && i + 2 < n) {
			if (rnd() % 8) {
				static const char hx[] = "0123456789abcdef";

				b[i + 1] = (u8)hx[cs >> 4];
				b[i + 2] = (u8)hx[cs & 15];
			}
			in = 0;
		} else if (in) {
			cs += b[i];
		}
	}
	(void)start;
	return n;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 20000;
	static u8 buf[3 * RSP_PACKET_MAX];
	long it;

	for (it = 0; it < iters; it++) {
		size_t n = 1, k;
		u32 r = rnd();

		buf[0] = (u8)rnd();
		if (r % 4 == 0) {
			/* random bytes with framing characters sprinkled */
			size_t len = rnd() % 512;

			for (k = 0; k < len; k++) {
				u32 c = rnd() % 24;

				buf[n++] = c == 0 ? '$' : c == 1 ? '#' :
					   c == 2 ? '}' : c == 3 ? 3 :
					   (u8)rnd();
			}
		} else {
			/* a few seeds spliced, then mutated */
			int parts = 1 + rnd() % 3, p;

			for (p = 0; p < parts; p++) {
				const char *sd = seeds[rnd() % (sizeof(seeds) /
						     sizeof(seeds[0]))];
				size_t l = strlen(sd);

				memcpy(buf + n, sd, l);
				n += l;
			}
			for (k = rnd() % 6; k; k--) {
				size_t pos = 1 + rnd() % (n - 1);

				switch (rnd() % 4) {
				case 0:
					buf[pos] ^= (u8)(1 << (rnd() % 8));
					break;
				case 1:
					buf[pos] = (u8)rnd();
					break;
				case 2:
					buf[pos] = "0123456789abcdef,:;$#}-"
						   [rnd() % 23];
					break;
				default:
					/* a long run: overlong packets */
					if (rnd() % 8 == 0 &&
					    n + RSP_PACKET_MAX < sizeof(buf)) {
						memmove(buf + pos +
							RSP_PACKET_MAX,
							buf + pos, n - pos);
						memset(buf + pos,
						       'a' + rnd() % 6,
						       RSP_PACKET_MAX);
						n += RSP_PACKET_MAX;
					}
					break;
				}
			}
			n = fix_checksums(buf, n);
		}
		LLVMFuzzerTestOneInput(buf, n);
	}
	free(sess);
	printf("fuzz: %ld inputs ok\n", iters);
	return 0;
}
#endif
