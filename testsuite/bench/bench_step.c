/*
 * The debuggee of the stepping benchmark: gdb's "next" over the marked
 * line runs N turns of its loop, one instruction at a time, through
 * range stepping (vCont;r) where the stub offers it.
 */
#include <stdlib.h>

volatile long sum;

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000, s = 0;

	for (i = 0; i < n; i++) s += i;	/* L:range */
	sum = s;
	return sum == n * (n - 1) / 2 ? 0 : 1;
}
