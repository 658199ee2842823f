// SPDX-License-Identifier: GPL-2.0
/*
 * session-limits - what a user's opens of /dev/ugdb may cost the kernel.
 *
 *   session-limits bound    open sessions until refused: exactly the
 *                           module's max_user_sessions succeed, then
 *                           EMFILE; closing one makes room for one.
 *   session-limits hold N   open N sessions, print "held N", and keep
 *                           them until standard input ends (the caller
 *                           reads its memory cgroup meanwhile).
 * Exits 0 when everything happened as said, else prints why and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define MAX_FDS 100000

static int fds[MAX_FDS];

static long param(void)
{
	FILE *f = fopen("/sys/module/ugdb/parameters/max_user_sessions", "r");
	long v = -1;

	if (!f || fscanf(f, "%ld", &v) != 1)
		v = -1;
	if (f)
		fclose(f);
	return v;
}

static int open_all(int max)
{
	int n = 0;

	while (n < max) {
		fds[n] = open("/dev/ugdb", O_RDWR | O_CLOEXEC);
		if (fds[n] < 0)
			break;
		n++;
	}
	return n;
}

int main(int argc, char **argv)
{
	struct rlimit rl = { MAX_FDS + 64, MAX_FDS + 64 };
	long max = param();
	int n, fd, i;
	char c;

	setrlimit(RLIMIT_NOFILE, &rl);	/* as far as we may */
	if (argc > 2 && !strcmp(argv[1], "hold")) {
		int want = atoi(argv[2]);

		n = open_all(want < MAX_FDS ? want : MAX_FDS);
		if (n != want) {
			printf("session-limits: %d of %d opens: %s\n", n, want,
			       strerror(errno));
			return 1;
		}
		printf("held %d\n", n);
		fflush(stdout);
		while (read(0, &c, 1) > 0)
			;
		return 0;
	}
	if (max <= 0 || max >= MAX_FDS) {
		printf("session-limits: max_user_sessions is %ld\n", max);
		return 1;
	}
	n = open_all(MAX_FDS);
	if (n != max || errno != EMFILE) {
		printf("session-limits: %d opens (bound %ld), then %s\n", n, max,
		       strerror(errno));
		return 1;
	}
	close(fds[--n]);
	fd = open("/dev/ugdb", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("session-limits: no room after a close: %s\n",
		       strerror(errno));
		return 1;
	}
	close(fd);
	for (i = 0; i < n; i++)
		close(fds[i]);
	printf("session-limits: %ld sessions, then EMFILE; room again after a close\n",
	       max);
	return 0;
}
