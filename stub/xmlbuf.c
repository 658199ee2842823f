// SPDX-License-Identifier: GPL-2.0
/*
 * XML text for the relay's documents; see xmlbuf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlbuf.h"


/*
 * Length of the XML character encoded in UTF-8 at p (n bytes left), or
 * 0 if it is not one.
 */
static size_t xml_char_len(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (p[0] < 0x80)
		return p[0] >= 0x20 || p[0] == '\t' || p[0] == '\n' ||
		       p[0] == '\r';
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;		/* overlong */
	else if (p[0] == 0xed)
		hi = 0x9f;		/* surrogates */
	else if (p[0] == 0xf0)
		lo = 0x90;		/* overlong */
	else if (p[0] == 0xf4)
		hi = 0x8f;		/* beyond U+10FFFF */
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	if (len == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe)
		return 0;		/* U+FFFE, U+FFFF */
	return len;
}

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
		k = xml_char_len(p + i, n - i);
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
