/*
 * stepsys.c - single steps that end somewhere other than after one
 * instruction of straight code: over a system call instruction, over
 * the rt_sigreturn of a signal handler, and under a fast interval timer.
 *
 * Labels (global, for nm):
 *   sc_insn        a "syscall" instruction (getppid); sc_after follows it
 *   kill_insn      a "syscall" sending SIGUSR1 to the process itself;
 *                  kill_after follows it: the handler runs, then returns
 *                  there through our own restorer
 *   rst_insn       the "syscall" of that restorer (rt_sigreturn)
 *   spin           a loop of plain instructions, run under a 1 ms
 *                  SIGALRM timer (with "-t"); exits 3 after 1000 alarms,
 *                  so a step that is lost ends the program quickly
 * Without "-t" the program runs the first two once and exits 0; "usr1"
 * counts SIGUSR1 handler runs.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

volatile int usr1;
volatile int alarms;
volatile long spins;

/* The kernel's sigaction, with our own restorer (SA_RESTORER). */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

void restorer(void);
__asm__(".text\n"
	".globl restorer\n"
	"restorer:\n"
	"	mov $15, %eax\n"		/* rt_sigreturn */
	".globl rst_insn\n"
	"rst_insn:\n"
	"	syscall\n"
	"	hlt\n");

static void on_usr1(int sig)
{
	usr1++;
}

static void on_alarm(int sig)
{
	if (++alarms >= 1000)
		_exit(3);
}

__attribute__((noinline)) long do_getppid(void)
{
	long ret;

	__asm__ volatile("mov %1, %%eax\n"
			 ".globl sc_insn\n"
			 "sc_insn:\n"
			 "	syscall\n"
			 ".globl sc_after\n"
			 "sc_after:\n"
			 "	nop\n"
			 : "=a"(ret) : "i"(SYS_getppid) : "rcx", "r11", "memory");
	return ret;
}

__attribute__((noinline)) long do_kill_self(void)
{
	long ret;

	__asm__ volatile("mov %1, %%eax\n"
			 ".globl kill_insn\n"
			 "kill_insn:\n"
			 "	syscall\n"
			 ".globl kill_after\n"
			 "kill_after:\n"
			 "	nop\n"
			 : "=a"(ret)
			 : "i"(SYS_kill), "D"((long)getpid()), "S"((long)SIGUSR1)
			 : "rcx", "r11", "memory");
	return ret;
}

__attribute__((noinline)) void spin(void)
{
	for (;;)
		spins++;
}

int main(int argc, char **argv)
{
	struct ksigaction ka;

	memset(&ka, 0, sizeof(ka));
	ka.handler = on_usr1;
	ka.flags = 0x04000000;		/* SA_RESTORER */
	ka.restorer = restorer;
	if (syscall(SYS_rt_sigaction, SIGUSR1, &ka, NULL, 8) != 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "-t") == 0) {
		struct itimerval it = { { 0, 1000 }, { 0, 1000 } };

		signal(SIGALRM, on_alarm);
		setitimer(ITIMER_REAL, &it, NULL);
		spin();
	}
	do_getppid();
	do_kill_self();
	printf("usr1=%d\n", usr1);
	return usr1 == 1 ? 0 : 2;
}
