// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_amd64_tdesc.c - the target description for one set of features:
 * which registers are on the wire, in what order, at which g offsets,
 * and target.xml.
 *
 * The document is the one Debian's gdbserver 13 serves on x86-64 Linux,
 * text for text (its features in its order, its type names, every
 * register with its regnum), so that gdb builds the same architecture
 * from either stub: the same raw and pseudo registers (ymm, zmm, bnd, k)
 * with the same numbers, and the same `info all-registers`.
 */
#include "rsp_amd64.h"

/* A bounded writer; the document always fits (the unit tests check). */
struct xw {
	char *p;
	u32 len, cap;
};

static void put(struct xw *w, const char *s)
{
	while (*s) {
		if (w->len + 1 < w->cap)
			w->p[w->len++] = *s;
		s++;
	}
}

static void put_uint(struct xw *w, u32 v)
{
	char d[11];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n--) {
		char c[2] = { d[n], 0 };

		put(w, c);
	}
}

/* A flags type whose fields are single bits (gdb types them bool). */
struct flag_bit {
	const char *name;
	u8 bit;
};

static void put_flags(struct xw *w, const char *id,
		      const struct flag_bit *f, int n)
{
	int i;

	put(w, "    <flags id=\"");
	put(w, id);
	put(w, "\" size=\"4\">\n");
	for (i = 0; i < n; i++) {
		put(w, "      <field name=\"");
		put(w, f[i].name);
		put(w, "\" start=\"");
		put_uint(w, f[i].bit);
		put(w, "\" end=\"");
		put_uint(w, f[i].bit);
		put(w, "\" type=\"bool\"/>\n");
	}
	put(w, "    </flags>\n");
}

static const struct flag_bit eflags_bits[] = {
	{ "CF", 0 }, { "", 1 }, { "PF", 2 }, { "AF", 4 }, { "ZF", 6 },
	{ "SF", 7 }, { "TF", 8 }, { "IF", 9 }, { "DF", 10 }, { "OF", 11 },
	{ "NT", 14 }, { "RF", 16 }, { "VM", 17 }, { "AC", 18 },
	{ "VIF", 19 }, { "VIP", 20 }, { "ID", 21 },
};

static const struct flag_bit mxcsr_bits[] = {
	{ "IE", 0 }, { "DE", 1 }, { "ZE", 2 }, { "OE", 3 }, { "UE", 4 },
	{ "PE", 5 }, { "DAZ", 6 }, { "IM", 7 }, { "DM", 8 }, { "ZM", 9 },
	{ "OM", 10 }, { "UM", 11 }, { "PM", 12 }, { "FZ", 15 },
};

#define NBITS(a)	((int)(sizeof(a) / sizeof((a)[0])))

/* The xmm view ($xmm0.v4_float, ...), in sse and again in avx512. */
static const char vec128_types[] =
	"    <vector id=\"v8bf16\" type=\"bfloat16\" count=\"8\"/>\n"
	"    <vector id=\"v8h\" type=\"ieee_half\" count=\"8\"/>\n"
	"    <vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>\n"
	"    <vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>\n"
	"    <vector id=\"v16i8\" type=\"int8\" count=\"16\"/>\n"
	"    <vector id=\"v8i16\" type=\"int16\" count=\"8\"/>\n"
	"    <vector id=\"v4i32\" type=\"int32\" count=\"4\"/>\n"
	"    <vector id=\"v2i64\" type=\"int64\" count=\"2\"/>\n"
	"    <union id=\"vec128\">\n"
	"      <field name=\"v8_bfloat16\" type=\"v8bf16\"/>\n"
	"      <field name=\"v8_half\" type=\"v8h\"/>\n"
	"      <field name=\"v4_float\" type=\"v4f\"/>\n"
	"      <field name=\"v2_double\" type=\"v2d\"/>\n"
	"      <field name=\"v16_int8\" type=\"v16i8\"/>\n"
	"      <field name=\"v8_int16\" type=\"v8i16\"/>\n"
	"      <field name=\"v4_int32\" type=\"v4i32\"/>\n"
	"      <field name=\"v2_int64\" type=\"v2i64\"/>\n"
	"      <field name=\"uint128\" type=\"uint128\"/>\n"
	"    </union>\n";

/* The MPX bound registers and the config/status bit fields. */
static const char mpx_types[] =
	"    <struct id=\"br128\">\n"
	"      <field name=\"lbound\" type=\"uint64\"/>\n"
	"      <field name=\"ubound_raw\" type=\"uint64\"/>\n"
	"    </struct>\n"
	"    <struct id=\"_bndstatus\" size=\"8\">\n"
	"      <field name=\"bde\" start=\"2\" end=\"63\" type=\"uint64\"/>\n"
	"      <field name=\"error\" start=\"0\" end=\"1\" type=\"uint64\"/>\n"
	"    </struct>\n"
	"    <union id=\"status\">\n"
	"      <field name=\"raw\" type=\"data_ptr\"/>\n"
	"      <field name=\"status\" type=\"_bndstatus\"/>\n"
	"    </union>\n"
	"    <struct id=\"_bndcfgu\" size=\"8\">\n"
	"      <field name=\"base\" start=\"12\" end=\"63\" type=\"uint64\"/>\n"
	"      <field name=\"reserved\" start=\"2\" end=\"11\""
	" type=\"uint64\"/>\n"
	"      <field name=\"preserved\" start=\"1\" end=\"1\""
	" type=\"uint64\"/>\n"
	"      <field name=\"enabled\" start=\"0\" end=\"0\""
	" type=\"uint64\"/>\n"
	"    </struct>\n"
	"    <union id=\"cfgu\">\n"
	"      <field name=\"raw\" type=\"data_ptr\"/>\n"
	"      <field name=\"config\" type=\"_bndcfgu\"/>\n"
	"    </union>\n";

static const char *const feature_names[RSP_AMD64_NFEAT] = {
	"core", "sse", "linux", "segments", "avx", "mpx", "avx512", "pkeys",
};

/* The types a feature defines before its registers. */
static void put_types(struct xw *w, int f)
{
	switch (f) {
	case RSP_AMD64_FEAT_CORE:
		put_flags(w, "i386_eflags", eflags_bits, NBITS(eflags_bits));
		break;
	case RSP_AMD64_FEAT_SSE:
		put(w, vec128_types);
		put_flags(w, "i386_mxcsr", mxcsr_bits, NBITS(mxcsr_bits));
		break;
	case RSP_AMD64_FEAT_MPX:
		put(w, mpx_types);
		break;
	case RSP_AMD64_FEAT_AVX512:
		put(w, vec128_types);
		put(w, "    <vector id=\"v2ui128\" type=\"uint128\""
		       " count=\"2\"/>\n");
		break;
	}
}

static void put_reg(struct xw *w, const struct rsp_reg_desc *r, u32 n)
{
	put(w, "    <reg name=\"");
	put(w, r->name);
	put(w, "\" bitsize=\"");
	put_uint(w, 8u * r->size);
	put(w, "\" type=\"");
	put(w, r->type);
	put(w, "\" regnum=\"");
	put_uint(w, n);
	if (r->group) {
		put(w, "\" group=\"");
		put(w, r->group);
	}
	put(w, "\"/>\n");
}

void rsp_amd64_tdesc_init(struct rsp_amd64_tdesc *d, u32 features)
{
	struct xw w = { .p = d->xml, .cap = sizeof(d->xml) };
	int f, i;
	u32 n = 0, off = 0;

	features = (features | RSP_AMD64_FEATURES_BASE) &
		   RSP_AMD64_FEATURES_ALL;
	d->features = features;
	put(&w, "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
		"<target>\n"
		"  <architecture>i386:x86-64</architecture>\n"
		"  <osabi>GNU/Linux</osabi>\n");
	/* the table is in feature order: each feature's registers follow */
	for (f = 0; f < RSP_AMD64_NFEAT; f++) {
		if (!(features & (1u << f)))
			continue;
		put(&w, "  <feature name=\"org.gnu.gdb.i386.");
		put(&w, feature_names[f]);
		put(&w, "\">\n");
		put_types(&w, f);
		for (i = 0; i < RSP_AMD64_NREGS; i++) {
			const struct rsp_reg_desc *r = &rsp_amd64_regs[i];

			if (r->feature != f)
				continue;
			put_reg(&w, r, n);
			d->id[n] = r->regno;
			d->g_off[n] = (u16)off;
			off += r->size;
			n++;
		}
		put(&w, "  </feature>\n");
	}
	put(&w, "</target>\n");
	w.p[w.len] = 0;
	d->xml_len = w.len;
	d->nregs = (u16)n;
	d->g_size = (u16)off;
}

const struct rsp_reg_desc *rsp_amd64_wire_reg(const struct rsp_amd64_tdesc *d,
					      int n)
{
	if (n < 0 || n >= d->nregs)
		return (void *)0;
	return &rsp_amd64_regs[d->id[n]];
}
