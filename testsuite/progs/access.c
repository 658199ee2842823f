/*
 * access.c - the target of the access matrix (ugdb.packet/access.exp).
 *
 * Prints "ready pid=N" and waits for signals.  With the argument
 * "nodump", PR_SET_DUMPABLE 0 first (a process that refuses tracers).
 * Each SIGUSR1 makes it start one more thread, which waits too (the
 * thread ids a stub reports for a process in a pid namespace).
 * magic[] is what the test reads through the stub.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

unsigned char magic[8] = { 'a', 'c', 'c', 'e', 's', 's', '!', '\n' };
static volatile sig_atomic_t more;

static void on_usr1(int sig)
{
	more = 1;
}

static void *waiter(void *arg)
{
	sigset_t usr1;

	/* SIGUSR1 is for the main thread */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	for (;;)
		pause();
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc > 1 && !strcmp(argv[1], "nodump"))
		prctl(PR_SET_DUMPABLE, 0);
	signal(SIGUSR1, on_usr1);
	printf("ready pid=%d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		pause();
		if (more) {
			more = 0;
			pthread_create(&t, NULL, waiter, NULL);
		}
	}
}
