// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_amd64.c - every x86-64 GNU/Linux register ugdb can describe, by
 * register id (rsp_amd64.h), with the feature, type and group gdbserver's
 * description gives it, and where Linux keeps it.
 *
 * gdb recognises the architecture by the feature and register names (it
 * matches them to its own i386/amd64 register numbers and builds the
 * ymm/zmm/bnd pseudo registers from the raw halves), so those follow
 * gdb's conventions.  The unit tests check the table against the XML.
 */
#include "rsp_amd64.h"

/*
 * name, id, bytes, offset in a g packet with every feature, source,
 * XSAVE component, offset in the source, type, group, feature
 */
#define NOGRP	((const char *)(void *)0)	/* no group attribute */
#define R(n, num, sz, off, s, xc, soff, ty, grp, f) \
	{ .name = n, .regno = num, .size = sz, .offset = off, \
	  .src = RSP_SRC_ ## s, .xcomp = xc, .src_off = soff, \
	  .type = ty, .group = grp, .feature = RSP_AMD64_FEAT_ ## f }

const struct rsp_reg_desc rsp_amd64_regs[RSP_AMD64_NREGS] = {
	R("rax", 0, 8, 0, GPR, 0, 80, "int64", NOGRP, CORE),
	R("rbx", 1, 8, 8, GPR, 0, 40, "int64", NOGRP, CORE),
	R("rcx", 2, 8, 16, GPR, 0, 88, "int64", NOGRP, CORE),
	R("rdx", 3, 8, 24, GPR, 0, 96, "int64", NOGRP, CORE),
	R("rsi", 4, 8, 32, GPR, 0, 104, "int64", NOGRP, CORE),
	R("rdi", 5, 8, 40, GPR, 0, 112, "int64", NOGRP, CORE),
	R("rbp", 6, 8, 48, GPR, 0, 32, "data_ptr", NOGRP, CORE),
	R("rsp", 7, 8, 56, GPR, 0, 152, "data_ptr", NOGRP, CORE),
	R("r8", 8, 8, 64, GPR, 0, 72, "int64", NOGRP, CORE),
	R("r9", 9, 8, 72, GPR, 0, 64, "int64", NOGRP, CORE),
	R("r10", 10, 8, 80, GPR, 0, 56, "int64", NOGRP, CORE),
	R("r11", 11, 8, 88, GPR, 0, 48, "int64", NOGRP, CORE),
	R("r12", 12, 8, 96, GPR, 0, 24, "int64", NOGRP, CORE),
	R("r13", 13, 8, 104, GPR, 0, 16, "int64", NOGRP, CORE),
	R("r14", 14, 8, 112, GPR, 0, 8, "int64", NOGRP, CORE),
	R("r15", 15, 8, 120, GPR, 0, 0, "int64", NOGRP, CORE),
	R("rip", 16, 8, 128, GPR, 0, 128, "code_ptr", NOGRP, CORE),
	R("eflags", 17, 4, 136, GPR, 0, 144, "i386_eflags", NOGRP, CORE),
	R("cs", 18, 4, 140, GPR, 0, 136, "int32", NOGRP, CORE),
	R("ss", 19, 4, 144, GPR, 0, 160, "int32", NOGRP, CORE),
	R("ds", 20, 4, 148, GPR, 0, 184, "int32", NOGRP, CORE),
	R("es", 21, 4, 152, GPR, 0, 192, "int32", NOGRP, CORE),
	R("fs", 22, 4, 156, GPR, 0, 200, "int32", NOGRP, CORE),
	R("gs", 23, 4, 160, GPR, 0, 208, "int32", NOGRP, CORE),
	R("st0", 24, 10, 164, FXSAVE, 0, 32, "i387_ext", NOGRP, CORE),
	R("st1", 25, 10, 174, FXSAVE, 0, 48, "i387_ext", NOGRP, CORE),
	R("st2", 26, 10, 184, FXSAVE, 0, 64, "i387_ext", NOGRP, CORE),
	R("st3", 27, 10, 194, FXSAVE, 0, 80, "i387_ext", NOGRP, CORE),
	R("st4", 28, 10, 204, FXSAVE, 0, 96, "i387_ext", NOGRP, CORE),
	R("st5", 29, 10, 214, FXSAVE, 0, 112, "i387_ext", NOGRP, CORE),
	R("st6", 30, 10, 224, FXSAVE, 0, 128, "i387_ext", NOGRP, CORE),
	R("st7", 31, 10, 234, FXSAVE, 0, 144, "i387_ext", NOGRP, CORE),
	R("fctrl", 32, 4, 244, FXSAVE, 0, 0, "int", "float", CORE),
	R("fstat", 33, 4, 248, FXSAVE, 0, 2, "int", "float", CORE),
	R("ftag", 34, 4, 252, FXSAVE, 0, 4, "int", "float", CORE),
	R("fiseg", 35, 4, 256, FXSAVE, 0, 12, "int", "float", CORE),
	R("fioff", 36, 4, 260, FXSAVE, 0, 8, "int", "float", CORE),
	R("foseg", 37, 4, 264, FXSAVE, 0, 20, "int", "float", CORE),
	R("fooff", 38, 4, 268, FXSAVE, 0, 16, "int", "float", CORE),
	R("fop", 39, 4, 272, FXSAVE, 0, 6, "int", "float", CORE),
	R("xmm0", 40, 16, 276, FXSAVE, 0, 160, "vec128", NOGRP, SSE),
	R("xmm1", 41, 16, 292, FXSAVE, 0, 176, "vec128", NOGRP, SSE),
	R("xmm2", 42, 16, 308, FXSAVE, 0, 192, "vec128", NOGRP, SSE),
	R("xmm3", 43, 16, 324, FXSAVE, 0, 208, "vec128", NOGRP, SSE),
	R("xmm4", 44, 16, 340, FXSAVE, 0, 224, "vec128", NOGRP, SSE),
	R("xmm5", 45, 16, 356, FXSAVE, 0, 240, "vec128", NOGRP, SSE),
	R("xmm6", 46, 16, 372, FXSAVE, 0, 256, "vec128", NOGRP, SSE),
	R("xmm7", 47, 16, 388, FXSAVE, 0, 272, "vec128", NOGRP, SSE),
	R("xmm8", 48, 16, 404, FXSAVE, 0, 288, "vec128", NOGRP, SSE),
	R("xmm9", 49, 16, 420, FXSAVE, 0, 304, "vec128", NOGRP, SSE),
	R("xmm10", 50, 16, 436, FXSAVE, 0, 320, "vec128", NOGRP, SSE),
	R("xmm11", 51, 16, 452, FXSAVE, 0, 336, "vec128", NOGRP, SSE),
	R("xmm12", 52, 16, 468, FXSAVE, 0, 352, "vec128", NOGRP, SSE),
	R("xmm13", 53, 16, 484, FXSAVE, 0, 368, "vec128", NOGRP, SSE),
	R("xmm14", 54, 16, 500, FXSAVE, 0, 384, "vec128", NOGRP, SSE),
	R("xmm15", 55, 16, 516, FXSAVE, 0, 400, "vec128", NOGRP, SSE),
	R("mxcsr", 56, 4, 532, FXSAVE, 0, 24, "i386_mxcsr", "vector", SSE),
	R("orig_rax", 57, 8, 536, GPR, 0, 120, "int", NOGRP, LINUX),
	R("fs_base", 58, 8, 544, GPR, 0, 168, "int", NOGRP, SEGMENTS),
	R("gs_base", 59, 8, 552, GPR, 0, 176, "int", NOGRP, SEGMENTS),
	R("ymm0h", 60, 16, 560, XSTATE, 2, 0, "uint128", NOGRP, AVX),
	R("ymm1h", 61, 16, 576, XSTATE, 2, 16, "uint128", NOGRP, AVX),
	R("ymm2h", 62, 16, 592, XSTATE, 2, 32, "uint128", NOGRP, AVX),
	R("ymm3h", 63, 16, 608, XSTATE, 2, 48, "uint128", NOGRP, AVX),
	R("ymm4h", 64, 16, 624, XSTATE, 2, 64, "uint128", NOGRP, AVX),
	R("ymm5h", 65, 16, 640, XSTATE, 2, 80, "uint128", NOGRP, AVX),
	R("ymm6h", 66, 16, 656, XSTATE, 2, 96, "uint128", NOGRP, AVX),
	R("ymm7h", 67, 16, 672, XSTATE, 2, 112, "uint128", NOGRP, AVX),
	R("ymm8h", 68, 16, 688, XSTATE, 2, 128, "uint128", NOGRP, AVX),
	R("ymm9h", 69, 16, 704, XSTATE, 2, 144, "uint128", NOGRP, AVX),
	R("ymm10h", 70, 16, 720, XSTATE, 2, 160, "uint128", NOGRP, AVX),
	R("ymm11h", 71, 16, 736, XSTATE, 2, 176, "uint128", NOGRP, AVX),
	R("ymm12h", 72, 16, 752, XSTATE, 2, 192, "uint128", NOGRP, AVX),
	R("ymm13h", 73, 16, 768, XSTATE, 2, 208, "uint128", NOGRP, AVX),
	R("ymm14h", 74, 16, 784, XSTATE, 2, 224, "uint128", NOGRP, AVX),
	R("ymm15h", 75, 16, 800, XSTATE, 2, 240, "uint128", NOGRP, AVX),
	R("bnd0raw", 76, 16, 816, XSTATE, 3, 0, "br128", NOGRP, MPX),
	R("bnd1raw", 77, 16, 832, XSTATE, 3, 16, "br128", NOGRP, MPX),
	R("bnd2raw", 78, 16, 848, XSTATE, 3, 32, "br128", NOGRP, MPX),
	R("bnd3raw", 79, 16, 864, XSTATE, 3, 48, "br128", NOGRP, MPX),
	R("bndcfgu", 80, 8, 880, XSTATE, 4, 0, "cfgu", NOGRP, MPX),
	R("bndstatus", 81, 8, 888, XSTATE, 4, 8, "status", NOGRP, MPX),
	R("xmm16", 82, 16, 896, XSTATE, 7, 0, "vec128", NOGRP, AVX512),
	R("xmm17", 83, 16, 912, XSTATE, 7, 64, "vec128", NOGRP, AVX512),
	R("xmm18", 84, 16, 928, XSTATE, 7, 128, "vec128", NOGRP, AVX512),
	R("xmm19", 85, 16, 944, XSTATE, 7, 192, "vec128", NOGRP, AVX512),
	R("xmm20", 86, 16, 960, XSTATE, 7, 256, "vec128", NOGRP, AVX512),
	R("xmm21", 87, 16, 976, XSTATE, 7, 320, "vec128", NOGRP, AVX512),
	R("xmm22", 88, 16, 992, XSTATE, 7, 384, "vec128", NOGRP, AVX512),
	R("xmm23", 89, 16, 1008, XSTATE, 7, 448, "vec128", NOGRP, AVX512),
	R("xmm24", 90, 16, 1024, XSTATE, 7, 512, "vec128", NOGRP, AVX512),
	R("xmm25", 91, 16, 1040, XSTATE, 7, 576, "vec128", NOGRP, AVX512),
	R("xmm26", 92, 16, 1056, XSTATE, 7, 640, "vec128", NOGRP, AVX512),
	R("xmm27", 93, 16, 1072, XSTATE, 7, 704, "vec128", NOGRP, AVX512),
	R("xmm28", 94, 16, 1088, XSTATE, 7, 768, "vec128", NOGRP, AVX512),
	R("xmm29", 95, 16, 1104, XSTATE, 7, 832, "vec128", NOGRP, AVX512),
	R("xmm30", 96, 16, 1120, XSTATE, 7, 896, "vec128", NOGRP, AVX512),
	R("xmm31", 97, 16, 1136, XSTATE, 7, 960, "vec128", NOGRP, AVX512),
	R("ymm16h", 98, 16, 1152, XSTATE, 7, 16, "uint128", NOGRP, AVX512),
	R("ymm17h", 99, 16, 1168, XSTATE, 7, 80, "uint128", NOGRP, AVX512),
	R("ymm18h", 100, 16, 1184, XSTATE, 7, 144, "uint128", NOGRP, AVX512),
	R("ymm19h", 101, 16, 1200, XSTATE, 7, 208, "uint128", NOGRP, AVX512),
	R("ymm20h", 102, 16, 1216, XSTATE, 7, 272, "uint128", NOGRP, AVX512),
	R("ymm21h", 103, 16, 1232, XSTATE, 7, 336, "uint128", NOGRP, AVX512),
	R("ymm22h", 104, 16, 1248, XSTATE, 7, 400, "uint128", NOGRP, AVX512),
	R("ymm23h", 105, 16, 1264, XSTATE, 7, 464, "uint128", NOGRP, AVX512),
	R("ymm24h", 106, 16, 1280, XSTATE, 7, 528, "uint128", NOGRP, AVX512),
	R("ymm25h", 107, 16, 1296, XSTATE, 7, 592, "uint128", NOGRP, AVX512),
	R("ymm26h", 108, 16, 1312, XSTATE, 7, 656, "uint128", NOGRP, AVX512),
	R("ymm27h", 109, 16, 1328, XSTATE, 7, 720, "uint128", NOGRP, AVX512),
	R("ymm28h", 110, 16, 1344, XSTATE, 7, 784, "uint128", NOGRP, AVX512),
	R("ymm29h", 111, 16, 1360, XSTATE, 7, 848, "uint128", NOGRP, AVX512),
	R("ymm30h", 112, 16, 1376, XSTATE, 7, 912, "uint128", NOGRP, AVX512),
	R("ymm31h", 113, 16, 1392, XSTATE, 7, 976, "uint128", NOGRP, AVX512),
	R("k0", 114, 8, 1408, XSTATE, 5, 0, "uint64", NOGRP, AVX512),
	R("k1", 115, 8, 1416, XSTATE, 5, 8, "uint64", NOGRP, AVX512),
	R("k2", 116, 8, 1424, XSTATE, 5, 16, "uint64", NOGRP, AVX512),
	R("k3", 117, 8, 1432, XSTATE, 5, 24, "uint64", NOGRP, AVX512),
	R("k4", 118, 8, 1440, XSTATE, 5, 32, "uint64", NOGRP, AVX512),
	R("k5", 119, 8, 1448, XSTATE, 5, 40, "uint64", NOGRP, AVX512),
	R("k6", 120, 8, 1456, XSTATE, 5, 48, "uint64", NOGRP, AVX512),
	R("k7", 121, 8, 1464, XSTATE, 5, 56, "uint64", NOGRP, AVX512),
	R("zmm0h", 122, 32, 1472, XSTATE, 6, 0, "v2ui128", NOGRP, AVX512),
	R("zmm1h", 123, 32, 1504, XSTATE, 6, 32, "v2ui128", NOGRP, AVX512),
	R("zmm2h", 124, 32, 1536, XSTATE, 6, 64, "v2ui128", NOGRP, AVX512),
	R("zmm3h", 125, 32, 1568, XSTATE, 6, 96, "v2ui128", NOGRP, AVX512),
	R("zmm4h", 126, 32, 1600, XSTATE, 6, 128, "v2ui128", NOGRP, AVX512),
	R("zmm5h", 127, 32, 1632, XSTATE, 6, 160, "v2ui128", NOGRP, AVX512),
	R("zmm6h", 128, 32, 1664, XSTATE, 6, 192, "v2ui128", NOGRP, AVX512),
	R("zmm7h", 129, 32, 1696, XSTATE, 6, 224, "v2ui128", NOGRP, AVX512),
	R("zmm8h", 130, 32, 1728, XSTATE, 6, 256, "v2ui128", NOGRP, AVX512),
	R("zmm9h", 131, 32, 1760, XSTATE, 6, 288, "v2ui128", NOGRP, AVX512),
	R("zmm10h", 132, 32, 1792, XSTATE, 6, 320, "v2ui128", NOGRP, AVX512),
	R("zmm11h", 133, 32, 1824, XSTATE, 6, 352, "v2ui128", NOGRP, AVX512),
	R("zmm12h", 134, 32, 1856, XSTATE, 6, 384, "v2ui128", NOGRP, AVX512),
	R("zmm13h", 135, 32, 1888, XSTATE, 6, 416, "v2ui128", NOGRP, AVX512),
	R("zmm14h", 136, 32, 1920, XSTATE, 6, 448, "v2ui128", NOGRP, AVX512),
	R("zmm15h", 137, 32, 1952, XSTATE, 6, 480, "v2ui128", NOGRP, AVX512),
	R("zmm16h", 138, 32, 1984, XSTATE, 7, 32, "v2ui128", NOGRP, AVX512),
	R("zmm17h", 139, 32, 2016, XSTATE, 7, 96, "v2ui128", NOGRP, AVX512),
	R("zmm18h", 140, 32, 2048, XSTATE, 7, 160, "v2ui128", NOGRP, AVX512),
	R("zmm19h", 141, 32, 2080, XSTATE, 7, 224, "v2ui128", NOGRP, AVX512),
	R("zmm20h", 142, 32, 2112, XSTATE, 7, 288, "v2ui128", NOGRP, AVX512),
	R("zmm21h", 143, 32, 2144, XSTATE, 7, 352, "v2ui128", NOGRP, AVX512),
	R("zmm22h", 144, 32, 2176, XSTATE, 7, 416, "v2ui128", NOGRP, AVX512),
	R("zmm23h", 145, 32, 2208, XSTATE, 7, 480, "v2ui128", NOGRP, AVX512),
	R("zmm24h", 146, 32, 2240, XSTATE, 7, 544, "v2ui128", NOGRP, AVX512),
	R("zmm25h", 147, 32, 2272, XSTATE, 7, 608, "v2ui128", NOGRP, AVX512),
	R("zmm26h", 148, 32, 2304, XSTATE, 7, 672, "v2ui128", NOGRP, AVX512),
	R("zmm27h", 149, 32, 2336, XSTATE, 7, 736, "v2ui128", NOGRP, AVX512),
	R("zmm28h", 150, 32, 2368, XSTATE, 7, 800, "v2ui128", NOGRP, AVX512),
	R("zmm29h", 151, 32, 2400, XSTATE, 7, 864, "v2ui128", NOGRP, AVX512),
	R("zmm30h", 152, 32, 2432, XSTATE, 7, 928, "v2ui128", NOGRP, AVX512),
	R("zmm31h", 153, 32, 2464, XSTATE, 7, 992, "v2ui128", NOGRP, AVX512),
	R("pkru", 154, 4, 2496, XSTATE, 9, 0, "uint32", NOGRP, PKEYS),
};

const struct rsp_reg_desc *rsp_amd64_reg(int regno)
{
	if (regno < 0 || regno >= RSP_AMD64_NREGS)
		return (void *)0;
	return &rsp_amd64_regs[regno];
}

/*
 * gdbserver (x86_linux_read_description) keys its choice on these bits
 * of XCR0 alone; x87 and SSE are always described.
 */
u32 rsp_amd64_features_from_xcr0(u64 xcr0)
{
	u32 f = RSP_AMD64_FEATURES_BASE;

	if (xcr0 & RSP_XCR0_AVX)
		f |= RSP_AMD64_HAS(AVX);
	if (xcr0 & (RSP_XCR0_BNDREGS | RSP_XCR0_BNDCSR))
		f |= RSP_AMD64_HAS(MPX);
	if (xcr0 & (RSP_XCR0_OPMASK | RSP_XCR0_ZMM_HI256 |
		    RSP_XCR0_HI16_ZMM))
		f |= RSP_AMD64_HAS(AVX512);
	if (xcr0 & RSP_XCR0_PKRU)
		f |= RSP_AMD64_HAS(PKEYS);
	return f;
}
