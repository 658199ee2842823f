// SPDX-License-Identifier: GPL-2.0
/*
 * tls-lib.c - a shared library with one thread-local variable, TLS_VAR
 * (initial value TLS_INIT), and TLS_VAR_addr() giving its address in the
 * calling thread.  Built three times for tls.c (see ugdb.gdb/tls.exp):
 * linked (tls_lib), dlopen'ed (tls_dl: dynamic TLS, allocated in a
 * thread when it first uses it) and dlopen'ed with the initial-exec
 * model (tls_ie: a block in every thread's static TLS area, DF_STATIC_TLS).
 */
#ifndef TLS_MODEL
#define TLS_MODEL
#endif

__thread int TLS_VAR TLS_MODEL = TLS_INIT;

#define ADDR_FN2(v) v##_addr
#define ADDR_FN(v) ADDR_FN2(v)

int *ADDR_FN(TLS_VAR)(void)
{
	return &TLS_VAR;
}
