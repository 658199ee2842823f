/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp_amd64.h - the x86-64 Linux register set as ugdb describes it to gdb
 * (qXfer:features:read:target.xml).  Register numbers are the "n" of the
 * p/P packets and the order of the g/G packets.
 *
 * For the module's read_reg/write_reg, each register says where Linux
 * keeps it: src/src_off name a byte offset into struct user_regs_struct
 * (the NT_PRSTATUS regset) or struct user_i387_struct (NT_PRFPREG, the
 * fxsave layout).  Values go to gdb little-endian, exactly `size` bytes.
 * Notes for the fxsave ones:
 *  - fctrl, fstat, fop are 16-bit there and 32-bit to gdb: zero-extend
 *    (truncate on write).
 *  - ftag is the full 16-bit x87 tag word to gdb, while fxsave keeps the
 *    abridged 8-bit form: convert (2 bits per register from the abridged
 *    bit and the register's contents), as gdb's own fxsave code does.
 *  - fioff/fiseg are the low/high 32 bits of the 64-bit FPU IP, and
 *    fooff/foseg of the 64-bit FPU data pointer (FXSAVE64 layout).
 *  - st0..st7 are the 10 low bytes of each 16-byte slot.
 */
#ifndef UGDB_RSP_AMD64_H
#define UGDB_RSP_AMD64_H

#include "rsp_types.h"

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
	RSP_AMD64_NREGS = 60,
};

#define RSP_AMD64_REG_MAX	16	/* largest register, bytes (xmm) */
#define RSP_AMD64_G_SIZE	560	/* bytes of all registers (g packet) */

enum rsp_amd64_src {
	RSP_SRC_GPR,		/* struct user_regs_struct */
	RSP_SRC_FXSAVE,		/* struct user_i387_struct */
};

struct rsp_reg_desc {
	const char *name;
	u8 regno;
	u8 size;		/* bytes gdb expects */
	u16 offset;		/* offset in the g packet's data, bytes */
	u8 src;			/* enum rsp_amd64_src */
	u16 src_off;		/* byte offset in that struct */
};

extern const struct rsp_reg_desc rsp_amd64_regs[RSP_AMD64_NREGS];

/* The target description served as "target.xml". */
extern const char rsp_amd64_target_xml[];
extern const u32 rsp_amd64_target_xml_len;

/* Descriptor of regno, or NULL when out of range. */
const struct rsp_reg_desc *rsp_amd64_reg(int regno);

#endif /* UGDB_RSP_AMD64_H */
