/*
 * mt-pause.c - two threads waiting in pause() for ever: the job control
 * test of the engine layer's self-test (kmod/tests/selftest.c, mt_prog=)
 * needs a process of more than one thread.  Ends by SIGKILL.
 */
#include <pthread.h>
#include <unistd.h>

static void *waiter(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, waiter, NULL))
		return 1;
	waiter(NULL);
	return 0;
}
