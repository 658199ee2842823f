// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_amd64.c - the x86-64 GNU/Linux target description and its register
 * table.
 *
 * gdb recognises the architecture by the feature names and register
 * names (it matches them to its own i386/amd64 register numbers), so
 * those follow gdb's conventions; the numbering on the wire is ours and
 * simply follows the order below.  Types only affect how gdb displays the
 * registers.  The unit tests check that the XML and the table agree.
 */
#include "rsp_amd64.h"

#define R(n, num, sz, off, s, soff) \
	{ .name = n, .regno = num, .size = sz, .offset = off, \
	  .src = RSP_SRC_ ## s, .src_off = soff }

const struct rsp_reg_desc rsp_amd64_regs[RSP_AMD64_NREGS] = {
	R("rax", 0, 8, 0, GPR, 80),
	R("rbx", 1, 8, 8, GPR, 40),
	R("rcx", 2, 8, 16, GPR, 88),
	R("rdx", 3, 8, 24, GPR, 96),
	R("rsi", 4, 8, 32, GPR, 104),
	R("rdi", 5, 8, 40, GPR, 112),
	R("rbp", 6, 8, 48, GPR, 32),
	R("rsp", 7, 8, 56, GPR, 152),
	R("r8", 8, 8, 64, GPR, 72),
	R("r9", 9, 8, 72, GPR, 64),
	R("r10", 10, 8, 80, GPR, 56),
	R("r11", 11, 8, 88, GPR, 48),
	R("r12", 12, 8, 96, GPR, 24),
	R("r13", 13, 8, 104, GPR, 16),
	R("r14", 14, 8, 112, GPR, 8),
	R("r15", 15, 8, 120, GPR, 0),
	R("rip", 16, 8, 128, GPR, 128),
	R("eflags", 17, 4, 136, GPR, 144),
	R("cs", 18, 4, 140, GPR, 136),
	R("ss", 19, 4, 144, GPR, 160),
	R("ds", 20, 4, 148, GPR, 184),
	R("es", 21, 4, 152, GPR, 192),
	R("fs", 22, 4, 156, GPR, 200),
	R("gs", 23, 4, 160, GPR, 208),
	R("st0", 24, 10, 164, FXSAVE, 32),
	R("st1", 25, 10, 174, FXSAVE, 48),
	R("st2", 26, 10, 184, FXSAVE, 64),
	R("st3", 27, 10, 194, FXSAVE, 80),
	R("st4", 28, 10, 204, FXSAVE, 96),
	R("st5", 29, 10, 214, FXSAVE, 112),
	R("st6", 30, 10, 224, FXSAVE, 128),
	R("st7", 31, 10, 234, FXSAVE, 144),
	R("fctrl", 32, 4, 244, FXSAVE, 0),
	R("fstat", 33, 4, 248, FXSAVE, 2),
	R("ftag", 34, 4, 252, FXSAVE, 4),
	R("fiseg", 35, 4, 256, FXSAVE, 12),
	R("fioff", 36, 4, 260, FXSAVE, 8),
	R("foseg", 37, 4, 264, FXSAVE, 20),
	R("fooff", 38, 4, 268, FXSAVE, 16),
	R("fop", 39, 4, 272, FXSAVE, 6),
	R("xmm0", 40, 16, 276, FXSAVE, 160),
	R("xmm1", 41, 16, 292, FXSAVE, 176),
	R("xmm2", 42, 16, 308, FXSAVE, 192),
	R("xmm3", 43, 16, 324, FXSAVE, 208),
	R("xmm4", 44, 16, 340, FXSAVE, 224),
	R("xmm5", 45, 16, 356, FXSAVE, 240),
	R("xmm6", 46, 16, 372, FXSAVE, 256),
	R("xmm7", 47, 16, 388, FXSAVE, 272),
	R("xmm8", 48, 16, 404, FXSAVE, 288),
	R("xmm9", 49, 16, 420, FXSAVE, 304),
	R("xmm10", 50, 16, 436, FXSAVE, 320),
	R("xmm11", 51, 16, 452, FXSAVE, 336),
	R("xmm12", 52, 16, 468, FXSAVE, 352),
	R("xmm13", 53, 16, 484, FXSAVE, 368),
	R("xmm14", 54, 16, 500, FXSAVE, 384),
	R("xmm15", 55, 16, 516, FXSAVE, 400),
	R("mxcsr", 56, 4, 532, FXSAVE, 24),
	R("orig_rax", 57, 8, 536, GPR, 120),
	R("fs_base", 58, 8, 544, GPR, 168),
	R("gs_base", 59, 8, 552, GPR, 176),
};

const struct rsp_reg_desc *rsp_amd64_reg(int regno)
{
	if (regno < 0 || regno >= RSP_AMD64_NREGS)
		return (void *)0;
	return &rsp_amd64_regs[regno];
}

/*
 * Single quotes keep the C string readable.  Registers without a regnum
 * attribute number on from the previous one, so the order here is the
 * wire numbering: 0-39 core, 40-56 sse, 57 orig_rax, 58-59 bases.
 */
const char rsp_amd64_target_xml[] =
	"<?xml version='1.0'?>\n"
	"<!DOCTYPE target SYSTEM 'gdb-target.dtd'>\n"
	"<target version='1.0'>\n"
	"<architecture>i386:x86-64</architecture>\n"
	"<osabi>GNU/Linux</osabi>\n"
	/* integer registers, x87 state and segment selectors */
	"<feature name='org.gnu.gdb.i386.core'>\n"
	"<flags id='ugdb_eflags' size='4'>\n"
	"<field name='CF' start='0' end='0'/>\n"
	"<field name='' start='1' end='1'/>\n"
	"<field name='PF' start='2' end='2'/>\n"
	"<field name='AF' start='4' end='4'/>\n"
	"<field name='ZF' start='6' end='6'/>\n"
	"<field name='SF' start='7' end='7'/>\n"
	"<field name='TF' start='8' end='8'/>\n"
	"<field name='IF' start='9' end='9'/>\n"
	"<field name='DF' start='10' end='10'/>\n"
	"<field name='OF' start='11' end='11'/>\n"
	"<field name='NT' start='14' end='14'/>\n"
	"<field name='RF' start='16' end='16'/>\n"
	"<field name='VM' start='17' end='17'/>\n"
	"<field name='AC' start='18' end='18'/>\n"
	"<field name='VIF' start='19' end='19'/>\n"
	"<field name='VIP' start='20' end='20'/>\n"
	"<field name='ID' start='21' end='21'/>\n"
	"</flags>\n"
	"<reg name='rax' bitsize='64' type='int64' regnum='0'/>\n"
	"<reg name='rbx' bitsize='64' type='int64'/>\n"
	"<reg name='rcx' bitsize='64' type='int64'/>\n"
	"<reg name='rdx' bitsize='64' type='int64'/>\n"
	"<reg name='rsi' bitsize='64' type='int64'/>\n"
	"<reg name='rdi' bitsize='64' type='int64'/>\n"
	"<reg name='rbp' bitsize='64' type='data_ptr'/>\n"
	"<reg name='rsp' bitsize='64' type='data_ptr'/>\n"
	"<reg name='r8' bitsize='64' type='int64'/>\n"
	"<reg name='r9' bitsize='64' type='int64'/>\n"
	"<reg name='r10' bitsize='64' type='int64'/>\n"
	"<reg name='r11' bitsize='64' type='int64'/>\n"
	"<reg name='r12' bitsize='64' type='int64'/>\n"
	"<reg name='r13' bitsize='64' type='int64'/>\n"
	"<reg name='r14' bitsize='64' type='int64'/>\n"
	"<reg name='r15' bitsize='64' type='int64'/>\n"
	"<reg name='rip' bitsize='64' type='code_ptr'/>\n"
	"<reg name='eflags' bitsize='32' type='ugdb_eflags'/>\n"
	"<reg name='cs' bitsize='32' type='int32'/>\n"
	"<reg name='ss' bitsize='32' type='int32'/>\n"
	"<reg name='ds' bitsize='32' type='int32'/>\n"
	"<reg name='es' bitsize='32' type='int32'/>\n"
	"<reg name='fs' bitsize='32' type='int32'/>\n"
	"<reg name='gs' bitsize='32' type='int32'/>\n"
	"<reg name='st0' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st1' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st2' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st3' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st4' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st5' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st6' bitsize='80' type='i387_ext'/>\n"
	"<reg name='st7' bitsize='80' type='i387_ext'/>\n"
	"<reg name='fctrl' bitsize='32' type='int' group='float'/>\n"
	"<reg name='fstat' bitsize='32' type='int' group='float'/>\n"
	"<reg name='ftag' bitsize='32' type='int' group='float'/>\n"
	"<reg name='fiseg' bitsize='32' type='int' group='float'/>\n"
	"<reg name='fioff' bitsize='32' type='int' group='float'/>\n"
	"<reg name='foseg' bitsize='32' type='int' group='float'/>\n"
	"<reg name='fooff' bitsize='32' type='int' group='float'/>\n"
	"<reg name='fop' bitsize='32' type='int' group='float'/>\n"
	"</feature>\n"
	/* SSE: the vector views gdb users know ($xmm0.v4_float, ...) */
	"<feature name='org.gnu.gdb.i386.sse'>\n"
	"<vector id='ugdb_v4f' type='ieee_single' count='4'/>\n"
	"<vector id='ugdb_v2d' type='ieee_double' count='2'/>\n"
	"<vector id='ugdb_v16i8' type='int8' count='16'/>\n"
	"<vector id='ugdb_v8i16' type='int16' count='8'/>\n"
	"<vector id='ugdb_v4i32' type='int32' count='4'/>\n"
	"<vector id='ugdb_v2i64' type='int64' count='2'/>\n"
	"<union id='ugdb_vec128'>\n"
	"<field name='v4_float' type='ugdb_v4f'/>\n"
	"<field name='v2_double' type='ugdb_v2d'/>\n"
	"<field name='v16_int8' type='ugdb_v16i8'/>\n"
	"<field name='v8_int16' type='ugdb_v8i16'/>\n"
	"<field name='v4_int32' type='ugdb_v4i32'/>\n"
	"<field name='v2_int64' type='ugdb_v2i64'/>\n"
	"<field name='uint128' type='uint128'/>\n"
	"</union>\n"
	"<flags id='ugdb_mxcsr' size='4'>\n"
	"<field name='IE' start='0' end='0'/>\n"
	"<field name='DE' start='1' end='1'/>\n"
	"<field name='ZE' start='2' end='2'/>\n"
	"<field name='OE' start='3' end='3'/>\n"
	"<field name='UE' start='4' end='4'/>\n"
	"<field name='PE' start='5' end='5'/>\n"
	"<field name='DAZ' start='6' end='6'/>\n"
	"<field name='IM' start='7' end='7'/>\n"
	"<field name='DM' start='8' end='8'/>\n"
	"<field name='ZM' start='9' end='9'/>\n"
	"<field name='OM' start='10' end='10'/>\n"
	"<field name='UM' start='11' end='11'/>\n"
	"<field name='PM' start='12' end='12'/>\n"
	"<field name='FZ' start='15' end='15'/>\n"
	"</flags>\n"
	"<reg name='xmm0' bitsize='128' type='ugdb_vec128' regnum='40'/>\n"
	"<reg name='xmm1' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm2' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm3' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm4' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm5' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm6' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm7' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm8' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm9' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm10' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm11' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm12' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm13' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm14' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='xmm15' bitsize='128' type='ugdb_vec128'/>\n"
	"<reg name='mxcsr' bitsize='32' type='ugdb_mxcsr' group='vector'/>\n"
	"</feature>\n"
	/* the syscall number gdb needs to restart interrupted syscalls */
	"<feature name='org.gnu.gdb.i386.linux'>\n"
	"<reg name='orig_rax' bitsize='64' type='int' group='system'"
	" regnum='57'/>\n"
	"</feature>\n"
	/* TLS bases, so gdb can show thread-local variables */
	"<feature name='org.gnu.gdb.i386.segments'>\n"
	"<reg name='fs_base' bitsize='64' type='int' regnum='58'/>\n"
	"<reg name='gs_base' bitsize='64' type='int' regnum='59'/>\n"
	"</feature>\n"
	"</target>\n";

const u32 rsp_amd64_target_xml_len = sizeof(rsp_amd64_target_xml) - 1;
