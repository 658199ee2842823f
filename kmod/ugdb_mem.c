// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_mem.c - the debugged process's memory, and the software
 * breakpoints (int3) the stub places in it.
 *
 * Memory goes through access_process_vm() with FOLL_FORCE, as ptrace
 * does, so read-only text can be patched.  Breakpoints are the stub's own:
 * gdb never sees the 0xcc bytes (reads show the saved original byte) and
 * a write over a breakpoint updates the saved byte and keeps the int3.
 */
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/string.h>

#include "ugdb.h"

#define INT3	0xcc

/*
 * @sess's access to @task's memory, or the task's own (@sess NULL: a
 * fork child cleaning its copy).  The session's goes by ptrace's rule
 * (ugdb_mm_allowed()) for the mm the task has at that moment: the
 * task's exec_update_lock keeps an exec from swapping it in between.
 * @own: putting back a byte under the stub's int3 in that mm, which is
 * allowed whatever the rule says now: memory is left as it was.
 */
static long mm_access_as(struct ugdb_session *sess, struct task_struct *task,
			 const struct mm_struct *own, u64 addr, void *buf,
			 u32 len, unsigned int gup)
{
	struct mm_struct *mm;
	long n = 0;

	if (!len)
		return 0;
	if (addr + len < addr || addr >= TASK_SIZE_MAX)
		return -EIO;
	if (!sess) {
		n = access_process_vm(task, addr, buf, len, FOLL_FORCE | gup);
		return n > 0 ? n : -EIO;
	}
	/*
	 * A restore waits whatever signal is pending: it runs when a killed
	 * relay's session ends, too.  An exec holds the lock briefly.
	 */
	if (own)
		down_read(&task->signal->exec_update_lock);
	else if (down_read_killable(&task->signal->exec_update_lock))
		return -EINTR;
	mm = get_task_mm(task);
	if (mm && (own ? mm == own : ugdb_mm_allowed(sess, mm)))
		n = access_process_vm(task, addr, buf, len, FOLL_FORCE | gup);
	up_read(&task->signal->exec_update_lock);
	if (mm)
		mmput(mm);
	return n > 0 ? n : -EIO;
}

static long raw_access(struct ugdb_session *sess, struct task_struct *task,
		       u64 addr, void *buf, u32 len, unsigned int gup)
{
	return mm_access_as(sess, task, NULL, addr, buf, len, gup);
}

static int bp_index(struct ugdb_bptab *tab, u64 addr)
{
	int i;

	for (i = 0; i < tab->nr; i++)
		if (tab->bps[i].addr == addr)
			return i;
	return -1;
}

long ugdb_read_mem(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr, u8 *buf, u32 len)
{
	long n = raw_access(sess, task, addr, buf, len, 0);
	unsigned long flags;
	int i;

	if (n <= 0)
		return n;
	raw_spin_lock_irqsave(&sess->lock, flags);
	for (i = 0; i < tab->nr; i++) {
		u64 a = tab->bps[i].addr;

		if (a >= addr && a < addr + n)
			buf[a - addr] = tab->bps[i].orig;
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return n;
}

long ugdb_write_mem(struct ugdb_session *sess, struct ugdb_bptab *tab,
		    struct task_struct *task, u64 addr, const u8 *buf,
		    u32 len)
{
	u32 done = 0;

	/*
	 * Write in pieces around breakpoints: the bytes under them go to
	 * the saved copy, the int3 stays in memory.
	 */
	while (done < len) {
		u64 a = addr + done;
		int i = bp_index(tab, a);
		u32 chunk = 1;
		long n;

		if (i >= 0) {
			unsigned long flags;

			raw_spin_lock_irqsave(&sess->lock, flags);
			tab->bps[i].orig = buf[done];
			raw_spin_unlock_irqrestore(&sess->lock, flags);
			done++;
			continue;
		}
		while (done + chunk < len && bp_index(tab, a + chunk) < 0)
			chunk++;
		n = raw_access(sess, task, a, (void *)(buf + done), chunk,
			       FOLL_WRITE);
		if (n < 0)
			return done ? done : n;
		done += n;
		if (n < chunk)
			break;
	}
	return done;
}

bool ugdb_is_bp(struct ugdb_session *sess, struct mm_struct *mm, u64 addr)
{
	struct ugdb_process *p;
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&sess->lock, flags);
	list_for_each_entry(p, &sess->procs, node) {
		if (p->bp.mm == mm && bp_index(&p->bp, addr) >= 0) {
			found = true;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return found;
}

int ugdb_insert_bp(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr)
{
	struct mm_struct *mm;
	unsigned long flags;
	u8 orig, int3 = INT3;
	long n;

	if (bp_index(tab, addr) >= 0)
		return 0;
	if (tab->nr == RSP_MAX_BREAKPOINTS)
		return -ENOSPC;
	n = raw_access(sess, task, addr, &orig, 1, 0);
	if (n < 0)
		return n;
	mm = get_task_mm(task);
	if (!mm)
		return -ESRCH;
	/* record first: a thread may hit it the moment it is written */
	raw_spin_lock_irqsave(&sess->lock, flags);
	tab->mm = mm;
	tab->bps[tab->nr].addr = addr;
	tab->bps[tab->nr].orig = orig;
	tab->nr++;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	mmput(mm);
	n = raw_access(sess, task, addr, &int3, 1, FOLL_WRITE);
	if (n < 0) {
		raw_spin_lock_irqsave(&sess->lock, flags);
		tab->nr--;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		return n;
	}
	return 0;
}

int ugdb_remove_bp(struct ugdb_session *sess, struct ugdb_bptab *tab,
		   struct task_struct *task, u64 addr)
{
	int i = bp_index(tab, addr);
	unsigned long flags;
	u8 orig;
	long n;

	if (i < 0)
		return -ENOENT;
	orig = tab->bps[i].orig;
	n = mm_access_as(sess, task, tab->mm, addr, &orig, 1, FOLL_WRITE);
	/*
	 * Forget it even when the write failed (the mapping went away):
	 * there is nothing left to restore.  Threads that already hit it
	 * are stopped, so no trap on it is in flight.
	 */
	raw_spin_lock_irqsave(&sess->lock, flags);
	tab->bps[i] = tab->bps[--tab->nr];
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return n < 0 ? n : 0;
}

void ugdb_remove_all_bps(struct ugdb_session *sess, struct ugdb_bptab *tab,
			 struct task_struct *task)
{
	while (tab->nr)
		ugdb_remove_bp(sess, tab, task, tab->bps[tab->nr - 1].addr);
	tab->mm = NULL;
}

/*
 * The process's memory went away (exec) or belongs to nobody we debug:
 * forget the breakpoints without writing anything.
 */
void ugdb_bps_forget(struct ugdb_session *sess, struct ugdb_bptab *tab)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sess->lock, flags);
	tab->nr = 0;
	tab->mm = NULL;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
}

/*
 * A fork child's memory is a copy of its parent's, int3 bytes included.
 * Put back the original bytes of @bps (the parent's table when it
 * forked) wherever the copy still holds an int3: the child runs on
 * without the stub, or gdb starts from a clean copy.  Process context.
 * Returns how many were restored.
 */
int ugdb_bps_clean_copy(const struct ugdb_bp *bps, int nr,
			struct task_struct *task)
{
	int i, done = 0;
	u8 byte;

	for (i = 0; i < nr; i++) {
		if (raw_access(NULL, task, bps[i].addr, &byte, 1, 0) != 1 ||
		    byte != INT3 || bps[i].orig == INT3)
			continue;
		byte = bps[i].orig;
		if (raw_access(NULL, task, bps[i].addr, &byte, 1, FOLL_WRITE) == 1)
			done++;
	}
	return done;
}
