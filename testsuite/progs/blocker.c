/*
 * blocker.c - blocks in read(2) on stdin; used for ^C / 0x03 interrupts
 * and for the unprivileged-attach test.  Prints "ready pid=N", waits for
 * one line, prints "got LINE" and exits with status 0.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int wakeups = 0;

int main(void)
{
	char buf[128];
	ssize_t n;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ready pid=%d\n", (int)getpid());
	n = read(0, buf, sizeof(buf) - 1);
	if (n < 0)
		n = 0;
	buf[n] = 0;
	buf[strcspn(buf, "\r\n")] = 0;
	wakeups++;
	printf("got %s\n", buf);
	return 0;
}
