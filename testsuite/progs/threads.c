/*
 * threads.c - a small pthread program for the thread tests.
 *
 * main starts NWORKERS workers; all of them (and main) meet at a
 * barrier, so that every thread exists when the first worker calls
 * work(), the function to break in.  Worker k adds (k + 1) * 100 to
 * total under a mutex; main joins them, prints "total=600" and exits
 * with status total / 100 (6).
 */
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 3

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t barrier;
volatile int total = 0;

int work(int id, int amount)
{
	pthread_mutex_lock(&lock);
	total += amount;
	pthread_mutex_unlock(&lock);
	return id;
}

void *worker(void *arg)
{
	int id = (int)(long)arg;

	pthread_barrier_wait(&barrier);
	work(id, (id + 1) * 100);
	return NULL;
}

int main(void)
{
	pthread_t th[NWORKERS];
	long k;

	setvbuf(stdout, NULL, _IONBF, 0);
	pthread_barrier_init(&barrier, NULL, NWORKERS + 1);
	for (k = 0; k < NWORKERS; k++)
		if (pthread_create(&th[k], NULL, worker, (void *)k) != 0)
			return 99;
	pthread_barrier_wait(&barrier);
	for (k = 0; k < NWORKERS; k++)
		pthread_join(th[k], NULL);
	printf("total=%d\n", total);
	return total / 100;
}
