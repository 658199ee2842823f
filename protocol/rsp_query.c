// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_query.c - the general queries: qSupported, QStartNoAckMode's
 * partner features, thread lists, qC, qAttached, qRcmd ("monitor"),
 * QPassSignals, QProgramSignals, QCatchSyscalls and QThreadEvents.
 * qXfer is in rsp_xfer.c.
 */
#include "rsp_int.h"

/*
 * Our features.  PacketSize is hex.  multiprocess+ makes thread-ids in
 * replies "pPID.TID" and W/X carry ";process:PID".  swbreak+/hwbreak+ promise the stop
 * reasons (and that the stub rewinds the pc after a software breakpoint);
 * they are only reported to a gdb that announced them too.
 */
static int serve_supported(struct rsp_session *s, struct rsp_req *req)
{
	s->gdb_swbreak = !!(req->features & RSP_GDB_SWBREAK);
	s->gdb_hwbreak = !!(req->features & RSP_GDB_HWBREAK);
	s->multiprocess = !!(req->features & RSP_GDB_MULTIPROCESS);
	s->gdb_no_resumed = !!(req->features & RSP_GDB_NO_RESUMED);
	/* the events gdb offers and the target agrees to report */
	s->events = 0;
	if (s->ops->events)
		s->events = s->ops->events(s->target,
					   (u32)req->features >>
					   RSP_GDB_EVENT_SHIFT) &
			    (u32)req->features >> RSP_GDB_EVENT_SHIFT;
	rsp_put_str(s, "PacketSize=");
	rsp_put_hex(s, RSP_PACKET_MAX);
	rsp_put_str(s, ";QStartNoAckMode+;swbreak+;hwbreak+");
	rsp_put_str(s, ";vContSupported+;qXfer:features:read+");
	/* the optional objects, when the target can serve them */
	if (s->ops->read_auxv)
		rsp_put_str(s, ";qXfer:auxv:read+");
	if (s->ops->exec_file)
		rsp_put_str(s, ";qXfer:exec-file:read+");
	if (s->ops->thread_name)
		rsp_put_str(s, ";qXfer:threads:read+");
	/*
	 * augmented-: the annex may say where to start (start=, prev=,
	 * lmid=), for the incremental updates of gdb's probes-based
	 * interface with the dynamic linker (rsp_svr4.c).
	 */
	if (rsp_svr4_supported(s))
		rsp_put_str(s, ";qXfer:libraries-svr4:read+"
			    ";augmented-libraries-svr4-read+");
	if (s->ops->read_siginfo)
		rsp_put_str(s, s->ops->write_siginfo ?
			    ";qXfer:siginfo:read+;qXfer:siginfo:write+" :
			    ";qXfer:siginfo:read+");
	if (s->ops->osdata)
		rsp_put_str(s, ";qXfer:osdata:read+");
	if (s->ops->pass_signals)
		rsp_put_str(s, ";QPassSignals+");
	if (s->ops->program_signals)
		rsp_put_str(s, ";QProgramSignals+");
	if (s->ops->catch_syscalls)
		rsp_put_str(s, ";QCatchSyscalls+");
	if (s->ops->launch_setting)
		rsp_put_str(s, ";QStartupWithShell+;QEnvironmentHexEncoded+"
			    ";QEnvironmentReset+;QEnvironmentUnset+"
			    ";QSetWorkingDir+;QDisableRandomization+");
	/* like gdbserver, only to a gdb that offers it */
	if (s->multiprocess)
		rsp_put_str(s, ";multiprocess+");
	if (s->events & RSP_EVENT_FORK)
		rsp_put_str(s, ";fork-events+");
	if (s->events & RSP_EVENT_VFORK)
		rsp_put_str(s, ";vfork-events+");
	if (s->events & RSP_EVENT_EXEC)
		rsp_put_str(s, ";exec-events+");
	if (s->gdb_no_resumed && s->ops->resume)
		rsp_put_str(s, ";no-resumed+");
	/* gdbserver announces it whatever gdb's qSupported says */
	if (s->ops->thread_events)
		rsp_put_str(s, ";QThreadEvents+");
	return 1;
}

/* Thread ids from thread_iter on, as many as fit one packet. */
static int put_thread_chunk(struct rsp_session *s)
{
	int first = 1;
	int pid = 0, tid;

	if (s->thread_iter >= s->thread_count) {
		rsp_put_char(s, 'l');
		return 1;
	}
	/* without pid_of every thread is the stop state's process */
	if (s->multiprocess && !s->ops->pid_of) {
		pid = rsp_thread_pid(s, 0);
		if (!pid)
			pid = -1;	/* unknown: plain tids */
	}
	rsp_put_char(s, 'm');
	while (s->thread_iter < s->thread_count &&
	       s->reply_len < RSP_PACKET_MAX - 40) {
		if (!first)
			rsp_put_char(s, ',');
		tid = s->thread_buf[s->thread_iter++];
		rsp_put_tid(s, pid, tid);
		first = 0;
	}
	return 1;
}

/* qfThreadInfo takes a snapshot that the qsThreadInfo calls page. */
static int serve_threads_first(struct rsp_session *s)
{
	int n = 0;

	if (s->ops->list_threads)
		n = s->ops->list_threads(s->target, s->thread_buf,
					 RSP_MAX_THREADS);
	if (n < 0) {
		rsp_put_error(s, n);
		return 1;
	}
	s->thread_count = n > RSP_MAX_THREADS ? RSP_MAX_THREADS : n;
	s->thread_iter = 0;
	return put_thread_chunk(s);
}

/* qC: empty when there is no thread; gdb then keeps its own idea. */
static int serve_current(struct rsp_session *s)
{
	int tid = rsp_current_tid(s, 1);

	if (tid > 0) {
		rsp_put_str(s, "QC");
		rsp_put_tid(s, 0, tid);
	}
	return 1;
}

/* qAttached[:pid]: pid 0 means the session's (current) process. */
static int serve_attached(struct rsp_session *s, struct rsp_req *req)
{
	int ret;

	if (!s->ops->attached)
		return 1;
	/* qAttached:pid of a process we do not debug */
	if (req->pid > 0 && rsp_check_pid(s, req->pid, 0) < 0) {
		rsp_put_error(s, RSP_ESRCH);
		return 1;
	}
	ret = s->ops->attached(s->target, req->pid < 0 ? 0 : req->pid);
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_char(s, ret ? '1' : '0');
	return 1;
}

/*
 * qRcmd,HEX: "exit" belongs to the stub itself (the session ends once gdb
 * read the OK); anything else goes to the target, which may print with
 * rsp_monitor_output() before we send the final OK.
 */
static int serve_monitor(struct rsp_session *s, struct rsp_req *req)
{
	long n = rsp_hex_decode(req->data, req->data_len, req->data,
				req->data_len);
	int ret;

	if (n < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	req->data[n] = 0;
	if (n == 4 && !__builtin_memcmp(req->data, "exit", 4)) {
		s->exited = 1;
		rsp_put_str(s, "OK");
		return 1;
	}
	if (n == 4 && !__builtin_memcmp(req->data, "help", 4)) {
		rsp_monitor_output(s, "The following monitor commands are "
				   "supported:\n  exit\n    Quit the stub "
				   "(gdb's \"monitor exit\").\n  help\n"
				   "    Print this message.\n");
		rsp_reply_reset(s);
		rsp_put_str(s, "OK");
		return 1;
	}
	if (!s->ops->monitor)
		return 1;
	ret = s->ops->monitor(s->target, (const char *)req->data, (u32)n);
	/* O packets went through reply[]: start the answer afresh */
	rsp_reply_reset(s);
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_str(s, "OK");
	return 1;
}

/*
 * QPassSignals:sig;sig;...  QProgramSignals:...  Hex gdb signal numbers
 * (gdb sends two digits each, no trailing ';'; one is tolerated, as by
 * gdbserver).  Numbers Linux has no signal for are dropped; anything but
 * hex numbers separated by ';' is E01.  The whole set goes to the target.
 */
static int serve_signals(struct rsp_session *s, struct rsp_req *req)
{
	int (*op)(void *t, const u8 *pass, u32 n);
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };
	u8 *pass = s->scratch;
	u64 v;
	int sig, ret;

	op = req->kind == RSP_REQ_PASS_SIGNALS ? s->ops->pass_signals :
						 s->ops->program_signals;
	if (!op)
		return 1;
	__builtin_memset(pass, 0, RSP_NSIG);
	while (!rsp_cur_eof(&c)) {
		if (rsp_cur_hex(&c, &v) ||
		    (!rsp_cur_eof(&c) && !rsp_cur_skip(&c, ';'))) {
			rsp_put_str(s, "E01");
			return 1;
		}
		sig = v < 0x10000 ? rsp_sig_from_gdb((int)v) : -1;
		if (sig > 0 && sig < RSP_NSIG)
			pass[sig] = 1;
	}
	ret = op(s->target, pass, RSP_NSIG);
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_str(s, "OK");
	return 1;
}

/* Most numbers one QCatchSyscalls may list (gdb sends the distinct ones). */
#define CATCH_MAX	(RSP_PACKET_MAX / sizeof(u32))

/*
 * QCatchSyscalls:0, QCatchSyscalls:1 (every call) or
 * QCatchSyscalls:1;NR;NR... (hex).  Like gdbserver: anything else, and
 * any request while no process is debugged, is E01.
 */
static int serve_catch_syscalls(struct rsp_session *s, struct rsp_req *req)
{
	struct rsp_cur c = { .p = req->data, .end = req->data + req->data_len };
	u32 *nrs = (u32 *)s->scratch;
	u32 n = 0;
	int enable, ret;
	u64 v;

	if (!s->ops->catch_syscalls)
		return 1;
	if (rsp_thread_pid(s, 0) < 0) {
		rsp_put_str(s, "E01");
		return 1;
	}
	if (rsp_cur_skip(&c, '0'))
		enable = 0;
	else if (rsp_cur_skip(&c, '1'))
		enable = 1;
	else
		goto bad;
	if (!enable && !rsp_cur_eof(&c))
		goto bad;
	if (enable && !rsp_cur_eof(&c)) {
		if (!rsp_cur_skip(&c, ';') || rsp_cur_eof(&c))
			goto bad;
		while (!rsp_cur_eof(&c)) {
			if (rsp_cur_hex(&c, &v) || v > 0xffffffffULL ||
			    n == CATCH_MAX ||
			    (!rsp_cur_eof(&c) && !rsp_cur_skip(&c, ';')))
				goto bad;
			nrs[n++] = (u32)v;
		}
	}
	ret = s->ops->catch_syscalls(s->target, enable, nrs, n);
	if (ret < 0)
		rsp_put_error(s, ret);
	else
		rsp_put_str(s, "OK");
	return 1;
bad:
	rsp_put_str(s, "E01");
	return 1;
}

/*
 * QThreadEvents:1 / QThreadEvents:0, nothing else: gdbserver answers any
 * other mode with "E.Unknown thread-events mode requested: MODE" and a
 * newline, and so does this (bytes that cannot go into a reply as they
 * are -- framing, escape and run-length characters, control and non-ASCII
 * bytes -- shown as '?').  Like gdbserver's, it needs no process.
 */
static int serve_thread_events(struct rsp_session *s, struct rsp_req *req)
{
	int enable = -1, ret;
	u32 i;
	u8 ch;

	if (!s->ops->thread_events)
		return 1;
	if (req->data_len == 1 && (req->data[0] == '0' || req->data[0] == '1'))
		enable = req->data[0] - '0';
	if (enable < 0) {
		rsp_put_str(s, "E.Unknown thread-events mode requested: ");
		for (i = 0; i < req->data_len; i++) {
			ch = req->data[i];
			if (ch < 0x20 || ch > 0x7e || ch == '$' || ch == '#' ||
			    ch == '}' || ch == '*')
				ch = '?';
			rsp_put_char(s, ch);
		}
		rsp_put_char(s, '\n');
		return 1;
	}
	ret = s->ops->thread_events(s->target, enable);
	if (ret < 0) {
		rsp_put_error(s, ret);
		return 1;
	}
	s->thread_events = enable;
	rsp_put_str(s, "OK");
	return 1;
}

int rsp_serve_query(struct rsp_session *s, struct rsp_req *req)
{
	switch (req->kind) {
	case RSP_REQ_SUPPORTED:
		return serve_supported(s, req);
	case RSP_REQ_XFER_FEATURES:
	case RSP_REQ_XFER_THREADS:
	case RSP_REQ_XFER_EXEC_FILE:
	case RSP_REQ_XFER_AUXV:
	case RSP_REQ_XFER_LIBRARIES:
	case RSP_REQ_XFER_SIGINFO:
	case RSP_REQ_XFER_SIGINFO_WRITE:
		return rsp_serve_xfer(s, req);
	case RSP_REQ_XFER_OSDATA:
		return rsp_serve_osdata(s, req);
	case RSP_REQ_VFILE:
		return rsp_serve_vfile(s, req);
	case RSP_REQ_THREADS_FIRST:
		return serve_threads_first(s);
	case RSP_REQ_THREADS_NEXT:
		return put_thread_chunk(s);
	case RSP_REQ_CURRENT:
		return serve_current(s);
	case RSP_REQ_ATTACHED:
		return serve_attached(s, req);
	case RSP_REQ_MONITOR:
		return serve_monitor(s, req);
	case RSP_REQ_CRC:
	case RSP_REQ_SEARCH:
		return rsp_serve_memscan(s, req);
	case RSP_REQ_PASS_SIGNALS:
	case RSP_REQ_PROGRAM_SIGNALS:
		return serve_signals(s, req);
	case RSP_REQ_CATCH_SYSCALLS:
		return serve_catch_syscalls(s, req);
	case RSP_REQ_THREAD_EVENTS:
		return serve_thread_events(s, req);
	case RSP_REQ_SYMBOL:
	case RSP_REQ_TLS_ADDR:
		return rsp_serve_tls(s, req);
	default:
		return 1;
	}
}
