// SPDX-License-Identifier: GPL-2.0
/*
 * tls.c - thread-local variables for ugdb.gdb/tls.exp and
 * ugdb.packet/tls.exp: the program's own (tls_main, tls_main_bss), one
 * of a linked library (tls_lib in libtls-lib.so) and two of libraries it
 * dlopen()s, argv[1] (tls_dl) and argv[2] (tls_ie), both from
 * tls-lib.c.  Each thread records the addresses it sees in the globals
 * *_tls_*, for the tests to compare with what gdb computes.
 *
 *   main: sets its values, starts the thread, waits for it to set its
 *     own, dlopen()s the two libraries and uses them; main_stop().
 *     The thread has not used tls_dl yet, and its TLS data predates the
 *     dlopen()s.
 *   thread: then uses tls_dl and tls_ie, copies tls_main (gdb may have
 *     changed it at main_stop) to thread_saw_main; main_stop2().
 *   main: once the thread is gone, forks; the child sets tls_main and
 *     calls child_stop().
 */
#include <dlfcn.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

__thread int tls_main = 11;
__thread long tls_main_bss;
extern __thread int tls_lib;

int *main_tls_main, *thread_tls_main;
int *main_tls_lib, *thread_tls_lib;
int *main_tls_dl, *thread_tls_dl;
int *main_tls_ie, *thread_tls_ie;
long *main_tls_main_bss, *thread_tls_main_bss;
int thread_saw_main;

static pthread_barrier_t ready, checked, touched, done;
static int *(*dl_addr)(void), *(*ie_addr)(void);

void main_stop(void)
{
}

void main_stop2(void)
{
}

void child_stop(void)
{
}

static void *thread_fn(void *arg)
{
	tls_main = 21;
	tls_main_bss = 22;
	tls_lib = 23;
	thread_tls_main = &tls_main;
	thread_tls_main_bss = &tls_main_bss;
	thread_tls_lib = &tls_lib;
	pthread_barrier_wait(&ready);
	pthread_barrier_wait(&checked);
	thread_saw_main = tls_main;
	thread_tls_dl = dl_addr();
	*thread_tls_dl = 24;
	thread_tls_ie = ie_addr();
	*thread_tls_ie = 25;
	pthread_barrier_wait(&touched);
	pthread_barrier_wait(&done);
	return arg;
}

int main(int argc, char **argv)
{
	void *dl, *ie;
	pthread_t th;
	pid_t child;
	int status;

	if (argc < 3)
		return 2;
	pthread_barrier_init(&ready, NULL, 2);
	pthread_barrier_init(&checked, NULL, 2);
	pthread_barrier_init(&touched, NULL, 2);
	pthread_barrier_init(&done, NULL, 2);
	tls_main = 12;
	tls_main_bss = 13;
	tls_lib = 14;
	main_tls_main = &tls_main;
	main_tls_main_bss = &tls_main_bss;
	main_tls_lib = &tls_lib;
	if (pthread_create(&th, NULL, thread_fn, NULL))
		return 3;
	pthread_barrier_wait(&ready);
	dl = dlopen(argv[1], RTLD_NOW);
	ie = dlopen(argv[2], RTLD_NOW);
	if (!dl || !ie)
		return 4;
	dl_addr = (int *(*)(void))dlsym(dl, "tls_dl_addr");
	ie_addr = (int *(*)(void))dlsym(ie, "tls_ie_addr");
	if (!dl_addr || !ie_addr)
		return 5;
	main_tls_dl = dl_addr();
	*main_tls_dl = 15;
	main_tls_ie = ie_addr();
	*main_tls_ie = 16;
	main_stop();
	pthread_barrier_wait(&checked);
	pthread_barrier_wait(&touched);
	main_stop2();
	pthread_barrier_wait(&done);
	pthread_join(th, NULL);
	child = fork();
	if (child == 0) {
		tls_main = 41;
		child_stop();
		_exit(0);
	}
	if (child < 0 || waitpid(child, &status, 0) != child)
		return 6;
	return 0;
}
