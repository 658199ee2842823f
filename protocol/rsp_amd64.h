/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp_amd64.h - the x86-64 Linux registers as ugdb describes them to gdb
 * (qXfer:features:read:target.xml), with gdbserver's features, names,
 * types and numbering.
 *
 * Two numberings:
 *  - the register id (enum rsp_amd64_regnum): fixed, one per register
 *    this file knows, whatever the CPU has.  Target operations
 *    (read_reg/write_reg) get ids.
 *  - the wire number: the "n" of p/P and the order of g/G.  Like
 *    gdbserver, the description has the features the CPU has, in a fixed
 *    order, and numbers their registers on from 0 (see
 *    struct rsp_amd64_tdesc).  Core, SSE, linux and segments are always
 *    there, so ids and wire numbers agree on 0..59; with every feature
 *    present they agree everywhere.
 *
 * For the module's read_reg/write_reg, each register says where Linux
 * keeps it: src/src_off name a byte offset into struct user_regs_struct
 * (the NT_PRSTATUS regset) or struct user_i387_struct (NT_PRFPREG, the
 * fxsave layout), or, for RSP_SRC_XSTATE, into XSAVE component `xcomp`
 * of the NT_X86_XSTATE regset (the standard, non-compacted format; the
 * component's own offset comes from CPUID leaf 0xd).  Values go to gdb
 * little-endian, exactly `size` bytes.  Notes for the fxsave ones:
 *  - fctrl, fstat, fop are 16-bit there and 32-bit to gdb: zero-extend
 *    (truncate on write).
 *  - ftag is the full 16-bit x87 tag word to gdb, while fxsave keeps the
 *    abridged 8-bit form: convert (2 bits per register from the abridged
 *    bit and the register's contents), as gdb's own fxsave code does.
 *  - fioff/fiseg are the low/high 32 bits of the 64-bit FPU IP, and
 *    fooff/foseg of the 64-bit FPU data pointer (FXSAVE64 layout).
 *  - st0..st7 are the 10 low bytes of each 16-byte slot.
 * And for the XSAVE ones: a component whose bit is clear in the header's
 * xstate_bv is in its initial state and reads as zeros (gdbserver's
 * rule); writing one sets the bit.
 */
#ifndef UGDB_RSP_AMD64_H
#define UGDB_RSP_AMD64_H

#include "rsp_types.h"

/* The target description's features, in gdbserver's order. */
enum rsp_amd64_feature {
	RSP_AMD64_FEAT_CORE,		/* org.gnu.gdb.i386.core */
	RSP_AMD64_FEAT_SSE,		/* org.gnu.gdb.i386.sse */
	RSP_AMD64_FEAT_LINUX,		/* org.gnu.gdb.i386.linux */
	RSP_AMD64_FEAT_SEGMENTS,	/* org.gnu.gdb.i386.segments */
	RSP_AMD64_FEAT_AVX,		/* org.gnu.gdb.i386.avx */
	RSP_AMD64_FEAT_MPX,		/* org.gnu.gdb.i386.mpx */
	RSP_AMD64_FEAT_AVX512,		/* org.gnu.gdb.i386.avx512 */
	RSP_AMD64_FEAT_PKEYS,		/* org.gnu.gdb.i386.pkeys */
	RSP_AMD64_NFEAT,
};

/* Feature sets: a bit per enum rsp_amd64_feature. */
#define RSP_AMD64_HAS(f)	(1u << RSP_AMD64_FEAT_ ## f)
/* What every x86-64 Linux description has (gdbserver's SSE-only one). */
#define RSP_AMD64_FEATURES_BASE	(RSP_AMD64_HAS(CORE) | RSP_AMD64_HAS(SSE) | \
				 RSP_AMD64_HAS(LINUX) | \
				 RSP_AMD64_HAS(SEGMENTS))
#define RSP_AMD64_FEATURES_ALL	((1u << RSP_AMD64_NFEAT) - 1)

/*
 * XCR0 bits (XSAVE components) and how gdbserver picks the features
 * from them: AVX for the AVX bit, MPX for either MPX bit, AVX-512 for
 * any of its three, pkeys for PKRU.
 */
#define RSP_XCR0_X87		0x001ull
#define RSP_XCR0_SSE		0x002ull
#define RSP_XCR0_AVX		0x004ull
#define RSP_XCR0_BNDREGS	0x008ull
#define RSP_XCR0_BNDCSR		0x010ull
#define RSP_XCR0_OPMASK		0x020ull
#define RSP_XCR0_ZMM_HI256	0x040ull
#define RSP_XCR0_HI16_ZMM	0x080ull
#define RSP_XCR0_PKRU		0x200ull
u32 rsp_amd64_features_from_xcr0(u64 xcr0);

/* Register ids. */
enum rsp_amd64_regnum {
	RSP_AMD64_RAX = 0,
	RSP_AMD64_RBX,
	RSP_AMD64_RCX,
	RSP_AMD64_RDX,
	RSP_AMD64_RSI,
	RSP_AMD64_RDI,
	RSP_AMD64_RBP,		/* 6 */
	RSP_AMD64_RSP,		/* 7 */
	RSP_AMD64_R8,		/* 8 .. r15 = 15 */
	RSP_AMD64_RIP = 16,
	RSP_AMD64_EFLAGS,	/* 17 */
	RSP_AMD64_CS,		/* 18: cs ss ds es fs gs */
	RSP_AMD64_ST0 = 24,	/* 24 .. 31 */
	RSP_AMD64_FCTRL = 32,	/* fctrl fstat ftag fiseg fioff foseg fooff */
				/* fop = 39 */
	RSP_AMD64_XMM0 = 40,	/* 40 .. 55 */
	RSP_AMD64_MXCSR = 56,
	RSP_AMD64_ORIG_RAX = 57,
	RSP_AMD64_FS_BASE = 58,
	RSP_AMD64_GS_BASE = 59,
	RSP_AMD64_YMM0H = 60,	/* 60 .. 75: bits 128..255 of ymm0..15 */
	RSP_AMD64_BND0RAW = 76,	/* 76 .. 79 */
	RSP_AMD64_BNDCFGU = 80,
	RSP_AMD64_BNDSTATUS = 81,
	RSP_AMD64_XMM16 = 82,	/* 82 .. 97 */
	RSP_AMD64_YMM16H = 98,	/* 98 .. 113 */
	RSP_AMD64_K0 = 114,	/* 114 .. 121 */
	RSP_AMD64_ZMM0H = 122,	/* 122 .. 153: bits 256..511 of zmm0..31 */
	RSP_AMD64_PKRU = 154,
	RSP_AMD64_NREGS = 155,
};

#define RSP_AMD64_REG_MAX	32	/* largest register, bytes (zmmNh) */
/* Bytes of a g packet with every feature (the table's offsets). */
#define RSP_AMD64_G_MAX		2500
/* ... and with the base features only (wire numbers 0..59). */
#define RSP_AMD64_G_SIZE	560
#define RSP_AMD64_NREGS_BASE	60

enum rsp_amd64_src {
	RSP_SRC_GPR,		/* struct user_regs_struct */
	RSP_SRC_FXSAVE,		/* struct user_i387_struct */
	RSP_SRC_XSTATE,		/* XSAVE component xcomp */
};

struct rsp_reg_desc {
	const char *name;
	const char *type;	/* the description's type */
	const char *group;	/* its group attribute, or NULL */
	u8 regno;		/* register id */
	u8 size;		/* bytes gdb expects */
	u8 feature;		/* enum rsp_amd64_feature */
	u8 src;			/* enum rsp_amd64_src */
	u8 xcomp;		/* RSP_SRC_XSTATE: XSAVE component number */
	u16 offset;		/* offset in a g packet with every feature */
	u16 src_off;		/* byte offset in that struct / component */
};

extern const struct rsp_reg_desc rsp_amd64_regs[RSP_AMD64_NREGS];

/* Descriptor of register id regno, or NULL when out of range. */
const struct rsp_reg_desc *rsp_amd64_reg(int regno);

/*
 * The description for one feature set: wire numbering, g layout and
 * target.xml, as gdbserver 13 serves them (rsp_amd64_tdesc.c).
 */
#define RSP_AMD64_XML_MAX	20480

struct rsp_amd64_tdesc {
	u32 features;			/* RSP_AMD64_HAS() bits */
	u16 nregs;			/* registers on the wire */
	u16 g_size;			/* bytes of a g packet */
	u8 id[RSP_AMD64_NREGS];		/* wire number -> register id */
	u16 g_off[RSP_AMD64_NREGS];	/* wire number -> offset in g */
	u32 xml_len;
	char xml[RSP_AMD64_XML_MAX];	/* target.xml, NUL-terminated */
};

/* Build it; the base features are always added. */
void rsp_amd64_tdesc_init(struct rsp_amd64_tdesc *d, u32 features);

/* Descriptor of wire number n, or NULL beyond the description. */
const struct rsp_reg_desc *rsp_amd64_wire_reg(const struct rsp_amd64_tdesc *d,
					      int n);

#endif /* UGDB_RSP_AMD64_H */
