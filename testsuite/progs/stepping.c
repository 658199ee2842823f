/*
 * stepping.c - straight-line code for the stepping tests.  The tests
 * find their lines by the markers in the comments ("L:name").
 * main: a = 9, b = 1 + 4 + 9 = 14, c = 23; prints "c=23", exits 0.
 */
#include <stdio.h>

int square(int x)
{
	int r = x * x;		/* L:square-body */

	return r;
}

int sum_squares(int n)
{
	int s = 0;		/* L:sum-first */
	int i;

	for (i = 1; i <= n; i++)	/* L:sum-loop */
		s += square(i);	/* L:sum-call */
	return s;		/* L:sum-return */
}

int main(void)
{
	int a, b, c;

	a = square(3);		/* L:main-a */
	b = sum_squares(3);	/* L:main-b */
	c = a + b;		/* L:main-c */
	printf("c=%d\n", c);	/* L:main-print */
	return c == 23 ? 0 : 1;	/* L:main-return */
}
