/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mock_glibc.h - glibc's thread-local storage as libthread_db sees it,
 * laid out in the mock target's memory (for qGetTLSAddr): the
 * descriptors (_thread_db_*) with the values of Debian's glibc 2.36
 * (read with gdb: x/3wx &_thread_db_...), the dynamic linker's
 * rtld_global, slotinfo list and link_maps, and two threads with their
 * struct pthread (fs_base) and DTV.
 */
#ifndef UGDB_MOCK_GLIBC_H
#define UGDB_MOCK_GLIBC_H

#include "mock_target.h"
#include "../rsp_int.h"

/* Where the pieces are in the mock's memory (0x400000..0x410000). */
#define DESC_AREA	0x40f000ULL	/* descriptor i at + 16 * i */
#define NPTL_VERSION	0x40e000ULL
#define THREAD_AREA	0x40e010ULL	/* u32: 25 (FS) */
#define RTLD_PTR	0x40e020ULL	/* __nptl_rtld_global */
#define STACK_USER	0x40e030ULL	/* static program: _dl_stack_user */
#define SLOTINFO_VAR	0x40e040ULL	/* static: _dl_tls_dtv_slotinfo_list */
#define RTLD_GLOBAL	0x409000ULL
#define SLOT_LIST1	0x40a000ULL	/* modids 0, 1 */
#define SLOT_LIST2	0x40a100ULL	/* modids 2.. */
#define LM_PROG		0x40b000ULL	/* modid 1, static block 0x40 */
#define LM_LIB		0x40b800ULL	/* modid 2, static block 0x80 */
#define LM_DL		0x40c000ULL	/* modid 3, dlopen'ed, dynamic */
#define LM_IE		0x40c800ULL	/* modid 4, dlopen'ed, static 0xc0 */
#define LM_NOTLS	0x405000ULL	/* modid 0 */
#define LM_BIG		0x405800ULL	/* modid 200: no slotinfo */
#define TP1		0x40d000ULL	/* main thread's struct pthread */
#define TP2		0x407000ULL
#define DTV1		0x408000ULL	/* current: generation 3 */
#define DTV2		0x408800ULL	/* from before the dlopens: 1 */
#define BLOCK1		0x406000ULL	/* dynamic blocks of thread 1 */
#define BLOCK2		0x406800ULL

/*
 * Lay it out in m's memory (cleared first) and thread registers; fill
 * sym_value[] with what gdb would answer for each of the stub's names
 * (0: unknown).
 */
void mock_glibc(struct mock *m, u64 sym_value[RSP_TDB_NSYMS]);
void mock_put64(struct mock *m, u64 addr, u64 v);
void mock_put32(struct mock *m, u64 addr, u32 v);
void mock_set_reg64(struct mock *m, int t, int regno, u64 v);
/* Module idx of dtv_slotinfo_list list: generation and link_map. */
void mock_glibc_slot(struct mock *m, u64 list, int idx, u64 gen, u64 map);

#endif
