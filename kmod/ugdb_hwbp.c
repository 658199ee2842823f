// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_hwbp.c - hardware breakpoints (Z1) and write / access watchpoints
 * (Z2 / Z4) in the x86 debug registers, through the kernel's perf
 * hw_breakpoint API, on every thread of the debugged process.
 *
 * What gdb asked for is kept as it was sent (sess->hw_reqs); from it the
 * four debug registers are worked out the way gdbserver's x86 code does:
 * a watched range is split into naturally aligned pieces of 1, 2, 4 or 8
 * bytes, the largest that fit at each address, and requests that need the
 * same piece share one register.  A request that would need a fifth
 * register is refused and nothing changes.  Z3 (read watchpoints) is not
 * supported, as with gdbserver: x86 cannot watch reads alone, and gdb
 * then emulates rwatch with an access watchpoint and a value check.
 *
 * Each thread carries its own perf events for the registers (a debug
 * register is per task).  gdb changes them only while every thread is
 * stopped (all-stop), and they are set on each thread then; a thread born
 * later catches up in its first report_quiesce, which comes before it
 * first runs in user mode (sess->hw_gen tells it is behind).
 *
 * A hit: the kernel calls ugdb_hw_triggered() in the task's debug trap;
 * the kernel sends no SIGTRAP for a breakpoint registered this way.  The
 * handler notes which register hit and reports the trap through the
 * engine layer, whose report_trap (ugdb_engine.c) stops the thread.
 */
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <linux/sched/task.h>

#include "ugdb.h"

/* A debug register's type for a Z packet type; 0: not supported. */
static u8 dr_type(int ztype)
{
	switch (ztype) {
	case 1:
		return HW_BREAKPOINT_X;
	case 2:
		return HW_BREAKPOINT_W;
	case 4:
		return HW_BREAKPOINT_RW;
	}
	return 0;
}

/* Add one aligned piece to @drs (shared if already there). */
static int add_dr(struct ugdb_dr *drs, u64 addr, u8 len, u8 type)
{
	int i;

	for (i = 0; i < UGDB_NR_DR; i++)
		if (drs[i].len == len && drs[i].addr == addr &&
		    drs[i].type == type)
			return 0;
	for (i = 0; i < UGDB_NR_DR; i++) {
		if (!drs[i].len) {
			drs[i].addr = addr;
			drs[i].len = len;
			drs[i].type = type;
			return 0;
		}
	}
	return -ENOSPC;
}

/*
 * The pieces of [addr, addr + len): at each address the largest of 8, 4,
 * 2, 1 that is no longer than what is left and that the address is
 * aligned to.  An instruction breakpoint is one register whatever its
 * length (x86 executes at a single address).
 */
static int add_req(struct ugdb_dr *drs, const struct ugdb_hw_req *r)
{
	u8 type = dr_type(r->type);
	u64 addr = r->addr, left = (u32)r->kind;
	int ret;

	if (type == HW_BREAKPOINT_X)
		return add_dr(drs, addr, sizeof(long), type);
	while (left) {
		u8 size = 8;

		while (size > left || (addr & (size - 1)))
			size >>= 1;
		ret = add_dr(drs, addr, size, type);
		if (ret)
			return ret;
		addr += size;
		left -= size;
	}
	return 0;
}

/* The registers the requests need, or -ENOSPC if more than four. */
static int compute_drs(const struct ugdb_hw_req *reqs, int n,
		       struct ugdb_dr *drs)
{
	int i, ret;

	memset(drs, 0, sizeof(*drs) * UGDB_NR_DR);
	for (i = 0; i < n; i++) {
		ret = add_req(drs, &reqs[i]);
		if (ret)
			return ret;
	}
	return 0;
}

static void ugdb_hw_triggered(struct perf_event *bp,
			      struct perf_sample_data *data,
			      struct pt_regs *regs)
{
	struct ugdb_thread *t = bp->overflow_handler_context;
	unsigned long flags;

	raw_spin_lock_irqsave(&t->sess->lock, flags);
	t->hw_hit = true;
	t->hw_hit_exec = bp->attr.bp_type == HW_BREAKPOINT_X;
	t->hw_hit_addr = bp->attr.bp_addr;
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	utrace_report_hw_breakpoint(regs, 0);
}

/* Called by report_trap: the hit the handler noted, if any (taken). */
bool ugdb_hw_take_hit(struct ugdb_thread *t, bool *exec, u64 *addr)
{
	unsigned long flags;
	bool hit;

	raw_spin_lock_irqsave(&t->sess->lock, flags);
	hit = t->hw_hit;
	*exec = t->hw_hit_exec;
	*addr = t->hw_hit_addr;
	t->hw_hit = false;
	raw_spin_unlock_irqrestore(&t->sess->lock, flags);
	return hit;
}

static bool bp_is(struct perf_event *bp, const struct ugdb_dr *dr)
{
	return bp->attr.bp_addr == dr->addr && bp->attr.bp_len == dr->len &&
	       bp->attr.bp_type == dr->type;
}

/* Set register @i of @t as @dr says; under t->hw_mutex. */
static int set_thread_dr(struct ugdb_thread *t, int i,
			 const struct ugdb_dr *dr)
{
	struct perf_event *bp = t->hw_bp[i];
	struct perf_event_attr attr;

	if (!dr->len) {
		if (bp)
			unregister_hw_breakpoint(bp);
		t->hw_bp[i] = NULL;
		return 0;
	}
	if (bp && bp_is(bp, dr))
		return 0;
	ptrace_breakpoint_init(&attr);	/* user mode only, every hit */
	attr.bp_addr = dr->addr;
	attr.bp_len = dr->len;
	attr.bp_type = dr->type;
	if (bp) {
		attr.disabled = 0;
		if (!modify_user_hw_breakpoint(bp, &attr))
			return 0;
		/* could not be changed: start afresh */
		unregister_hw_breakpoint(bp);
		t->hw_bp[i] = NULL;
	}
	bp = register_user_hw_breakpoint(&attr, ugdb_hw_triggered, t,
					 t->task);
	if (IS_ERR(bp))
		return PTR_ERR(bp);
	t->hw_bp[i] = bp;
	return 0;
}

/*
 * Bring @t's registers up to sess->drs.  Called for a stopped thread by
 * gdb's side, or by the thread itself in report_quiesce.  Returns the
 * first error (the thread keeps what could be set).
 */
static int sync_thread(struct ugdb_session *sess, struct ugdb_thread *t)
{
	struct ugdb_dr want[UGDB_NR_DR];
	unsigned long flags;
	unsigned int gen;
	int i, err, ret = 0;

	raw_spin_lock_irqsave(&sess->lock, flags);
	memcpy(want, sess->drs, sizeof(want));
	gen = sess->hw_gen;
	raw_spin_unlock_irqrestore(&sess->lock, flags);

	mutex_lock(&t->hw_mutex);
	/*
	 * compute_drs() fills the registers from the first on, so a slot
	 * that gains an event never waits for a later one to free it: a
	 * thread never holds more than four.
	 */
	for (i = 0; i < UGDB_NR_DR; i++) {
		err = set_thread_dr(t, i, &want[i]);
		if (err && !ret)
			ret = err;
	}
	t->hw_gen = gen;
	mutex_unlock(&t->hw_mutex);
	return ret;
}

void ugdb_hw_sync_thread(struct ugdb_session *sess, struct ugdb_thread *t)
{
	int err = sync_thread(sess, t);

	if (err && err != -ESRCH)
		pr_warn_ratelimited("ugdb: thread %d: debug registers not set: %d\n",
				    t->tid, err);
}

/* Publish @drs and set them on every live thread. */
static int apply_drs(struct ugdb_session *sess, const struct ugdb_dr *drs)
{
	struct ugdb_thread *t;
	unsigned long flags;
	int err, ret = 0;

	raw_spin_lock_irqsave(&sess->lock, flags);
	memcpy(sess->drs, drs, sizeof(sess->drs));
	sess->hw_gen++;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	list_for_each_entry(t, &sess->threads, node) {
		if (t->exited)
			continue;
		err = sync_thread(sess, t);
		/* a thread exiting meanwhile needs nothing */
		if (err && err != -ESRCH && !ret)
			ret = err;
	}
	return ret;
}

static int find_req(struct ugdb_session *sess, int type, u64 addr,
		    int kind)
{
	int i;

	for (i = 0; i < sess->nr_hw_reqs; i++)
		if (sess->hw_reqs[i].type == type &&
		    sess->hw_reqs[i].addr == addr &&
		    sess->hw_reqs[i].kind == kind)
			return i;
	return -1;
}

/* Recompute and set the registers; on failure the last request goes. */
static int commit_reqs(struct ugdb_session *sess, bool undo_last)
{
	struct ugdb_dr drs[UGDB_NR_DR];
	int ret;

	ret = compute_drs(sess->hw_reqs, sess->nr_hw_reqs, drs);
	if (!ret)
		ret = apply_drs(sess, drs);
	if (ret && undo_last) {
		sess->nr_hw_reqs--;
		if (!compute_drs(sess->hw_reqs, sess->nr_hw_reqs, drs))
			apply_drs(sess, drs);
	}
	return ret;
}

int ugdb_hw_insert(struct ugdb_session *sess, int type, u64 addr, int kind)
{
	struct ugdb_hw_req *r;
	u64 len;

	if (!dr_type(type))
		return -EOPNOTSUPP;
	if (!sess->pid || !ugdb_find_thread(sess, 0))
		return -ESRCH;
	if (kind < 0)
		return -EINVAL;
	len = type == 1 ? 1 : (u32)kind;
	if (addr + len < addr || addr + len > TASK_SIZE_MAX)
		return -EINVAL;
	/* the same one again: gdb counts, the registers do not change */
	if (find_req(sess, type, addr, kind) >= 0)
		return 0;
	if (sess->nr_hw_reqs == UGDB_MAX_HW)
		return -ENOSPC;
	r = &sess->hw_reqs[sess->nr_hw_reqs++];
	r->type = type;
	r->addr = addr;
	r->kind = kind;
	return commit_reqs(sess, true);
}

int ugdb_hw_remove(struct ugdb_session *sess, int type, u64 addr, int kind)
{
	int i;

	if (!dr_type(type))
		return -EOPNOTSUPP;
	if (!sess->pid)
		return -ESRCH;
	i = find_req(sess, type, addr, kind);
	if (i < 0)
		return -ENOENT;
	sess->hw_reqs[i] = sess->hw_reqs[--sess->nr_hw_reqs];
	return commit_reqs(sess, false);
}

/* Forget every request and clear the registers of every thread. */
void ugdb_hw_clear(struct ugdb_session *sess)
{
	static const struct ugdb_dr none[UGDB_NR_DR];

	if (!sess->nr_hw_reqs && !sess->hw_gen)
		return;
	sess->nr_hw_reqs = 0;
	apply_drs(sess, none);
}

/* Before @t is freed: its perf events go (the task may still run). */
void ugdb_hw_release_thread(struct ugdb_thread *t)
{
	int i;

	mutex_lock(&t->hw_mutex);
	for (i = 0; i < UGDB_NR_DR; i++) {
		if (t->hw_bp[i])
			unregister_hw_breakpoint(t->hw_bp[i]);
		t->hw_bp[i] = NULL;
	}
	mutex_unlock(&t->hw_mutex);
}
