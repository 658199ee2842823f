// SPDX-License-Identifier: GPL-2.0
/* test_exec.c - process control, resume and stop replies. */
#include <signal.h>
#include "test.h"

#define EXPEDITED "06:3031323334353637;07:38393a3b3c3d3e3f;" \
		  "10:8081828384858687;"

static void stop(struct env *e, enum rsp_stop_kind kind,
		 enum rsp_stop_reason reason, int tid, int sig, int status)
{
	struct rsp_stop st = {
		.kind = kind, .reason = reason, .pid = MOCK_PID, .tid = tid,
		.sig = sig, .status = status,
	};

	rsp_session_stop(e->s, &st);
	env_drain(e);
}

static void test_status(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "?"), "T05thread:4d2;" EXPEDITED);
	CHECK_INT(e->s->last_tid, MOCK_PID);
	e->m.stop.tid = MOCK_TID2;
	e->m.stop.sig = SIGSEGV;
	CHECK_STR(xact(e, "?"), "T0bthread:4d3;06:4041424344454647;"
		  "07:48494a4b4c4d4e4f;10:9091929394959697;");
	/* unreadable expedited registers are left out */
	e->m.reg_fail[RSP_AMD64_RSP] = 1;
	CHECK_STR(xact(e, "?"), "T0bthread:4d3;06:4041424344454647;"
		  "10:9091929394959697;");
	e->m.reg_fail[RSP_AMD64_RSP] = 0;
	/* non-extended: the SIGSTOP of an attach looks like a trap */
	e->m.stop.sig = SIGSTOP;
	CHECK(!strncmp(xact(e, "?"), "T05", 3));
	e->m.stop.kind = RSP_STOP_NONE;
	CHECK_STR(xact(e, "?"), "W00");
	e->m.stop.kind = RSP_STOP_EXITED;
	e->m.stop.status = 3;
	CHECK_STR(xact(e, "?"), "W03");
	e->m.stop.kind = RSP_STOP_KILLED;
	e->m.stop.sig = SIGKILL;
	CHECK_STR(xact(e, "?"), "X09");
	env_free(e);

	e = env_new(1, NULL);
	e->m.stop.sig = SIGSTOP;
	CHECK(!strncmp(xact(e, "?"), "T11thread:4d2;", 14));
	e->m.present = 0;
	e->m.stop.kind = RSP_STOP_NONE;
	CHECK_STR(xact(e, "?"), "W00");
	env_free(e);
}

static void test_attach_kill_detach(void)
{
	struct env *e = env_new(1, NULL);

	e->m.present = 0;
	CHECK_STR(xact(e, "vAttach;4d2"), "T11thread:4d2;" EXPEDITED);
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK_STR(xact(e, "vAttach;0"), "E01");
	CHECK_STR(xact(e, "vAttach;"), "E01");
	CHECK_STR(xact(e, "vAttach;zz"), "E01");
	CHECK_STR(xact(e, "vAttach;1,2"), "E01");
	CHECK_INT(e->m.n_attach, 1);
	/* a second process only for a multiprocess+ gdb (gdbserver's rule) */
	CHECK_STR(xact(e, "vAttach;99"), "E01");
	CHECK_INT(e->m.n_attach, 1);
	e->m.present = 0;
	e->m.attach_ret = -1;
	CHECK_STR(xact(e, "vAttach;99"), "E01");
	e->m.attach_ret = -3;
	CHECK_STR(xact(e, "vAttach;99"), "E03");
	CHECK_INT(e->m.n_attach, 3);
	e->m.present = 1;

	CHECK_STR(xact(e, "vKill;4d2"), "OK");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK(!e->s->exited);
	e->m.kill_ret = -3;
	CHECK_STR(xact(e, "vKill;4d2"), "E03");
	CHECK_STR(xact(e, "vKill"), "");
	CHECK_STR(xact(e, "vKill;"), "E01");
	e->m.kill_ret = 0;
	/* k: no reply (only the ack), session stays in extended mode */
	env_send_str(e, "k");
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_INT(e->npkts, 0);
	CHECK_INT(e->m.last_pid, -1);
	CHECK(!e->s->exited);

	e->m.present = 1;
	CHECK_STR(xact(e, "D"), "OK");
	CHECK_INT(e->m.last_pid, -1);
	CHECK(!e->s->exited);
	CHECK_STR(xact(e, "D;4d2"), "OK");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK_STR(xact(e, "D;"), "E01");
	CHECK_STR(xact(e, "Dx"), "E01");
	e->m.detach_ret = -3;
	CHECK_STR(xact(e, "D"), "E03");

	/* gdb's made-up pid for a process it did not attach: "all" */
	CHECK_STR(xact(e, "vKill;a410"), "OK");
	CHECK_INT(e->m.last_pid, -1);
	env_free(e);

	/* non-extended: k, vKill and D end the session */
	e = env_new(0, NULL);
	CHECK_STR(xact(e, "vKill;a410"), "OK");
	CHECK(e->s->exited);
	env_free(e);
	e = env_new(0, NULL);
	e->m.kill_ret = -3;
	CHECK_STR(xact(e, "vKill;a410"), "E03");
	CHECK(!e->s->exited);
	env_free(e);
	e = env_new(0, &mock_ops_min);
	env_send_str(e, "k");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->exited);
	env_free(e);
	e = env_new(0, NULL);
	env_send_str(e, "k");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->exited);
	env_free(e);
	e = env_new(0, NULL);
	CHECK_STR(xact(e, "D"), "OK");
	CHECK(e->s->exited);
	env_free(e);
	/* ... but not a failed detach */
	e = env_new(0, NULL);
	e->m.detach_ret = -1;
	CHECK_STR(xact(e, "D"), "E01");
	CHECK(!e->s->exited);
	env_free(e);
}

static void test_resume(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "qSupported:swbreak+;hwbreak+"),
		  "PacketSize=4000;QStartNoAckMode+;swbreak+;hwbreak+;"
		  "vContSupported+;qXfer:features:read+;qXfer:auxv:read+;"
		  "qXfer:exec-file:read+;qXfer:threads:read+;"
		  "qXfer:libraries-svr4:read+;augmented-libraries-svr4-read+;"
		  "qXfer:siginfo:read+;"
		  "qXfer:siginfo:write+");
	/* c: no reply until the stop */
	env_send_str(e, "c");
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->running);
	CHECK_INT(e->m.n_acts, 1);
	CHECK(e->m.acts[0].kind == RSP_RESUME_CONTINUE &&
	      e->m.acts[0].sig == 0 && e->m.acts[0].tid == -1);
	/* stops are reported once */
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_SWBREAK, MOCK_TID2, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05thread:4d3;06:4041424344454647;"
		  "07:48494a4b4c4d4e4f;10:9091929394959697;swbreak:;");
	CHECK(!e->s->running);
	CHECK_INT(e->s->last_tid, MOCK_TID2);
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_NONE, MOCK_PID, SIGTRAP, 0);
	CHECK_INT(e->npkts, 0);

	/* C with a signal: gdb 0x1e (USR1) -> Linux 10 */
	xact(e, "C1e");
	CHECK(e->m.acts[0].sig == SIGUSR1 && e->s->running);
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_HWBREAK, MOCK_PID, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05thread:4d2;" EXPEDITED "hwbreak:;");
	/* s steps the current thread (that of the last stop) */
	xact(e, "s");
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_PID);
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_STEP, MOCK_PID, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05thread:4d2;" EXPEDITED);
	/* Hc selects the thread of legacy resumes */
	CHECK_STR(xact(e, "Hc4d3"), "OK");
	xact(e, "S0b");
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_TID2 && e->m.acts[0].sig == SIGSEGV);
	stop(e, RSP_STOP_EXITED, 0, 0, 0, 7);
	CHECK_STR(last_reply(e), "W07");
	CHECK_INT(e->s->c_tid, 0);
	CHECK_INT(e->s->last_tid, 0);
	/* a resume address rewrites rip first */
	xact(e, "c400123");
	CHECK(e->m.regs[0][128] == 0x23 && e->m.regs[0][129] == 0x01 &&
	      e->m.regs[0][130] == 0x40 && e->m.regs[0][131] == 0);
	stop(e, RSP_STOP_KILLED, 0, 0, SIGSEGV, 0);
	CHECK_STR(last_reply(e), "X0b");
	xact(e, "C05;400200");
	CHECK(e->m.regs[0][128] == 0x00 && e->m.regs[0][129] == 0x02);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGINT, 0);
	/* malformed ones never resume */
	e->m.n_resume = 0;
	CHECK_STR(xact(e, "cx"), "E01");
	CHECK_STR(xact(e, "C"), "E01");
	CHECK_STR(xact(e, "C05;"), "E01");
	CHECK_STR(xact(e, "C05x"), "E01");
	CHECK_STR(xact(e, "C100"), "E01");
	CHECK_STR(xact(e, "C07"), "E16");	/* SIGEMT: none on Linux */
	CHECK_STR(xact(e, "c10000000000000000"), "E01");
	e->m.can_step_val = 0;
	CHECK_STR(xact(e, "s"), "E16");
	CHECK_INT(e->m.n_resume, 0);
	CHECK(!e->s->running);
	env_free(e);
}

/*
 * Nothing resumed: "N" to a gdb that offered no-resumed+, otherwise the
 * session waits (running) as before.
 */
static void test_no_resumed(void)
{
	struct env *e = env_new(0, NULL);

	e->m.resume_ret = RSP_RESUMED_NONE;
	CHECK(!strncmp(xact(e, "qSupported:no-resumed+"), "PacketSize", 10));
	CHECK(strstr(last_reply(e), ";no-resumed+") != NULL);
	CHECK_STR(xact(e, "vCont;t"), "N");
	CHECK(!e->s->running);
	CHECK_INT(e->m.n_resume, 1);
	/* the session goes on */
	e->m.resume_ret = 0;
	xact(e, "vCont;c");
	CHECK(e->s->running);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);
	/* without no-resumed+: not announced, no N, still running */
	xact(e, "qSupported:multiprocess+");
	CHECK(strstr(last_reply(e), "no-resumed") == NULL);
	e->m.resume_ret = RSP_RESUMED_NONE;
	env_send_str(e, "vCont;t");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->running);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGINT, 0);
	CHECK(!e->s->running);
	env_free(e);
}

/* vCont;r: a range step for the target, or a plain step. */
static void test_vcont_range(void)
{
	struct env *e = env_new(0, NULL);

	xact(e, "vCont;r400100,400120:4d3;c");
	CHECK_INT(e->m.n_acts, 2);
	CHECK(e->m.acts[0].kind == RSP_RESUME_RANGE &&
	      e->m.acts[0].tid == MOCK_TID2 &&
	      e->m.acts[0].start == 0x400100 && e->m.acts[0].end == 0x400120);
	CHECK(e->m.acts[1].kind == RSP_RESUME_CONTINUE &&
	      e->m.acts[1].start == 0 && e->m.acts[1].end == 0);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_TID2, SIGTRAP, 0);
	CHECK(!strncmp(last_reply(e), "T05thread:4d3;", 14));
	/* an empty range is a step ("equivalent to s") */
	xact(e, "vCont;r400100,400100:p4d2.4d2");
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_PID);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);
	xact(e, "vCont;r400120,400100");
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);
	/* a target without range stepping steps once */
	e->m.can_range_step_val = 0;
	xact(e, "vCont;r400100,400120:4d2");
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_PID);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);
	/* nor without stepping at all */
	e->m.can_step_val = 0;
	e->m.n_resume = 0;
	CHECK_STR(xact(e, "vCont;r400100,400120:4d2"), "E16");
	CHECK_INT(e->m.n_resume, 0);
	env_free(e);
}

static void test_vcont(void)
{
	struct env *e = env_new(0, NULL);
	char big[1024];
	int i, n;

	/* vCont;s:tid;c: one step, everyone else continues */
	env_send_str(e, "vCont;s:4d3;c");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK_INT(e->m.n_acts, 2);
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_TID2 && e->m.acts[1].tid == -1 &&
	      e->m.acts[1].kind == RSP_RESUME_CONTINUE);
	/* while running: everything but ^C is refused */
	CHECK_STR(xact(e, "g"), "E10");
	CHECK_STR(xact(e, "vCont;c"), "E10");
	CHECK_INT(e->m.n_resume, 1);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_TID2, SIGTRAP, 0);
	CHECK(!strncmp(last_reply(e), "T05thread:4d3;", 14));

	xact(e, "vCont;C0b:4d2;S1e:p4d2.4d3;t:-1");
	CHECK_INT(e->m.n_acts, 3);
	CHECK(e->m.acts[0].kind == RSP_RESUME_CONTINUE &&
	      e->m.acts[0].sig == SIGSEGV && e->m.acts[0].tid == MOCK_PID);
	CHECK(e->m.acts[1].kind == RSP_RESUME_STEP &&
	      e->m.acts[1].sig == SIGUSR1 && e->m.acts[1].tid == MOCK_TID2);
	CHECK(e->m.acts[2].kind == RSP_RESUME_STOP && e->m.acts[2].tid == -1);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);

	/* the largest action list, and one too many */
	n = sprintf(big, "vCont");
	for (i = 0; i < RSP_MAX_ACTIONS; i++)
		n += sprintf(big + n, ";c:%x", i + 1);
	xact(e, big);
	CHECK_INT(e->m.n_acts, RSP_MAX_ACTIONS);
	stop(e, RSP_STOP_SIGNAL, 0, MOCK_PID, SIGTRAP, 0);
	sprintf(big + n, ";c");
	CHECK_STR(xact(e, big), "E01");

	e->m.n_resume = 0;
	CHECK_STR(xact(e, "vCont;"), "E01");
	CHECK_STR(xact(e, "vCont;x"), "E01");
	CHECK_STR(xact(e, "vCont;r1:4d2"), "E01");
	CHECK_STR(xact(e, "vCont;r1,:4d2"), "E01");
	CHECK_STR(xact(e, "vCont;r,2:4d2"), "E01");
	CHECK_STR(xact(e, "vCont;rx,2:4d2"), "E01");
	CHECK_STR(xact(e, "vCont;r1,2x"), "E01");
	CHECK_STR(xact(e, "vCont;c:"), "E01");
	CHECK_STR(xact(e, "vCont;c:zz"), "E01");
	CHECK_STR(xact(e, "vCont;C"), "E01");
	CHECK_STR(xact(e, "vCont;C1ff"), "E01");
	CHECK_STR(xact(e, "vCont;cc"), "E01");
	CHECK_STR(xact(e, "vCont;c;"), "E01");
	CHECK_STR(xact(e, "vCont;C07"), "E16");
	CHECK_STR(xact(e, "vCont"), "");
	e->m.can_step_val = 0;
	CHECK_STR(xact(e, "vCont;s"), "E16");
	CHECK_INT(e->m.n_resume, 0);

	/* target refuses: error reply, not running */
	e->m.resume_ret = -16;
	CHECK_STR(xact(e, "vCont;c"), "E10");
	CHECK(!e->s->running);
	/* target reports the stop from inside resume() */
	e->m.resume_ret = 0;
	e->m.resume_sync_stop = 1;
	CHECK_STR(xact(e, "vCont;c"), "T05thread:4d2;" EXPEDITED);
	CHECK(!e->s->running);
	/* ... and then fails anyway: the stop was the answer */
	e->m.resume_ret = -5;
	CHECK(!strncmp(xact(e, "c"), "T05", 3));
	CHECK_INT(e->npkts, 1);
	env_free(e);
}

static void test_swbreak_needs_gdb(void)
{
	struct env *e = env_new(0, NULL);

	/* gdb did not announce swbreak+: no stop reason in the reply */
	xact(e, "c");
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_SWBREAK, MOCK_PID, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05thread:4d2;" EXPEDITED);
	/* a stop with no thread */
	xact(e, "c");
	stop(e, RSP_STOP_SIGNAL, 0, 0, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05");
	xact(e, "c");
	stop(e, RSP_STOP_NONE, 0, 0, 0, 0);
	CHECK_STR(last_reply(e), "W00");
	xact(e, "c");
	stop(e, RSP_STOP_EXITED, 0, 0, 0, 0x1ff);
	CHECK_STR(last_reply(e), "Wff");
	env_free(e);
}

/* A stop while the output is full is delivered once gdb reads. */
static void test_stop_when_full(void)
{
	struct env *e = env_new(0, NULL);
	u32 olen;

	xact(e, "c");
	e->s->out_len = sizeof(e->s->out) - 8;	/* as if gdb never read */
	memset(e->s->out, '+', e->s->out_len);
	rsp_session_stop(e->s, &e->m.stop);
	CHECK(!e->s->running);
	CHECK(e->s->reply_unsent);
	/* nothing is taken in meanwhile */
	CHECK_INT(rsp_session_feed(e->s, (const u8 *)"$qC#b4", 6), 0);
	rsp_session_output(e->s, &olen);
	rsp_session_consume(e->s, olen);
	CHECK(!e->s->reply_unsent);
	env_drain(e);
	CHECK_INT(e->npkts, 1);
	CHECK_STR(last_reply(e), "T05thread:4d2;" EXPEDITED);
	CHECK_STR(xact(e, "qC"), "QC4d2");
	env_free(e);
}

#define QSUP_MP "qSupported:multiprocess+;swbreak+;hwbreak+"

/* multiprocess+: stop replies, resumes and process packets with pids. */
static void test_multiprocess_exec(void)
{
	struct env *e = env_new(0, NULL);

	xact(e, QSUP_MP);
	CHECK_STR(xact(e, "?"), "T05thread:p4d2.4d2;" EXPEDITED);
	/* stops: thread:pPID.TID, W/X with ;process:PID */
	xact(e, "vCont;c:p4d2.-1");
	CHECK_INT(e->m.n_acts, 1);
	CHECK(e->m.acts[0].kind == RSP_RESUME_CONTINUE &&
	      e->m.acts[0].tid == -1 && e->m.acts[0].pid == MOCK_PID);
	stop(e, RSP_STOP_SIGNAL, RSP_REASON_SWBREAK, MOCK_TID2, SIGTRAP, 0);
	CHECK_STR(last_reply(e), "T05thread:p4d2.4d3;06:4041424344454647;"
		  "07:48494a4b4c4d4e4f;10:9091929394959697;swbreak:;");
	/* gdb steps one thread and lets the rest of its process run */
	xact(e, "vCont;s:p4d2.4d3;c:p4d2.-1");
	CHECK_INT(e->m.n_acts, 2);
	CHECK(e->m.acts[0].kind == RSP_RESUME_STEP &&
	      e->m.acts[0].tid == MOCK_TID2 && e->m.acts[0].pid == MOCK_PID &&
	      e->m.acts[1].tid == -1 && e->m.acts[1].pid == MOCK_PID);
	/* a stop without its pid: pid_of() fills it in */
	{
		struct rsp_stop st = {
			.kind = RSP_STOP_SIGNAL, .tid = MOCK_TID2, .sig = SIGTRAP,
		};

		rsp_session_stop(e->s, &st);
		env_drain(e);
		CHECK(!strncmp(last_reply(e), "T05thread:p4d2.4d3;", 19));
	}
	xact(e, "vCont;c:p-1.-1");
	CHECK(e->m.acts[0].tid == -1 && e->m.acts[0].pid == -1);
	stop(e, RSP_STOP_EXITED, 0, 0, 0, 7);
	CHECK_STR(last_reply(e), "W07;process:4d2");
	xact(e, "c");
	CHECK(e->m.acts[0].tid == -1 && e->m.acts[0].pid == 0);
	stop(e, RSP_STOP_KILLED, 0, 0, SIGKILL, 0);
	CHECK_STR(last_reply(e), "X09;process:4d2");
	xact(e, "vCont;c");
	{
		struct rsp_stop st = { .kind = RSP_STOP_EXITED, .status = 1 };

		rsp_session_stop(e->s, &st);
		env_drain(e);
		CHECK_STR(last_reply(e), "W01");
	}
	e->m.stop.kind = RSP_STOP_EXITED;
	e->m.stop.status = 0x2a;
	CHECK_STR(xact(e, "?"), "W2a;process:4d2");
	e->m.stop.kind = RSP_STOP_NONE;
	CHECK_STR(xact(e, "?"), "W00");
	e->m.stop.kind = RSP_STOP_SIGNAL;
	/* actions naming another process (or its threads) never resume */
	e->m.n_resume = 0;
	CHECK_STR(xact(e, "vCont;c:p1.-1"), "E03");
	CHECK_STR(xact(e, "vCont;c:p1"), "E03");
	CHECK_STR(xact(e, "vCont;s:p1.4d2;c"), "E03");
	CHECK_STR(xact(e, "vCont;c:p4d2.4d4"), "E03");
	CHECK_STR(xact(e, "vCont;c:p"), "E01");
	CHECK_STR(xact(e, "vCont;c:p."), "E01");
	CHECK_STR(xact(e, "vCont;c:p4d2."), "E01");
	CHECK_STR(xact(e, "vCont;c:pzz.1"), "E01");
	CHECK_STR(xact(e, "vCont;c:p4d2.4d3;"), "E01");
	CHECK_INT(e->m.n_resume, 0);

	/* D must name the process; the pid goes to the target */
	CHECK_STR(xact(e, "D"), "E01");
	CHECK_INT(e->m.n_detach, 0);
	CHECK_STR(xact(e, "D;"), "E01");
	CHECK_STR(xact(e, "D;zz"), "E01");
	CHECK_STR(xact(e, "D;4d2x"), "E01");
	CHECK_INT(e->m.n_detach, 0);
	CHECK(!e->s->exited);
	CHECK_STR(xact(e, "D;4d2"), "OK");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK(e->s->exited);
	env_free(e);

	/* vKill: the real pid, even 42000 */
	e = env_new(1, NULL);
	xact(e, QSUP_MP);
	CHECK_STR(xact(e, "vKill;a410"), "OK");
	CHECK_INT(e->m.last_pid, 42000);
	CHECK_STR(xact(e, "vKill;4d2"), "OK");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK_STR(xact(e, "vKill;p4d2"), "E01");
	CHECK(!e->s->exited);
	/* vAttach: the stop names pPID.TID */
	CHECK_STR(xact(e, "vAttach;4d2"), "T11thread:p4d2.4d2;" EXPEDITED);
	CHECK_INT(e->m.last_pid, 0x4d2);
	/* multiprocess+: one more process while one is debugged */
	CHECK(e->m.present);
	CHECK(xact(e, "vAttach;99")[0] == 'T');
	CHECK_INT(e->m.last_pid, 0x99);
	/* extended: D;pid detaches without ending the session */
	CHECK_STR(xact(e, "D;4d2"), "OK");
	CHECK(!e->s->exited);
	/* k is still "all" */
	e->m.present = 1;
	env_send_str(e, "k");
	env_drain(e);
	CHECK_INT(e->m.last_pid, -1);
	env_free(e);

	/* non-extended: vKill of our pid ends the session */
	e = env_new(0, NULL);
	xact(e, QSUP_MP);
	CHECK_STR(xact(e, "vKill;4d2"), "OK");
	CHECK_INT(e->m.last_pid, 0x4d2);
	CHECK(e->s->exited);
	env_free(e);
}

void test_exec(void)
{
	test_stop_when_full();
	test_status();
	test_attach_kill_detach();
	test_resume();
	test_vcont();
	test_vcont_range();
	test_no_resumed();
	test_swbreak_needs_gdb();
	test_multiprocess_exec();
}
