/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A growing text buffer for the XML documents the relay makes (gdb's
 * "info os" tables): markup goes in as is, text escaped.
 */
#ifndef UGDB_STUB_XMLBUF_H
#define UGDB_STUB_XMLBUF_H

#include <stdbool.h>
#include <stddef.h>

struct xmlbuf {
	char *p;		/* NUL-terminated once anything was added */
	size_t len, cap;
	bool failed;		/* out of memory: the document is lost */
};

/* Markup: appended as is. */
void xb_raw(struct xmlbuf *b, const char *s);
void xb_rawf(struct xmlbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Text (element content or attribute value), as gdbserver escapes it:
 * & < > " ' as entities.  Unlike gdbserver, what would make the document
 * ill-formed becomes '?': bytes that are not UTF-8, and characters XML
 * does not allow (controls other than tab, newline, carriage return;
 * surrogates; U+FFFE, U+FFFF).  gdb's parser would otherwise drop the
 * whole table for one odd process name.
 */
void xb_text(struct xmlbuf *b, const char *s);

/* <column name="NAME">TEXT</column> */
void xb_column(struct xmlbuf *b, const char *name, const char *text);

/* Take the text (malloc'd; NULL if memory ran out) and reset b. */
char *xb_take(struct xmlbuf *b, size_t *len);
void xb_free(struct xmlbuf *b);

#endif /* UGDB_STUB_XMLBUF_H */
