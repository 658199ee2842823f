// SPDX-License-Identifier: GPL-2.0
/*
 * ugdbserver: gdbserver's command line in front of /dev/ugdb.
 *
 * The kernel module speaks the remote protocol; this program only sets a
 * session up (launch or attach), relays bytes between gdb and the
 * session, reaps the program it launched, and decides, as gdbserver
 * would, whether to wait for another gdb.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "comm.h"
#include "device.h"
#include "launch.h"
#include "messages.h"
#include "relay.h"
#include "osdata.h"
#include "run.h"
#include "sig.h"

struct options {
	bool once, multi, attach;
	bool keep_aslr;		/* --no-disable-randomization */
	const char *comm;
	char **prog;		/* PROG ARGS..., NULL-terminated */
	pid_t pid;
};

static void usage(FILE *f)
{
	fputs("Usage:\tugdbserver [OPTIONS] COMM PROG [ARGS ...]\n"
	      "\tugdbserver [OPTIONS] --attach COMM PID\n"
	      "\tugdbserver [OPTIONS] --multi COMM\n"
	      "\n"
	      "COMM may either be a tty device (for serial debugging),\n"
	      "HOST:PORT to listen for a TCP connection, or '-' or 'stdio' "
	      "to use \nstdin/stdout of ugdbserver.\n"
	      "An empty HOST (\":PORT\") listens on 127.0.0.1 only, unlike "
	      "gdbserver;\nuse 0.0.0.0:PORT to accept gdb from other "
	      "hosts.\n"
	      "PROG is the executable program.  ARGS are arguments passed "
	      "to inferior.\n"
	      "PID is the process ID to attach to, when --attach is "
	      "specified.\n"
	      "\n"
	      "Operating modes:\n"
	      "\n"
	      "  --attach              Attach to running process PID.\n"
	      "  --multi               Start server without a specific "
	      "program, and\n"
	      "                        only quit when explicitly commanded.\n"
	      "  --once                Exit after the first connection has "
	      "closed.\n"
	      "  --help                Print this message and then exit.\n"
	      "\n"
	      "Other options:\n"
	      "\n"
	      "  --disable-randomization\n"
	      "                        Run PROG with address space "
	      "randomization disabled\n"
	      "                        (the default, as with gdbserver).\n"
	      "  --no-disable-randomization\n"
	      "                        Don't disable address space "
	      "randomization when\n"
	      "                        starting PROG.\n"
	      "  --version             Display version information and "
	      "exit.\n"
	      "\n"
	      "Debug options:\n"
	      "\n"
	      "  --debug               Trace the relayed bytes on stderr.\n"
	      "  --remote-debug        Same as --debug.\n"
	      "\n"
	      "The remote protocol is served by the ugdb kernel module "
	      "through /dev/ugdb\n"
	      "(environment variable UGDB_DEVICE overrides the path).\n"
	      "gdbserver options that do not apply (--wrapper excepted) are "
	      "accepted and\nignored.\n", f);
}

/* gdbserver options that make no difference here; IDEs pass some. */
static bool ignored_option(const char *arg)
{
	static const char *const plain[] = {
		"--startup-with-shell", "--no-startup-with-shell",
		"--event-loop-debug", "--selftest",
	};
	static const char *const prefixed[] = {
		"--debug-format=", "--disable-packet=", "--debug-file=",
	};
	unsigned int i;

	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
		if (!strcmp(arg, plain[i]))
			return true;
	for (i = 0; i < sizeof(prefixed) / sizeof(prefixed[0]); i++)
		if (!strncmp(arg, prefixed[i], strlen(prefixed[i])))
			return true;
	return false;
}

static void parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc && !strncmp(argv[i], "--", 2); i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			fputs(VERSION_TEXT, stdout);
			exit(0);
		} else if (!strcmp(a, "--once")) {
			o->once = true;
		} else if (!strcmp(a, "--multi")) {
			o->multi = true;
		} else if (!strcmp(a, "--attach")) {
			o->attach = true;
		} else if (!strcmp(a, "--disable-randomization")) {
			o->keep_aslr = false;
		} else if (!strcmp(a, "--no-disable-randomization")) {
			o->keep_aslr = true;
		} else if (!strcmp(a, "--debug") ||
			   !strcmp(a, "--remote-debug")) {
			relay_debug = true;
		} else if (!ignored_option(a)) {
			fprintf(stderr, MSG_UNKNOWN_ARG, a);
			exit(1);
		}
	}
	if (i < argc)
		o->comm = argv[i++];
	if (o->attach) {
		if (i + 1 != argc)
			goto bad;
		/* Before touching the device: a typo needs no module. */
		if (!parse_pid(argv[i], &o->pid)) {
			fprintf(stderr, MSG_BAD_PID, argv[i]);
			exit(1);
		}
	} else if (i < argc) {
		o->prog = argv + i;
	} else if (!o->multi) {
		goto bad;
	}
	if (o->comm)
		return;
bad:
	usage(stderr);
	exit(1);
}

static struct ugdb_dev dev = { .fd = -1 };
static struct comm comm;
static struct conn conn = { -1, -1 };

/* After any signal: report the launched program if it just ended. */
static void reap_tick(void)
{
	launch_reap(0, false);
}

/*
 * End the session: close the device first, which makes the module kill
 * the program it launched (unless gdb detached it) and detach the rest,
 * and only then collect the program.  The module tells gdb "W" from
 * the exit tracepoint, a moment before the program is a zombie, so gdb
 * may leave before we could see the exit: judging "still alive, so we
 * kill it" before closing would misreport a normal exit.  @report:
 * say how the program ended ("Killing process(es)" if the close killed
 * it); quiet on a failure or a quit signal.
 */
static void end_session(bool report)
{
	/* Already gone: that end was the program's own. */
	if (launch_child())
		launch_reap(0, !report);
	dev_close(&dev);
	launch_collect(report);
}

/* The session has a request for us (POLLPRI): info os, or a vRun. */
static void serve_requests(void)
{
	osdata_for_gdb(&dev);
	run_for_gdb(&dev, comm.kind == COMM_STDIO);
}

static void __attribute__((noreturn)) fail(void)
{
	fprintf(stderr, MSG_EXITING);
	end_session(false);
	exit(1);
}

static int open_session(const struct options *o)
{
	if (dev_open(&dev) < 0)
		return -1;
	if (dev_set_mode(&dev, o->multi) < 0) {
		fprintf(stderr, MSG_SET_MODE_FAILED, strerror(errno));
		return -1;
	}
	return 0;
}

/* Get the process (if any) into the first session before gdb comes. */
static void setup_process(const struct options *o)
{
	pid_t pid = 0;

	if (o->attach)
		pid = attach_process(&dev, o->pid);
	else if (o->prog)
		pid = launch_program(&dev, o->prog, !o->keep_aslr,
				     comm.kind == COMM_STDIO);
	if (sig_quit) {
		end_session(false);
		sig_reraise();
	}
	if (pid < 0)
		fail();
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	enum relay_end end;
	int ret;

	parse_args(argc, argv, &o);
	if (comm_parse(&comm, o.comm) < 0) {
		fprintf(stderr, MSG_BAD_COMM, o.comm);
		return 1;
	}
	if (sig_setup() < 0) {
		fprintf(stderr, MSG_FATAL, "signals", strerror(errno));
		return 1;
	}
	if (open_session(&o) < 0)
		return 1;
	if (comm_prepare(&comm) < 0)
		fail();
	setup_process(&o);

	for (;;) {
		ret = comm_open(&comm, &conn, reap_tick);
		if (ret == -2)
			break;
		if (ret < 0) {
			end_session(true);
			fprintf(stderr, MSG_EXITING);
			return 1;
		}
		if (!o.multi || o.once)
			comm_stop_listening(&comm);
		end = relay_run(&conn, dev.fd, reap_tick, serve_requests);
		ret = errno;
		comm_close(&comm, &conn);

		if (end == RELAY_QUIT)
			break;
		if (end == RELAY_DEV_ERROR) {
			fprintf(stderr, MSG_FATAL, dev_path(), strerror(ret));
			end_session(true);
			return 1;
		}
		if (end == RELAY_DEV_EOF) {
			/*
			 * The session ended by itself: the program is gone
			 * (or about to be) or gdb detached it, or, with
			 * --multi, "monitor exit".
			 */
			end_session(true);
			return 0;
		}
		/* gdb went away. */
		end_session(true);
		if (!o.multi || o.once || !comm_can_reopen(&comm))
			return 0;
		fprintf(stderr, MSG_REOPEN);
		if (open_session(&o) < 0)
			return 1;
	}
	end_session(false);
	sig_reraise();
}
