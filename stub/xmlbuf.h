/* SPDX-License-Identifier: GPL-2.0 */
/*
 * XML for the documents the relay makes (gdb's "info os" tables), in a
 * textbuf: markup goes in as is (tb_puts, tb_printf), text escaped.
 */
#ifndef UGDB_STUB_XMLBUF_H
#define UGDB_STUB_XMLBUF_H

#include "textbuf.h"

/* Markup goes in with tb_puts() / tb_printf(), as is. */

/*
 * Text (element content or attribute value), as gdbserver escapes it:
 * & < > " ' as entities.  Unlike gdbserver, what would make the document
 * ill-formed becomes '?': bytes that are not UTF-8, and characters XML
 * does not allow (controls other than tab, newline, carriage return;
 * surrogates; U+FFFE, U+FFFF).  gdb's parser would otherwise drop the
 * whole table for one odd process name.
 */
void xb_text(struct textbuf *b, const char *s);

/* <column name="NAME">TEXT</column> */
void xb_column(struct textbuf *b, const char *name, const char *text);

#endif /* UGDB_STUB_XMLBUF_H */
