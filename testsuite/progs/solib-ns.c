// SPDX-License-Identifier: GPL-2.0
/*
 * solib-ns.c - shared libraries coming and going, for ugdb.gdb/svr4.exp
 * and ugdb.packet/svr4.exp: dlopen(argv[1]) (solib_a), then
 * dlmopen(LM_ID_NEWLM, argv[2]) (solib_b, in a second link-map
 * namespace, with its own libc), then dlclose() of each.  The after_*
 * functions are where the tests stop.  Exits 0 when both functions gave
 * their results.
 */
#define _GNU_SOURCE
#include <dlfcn.h>

void after_dlopen(void)
{
}

void after_dlmopen(void)
{
}

void after_dlclose(void)
{
}

void after_all(void)
{
}

int main(int argc, char **argv)
{
	int (*fa)(int), (*fb)(int);
	void *a, *b;
	int r = 0;

	if (argc < 3)
		return 2;
	a = dlopen(argv[1], RTLD_NOW);
	if (!a)
		return 3;
	fa = (int (*)(int))dlsym(a, "solib_a");
	after_dlopen();
	r += fa(1);
	b = dlmopen(LM_ID_NEWLM, argv[2], RTLD_NOW);
	if (!b)
		return 4;
	fb = (int (*)(int))dlsym(b, "solib_b");
	after_dlmopen();
	r += fb(2);
	dlclose(a);
	after_dlclose();
	dlclose(b);
	after_all();
	return r == 33 ? 0 : 1;
}
