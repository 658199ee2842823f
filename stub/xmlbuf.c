// SPDX-License-Identifier: GPL-2.0
/*
 * XML text for the relay's documents; see xmlbuf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlbuf.h"

static void put(struct xmlbuf *b, const char *s, size_t n)
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

void xb_raw(struct xmlbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

void xb_rawf(struct xmlbuf *b, const char *fmt, ...)
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
		put(b, small, n);
		return;
	}
	va_start(ap, fmt);
	n = vasprintf(&big, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	put(b, big, n);
	free(big);
}

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

void xb_text(struct xmlbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		switch (p[i]) {
		case '&':
			xb_raw(b, "&amp;");
			i++;
			continue;
		case '<':
			xb_raw(b, "&lt;");
			i++;
			continue;
		case '>':
			xb_raw(b, "&gt;");
			i++;
			continue;
		case '"':
			xb_raw(b, "&quot;");
			i++;
			continue;
		case '\'':
			xb_raw(b, "&apos;");
			i++;
			continue;
		}
		k = xml_char_len(p + i, n - i);
		if (!k) {
			put(b, "?", 1);
			i++;
			continue;
		}
		put(b, s + i, k);
		i += k;
	}
}

void xb_column(struct xmlbuf *b, const char *name, const char *text)
{
	xb_raw(b, "<column name=\"");
	xb_text(b, name);
	xb_raw(b, "\">");
	xb_text(b, text);
	xb_raw(b, "</column>");
}

char *xb_take(struct xmlbuf *b, size_t *len)
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

void xb_free(struct xmlbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}
