/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A growing, NUL-terminated text buffer for what the relay builds: the
 * shell command of a launch (run.c), the XML of "info os" (xmlbuf.c).
 * Running out of memory only marks it failed: the text is then lost.
 */
#ifndef UGDB_STUB_TEXTBUF_H
#define UGDB_STUB_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

struct textbuf {
	char *p;		/* NUL-terminated once anything was added */
	size_t len, cap;
	bool failed;		/* out of memory */
};

void tb_put(struct textbuf *b, const char *s, size_t n);
void tb_puts(struct textbuf *b, const char *s);
void tb_printf(struct textbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Take the text (malloc'd; NULL if memory ran out) and reset b. */
char *tb_take(struct textbuf *b, size_t *len);
void tb_free(struct textbuf *b);

#endif /* UGDB_STUB_TEXTBUF_H */
