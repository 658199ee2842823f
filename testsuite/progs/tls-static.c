// SPDX-License-Identifier: GPL-2.0
/*
 * tls-static.c - a thread-local variable in a static program (built with
 * -static -pthread by ugdb.gdb/tls.exp): no link_map, gdb asks for module
 * 1 (lm 0).  Each thread records the address it uses.
 */
#include <pthread.h>

__thread int tls_static = 5;
int *main_tls_static, *thread_tls_static;

void static_stop(void)
{
}

static void *thread_fn(void *arg)
{
	tls_static = 7;
	thread_tls_static = &tls_static;
	static_stop();
	return arg;
}

int main(void)
{
	pthread_t th;

	tls_static = 6;
	main_tls_static = &tls_static;
	if (pthread_create(&th, NULL, thread_fn, NULL))
		return 1;
	pthread_join(th, NULL);
	static_stop();
	return 0;
}
