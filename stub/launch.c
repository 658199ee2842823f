// SPDX-License-Identifier: GPL-2.0
/*
 * The relay is the launched program's parent, so it is the one that
 * must reap it; the module only traces it.
 *
 * Startup handshake: the child sets itself up, says it is ready on a
 * close-on-exec pipe and waits; the parent makes it the session's
 * (UGDB_IOC_LAUNCH: the module checks there, in the parent, that we may
 * trace it, as ptrace checks a PTRACE_TRACEME), then tells the child to
 * exec, or why not.  The pipe then tells the parent whether exec worked,
 * which is both the only way to get exec's errno and a way never to
 * sleep in UGDB_IOC_WAIT_STOP for a child that will not stop.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "launch.h"
#include "messages.h"
#include "sig.h"

/*
 * After the session closed: how long to wait for the launched program's
 * exit status.  The module kills it (unless gdb detached it), so that
 * is quick; past COLLECT_MS only a SIGKILL still pending makes us wait,
 * and never beyond COLLECT_KILLED_MS.
 */
#define COLLECT_MS		2000
#define COLLECT_KILLED_MS	10000

enum startup_stage {
	STAGE_READY, STAGE_TRACEME, STAGE_STDIO, STAGE_EXEC, STAGE_CWD,
	STAGE_SETUP
};

struct startup_report {
	int stage;
	int err;
};

/*
 * The programs we started and have not reaped: the command line's, and
 * each one gdb ran (vRun: with multiprocess+ gdb may run several).
 */
#define MAX_CHILDREN	64

static struct child {
	pid_t pid;		/* 0: a free slot */
	/* launch_collect() gave up on it once (gdb detached it) */
	bool left;
} children[MAX_CHILDREN];

/* The program we gave our terminal's foreground to: see term_give(). */
static pid_t term_pgrp;

/* tcsetpgrp() without the SIGTTOU a background caller would get. */
static void set_foreground(pid_t pgrp)
{
	sigset_t ttou, old;

	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	if (tcsetpgrp(0, pgrp) < 0) {
		/* no terminal of ours any more: nothing to give back */
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * As gdbserver: the program runs in a process group of its own (the
 * child also sets it, whoever is first), and when the terminal we were
 * started from is ours to give (not the RSP channel, we are its
 * foreground), it becomes the program's: ^C typed there and reads from
 * it go to the program.
 */
static void term_give(pid_t pid, bool stdio)
{
	setpgid(pid, pid);
	if (stdio || !isatty(0) || (tcgetpgrp(0) != getpgrp() &&
				    tcgetpgrp(0) != term_pgrp))
		return;
	set_foreground(pid);
	term_pgrp = pid;
}

/* A child was started. */
static void child_add(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++) {
		if (!children[i].pid) {
			children[i].pid = pid;
			children[i].left = false;
			return;
		}
	}
	/* more than we keep: it is reaped as a stranger (launch_reap) */
}

/* A child was reaped: the terminal is ours again if it had it. */
static void child_gone(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i].pid == pid)
			children[i].pid = 0;
	if (pid != term_pgrp)
		return;
	term_pgrp = 0;
	set_foreground(getpgrp());
}

pid_t launch_child(void)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i].pid)
			return children[i].pid;
	return 0;
}

static void __attribute__((noreturn))
child_fail(int pipe_fd, int stage, const char *prog)
{
	struct startup_report r = { .stage = stage, .err = errno };

	if (stage == STAGE_EXEC) {
		/* gdbserver's wording, from the child as gdbserver does. */
		fprintf(stderr, MSG_CANT_EXEC, prog);
		fprintf(stderr, MSG_EXEC_ERROR, strerror(r.err));
	}
	if (write(pipe_fd, &r, sizeof(r)) < 0) {
		/* The parent then sees a plain exit status 127. */
	}
	_exit(127);
}

/* The environment gdb asked for: our own with its edits, in order. */
static int apply_env_edits(const struct launch_spec *spec)
{
	int i;

	for (i = 0; i < spec->nenv; i++) {
		char *e = spec->env_edits[i], *eq;

		if (e[0] == '-') {
			/* unsetenv refuses "" and names with '=': none set */
			unsetenv(e + 1);
			continue;
		}
		eq = strchr(e + 1, '=');
		if (e[0] != '+' || !eq || eq == e + 1)
			continue;	/* nothing a program could see */
		*eq = 0;
		if (setenv(e + 1, eq + 1, 1) < 0)
			return -1;
		*eq = '=';
	}
	return 0;
}

/*
 * Say we are ready and wait for the parent's word: 0, or the errno of
 * its UGDB_IOC_LAUNCH.
 */
static void child_wait_launch(int pipe_fd, int go_fd, const char *prog)
{
	struct startup_report r = { .stage = STAGE_READY };
	ssize_t n;
	int err;

	if (write(pipe_fd, &r, sizeof(r)) != sizeof(r))
		child_fail(pipe_fd, STAGE_TRACEME, prog);
	do
		n = read(go_fd, &err, sizeof(err));
	while (n < 0 && errno == EINTR);
	if (n != sizeof(err)) {
		errno = EPIPE;
		child_fail(pipe_fd, STAGE_TRACEME, prog);
	}
	if (err) {
		errno = err;
		child_fail(pipe_fd, STAGE_TRACEME, prog);
	}
	close(go_fd);
}

static void __attribute__((noreturn))
run_child(const struct launch_spec *spec, bool stdio, int pipe_fd, int go_fd)
{
	char **argv = spec->argv;
	int null_fd;

	sig_reset_for_child();
	setpgid(0, 0);
	if (stdio) {
		null_fd = open("/dev/null", O_RDONLY);
		if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(2, 1) < 0)
			child_fail(pipe_fd, STAGE_STDIO, argv[0]);
		if (null_fd > 2)
			close(null_fd);
	}
	if (spec->cwd && *spec->cwd && chdir(spec->cwd) < 0)
		child_fail(pipe_fd, STAGE_CWD, spec->cwd);
	if (apply_env_edits(spec) < 0)
		child_fail(pipe_fd, STAGE_SETUP, argv[0]);
	/* best effort, as gdbserver: a kernel may refuse it */
	if (spec->no_aslr)
		personality(personality(0xffffffff) | ADDR_NO_RANDOMIZE);
	child_wait_launch(pipe_fd, go_fd, argv[0]);
	if (spec->shell_cmd) {
		const char *sh = getenv("SHELL");

		if (!sh || !*sh)
			sh = "/bin/sh";
		execl(sh, sh, "-c", spec->shell_cmd, (char *)NULL);
		child_fail(pipe_fd, STAGE_EXEC, sh);
	}
	execvp(argv[0], argv);
	child_fail(pipe_fd, STAGE_EXEC, argv[0]);
}

static void report_startup_death(int status)
{
	if (WIFEXITED(status)) {
		fprintf(stderr, MSG_STARTUP_EXITED, WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *abbrev = sigabbrev_np(sig);
		char name[32];

		snprintf(name, sizeof(name), "SIG%s", abbrev ? abbrev : "?");
		fprintf(stderr, MSG_STARTUP_SIGNALLED, name, strsignal(sig));
	}
}

/* The child is dead or dying: reap it without a report of our own. */
static void reap_startup_failure(pid_t pid, bool say_how)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return;
	child_gone(pid);
	if (say_how)
		report_startup_death(status);
}

static ssize_t read_report(int fd, struct startup_report *r)
{
	ssize_t n;

	do
		n = read(fd, r, sizeof(*r));
	while (n < 0 && errno == EINTR);
	return n;
}

/* Make the ready child the session's, and tell it what came of that. */
static void launch_child_go(struct ugdb_dev *dev, pid_t pid, int go_fd)
{
	int err = dev_launch(dev, pid) < 0 ? errno : 0;

	if (write(go_fd, &err, sizeof(err)) != sizeof(err)) {
		/* it is gone: its report or exit status says why */
	}
}

/*
 * Fork the child, make it the session's once it is ready, and learn from
 * its close-on-exec pipe how far it got: *r->stage stays 0 (STAGE_READY)
 * when it exec'd.  Returns its pid or -1 (printed).
 */
static pid_t spawn(struct ugdb_dev *dev, const struct launch_spec *spec,
		   bool stdio, struct startup_report *r)
{
	int fds[2], go[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, MSG_FATAL, "pipe", strerror(errno));
		return -1;
	}
	if (pipe2(go, O_CLOEXEC) < 0) {
		fprintf(stderr, MSG_FATAL, "pipe", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, MSG_FATAL, "fork", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		close(go[0]);
		close(go[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		close(go[1]);
		run_child(spec, stdio, fds[1], go[0]);
	}
	child_add(pid);
	term_give(pid, stdio);
	close(fds[1]);
	close(go[0]);
	/* the child is set up (or failed doing it: r says how) */
	if (read_report(fds[0], r) == sizeof(*r) && r->stage == STAGE_READY)
		launch_child_go(dev, pid, go[1]);
	close(go[1]);
	/* EOF: exec succeeded (the pipe closed on exec). */
	if (r->stage == STAGE_READY &&
	    read_report(fds[0], r) != sizeof(*r))
		r->stage = STAGE_READY;
	close(fds[0]);
	return pid;
}

pid_t launch_spawn(struct ugdb_dev *dev, const struct launch_spec *spec,
		   bool stdio)
{
	struct startup_report r = { 0 };
	pid_t pid = spawn(dev, spec, stdio, &r);

	if (pid < 0)
		return -ECHILD;
	if (!r.stage)
		return pid;
	if (r.stage == STAGE_CWD)
		fprintf(stderr, MSG_CANT_CHDIR, spec->cwd, strerror(r.err));
	else if (r.stage != STAGE_EXEC)
		fprintf(stderr, MSG_CANT_TRACE, spec->argv[0],
			strerror(r.err));
	reap_startup_failure(pid, true);
	return r.err ? -r.err : -ECHILD;
}

pid_t launch_program(struct ugdb_dev *dev, char **argv, bool no_aslr,
		       bool stdio)
{
	struct launch_spec spec = { .argv = argv, .no_aslr = no_aslr };
	struct startup_report r = { 0 };
	pid_t pid, stopped;

	pid = spawn(dev, &spec, stdio, &r);
	if (pid < 0)
		return -1;
	if (r.stage == STAGE_TRACEME || r.stage == STAGE_STDIO) {
		fprintf(stderr, MSG_CANT_TRACE, argv[0], strerror(r.err));
		reap_startup_failure(pid, false);
		return -1;
	}
	for (;;) {
		stopped = dev_wait_stop(dev, pid, r.stage == STAGE_EXEC);
		if (stopped >= 0 || errno != EINTR || sig_quit)
			break;
	}
	if (stopped < 0) {
		if (errno == ECHILD) {
			reap_startup_failure(pid, true);
		} else {
			if (!sig_quit)
				fprintf(stderr, MSG_WAIT_FAILED, pid,
					strerror(errno));
			/* Closing the session will kill it; reap later. */
		}
		return -1;
	}
	if (stdio)
		fprintf(stderr, MSG_STDIO_REDIRECTED);
	fprintf(stderr, MSG_CREATED, argv[0], (int)stopped);
	return stopped;
}

bool parse_pid(const char *arg, pid_t *pid)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n <= 0 || n > INT_MAX)
		return false;
	*pid = (pid_t)n;
	return true;
}

pid_t attach_process(struct ugdb_dev *dev, pid_t pid)
{
	pid_t stopped = -1;
	int ret;

	ret = dev_attach(dev, pid);
	if (ret == 0) {
		do
			stopped = dev_wait_stop(dev, pid, false);
		while (stopped < 0 && errno == EINTR && !sig_quit);
	}
	if (stopped < 0) {
		if (!sig_quit)
			fprintf(stderr, MSG_CANT_ATTACH, pid, strerror(errno),
				errno);
		return -1;
	}
	fprintf(stderr, MSG_ATTACHED, (int)stopped);
	return stopped;
}

static void report_end(int status)
{
	if (WIFEXITED(status)) {
		fprintf(stderr, MSG_CHILD_EXITED, WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *abbrev = sigabbrev_np(sig);
		char name[32];

		snprintf(name, sizeof(name), "SIG%s", abbrev ? abbrev : "?");
		fprintf(stderr, MSG_CHILD_SIGNALLED, sig, name);
	}
}

bool launch_reap(int timeout_ms, bool quiet)
{
	struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };
	int status, waited = 0;
	pid_t ret;

	for (;;) {
		/* every child of ours that ended, one by one */
		for (;;) {
			ret = waitpid(-1, &status, WNOHANG);
			if (ret <= 0)
				break;
			if (!WIFEXITED(status) && !WIFSIGNALED(status))
				continue;
			child_gone(ret);
			if (!quiet)
				report_end(status);
		}
		if (ret < 0 && errno == ECHILD) {
			/* none left at all (some reaped elsewhere) */
			while (launch_child())
				child_gone(launch_child());
		}
		if (!launch_child())
			return true;
		if (waited >= timeout_ms)
			return false;
		nanosleep(&tick, NULL);
		waited += 10;
	}
}

/*
 * Is a SIGKILL pending for @pid, i.e. is it on its way out?  Such a
 * process is not yet a zombie but will be soon; one gdb detached is not.
 */
static bool kill_pending(pid_t pid)
{
	unsigned long long mask, bit = 1ULL << (SIGKILL - 1);
	char path[64], line[256];
	bool pending = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f))
		if ((sscanf(line, "SigPnd: %llx", &mask) == 1 ||
		     sscanf(line, "ShdPnd: %llx", &mask) == 1) &&
		    (mask & bit))
			pending = true;
	fclose(f);
	return pending;
}

/* Wait (bounded) for child @c after the session closed; see below. */
static void collect_one(struct child *c, bool report)
{
	struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };
	int status, waited = 0;
	pid_t pid = c->pid, ret;

	for (;;) {
		ret = waitpid(pid, &status, WNOHANG);
		if (ret == pid && (WIFEXITED(status) ||
				   WIFSIGNALED(status)))
			break;
		if (ret < 0 && errno != EINTR) {
			child_gone(pid);	/* ECHILD: not ours to reap */
			return;
		}
		if (waited >= COLLECT_MS &&
		    (waited >= COLLECT_KILLED_MS || !kill_pending(pid))) {
			/* Detached by gdb and still running: leave it be. */
			if (waited >= COLLECT_KILLED_MS)
				fprintf(stderr, MSG_NOT_DEAD, (int)pid,
					COLLECT_KILLED_MS / 1000);
			c->left = true;
			return;
		}
		nanosleep(&tick, NULL);
		waited += 10;
	}
	child_gone(pid);
	if (!report)
		return;
	/* Still unreaped when we closed: the close killed it. */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		fprintf(stderr, MSG_KILLING, (int)pid);
	else
		report_end(status);
}

void launch_collect(bool report)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i].pid && !children[i].left)
			collect_one(&children[i], report);
}
