/* The debuggee of the breakpoint benchmark: calls hit() N times. */
#include <stdlib.h>

volatile int counter;

void __attribute__((noinline)) hit(int i)
{
	counter += i;
}

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 1000;

	for (i = 0; i < n; i++)
		hit(i);
	return counter == n * (n - 1) / 2 ? 0 : 1;
}
