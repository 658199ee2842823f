// SPDX-License-Identifier: GPL-2.0
/*
 * osdata-ioctl - the relay's side of gdb's "info os" done wrong, against
 * the module: every misuse of UGDB_IOC_OSDATA_GET / _PUT gets its errno,
 * gdb's side always gets an answer, the session goes on, and closing it
 * with a request pending or taken is clean (run-vm checks dmesg).  Plays
 * gdb and the relay on one /dev/ugdb session, no process debugged.
 * Prints one line per failed check and "osdata-ioctl: N passed, N
 * failed"; exits 1 if anything failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../../kmod/uapi/ugdb.h"

static int passed, failed;

#define CHECK(c) check(!!(c), #c, __LINE__)

static void check(int ok, const char *what, int line)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL osdata-ioctl.c:%d: %s (errno %d)\n", line, what, errno);
}

static int open_session(__u32 mode)
{
	int fd = open("/dev/ugdb", O_RDWR | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		perror("osdata-ioctl: /dev/ugdb");
		exit(1);
	}
	if (ioctl(fd, UGDB_IOC_SET_MODE, &mode)) {
		perror("osdata-ioctl: UGDB_IOC_SET_MODE");
		exit(1);
	}
	if (write(fd, "+", 1) != 1)
		exit(1);
	return fd;
}

static void send_packet(int fd, const char *data)
{
	char out[256];
	unsigned int sum = 0;
	size_t i, len = strlen(data);

	for (i = 0; i < len; i++)
		sum += (unsigned char)data[i];
	snprintf(out, sizeof(out), "$%s#%02x", data, sum & 0xff);
	if (write(fd, out, strlen(out)) != (ssize_t)strlen(out)) {
		perror("osdata-ioctl: write");
		exit(1);
	}
}

/* The next packet's payload ("<none>" if none comes within 2 s). */
static const char *reply(int fd)
{
	static char buf[65536];
	static size_t len;
	static char payload[65536];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char *start, *hash;
	ssize_t n;

	for (;;) {
		buf[len] = 0;
		start = strchr(buf, '$');
		hash = start ? strchr(start, '#') : NULL;
		if (hash && hash + 3 <= buf + len) {
			memcpy(payload, start + 1, hash - start - 1);
			payload[hash - start - 1] = 0;
			len -= hash + 3 - buf;
			memmove(buf, hash + 3, len);
			return payload;
		}
		if (poll(&p, 1, 2000) <= 0)
			return "<none>";
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			return "<eof>";
		len += n;
	}
}

static short revents(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLPRI };

	return poll(&p, 1, 0) > 0 ? p.revents : 0;
}

static int get(int fd, char *annex, __u32 size, struct ugdb_osdata_request *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->annex = (uintptr_t)annex;
	rq->annex_size = size;
	return ioctl(fd, UGDB_IOC_OSDATA_GET, rq);
}

static int put(int fd, const void *buf, __u32 len, __s32 error)
{
	struct ugdb_osdata_reply rep = {
		.buf = (uintptr_t)buf, .len = len, .error = error,
	};

	return ioctl(fd, UGDB_IOC_OSDATA_PUT, &rep);
}

int main(void)
{
	struct ugdb_osdata_request rq;
	char annex[64];
	const char *r;
	int fd;

	fd = open_session(UGDB_MODE_OSDATA);
	/* nothing asked yet */
	CHECK(get(fd, annex, sizeof(annex), &rq) < 0 && errno == ENOENT);
	CHECK(put(fd, "x", 1, 0) < 0 && errno == EINVAL);
	send_packet(fd, "qSupported");
	r = reply(fd);
	CHECK(strstr(r, ";qXfer:osdata:read+"));

	/* a request: POLLPRI, no reply yet; meanwhile E10 */
	send_packet(fd, "qXfer:osdata:read:processes:0,fff");
	CHECK(strcmp(reply(fd), "<none>") == 0 ||
	      (printf("  got an answer before the relay's\n"), 0));
	CHECK(revents(fd) & POLLPRI);
	send_packet(fd, "?");
	CHECK(!strcmp(reply(fd), "E10"));
	/* too small a buffer: the size needed, still pending */
	CHECK(get(fd, annex, 3, &rq) < 0 && errno == ENOSPC &&
	      rq.annex_size == 10);
	CHECK(get(fd, (char *)8, 64, &rq) < 0 && errno == EFAULT);
	CHECK(ioctl(fd, UGDB_IOC_OSDATA_GET, (void *)8) < 0 &&
	      errno == EFAULT);
	CHECK(revents(fd) & POLLPRI);
	/* taken: no longer pending */
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0 &&
	      !strcmp(annex, "processes") && rq.offset == 0 &&
	      rq.len == 0x1000 && rq.annex_size == 10);
	CHECK(!(revents(fd) & POLLPRI));
	CHECK(get(fd, annex, sizeof(annex), &rq) < 0 && errno == ENOENT);
	/* bad answers are refused, the request stays taken */
	CHECK(put(fd, "x", 0x1001, 0) < 0 && errno == EINVAL);
	CHECK(put(fd, "x", 1, 5) < 0 && errno == EINVAL);
	CHECK(put(fd, "x", 1, -5000) < 0 && errno == EINVAL);
	CHECK(ioctl(fd, UGDB_IOC_OSDATA_PUT, (void *)8) < 0 &&
	      errno == EFAULT);
	CHECK(!strcmp(reply(fd), "<none>"));
	/* data the module cannot read: EFAULT, gdb gets E05 */
	CHECK(put(fd, (void *)8, 10, 0) < 0 && errno == EFAULT);
	CHECK(!strcmp(reply(fd), "E05"));
	CHECK(put(fd, "x", 1, 0) < 0 && errno == EINVAL);

	/* good answers: 'l' short, 'm' full; an error; length 0 */
	send_packet(fd, "qXfer:osdata:read::10,4");
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0 && !annex[0] &&
	      rq.offset == 0x10 && rq.len == 5);
	CHECK(put(fd, "abc", 3, 0) == 0);
	CHECK(!strcmp(reply(fd), "labc"));
	send_packet(fd, "qXfer:osdata:read:x:0,4");
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0);
	CHECK(put(fd, "abcde", 5, 0) == 0);
	CHECK(!strcmp(reply(fd), "mabcd"));
	send_packet(fd, "qXfer:osdata:read:x:0,4");
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0);
	CHECK(put(fd, NULL, 0, -ENOENT) == 0);
	CHECK(!strcmp(reply(fd), "E02"));
	send_packet(fd, "qXfer:osdata:read:x:0,0");
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0 && rq.len == 1);
	CHECK(put(fd, NULL, 0, 0) == 0);
	CHECK(!strcmp(reply(fd), "l"));
	send_packet(fd, "?");
	CHECK(!strcmp(reply(fd), "W00"));

	/* closed with a request pending, then with one taken */
	send_packet(fd, "qXfer:osdata:read:threads:0,fff");
	CHECK(revents(fd) & POLLPRI);
	close(fd);
	fd = open_session(UGDB_MODE_OSDATA);
	send_packet(fd, "qXfer:osdata:read:threads:0,fff");
	CHECK(get(fd, annex, sizeof(annex), &rq) == 0);
	close(fd);

	/* without UGDB_MODE_OSDATA: the empty reply, no request */
	fd = open_session(UGDB_MODE_LAUNCHER);
	send_packet(fd, "qXfer:osdata:read::0,fff");
	CHECK(!strcmp(reply(fd), ""));
	CHECK(!(revents(fd) & POLLPRI));
	CHECK(get(fd, annex, sizeof(annex), &rq) < 0 && errno == ENOENT);
	close(fd);

	printf("osdata-ioctl: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
