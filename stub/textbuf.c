// SPDX-License-Identifier: GPL-2.0
/*
 * A growing text buffer; see textbuf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textbuf.h"

void tb_put(struct textbuf *b, const char *s, size_t n)
{
	char *np;
	size_t cap;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		np = realloc(b->p, cap);
		if (!np) {
			b->failed = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void tb_puts(struct textbuf *b, const char *s)
{
	tb_put(b, s, strlen(s));
}

void tb_printf(struct textbuf *b, const char *fmt, ...)
{
	char small[256], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		tb_put(b, small, n);
		return;
	}
	va_start(ap, fmt);
	n = vasprintf(&big, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	tb_put(b, big, n);
	free(big);
}

char *tb_take(struct textbuf *b, size_t *len)
{
	char *p = b->p;

	if (b->failed) {
		free(p);
		p = NULL;
	} else if (!p) {
		p = calloc(1, 1);	/* nothing was added */
	}
	if (p)
		*len = b->len;
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = false;
	return p;
}

void tb_free(struct textbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}
