// SPDX-License-Identifier: GPL-2.0
/* mock_glibc.c - see mock_glibc.h. */
#include <string.h>
#include "mock_glibc.h"

/* glibc 2.36 x86-64: size in bits, element count, offset */
static const u32 desc_2_36[RSP_TDB_NSYMS][3] = {
	[TDB_PTHREAD_TID] = { 32, 1, 720 },
	[TDB_PTHREAD_DTVP] = { 64, 1, 8 },
	[TDB_LIST_NEXT] = { 64, 1, 0 },
	[TDB_RTLD_GLOBAL_DESC] = { 64, 1, 0 },
	[TDB_RG_STACK_USER] = { 128, 1, 4280 },
	[TDB_RG_SLOTINFO] = { 64, 1, 4208 },
	[TDB_SLOTINFO_DESC] = { 64, 1, 0 },
	[TDB_SL_LEN] = { 64, 1, 0 },
	[TDB_SL_NEXT] = { 64, 1, 8 },
	[TDB_SL_SLOTINFO] = { 128, 0, 16 },
	[TDB_SI_GEN] = { 64, 1, 0 },
	[TDB_SI_MAP] = { 64, 1, 8 },
	[TDB_LM_MODID] = { 64, 1, 1152 },
	[TDB_LM_OFFSET] = { 64, 1, 1144 },
	[TDB_DTV_DTV] = { 128, 134217727, 0 },
	[TDB_DTV_COUNTER] = { 64, 1, 0 },
	[TDB_DTV_POINTER] = { 64, 1, 0 },
};

void mock_put64(struct mock *m, u64 addr, u64 v)
{
	int i;

	for (i = 0; i < 8; i++)
		m->mem[addr - MOCK_MEM_BASE + i] = (u8)(v >> (8 * i));
}

void mock_put32(struct mock *m, u64 addr, u32 v)
{
	int i;

	for (i = 0; i < 4; i++)
		m->mem[addr - MOCK_MEM_BASE + i] = (u8)(v >> (8 * i));
}

void mock_set_reg64(struct mock *m, int t, int regno, u64 v)
{
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);
	int i;

	for (i = 0; i < 8; i++)
		m->regs[t][r->offset + i] = (u8)(v >> (8 * i));
}

void mock_glibc_slot(struct mock *m, u64 list, int idx, u64 gen, u64 map)
{
	mock_put64(m, list + 16 + 16 * (u64)idx, gen);
	mock_put64(m, list + 16 + 16 * (u64)idx + 8, map);
}

static void link_map(struct mock *m, u64 lm, u64 modid, u64 tls_offset)
{
	mock_put64(m, lm + 1152, modid);
	mock_put64(m, lm + 1144, tls_offset);
}

/* A dynamic program with libtls-lib.so, and two libraries dlopen'ed. */
void mock_glibc(struct mock *m, u64 sym_value[RSP_TDB_NSYMS])
{
	int i, j;

	memset(m->mem, 0, sizeof(m->mem));
	memset(sym_value, 0, RSP_TDB_NSYMS * sizeof(sym_value[0]));
	for (i = 0; i < RSP_TDB_NSYMS; i++) {
		if (!desc_2_36[i][0])
			continue;
		for (j = 0; j < 3; j++)
			mock_put32(m, DESC_AREA + 16 * (u64)i + 4 * (u64)j,
			      desc_2_36[i][j]);
		sym_value[i] = DESC_AREA + 16 * (u64)i;
	}
	/* the static program's variables are not there */
	sym_value[TDB_SLOTINFO_DESC] = 0;
	sym_value[TDB_NPTL_VERSION] = NPTL_VERSION;
	memcpy(m->mem + (NPTL_VERSION - MOCK_MEM_BASE), "2.36", 5);
	sym_value[TDB_THREAD_AREA] = THREAD_AREA;
	mock_put32(m, THREAD_AREA, 25);
	sym_value[TDB_RTLD_GLOBAL] = RTLD_PTR;
	mock_put64(m, RTLD_PTR, RTLD_GLOBAL);
	/* _dl_stack_user: a list with the threads in it */
	mock_put64(m, RTLD_GLOBAL + 4280, TP1 + 0x2c0);
	mock_put64(m, RTLD_GLOBAL + 4208, SLOT_LIST1);
	mock_put64(m, SLOT_LIST1, 2);
	mock_put64(m, SLOT_LIST1 + 8, SLOT_LIST2);
	mock_glibc_slot(m, SLOT_LIST1, 1, 0, LM_PROG);
	mock_put64(m, SLOT_LIST2, 62);
	mock_put64(m, SLOT_LIST2 + 8, 0);
	mock_glibc_slot(m, SLOT_LIST2, 0, 0, LM_LIB);
	mock_glibc_slot(m, SLOT_LIST2, 1, 2, LM_DL);
	mock_glibc_slot(m, SLOT_LIST2, 2, 3, LM_IE);
	link_map(m, LM_PROG, 1, 0x40);
	link_map(m, LM_LIB, 2, 0x80);
	link_map(m, LM_DL, 3, (u64)-1);	/* forced dynamic */
	link_map(m, LM_IE, 4, 0xc0);
	link_map(m, LM_NOTLS, 0, 0);
	link_map(m, LM_BIG, 200, 0);
	/* thread 1 (the main thread, tid = pid) */
	mock_set_reg64(m, 0, RSP_AMD64_FS_BASE, TP1);
	mock_put32(m, TP1 + 720, MOCK_PID);
	mock_put64(m, TP1 + 8, DTV1);
	mock_put64(m, DTV1, 3);
	mock_put64(m, DTV1 + 16, BLOCK1);
	mock_put64(m, DTV1 + 32, BLOCK1 + 0x100);
	mock_put64(m, DTV1 + 48, BLOCK1 + 0x200);
	mock_put64(m, DTV1 + 64, TP1 - 0xc0);
	/* thread 2 started before the dlopens */
	mock_set_reg64(m, 1, RSP_AMD64_FS_BASE, TP2);
	mock_put32(m, TP2 + 720, MOCK_TID2);
	mock_put64(m, TP2 + 8, DTV2);
	mock_put64(m, DTV2, 1);
	mock_put64(m, DTV2 + 16, BLOCK2);
	mock_put64(m, DTV2 + 32, BLOCK2 + 0x100);
}

