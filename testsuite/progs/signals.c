/*
 * signals.c - signals for the gdb-level signal tests.  The tests find
 * their lines by the markers in the comments ("L:name").
 *
 * Default mode: installs handlers for SIGUSR1 (counts in "handled") and
 * SIGUSR2 (counts in "handled2"), calls ready() and mark() (places to
 * break before any signal), sends itself SIGUSR1 then SIGUSR2 (kill(2)
 * issued right in main, so the signal stops are reported in main at the
 * marked lines) and exits with 10 * handled + handled2: undisturbed 11.
 *
 * "segv" mode: dereferences a NULL pointer in do_segv().
 * "fatal" mode: signals with no handler whose default action kills
 * without a core dump: SIGTERM sent to itself, twice (exits 7 if neither
 * killed it), then SIGALRM from alarm() (a timer, the kernel sends it)
 * while it waits in pause().
 * "report" mode: the default, and prints "result N" (N the exit status)
 * before it exits, for tests that cannot wait for it (after a detach).
 * "ignored" mode: signals the kernel would not even queue for a process
 * nobody traces: SIGWINCH (ignored by default), then SIGQUIT with its
 * handler set to SIG_IGN; exits 6 once both are sent.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

volatile int handled = 0;
volatile int handled2 = 0;
int *volatile null_ptr = 0;

/*
 * kill(getpid(), SIG) with the system call made here, not in libc, so
 * that the stop is reported in main (a signal sent to oneself, unblocked,
 * is delivered before kill returns).
 */
#if defined(__x86_64__)
#define KILL_SELF(sig) do {						\
	long ret_, pid_ = getpid();					\
	asm volatile ("syscall" : "=a" (ret_)				\
		      : "0" ((long) SYS_kill), "D" (pid_), "S" ((long) (sig)) \
		      : "rcx", "r11", "memory");			\
	(void) ret_;							\
} while (0)
#else
#define KILL_SELF(sig) kill(getpid(), (sig))
#endif

void usr1_handler(int sig)
{
	handled++;		/* L:usr1-handler */
}

void usr2_handler(int sig)
{
	handled2++;		/* L:usr2-handler */
}

void ready(void)
{
	handled += 0;		/* L:ready */
}

void mark(void)
{
	handled2 += 0;		/* L:mark */
}

void do_segv(void)
{
	*null_ptr = 1;		/* L:segv */
}

int main(int argc, char **argv)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = usr1_handler;
	sigaction(SIGUSR1, &sa, 0);
	sa.sa_handler = usr2_handler;
	sigaction(SIGUSR2, &sa, 0);

	if (argc > 1 && strcmp(argv[1], "fatal") == 0) {
		KILL_SELF(SIGTERM);	/* L:term1 */
		KILL_SELF(SIGTERM);	/* L:term2 */
		alarm(1);
		for (;;)
			pause();	/* L:pause */
	}
	if (argc > 1 && strcmp(argv[1], "ignored") == 0) {
		KILL_SELF(SIGWINCH);	/* L:winch */
		signal(SIGQUIT, SIG_IGN);
		KILL_SELF(SIGQUIT);	/* L:quit */
		return 6;
	}
	if (argc > 1 && strcmp(argv[1], "segv") == 0) {
		do_segv();
		return 99;
	}
	ready();
	mark();
	KILL_SELF(SIGUSR1);	/* L:kill-usr1 */
	KILL_SELF(SIGUSR2);	/* L:kill-usr2 */
	if (argc > 1 && strcmp(argv[1], "report") == 0)
		printf("result %d\n", 10 * handled + handled2);
	return 10 * handled + handled2;	/* L:return */
}
