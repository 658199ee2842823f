// SPDX-License-Identifier: GPL-2.0
/* test_run.c - vRun and the Q packets that set up a launch. */
#include <errno.h>
#include "test.h"

static int n_set, set_what, set_ret;
static char set_val[4096];
static u32 set_len;
static int set_null;
static int n_run, run_argc, run_ret;
static u8 run_args[0x4000];
static u32 run_len;

static int rec_setting(void *t, enum rsp_launch_setting what, const u8 *val,
		       u32 len)
{
	(void)t;
	n_set++;
	set_what = what;
	set_len = len;
	set_null = !val;
	if (val) {
		memcpy(set_val, val, len + 1);
		CHECK(val[len] == 0);
	}
	return set_ret;
}

static int rec_run(void *t, const u8 *args, u32 len, int argc)
{
	(void)t;
	n_run++;
	run_argc = argc;
	run_len = len;
	memcpy(run_args, args, len);
	return run_ret;
}

static struct env *run_env(void)
{
	static struct rsp_target_ops ops;

	ops = mock_ops;
	ops.launch_setting = rec_setting;
	ops.run = rec_run;
	n_set = n_run = 0;
	set_ret = run_ret = 0;
	return env_new(1, &ops);
}

static void test_not_supported(void)
{
	struct env *e = env_new(1, NULL);
	const char *r = xact(e, "qSupported");

	CHECK(!strstr(r, "QStartupWithShell") && !strstr(r, "QEnvironment"));
	CHECK_STR(xact(e, "vRun;2f62696e2f7472756500"), "");
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:413d31"), "");
	CHECK_STR(xact(e, "QStartupWithShell:1"), "");
	CHECK_STR(xact(e, "QEnvironmentReset"), "");
	env_free(e);
}

static void test_settings(void)
{
	struct env *e = run_env();
	const char *r = xact(e, "qSupported:multiprocess+");

	CHECK(strstr(r, ";QStartupWithShell+;QEnvironmentHexEncoded+"
		     ";QEnvironmentReset+;QEnvironmentUnset+"
		     ";QSetWorkingDir+;QDisableRandomization+"));
	/* FOO=bar baz */
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:464f4f3d6261722062617a"),
		  "OK");
	CHECK_INT(set_what, RSP_LAUNCH_ENV_SET);
	CHECK_STR(set_val, "FOO=bar baz");
	CHECK_INT(set_len, 11);
	/* "=": empty name and value, accepted as by gdbserver */
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:3d"), "OK");
	CHECK_STR(set_val, "=");
	CHECK_STR(xact(e, "QEnvironmentUnset:464f4f"), "OK");
	CHECK_INT(set_what, RSP_LAUNCH_ENV_UNSET);
	CHECK_STR(set_val, "FOO");
	CHECK_STR(xact(e, "QEnvironmentUnset:"), "OK");
	CHECK_STR(set_val, "");
	CHECK_STR(xact(e, "QEnvironmentReset"), "OK");
	CHECK_INT(set_what, RSP_LAUNCH_ENV_RESET);
	CHECK_STR(xact(e, "QSetWorkingDir:2f746d70"), "OK");
	CHECK_INT(set_what, RSP_LAUNCH_CWD);
	CHECK_STR(set_val, "/tmp");
	CHECK_STR(xact(e, "QSetWorkingDir:"), "OK");
	CHECK_INT(set_len, 0);
	CHECK_STR(xact(e, "QStartupWithShell:0"), "OK");
	CHECK(set_what == RSP_LAUNCH_SHELL && set_null && set_len == 0);
	CHECK_STR(xact(e, "QStartupWithShell:1"), "OK");
	CHECK(set_what == RSP_LAUNCH_SHELL && set_len == 1);
	CHECK_STR(xact(e, "QDisableRandomization:1"), "OK");
	CHECK(set_what == RSP_LAUNCH_NO_ASLR && set_len == 1);
	CHECK_STR(xact(e, "QDisableRandomization:0"), "OK");
	CHECK(set_what == RSP_LAUNCH_NO_ASLR && set_len == 0);
	/* gdbserver reads the hex digits that are there: "x" is 0 */
	CHECK_STR(xact(e, "QDisableRandomization:x"), "OK");
	CHECK_INT(set_len, 0);
	CHECK_STR(xact(e, "QDisableRandomization:10"), "OK");
	CHECK_INT(set_len, 1);
	CHECK_INT(n_set, 13);

	/* malformed: E01 and the target is not called */
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:zz"), "E01");
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:414"), "E01");
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:41"), "E01");	/* no = */
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:"), "E01");
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:41003d31"), "E01");
	CHECK_STR(xact(e, "QEnvironmentUnset:zz"), "E01");
	CHECK_STR(xact(e, "QSetWorkingDir:2"), "E01");
	CHECK_STR(xact(e, "QSetWorkingDir:00"), "E01");
	CHECK_STR(xact(e, "QStartupWithShell:2"), "E01");
	CHECK_STR(xact(e, "QStartupWithShell:"), "E01");
	CHECK_STR(xact(e, "QStartupWithShell:1x"), "E01");
	CHECK_STR(xact(e, "QStartupWithShell:01"), "E01");
	CHECK_INT(n_set, 13);
	/* unknown spellings: empty reply */
	CHECK_STR(xact(e, "QEnvironmentReset:1"), "");
	CHECK_STR(xact(e, "QEnvironmentHexEncoded"), "");
	CHECK_STR(xact(e, "QStartupWithShell"), "");
	CHECK_INT(n_set, 13);
	/* the target refuses */
	set_ret = -E2BIG;
	CHECK_STR(xact(e, "QEnvironmentHexEncoded:413d31"), "E01");
	CHECK_STR(xact(e, "QEnvironmentReset"), "E01");
	/* still serving */
	CHECK_STR(xact(e, "QStartNoAckMode"), "OK");
	env_free(e);
}

static void test_vrun(void)
{
	struct env *e = run_env();
	struct rsp_stop st = { .kind = RSP_STOP_SIGNAL, .pid = MOCK_PID,
			       .tid = MOCK_PID, .sig = 5 };
	char pkt[0x4000];
	u32 i;

	/* nothing debugged yet, as when gdb runs a program */
	e->m.present = 0;
	/* /bin/x "a b" c"d '' */
	env_send_str(e, "vRun;2f62696e2f78;612062;632264;");
	env_drain(e);
	CHECK(!last_reply(e));
	CHECK_INT(n_run, 1);
	CHECK_INT(run_argc, 4);
	CHECK_INT(run_len, 16);
	CHECK(!memcmp(run_args, "/bin/x\0a b\0c\"d\0", 16));
	CHECK(e->s->running);
	/* the launch's stop is the reply */
	rsp_session_stop(e->s, &st);
	env_drain(e);
	CHECK(last_reply(e) && !strncmp(last_reply(e), "T05", 3));
	CHECK(!e->s->running);

	/* "vRun;": the last program, no arguments */
	env_send_str(e, "vRun;");
	env_drain(e);
	CHECK(!last_reply(e));
	CHECK_INT(run_argc, 1);
	CHECK_INT(run_len, 1);
	CHECK(!run_args[0]);
	rsp_session_run_failed(e->s);
	env_drain(e);
	CHECK_STR(last_reply(e), "E01");
	CHECK(!e->s->running);
	/* a second failure report is ignored */
	rsp_session_run_failed(e->s);
	env_drain(e);
	CHECK(!last_reply(e));

	/* refused at once */
	run_ret = -EBUSY;
	CHECK_STR(xact(e, "vRun;2f62696e2f78"), "E01");
	CHECK(!e->s->running);
	run_ret = 0;

	/* malformed: E01, not run */
	CHECK_STR(xact(e, "vRun;zz"), "E01");
	CHECK_STR(xact(e, "vRun;2f6"), "E01");
	CHECK_STR(xact(e, "vRun;2f;4"), "E01");
	CHECK_STR(xact(e, "vRun;2f;4100"), "E01");
	CHECK_STR(xact(e, "vRun;2f;;g0"), "E01");
	CHECK_INT(n_run, 3);
	/* "vRun" without ';' is not the packet */
	CHECK_STR(xact(e, "vRun"), "");
	/* RSP_RUN_MAX_ARGS fields pass, one more does not */
	strcpy(pkt, "vRun;2f");
	for (i = 1; i < RSP_RUN_MAX_ARGS; i++)
		strcat(pkt, ";");
	env_send_str(e, pkt);
	env_drain(e);
	CHECK(!last_reply(e));
	CHECK_INT(run_argc, RSP_RUN_MAX_ARGS);
	rsp_session_run_failed(e->s);
	env_drain(e);
	strcat(pkt, ";");
	CHECK_STR(xact(e, pkt), "E01");
	CHECK_INT(n_run, 4);

	/*
	 * One more process while one is debugged: only for a gdb that
	 * tells them apart (multiprocess+), as gdbserver.
	 */
	e->m.present = 1;
	CHECK_STR(xact(e, "vRun;2f62696e2f78"), "E01");
	CHECK_INT(n_run, 4);
	xact(e, "qSupported:multiprocess+");
	env_send_str(e, "vRun;2f62696e2f78");
	env_drain(e);
	CHECK(!last_reply(e));
	CHECK_INT(n_run, 5);
	CHECK(e->s->running);
	env_free(e);
}

void test_run(void)
{
	test_not_supported();
	test_settings();
	test_vrun();
}
