// SPDX-License-Identifier: GPL-2.0
/*
 * attach-race - attach to a child while it execs a set-user-ID-root
 * program, over and over, as an unprivileged user: the session must
 * never hold the child once it runs with root's credentials.  (ptrace
 * closes this race with cred_guard_mutex; so must ugdb.)
 *
 * Usage: attach-race TRIES SETUID-PROGRAM [THREADS]
 * Each try forks a child that starts THREADS threads (default 0) and
 * execs SETUID-PROGRAM (which waits to be killed), waits a random time
 * within a window, and asks a fresh session to attach to the child.  The
 * window starts at 4 ms (and 0.3 ms more per thread) and follows the
 * exec: it grows while attaches land before it and shrinks once they come
 * after, so that both happen on a fast kernel and on a slow one (KASAN
 * under TCG).  Threads widen the race:
 * an attach puts an engine on each, and the exec must end them all
 * before its new credentials count.  An attach that succeeds stops the child: its
 * effective uid must then still be ours.  Prints
 *   "attach-race: N tries, A attached before the exec, R refused after
 *    it, W with root's credentials"
 * and exits 0 only if W is 0 and both A and R happened (the window was
 * really raced).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../kmod/uapi/ugdb.h"

static long euid_of(pid_t pid)
{
	char path[64], line[256];
	long uid = -1, euid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Uid: %ld %ld", &uid, &euid) == 2)
			break;
	fclose(f);
	return euid;
}

static void *idle(void *arg)
{
	for (;;)
		pause();
	return arg;
}

static void spin(unsigned int us)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do
		clock_gettime(CLOCK_MONOTONIC, &t);
	while ((t.tv_sec - t0.tv_sec) * 1000000L +
	       (t.tv_nsec - t0.tv_nsec) / 1000 < us);
}

int main(int argc, char **argv)
{
	int tries = argc > 1 ? atoi(argv[1]) : 1000, i, fd;
	long attached = 0, refused = 0, won = 0;
	const char *prog = argc > 2 ? argv[2] : "/tmp/ugdb-access/access-suid";
	int threads = argc > 3 ? atoi(argv[3]) : 0;
	unsigned int window = 4000 + 300 * threads;	/* us */
	pid_t pid;

	srand(1);
	for (i = 0; i < tries; i++) {
		__s32 arg;

		fd = open("/dev/ugdb", O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			perror("attach-race: /dev/ugdb");
			return 1;
		}
		pid = fork();
		if (pid < 0) {
			perror("attach-race: fork");
			return 1;
		}
		if (pid == 0) {
			pthread_t t;
			int k;

			/* it prints nothing we read, and waits to be killed */
			if (!freopen("/dev/null", "w", stdout))
				_exit(126);
			for (k = 0; k < threads; k++)
				if (pthread_create(&t, NULL, idle, NULL))
					_exit(125);
			execl(prog, prog, (char *)NULL);
			_exit(127);
		}
		/* before, during or after the exec (an emulated CPU is slow) */
		spin(rand() % window);
		arg = pid;
		if (ioctl(fd, UGDB_IOC_ATTACH, &arg) == 0) {
			if (euid_of(pid) == 0) {
				won++;
				fprintf(stderr, "attach-race: try %d: the session holds %d, running as root\n",
					i, (int)pid);
			} else {
				attached++;
				if (window < 1000000)
					window += window / 8;
			}
		} else if (errno == EPERM) {
			refused++;
			if (window > 1000)
				window -= window / 16;
		}
		/* the session's end lets it go; then it dies */
		close(fd);
		kill(pid, SIGKILL);
		if (waitpid(pid, NULL, 0) < 0) {
			perror("attach-race: waitpid");
			return 1;
		}
	}
	printf("attach-race: %d tries, %ld attached before the exec, %ld refused after it, %ld with root's credentials\n",
	       tries, attached, refused, won);
	return won || !attached || !refused;
}
