// SPDX-License-Identifier: GPL-2.0
/*
 * stress.c - the user side of the engine layer's stress proof
 * (testsuite/vm/stress-check): NTHREADS threads (default 200), each
 * looping until SECONDS (default 30) have passed: fork a child that makes
 * a few system calls and either execs /bin/true or _exits with 7, reap it
 * with waitpid() and check its status, plus a few system calls of its own.
 *
 *   stress [NTHREADS [SECONDS]]
 *
 * Exits 0 only if every child was reaped with the expected status and no
 * fork/waitpid failed.  A watchdog (the main thread) fails the run if any
 * one waitpid() waits WAIT_LIMIT seconds for a child that is stopped (t/T)
 * or in D state, which is what a task the engine layer lost looks like;
 * a child that is merely runnable or sleeping gets RUNNABLE_LIMIT, since
 * under TCG 400 busy tasks on two vCPUs can starve one for a while (seen
 * once: a just-exec'd /bin/true, state R, 21 s).  alarm() kills the run if
 * it overstays by far.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WAIT_LIMIT	20	/* s: one waitpid() for a stopped or D child */
#define RUNNABLE_LIMIT	120	/* s: one waitpid() for a runnable child */

static int nthreads = 200, seconds = 30;
static time_t deadline;
static atomic_long forks, execs, reaped, syscalls, errors;
static atomic_long *wait_since;	/* per thread: start of its waitpid, or 0 */
static atomic_int *wait_child;	/* per thread: the child it waits for */
static atomic_int *thread_tid;	/* per thread: its tid */

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* For a stuck wait: what the kernel says of a task (state, wchan, stack). */
static void dump_task(const char *what, int pid, int tid)
{
	static const char *const files[] = { "stat", "wchan", "stack" };
	char path[96], buf[4096];
	unsigned int i;
	FILE *f;
	size_t n;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", pid, tid,
			 files[i]);
		f = fopen(path, "r");
		if (!f) {
			fprintf(stderr, "stress: %s %d: no %s\n", what, tid,
				files[i]);
			continue;
		}
		n = fread(buf, 1, sizeof(buf) - 1, f);
		buf[n] = 0;
		fclose(f);
		fprintf(stderr, "stress: %s %d %s: %s\n", what, tid, files[i],
			buf);
	}
}

/* The state letter of a task (R, S, D, t, T, Z...), or 0 if it is gone. */
static char task_state(int pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	/* "pid (comm) S ...": comm may hold spaces and parentheses */
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* A wait this long is a lost task, given what its child is doing. */
static int wait_is_stuck(int child, long waited)
{
	char st;

	if (waited > RUNNABLE_LIMIT)
		return 1;
	if (waited <= WAIT_LIMIT)
		return 0;
	st = task_state(child);
	return st == 't' || st == 'T' || st == 'D';
}

static void *worker(void *arg)
{
	long id = (long)arg, iter = 0;

	thread_tid[id] = syscall(SYS_gettid);

	while (now() < deadline) {
		int do_exec = (iter++ % 4) == 0, status;
		pid_t child, w;

		syscalls += 3;
		(void)getppid();
		(void)syscall(SYS_gettid);
		(void)getuid();

		child = fork();
		if (child < 0) {
			perror("stress: fork");
			errors++;
			continue;
		}
		if (child == 0) {
			(void)getppid();
			(void)getpid();
			if (do_exec) {
				execl("/bin/true", "true", (char *)NULL);
				_exit(127);
			}
			_exit(7);
		}
		forks++;
		wait_child[id] = child;
		wait_since[id] = now();
		do
			w = waitpid(child, &status, 0);
		while (w < 0 && errno == EINTR);
		wait_since[id] = 0;
		if (w != child) {
			perror("stress: waitpid");
			errors++;
			continue;
		}
		reaped++;
		if (!WIFEXITED(status) ||
		    WEXITSTATUS(status) != (do_exec ? 0 : 7)) {
			fprintf(stderr, "stress: child %d: status %#x\n",
				child, status);
			errors++;
		}
		if (do_exec)
			execs++;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t *tids;
	pthread_attr_t attr;
	long i;
	int stuck = 0;

	if (argc > 1)
		nthreads = atoi(argv[1]);
	if (argc > 2)
		seconds = atoi(argv[2]);
	if (nthreads <= 0 || seconds <= 0) {
		fprintf(stderr, "usage: stress [NTHREADS [SECONDS]]\n");
		return 2;
	}
	/* Last resort: SIGALRM's default action ends us with a failure. */
	alarm(seconds + RUNNABLE_LIMIT + 60);
	deadline = now() + seconds;
	tids = calloc(nthreads, sizeof(*tids));
	wait_since = calloc(nthreads, sizeof(*wait_since));
	wait_child = calloc(nthreads, sizeof(*wait_child));
	thread_tid = calloc(nthreads, sizeof(*thread_tid));
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&tids[i], &attr, worker, (void *)i)) {
			fprintf(stderr, "stress: pthread_create failed\n");
			return 1;
		}
	/* Watchdog: no waitpid may hang. */
	for (;;) {
		time_t t = now();
		long busy = 0;

		for (i = 0; i < nthreads; i++) {
			long s = wait_since[i];

			if (s)
				busy++;
			if (s && wait_is_stuck(wait_child[i], t - s)) {
				fprintf(stderr, "stress: thread %ld: waitpid "
					"stuck for %lds\n", i, (long)(t - s));
				dump_task("waiting thread", getpid(),
					  thread_tid[i]);
				dump_task("child", wait_child[i],
					  wait_child[i]);
				stuck = 1;
			}
		}
		if (stuck) {
			fflush(NULL);
			_exit(3);
		}
		if (t >= deadline && !busy)
			break;
		sleep(1);
	}
	for (i = 0; i < nthreads; i++)
		pthread_join(tids[i], NULL);
	printf("stress: %d threads, %ds: forks %ld execs %ld reaped %ld "
	       "syscalls %ld errors %ld\n", nthreads, seconds, (long)forks,
	       (long)execs, (long)reaped, (long)syscalls, (long)errors);
	return errors || forks != reaped || forks == 0;
}
