// SPDX-License-Identifier: GPL-2.0
/*
 * One buffer per direction; poll() only for what can make progress, so
 * a slow reader on one side stalls just its own direction, never the
 * other (gdb may send \x03 while a big reply is still queued).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relay.h"
#include "sig.h"

#define BUF_SIZE	65536
/* How long a last flush may take once one side has gone. */
#define FLUSH_MS	2000

bool relay_debug;

struct pipe_buf {
	char data[BUF_SIZE];
	size_t head, tail;	/* bytes [head, tail) are queued */
};

static char *buf_space(struct pipe_buf *b, size_t *len)
{
	if (b->head == b->tail)
		b->head = b->tail = 0;
	*len = sizeof(b->data) - b->tail;
	return b->data + b->tail;
}

static bool buf_empty(const struct pipe_buf *b)
{
	return b->head == b->tail;
}

static void trace(const char *dir, const char *p, ssize_t n)
{
	ssize_t i;

	if (!relay_debug)
		return;
	fprintf(stderr, "ugdbserver: %s ", dir);
	for (i = 0; i < n; i++) {
		unsigned char ch = p[i];

		if (ch >= 0x20 && ch < 0x7f && ch != '\\')
			fputc(ch, stderr);
		else
			fprintf(stderr, "\\x%02x", ch);
	}
	fputc('\n', stderr);
}

/* 1: read something, 0: end of file, -1: error (errno). */
static int fill(int fd, struct pipe_buf *b, const char *dir)
{
	size_t room;
	char *p = buf_space(b, &room);
	ssize_t n;

	if (!room)
		return 1;
	n = read(fd, p, room);
	if (n > 0) {
		trace(dir, p, n);
		b->tail += n;
		return 1;
	}
	if (n == 0)
		return 0;
	return errno == EINTR || errno == EAGAIN ? 1 : -1;
}

/* 0 or -1 (errno); partial writes just leave the rest queued. */
static int drain(int fd, struct pipe_buf *b)
{
	ssize_t n;

	if (buf_empty(b))
		return 0;
	n = write(fd, b->data + b->head, b->tail - b->head);
	if (n > 0) {
		b->head += n;
		return 0;
	}
	return n < 0 && (errno == EINTR || errno == EAGAIN) ? 0 : -1;
}

/* Best effort: push what is queued for @fd before giving up on it. */
static void flush(int fd, struct pipe_buf *b)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };

	while (!buf_empty(b)) {
		if (poll(&p, 1, FLUSH_MS) <= 0 ||
		    (p.revents & (POLLERR | POLLHUP)))
			return;
		if (drain(fd, b) < 0)
			return;
	}
}

static struct pipe_buf to_dev, to_gdb;

enum relay_end relay_run(const struct conn *conn, int dev_fd,
			 void (*tick)(void), void (*urgent)(void))
{
	enum { P_GDB_IN, P_GDB_OUT, P_DEV, P_SIG, P_NR };
	struct pollfd p[P_NR];
	size_t room;
	short hup;
	int ret;

	to_dev.head = to_dev.tail = 0;
	to_gdb.head = to_gdb.tail = 0;
	for (;;) {
		if (sig_quit)
			return RELAY_QUIT;
		buf_space(&to_dev, &room);
		p[P_GDB_IN] = (struct pollfd){ .fd = conn->rfd,
			.events = room ? POLLIN : 0 };
		p[P_GDB_OUT] = (struct pollfd){ .fd = conn->wfd,
			.events = buf_empty(&to_gdb) ? 0 : POLLOUT };
		buf_space(&to_gdb, &room);
		p[P_DEV] = (struct pollfd){ .fd = dev_fd,
			.events = (room ? POLLIN : 0) | POLLPRI |
				  (buf_empty(&to_dev) ? 0 : POLLOUT) };
		p[P_SIG] = (struct pollfd){ .fd = sig_fd(), .events = POLLIN };

		if (poll(p, P_NR, -1) < 0) {
			if (errno == EINTR)
				continue;
			return RELAY_DEV_ERROR;
		}
		if (p[P_SIG].revents) {
			sig_drain();
			if (sig_quit)
				return RELAY_QUIT;
			if (tick)
				tick();
		}

		if ((p[P_DEV].revents & POLLPRI) && urgent)
			urgent();
		/* Device first: its EOF must not lose gdb's last reply. */
		if (p[P_DEV].revents & (POLLIN | POLLHUP | POLLERR)) {
			ret = fill(dev_fd, &to_gdb, "ugdb -> gdb:");
			if (ret < 0)
				return RELAY_DEV_ERROR;
			if (ret == 0) {
				flush(conn->wfd, &to_gdb);
				return RELAY_DEV_EOF;
			}
		}
		if ((p[P_DEV].revents & POLLOUT) && drain(dev_fd, &to_dev) < 0)
			return RELAY_DEV_ERROR;

		/*
		 * gdb's side hung up.  Write nothing more: a virtio-serial
		 * port takes writes while its host side has no client and
		 * hands them to the next one as stale bytes.  If it is the
		 * same descriptor, still read what gdb sent last (read()
		 * then says EOF, or EIO on a pty master).
		 */
		hup = p[P_GDB_OUT].revents;
		if (conn->rfd == conn->wfd)
			hup |= p[P_GDB_IN].revents;
		if (hup & (POLLERR | POLLHUP)) {
			if (conn->rfd != conn->wfd)
				goto gdb_gone;
			if (fill(conn->rfd, &to_dev, "gdb -> ugdb:") <= 0)
				goto gdb_gone;
			continue;
		}
		if ((p[P_GDB_OUT].revents & POLLOUT) &&
		    drain(conn->wfd, &to_gdb) < 0)
			goto gdb_gone;
		/* HUP with data pending: read it; read() then says EOF. */
		if (p[P_GDB_IN].revents & (POLLIN | POLLHUP | POLLERR)) {
			ret = fill(conn->rfd, &to_dev, "gdb -> ugdb:");
			if (ret <= 0)
				goto gdb_gone;
		}
	}

gdb_gone:
	/* gdb's last words (say "D") should still reach the session. */
	flush(dev_fd, &to_dev);
	return RELAY_CONN_CLOSED;
}
