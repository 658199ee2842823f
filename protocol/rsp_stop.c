// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_stop.c - stop replies: T (stopped by a signal, with the event that
 * stopped it), W (exited), X (killed by a signal), w (a thread exited), N
 * (nothing left running), for '?', vAttach and rsp_session_stop().
 */
#include "rsp_int.h"
#include "rsp_amd64.h"

/*
 * Registers sent with every T reply, so that gdb can show where the
 * thread stopped and unwind its frame without asking: rbp, rsp, rip.
 */
static const u8 expedited[] = { RSP_AMD64_RBP, RSP_AMD64_RSP, RSP_AMD64_RIP };

static void put_expedited(struct rsp_session *s, int tid)
{
	u8 buf[RSP_AMD64_REG_MAX];
	u32 i;
	int ret;

	if (!s->ops->read_reg)
		return;
	for (i = 0; i < sizeof(expedited); i++) {
		const struct rsp_reg_desc *r = &rsp_amd64_regs[expedited[i]];

		ret = s->ops->read_reg(s->target, tid, r->regno, buf);
		if (ret != r->size)
			continue;	/* gdb will ask with p/g instead */
		rsp_put_hex8(s, r->regno);
		rsp_put_char(s, ':');
		rsp_put_hexbytes(s, buf, r->size);
		rsp_put_char(s, ';');
	}
}

/* W/X with multiprocess+: ";process:PID" says which process ended. */
static void put_process(struct rsp_session *s, const struct rsp_stop *st)
{
	if (!s->multiprocess || st->pid <= 0)
		return;
	rsp_put_str(s, ";process:");
	rsp_put_hex(s, (u32)st->pid);
}

/*
 * The event a T reply carries, when gdb asked for it: "exec:HEXPATH;"
 * (the new program, from exec_file), "fork:pPID.TID;" / "vfork:pPID.TID;"
 * (the new child, held stopped for gdb), "vforkdone:;" (the vfork parent
 * is back), "syscall_entry:NR;" or "syscall_return:NR;".
 * An exec or fork gdb did not ask to hear about is a plain SIGTRAP stop,
 * as ptrace reports an exec without PTRACE_O_TRACEEXEC.
 */
static void put_event(struct rsp_session *s, const struct rsp_stop *st)
{
	char *path = (char *)s->scratch;
	int n;

	switch (st->reason) {
	case RSP_REASON_EXEC:
		if (!(s->events & RSP_EVENT_EXEC) || !s->ops->exec_file)
			return;
		n = s->ops->exec_file(s->target, st->pid, path,
				      RSP_PACKET_MAX / 4);
		if (n < 0)
			n = 0;	/* gdb keeps the old file name */
		rsp_put_str(s, "exec:");
		rsp_put_hexbytes(s, (const u8 *)path, (u32)n);
		rsp_put_char(s, ';');
		return;
	case RSP_REASON_SYSCALL_ENTRY:
	case RSP_REASON_SYSCALL_RETURN:
		rsp_put_str(s, st->reason == RSP_REASON_SYSCALL_ENTRY ?
			    "syscall_entry:" : "syscall_return:");
		rsp_put_hex(s, (u32)st->sysno);
		rsp_put_char(s, ';');
		return;
	case RSP_REASON_THREAD_CREATED:
		/* gdbserver's "T05create:;" of the new thread */
		if (s->thread_events)
			rsp_put_str(s, "create:;");
		return;
	case RSP_REASON_FORK:
		if (!(s->events & RSP_EVENT_FORK) || st->child_tid <= 0)
			return;
		rsp_put_str(s, "fork:");
		rsp_put_tid(s, st->child_pid, st->child_tid);
		rsp_put_char(s, ';');
		return;
	case RSP_REASON_VFORK:
		if (!(s->events & RSP_EVENT_VFORK) || st->child_tid <= 0)
			return;
		rsp_put_str(s, "vfork:");
		rsp_put_tid(s, st->child_pid, st->child_tid);
		rsp_put_char(s, ';');
		return;
	case RSP_REASON_VFORK_DONE:
		if (s->events & RSP_EVENT_VFORK)
			rsp_put_str(s, "vforkdone:;");
		return;
	default:
		return;
	}
}

void rsp_put_stop(struct rsp_session *s, const struct rsp_stop *st)
{
	switch (st->kind) {
	case RSP_STOP_SIGNAL:
		rsp_put_char(s, 'T');
		rsp_put_hex8(s, (u8)rsp_sig_to_gdb(st->sig));
		if (st->tid > 0) {
			rsp_put_str(s, "thread:");
			rsp_put_tid(s, st->pid, st->tid);
			rsp_put_char(s, ';');
			put_expedited(s, st->tid);
			/* later g/m without Hg apply to this thread */
			s->last_tid = st->tid;
		}
		/*
		 * As gdbserver: "watch:" for every data watchpoint (gdb
		 * finds out itself whether a read or access one matches),
		 * whatever gdb announced.
		 */
		if (st->reason == RSP_REASON_WATCH) {
			rsp_put_str(s, "watch:");
			rsp_put_hex(s, st->data_addr);
			rsp_put_char(s, ';');
		} else if (st->reason == RSP_REASON_SWBREAK && s->gdb_swbreak)
			rsp_put_str(s, "swbreak:;");
		else if (st->reason == RSP_REASON_HWBREAK && s->gdb_hwbreak)
			rsp_put_str(s, "hwbreak:;");
		else
			put_event(s, st);
		break;
	case RSP_STOP_EXITED:
		rsp_put_char(s, 'W');
		rsp_put_hex8(s, (u8)st->status);
		put_process(s, st);
		rsp_forget_threads(s);
		break;
	case RSP_STOP_KILLED:
		rsp_put_char(s, 'X');
		rsp_put_hex8(s, (u8)rsp_sig_to_gdb(st->sig));
		put_process(s, st);
		rsp_forget_threads(s);
		break;
	case RSP_STOP_THREAD_EXITED:
		/* gdbserver's "w%x;" and the thread-id, pPID.TID or TID */
		rsp_put_char(s, 'w');
		rsp_put_hex(s, (u32)st->status & 0xff);
		rsp_put_char(s, ';');
		rsp_put_tid(s, st->pid, st->tid);
		/* g/m without Hg must not go to a thread that is no more */
		if (s->last_tid == st->tid)
			s->last_tid = 0;
		break;
	case RSP_STOP_NO_RESUMED:
		/* gdbserver's answers, with and without no-resumed+ */
		rsp_put_str(s, s->gdb_no_resumed ? "N" :
			    "E.No unwaited-for children left.");
		break;
	default:
		/*
		 * No process.  gdbserver answers '?' with W00 then too;
		 * extended-mode gdb takes it as "connected, nothing
		 * running", plain remote as "target is not running".
		 */
		rsp_put_str(s, "W00");
		rsp_forget_threads(s);
		break;
	}
}

/* What a stop does to the thread library's symbols we hold. */
static void tdb_follow(struct rsp_session *s, const struct rsp_stop *stop)
{
	int pid;

	/* a process's end: its symbols go with it */
	if (stop->kind == RSP_STOP_EXITED || stop->kind == RSP_STOP_KILLED) {
		if (stop->pid > 0)
			rsp_tdb_forget(s, stop->pid);
		else
			rsp_tdb_reset(s);
		return;
	}
	if (stop->kind != RSP_STOP_SIGNAL || stop->tid <= 0)
		return;
	if (stop->reason != RSP_REASON_EXEC &&
	    stop->reason != RSP_REASON_FORK &&
	    stop->reason != RSP_REASON_VFORK)
		return;
	pid = rsp_thread_pid(s, stop->tid);
	if (pid < 0)
		return;
	/* a new program: the old one's symbols are gone with it */
	if (stop->reason == RSP_REASON_EXEC)
		rsp_tdb_forget(s, pid);
	else
		rsp_tdb_forked(s, pid, stop->child_pid > 0 ?
			       stop->child_pid : stop->child_tid);
}

void rsp_session_stop(struct rsp_session *s, const struct rsp_stop *stop)
{
	if (!s->running)
		return;
	s->running = 0;
	tdb_follow(s, stop);
	rsp_reply_reset(s);
	rsp_put_stop(s, stop);
	/*
	 * Never lose a stop reply: if the caller let the output fill up,
	 * it stays in reply[] and goes out from rsp_session_consume().
	 */
	if (rsp_send_reply(s))
		s->reply_unsent = 1;
}
