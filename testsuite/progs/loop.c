/*
 * loop.c - the main ugdb test program.
 *
 * Prints "ready pid=N", then calls tick() in a loop until the debugger
 * sets g to 42 or the file named by argv[1] (if any) exists.  Then calls
 * phase2(), which calls tick() PHASE2_TICKS more times (so a breakpoint
 * left in tick() would kill it with SIGTRAP), prints
 * "done g=G counter_ok=1" and exits with status g & 0x7f.  A thread-local
 * copy of the counter, tls_counter, is there for the debugger to read
 * (its address is in each process's own libc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define PHASE2_TICKS 10

volatile int g = 0;		/* the debugger sets it to 42 */
volatile long counter = 0;	/* number of tick() calls */
__thread long tls_counter;	/* the same, thread-local */
unsigned char magic[16] = {
	0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67,
	0x89, 0xab, 0xcd, 0xef, 0x7d, 0x23, 0x24, 0x2a,
};
unsigned char scratch[64];	/* written by the memory tests */

int tick(int i)
{
	int sq = i * i;

	counter++;
	tls_counter++;
	return sq;
}

void phase2(int n)
{
	int k;

	for (k = 0; k < n; k++)
		tick(k);
}

int main(int argc, char **argv)
{
	const char *stopfile = argc > 1 ? argv[1] : NULL;
	long before;
	int n = 0;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ready pid=%d\n", (int)getpid());
	while (g != 42) {
		tick(n++);
		if (stopfile && access(stopfile, F_OK) == 0)
			break;
		usleep(1000);
	}
	before = counter;
	phase2(PHASE2_TICKS);
	printf("done g=%d counter_ok=%d\n", g,
	       counter == before + PHASE2_TICKS);
	return g & 0x7f;
}
