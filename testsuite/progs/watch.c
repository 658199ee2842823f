/*
 * watch.c - data for the watchpoint and siginfo tests.  The tests find
 * their lines by the markers in the comments ("L:name").
 *
 * main writes `counter` twice, reads `rvar`, writes then reads `avar`,
 * calls hfunc() (a place for hbreak), starts a thread that writes `tvar`,
 * and exits with 0.  With the argument "signal" it then sends itself
 * SIGUSR1, whose SA_SIGINFO handler keeps the si_errno and si_code it
 * got, calls done() and exits with si_errno (0 if the handler did not
 * run: 99).
 */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

volatile int counter;
volatile int rvar = 7;
volatile int avar;
volatile int tvar;
volatile long sink;
volatile int got_errno = 99;
volatile int got_code = -1;
/* for the packet tests: a 16-byte aligned area to watch in pieces */
volatile char area[64] __attribute__((aligned(16)));

static void usr1(int sig, siginfo_t *si, void *ctx)
{
	got_errno = si->si_errno;
	got_code = si->si_code;
}

void hfunc(void)
{
	sink++;			/* L:hfunc */
}

void done(void)
{
	sink--;			/* L:done */
}

static void *worker(void *arg)
{
	tvar = 5;		/* L:thread-write */
	return NULL;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	pthread_t th;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);

	counter = 1;		/* L:write1 */
	counter = 2;		/* L:write2 */
	sink = rvar;		/* L:read */
	avar = 3;		/* L:awrite */
	sink = avar;		/* L:aread */
	area[3] = 1;
	hfunc();
	pthread_create(&th, NULL, worker, NULL);
	pthread_join(th, NULL);
	if (argc > 1 && !strcmp(argv[1], "signal")) {
		kill(getpid(), SIGUSR1);
		done();
		return got_errno;
	}
	return 0;		/* L:exit */
}
