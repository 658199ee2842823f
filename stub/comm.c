// SPDX-License-Identifier: GPL-2.0
/*
 * COMM parsing, listening and accepting; console messages copy
 * gdbserver's (remote-utils.cc) because tools wait for them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "comm.h"
#include "messages.h"
#include "sig.h"

/* Where ":PORT" listens: loopback only (gdbserver: every address). */
#define DEFAULT_HOST	"127.0.0.1"

/*
 * A virtio-serial port whose host side has no client polls POLLHUP (and
 * POLLIN: read() returns 0 at once), so poll() cannot wait for the
 * client to come: look again this often.
 */
#define HUP_RECHECK_MS	100

int comm_parse(struct comm *c, const char *spec)
{
	const char *colon;
	size_t hlen;

	memset(c, 0, sizeof(*c));
	c->spec = spec;
	c->listen_fd = -1;
	c->serial_fd = -1;
	if (!strcmp(spec, "-") || !strcmp(spec, "stdio")) {
		c->kind = COMM_STDIO;
		return 0;
	}
	colon = strrchr(spec, ':');
	if (!colon || spec[0] == '/') {
		c->kind = COMM_SERIAL;
		return 0;
	}
	c->kind = COMM_TCP;
	hlen = colon - spec;
	/* "[::1]:1234" names an IPv6 host. */
	if (hlen >= 2 && spec[0] == '[' && spec[hlen - 1] == ']') {
		spec++;
		hlen -= 2;
	}
	if (!colon[1])
		return -1;
	c->port = strdup(colon + 1);
	c->host = hlen ? strndup(spec, hlen) : NULL;
	return c->port ? 0 : -1;
}

/*
 * Testing: UGDB_COMM_FD=N makes a serial COMM the inherited descriptor
 * N, e.g. a pty master, which polls POLLHUP while no slave is open, as a
 * virtio-serial port does while its host side has no client.
 */
static int inherited_comm_fd(void)
{
	const char *s = getenv("UGDB_COMM_FD");
	char *end;
	long n;

	if (!s || !*s)
		return -2;
	n = strtol(s, &end, 10);
	if (*end || n < 0 || n > 65535 || fcntl(n, F_GETFD) < 0) {
		errno = EBADF;
		return -1;
	}
	fcntl(n, F_SETFD, FD_CLOEXEC);
	fcntl(n, F_SETFL, fcntl(n, F_GETFL) | O_NONBLOCK);
	return n;
}

/*
 * Open the device once, for every session: a virtio-serial port can be
 * open only once at a time.  A tty gets raw mode.
 */
static int open_serial(struct comm *c)
{
	struct termios t;
	int fd;

	fd = inherited_comm_fd();
	if (fd == -2)
		fd = open(c->spec, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, MSG_CANT_OPEN_REMOTE, strerror(errno));
		return -1;
	}
	if (isatty(fd) && tcgetattr(fd, &t) == 0) {
		cfmakeraw(&t);
		tcsetattr(fd, TCSANOW, &t);
	}
	c->serial_fd = fd;
	return 0;
}

static int listen_on(const struct addrinfo *ai)
{
	int fd, one = 1;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
	if (fd < 0)
		return -1;
	/* Restarting right after a session must not hit TIME_WAIT. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	/* Backlog 1, like gdbserver: one debugger at a time. */
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 1) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

static int local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

int comm_prepare(struct comm *c)
{
	struct addrinfo hints = {
		.ai_socktype = SOCK_STREAM,
		.ai_protocol = IPPROTO_TCP,
		.ai_flags = AI_PASSIVE,
	}, *res, *ai;
	int err, bind_errno = 0;

	if (c->kind == COMM_SERIAL)
		return open_serial(c);
	if (c->kind != COMM_TCP)
		return 0;
	/*
	 * gdbserver listens on every IPv4 address when HOST is empty; a
	 * kernel-level stub must not be reachable from the network unless
	 * asked to ("0.0.0.0:PORT"), so ":PORT" means loopback here.
	 */
	hints.ai_family = c->host ? AF_UNSPEC : AF_INET;
	err = getaddrinfo(c->host ? c->host : DEFAULT_HOST, c->port, &hints,
			  &res);
	if (err) {
		fprintf(stderr, MSG_CANT_RESOLVE, c->spec, gai_strerror(err));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		c->listen_fd = listen_on(ai);
		if (c->listen_fd >= 0)
			break;
		if (!bind_errno)
			bind_errno = errno;
	}
	freeaddrinfo(res);
	if (c->listen_fd < 0) {
		fprintf(stderr, MSG_CANT_BIND, strerror(bind_errno));
		return -1;
	}
	c->bound_port = local_port(c->listen_fd);
	return 0;
}

/* Wait for @fd to poll @events; 0, or -2 on a quit signal. */
static int wait_for(int fd, short events, int timeout_ms,
		    void (*tick)(void), short *revents)
{
	struct pollfd p[2] = {
		{ .fd = fd, .events = events },
		{ .fd = sig_fd(), .events = POLLIN },
	};
	int n;

	*revents = 0;
	for (;;) {
		if (sig_quit)
			return -2;
		n = poll(p, 2, timeout_ms);
		if (n < 0 && errno != EINTR)
			return -1;
		if (p[1].revents) {
			sig_drain();
			if (sig_quit)
				return -2;
			if (tick)
				tick();
		}
		if (n == 0 || p[0].revents) {
			*revents = p[0].revents;
			return 0;
		}
	}
}

static void print_peer(const struct sockaddr_storage *ss)
{
	char host[INET6_ADDRSTRLEN] = "?";
	int port = 0;

	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)ss;

		inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		port = ntohs(in->sin_port);
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)ss;

		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		port = ntohs(in6->sin6_port);
	}
	fprintf(stderr, MSG_REMOTE_FROM, host, port);
}

static int accept_gdb(struct comm *c, struct conn *conn, void (*tick)(void))
{
	struct sockaddr_storage ss;
	socklen_t len;
	short rev;
	int fd, one = 1, ret;

	fprintf(stderr, MSG_LISTENING, c->bound_port);
	for (;;) {
		ret = wait_for(c->listen_fd, POLLIN, -1, tick, &rev);
		if (ret)
			return ret;
		len = sizeof(ss);
		fd = accept4(c->listen_fd, (struct sockaddr *)&ss, &len,
			     SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd >= 0)
			break;
		if (errno != EINTR && errno != EAGAIN &&
		    errno != ECONNABORTED) {
			fprintf(stderr, MSG_FATAL, "accept", strerror(errno));
			return -1;
		}
	}
	/* RSP is tiny request/reply packets: Nagle only adds latency. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
	print_peer(&ss);
	conn->rfd = conn->wfd = fd;
	return 0;
}

/*
 * "Accept" on a serial device: a virtio-serial port polls POLLHUP while
 * its host side has no client (gdb not connected yet, or gone), and
 * read() then returns 0 at once, so poll() would spin: look every
 * HUP_RECHECK_MS instead.  Nothing is written meanwhile: the port would
 * keep it for the next client, as stale bytes.  A tty without carrier
 * loss never polls POLLHUP; one that was hung up for good keeps us
 * waiting here until a signal.
 */
static int wait_serial(struct comm *c, struct conn *conn, void (*tick)(void))
{
	short rev;
	int ret;

	for (;;) {
		ret = wait_for(c->serial_fd, POLLIN, 0, tick, &rev);
		if (ret)
			return ret;
		if (rev & POLLNVAL) {
			fprintf(stderr, MSG_FATAL, c->spec, strerror(EBADF));
			return -1;
		}
		if (!(rev & POLLHUP))
			break;
		/* poll() ignores fd -1: an interruptible sleep. */
		ret = wait_for(-1, 0, HUP_RECHECK_MS, tick, &rev);
		if (ret)
			return ret;
	}
	fprintf(stderr, MSG_USING, c->spec);
	conn->rfd = conn->wfd = c->serial_fd;
	return 0;
}

int comm_open(struct comm *c, struct conn *conn, void (*tick)(void))
{
	switch (c->kind) {
	case COMM_TCP:
		return accept_gdb(c, conn, tick);
	case COMM_SERIAL:
		return wait_serial(c, conn, tick);
	case COMM_STDIO:
		fprintf(stderr, MSG_USING, "stdio");
		conn->rfd = 0;
		conn->wfd = 1;
		return 0;
	}
	return -1;
}

void comm_stop_listening(struct comm *c)
{
	if (c->kind == COMM_TCP && c->listen_fd >= 0) {
		close(c->listen_fd);
		c->listen_fd = -1;
	}
}

void comm_close(struct comm *c, struct conn *conn)
{
	/* The serial device stays open for the next gdb. */
	if (conn->rfd >= 0 && conn->rfd != c->serial_fd)
		close(conn->rfd);
	if (conn->wfd >= 0 && conn->wfd != conn->rfd)
		close(conn->wfd);
	conn->rfd = conn->wfd = -1;
}

int comm_can_reopen(const struct comm *c)
{
	return c->kind != COMM_STDIO;
}
