// SPDX-License-Identifier: GPL-2.0
/*
 * test_tls.c - qSymbol and qGetTLSAddr against a glibc laid out in the
 * mock target's memory (mock_glibc.c).
 */
#include <stdlib.h>
#include "test.h"
#include "mock_glibc.h"

/* What gdb answers for each name (0: it does not know it). */
static u64 sym_value[RSP_TDB_NSYMS];

static void put64(struct env *e, u64 addr, u64 v)
{
	mock_put64(&e->m, addr, v);
}

static void put32(struct env *e, u64 addr, u32 v)
{
	mock_put32(&e->m, addr, v);
}

static void set_fs_base(struct env *e, int t, u64 v)
{
	mock_set_reg64(&e->m, t, RSP_AMD64_FS_BASE, v);
}

static void slot(struct env *e, u64 list, int idx, u64 gen, u64 map)
{
	mock_glibc_slot(&e->m, list, idx, gen, map);
}

static void fake_glibc(struct env *e)
{
	mock_glibc(&e->m, sym_value);
}

/* The name in "qSymbol:HEXNAME", decoded; -1 if not a question. */
static int asked_symbol(const char *reply)
{
	char name[128];
	unsigned int c;
	size_t i, n;
	int k;

	if (strncmp(reply, "qSymbol:", 8))
		return -1;
	reply += 8;
	n = strlen(reply) / 2;
	if (n >= sizeof(name))
		return -1;
	for (i = 0; i < n; i++) {
		if (sscanf(reply + 2 * i, "%2x", &c) != 1)
			return -1;
		name[i] = (char)c;
	}
	name[n] = 0;
	for (k = 0; k < RSP_TDB_NSYMS; k++)
		if (!strcmp(name, rsp_tdb_symbol(k)))
			return k;
	return -2;
}

/* gdb's side of one exchange; returns how many names were asked. */
static int exchange(struct env *e, const char **last)
{
	char pkt[256], hex[128];
	const char *r = xact(e, "qSymbol::");
	int n = 0, k;

	while ((k = asked_symbol(r)) >= 0) {
		const char *name = rsp_tdb_symbol(k);

		hexify(name, (u32)strlen(name), hex);
		if (sym_value[k])
			snprintf(pkt, sizeof(pkt), "qSymbol:%llx:%s",
				 (unsigned long long)sym_value[k], hex);
		else
			snprintf(pkt, sizeof(pkt), "qSymbol::%s", hex);
		r = xact(e, pkt);
		n++;
	}
	*last = r;
	return n;
}

static char pkt_buf[256];

static const char *tls(struct env *e, int tid, u64 off, u64 lm)
{
	char p[128];

	snprintf(p, sizeof(p), "qGetTLSAddr:%x,%llx,%llx", tid,
		 (unsigned long long)off, (unsigned long long)lm);
	snprintf(pkt_buf, sizeof(pkt_buf), "%s", xact(e, p));
	return pkt_buf;
}

/* The state of process pid's symbols (NONE when it has none). */
static int tdb_state(struct env *e, int pid)
{
	struct rsp_tdb *t = rsp_tdb_find(e->s, pid);

	return t ? t->state : RSP_TDB_NONE;
}

static int tls_run(void *t, const u8 *args, u32 len, int argc)
{
	(void)t;
	(void)args;
	(void)len;
	(void)argc;
	return 0;
}

static void test_exchange(void)
{
	static struct rsp_target_ops run_ops;
	struct env *e = env_new(0, &mock_ops);
	const char *last;
	char hex[64];
	int i;

	fake_glibc(e);
	/* before libc: only the thread library's own name is asked */
	sym_value[TDB_NPTL_VERSION] = 0;
	CHECK_INT(exchange(e, &last), 1);
	CHECK_STR(last, "OK");
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_NONE);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	CHECK_INT(exchange(e, &last), 1);
	/* then every name, once, in order */
	sym_value[TDB_NPTL_VERSION] = NPTL_VERSION;
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	CHECK_STR(last, "OK");
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	CHECK_INT(exchange(e, &last), 0);
	CHECK_STR(last, "OK");
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* answers nobody asked for, and malformed ones: empty reply */
	hexify("__nptl_version", 14, hex);
	snprintf(pkt_buf, sizeof(pkt_buf), "qSymbol:1234:%s", hex);
	CHECK_STR(xact(e, pkt_buf), "");
	CHECK_STR(xact(e, "qSymbol:"), "");
	CHECK_STR(xact(e, "qSymbol:abc"), "");
	CHECK_STR(xact(e, "qSymbol:zz:6162"), "");
	CHECK_STR(xact(e, "qSymbol:6d61696e:"), "");
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	/* an exec: a new program, asked again */
	e->s->running = 1;
	e->m.stop.reason = RSP_REASON_EXEC;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_NONE);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* other stops keep them */
	e->s->running = 1;
	e->m.stop.reason = RSP_REASON_SWBREAK;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	/* a vAttach of that pid again (after a detach): from nothing */
	e->s->extended = 1;
	xact(e, "qSupported:multiprocess+");
	CHECK(xact(e, "vAttach;4d2")[0] == 'T');
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_NONE);
	/*
	 * Packets in between (gdb reading memory while it looks a name
	 * up) are served; the exchange goes on where it was.  A wrong
	 * name is not an answer.
	 */
	CHECK_INT(asked_symbol(xact(e, "qSymbol::")), TDB_NPTL_VERSION);
	snprintf(pkt_buf, sizeof(pkt_buf), "qSymbol:%llx:%s",
		 (unsigned long long)NPTL_VERSION, hex);
	CHECK_INT(asked_symbol(xact(e, pkt_buf)), TDB_THREAD_AREA);
	CHECK_STR(xact(e, "m40e000,4"), "322e3336");
	CHECK_STR(xact(e, pkt_buf), "");
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_ASKING);
	hexify("_thread_db_const_thread_area", 28, hex);
	snprintf(pkt_buf, sizeof(pkt_buf), "qSymbol:%llx:%s",
		 (unsigned long long)THREAD_AREA, hex);
	CHECK_INT(asked_symbol(xact(e, pkt_buf)), TDB_PTHREAD_TID);
	/* "qSymbol::" again: from the first name gdb did not know */
	CHECK_INT(asked_symbol(xact(e, "qSymbol::")), TDB_PTHREAD_TID);
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS - 2);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* every name is asked once per exchange, in tdb_syms[] order */
	for (i = 0; i < RSP_TDB_NSYMS; i++)
		CHECK(rsp_tdb_symbol(i) != NULL);
	CHECK(rsp_tdb_symbol(RSP_TDB_NSYMS) == NULL);
	env_free(e);

	/* a vRun: another process, asked again */
	run_ops = mock_ops;
	run_ops.run = tls_run;
	e = env_new(1, &run_ops);
	fake_glibc(e);
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	/* gdb kills the process first: what we knew of it goes */
	CHECK_STR(xact(e, "vKill;4d2"), "OK");
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_NONE);
	/* a vRun with no process: nothing of before is kept */
	e->m.present = 1;
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	e->m.present = 0;
	env_send_str(e, "vRun;2f62696e2f74727565");
	env_drain(e);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_NONE);
	env_free(e);

	/* no process: nothing to look up */
	e = env_new(1, &mock_ops);
	e->m.present = 0;
	CHECK_STR(xact(e, "qSymbol::"), "OK");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,0"), "E01");
	env_free(e);
	/* a target without memory or registers: neither packet */
	e = env_new(0, &mock_ops_min);
	CHECK_STR(xact(e, "qSymbol::"), "OK");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,0"), "");
	env_free(e);
}

/* A stop of the mock's thread MOCK_PID, for @reason. */
static void stop_for(struct env *e, int reason, int child)
{
	e->s->running = 1;
	e->m.stop.reason = reason;
	e->m.stop.child_pid = child;
	e->m.stop.child_tid = child;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
}

/* Each process of a multi-process session has its own symbols. */
static void test_processes(void)
{
	struct env *e = env_new(1, &mock_ops);
	const char *last;
	int i, newest;

	xact(e, "qSupported:multiprocess+;fork-events+");
	fake_glibc(e);
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* another program, still without its thread library */
	e->m.pid_of_val = 0x99;
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	sym_value[TDB_NPTL_VERSION] = 0;
	CHECK_INT(exchange(e, &last), 1);
	CHECK_INT(tdb_state(e, 0x99), RSP_TDB_NONE);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	/* ... the first one keeps what it had */
	e->m.pid_of_val = 0;
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	CHECK_INT(exchange(e, &last), 0);
	/* an exchange given up for another process's is started over */
	e->m.pid_of_val = 0x99;
	sym_value[TDB_NPTL_VERSION] = NPTL_VERSION;
	CHECK_INT(asked_symbol(xact(e, "qSymbol::")), TDB_NPTL_VERSION);
	CHECK_INT(tdb_state(e, 0x99), RSP_TDB_ASKING);
	e->m.pid_of_val = 0x98;
	CHECK_INT(asked_symbol(xact(e, "qSymbol::")), TDB_NPTL_VERSION);
	CHECK_INT(tdb_state(e, 0x99), RSP_TDB_NONE);
	e->m.pid_of_val = 0x99;
	CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* a fork child has its parent's, without an exchange */
	e->m.pid_of_val = 0;
	stop_for(e, RSP_REASON_FORK, 0x77);
	e->m.pid_of_val = 0x77;
	CHECK_INT(tdb_state(e, 0x77), RSP_TDB_LOADED);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	CHECK_INT(exchange(e, &last), 0);
	/* an exec forgets only that process's */
	stop_for(e, RSP_REASON_EXEC, 0);
	CHECK_INT(tdb_state(e, 0x77), RSP_TDB_NONE);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	CHECK_INT(tdb_state(e, 0x99), RSP_TDB_LOADED);
	/* a fork of a process without any: the child has none either */
	stop_for(e, RSP_REASON_VFORK, 0x76);
	CHECK(rsp_tdb_find(e->s, 0x76) == NULL);
	/* more processes than slots: the newest always get one */
	for (i = 0; i < 2 * RSP_TDB_PROCS; i++) {
		e->m.pid_of_val = 0x100 + i;
		CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
		CHECK_INT(tdb_state(e, 0x100 + i), RSP_TDB_LOADED);
		CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	}
	CHECK(rsp_tdb_find(e->s, MOCK_PID) == NULL);
	/* a process's end, a detach, a kill: its symbols go, no others */
	newest = 0x100 + 2 * RSP_TDB_PROCS - 1;
	e->s->running = 1;
	e->m.stop.kind = RSP_STOP_EXITED;
	e->m.stop.pid = newest;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
	CHECK(rsp_tdb_find(e->s, newest) == NULL);
	CHECK_INT(tdb_state(e, newest - 1), RSP_TDB_LOADED);
	snprintf(pkt_buf, sizeof(pkt_buf), "D;%x", newest - 1);
	CHECK_STR(xact(e, pkt_buf), "OK");
	CHECK(rsp_tdb_find(e->s, newest - 1) == NULL);
	CHECK_INT(tdb_state(e, newest - 2), RSP_TDB_LOADED);
	snprintf(pkt_buf, sizeof(pkt_buf), "vKill;%x", newest - 2);
	CHECK_STR(xact(e, pkt_buf), "OK");
	CHECK(rsp_tdb_find(e->s, newest - 2) == NULL);
	CHECK_INT(tdb_state(e, newest - 3), RSP_TDB_LOADED);
	/* a fork when no slot is free and the parent's is next in turn */
	e->m.present = 1;	/* (the vKill took the mock's process) */
	for (i = 0; i < RSP_TDB_PROCS; i++) {
		e->m.pid_of_val = 0x200 + i;
		CHECK_INT(exchange(e, &last), RSP_TDB_NSYMS);
	}
	for (i = 0; i < RSP_TDB_PROCS; i++)
		CHECK(e->s->tdb[i].used);
	e->m.pid_of_val = e->s->tdb[e->s->tdb_next].pid;
	e->m.stop.kind = RSP_STOP_SIGNAL;
	stop_for(e, RSP_REASON_FORK, 0x300);
	CHECK_INT(tdb_state(e, e->m.pid_of_val), RSP_TDB_LOADED);
	CHECK_INT(tdb_state(e, 0x300), RSP_TDB_LOADED);
	env_free(e);
}

/* A session with every symbol looked up. */
static struct env *loaded(void)
{
	struct env *e = env_new(0, &mock_ops);
	const char *last;

	fake_glibc(e);
	exchange(e, &last);
	CHECK_INT(tdb_state(e, MOCK_PID), RSP_TDB_LOADED);
	return e;
}

static void test_addresses(void)
{
	struct env *e = loaded();

	/* the program's and the library's blocks, by the DTV */
	CHECK_STR(tls(e, MOCK_PID, 0x10, LM_PROG), "406010");
	CHECK_STR(tls(e, MOCK_PID, 4, LM_LIB), "406104");
	CHECK_STR(tls(e, MOCK_TID2, 0x10, LM_PROG), "406810");
	CHECK_STR(tls(e, MOCK_TID2, 4, LM_LIB), "406904");
	/* lm 0: module 1, the (static) program */
	CHECK_STR(tls(e, MOCK_PID, 8, 0), "406008");
	CHECK_STR(tls(e, MOCK_TID2, 8, 0), "406808");
	/* dlopen'ed: allocated in thread 1 */
	CHECK_STR(tls(e, MOCK_PID, 0, LM_DL), "406200");
	CHECK_STR(tls(e, MOCK_PID, 4, LM_IE), "40cf44");
	/* thread 2's DTV is older: static TLS only, else not allocated */
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_DL), "E01");
	CHECK_STR(tls(e, MOCK_TID2, 4, LM_IE), "406f44");
	/* brought up to date, with the dynamic block unallocated */
	put64(e, DTV2, 3);
	put64(e, DTV2 + 48, (u64)-1);
	put64(e, DTV2 + 64, TP2 - 0xc0);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_DL), "E01");
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_IE), "406f40");
	/* ... then allocated */
	put64(e, DTV2 + 48, BLOCK2 + 0x200);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_DL), "406a00");
	/* an unallocated entry of a module with a static block */
	put64(e, DTV2 + 64, (u64)-1);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_IE), "406f40");
	/* the offset is added as is (64-bit wrap) */
	CHECK_STR(tls(e, MOCK_PID, 0xffffffffffffffffULL, LM_PROG),
		  "405fff");
	/* multiprocess thread-ids */
	snprintf(pkt_buf, sizeof(pkt_buf), "qGetTLSAddr:p4d2.4d3,4,%llx",
		 (unsigned long long)LM_LIB);
	CHECK_STR(xact(e, pkt_buf), "406904");
	/* the main thread's tid may still be 0 in its struct pthread */
	put32(e, TP1 + 720, 0);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	/* gs as the thread register, if libc says so */
	put32(e, THREAD_AREA, 26);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	mock_set_reg64(&e->m, 0, RSP_AMD64_GS_BASE, TP1);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	env_free(e);

	/* a static program: no rtld_global, the loader's own variables */
	e = env_new(0, &mock_ops);
	fake_glibc(e);
	sym_value[TDB_RTLD_GLOBAL] = 0;
	sym_value[TDB_STACK_USER] = STACK_USER;
	sym_value[TDB_SLOTINFO] = SLOTINFO_VAR;
	sym_value[TDB_SLOTINFO_DESC] = DESC_AREA + 16 * TDB_SLOTINFO_DESC;
	put64(e, STACK_USER, TP1 + 0x2c0);
	put64(e, SLOTINFO_VAR, SLOT_LIST1);
	{
		const char *last;

		exchange(e, &last);
	}
	CHECK_STR(tls(e, MOCK_PID, 0x10, 0), "406010");
	CHECK_STR(tls(e, MOCK_TID2, 0x10, 0), "406810");
	put64(e, STACK_USER, 0);
	CHECK_STR(tls(e, MOCK_PID, 0x10, 0), "E01");
	env_free(e);
}

static void test_failures(void)
{
	struct env *e = loaded();
	char p[128];

	/* modules: no TLS, unknown, unreadable link_map */
	CHECK_STR(tls(e, MOCK_PID, 0, LM_NOTLS), "E01");
	CHECK_STR(tls(e, MOCK_PID, 0, LM_BIG), "E01");
	CHECK_STR(tls(e, MOCK_PID, 0, 1), "E01");
	CHECK_STR(tls(e, MOCK_PID, 0, 0xffffffffffffffffULL), "E01");
	CHECK_STR(tls(e, MOCK_PID, 0, 0x500000), "E01");
	/* threads: unknown, none, all, another process */
	CHECK_STR(tls(e, 0x999, 0, LM_PROG), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:0,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:-1,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p4d2.0,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p4d2.-1,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p4d2,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p4d3.4d2,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p4d2.4d2,0,40b000"), "406000");
	/* malformed */
	CHECK_STR(xact(e, "qGetTLSAddr:"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,40b000,0"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,40b000,"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2g,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,zz,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,0,40b000g"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:4d2,10000000000000000,40b000"),
		  "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr:p,0,40b000"), "E01");
	CHECK_STR(xact(e, "qGetTLSAddr4d2,0,40b000"), "");
	/* the session goes on */
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");

	/* the thread is not (yet) one of the thread library's */
	put64(e, RTLD_GLOBAL + 4280, 0);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	put64(e, RTLD_GLOBAL + 4280, TP1 + 0x2c0);
	put32(e, TP2 + 720, MOCK_PID);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "E01");
	put32(e, TP2 + 720, MOCK_TID2);
	set_fs_base(e, 1, 0);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "E01");
	set_fs_base(e, 1, 0x300000);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "E01");
	set_fs_base(e, 1, TP2);
	e->m.reg_fail[RSP_AMD64_FS_BASE] = 1;
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "E01");
	e->m.reg_fail[RSP_AMD64_FS_BASE] = 0;
	put32(e, THREAD_AREA, 99);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "E01");
	put32(e, THREAD_AREA, 25);
	CHECK_STR(tls(e, MOCK_TID2, 0, LM_PROG), "406800");
	/* loader state: no map in the slot, a corrupt (looping) list */
	slot(e, SLOT_LIST2, 0, 0, 0);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_LIB), "E01");
	slot(e, SLOT_LIST2, 0, 0, LM_LIB);
	put64(e, SLOT_LIST1, 0);
	put64(e, SLOT_LIST2, 0);
	put64(e, SLOT_LIST2 + 8, SLOT_LIST1);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_LIB), "E01");
	put64(e, SLOT_LIST1, 2);
	put64(e, SLOT_LIST2, 62);
	put64(e, SLOT_LIST2 + 8, 0);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_LIB), "406100");
	/* a DTV pointer that cannot be read */
	put64(e, TP1 + 8, 0x100);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_LIB), "E01");
	put64(e, TP1 + 8, DTV1);
	env_free(e);

	/* descriptors: missing, size 0, an index beyond the bound */
	e = env_new(0, &mock_ops);
	fake_glibc(e);
	sym_value[TDB_PTHREAD_DTVP] = 0;
	{
		const char *last;

		exchange(e, &last);
	}
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	env_free(e);
	e = loaded();
	put32(e, DESC_AREA + 16 * TDB_LM_MODID, 0);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	env_free(e);
	e = loaded();
	put32(e, DESC_AREA + 16 * TDB_DTV_DTV + 4, 2);	/* nelem 2 */
	CHECK_STR(tls(e, MOCK_PID, 0, LM_LIB), "406100");
	CHECK_STR(tls(e, MOCK_PID, 0, LM_DL), "E01");
	env_free(e);
	e = loaded();
	put32(e, DESC_AREA + 16 * TDB_PTHREAD_TID, 16);	/* 16 bits */
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	env_free(e);
	e = loaded();
	/* a big-endian libc's descriptor */
	put32(e, DESC_AREA + 16 * TDB_PTHREAD_DTVP, 0x40000000);
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "E01");
	env_free(e);
	/* symbols read once: a later change of memory is not seen */
	e = loaded();
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	snprintf(p, sizeof(p), "M%llx,4:00000000",
		 (unsigned long long)(DESC_AREA + 16 * TDB_SI_MAP));
	CHECK_STR(xact(e, p), "OK");
	CHECK_STR(tls(e, MOCK_PID, 0, LM_PROG), "406000");
	env_free(e);
}

void test_tls(void)
{
	test_exchange();
	test_processes();
	test_addresses();
	test_failures();
}
