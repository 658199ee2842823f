/*
 * osinfo.c - a process for gdb's "info os" tables.
 *
 * Creates and keeps open DIR/f&<x>'.txt (DIR = argv[1]), names its main
 * thread os<&>"'x (markup in a command name) or, with argv[2] =
 * "bad-utf8", os<&\xff>x (a byte that is not UTF-8), starts a second
 * thread, then prints "ready pid=N", calls osinfo_ready() and waits
 * until the debugger sets g to 42 (or 600 s pass); exits 0.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

volatile int g = 0;		/* the debugger sets it to 42 */
int file_fd = -1;

static void *worker(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

void osinfo_ready(void)
{
}

int main(int argc, char **argv)
{
	const char *name = "os<&>\"'x";
	char path[4096];
	pthread_t t;
	int i;

	if (argc < 2)
		return 2;
	if (argc > 2 && !strcmp(argv[2], "bad-utf8"))
		name = "os<&\xff>x";
	snprintf(path, sizeof(path), "%s/f&<x>'.txt", argv[1]);
	file_fd = open(path, O_RDWR | O_CREAT, 0644);
	if (file_fd < 0) {
		perror(path);
		return 1;
	}
	prctl(PR_SET_NAME, name);
	if (pthread_create(&t, NULL, worker, NULL))
		return 1;
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ready pid=%d\n", (int)getpid());
	osinfo_ready();
	for (i = 0; g != 42 && i < 600000; i++)
		usleep(1000);
	return 0;
}
