// SPDX-License-Identifier: GPL-2.0
/*
 * Self-pipe trick: the handlers only write a byte, the main loop polls
 * the read end, so a signal can interrupt neither a half-done relay
 * write nor stdio.  Handlers are installed without SA_RESTART so a
 * blocking accept() or ioctl(UGDB_IOC_WAIT_STOP) returns EINTR and the
 * caller can look at sig_quit.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "sig.h"

volatile sig_atomic_t sig_quit;
static int pipe_fds[2] = { -1, -1 };

static void on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig != SIGCHLD && !sig_quit)
		sig_quit = sig;
	if (write(pipe_fds[1], &c, 1) < 0) {
		/* Pipe full: a wakeup is already pending. */
	}
	errno = saved;
}

int sig_setup(void)
{
	static const int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa = { .sa_handler = on_signal };
	unsigned int i;

	if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL) < 0)
			return -1;
	/* A vanished gdb must show up as EPIPE, not kill the relay. */
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

int sig_fd(void)
{
	return pipe_fds[0];
}

void sig_drain(void)
{
	char buf[64];

	while (read(pipe_fds[0], buf, sizeof(buf)) > 0)
		;
}

void sig_reset_for_child(void)
{
	signal(SIGCHLD, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
}

void sig_reraise(void)
{
	int sig = sig_quit ? sig_quit : SIGTERM;

	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}
