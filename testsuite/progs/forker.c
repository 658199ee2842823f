/*
 * forker.c - new processes and programs, for fork.exp, exec.exp and
 * syscalls.exp.  Lines are found by their markers ("L:name").
 *
 *   forker fork    fork(); the child returns in_child(7) = 21 as its exit
 *                  status; the parent waits for it and exits with
 *                  in_parent(status) = status + 1: 22 when the child
 *                  exited normally, 1 + 128 + signal when it was killed.
 *   forker vfork   the same with vfork() (the child calls in_child and
 *                  _exit()s).
 *   forker exec    execs itself as "forker after-exec", which calls
 *                  after_exec() and exits 5.
 *   forker sys     getpid() then write(1, "sys\n", 4), then exits 3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

__attribute__((noinline)) int in_child(int x)
{
	return x * 3;		/* L:in-child */
}

__attribute__((noinline)) int in_parent(int status)
{
	return status + 1;	/* L:in-parent */
}

__attribute__((noinline)) int after_exec(void)
{
	return 5;		/* L:after-exec */
}

static int child_status(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	pid_t pid;
	int st = 0;

	if (!strcmp(mode, "after-exec"))
		return after_exec();
	if (!strcmp(mode, "exec")) {
		execl("/proc/self/exe", argv[0], "after-exec", (char *)NULL);
		return 99;
	}
	if (!strcmp(mode, "sys")) {
		syscall(SYS_getpid);
		syscall(SYS_write, 1, "sys\n", 4);
		return 3;
	}
	if (!strcmp(mode, "vfork")) {
		pid = vfork();
		if (pid == 0)
			_exit(in_child(7));
	} else {
		pid = fork();
		if (pid == 0)
			exit(in_child(7));
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return 98;
	return in_parent(child_status(st));
}
