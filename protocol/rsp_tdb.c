// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_tdb.c - the part of glibc's libthread_db (nptl_db) that finds a
 * thread's thread-local storage, for qGetTLSAddr.
 *
 * gdbserver answers qGetTLSAddr with td_thr_tls_get_addr().  libthread_db
 * knows nothing of glibc's structures by itself: glibc describes them to
 * debuggers with read-only "descriptors" in libc.so (_thread_db_*: three
 * u32, the field's size in bits, its element count and its offset), and
 * libthread_db asks the debugger for their addresses by name.  gdbserver
 * forwards those lookups to gdb (qSymbol).  We do the same: gdb looks up
 * the names in tdb_syms[] during the qSymbol exchange (rsp_tls.c), and
 * every offset and size used below is read from the process through
 * them.  What libthread_db has compiled in, we have too, for x86-64 only:
 * the thread pointer is at the TCB and static TLS blocks lie below it
 * (TLS_TCB_AT_TP), l_tls_offset 0 / -1 mean "no static block" / "forced
 * dynamic" (NO_TLS_OFFSET, FORCED_DYNAMIC_TLS_OFFSET), and a DTV entry
 * with bit 0 set is not allocated (TLS_DTV_UNALLOCATED).
 *
 * The steps are td_ta_map_lwp2thr + td_thr_get_info (is this LWP a
 * thread of the thread library yet?) and td_thr_tlsbase (its block for
 * the module of a link_map): see rsp_tdb_tls_address().  Every failure
 * is one error, as gdbserver answers them all with E01.
 *
 * What gdb told us is kept per process, as gdbserver keeps a libthread_db
 * handle per process: gdb makes the exchange for the process of the
 * general thread (its "Hg pPID.0" first), and two processes of a
 * multi-process session may run different programs.  A fork child starts
 * with its parent's (same mappings; gdb does not look the names up again
 * for it), an exec or a new vAttach of that pid starts from nothing.
 */
#include "rsp_int.h"
#include "rsp_amd64.h"

_Static_assert(TDB_NSYMS_CHECK == RSP_TDB_NSYMS,
	       "tdb_syms[] and RSP_TDB_NSYMS");

/* sys/reg.h numbers _thread_db_const_thread_area may name (x86-64) */
#define REG_FS		25
#define REG_GS		26

#define NO_TLS_OFFSET		0
#define FORCED_DYNAMIC_TLS_OFFSET ((u64)-1)

#define MAX_SLOTINFO_LISTS	1024	/* dtv_slotinfo_list entries walked */

enum {
	/* the desc[] words of a descriptor */
	D_SIZE, D_NELEM, D_OFFSET,
};

/*
 * The names gdb is asked for, in this order.  The first one tells that
 * the thread library is in the process at all: while gdb does not know
 * it, the exchange stops there (libthread_db's td_ta_new() fails the
 * same way, and gdbserver then retries at the next qSymbol::).
 */
static const char *const tdb_syms[RSP_TDB_NSYMS] = {
	[TDB_NPTL_VERSION]	= "__nptl_version",
	[TDB_THREAD_AREA]	= "_thread_db_const_thread_area",
	[TDB_PTHREAD_TID]	= "_thread_db_pthread_tid",
	[TDB_PTHREAD_DTVP]	= "_thread_db_pthread_dtvp",
	[TDB_LIST_NEXT]		= "_thread_db_list_t_next",
	[TDB_RTLD_GLOBAL]	= "__nptl_rtld_global",
	[TDB_RTLD_GLOBAL_DESC]	= "_thread_db___nptl_rtld_global",
	[TDB_RG_STACK_USER]	= "_thread_db_rtld_global__dl_stack_user",
	[TDB_RG_SLOTINFO]	=
		"_thread_db_rtld_global__dl_tls_dtv_slotinfo_list",
	[TDB_STACK_USER]	= "_dl_stack_user",
	[TDB_SLOTINFO]		= "_dl_tls_dtv_slotinfo_list",
	[TDB_SLOTINFO_DESC]	= "_thread_db__dl_tls_dtv_slotinfo_list",
	[TDB_SL_LEN]		= "_thread_db_dtv_slotinfo_list_len",
	[TDB_SL_NEXT]		= "_thread_db_dtv_slotinfo_list_next",
	[TDB_SL_SLOTINFO]	= "_thread_db_dtv_slotinfo_list_slotinfo",
	[TDB_SI_GEN]		= "_thread_db_dtv_slotinfo_gen",
	[TDB_SI_MAP]		= "_thread_db_dtv_slotinfo_map",
	[TDB_LM_MODID]		= "_thread_db_link_map_l_tls_modid",
	[TDB_LM_OFFSET]		= "_thread_db_link_map_l_tls_offset",
	[TDB_DTV_DTV]		= "_thread_db_dtv_dtv",
	[TDB_DTV_COUNTER]	= "_thread_db_dtv_t_counter",
	[TDB_DTV_POINTER]	= "_thread_db_dtv_t_pointer_val",
};

const char *rsp_tdb_symbol(int i)
{
	return i >= 0 && i < RSP_TDB_NSYMS ? tdb_syms[i] : (const char *)0;
}

void rsp_tdb_reset(struct rsp_session *s)
{
	__builtin_memset(s->tdb, 0, sizeof(s->tdb));
	s->tdb_next = 0;
}

/* Process @pid's symbols, or NULL. */
struct rsp_tdb *rsp_tdb_find(struct rsp_session *s, int pid)
{
	int i;

	for (i = 0; i < RSP_TDB_PROCS; i++)
		if (s->tdb[i].used && s->tdb[i].pid == pid)
			return &s->tdb[i];
	return (struct rsp_tdb *)0;
}

/* Is slot t free to take: unused, or its process no longer debugged? */
static int slot_free(struct rsp_session *s, const struct rsp_tdb *t)
{
	return !t->used ||
	       (s->ops->has_process && t->pid > 0 &&
		s->ops->has_process(s->target, t->pid) <= 0);
}

/*
 * A cleared slot for process @pid, never @keep: a free one, else the
 * slots are taken in turn (the oldest process forgets).
 */
static struct rsp_tdb *claim(struct rsp_session *s, int pid,
			     const struct rsp_tdb *keep)
{
	struct rsp_tdb *t = (struct rsp_tdb *)0;
	int i;

	for (i = 0; i < RSP_TDB_PROCS && !t; i++)
		if (&s->tdb[i] != keep && slot_free(s, &s->tdb[i]))
			t = &s->tdb[i];
	while (!t) {
		i = s->tdb_next;
		s->tdb_next = (u8)((i + 1) % RSP_TDB_PROCS);
		if (&s->tdb[i] != keep)
			t = &s->tdb[i];
	}
	__builtin_memset(t, 0, sizeof(*t));
	t->used = 1;
	t->pid = pid;
	return t;
}

/* Process @pid's symbols, a cleared slot if it has none yet. */
struct rsp_tdb *rsp_tdb_get(struct rsp_session *s, int pid)
{
	struct rsp_tdb *t = rsp_tdb_find(s, pid);

	return t ? t : claim(s, pid, (struct rsp_tdb *)0);
}

void rsp_tdb_forget(struct rsp_session *s, int pid)
{
	struct rsp_tdb *t = rsp_tdb_find(s, pid);

	if (t)
		__builtin_memset(t, 0, sizeof(*t));
}

/* A fork child has its parent's libraries where the parent has them. */
void rsp_tdb_forked(struct rsp_session *s, int parent, int child)
{
	struct rsp_tdb *p, *c;

	if (parent == child)
		return;
	rsp_tdb_forget(s, child);
	p = rsp_tdb_find(s, parent);
	if (!p)
		return;
	c = claim(s, child, p);
	*c = *p;
	c->pid = child;
	if (c->state == RSP_TDB_ASKING)
		c->state = RSP_TDB_NONE;	/* the exchange is the parent's */
}

/* What one lookup works with: the process's symbols and the thread. */
struct tdb_ctx {
	struct rsp_session *s;
	struct rsp_tdb *t;
	int tid;
};

static int read_le(struct tdb_ctx *c, u64 addr, u32 n, u64 *val)
{
	u8 b[8];
	u64 v = 0;
	int i;

	if (c->s->ops->read_mem(c->s->target, c->tid, addr, b, n) != (long)n)
		return -1;
	for (i = (int)n - 1; i >= 0; i--)
		v = v << 8 | b[i];
	*val = v;
	return 0;
}

/*
 * Descriptor sym, read from the process once (the values are constants
 * of the libc gdb found them in).  A size of 0 is refused, as by
 * libthread_db.
 */
static const u32 *desc(struct tdb_ctx *c, int sym)
{
	struct rsp_tdb *t = c->t;
	u64 v;
	int i;

	if (!t->known[sym])
		return (const u32 *)0;
	if (!t->desc_read[sym]) {
		for (i = 0; i < 3; i++) {
			if (read_le(c, t->addr[sym] + 4 * (u64)i, 4, &v))
				return (const u32 *)0;
			t->desc[sym][i] = (u32)v;
		}
		t->desc_read[sym] = 1;
	}
	return t->desc[sym][D_SIZE] ? t->desc[sym] : (const u32 *)0;
}

/* The address of element idx of the field sym describes, in base. */
static int field_addr(struct tdb_ctx *c, int sym, u64 base, u64 idx,
		      u64 *addr)
{
	const u32 *d = desc(c, sym);

	if (!d)
		return -1;
	/* an index beyond a known bound (libthread_db: TD_NOAPLIC) */
	if (idx && d[D_NELEM] && idx > d[D_NELEM])
		return -1;
	*addr = base + (u64)(s64)(int)d[D_OFFSET] + d[D_SIZE] / 8 * idx;
	return 0;
}

/*
 * The value of element idx of field sym of the object at base.  Only
 * fields of 8, 32 or 64 bits have a value (libthread_db's rule; larger
 * ones, as a list_t, are only located), little-endian: the byte-swapped
 * sizes of another endianness are refused.
 */
static int fetch(struct tdb_ctx *c, int sym, u64 base, u64 idx, u64 *val)
{
	u32 bits;
	u64 addr;

	if (field_addr(c, sym, base, idx, &addr))
		return -1;
	bits = c->t->desc[sym][D_SIZE];
	if (bits != 8 && bits != 32 && bits != 64)
		return -1;
	return read_le(c, addr, bits / 8, val);
}

/*
 * Where the dynamic linker's struct rtld_global is: the value of libc's
 * __nptl_rtld_global.  0 when it cannot be had: then the loader's lists
 * are plain variables, as in a static program.
 */
static u64 rtld_global(struct tdb_ctx *c)
{
	struct rsp_tdb *t = c->t;
	u64 rg;

	if (!t->known[TDB_RTLD_GLOBAL] ||
	    fetch(c, TDB_RTLD_GLOBAL_DESC, t->addr[TDB_RTLD_GLOBAL], 0, &rg))
		return 0;
	return rg;
}

/*
 * The thread library's descriptor of thread tid (struct pthread, th_unique
 * in libthread_db): the thread pointer, once the library has set up its
 * threads.  td_ta_map_lwp2thr() and td_thr_get_info(), as gdbserver's
 * find_one_thread() uses them: before the list of threads exists
 * (_dl_stack_user empty) there is no thread yet, and a descriptor whose
 * tid is another LWP's is not this thread's.
 */
static int thread_pointer(struct tdb_ctx *c, u64 rg, int pid, u64 *tp)
{
	struct rsp_tdb *t = c->t;
	u64 list, next, area, lid;
	u8 b[8];
	int regno, i;

	if (rg) {
		if (field_addr(c, TDB_RG_STACK_USER, rg, 0, &list))
			return -1;
	} else if (t->known[TDB_STACK_USER]) {
		list = t->addr[TDB_STACK_USER];
	} else {
		return -1;
	}
	if (fetch(c, TDB_LIST_NEXT, list, 0, &next) || !next)
		return -1;
	/* how to find th_unique: x86-64 names the thread area register */
	if (!t->known[TDB_THREAD_AREA] ||
	    read_le(c, t->addr[TDB_THREAD_AREA], 4, &area))
		return -1;
	if (area == REG_FS)
		regno = RSP_AMD64_FS_BASE;
	else if (area == REG_GS)
		regno = RSP_AMD64_GS_BASE;
	else
		return -1;
	if (c->s->ops->read_reg(c->s->target, c->tid, regno, b) != 8)
		return -1;
	for (*tp = 0, i = 7; i >= 0; i--)
		*tp = *tp << 8 | b[i];
	if (!*tp || fetch(c, TDB_PTHREAD_TID, *tp, 0, &lid))
		return -1;
	/* a tid of 0: the initial thread before it was filled in */
	if ((u32)lid == 0)
		lid = (u64)pid;
	return (int)(u32)lid == c->tid ? 0 : -1;
}

/* The dtv_slotinfo entry of module modid (dtv_slotinfo() in nptl_db). */
static int slotinfo(struct tdb_ctx *c, u64 rg, u64 modid, u64 *entry)
{
	struct rsp_tdb *t = c->t;
	u64 slot, len, base = 0;
	int i;

	if (rg) {
		if (fetch(c, TDB_RG_SLOTINFO, rg, 0, &slot))
			return -1;
	} else if (!t->known[TDB_SLOTINFO] ||
		   fetch(c, TDB_SLOTINFO_DESC, t->addr[TDB_SLOTINFO], 0,
			 &slot)) {
		return -1;
	}
	for (i = 0; slot && i < MAX_SLOTINFO_LISTS; i++) {
		if (fetch(c, TDB_SL_LEN, slot, 0, &len))
			return -1;
		if (modid < base + len)
			return field_addr(c, TDB_SL_SLOTINFO, slot,
					  modid - base, entry);
		base += len;
		if (fetch(c, TDB_SL_NEXT, slot, 0, &slot))
			return -1;
	}
	return -1;
}

/* The module's block in the static TLS area, if it has one. */
static int static_block(struct tdb_ctx *c, u64 map, u64 tp, u64 *base)
{
	u64 off;

	if (fetch(c, TDB_LM_OFFSET, map, 0, &off) || off == NO_TLS_OFFSET ||
	    off == FORCED_DYNAMIC_TLS_OFFSET)
		return -1;	/* TD_TLSDEFER: not allocated for it */
	*base = tp - off;
	return 0;
}

/* td_thr_tlsbase(): the start of module modid's TLS block in thread tp. */
static int tls_base(struct tdb_ctx *c, u64 rg, u64 tp, u64 modid, u64 *base)
{
	u64 entry, map, modgen, dtv, genloc, dtvgen, slot, ptr;

	if (modid < 1 || slotinfo(c, rg, modid, &entry) ||
	    fetch(c, TDB_SI_MAP, entry, 0, &map) || !map ||
	    fetch(c, TDB_SI_GEN, entry, 0, &modgen) ||
	    fetch(c, TDB_PTHREAD_DTVP, tp, 0, &dtv) ||
	    field_addr(c, TDB_DTV_DTV, dtv, 0, &genloc) ||
	    fetch(c, TDB_DTV_COUNTER, genloc, 0, &dtvgen))
		return -1;
	/* the thread's DTV is older than the module: only static TLS */
	if (dtvgen < modgen)
		return static_block(c, map, tp, base);
	if (field_addr(c, TDB_DTV_DTV, dtv, modid, &slot) ||
	    fetch(c, TDB_DTV_POINTER, slot, 0, &ptr))
		return -1;
	if (ptr & 1)
		return static_block(c, map, tp, base);
	*base = ptr;
	return 0;
}

/*
 * td_thr_tls_get_addr(): the address of the variable at offset in the
 * TLS block of the module whose link_map is lm, in thread tid of process
 * pid, with that process's symbols t.  lm 0 is the program itself when it is static (module 1, as
 * gdbserver takes it).  0, or -1 for any failure.
 */
int rsp_tdb_tls_address(struct rsp_session *s, struct rsp_tdb *t, int pid,
			int tid, u64 offset, u64 lm, u64 *addr)
{
	struct tdb_ctx c = { .s = s, .t = t, .tid = tid };
	u64 rg, tp, modid = 1, base;

	if (t->state != RSP_TDB_LOADED || !s->ops->read_mem ||
	    !s->ops->read_reg)
		return -1;
	rg = rtld_global(&c);
	if (thread_pointer(&c, rg, pid, &tp))
		return -1;
	if (lm && fetch(&c, TDB_LM_MODID, lm, 0, &modid))
		return -1;
	if (tls_base(&c, rg, tp, modid, &base))
		return -1;
	*addr = base + offset;
	return 0;
}
