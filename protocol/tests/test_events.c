// SPDX-License-Identifier: GPL-2.0
/*
 * test_events.c - exec/fork event negotiation in qSupported, the event
 * stop replies (exec:, syscall_entry:, syscall_return:) and
 * QCatchSyscalls, malformed input included.
 */
#include "test.h"

static u32 ev_offered, ev_agree;
static int n_events;

static u32 rec_events(void *t, u32 offered)
{
	(void)t;
	n_events++;
	ev_offered = offered;
	return ev_agree;
}

static int n_catch, catch_enable, catch_ret;
static u32 catch_n, catch_nrs[8];

static int rec_catch(void *t, int enable, const u32 *nrs, u32 n)
{
	(void)t;
	n_catch++;
	catch_enable = enable;
	catch_n = n;
	memcpy(catch_nrs, nrs, (n < 8 ? n : 8) * sizeof(*nrs));
	return catch_ret;
}

static void test_negotiation(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	/* a target without the op agrees to nothing */
	e = env_new(1, NULL);
	r = xact(e, "qSupported:fork-events+;vfork-events+;exec-events+");
	CHECK(!strstr(r, "events") && !strstr(r, "QCatchSyscalls"));
	env_free(e);

	ops.events = rec_events;
	e = env_new(1, &ops);
	ev_agree = RSP_EVENT_EXEC;
	r = xact(e, "qSupported:multiprocess+;swbreak+;fork-events+;"
		 "vfork-events+;exec-events+;vContSupported+");
	CHECK_INT(ev_offered, RSP_EVENT_EXEC | RSP_EVENT_FORK |
		  RSP_EVENT_VFORK);
	CHECK(strstr(r, ";exec-events+") && !strstr(r, "fork-events"));
	/* the target cannot agree to what gdb did not offer */
	ev_agree = RSP_EVENT_EXEC | RSP_EVENT_FORK;
	r = xact(e, "qSupported:fork-events+");
	CHECK_INT(ev_offered, RSP_EVENT_FORK);
	CHECK(strstr(r, ";fork-events+") && !strstr(r, "exec-events"));
	/* near misses are not features */
	r = xact(e, "qSupported:exec-events;exec-events-;xexec-events+;"
		 "exec-events+x");
	CHECK_INT(ev_offered, 0);
	CHECK(!strstr(r, "events"));
	/* a later qSupported without them takes the agreement back */
	r = xact(e, "qSupported");
	CHECK_INT(ev_offered, 0);
	CHECK_INT(n_events, 4);
	env_free(e);
}

static void test_exec_stop(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	ops.events = rec_events;
	ev_agree = RSP_EVENT_EXEC;
	e = env_new(1, &ops);
	strcpy(e->m.exec_path, "/bin/ab");
	e->m.stop.kind = RSP_STOP_SIGNAL;
	e->m.stop.sig = 5;
	e->m.stop.tid = MOCK_PID;
	e->m.stop.pid = MOCK_PID;
	e->m.stop.reason = RSP_REASON_EXEC;
	/* not agreed: a plain SIGTRAP stop */
	r = xact(e, "?");
	CHECK(!strncmp(r, "T05", 3) && !strstr(r, "exec"));
	xact(e, "qSupported:multiprocess+;exec-events+");
	r = xact(e, "?");
	CHECK(!strncmp(r, "T05", 3));
	CHECK(strstr(r, "exec:2f62696e2f6162;") != NULL);
	CHECK(strstr(r, "thread:p4d2.4d2;") != NULL);
	CHECK_INT(e->m.exec_pid, MOCK_PID);
	/* the path cannot be read: empty, gdb keeps its file */
	e->m.exec_ret = -3;
	r = xact(e, "?");
	CHECK(strstr(r, "exec:;") != NULL);
	e->m.exec_ret = 0;
	/* a breakpoint reason wins over nothing: no event text */
	e->m.stop.reason = RSP_REASON_SWBREAK;
	r = xact(e, "?");
	CHECK(!strstr(r, "exec:"));
	env_free(e);
}

static void test_fork_stop(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	ops.events = rec_events;
	ev_agree = RSP_EVENT_FORK;
	e = env_new(1, &ops);
	e->m.stop.kind = RSP_STOP_SIGNAL;
	e->m.stop.sig = 5;
	e->m.stop.tid = MOCK_PID;
	e->m.stop.pid = MOCK_PID;
	e->m.stop.reason = RSP_REASON_FORK;
	e->m.stop.child_pid = 0x99;
	e->m.stop.child_tid = 0x99;
	/* not agreed: a plain SIGTRAP stop */
	r = xact(e, "?");
	CHECK(!strncmp(r, "T05", 3) && !strstr(r, "fork"));
	xact(e, "qSupported:multiprocess+;fork-events+");
	r = xact(e, "?");
	CHECK(strstr(r, "fork:p99.99;") != NULL);
	CHECK(strstr(r, "thread:p4d2.4d2;") != NULL);
	/* without multiprocess: plain tid */
	xact(e, "qSupported:fork-events+");
	r = xact(e, "?");
	CHECK(strstr(r, "fork:99;") != NULL);
	/* breakpoints follow Hg, as gdb removes them from the child */
	CHECK_STR(xact(e, "Hg4d3"), "OK");
	CHECK_INT(rsp_session_general_tid(e->s), MOCK_TID2);
	CHECK_STR(xact(e, "Hg0"), "OK");
	CHECK_INT(rsp_session_general_tid(e->s), MOCK_PID);
	/* a reply with no child says nothing of a fork */
	e->m.stop.child_tid = 0;
	r = xact(e, "?");
	CHECK(!strstr(r, "fork"));
	env_free(e);
}

static void test_syscall_stops(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	ops.catch_syscalls = rec_catch;
	e = env_new(1, &ops);
	r = xact(e, "qSupported:multiprocess+");
	CHECK(strstr(r, ";QCatchSyscalls+") != NULL);
	e->m.stop.kind = RSP_STOP_SIGNAL;
	e->m.stop.sig = 5;
	e->m.stop.tid = MOCK_TID2;
	e->m.stop.pid = MOCK_PID;
	e->m.stop.reason = RSP_REASON_SYSCALL_ENTRY;
	e->m.stop.sysno = 0x27;
	r = xact(e, "?");
	CHECK(strstr(r, "syscall_entry:27;") != NULL);
	CHECK(strstr(r, "thread:p4d2.4d3;") != NULL);
	e->m.stop.reason = RSP_REASON_SYSCALL_RETURN;
	e->m.stop.sysno = 1;
	r = xact(e, "?");
	CHECK(strstr(r, "syscall_return:1;") != NULL);
	/* through a resume, as the module reports it */
	e->m.resume_sync_stop = 1;
	r = xact(e, "vCont;c");
	CHECK(!strncmp(r, "T05", 3) && strstr(r, "syscall_return:1;"));
	env_free(e);
}

static void test_catch_packet(void)
{
	struct rsp_target_ops ops = mock_ops;
	static const char *const bad[] = {
		"QCatchSyscalls:", "QCatchSyscalls:2", "QCatchSyscalls:01",
		"QCatchSyscalls:0;1", "QCatchSyscalls:1;",
		"QCatchSyscalls:1;;2",
		"QCatchSyscalls:1;x", "QCatchSyscalls:1,2",
		"QCatchSyscalls:1;100000000", "QCatchSyscalls:1;2 ",
		"QCatchSyscalls:11", "QCatchSyscalls:1;-1",
	};
	struct env *e;
	u32 i;

	/* without the op: not announced, empty reply */
	e = env_new(1, NULL);
	CHECK_STR(xact(e, "QCatchSyscalls:1"), "");
	env_free(e);

	ops.catch_syscalls = rec_catch;
	e = env_new(1, &ops);
	n_catch = 0;
	CHECK_STR(xact(e, "QCatchSyscalls:1"), "OK");
	CHECK(n_catch == 1 && catch_enable == 1 && catch_n == 0);
	CHECK_STR(xact(e, "QCatchSyscalls:1;1;27;e7"), "OK");
	CHECK(catch_enable == 1 && catch_n == 3 && catch_nrs[0] == 1 &&
	      catch_nrs[1] == 0x27 && catch_nrs[2] == 0xe7);
	/* a trailing ';' is tolerated, as by gdbserver */
	CHECK_STR(xact(e, "QCatchSyscalls:1;2;"), "OK");
	CHECK(catch_n == 1 && catch_nrs[0] == 2);
	CHECK_STR(xact(e, "QCatchSyscalls:0"), "OK");
	CHECK(n_catch == 4 && catch_enable == 0 && catch_n == 0);
	/* QCatchSyscalls without ':' is some other packet */
	CHECK_STR(xact(e, "QCatchSyscalls"), "");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		t_check_str(xact(e, bad[i]), "E01", bad[i], __FILE__, __LINE__);
	CHECK_INT(n_catch, 4);
	/* the target's refusal */
	catch_ret = -22;
	CHECK_STR(xact(e, "QCatchSyscalls:1;3"), "E16");
	catch_ret = 0;
	/* no process: E01 as gdbserver, target not called */
	e->m.present = 0;
	CHECK_STR(xact(e, "QCatchSyscalls:1"), "E01");
	CHECK_INT(n_catch, 5);
	env_free(e);
}

void test_events(void)
{
	test_negotiation();
	test_exec_stop();
	test_fork_stop();
	test_syscall_stops();
	test_catch_packet();
}
