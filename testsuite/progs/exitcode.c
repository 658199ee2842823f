/*
 * exitcode.c - exits with the status given as argv[1] (default 7) after
 * going through a couple of functions gdb can break in / step through.
 */
#include <stdlib.h>

int total = 0;

int add(int a, int b)
{
	int r = a + b;

	total += r;
	return r;
}

int compute(int code)
{
	int x = add(code, 1);

	x = add(x, -1);
	return x;
}

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 7;

	return compute(code);
}
