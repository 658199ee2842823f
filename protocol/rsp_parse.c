// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_parse.c - packet text -> struct rsp_req.
 *
 * Parsing is strict about the fields a packet needs (a missing field, a
 * bad digit or trailing junk makes the request RSP_REQ_BAD, answered with
 * an error) and lenient about packets it does not know (RSP_REQ_UNKNOWN,
 * answered with the empty reply that tells gdb "not supported").  Numbers
 * keep gdb's meaning here (gdb signal numbers, raw lengths); limits and
 * conversions are the server's business.
 */
#include "rsp_int.h"

static int parse_addr_len(struct rsp_cur *c, struct rsp_req *req)
{
	if (rsp_cur_hex(c, &req->addr) || !rsp_cur_skip(c, ','))
		return -1;
	return rsp_cur_hex(c, &req->len);
}

/* The rest of the packet as the request's data. */
static void take_rest(struct rsp_cur *c, struct rsp_req *req)
{
	req->data = c->p;
	req->data_len = (u32)(c->end - c->p);
	c->p = c->end;
}

/* m/x addr,len   M/X addr,len:data */
static int parse_mem(struct rsp_cur *c, struct rsp_req *req, int write)
{
	if (parse_addr_len(c, req))
		return -1;
	if (!write)
		return rsp_cur_eof(c) ? 0 : -1;
	if (!rsp_cur_skip(c, ':'))
		return -1;
	take_rest(c, req);
	return 0;
}

/* Z/z type,addr,kind[;cond...]: conditions are not announced, ignored */
static int parse_bp(struct rsp_cur *c, struct rsp_req *req)
{
	if (rsp_cur_hex_int(c, &req->type) || !rsp_cur_skip(c, ',') ||
	    rsp_cur_hex(c, &req->addr) || !rsp_cur_skip(c, ',') ||
	    rsp_cur_hex_int(c, &req->kind_arg))
		return -1;
	return rsp_cur_eof(c) || rsp_cur_skip(c, ';') ? 0 : -1;
}

/* c [addr], s [addr], C sig[;addr], S sig[;addr] */
static int parse_resume(struct rsp_cur *c, struct rsp_req *req, u8 op)
{
	req->step = op == 's' || op == 'S';
	if (op == 'C' || op == 'S') {
		if (rsp_cur_hex_int(c, &req->sig) || req->sig > 0xff)
			return -1;
		if (rsp_cur_eof(c))
			return 0;
		/* after the ';' the address is no longer optional */
		if (!rsp_cur_skip(c, ';'))
			return -1;
	} else if (rsp_cur_eof(c)) {
		return 0;
	}
	if (rsp_cur_hex(c, &req->addr))
		return -1;
	req->has_addr = 1;
	return rsp_cur_eof(c) ? 0 : -1;
}

/* vCont;ACTION[:TID][;ACTION[:TID]]... (the "vCont" is consumed) */
static int parse_vcont(struct rsp_cur *c, struct rsp_req *req,
		       struct rsp_resume *acts, int max)
{
	struct rsp_resume *a;
	u8 op;

	req->n_acts = 0;
	while (rsp_cur_skip(c, ';')) {
		if (req->n_acts >= max || rsp_cur_eof(c))
			return -1;
		a = &acts[req->n_acts++];
		op = *c->p++;
		a->sig = 0;
		a->tid = -1;
		a->pid = 0;
		a->start = 0;
		a->end = 0;
		switch (op) {
		case 'c':
			a->kind = RSP_RESUME_CONTINUE;
			break;
		case 's':
			a->kind = RSP_RESUME_STEP;
			break;
		case 't':
			a->kind = RSP_RESUME_STOP;
			break;
		case 'r':
			a->kind = RSP_RESUME_RANGE;
			if (rsp_cur_hex(c, &a->start) || !rsp_cur_skip(c, ',') ||
			    rsp_cur_hex(c, &a->end))
				return -1;
			break;
		case 'C':
		case 'S':
			a->kind = op == 'C' ? RSP_RESUME_CONTINUE :
					      RSP_RESUME_STEP;
			/* gdb's number: the server converts it */
			if (rsp_cur_hex_int(c, &a->sig) || a->sig > 0xff)
				return -1;
			break;
		default:
			return -1;
		}
		if (rsp_cur_skip(c, ':') && rsp_cur_tid(c, &a->pid, &a->tid))
			return -1;
	}
	return rsp_cur_eof(c) && req->n_acts ? 0 : -1;
}

/* Optional ";pid" (D) or ":pid" (qAttached); -1 when absent. */
static int parse_opt_pid(struct rsp_cur *c, struct rsp_req *req, u8 sep)
{
	req->pid = -1;
	if (rsp_cur_eof(c))
		return 0;
	if (!rsp_cur_skip(c, sep) || rsp_cur_hex_int(c, &req->pid))
		return -1;
	return rsp_cur_eof(c) ? 0 : -1;
}

static int parse_v(struct rsp_cur *c, struct rsp_req *req,
		   struct rsp_resume *acts, int max)
{
	if (rsp_cur_prefix(c, "vCont?")) {
		req->kind = RSP_REQ_VCONT_QUERY;
		return rsp_cur_eof(c) ? 0 : -1;
	}
	if (rsp_cur_prefix(c, "vCont;")) {
		c->p--;		/* parse_vcont wants the ';' */
		req->kind = RSP_REQ_VCONT;
		return parse_vcont(c, req, acts, max);
	}
	if (rsp_cur_prefix(c, "vCtrlC")) {
		req->kind = RSP_REQ_VCTRLC;
		return rsp_cur_eof(c) ? 0 : -1;
	}
	if (rsp_cur_prefix(c, "vAttach;"))
		req->kind = RSP_REQ_ATTACH;
	else if (rsp_cur_prefix(c, "vKill;"))
		req->kind = RSP_REQ_VKILL;
	if (req->kind == RSP_REQ_ATTACH || req->kind == RSP_REQ_VKILL) {
		if (rsp_cur_hex_int(c, &req->pid) || !req->pid)
			return -1;
		return rsp_cur_eof(c) ? 0 : -1;
	}
	if (rsp_cur_prefix(c, "vFile:")) {
		/* rsp_vfile.c parses the operation */
		req->kind = RSP_REQ_VFILE;
		take_rest(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "vRun;")) {
		req->kind = RSP_REQ_RUN;
		take_rest(c, req);
		return 0;
	}
	/* vMustReplyEmpty, ...: unsupported */
	return 0;
}

/* The qSupported features we act on, and their RSP_GDB_* bits. */
static const struct {
	const char *name;
	int bit;
} gdb_features[] = {
	{ "swbreak+", RSP_GDB_SWBREAK },
	{ "hwbreak+", RSP_GDB_HWBREAK },
	{ "multiprocess+", RSP_GDB_MULTIPROCESS },
	{ "no-resumed+", RSP_GDB_NO_RESUMED },
	{ "exec-events+", RSP_EVENT_EXEC << RSP_GDB_EVENT_SHIFT },
	{ "fork-events+", RSP_EVENT_FORK << RSP_GDB_EVENT_SHIFT },
	{ "vfork-events+", RSP_EVENT_VFORK << RSP_GDB_EVENT_SHIFT },
};

/* qSupported[:feature;feature...]: note the ones we act on */
static void parse_supported(struct rsp_cur *c, struct rsp_req *req)
{
	const u8 *tok;
	u32 i, n;

	req->kind = RSP_REQ_SUPPORTED;
	if (!rsp_cur_skip(c, ':'))
		return;
	while (!rsp_cur_eof(c)) {
		tok = c->p;
		while (c->p < c->end && *c->p != ';')
			c->p++;
		for (i = 0; i < sizeof(gdb_features) / sizeof(gdb_features[0]);
		     i++) {
			n = __builtin_strlen(gdb_features[i].name);
			if ((u32)(c->p - tok) == n &&
			    !__builtin_memcmp(tok, gdb_features[i].name, n))
				req->features |= gdb_features[i].bit;
		}
		rsp_cur_skip(c, ';');
	}
}

/* The objects we serve with qXfer:OBJECT:read; others are unsupported. */
static const struct {
	const char *prefix;
	enum rsp_req_kind kind;
} xfer_objects[] = {
	{ "features:read:", RSP_REQ_XFER_FEATURES },
	{ "threads:read:", RSP_REQ_XFER_THREADS },
	{ "exec-file:read:", RSP_REQ_XFER_EXEC_FILE },
	{ "auxv:read:", RSP_REQ_XFER_AUXV },
	{ "libraries-svr4:read:", RSP_REQ_XFER_LIBRARIES },
	{ "siginfo:read:", RSP_REQ_XFER_SIGINFO },
	{ "siginfo:write:", RSP_REQ_XFER_SIGINFO_WRITE },
	{ "osdata:read:", RSP_REQ_XFER_OSDATA },
};

/*
 * qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH, or qXfer:OBJECT:write:ANNEX:
 * OFFSET:DATA with binary DATA, unescaped in place into req->wdata
 * ("qXfer:" consumed; the annex is in req->data).  Text without the
 * three ':' of OBJECT:OPERATION:ANNEX: is malformed, whatever the object
 * (gdbserver's E01); a well-formed request for an object or operation we
 * do not know is left RSP_REQ_UNKNOWN (empty reply).
 */
static int parse_xfer(struct rsp_cur *c, struct rsp_req *req)
{
	const u8 *p;
	int colons = 0;
	long n;
	u32 i;

	for (p = c->p; p < c->end && colons < 3; p++)
		colons += *p == ':';
	if (colons < 3)
		return -1;
	for (i = 0; i < sizeof(xfer_objects) / sizeof(xfer_objects[0]); i++)
		if (rsp_cur_prefix(c, xfer_objects[i].prefix))
			break;
	if (i == sizeof(xfer_objects) / sizeof(xfer_objects[0]))
		return 0;
	req->kind = xfer_objects[i].kind;
	req->data = c->p;
	while (c->p < c->end && *c->p != ':')
		c->p++;
	req->data_len = (u32)(c->p - req->data);
	if (!rsp_cur_skip(c, ':') || rsp_cur_hex(c, &req->off))
		return -1;
	if (req->kind == RSP_REQ_XFER_SIGINFO_WRITE) {
		if (!rsp_cur_skip(c, ':'))
			return -1;
		req->wdata = c->p;
		n = rsp_unescape(c->p, (u32)(c->end - c->p));
		if (n < 0)
			return -1;
		req->wdata_len = (u32)n;
		c->p = c->end;
		return 0;
	}
	if (!rsp_cur_skip(c, ',') || rsp_cur_hex(c, &req->len))
		return -1;
	return rsp_cur_eof(c) ? 0 : -1;
}

static int parse_q(struct rsp_cur *c, struct rsp_req *req)
{
	if (rsp_cur_prefix(c, "qSupported")) {
		parse_supported(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "qXfer:"))
		return parse_xfer(c, req);
	if (rsp_cur_prefix(c, "qAttached")) {
		req->kind = RSP_REQ_ATTACHED;
		return parse_opt_pid(c, req, ':');
	}
	if (rsp_cur_prefix(c, "qRcmd,")) {
		req->kind = RSP_REQ_MONITOR;
		take_rest(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "qCRC:")) {
		req->kind = RSP_REQ_CRC;
		if (parse_addr_len(c, req))
			return -1;
		return rsp_cur_eof(c) ? 0 : -1;
	}
	if (rsp_cur_prefix(c, "qSearch:memory:")) {
		req->kind = RSP_REQ_SEARCH;
		if (rsp_cur_hex(c, &req->addr) || !rsp_cur_skip(c, ';') ||
		    rsp_cur_hex(c, &req->len) || !rsp_cur_skip(c, ';'))
			return -1;
		take_rest(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "qSymbol:")) {
		/* rsp_tls.c parses the value and name */
		req->kind = RSP_REQ_SYMBOL;
		take_rest(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "qGetTLSAddr:")) {
		req->kind = RSP_REQ_TLS_ADDR;
		take_rest(c, req);
		return 0;
	}
	if (rsp_cur_prefix(c, "qfThreadInfo"))
		req->kind = RSP_REQ_THREADS_FIRST;
	else if (rsp_cur_prefix(c, "qsThreadInfo"))
		req->kind = RSP_REQ_THREADS_NEXT;
	else if (rsp_cur_prefix(c, "qC"))
		req->kind = RSP_REQ_CURRENT;
	/* exact names only: "qCRC:..." must stay unknown, not become qC */
	if (req->kind != RSP_REQ_UNKNOWN && !rsp_cur_eof(c))
		req->kind = RSP_REQ_UNKNOWN;
	return 0;
}

/* The Q packets that set up vRun; their data is checked when served. */
static const struct {
	const char *prefix;
	enum rsp_req_kind kind;
} launch_settings[] = {
	{ "QEnvironmentHexEncoded:", RSP_REQ_ENV_SET },
	{ "QEnvironmentUnset:", RSP_REQ_ENV_UNSET },
	{ "QSetWorkingDir:", RSP_REQ_SET_CWD },
	{ "QStartupWithShell:", RSP_REQ_STARTUP_SHELL },
	{ "QDisableRandomization:", RSP_REQ_NO_ASLR },
};

static void parse_launch_setting(struct rsp_cur *c, struct rsp_req *req)
{
	u32 i;

	/* exact name: "QEnvironmentReset:1" stays unknown, as in gdbserver */
	if (rsp_cur_prefix(c, "QEnvironmentReset")) {
		if (rsp_cur_eof(c))
			req->kind = RSP_REQ_ENV_RESET;
		return;
	}
	for (i = 0; i < sizeof(launch_settings) / sizeof(launch_settings[0]);
	     i++) {
		if (rsp_cur_prefix(c, launch_settings[i].prefix)) {
			req->kind = launch_settings[i].kind;
			take_rest(c, req);
			return;
		}
	}
}

static int parse_packet(struct rsp_cur *c, struct rsp_req *req,
			struct rsp_resume *acts, int max)
{
	u8 op = *c->p;

	/* multi-letter packets keep their letter for the prefix match */
	if (op == 'q')
		return parse_q(c, req);
	if (op == 'v')
		return parse_v(c, req, acts, max);
	if (op == 'Q') {
		if (rsp_cur_prefix(c, "QStartNoAckMode")) {
			if (rsp_cur_eof(c))
				req->kind = RSP_REQ_NOACK;
		} else if (rsp_cur_prefix(c, "QPassSignals:")) {
			req->kind = RSP_REQ_PASS_SIGNALS;
			take_rest(c, req);
		} else if (rsp_cur_prefix(c, "QProgramSignals:")) {
			req->kind = RSP_REQ_PROGRAM_SIGNALS;
			take_rest(c, req);
		} else if (rsp_cur_prefix(c, "QCatchSyscalls:")) {
			req->kind = RSP_REQ_CATCH_SYSCALLS;
			take_rest(c, req);
		} else if (rsp_cur_prefix(c, "QThreadEvents:")) {
			req->kind = RSP_REQ_THREAD_EVENTS;
			take_rest(c, req);
		} else {
			parse_launch_setting(c, req);
		}
		return 0;
	}
	c->p++;
	switch (op) {
	case '?':
		req->kind = RSP_REQ_STATUS;
		return 0;
	case '!':
		req->kind = RSP_REQ_EXTENDED;
		return 0;
	case 'k':
		req->kind = RSP_REQ_KILL;
		return 0;
	case 'g':
		req->kind = RSP_REQ_READ_REGS;
		return rsp_cur_eof(c) ? 0 : -1;
	case 'G':
		req->kind = RSP_REQ_WRITE_REGS;
		take_rest(c, req);
		return 0;
	case 'p':
		req->kind = RSP_REQ_READ_REG;
		if (rsp_cur_hex_int(c, &req->regno))
			return -1;
		return rsp_cur_eof(c) ? 0 : -1;
	case 'P':
		req->kind = RSP_REQ_WRITE_REG;
		if (rsp_cur_hex_int(c, &req->regno) || !rsp_cur_skip(c, '='))
			return -1;
		take_rest(c, req);
		return 0;
	case 'm':
	case 'M':
	case 'x':
	case 'X':
		req->kind = op == 'm' ? RSP_REQ_READ_MEM :
			    op == 'M' ? RSP_REQ_WRITE_MEM :
			    op == 'x' ? RSP_REQ_READ_BIN : RSP_REQ_WRITE_BIN;
		return parse_mem(c, req, op == 'M' || op == 'X');
	case 'Z':
	case 'z':
		req->kind = op == 'Z' ? RSP_REQ_INSERT_BP : RSP_REQ_REMOVE_BP;
		return parse_bp(c, req);
	case 'c':
	case 'C':
	case 's':
	case 'S':
		req->kind = RSP_REQ_RESUME;
		return parse_resume(c, req, op);
	case 'D':
		req->kind = RSP_REQ_DETACH;
		return parse_opt_pid(c, req, ';');
	case 'H':
		req->kind = RSP_REQ_SET_THREAD;
		if (rsp_cur_eof(c))
			return -1;
		req->type = *c->p++;
		if (req->type != 'g' && req->type != 'c')
			return -1;
		if (rsp_cur_tid(c, &req->pid, &req->tid))
			return -1;
		return rsp_cur_eof(c) ? 0 : -1;
	case 'T':
		req->kind = RSP_REQ_THREAD_ALIVE;
		if (rsp_cur_tid(c, &req->pid, &req->tid))
			return -1;
		return rsp_cur_eof(c) ? 0 : -1;
	}
	return 0;
}

void rsp_parse(u8 *pkt, u32 len, struct rsp_req *req,
	       struct rsp_resume *acts, int max_acts)
{
	struct rsp_cur c = { .p = pkt, .end = pkt + len };

	__builtin_memset(req, 0, sizeof(*req));
	req->kind = RSP_REQ_UNKNOWN;
	req->pid = -1;
	if (!len)
		return;
	if (parse_packet(&c, req, acts, max_acts))
		req->kind = RSP_REQ_BAD;
}
