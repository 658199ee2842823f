// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_regs.c - a stopped task's registers, by register id
 * (protocol/rsp_amd64.h), through the regsets ptrace and core dumps use:
 * NT_PRSTATUS (struct user_regs_struct), NT_PRFPREG (the 512-byte fxsave
 * image) and, for what XSAVE added (AVX, MPX, AVX-512, PKRU),
 * NT_X86_XSTATE: the whole XSAVE area in the standard (non-compacted)
 * format whatever the kernel keeps, each component at the offset CPUID
 * leaf 0xd gives.
 *
 * Which of those the session describes to gdb is gdbserver's choice:
 * from XCR0 (the components the kernel enabled; gdbserver reads the same
 * mask from the xstate regset's software-reserved bytes).
 *
 * The task must be stopped and off its CPU (utrace_prepare_examine): its
 * user registers are then in pt_regs and its FPU state in memory.
 */
#include <linux/elf.h>
#include <linux/mm.h>
#include <linux/regset.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/cpufeature.h>
#include <asm/fpu/types.h>
#include <asm/fpu/xcr.h>
#include <asm/processor.h>
#include <asm/user.h>

#include "ugdb.h"

/* gdb regnum 0..23 and 57..59 -> slot in struct user_regs_struct */
#define UREG(f)	(offsetof(struct user_regs_struct, f) / sizeof(unsigned long))
static const unsigned char gp_slot[24] = {
	UREG(ax), UREG(bx), UREG(cx), UREG(dx), UREG(si), UREG(di),
	UREG(bp), UREG(sp), UREG(r8), UREG(r9), UREG(r10), UREG(r11),
	UREG(r12), UREG(r13), UREG(r14), UREG(r15), UREG(ip), UREG(flags),
	UREG(cs), UREG(ss), UREG(ds), UREG(es), UREG(fs), UREG(gs),
};

#define REG_RIP		16
#define REG_EFLAGS	17
#define REG_GS		23
#define REG_ST0		24
#define REG_FCTRL	32
#define REG_FOP		39
#define REG_XMM0	40
#define REG_MXCSR	56
#define REG_ORIG_RAX	57
#define REG_FS_BASE	58
#define REG_GS_BASE	59

/* The XSAVE header: xstate_bv, the components not in their init state. */
#define XSAVE_HDR_OFF	512
#define XSAVE_STD_MIN	576	/* legacy area + header */

static const struct user_regset *find_regset(struct task_struct *task,
					     unsigned int note)
{
	const struct user_regset_view *view = task_user_regset_view(task);
	unsigned int i;

	for (i = 0; i < view->n; i++)
		if (view->regsets[i].core_note_type == note)
			return &view->regsets[i];
	return NULL;
}

/*
 * The task's user registers live on its kernel stack: it must not leave
 * its stop (and die, freeing the stack) while we use them.  A stopped
 * task is held by the layer (utrace_examine_begin()).  A vfork parent
 * asleep in vfork() (ugdb_examine()) cannot return to user mode, and is
 * not held: only SIGKILL would end its sleep.
 * Returns 0 (held: regset_let_go() after), 1 (not held) or -errno.
 */
static int regset_hold(struct task_struct *task)
{
	int ret = utrace_examine_begin(task);

	if (ret != -EAGAIN)
		return ret;
	if (READ_ONCE(task->__state) == TASK_RUNNING ||
	    (READ_ONCE(task->flags) & PF_EXITING))
		return -EAGAIN;
	return 1;
}

static void regset_let_go(struct task_struct *task, int held)
{
	if (!held)
		utrace_examine_end(task);
}

static int get_regset(struct task_struct *task, unsigned int note,
		      void *buf, unsigned int size)
{
	const struct user_regset *rs = find_regset(task, note);
	int ret, held;

	if (!rs)
		return -EIO;
	held = regset_hold(task);
	if (held < 0)
		return held;
	ret = regset_get(task, rs, size, buf);
	regset_let_go(task, held);
	return ret < 0 ? ret : 0;
}

static int set_regset(struct task_struct *task, unsigned int note,
		      const void *buf, unsigned int size)
{
	const struct user_regset *rs = find_regset(task, note);
	int ret, held;

	if (!rs || !rs->set)
		return -EIO;
	held = regset_hold(task);
	if (held < 0)
		return held;
	ret = rs->set(task, rs, 0, size, buf, NULL);
	regset_let_go(task, held);
	return ret;
}

/* Where gdb register @regno lives: a GP slot, or an fxsave offset. */
static int reg_place(int regno, bool *gp, unsigned int *off)
{
	*gp = true;
	if (regno >= 0 && regno < 24) {
		*off = gp_slot[regno];
		return (regno >= REG_EFLAGS) ? 4 : 8;
	}
	if (regno == REG_ORIG_RAX) {
		*off = UREG(orig_ax);
		return 8;
	}
	if (regno == REG_FS_BASE || regno == REG_GS_BASE) {
		*off = regno == REG_FS_BASE ? UREG(fs_base) : UREG(gs_base);
		return 8;
	}
	*gp = false;
	if (regno >= REG_ST0 && regno < REG_FCTRL) {
		*off = offsetof(struct user_i387_struct, st_space) +
		       (regno - REG_ST0) * 16;
		return 10;
	}
	if (regno >= REG_XMM0 && regno < REG_MXCSR) {
		*off = offsetof(struct user_i387_struct, xmm_space) +
		       (regno - REG_XMM0) * 16;
		return 16;
	}
	if (regno == REG_MXCSR) {
		*off = offsetof(struct user_i387_struct, mxcsr);
		return 4;
	}
	if (regno >= REG_FCTRL && regno <= REG_FOP)
		return 4;	/* the x87 control registers, below */
	return -ENOENT;
}

/*
 * gdb's ftag is the full x87 tag word; fxsave keeps one "not empty" bit
 * per register.  Rebuild the two-bit tags from the register contents.
 */
static u32 full_ftag(const struct user_i387_struct *fx)
{
	unsigned int top = (fx->swd >> 11) & 7, i;
	u32 tag = 0;

	for (i = 0; i < 8; i++) {
		const u8 *st = (const u8 *)fx->st_space +
			       ((i - top) & 7) * 16;
		u16 exp = st[8] | (st[9] << 8);
		u64 mant;
		u32 t;

		memcpy(&mant, st, 8);
		if (!(fx->twd & (1 << i)))
			t = 3;				/* empty */
		else if ((exp & 0x7fff) == 0x7fff)
			t = 2;				/* NaN, infinity */
		else if ((exp & 0x7fff) == 0)
			t = mant ? 2 : 1;		/* denormal / zero */
		else
			t = (mant >> 63) ? 0 : 2;	/* valid / unnormal */
		tag |= t << (2 * i);
	}
	return tag;
}

static u32 x87_ctl_get(const struct user_i387_struct *fx, int regno)
{
	const u32 *w = (const u32 *)fx;

	switch (regno - REG_FCTRL) {
	case 0: return fx->cwd;
	case 1: return fx->swd;
	case 2: return full_ftag(fx);
	case 3: return w[3] & 0xffff;		/* fiseg: rip bits 32.. */
	case 4: return w[2];			/* fioff */
	case 5: return w[5] & 0xffff;		/* foseg */
	case 6: return w[4];			/* fooff */
	default: return fx->fop & 0x7ff;	/* fop */
	}
}

static void x87_ctl_set(struct user_i387_struct *fx, int regno, u32 v)
{
	u32 *w = (u32 *)fx;
	unsigned int i;

	switch (regno - REG_FCTRL) {
	case 0:
		fx->cwd = v;
		break;
	case 1:
		fx->swd = v;
		break;
	case 2:	/* back to one bit per register: empty or not */
		fx->twd = 0;
		for (i = 0; i < 8; i++)
			if (((v >> (2 * i)) & 3) != 3)
				fx->twd |= 1 << i;
		break;
	case 3:
		w[3] = (w[3] & ~0xffffu) | (v & 0xffff);
		break;
	case 4:
		w[2] = v;
		break;
	case 5:
		w[5] = (w[5] & ~0xffffu) | (v & 0xffff);
		break;
	case 6:
		w[4] = v;
		break;
	default:
		fx->fop = v & 0x7ff;
		break;
	}
}

/*
 * gdb reads registers one by one (all of the description's for a 'g'),
 * each regset fetch copies a whole set: keep the sets of the thread last
 * looked at (general, fxsave, and the XSAVE image below) until it runs
 * again (ugdb_regcache_drop) or another is looked at.
 */
static int cached_set(struct ugdb_regcache *rc, struct task_struct *task,
		      bool gp, void **set)
{
	int ret;

	if (rc->task != task) {
		ugdb_regcache_drop(rc);
		rc->task = task;
	}
	if (gp && !rc->gp_valid) {
		ret = get_regset(task, NT_PRSTATUS, &rc->gp, sizeof(rc->gp));
		if (ret)
			return ret;
		rc->gp_valid = true;
	}
	if (!gp && !rc->fx_valid) {
		ret = get_regset(task, NT_PRFPREG, &rc->fx, sizeof(rc->fx));
		if (ret)
			return ret;
		rc->fx_valid = true;
	}
	*set = gp ? (void *)&rc->gp : (void *)&rc->fx;
	return 0;
}

void ugdb_regcache_drop(struct ugdb_regcache *rc)
{
	rc->task = NULL;
	rc->gp_valid = false;
	rc->fx_valid = false;
	rc->xs_valid = false;
}

/*
 * At session start: the XSAVE components in use (XCR0) and where each is
 * in the standard format; returns the register features to describe.
 * Without XSAVE, ptrace has no xstate regset and gdbserver describes
 * x87 and SSE only: so do we.
 */
u32 ugdb_regcache_init(struct ugdb_regcache *rc)
{
	unsigned int i, size, off, ecx, edx;

	rc->xcr0 = 0;
	if (boot_cpu_has(X86_FEATURE_XSAVE) &&
	    boot_cpu_has(X86_FEATURE_OSXSAVE))
		rc->xcr0 = xgetbv(XCR_XFEATURE_ENABLED_MASK);
	for (i = 2; i < UGDB_XCOMP_MAX; i++) {
		rc->xoff[i] = 0;
		rc->xlen[i] = 0;
		if (!(rc->xcr0 & BIT_ULL(i)))
			continue;
		cpuid_count(0xd, i, &size, &off, &ecx, &edx);
		if (off < XSAVE_STD_MIN || off + size > U16_MAX)
			continue;	/* not a user component we know */
		rc->xoff[i] = off;
		rc->xlen[i] = size;
	}
	return rsp_amd64_features_from_xcr0(rc->xcr0);
}

void ugdb_regcache_free(struct ugdb_regcache *rc)
{
	ugdb_regcache_drop(rc);
	kvfree(rc->xs);
	rc->xs = NULL;
	rc->xs_size = 0;
}

/*
 * The XSAVE image of @task, fetched once per stop like the other sets
 * (the buffer is the regset's full size: a write must give all of it).
 */
static int cached_xstate(struct ugdb_regcache *rc, struct task_struct *task)
{
	const struct user_regset *rs = find_regset(task, NT_X86_XSTATE);
	unsigned int size;
	int ret, held;

	if (rc->task != task) {
		ugdb_regcache_drop(rc);
		rc->task = task;
	}
	if (rc->xs_valid)
		return 0;
	if (!rs || !rs->regset_get)
		return -EIO;
	size = rs->n * rs->size;
	if (size < XSAVE_STD_MIN)
		return -EIO;
	if (size != rc->xs_size) {
		kvfree(rc->xs);
		rc->xs_size = 0;
		rc->xs = kvzalloc(size, GFP_KERNEL_ACCOUNT);
		if (!rc->xs)
			return -ENOMEM;
		rc->xs_size = size;
	}
	held = regset_hold(task);
	if (held < 0)
		return held;
	ret = regset_get(task, rs, size, rc->xs);
	regset_let_go(task, held);
	if (ret < 0)
		return ret;
	/*
	 * The kernel keeps PKRU in the thread (loaded at context switch),
	 * not in the XSAVE buffer, whose PKRU bit can be clear while PKRU
	 * is not 0 (right after an exec it holds the kernel's default).
	 * The image then has zeros there, and writing it back would set
	 * PKRU to 0 (as gdbserver 13 does): put the thread's value in.
	 */
	if (rc->xoff[XFEATURE_PKRU] &&
	    rc->xoff[XFEATURE_PKRU] + sizeof(u32) <= size) {
		u32 pkru = READ_ONCE(task->thread.pkru);

		memcpy(rc->xs + rc->xoff[XFEATURE_PKRU], &pkru, sizeof(pkru));
	}
	rc->xs_valid = true;
	return 0;
}

/*
 * Where XSAVE register @r is in the image.  A component the CPU does not
 * use, or too small for the register, is -EIO (gdb shows "xx").
 */
static int xstate_locate(struct ugdb_regcache *rc, struct task_struct *task,
			 const struct rsp_reg_desc *r, u8 **p)
{
	unsigned int c = r->xcomp;
	int ret;

	if (c >= UGDB_XCOMP_MAX || !rc->xoff[c] ||
	    r->src_off + r->size > rc->xlen[c])
		return -EIO;
	ret = cached_xstate(rc, task);
	if (ret)
		return ret;
	if (rc->xoff[c] + rc->xlen[c] > rc->xs_size)
		return -EIO;
	*p = rc->xs + rc->xoff[c] + r->src_off;
	return 0;
}

/*
 * The image the regset gives has every component in place: those in
 * their init state (clear in the header's xstate_bv) hold their init
 * values (zeros), and PKRU the thread's value (cached_xstate).
 */
static int xstate_read(struct ugdb_regcache *rc, struct task_struct *task,
		       const struct rsp_reg_desc *r, u8 *buf)
{
	u8 *p;
	int ret;

	ret = xstate_locate(rc, task, r, &p);
	if (ret)
		return ret;
	memcpy(buf, p, r->size);
	return r->size;
}

/*
 * The kernel takes from a written image only the components whose
 * xstate_bv bit is set and puts the others in their init state, PKRU
 * included (0: every protection key open).  So the written register's
 * component gets its bit, and so does PKRU, whose place holds the
 * thread's value: writing a ymm register must not reset PKRU (as each
 * register write of gdbserver 13 does while the bit is clear).  A value
 * that does not change is not written at all (G writes back everything
 * gdb read).
 */
static int xstate_write(struct ugdb_regcache *rc, struct task_struct *task,
			const struct rsp_reg_desc *r, const u8 *buf)
{
	u64 bv, set = BIT_ULL(r->xcomp);
	u8 *p;
	int ret;

	ret = xstate_locate(rc, task, r, &p);
	if (ret)
		return ret;
	if (!memcmp(p, buf, r->size))
		return r->size;
	if (rc->xoff[XFEATURE_PKRU])
		set |= XFEATURE_MASK_PKRU;
	memcpy(&bv, rc->xs + XSAVE_HDR_OFF, sizeof(bv));
	bv |= set;
	memcpy(rc->xs + XSAVE_HDR_OFF, &bv, sizeof(bv));
	memcpy(p, buf, r->size);
	ret = set_regset(task, NT_X86_XSTATE, rc->xs, rc->xs_size);
	/* the kernel may have adjusted what we wrote: fetch it again */
	ugdb_regcache_drop(rc);
	return ret ? ret : r->size;
}

/*
 * Find register @regno of @task: its size, and its place in the cached
 * set holding it (@set, @off; @gp: which set).
 */
static int reg_locate(struct ugdb_regcache *rc, struct task_struct *task,
		      int regno, void **set, unsigned int *off, bool *gp)
{
	int size, ret;

	size = reg_place(regno, gp, off);
	if (size < 0)
		return size;
	ret = cached_set(rc, task, *gp, set);
	return ret ? ret : size;
}

int ugdb_read_reg(struct ugdb_regcache *rc, struct task_struct *task,
		  int regno, u8 *buf)
{
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);
	unsigned int off;
	bool is_gp;
	void *set;
	int size;

	if (r && r->src == RSP_SRC_XSTATE)
		return xstate_read(rc, task, r, buf);

	size = reg_locate(rc, task, regno, &set, &off, &is_gp);
	if (size < 0)
		return size;
	if (is_gp) {
		memcpy(buf, (unsigned long *)set + off, size);
	} else if (regno >= REG_FCTRL && regno <= REG_FOP) {
		u32 v = x87_ctl_get(set, regno);

		memcpy(buf, &v, 4);
	} else {
		memcpy(buf, (u8 *)set + off, size);
	}
	return size;
}

int ugdb_write_reg(struct ugdb_regcache *rc, struct task_struct *task,
		   int regno, const u8 *buf)
{
	const struct rsp_reg_desc *r = rsp_amd64_reg(regno);
	unsigned long val = 0;
	unsigned int off;
	bool is_gp;
	void *set;
	int size, ret;

	if (r && r->src == RSP_SRC_XSTATE)
		return xstate_write(rc, task, r, buf);

	size = reg_locate(rc, task, regno, &set, &off, &is_gp);
	if (size < 0)
		return size;
	if (is_gp) {
		memcpy(&val, buf, size);
		((unsigned long *)set)[off] = val;
		ret = set_regset(task, NT_PRSTATUS, set, sizeof(rc->gp));
	} else {
		if (regno >= REG_FCTRL && regno <= REG_FOP) {
			u32 v;

			memcpy(&v, buf, 4);
			x87_ctl_set(set, regno, v);
		} else {
			memcpy((u8 *)set + off, buf, size);
		}
		ret = set_regset(task, NT_PRFPREG, set, sizeof(rc->fx));
	}
	/* the kernel may have adjusted what we wrote: fetch it again */
	ugdb_regcache_drop(rc);
	return ret ? ret : size;
}
