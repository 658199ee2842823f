// SPDX-License-Identifier: GPL-2.0
/*
 * ugdb_osdata.c - gdb's "info os" (qXfer:osdata:read): the session passes
 * each request to the relay, which makes the tables from /proc and the
 * user database as its own user, as gdbserver does; see uapi/ugdb.h for
 * the handshake.  Everything here runs with sess->mutex held.
 */
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ugdb.h"
#include "uapi/ugdb.h"

/* The osdata op: keep the request for the relay (POLLPRI). */
int ugdb_osdata(void *target, const char *annex, u64 off, u32 len)
{
	struct ugdb_session *sess = target;
	char *copy;

	if (!sess->osdata_relay)
		return -EOPNOTSUPP;
	/* the protocol asks one at a time; a stale one is dropped */
	copy = kstrdup(annex, GFP_KERNEL_ACCOUNT);
	if (!copy)
		return -ENOMEM;
	kfree(sess->osdata_annex);
	sess->osdata_annex = copy;
	sess->osdata_off = off;
	sess->osdata_len = len;
	sess->osdata_state = UGDB_OSDATA_PENDING;
	ugdb_session_event(sess);
	return 0;
}

long ugdb_osdata_get(struct ugdb_session *sess,
		     struct ugdb_osdata_request __user *ureq)
{
	struct ugdb_osdata_request req;
	u32 need;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (sess->osdata_state != UGDB_OSDATA_PENDING)
		return -ENOENT;
	need = strlen(sess->osdata_annex) + 1;
	if (req.annex_size < need) {
		req.annex_size = need;
		return copy_to_user(ureq, &req, sizeof(req)) ? -EFAULT :
							       -ENOSPC;
	}
	if (copy_to_user(u64_to_user_ptr(req.annex), sess->osdata_annex,
			 need))
		return -EFAULT;
	req.annex_size = need;
	req.len = sess->osdata_len;
	req.offset = sess->osdata_off;
	if (copy_to_user(ureq, &req, sizeof(req)))
		return -EFAULT;
	sess->osdata_state = UGDB_OSDATA_TAKEN;
	return 0;
}

/* The request is answered (data, or an error): forget it. */
static void osdata_done(struct ugdb_session *sess, const u8 *data, long n)
{
	kfree(sess->osdata_annex);
	sess->osdata_annex = NULL;
	sess->osdata_state = UGDB_OSDATA_NONE;
	rsp_session_osdata_reply(sess->rsp, data, n);
	ugdb_session_event(sess);
}

long ugdb_osdata_put(struct ugdb_session *sess,
		     const struct ugdb_osdata_reply __user *urep)
{
	struct ugdb_osdata_reply rep;
	u8 *buf;

	if (copy_from_user(&rep, urep, sizeof(rep)))
		return -EFAULT;
	if (sess->osdata_state != UGDB_OSDATA_TAKEN || rep.error > 0 ||
	    rep.error < -MAX_ERRNO || rep.len > sess->osdata_len)
		return -EINVAL;
	if (rep.error) {
		osdata_done(sess, NULL, rep.error);
		return 0;
	}
	buf = kvmalloc(rep.len ? rep.len : 1, GFP_KERNEL_ACCOUNT);
	if (!buf) {
		osdata_done(sess, NULL, -ENOMEM);
		return -ENOMEM;
	}
	if (copy_from_user(buf, u64_to_user_ptr(rep.buf), rep.len)) {
		kvfree(buf);
		osdata_done(sess, NULL, -EIO);
		return -EFAULT;
	}
	osdata_done(sess, buf, rep.len);
	kvfree(buf);
	return 0;
}

void ugdb_osdata_free(struct ugdb_session *sess)
{
	kfree(sess->osdata_annex);
}
