// SPDX-License-Identifier: GPL-2.0
/*
 * The device side of the relay: opening /dev/ugdb sessions and the few
 * ioctls that set one up before gdb connects.
 *
 * To test the relay without the module, the device can be replaced:
 *   UGDB_DEVICE=PATH     open PATH instead of /dev/ugdb; if PATH is a
 *                        unix-domain stream socket, connect to it, one
 *                        connection per session (so --multi works);
 *   UGDB_DEVICE_FD=N     use the inherited descriptor N for the first
 *                        session (e.g. one end of a socketpair).
 * A stand-in is not a character device, so it cannot answer our ioctls;
 * they are then emulated just well enough to exercise the command line.
 * A launch request (vRun) is faked too: the harness writes it to the
 * file UGDB_FAKE_RUN_REQUEST ("FLAGS ARGC NENV\n" and the strings of
 * struct ugdb_run_request) and sends one out-of-band byte on the socket
 * (POLLPRI); the outcome goes to the file UGDB_FAKE_RUN_RESULT.  An
 * osdata request likewise: UGDB_FAKE_OSDATA_REQUEST ("OFFSET LEN\n" and
 * the annex), the answer to UGDB_FAKE_OSDATA_RESULT ("ERROR LEN\n" and
 * the bytes).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "../kmod/uapi/ugdb.h"
#include "device.h"
#include "messages.h"

#define DEFAULT_DEVICE	"/dev/" UGDB_DEVICE_NAME

const char *dev_path(void)
{
	const char *p = getenv("UGDB_DEVICE");

	return p && *p ? p : DEFAULT_DEVICE;
}

static int open_unix(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

/* UGDB_DEVICE_FD hands over one session only: remember it was used. */
static int take_inherited_fd(void)
{
	static bool taken;
	const char *s = getenv("UGDB_DEVICE_FD");
	char *end;
	long n;

	if (!s || !*s)
		return -2;
	if (taken) {
		errno = EBUSY;
		return -1;
	}
	taken = true;
	n = strtol(s, &end, 10);
	if (*end || n < 0 || n > 65535 || fcntl(n, F_GETFD) < 0) {
		errno = EBADF;
		return -1;
	}
	fcntl(n, F_SETFD, FD_CLOEXEC);
	return n;
}

int dev_open(struct ugdb_dev *dev)
{
	const char *path = dev_path();
	struct stat st;
	int fd;

	dev->fake = false;
	fd = take_inherited_fd();
	if (fd >= 0 || fd == -1) {
		path = getenv("UGDB_DEVICE_FD");
		dev->fake = true;
	} else if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
		fd = open_unix(path);
		dev->fake = true;
	} else {
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISCHR(st.st_mode))
			dev->fake = true;
	}
	if (fd < 0) {
		fprintf(stderr, MSG_NO_DEVICE, path, strerror(errno));
		return -1;
	}
	/* The relay multiplexes with poll(); never block on the device. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	dev->fd = fd;
	return 0;
}

void dev_close(struct ugdb_dev *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	dev->fd = -1;
}

int dev_launch(struct ugdb_dev *dev, pid_t pid)
{
	__s32 arg = pid;

	if (dev->fake)
		return 0;
	return ioctl(dev->fd, UGDB_IOC_LAUNCH, &arg);
}

int dev_attach(struct ugdb_dev *dev, pid_t pid)
{
	__s32 arg = pid;

	/* kill(pid, 0) fails with the same ESRCH/EPERM the module would. */
	if (dev->fake)
		return kill(pid, 0);
	return ioctl(dev->fd, UGDB_IOC_ATTACH, &arg);
}

/*
 * The fake cannot see an exec, so it trusts the launcher, which learns
 * from its close-on-exec pipe whether exec failed.
 */
pid_t dev_wait_stop(struct ugdb_dev *dev, pid_t pid, bool exec_failed)
{
	if (dev->fake) {
		if (exec_failed) {
			errno = ECHILD;
			return -1;
		}
		return pid;
	}
	/* Sleeps despite O_NONBLOCK; EINTR is the caller's to judge. */
	return ioctl(dev->fd, UGDB_IOC_WAIT_STOP);
}

int dev_set_mode(struct ugdb_dev *dev, bool extended)
{
	__u32 mode = UGDB_MODE_LAUNCHER | UGDB_MODE_OSDATA |
		     (extended ? UGDB_MODE_EXTENDED : 0);

	if (dev->fake)
		return 0;
	return ioctl(dev->fd, UGDB_IOC_SET_MODE, &mode);
}

/* The harness's request file, taken (removed) once read. */
static int fake_run_get(struct ugdb_dev *dev, struct dev_run_request *rq)
{
	const char *path = getenv("UGDB_FAKE_RUN_REQUEST");
	unsigned int flags, argc, nenv;
	char *buf = NULL, *nl;
	size_t cap = 0;
	ssize_t len;
	char oob;
	FILE *f;

	/* the out-of-band byte raised POLLPRI: take it */
	if (recv(dev->fd, &oob, 1, MSG_OOB | MSG_DONTWAIT) < 0 &&
	    errno != EAGAIN && errno != EINVAL)
		return -1;
	f = path ? fopen(path, "re") : NULL;
	if (!f) {
		errno = ENOENT;
		return -1;
	}
	len = getdelim(&buf, &cap, EOF, f);
	fclose(f);
	unlink(path);
	nl = len > 0 ? memchr(buf, '\n', len) : NULL;
	if (!nl || sscanf(buf, "%u %u %u", &flags, &argc, &nenv) != 3) {
		free(buf);
		errno = EINVAL;
		return -1;
	}
	rq->len = len - (nl + 1 - buf);
	memmove(buf, nl + 1, rq->len);
	rq->buf = buf;
	rq->flags = flags;
	rq->argc = argc;
	rq->nenv = nenv;
	return 0;
}

int dev_run_get(struct ugdb_dev *dev, struct dev_run_request *rq)
{
	struct ugdb_run_request req = { 0 };
	size_t size = 4096;
	char *buf = NULL, *nb;

	for (;;) {
		nb = realloc(buf, size);
		if (!nb) {
			free(buf);
			errno = ENOMEM;
			return -1;
		}
		buf = nb;
		req.buf = (uintptr_t)buf;
		req.size = size;
		if (dev->fake) {
			free(buf);
			return fake_run_get(dev, rq);
		}
		if (ioctl(dev->fd, UGDB_IOC_RUN_GET, &req) == 0) {
			rq->buf = buf;
			rq->len = req.size;
			rq->flags = (req.flags & UGDB_RUN_SHELL ?
				     DEV_RUN_SHELL : 0) |
				    (req.flags & UGDB_RUN_NO_ASLR ?
				     DEV_RUN_NO_ASLR : 0);
			rq->argc = req.argc;
			rq->nenv = req.nenv;
			return 0;
		}
		if (errno != ENOSPC || req.size <= size)
			break;
		size = req.size;
	}
	free(buf);
	return -1;
}

int dev_run_done(struct ugdb_dev *dev, int result)
{
	const char *path = getenv("UGDB_FAKE_RUN_RESULT");
	__s32 arg = result;
	FILE *f;

	if (dev->fake) {
		f = path ? fopen(path, "we") : NULL;
		if (f) {
			fprintf(f, "%d\n", result);
			fclose(f);
		}
		return 0;
	}
	return ioctl(dev->fd, UGDB_IOC_RUN_DONE, &arg);
}

/*
 * The harness's osdata request file ("OFFSET LEN\nANNEX"), taken
 * (removed) once read.
 */
static int fake_osdata_get(struct dev_osdata_request *rq)
{
	const char *path = getenv("UGDB_FAKE_OSDATA_REQUEST");
	unsigned long long off;
	size_t cap = 0, len;
	char *buf = NULL, *nl;
	ssize_t n;
	FILE *f;

	f = path ? fopen(path, "re") : NULL;
	if (!f) {
		errno = ENOENT;
		return -1;
	}
	n = getdelim(&buf, &cap, EOF, f);
	fclose(f);
	unlink(path);
	nl = n > 0 ? memchr(buf, '\n', n) : NULL;
	if (!nl || sscanf(buf, "%llu %zu", &off, &len) != 2) {
		free(buf);
		errno = EINVAL;
		return -1;
	}
	memmove(buf, nl + 1, n - (nl + 1 - buf) + 1);
	rq->annex = buf;
	rq->offset = off;
	rq->len = len;
	return 0;
}

int dev_osdata_get(struct ugdb_dev *dev, struct dev_osdata_request *rq)
{
	struct ugdb_osdata_request req = { 0 };
	__u32 size = 256;
	char *annex = NULL, *na;

	if (dev->fake)
		return fake_osdata_get(rq);
	for (;;) {
		na = realloc(annex, size);
		if (!na) {
			free(annex);
			errno = ENOMEM;
			return -1;
		}
		annex = na;
		req.annex = (uintptr_t)annex;
		req.annex_size = size;
		if (ioctl(dev->fd, UGDB_IOC_OSDATA_GET, &req) == 0) {
			rq->annex = annex;
			rq->offset = req.offset;
			rq->len = req.len;
			return 0;
		}
		if (errno != ENOSPC || req.annex_size <= size)
			break;
		size = req.annex_size;
	}
	free(annex);
	return -1;
}

/* The harness's result file: "ERROR LEN\n" and the bytes. */
static int fake_osdata_put(const char *buf, size_t len, int error)
{
	const char *path = getenv("UGDB_FAKE_OSDATA_RESULT");
	char tmp[4096];
	FILE *f;

	if (!path || snprintf(tmp, sizeof(tmp), "%s.new", path) >=
		     (int)sizeof(tmp))
		return 0;
	f = fopen(tmp, "we");
	if (!f)
		return 0;
	fprintf(f, "%d %zu\n", error, len);
	fwrite(buf, 1, len, f);
	fclose(f);
	rename(tmp, path);
	return 0;
}

int dev_osdata_put(struct ugdb_dev *dev, const char *buf, size_t len,
		   int error)
{
	struct ugdb_osdata_reply rep = {
		.buf = (uintptr_t)buf, .len = (__u32)len, .error = error,
	};

	if (dev->fake)
		return fake_osdata_put(buf, len, error);
	return ioctl(dev->fd, UGDB_IOC_OSDATA_PUT, &rep);
}
