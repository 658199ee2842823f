/*
 * threadev.c - threads that come and go, for QThreadEvents.
 *
 * Without arguments main starts NWORKERS workers one after the other:
 * each calls work(k) and returns, main joins it and calls joined(k)
 * before starting the next; it returns 7.  With "leader" main starts one
 * worker and ends with pthread_exit(): the worker waits until main is a
 * zombie, then returns, so the process ends with the exit of a thread
 * that is not its leader (status 0).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NWORKERS 3

int work(int id)
{
	return id;
}

void joined(int id)
{
	(void)id;
}

static void *worker(void *arg)
{
	work((int)(long)arg);
	return NULL;
}

/* Is the thread group leader gone (a zombie, or reaped)? */
static int leader_gone(void)
{
	char path[64], buf[256], *p;
	FILE *f;
	int n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)getpid());
	f = fopen(path, "r");
	if (!f)
		return 1;
	n = (int)fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n > 0 ? n : 0] = 0;
	p = strrchr(buf, ')');
	return !p || p[1] != ' ' || p[2] == 'Z' || p[2] == 'X';
}

static void *outliver(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 3000 && !leader_gone(); i++)
		usleep(10000);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	long k;

	if (argc > 1 && !strcmp(argv[1], "leader")) {
		if (pthread_create(&th, NULL, outliver, NULL))
			return 99;
		pthread_exit(NULL);
	}
	for (k = 0; k < NWORKERS; k++) {
		if (pthread_create(&th, NULL, worker, (void *)k))
			return 99;
		pthread_join(th, NULL);
		joined((int)k);
	}
	return 7;
}
