// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_svr4.c - qXfer:libraries-svr4:read: the shared libraries of the
 * debugged process, found the way the dynamic linker publishes them for
 * debuggers (the r_debug handshake), with nothing but the target's
 * read_auxv and read_mem:
 *
 *   auxv AT_PHDR/AT_PHNUM -> program headers -> PT_DYNAMIC (load bias
 *   from PT_PHDR) -> DT_DEBUG -> struct r_debug -> r_map -> link_map
 *   chain (and with r_version >= 2, r_next: the dlmopen namespaces).
 *
 * The document is gdbserver's:
 *   <library-list-svr4 version="1.0" main-lm="0x..."><library name="..."
 *    lm="0x..." l_addr="0x..." l_ld="0x..." lmid="0x..."/>...
 *   </library-list-svr4>
 * The first link_map of the first namespace is the program (main-lm);
 * entries without a name (none yet) are left out; lmid is the address of
 * the namespace's r_debug.  Before the dynamic linker filled in DT_DEBUG
 * the list is empty ("<library-list-svr4 version="1.0">
 * </library-list-svr4>", no main-lm, as from gdbserver 13); a program
 * without PT_DYNAMIC or DT_DEBUG (static) gets E01, as from gdbserver.
 * The annex may say "start=LM;prev=LM" (and "lmid=R"): list from link_map
 * LM on, whose l_prev must be prev, each entry with lmid R (0 if not
 * given).  That is gdb's "augmented" form, announced with
 * augmented-libraries-svr4-read+: gdb 13 sends it for the incremental
 * updates of its probes-based interface with ld.so.  Unknown annex keys
 * are ignored, prev and lmid without start too (as gdbserver does).
 *
 * x86-64 (LP64) layouts only, as the rest of the stub.
 */
#include "rsp_int.h"

#define AT_PHDR		3
#define AT_PHNUM	5
#define PT_DYNAMIC	2
#define PT_PHDR		6
#define DT_NULL		0
#define DT_DEBUG	21
#define PHDR_SIZE	56	/* Elf64_Phdr */

#define MAX_PHDRS	256
#define MAX_DYN		4096	/* dynamic entries looked at */
#define MAX_AUXV	512	/* auxv pairs looked at */
#define MAX_LIBS	4096	/* link_maps per namespace */
#define MAX_NS		16	/* namespaces (glibc has 16) */
#define NAME_MAX_LEN	4095	/* PATH_MAX - 1, as gdbserver */

/* struct r_debug / r_debug_extended and struct link_map offsets */
#define R_VERSION	0
#define R_MAP		8
#define R_NEXT		40
#define L_ADDR		0
#define L_NAME		8
#define L_LD		16
#define L_NEXT		24
#define L_PREV		32

/* The window of the document kept: bytes [off, off + max). */
struct svr4_out {
	u64 pos;
	u64 off;
	u8 *buf;
	u32 max;
	u32 n;
};

static int full(const struct svr4_out *o)
{
	return o->n >= o->max;
}

static void out_char(struct svr4_out *o, u8 c)
{
	if (o->pos++ >= o->off && o->n < o->max)
		o->buf[o->n++] = c;
}

static void out_str(struct svr4_out *o, const char *str)
{
	while (*str && !full(o))
		out_char(o, (u8)*str++);
}

/* "0x" and the value in hex, no leading zeros. */
static void out_addr(struct svr4_out *o, u64 v)
{
	int shift = 60;

	out_str(o, "0x");
	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		out_char(o, (u8)rsp_hex_digits[(v >> shift) & 0xf]);
}

static void out_attr(struct svr4_out *o, const char *name, u64 v)
{
	out_str(o, name);
	out_addr(o, v);
	out_char(o, '"');
}

struct svr4_ctx {
	struct rsp_session *s;
	int tid;
	struct svr4_out *o;
	int header_done;	/* '>' after the opening tag written */
};

static u64 le64(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Read n (<= 8) bytes little-endian at addr; -1 if not all readable. */
static int read_word(struct svr4_ctx *c, u64 addr, u32 n, u64 *val)
{
	u8 b[8] = { 0 };

	if (c->s->ops->read_mem(c->s->target, c->tid, addr, b, n) != (long)n)
		return -1;
	*val = le64(b);
	return 0;
}

/* The value of auxv entry type, 0 if absent; -1 if auxv is unreadable. */
static int auxv_get(struct svr4_ctx *c, u64 type, u64 *val)
{
	u8 b[16];
	u32 i;

	*val = 0;
	for (i = 0; i < MAX_AUXV; i++) {
		long n = c->s->ops->read_auxv(c->s->target, (u64)i * 16, b,
					      16);

		if (n < 0)
			return -1;
		if (n < 16 || le64(b) == 0)
			return 0;
		if (le64(b) == type) {
			*val = le64(b + 8);
			return 0;
		}
	}
	return 0;
}

/*
 * The address of r_debug from DT_DEBUG (0: not filled in yet), or -1
 * when the program has no dynamic section / DT_DEBUG or it cannot be
 * read.
 */
static int find_r_debug(struct svr4_ctx *c, u64 *r_debug)
{
	u64 phdr, phnum, type, vaddr, bias = 0, dyn = 0, dyn_size = 0;
	u64 tag, val;
	int have_dyn = 0;
	u32 i;

	if (auxv_get(c, AT_PHDR, &phdr) || auxv_get(c, AT_PHNUM, &phnum) ||
	    !phdr || !phnum || phnum > MAX_PHDRS)
		return -1;
	for (i = 0; i < phnum; i++) {
		u64 ph = phdr + (u64)i * PHDR_SIZE;

		if (read_word(c, ph, 4, &type) || read_word(c, ph + 16, 8,
							    &vaddr))
			return -1;
		if (type == PT_PHDR) {
			bias = phdr - vaddr;
		} else if (type == PT_DYNAMIC) {
			if (read_word(c, ph + 40, 8, &dyn_size))
				return -1;
			dyn = vaddr;
			have_dyn = 1;
		}
	}
	if (!have_dyn)
		return -1;
	dyn += bias;
	for (i = 0; i < MAX_DYN && (u64)i * 16 < dyn_size; i++) {
		if (read_word(c, dyn + (u64)i * 16, 8, &tag) ||
		    read_word(c, dyn + (u64)i * 16 + 8, 8, &val))
			return -1;
		if (tag == DT_NULL)
			break;
		if (tag == DT_DEBUG) {
			*r_debug = val;
			return 0;
		}
	}
	return -1;
}

/* The NUL-terminated string at addr, XML-escaped, as far as readable. */
static void out_name(struct svr4_ctx *c, u64 addr, const u8 *first, u32 n)
{
	u8 b[64];
	u32 i, total = 0;
	char one[2] = { 0, 0 };

	for (;;) {
		for (i = 0; i < n && total < NAME_MAX_LEN; i++, total++) {
			u8 ch = first[i];

			if (!ch)
				return;
			if (ch == '&')
				out_str(c->o, "&amp;");
			else if (ch == '<')
				out_str(c->o, "&lt;");
			else if (ch == '>')
				out_str(c->o, "&gt;");
			else if (ch == '"')
				out_str(c->o, "&quot;");
			else if (ch == '\'')
				out_str(c->o, "&apos;");
			else {
				one[0] = (char)ch;
				out_str(c->o, one);
			}
		}
		if (total >= NAME_MAX_LEN || full(c->o))
			return;
		addr += n;
		n = sizeof(b);
		if (c->s->ops->read_mem(c->s->target, c->tid, addr, b, n) !=
		    (long)n) {
			/* near the end of a mapping: byte by byte */
			n = 1;
			if (c->s->ops->read_mem(c->s->target, c->tid, addr, b,
						1) != 1)
				return;
		}
		first = b;
	}
}

/* One namespace's chain from lm on (prev: the l_prev lm must have). */
static void walk(struct svr4_ctx *c, u64 lm, u64 prev, u64 lmid)
{
	u64 l_addr, l_name, l_ld, l_next, l_prev;
	u8 b[64];
	long n;
	u32 i;

	for (i = 0; lm && i < MAX_LIBS && !full(c->o); i++) {
		if (read_word(c, lm + L_ADDR, 8, &l_addr) ||
		    read_word(c, lm + L_NAME, 8, &l_name) ||
		    read_word(c, lm + L_LD, 8, &l_ld) ||
		    read_word(c, lm + L_NEXT, 8, &l_next) ||
		    read_word(c, lm + L_PREV, 8, &l_prev))
			return;
		if (l_prev != prev)
			return;		/* corrupt (or changing) list */
		n = c->s->ops->read_mem(c->s->target, c->tid, l_name, b, 1);
		if (n == 1 && b[0]) {
			if (!c->header_done)
				out_char(c->o, '>');
			c->header_done = 1;
			out_str(c->o, "<library name=\"");
			out_name(c, l_name, b, 1);
			out_attr(c->o, "\" lm=\"", lm);
			out_attr(c->o, " l_addr=\"", l_addr);
			out_attr(c->o, " l_ld=\"", l_ld);
			out_attr(c->o, " lmid=\"", lmid);
			out_str(c->o, "/>");
		}
		prev = lm;
		lm = l_next;
	}
}

/* Is [p, end) the word key? */
static int key_is(const u8 *p, const u8 *end, const char *key)
{
	u32 n = __builtin_strlen(key);

	return (u32)(end - p) == n && !__builtin_memcmp(p, key, n);
}

/*
 * The annex, read as gdbserver 13 reads it: KEY=VALUE pairs separated by
 * ';'.  A key is everything up to the next '=' (so "x;start=1" is one
 * unknown key, skipped with its value), and no '=' left ends the annex.
 * Values are hex up to the next ';', empty is 0, more than 16 digits
 * keep the low 64 bits; only start, prev and lmid count.  -1 on a digit
 * that is not hex (gdbserver: E01).
 */
static int parse_annex(struct rsp_req *req, u64 *start, u64 *prev,
		       u64 *lmid)
{
	u8 *p = req->data, *end = req->data + req->data_len, *eq, *semi;
	u64 *v;
	int d;

	while (p < end) {
		for (eq = p; eq < end && *eq != '='; eq++)
			;
		if (eq == end)
			break;
		for (semi = eq + 1; semi < end && *semi != ';'; semi++)
			;
		v = key_is(p, eq, "start") ? start :
		    key_is(p, eq, "prev") ? prev :
		    key_is(p, eq, "lmid") ? lmid : (u64 *)0;
		if (v) {
			for (*v = 0, p = eq + 1; p < semi; p++) {
				d = rsp_hex_val(*p);
				if (d < 0)
					return -1;
				*v = *v << 4 | (u64)d;
			}
		}
		p = semi < end ? semi + 1 : end;
	}
	return 0;
}

int rsp_svr4_supported(const struct rsp_session *s)
{
	return s->ops->read_auxv && s->ops->read_mem;
}

void rsp_serve_svr4(struct rsp_session *s, struct rsp_req *req, u32 len)
{
	struct svr4_out o = { .off = req->off, .buf = s->scratch,
			      .max = len + 1 };
	struct svr4_ctx c = { .s = s, .o = &o };
	u64 start = 0, prev = 0, lmid = 0, r_debug = 0, version, lm;
	int i;

	if (parse_annex(req, &start, &prev, &lmid)) {
		rsp_put_str(s, "E01");
		return;
	}
	c.tid = rsp_current_tid(s, 1);
	if (c.tid < 0) {
		rsp_put_error(s, c.tid);
		return;
	}
	if (!start && find_r_debug(&c, &r_debug)) {
		rsp_put_str(s, "E01");
		return;
	}
	out_str(&o, "<library-list-svr4 version=\"1.0\"");
	if (start) {
		walk(&c, start, prev, lmid);
	} else {
		/* r_debug 0: the dynamic linker has not run yet */
		for (i = 0; r_debug && i < MAX_NS && !full(&o); i++) {
			if (read_word(&c, r_debug + R_VERSION, 4, &version) ||
			    (int)(u32)version < 1 ||
			    read_word(&c, r_debug + R_MAP, 8, &lm))
				break;
			prev = 0;
			if (i == 0) {
				/* the first entry is the program */
				if (lm)
					out_attr(&o, " main-lm=\"", lm);
				prev = lm;
				if (read_word(&c, lm + L_NEXT, 8, &lm))
					break;
			}
			walk(&c, lm, prev, r_debug);
			if ((u32)version < 2 ||
			    read_word(&c, r_debug + R_NEXT, 8, &r_debug))
				break;
		}
	}
	/* gdbserver 13 closes the opening tag even around an empty list */
	if (!c.header_done)
		out_char(&o, '>');
	out_str(&o, "</library-list-svr4>");
	rsp_put_xfer_data(s, s->scratch, o.n > len ? len : o.n, o.n > len);
}
