// SPDX-License-Identifier: GPL-2.0
/*
 * solib-lib.c - a shared library with one function, FN(x) = x + VAL,
 * built twice for solib-ns.c (-DFN=solib_a -DVAL=10, -DFN=solib_b
 * -DVAL=20, linked with libc so that the second namespace has its own).
 */
int FN(int x)
{
	return x + VAL;
}
