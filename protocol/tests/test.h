/* SPDX-License-Identifier: GPL-2.0 */
/*
 * test.h - a minimal assertion counter for the protocol unit tests, and
 * a harness that plays gdb against a session backed by the mock target.
 */
#ifndef UGDB_TEST_H
#define UGDB_TEST_H

#include <stdio.h>
#include <string.h>
#include "mock_target.h"

extern int t_passed, t_failed;

#define CHECK(cond) t_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) \
	t_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want) \
	t_check_int((long long)(got), (long long)(want), #got, \
		    __FILE__, __LINE__)

void t_check(int ok, const char *what, const char *file, int line);
void t_check_str(const char *got, const char *want, const char *what,
		 const char *file, int line);
void t_check_int(long long got, long long want, const char *what,
		 const char *file, int line);

#define ENV_MAX_PKTS	64

/* gdb's side of one session. */
struct env {
	struct rsp_session *s;
	struct mock m;
	/* what the last drain() found in the output */
	int acks, naks, garbage;
	int npkts;
	char *pkts[ENV_MAX_PKTS];	/* payloads, NUL-terminated */
	u32 pkt_len[ENV_MAX_PKTS];
	/* the same as sent, before RLE expansion (checksums cover these) */
	char *raw[ENV_MAX_PKTS];
	u32 raw_len[ENV_MAX_PKTS];
	int bad_csum;
};

struct env *env_new(int extended, const struct rsp_target_ops *ops);
void env_free(struct env *e);
/* Frame payload as gdb would and feed it (all of it must be consumed). */
void env_send(struct env *e, const void *payload, u32 len);
void env_send_str(struct env *e, const char *payload);
void env_feed_raw(struct env *e, const void *data, u32 len);
/* Parse and consume the session's output. */
void env_drain(struct env *e);
/* Send a packet and return the single reply's payload ("" if none). */
const char *xact(struct env *e, const char *payload);
const char *xact_bin(struct env *e, const void *payload, u32 len,
		     u32 *reply_len);
/* Reply of the last drain, or NULL if no packet came. */
const char *last_reply(struct env *e);
void frame(const void *payload, u32 len, char *out, u32 *out_len);
u8 checksum(const void *p, u32 len);
/*
 * Expand gdb's run-length encoding ("X*Y": Y - 29 more X) as gdb's
 * read_frame does; returns the decoded length or -1 if malformed.
 */
long rle_decode(const char *in, u32 n, char *out, u32 out_max);
void hexify(const void *p, u32 n, char *out);

/* test groups */
void test_hex(void);
void test_frame(void);
void test_watch(void);
void test_threadev(void);
void test_packets(void);
void test_exec(void);
void test_amd64(void);
void test_signals(void);
void test_rle(void);
void test_events(void);
void test_pass_signals(void);
void test_qxfer(void);
void test_memscan(void);
void test_tls(void);
void test_vfile(void);
void test_run(void);
void test_osdata(void);
void dump_threads_xml(void);
void dump_target_xml(const char *features);

#endif
