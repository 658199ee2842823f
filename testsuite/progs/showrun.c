/*
 * showrun.c - prints how it was started: its arguments, the variables
 * UGDB_EXT_SET / UGDB_EXT_KEEP, its working directory and whether
 * address space randomization is off (personality ADDR_NO_RANDOMIZE, as
 * gdb's "set disable-randomization" asks), then exits with 0.  The
 * extended-remote tests read these lines on the stub's terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/personality.h>
#include <unistd.h>

static void show_var(const char *name)
{
	const char *v = getenv(name);

	if (v)
		printf("env %s=[%s]\n", name, v);
	else
		printf("env %s unset\n", name);
}

int main(int argc, char **argv)
{
	char cwd[4096];
	int i, pers = personality(0xffffffff);

	printf("argc=%d\n", argc);
	for (i = 1; i < argc; i++)
		printf("arg%d=[%s]\n", i, argv[i]);
	show_var("UGDB_EXT_SET");
	show_var("UGDB_EXT_KEEP");
	printf("cwd=[%s]\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
	printf("aslr=%s\n", pers >= 0 && (pers & ADDR_NO_RANDOMIZE) ?
	       "off" : "on");
	printf("showrun done\n");
	fflush(stdout);
	return 0;
}
