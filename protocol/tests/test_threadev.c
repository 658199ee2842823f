// SPDX-License-Identifier: GPL-2.0
/*
 * test_threadev.c - QThreadEvents: announcing it, the packet (malformed
 * modes answered as gdbserver does), the "create:" stop of a new thread,
 * the "w" reply of a thread's exit, and "N" when every resumed thread
 * has gone.
 */
#include "test.h"

#define EXPEDITED2 "06:4041424344454647;07:48494a4b4c4d4e4f;" \
		   "10:9091929394959697;"

static int n_tev, tev_enable, tev_ret;

static int rec_thread_events(void *t, int enable)
{
	(void)t;
	n_tev++;
	tev_enable = enable;
	return tev_ret;
}

/* Resume everything, then report @st as the module's pump would. */
static const char *resume_and_stop(struct env *e, const struct rsp_stop *st)
{
	env_send_str(e, "vCont;c");
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	CHECK(e->s->running);
	rsp_session_stop(e->s, st);
	env_drain(e);
	CHECK(!e->s->running);
	return last_reply(e) ? last_reply(e) : "(none)";
}

static void test_announce(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct env *e;
	const char *r;

	/* without the op: not announced, the packet unknown */
	e = env_new(1, NULL);
	r = xact(e, "qSupported:multiprocess+;QThreadEvents+");
	CHECK(!strstr(r, "QThreadEvents"));
	CHECK_STR(xact(e, "QThreadEvents:1"), "");
	env_free(e);

	/* with it: announced whatever gdb offers, as gdbserver does */
	ops.thread_events = rec_thread_events;
	e = env_new(1, &ops);
	r = xact(e, "qSupported:multiprocess+;QThreadEvents+");
	CHECK(strstr(r, ";QThreadEvents+") != NULL);
	r = xact(e, "qSupported");
	CHECK(strstr(r, ";QThreadEvents+") != NULL);
	env_free(e);
}

static void test_packet(void)
{
	struct rsp_target_ops ops = mock_ops;
	static const char *const bad[] = {
		"QThreadEvents:", "QThreadEvents:2", "QThreadEvents:01",
		"QThreadEvents:10", "QThreadEvents:1;", "QThreadEvents: 1",
		"QThreadEvents:x",
	};
	char want[128];
	struct env *e;
	u32 i;

	ops.thread_events = rec_thread_events;
	e = env_new(1, &ops);
	n_tev = 0;
	CHECK_STR(xact(e, "QThreadEvents:1"), "OK");
	CHECK(n_tev == 1 && tev_enable == 1 && e->s->thread_events);
	CHECK_STR(xact(e, "QThreadEvents:0"), "OK");
	CHECK(n_tev == 2 && tev_enable == 0 && !e->s->thread_events);
	/* without ':' it is some other packet */
	CHECK_STR(xact(e, "QThreadEvents"), "");
	CHECK_STR(xact(e, "QThreadEventsX:1"), "");
	/* gdbserver's error, the mode echoed, then a newline */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(want, sizeof(want),
			 "E.Unknown thread-events mode requested: %s\n",
			 bad[i] + strlen("QThreadEvents:"));
		t_check_str(xact(e, bad[i]), want, bad[i], __FILE__,
			    __LINE__);
	}
	CHECK_INT(n_tev, 2);
	/* bytes that cannot go into a reply as they are: '?' */
	CHECK_STR(xact(e, "QThreadEvents:a*b}c\x01\xff"),
		  "E.Unknown thread-events mode requested: a?b?c??\n");
	/* a long mode fits the reply */
	{
		static char pkt[RSP_PACKET_MAX];
		const char *r;

		strcpy(pkt, "QThreadEvents:");
		memset(pkt + 14, 'z', RSP_PACKET_MAX - 40);
		pkt[14 + RSP_PACKET_MAX - 40] = 0;
		r = xact(e, pkt);
		CHECK(!strncmp(r, "E.Unknown thread-events mode requested: "
			       "zzz", 43));
		CHECK_INT(strlen(r), 40 + RSP_PACKET_MAX - 40 + 1);
	}
	/* the target's refusal: an error, the state unchanged */
	tev_ret = -22;
	CHECK_STR(xact(e, "QThreadEvents:1"), "E16");
	CHECK(!e->s->thread_events);
	tev_ret = 0;
	/* no process needed, as with gdbserver */
	e->m.present = 0;
	CHECK_STR(xact(e, "QThreadEvents:1"), "OK");
	CHECK_INT(n_tev, 4);
	env_free(e);
}

static void test_create_stop(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct rsp_stop st = {
		.kind = RSP_STOP_SIGNAL, .reason = RSP_REASON_THREAD_CREATED,
		.pid = MOCK_PID, .tid = MOCK_TID2, .sig = 5,
	};
	struct env *e;

	ops.thread_events = rec_thread_events;
	e = env_new(1, &ops);
	xact(e, "qSupported:multiprocess+");
	CHECK_STR(xact(e, "QThreadEvents:1"), "OK");
	CHECK_STR(resume_and_stop(e, &st),
		  "T05thread:p4d2.4d3;" EXPEDITED2 "create:;");
	/* g without Hg: the new thread */
	CHECK_INT(e->s->last_tid, MOCK_TID2);
	/* without multiprocess: plain tid */
	xact(e, "qSupported");
	CHECK_STR(resume_and_stop(e, &st),
		  "T05thread:4d3;" EXPEDITED2 "create:;");
	/* events off: never "create:" */
	CHECK_STR(xact(e, "QThreadEvents:0"), "OK");
	CHECK_STR(resume_and_stop(e, &st), "T05thread:4d3;" EXPEDITED2);
	env_free(e);
}

static void test_exit_reply(void)
{
	struct rsp_target_ops ops = mock_ops;
	struct rsp_stop st = {
		.kind = RSP_STOP_THREAD_EXITED, .pid = MOCK_PID,
		.tid = MOCK_TID2, .status = 0,
	};
	struct env *e;

	ops.thread_events = rec_thread_events;
	e = env_new(1, &ops);
	xact(e, "qSupported:multiprocess+;no-resumed+");
	CHECK_STR(xact(e, "QThreadEvents:1"), "OK");
	/* the last T named the thread that then exits */
	xact(e, "?");
	e->s->last_tid = MOCK_TID2;
	CHECK_STR(resume_and_stop(e, &st), "w0;p4d2.4d3");
	/* g/m no longer go to it; Hg/Hc choices stay gdb's */
	CHECK(e->s->last_tid != MOCK_TID2);
	CHECK_INT(e->s->running, 0);
	/* the process is still there: its thread list is kept */
	CHECK_STR(xact(e, "Hg4d2"), "OK");
	CHECK_INT(e->s->g_tid, MOCK_PID);
	/* hex status, no leading zeros; plain tid without multiprocess */
	xact(e, "qSupported:no-resumed+");
	st.status = 0x2a;
	CHECK_STR(resume_and_stop(e, &st), "w2a;4d3");
	env_free(e);
}

static void test_no_resumed(void)
{
	struct rsp_stop st = { .kind = RSP_STOP_NO_RESUMED, .pid = MOCK_PID };
	struct env *e = env_new(1, NULL);

	xact(e, "qSupported:multiprocess+;no-resumed+");
	CHECK_STR(resume_and_stop(e, &st), "N");
	/* a gdb without no-resumed+ gets gdbserver's error */
	xact(e, "qSupported:multiprocess+");
	CHECK_STR(resume_and_stop(e, &st),
		  "E.No unwaited-for children left.");
	/* the session goes on */
	CHECK(strlen(xact(e, "g")) > 100);
	env_free(e);
}

void test_threadev(void)
{
	test_announce();
	test_packet();
	test_create_stop();
	test_exit_reply();
	test_no_resumed();
}
