// SPDX-License-Identifier: GPL-2.0
/*
 * XML text for the relay's documents; see xmlbuf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlbuf.h"
#include "../protocol/rsp_utf8.h"


void xb_text(struct textbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		switch (p[i]) {
		case '&':
			tb_puts(b, "&amp;");
			i++;
			continue;
		case '<':
			tb_puts(b, "&lt;");
			i++;
			continue;
		case '>':
			tb_puts(b, "&gt;");
			i++;
			continue;
		case '"':
			tb_puts(b, "&quot;");
			i++;
			continue;
		case '\'':
			tb_puts(b, "&apos;");
			i++;
			continue;
		}
		k = rsp_xml_char_len(p + i, n - i);
		if (!k) {
			tb_put(b, "?", 1);
			i++;
			continue;
		}
		tb_put(b, s + i, k);
		i += k;
	}
}

void xb_column(struct textbuf *b, const char *name, const char *text)
{
	tb_puts(b, "<column name=\"");
	xb_text(b, name);
	tb_puts(b, "\">");
	xb_text(b, text);
	tb_puts(b, "</column>");
}
