// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_target.c - the target operations the RSP engine (protocol/) calls,
 * served on the session's engines.  All run with sess->mutex held.
 */
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/string.h>

#include "ugdb.h"
#include "utrace_internal.h"

static struct ugdb_thread *thread_of(struct ugdb_session *sess, int tid)
{
	return sess->pid ? ugdb_find_thread(sess, tid) : NULL;
}

/* A thread whose registers may be touched now: stopped and off CPU. */
static struct ugdb_thread *stopped_thread(struct ugdb_session *sess, int tid,
					  int *err)
{
	struct ugdb_thread *t = thread_of(sess, tid);

	*err = -ESRCH;
	if (!t)
		return NULL;
	/* looked at since it stopped: still stopped (it runs only by us) */
	if (sess->regs.task == t->task)
		return t;
	*err = ugdb_examine(t, UGDB_STOP_TIMEOUT);
	if (!*err)
		*err = ugdb_proc_recheck(sess, t->proc);
	return *err ? NULL : t;
}

/* A thread whose process's memory may be touched: checked since an exec. */
static struct ugdb_thread *mem_thread(struct ugdb_session *sess,
				      struct ugdb_thread *t, int *err)
{
	*err = -ESRCH;
	if (!t)
		return NULL;
	*err = ugdb_proc_recheck(sess, t->proc);
	return *err ? NULL : t;
}

static int op_attach(void *target, int pid)
{
	return ugdb_attach_process(target, pid);
}

/* Let go of process @pid (-1: all of them), killing it if @kill. */
static int forget_pid(struct ugdb_session *sess, int pid, bool kill)
{
	struct ugdb_process *p;

	if (!sess->pid)
		return -ESRCH;
	if (pid <= 0) {
		ugdb_forget_all(sess, kill ? UGDB_FORGET_KILL :
					      UGDB_FORGET_DETACH);
		return 0;
	}
	p = ugdb_proc_find(sess, pid);
	if (!p)
		return -ESRCH;
	ugdb_forget_proc(sess, p, kill);
	return 0;
}

/*
 * D;pid, or D (-1: all).  After a fork event gdb detaches the process it
 * does not follow, the child or the parent, or keeps both.
 */
static int op_detach(void *target, int pid)
{
	return forget_pid(target, pid, false);
}

/* k (-1: all) and vKill;pid. */
static int op_kill(void *target, int pid)
{
	return forget_pid(target, pid, true);
}

static void op_stop_state(void *target, struct rsp_stop *out)
{
	ugdb_stop_state(target, out);
}

static int op_attached(void *target, int pid)
{
	struct ugdb_session *sess = target;
	struct ugdb_process *p;

	p = pid > 0 ? ugdb_proc_find(sess, pid) : ugdb_proc_main(sess);
	/* a fork child is debugged as its parent is (gdbserver's rule) */
	return p ? !p->launched : -ESRCH;
}

/* Is @pid one of the session's processes? */
static int op_has_process(void *target, int pid)
{
	return ugdb_proc_find(target, pid) != NULL;
}

static int op_list_threads(void *target, int *tids, int max)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;
	int n = 0;

	if (!sess->pid)
		return 0;
	list_for_each_entry(t, &sess->threads, node)
		if (!t->exited && n < max)
			tids[n++] = t->tid;
	return n;
}

static int op_thread_alive(void *target, int tid)
{
	return thread_of(target, tid) ? 0 : -ESRCH;
}

static int op_read_reg(void *target, int tid, int regno, u8 *buf)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;
	int err;

	t = stopped_thread(target, tid, &err);
	return t ? ugdb_read_reg(&sess->regs, t->task, regno, buf) : err;
}

static int op_write_reg(void *target, int tid, int regno, const u8 *buf)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;
	int err;

	t = stopped_thread(target, tid, &err);
	return t ? ugdb_write_reg(&sess->regs, t->task, regno, buf) : err;
}

static long op_read_mem(void *target, int tid, u64 addr, u8 *buf, u32 len)
{
	int err;
	struct ugdb_thread *t = mem_thread(target, thread_of(target, tid),
					   &err);

	return t ? ugdb_read_mem(target, &t->proc->bp, t->task, addr, buf,
				 len) : err;
}

static long op_write_mem(void *target, int tid, u64 addr, const u8 *buf,
			 u32 len)
{
	int err;
	struct ugdb_thread *t = mem_thread(target, thread_of(target, tid),
					   &err);

	return t ? ugdb_write_mem(target, &t->proc->bp, t->task, addr, buf,
				  len) : err;
}

/*
 * The thread whose process a Z/z packet is for: gdb's Hg thread, as
 * gdbserver does (after a fork event gdb selects the child to remove the
 * breakpoints it inherited), else any thread of the process.
 */
static struct ugdb_thread *bp_thread(struct ugdb_session *sess)
{
	struct ugdb_thread *t = NULL;
	int tid;

	if (!sess->pid)
		return NULL;
	tid = rsp_session_general_tid(sess->rsp);
	if (tid > 0)
		t = ugdb_find_thread(sess, tid);
	return t ? t : ugdb_find_thread(sess, 0);
}

/* Z0 in memory (ugdb_mem.c), Z1 Z2 Z4 in debug registers (ugdb_hwbp.c). */
static int op_insert_bp(void *target, int type, u64 addr, int kind)
{
	int err;
	struct ugdb_thread *t = mem_thread(target, bp_thread(target), &err);

	if (type != 0)
		return ugdb_hw_insert(target, type, addr, kind);
	return t ? ugdb_insert_bp(target, &t->proc->bp, t->task, addr) :
		   err;
}

static int op_remove_bp(void *target, int type, u64 addr, int kind)
{
	struct ugdb_thread *t = bp_thread(target);

	if (type != 0)
		return ugdb_hw_remove(target, type, addr, kind);
	return t ? ugdb_remove_bp(target, &t->proc->bp, t->task, addr) :
		   -ESRCH;
}

/*
 * The action for @t: the first naming it, or the first default ("-1",
 * "p-1.-1", or "pPID.-1" of its process).
 */
static const struct rsp_resume *action_for(const struct rsp_resume *acts,
					   int n, struct ugdb_thread *t)
{
	int i;

	for (i = 0; i < n; i++)
		if (acts[i].tid == t->tid ||
		    (acts[i].tid <= 0 &&
		     (acts[i].pid <= 0 || acts[i].pid == t->proc->pid)))
			return &acts[i];
	return NULL;
}

/*
 * Will @t, stopped with an unreported event, still report it?  Not when
 * the event is a breakpoint gdb has removed since: the thread's pc is
 * already back at the breakpoint's address, so resuming simply runs the
 * original instruction (gdbserver discards such events too).  Nor when
 * it is the return of a system call gdb no longer catches.
 */
static bool event_still_valid(struct ugdb_session *sess, struct ugdb_thread *t)
{
	unsigned long flags;

	if (t->event_reason == RSP_REASON_SYSCALL_RETURN) {
		if (ugdb_syscall_return_wanted(sess, t))
			return true;
	} else if (t->event_reason != RSP_REASON_SWBREAK ||
		   ugdb_is_bp(sess, t->proc->bp.mm,
			      task_pt_regs(t->task)->ip)) {
		return true;
	}
	raw_spin_lock_irqsave(&sess->lock, flags);
	t->event_sig = 0;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return false;
}

static int op_resume(void *target, const struct rsp_resume *acts, int n)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;
	unsigned long flags;
	bool pending = false, any = false;

	if (!sess->pid)
		return -ESRCH;
	ugdb_regcache_drop(&sess->regs);
	/*
	 * A thread this request resumes that stopped by itself and was not
	 * reported yet is reported at once, and nothing runs.  Events of
	 * threads the request leaves stopped stay pending (a step over a
	 * breakpoint must report the stepped thread).
	 */
	list_for_each_entry(t, &sess->threads, node) {
		const struct rsp_resume *a = action_for(acts, n, t);
		/* a thread gone with its "w" unreported reports it now */
		bool exit_owed = t->exited && READ_ONCE(t->exit_event);

		t->resumed = (!t->exited || exit_owed) && a &&
			     a->kind != RSP_RESUME_STOP;
		any |= t->resumed;
		if (t->resumed && (exit_owed || (READ_ONCE(t->event_sig) &&
						 event_still_valid(sess, t))))
			pending = true;
	}
	sess->resume_ran = any;
	if (pending || ugdb_proc_gone(sess)) {
		ugdb_session_event(sess);
		return 0;
	}
	/* vCont;t and the like: nothing will run, nothing will stop */
	if (!any)
		return RSP_RESUMED_NONE;

	list_for_each_entry(t, &sess->threads, node) {
		const struct rsp_resume *a = action_for(acts, n, t);
		bool range = a && a->kind == RSP_RESUME_RANGE;
		bool step;

		if (!t->resumed || t->exited)
			continue;
		step = a->kind == RSP_RESUME_STEP || range;
		/* 0 suppresses a signal the thread stopped with */
		utrace_signal_deliver(t->task, t->engine, a->sig);
		raw_spin_lock_irqsave(&sess->lock, flags);
		t->want_stop = false;
		t->stepping = step;
		t->range_start = range ? a->start : 0;
		t->range_end = range ? a->end : 0;
		t->held_sig = 0;
		t->has_siginfo = false;	/* its stop is over */
		t->signal_held = false;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		utrace_dbg("resume %d step %d sig %d", t->tid, step, a->sig);
		/* back from vfork(), report_quiesce tells gdb "vforkdone" */
		if (READ_ONCE(t->vfork_child))
			utrace_control(t->task, t->engine, UTRACE_REPORT);
		utrace_control(t->task, t->engine,
			       step ? UTRACE_SINGLESTEP : UTRACE_RESUME);
	}
	return 0;
}

static void op_interrupt(void *target)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;
	unsigned long flags;

	if (!sess->pid)
		return;
	sess->interrupting = true;
	list_for_each_entry(t, &sess->threads, node) {
		if (t->exited)
			continue;
		raw_spin_lock_irqsave(&sess->lock, flags);
		t->want_stop = true;
		raw_spin_unlock_irqrestore(&sess->lock, flags);
		utrace_control(t->task, t->engine, UTRACE_INTERRUPT);
	}
	ugdb_session_event(sess);
}

/* The process of thread @tid; tid 0: the first process. */
static int op_pid_of(void *target, int tid)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;

	if (!sess->pid)
		return -ESRCH;
	if (tid <= 0)
		return sess->pid;
	t = thread_of(sess, tid);
	return t ? t->proc->pid : -ESRCH;
}

static int op_thread_name(void *target, int tid, char *buf, u32 len)
{
	struct ugdb_thread *t = thread_of(target, tid);

	return t ? ugdb_thread_name(t->task, buf, len) : -ESRCH;
}

/* Only the session's own processes: gdb may name any pid here. */
static int op_exec_file(void *target, int pid, char *buf, u32 len)
{
	struct ugdb_session *sess = target;
	struct ugdb_thread *t;

	if (!sess->pid)
		return -ESRCH;
	if (pid <= 0)
		pid = sess->pid;
	list_for_each_entry(t, &sess->threads, node)
		if (!t->exited && t->proc->pid == pid)
			return ugdb_exec_file(t->task, buf, len);
	return -ESRCH;
}

/* The auxv of the process gdb looks at (its Hg thread's). */
static long op_read_auxv(void *target, u64 off, u8 *buf, u32 len)
{
	struct ugdb_thread *t = bp_thread(target);

	return t ? ugdb_read_auxv(target, t->task, off, buf, len) : -ESRCH;
}

static int op_thread_core(void *target, int tid)
{
	struct ugdb_thread *t = thread_of(target, tid);

	return t ? task_cpu(t->task) : -1;
}

/* QPassSignals: report_signal lets these through without a stop. */
static int op_pass_signals(void *target, const u8 *pass, u32 n)
{
	struct ugdb_session *sess = target;
	u32 i;

	for (i = 0; i < ARRAY_SIZE(sess->pass_signals); i++)
		WRITE_ONCE(sess->pass_signals[i], i < n && pass[i]);
	return 0;
}

/* QProgramSignals: which held signal a detach delivers (ugdb_engine.c). */
static int op_program_signals(void *target, const u8 *pass, u32 n)
{
	struct ugdb_session *sess = target;
	u32 i;

	for (i = 0; i < ARRAY_SIZE(sess->program_signals); i++)
		sess->program_signals[i] = i < n && pass[i];
	sess->program_signals_set = true;
	return 0;
}

/* vFile: ugdb_vfile.c */
static int op_vfile_setfs(void *target, int pid)
{
	return ugdb_vfile_setfs(target, pid);
}

static int op_vfile_open(void *target, const char *path, int flags, u32 mode)
{
	return ugdb_vfile_open(target, path, flags, mode);
}

static int op_vfile_close(void *target, int fd)
{
	return ugdb_vfile_close(target, fd);
}

static long op_vfile_pread(void *target, int fd, u8 *buf, u32 len, u64 off)
{
	return ugdb_vfile_pread(target, fd, buf, len, off);
}

static long op_vfile_pwrite(void *target, int fd, const u8 *buf, u32 len,
			    u64 off)
{
	return ugdb_vfile_pwrite(target, fd, buf, len, off);
}

static int op_vfile_fstat(void *target, int fd, struct rsp_file_stat *st)
{
	return ugdb_vfile_fstat(target, fd, st);
}

static int op_vfile_readlink(void *target, const char *path, char *buf,
			     u32 len)
{
	return ugdb_vfile_readlink(target, path, buf, len);
}

static int op_vfile_unlink(void *target, const char *path)
{
	return ugdb_vfile_unlink(target, path);
}

/* qSupported: exec and fork events are reported when gdb wants them. */
static u32 op_events(void *target, u32 offered)
{
	struct ugdb_session *sess = target;
	unsigned long flags;
	u32 agreed = offered & (RSP_EVENT_EXEC | RSP_EVENT_FORK |
				RSP_EVENT_VFORK);

	raw_spin_lock_irqsave(&sess->lock, flags);
	sess->gdb_events = agreed;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	return agreed;
}

static int op_catch_syscalls(void *target, int enable, const u32 *nrs, u32 n)
{
	return ugdb_catch_syscalls(target, enable, nrs, n);
}

static int op_thread_events(void *target, int enable)
{
	return ugdb_thread_events(target, enable);
}

static long op_read_siginfo(void *target, int tid, u64 off, u8 *buf,
			    u32 len)
{
	struct ugdb_thread *t = thread_of(target, tid);

	return t ? ugdb_read_siginfo(target, t, off, buf, len) : -ESRCH;
}

static long op_write_siginfo(void *target, int tid, u64 off, const u8 *buf,
			     u32 len)
{
	struct ugdb_thread *t = thread_of(target, tid);

	return t ? ugdb_write_siginfo(target, t, off, buf, len) : -ESRCH;
}

static int op_can_step(void *target)
{
	return 1;
}

/* vCont;r: the steps inside the range never leave the kernel. */
static int op_can_range_step(void *target)
{
	return 1;
}

const struct rsp_target_ops ugdb_target_ops = {
	.attach = op_attach,
	.detach = op_detach,
	.kill = op_kill,
	.stop_state = op_stop_state,
	.attached = op_attached,
	.has_process = op_has_process,
	.list_threads = op_list_threads,
	.thread_alive = op_thread_alive,
	.read_reg = op_read_reg,
	.write_reg = op_write_reg,
	.read_mem = op_read_mem,
	.write_mem = op_write_mem,
	.insert_bp = op_insert_bp,
	.remove_bp = op_remove_bp,
	.resume = op_resume,
	.interrupt = op_interrupt,
	.can_step = op_can_step,
	.can_range_step = op_can_range_step,
	.pid_of = op_pid_of,
	.thread_name = op_thread_name,
	.exec_file = op_exec_file,
	.read_auxv = op_read_auxv,
	.thread_core = op_thread_core,
	.pass_signals = op_pass_signals,
	.program_signals = op_program_signals,
	.vfile_setfs = op_vfile_setfs,
	.vfile_open = op_vfile_open,
	.vfile_close = op_vfile_close,
	.vfile_pread = op_vfile_pread,
	.vfile_pwrite = op_vfile_pwrite,
	.vfile_fstat = op_vfile_fstat,
	.vfile_readlink = op_vfile_readlink,
	.vfile_unlink = op_vfile_unlink,
	.events = op_events,
	.catch_syscalls = op_catch_syscalls,
	.thread_events = op_thread_events,
	.launch_setting = ugdb_run_setting,
	.run = ugdb_run,
	.read_siginfo = op_read_siginfo,
	.write_siginfo = op_write_siginfo,
	.osdata = ugdb_osdata,
};
