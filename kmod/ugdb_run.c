// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_run.c - vRun: gdb asks for a new process, the relay launches it.
 *
 * The program has to be the relay's child (its terminal, credentials and
 * environment, reaped by it), so the session only keeps what gdb set up
 * and hands a launch request to the relay; see uapi/ugdb.h for the
 * handshake.  Everything here runs with sess->mutex held.
 */
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ugdb.h"
#include "uapi/ugdb.h"

/* Room for gdb's environment edits: "set environment" lines, bounded. */
#define UGDB_RUN_ENV_MAX	(64 * 1024)

/* Copy a string of len bytes (plus NUL) into *slot, allocated PATH_MAX. */
static int set_path(char **slot, const u8 *val, u32 len)
{
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (!*slot) {
		*slot = kmalloc(PATH_MAX, GFP_KERNEL_ACCOUNT);
		if (!*slot)
			return -ENOMEM;
	}
	memcpy(*slot, val, len);
	(*slot)[len] = 0;
	return 0;
}

static int add_env_edit(struct ugdb_session *sess, char op, const u8 *val,
			u32 len)
{
	if (len + 2 > UGDB_RUN_ENV_MAX - sess->run_env_len)
		return -E2BIG;
	if (!sess->run_env) {
		sess->run_env = kvmalloc(UGDB_RUN_ENV_MAX, GFP_KERNEL_ACCOUNT);
		if (!sess->run_env)
			return -ENOMEM;
	}
	sess->run_env[sess->run_env_len] = op;
	memcpy(sess->run_env + sess->run_env_len + 1, val, len);
	sess->run_env[sess->run_env_len + 1 + len] = 0;
	sess->run_env_len += len + 2;
	sess->run_nenv++;
	return 0;
}

int ugdb_run_setting(void *target, enum rsp_launch_setting what,
		     const u8 *val, u32 len)
{
	struct ugdb_session *sess = target;

	switch (what) {
	case RSP_LAUNCH_ENV_SET:
		return add_env_edit(sess, '+', val, len);
	case RSP_LAUNCH_ENV_UNSET:
		return add_env_edit(sess, '-', val, len);
	case RSP_LAUNCH_ENV_RESET:
		sess->run_env_len = 0;
		sess->run_nenv = 0;
		return 0;
	case RSP_LAUNCH_CWD:
		return set_path(&sess->run_cwd, val, len);
	case RSP_LAUNCH_SHELL:
		sess->run_shell = len;
		return 0;
	case RSP_LAUNCH_NO_ASLR:
		sess->run_no_aslr = len;
		return 0;
	}
	return -EINVAL;
}

/*
 * vRun: queue the request for the relay.  An empty program name means
 * the last one run (gdbserver remembers it even when the run failed).
 */
int ugdb_run(void *target, const u8 *args, u32 len, int argc)
{
	struct ugdb_session *sess = target;
	u32 prog_len = strlen((const char *)args), rest = len - prog_len - 1;
	int ret;

	if (!sess->launcher)
		return -EOPNOTSUPP;
	/* one more process while others are debugged: see ugdb_launch() */
	if (sess->run_state != UGDB_RUN_NONE)
		return -EBUSY;
	if (prog_len) {
		ret = set_path(&sess->run_prog, args, prog_len);
		if (ret)
			return ret;
	} else if (!sess->run_prog) {
		return -ENOENT;
	}
	prog_len = strlen(sess->run_prog);
	kvfree(sess->run_args);
	sess->run_args = kvmalloc(prog_len + 1 + rest, GFP_KERNEL_ACCOUNT);
	if (!sess->run_args)
		return -ENOMEM;
	memcpy(sess->run_args, sess->run_prog, prog_len + 1);
	memcpy(sess->run_args + prog_len + 1, args + len - rest, rest);
	sess->run_args_len = prog_len + 1 + rest;
	sess->run_argc = argc;
	sess->run_state = UGDB_RUN_PENDING;
	ugdb_session_event(sess);
	return 0;
}

static u32 run_request_size(struct ugdb_session *sess)
{
	return sess->run_args_len + 1 +
	       (sess->run_cwd ? strlen(sess->run_cwd) : 0) +
	       sess->run_env_len;
}

long ugdb_run_get(struct ugdb_session *sess,
		  struct ugdb_run_request __user *ureq)
{
	struct ugdb_run_request req;
	const char *cwd = sess->run_cwd ? sess->run_cwd : "";
	u8 __user *buf;
	u32 need, off;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (sess->run_state != UGDB_RUN_PENDING)
		return -ENOENT;
	need = run_request_size(sess);
	buf = u64_to_user_ptr(req.buf);
	if (req.size < need) {
		req.size = need;
		return copy_to_user(ureq, &req, sizeof(req)) ? -EFAULT :
							       -ENOSPC;
	}
	off = sess->run_args_len;
	if (copy_to_user(buf, sess->run_args, off) ||
	    copy_to_user(buf + off, cwd, strlen(cwd) + 1) ||
	    copy_to_user(buf + off + strlen(cwd) + 1, sess->run_env,
			 sess->run_env_len))
		return -EFAULT;
	req.size = need;
	req.flags = (sess->run_shell ? UGDB_RUN_SHELL : 0) |
		    (sess->run_no_aslr ? UGDB_RUN_NO_ASLR : 0);
	req.argc = sess->run_argc;
	req.nenv = sess->run_nenv;
	if (copy_to_user(ureq, &req, sizeof(req)))
		return -EFAULT;
	sess->run_state = UGDB_RUN_TAKEN;
	return 0;
}

/* The process the launch started, if it is there. */
static struct ugdb_process *run_proc(struct ugdb_session *sess)
{
	return sess->run_pid ? ugdb_proc_find(sess, sess->run_pid) : NULL;
}

static void run_end(struct ugdb_session *sess)
{
	sess->run_state = UGDB_RUN_NONE;
	sess->run_pid = 0;
}

/*
 * The launch failed: let go of what it left (gdb's other processes stay
 * as they are), and tell gdb.
 */
static void run_failed(struct ugdb_session *sess)
{
	struct ugdb_process *p = run_proc(sess);

	if (p)
		ugdb_forget_proc(sess, p, true);
	run_end(sess);
	rsp_session_run_failed(sess->rsp);
}

int ugdb_run_done(struct ugdb_session *sess, s32 result)
{
	if (sess->run_state != UGDB_RUN_TAKEN || result > 0)
		return -EINVAL;
	kvfree(sess->run_args);
	sess->run_args = NULL;
	/* exec'd, but never asked to be traced: nothing to report on */
	if (result < 0 || !run_proc(sess)) {
		run_failed(sess);
	} else {
		sess->run_state = UGDB_RUN_STARTED;
		ugdb_session_event(sess);
	}
	return 0;
}

/*
 * From ugdb_pump(): true while a launch keeps the stop reply back.  Once
 * the task reached the program's exec, its event is an ordinary stop
 * that the pump reports, before any other process's (*@ran: its pid);
 * if it ended before, vRun fails as in gdbserver.
 */
bool ugdb_run_pump(struct ugdb_session *sess, pid_t *ran)
{
	struct ugdb_process *p;
	bool pending, gone;
	unsigned long flags;

	if (sess->run_state == UGDB_RUN_NONE)
		return false;
	if (sess->run_state != UGDB_RUN_STARTED)
		return true;
	raw_spin_lock_irqsave(&sess->lock, flags);
	p = run_proc(sess);
	pending = !p || READ_ONCE(p->exec_pending);
	gone = !p || p->gone;
	raw_spin_unlock_irqrestore(&sess->lock, flags);
	if (pending && !gone)
		return true;
	if (pending) {
		run_failed(sess);
		return true;
	}
	*ran = sess->run_pid;
	run_end(sess);
	return false;
}

void ugdb_run_free(struct ugdb_session *sess)
{
	kfree(sess->run_prog);
	kfree(sess->run_cwd);
	kvfree(sess->run_env);
	kvfree(sess->run_args);
}
