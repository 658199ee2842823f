/*
 * syscalls.c - a fixed, known sequence of system calls, for the tests
 * that trace the program with strace while ugdb debugs it (strace.exp).
 *
 * Prints "ready pid=N".  Then, with no argument, spins (no system call)
 * until the debugger sets go to 1; with "-r", blocks reading one byte
 * from stdin; with "-n", goes on at once.  Then opens /dev/null and calls
 * work() ROUNDS times; each call makes exactly getppid(), write(fd, "x",
 * 1) and nanosleep({0, 0}).  Closes the file, prints "done rounds=R"
 * and exits with status 7.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#define ROUNDS 5

volatile int rounds = 0;	/* number of work() calls */
volatile int go = 0;		/* the debugger sets it to 1 */

__attribute__((noinline)) void work(int fd)
{
	struct timespec zero = { 0, 0 };

	/* Raw syscalls: no libc caching or substitution. */
	syscall(SYS_getppid);
	syscall(SYS_write, fd, "x", 1);
	syscall(SYS_nanosleep, &zero, NULL);
	rounds++;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int fd, i;
	char c;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ready pid=%d\n", (int)getpid());
	if (strcmp(mode, "-r") == 0) {
		if (read(0, &c, 1) != 1)
			return 1;
	} else if (strcmp(mode, "-n") != 0) {
		while (!go)
			;
	}
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0)
		return 2;
	for (i = 0; i < ROUNDS; i++)
		work(fd);
	close(fd);
	printf("done rounds=%d\n", rounds);
	return 7;
}
