// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_serve.c - dispatch of parsed requests, and the requests that change
 * what is being debugged or whether it runs: ?, !, vAttach, vKill, k, D,
 * H, T, c/C/s/S and vCont.
 *
 * Handlers build their reply in s->reply and return 1 to send it, or 0
 * when the packet has no reply (k, and resumes, whose reply is the stop
 * reply sent later by rsp_session_stop()).
 */
#include "rsp_int.h"

/* gdb's number for SIGSTOP and SIGTRAP; Linux numbers for the same. */
#define LINUX_SIGTRAP	5
#define LINUX_SIGSTOP	19

/*
 * The thread a g/p/m/... request without a thread applies to: the Hg (or
 * Hc) thread if gdb chose one, else the thread of the last stop, else the
 * first thread the target lists.  Returns -ESRCH with no thread at all.
 */
int rsp_current_tid(struct rsp_session *s, int general)
{
	int tid = general ? s->g_tid : s->c_tid;
	int first;

	if (tid > 0)
		return tid;
	if (s->last_tid > 0)
		return s->last_tid;
	if (s->ops->list_threads &&
	    s->ops->list_threads(s->target, &first, 1) > 0 && first > 0)
		return first;
	return -RSP_ESRCH;
}

int rsp_session_general_tid(struct rsp_session *s)
{
	return rsp_current_tid(s, 1);
}

/*
 * The tgid of the process thread tid belongs to (tid 0: the debugged
 * process).  pid_of() when the target has it, else the pid of its stop
 * state.  0 when the target cannot tell, -ESRCH when there is no such
 * thread or no process.
 */
int rsp_thread_pid(struct rsp_session *s, int tid)
{
	struct rsp_stop st;
	int pid;

	if (s->ops->pid_of) {
		pid = s->ops->pid_of(s->target, tid);
		return pid > 0 ? pid : -RSP_ESRCH;
	}
	if (!s->ops->stop_state)
		return 0;
	__builtin_memset(&st, 0, sizeof(st));
	s->ops->stop_state(s->target, &st);
	if (st.kind == RSP_STOP_NONE)
		return -RSP_ESRCH;
	return st.pid > 0 ? st.pid : 0;
}

/*
 * Does the process gdb named in a thread-id (pid > 0) own tid (tid <= 0:
 * is it the debugged process)?  0 if so, or when there is no pid to
 * check or the target cannot tell; -ESRCH otherwise.
 */
int rsp_check_pid(struct rsp_session *s, int pid, int tid)
{
	int known;

	if (pid <= 0)
		return 0;
	if (tid <= 0 && s->ops->has_process)
		return s->ops->has_process(s->target, pid) > 0 ? 0 :
								  -RSP_ESRCH;
	known = rsp_thread_pid(s, tid > 0 ? tid : 0);
	if (known < 0 || (known > 0 && known != pid))
		return -RSP_ESRCH;
	return 0;
}

/*
 * A thread-id in a reply: "pPID.TID" once gdb and we agreed on
 * multiprocess+ (pid 0: looked up), else (or with no pid known) the
 * plain tid.
 */
void rsp_put_tid(struct rsp_session *s, int pid, int tid)
{
	if (s->multiprocess) {
		if (!pid)
			pid = rsp_thread_pid(s, tid);
		if (pid > 0) {
			rsp_put_char(s, 'p');
			rsp_put_hex(s, (u32)pid);
			rsp_put_char(s, '.');
		}
	}
	rsp_put_hex(s, (u32)tid);
}

/* The process set changed: tids gdb picked may be gone. */
void rsp_forget_threads(struct rsp_session *s)
{
	s->g_tid = 0;
	s->c_tid = 0;
	s->last_tid = 0;
	s->thread_count = 0;
	s->thread_iter = 0;
}

int rsp_no_process_left(struct rsp_session *s)
{
	int tid;

	return !s->ops->list_threads ||
	       s->ops->list_threads(s->target, &tid, 1) <= 0;
}

/*
 * vAttach and vRun: one more process only for a gdb that can tell
 * processes apart (extended-remote with multiprocess+), gdbserver's
 * rule ("Already debugging a process").
 */
int rsp_may_add_process(struct rsp_session *s)
{
	return (s->extended && s->multiprocess) || rsp_no_process_left(s);
}

/* A process is no longer ours (-1: none is): what we knew of it goes. */
static void forget_process(struct rsp_session *s, int pid)
{
	rsp_forget_threads(s);
	if (pid > 0)
		rsp_tdb_forget(s, pid);
	else
		rsp_tdb_reset(s);
}

/* The current stop state as a stop reply ('?' and after vAttach). */
static void put_stop_state(struct rsp_session *s, int initial)
{
	struct rsp_stop st;

	__builtin_memset(&st, 0, sizeof(st));
	if (s->ops->stop_state)
		s->ops->stop_state(s->target, &st);
	/*
	 * Like gdbserver: a process we attached to outside of vAttach
	 * (non-extended, the module was told a pid) sits in SIGSTOP, and
	 * gdb only knows to swallow that SIGSTOP after its own attach;
	 * report a plain trap instead, as if the program just started.
	 */
	if (initial && st.kind == RSP_STOP_SIGNAL && st.sig == LINUX_SIGSTOP)
		st.sig = LINUX_SIGTRAP;
	rsp_put_stop(s, &st);
}

static int serve_attach(struct rsp_session *s, struct rsp_req *req)
{
	int ret;

	if (!s->ops->attach)
		return 1;
	if (!rsp_may_add_process(s)) {
		rsp_put_str(s, "E01");
		return 1;
	}
	ret = s->ops->attach(s->target, req->pid);
	if (ret < 0) {
		rsp_put_error(s, ret);
		return 1;
	}
	rsp_forget_threads(s);
	rsp_tdb_forget(s, req->pid);	/* a new process: its own symbols */
	put_stop_state(s, 0);
	return 1;
}

/*
 * Without multiprocess+ gdb invents pid 42000 for a process it did not
 * vAttach to itself, and sends that in vKill.  Without multiprocess gdb
 * handles one process: "all" is the same thing.  With multiprocess+ gdb
 * knows the real pids and sends those.
 */
#define GDB_MAGIC_PID	42000

static int serve_kill(struct rsp_session *s, struct rsp_req *req)
{
	int pid = req->kind == RSP_REQ_KILL ||
		  (!s->multiprocess && req->pid == GDB_MAGIC_PID) ?
		  -1 : req->pid;
	int ret = s->ops->kill ? s->ops->kill(s->target, pid) :
				 -RSP_EOPNOTSUPP;

	forget_process(s, pid);
	if (req->kind == RSP_REQ_KILL) {
		/* 'k' has no reply; without extended mode the session ends */
		if (!s->extended)
			s->exited = 1;
		return 0;
	}
	if (ret < 0) {
		rsp_put_error(s, ret);
		return 1;
	}
	/* plain "target remote": gdb disconnects after killing */
	if (!s->extended && rsp_no_process_left(s))
		s->exited = 1;
	rsp_put_str(s, "OK");
	return 1;
}

static int serve_detach(struct rsp_session *s, struct rsp_req *req)
{
	int ret;

	/* gdbserver: with multiprocess+ D must name the process (D;pid) */
	if (s->multiprocess && req->pid < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (!s->ops->detach)
		return 1;
	ret = s->ops->detach(s->target, req->pid);
	if (ret < 0) {
		rsp_put_error(s, ret);
		return 1;
	}
	forget_process(s, req->pid);
	/* plain "target remote" ends with its process, as gdbserver does */
	if (!s->extended && rsp_no_process_left(s))
		s->exited = 1;
	rsp_put_str(s, "OK");
	return 1;
}

static int thread_ok(struct rsp_session *s, int tid)
{
	if (tid <= 0 || !s->ops->thread_alive)
		return tid <= 0 ? -RSP_ESRCH : 0;
	return s->ops->thread_alive(s->target, tid);
}

/*
 * Hg / Hc: 0 (any thread, also "pPID.0" of our process) is always
 * accepted, and so is -1 (all threads) without multiprocess.  With
 * multiprocess+ gdbserver answers -1, "pPID" and "pPID.-1" with E01.
 */
static int serve_set_thread(struct rsp_session *s, struct rsp_req *req)
{
	if (s->multiprocess && req->tid < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if ((req->tid > 0 && thread_ok(s, req->tid) < 0) ||
	    rsp_check_pid(s, req->pid, req->tid) < 0) {
		rsp_put_error(s, RSP_ESRCH);
		return 1;
	}
	if (req->type == 'g')
		s->g_tid = req->tid;
	else
		s->c_tid = req->tid;
	rsp_put_str(s, "OK");
	return 1;
}

static int serve_thread_alive(struct rsp_session *s, struct rsp_req *req)
{
	if (thread_ok(s, req->tid) < 0 ||
	    rsp_check_pid(s, req->pid, req->tid) < 0)
		rsp_put_error(s, RSP_ESRCH);
	else
		rsp_put_str(s, "OK");
	return 1;
}

static int can_step(struct rsp_session *s)
{
	return s->ops->can_step && s->ops->can_step(s->target) > 0;
}

/* Range stepping is stepping, done by the target: it needs both. */
static int can_range_step(struct rsp_session *s)
{
	return can_step(s) && s->ops->can_range_step &&
	       s->ops->can_range_step(s->target) > 0;
}

/*
 * Hand the actions in s->acts to the target.  running is set first so a
 * target that reports the stop from inside resume() (or fails after
 * reporting it) is handled; on failure with no stop sent, gdb gets an
 * error instead of waiting forever.
 */
static int do_resume(struct rsp_session *s)
{
	int ret;

	if (!s->ops->resume) {
		rsp_put_error(s, RSP_EOPNOTSUPP);
		return 1;
	}
	s->running = 1;
	ret = s->ops->resume(s->target, s->acts, s->n_acts);
	if (ret < 0 && s->running) {
		s->running = 0;
		rsp_put_error(s, ret);
		return 1;
	}
	/*
	 * Nothing runs and nothing is left to report: "N" to a gdb that
	 * knows it (no-resumed+); any other waits for its ^C, as with
	 * gdbserver.
	 */
	if (ret == RSP_RESUMED_NONE && s->running && s->gdb_no_resumed) {
		s->running = 0;
		rsp_put_str(s, "N");
		return 1;
	}
	return 0;
}

/*
 * Legacy c/C/s/S: one action for the Hc thread when gdb chose one; a step
 * otherwise applies to the current thread, a continue to all threads.
 * "addr" means resume there: rip is written first.
 */
static int serve_resume(struct rsp_session *s, struct rsp_req *req)
{
	struct rsp_resume *a = &s->acts[0];
	u8 pc[8];
	int i, ret;

	a->kind = req->step ? RSP_RESUME_STEP : RSP_RESUME_CONTINUE;
	a->sig = rsp_sig_from_gdb(req->sig);
	a->tid = s->c_tid > 0 ? s->c_tid : -1;
	a->pid = 0;
	a->start = 0;
	a->end = 0;
	if (a->sig < 0 || (req->step && !can_step(s))) {
		rsp_put_error(s, RSP_EINVAL);
		return 1;
	}
	if (req->step && a->tid < 0)
		a->tid = rsp_current_tid(s, 0);
	if (req->has_addr) {
		ret = rsp_current_tid(s, 0);
		if (ret > 0 && s->ops->write_reg) {
			for (i = 0; i < 8; i++)
				pc[i] = (u8)(req->addr >> (8 * i));
			ret = s->ops->write_reg(s->target, ret, 16, pc);
		} else if (ret > 0) {
			ret = -RSP_EOPNOTSUPP;
		}
		if (ret < 0) {
			rsp_put_error(s, ret);
			return 1;
		}
	}
	s->n_acts = 1;
	return do_resume(s);
}

/* vCont: the parser filled s->acts with gdb signal numbers. */
static int serve_vcont(struct rsp_session *s, struct rsp_req *req)
{
	int i;

	s->n_acts = req->n_acts;
	for (i = 0; i < s->n_acts; i++) {
		struct rsp_resume *a = &s->acts[i];

		/* "pPID.TID" / "pPID.-1" must name our process */
		if (rsp_check_pid(s, a->pid, a->tid) < 0) {
			rsp_put_error(s, RSP_ESRCH);
			return 1;
		}
		a->sig = rsp_sig_from_gdb(a->sig);
		if (a->kind == RSP_RESUME_RANGE &&
		    (!can_range_step(s) || a->end <= a->start))
			/* "equivalent to s" when empty (gdb's manual) */
			a->kind = RSP_RESUME_STEP;
		if (a->sig < 0 ||
		    (a->kind == RSP_RESUME_STEP && !can_step(s))) {
			rsp_put_error(s, RSP_EINVAL);
			return 1;
		}
	}
	return do_resume(s);
}

static int serve_vcont_query(struct rsp_session *s)
{
	rsp_put_str(s, "vCont;c;C;t");
	if (can_step(s))
		rsp_put_str(s, ";s;S");
	if (can_range_step(s))
		rsp_put_str(s, ";r");
	return 1;
}

static int serve_request(struct rsp_session *s, struct rsp_req *req)
{
	switch (req->kind) {
	case RSP_REQ_UNKNOWN:
		return 1;
	case RSP_REQ_BAD:
		rsp_put_str(s, "E01");
		return 1;
	case RSP_REQ_OK:
		rsp_put_str(s, "OK");
		return 1;
	case RSP_REQ_NOACK:
		/* this OK still goes out acked; no acks from the next one */
		rsp_put_str(s, "OK");
		rsp_send_reply(s);
		s->no_ack = 1;
		return 0;
	case RSP_REQ_EXTENDED:
		s->extended = 1;
		rsp_put_str(s, "OK");
		return 1;
	case RSP_REQ_STATUS:
		put_stop_state(s, !s->extended);
		return 1;
	case RSP_REQ_ATTACH:
		return serve_attach(s, req);
	case RSP_REQ_RUN:
		return rsp_serve_run(s, req);
	case RSP_REQ_ENV_SET:
	case RSP_REQ_ENV_UNSET:
	case RSP_REQ_ENV_RESET:
	case RSP_REQ_SET_CWD:
	case RSP_REQ_STARTUP_SHELL:
	case RSP_REQ_NO_ASLR:
		return rsp_serve_launch_setting(s, req);
	case RSP_REQ_VKILL:
	case RSP_REQ_KILL:
		return serve_kill(s, req);
	case RSP_REQ_DETACH:
		return serve_detach(s, req);
	case RSP_REQ_SET_THREAD:
		return serve_set_thread(s, req);
	case RSP_REQ_THREAD_ALIVE:
		return serve_thread_alive(s, req);
	case RSP_REQ_RESUME:
		return serve_resume(s, req);
	case RSP_REQ_VCONT:
		return serve_vcont(s, req);
	case RSP_REQ_VCONT_QUERY:
		return serve_vcont_query(s);
	case RSP_REQ_READ_REGS:
	case RSP_REQ_WRITE_REGS:
	case RSP_REQ_READ_REG:
	case RSP_REQ_WRITE_REG:
	case RSP_REQ_READ_MEM:
	case RSP_REQ_WRITE_MEM:
	case RSP_REQ_READ_BIN:
	case RSP_REQ_WRITE_BIN:
	case RSP_REQ_INSERT_BP:
	case RSP_REQ_REMOVE_BP:
		return rsp_serve_data(s, req);
	default:
		return rsp_serve_query(s, req);
	}
}

/* One received packet (NUL-terminated at pkt[len]); reply queued. */
void rsp_serve(struct rsp_session *s, u8 *pkt, u32 len)
{
	struct rsp_req req;

	rsp_parse(pkt, len, &req, s->acts, RSP_MAX_ACTIONS);
	rsp_reply_reset(s);
	/*
	 * vCtrlC: the packet form of ^C (gdb uses it in non-stop mode).  Like
	 * gdbserver, OK whether or not something ran; the stop of what ran
	 * is reported as the answer to its resume.
	 */
	if (req.kind == RSP_REQ_VCTRLC) {
		if (s->running && s->ops->interrupt)
			s->ops->interrupt(s->target);
		rsp_put_str(s, "OK");
		rsp_send_reply(s);
		return;
	}
	/*
	 * In all-stop mode gdb sends nothing but ^C while the target runs.
	 * Anything else is refused so that no target operation ever sees
	 * running threads, and the owed stop reply stays the next packet
	 * gdb gets (apart from this error).  Likewise while an osdata
	 * answer is awaited (gdb waits for it).
	 */
	if (s->running || s->osdata_owed) {
		rsp_put_error(s, RSP_EBUSY);
		rsp_send_reply(s);
		return;
	}
	if (serve_request(s, &req))
		rsp_send_reply(s);
}
