// SPDX-License-Identifier: GPL-2.0
/* test_frame.c - packet framing, acks, retransmission, no-ack mode, ^C. */
#include <stdlib.h>
#include "test.h"

static void test_checksum(void)
{
	char buf[32];
	u32 n;

	CHECK_INT(checksum("OK", 2), 0x9a);
	frame("OK", 2, buf, &n);
	CHECK_STR(buf, "$OK#9a");
	frame("", 0, buf, &n);
	CHECK_STR(buf, "$#00");
}

static void test_basic(void)
{
	struct env *e = env_new(0, NULL);
	u32 olen;
	const u8 *o;

	env_feed_raw(e, "$?#3f", 5);
	o = rsp_session_output(e->s, &olen);
	CHECK(olen > 0 && o[0] == '+');
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_INT(e->npkts, 1);
	CHECK_INT(e->bad_csum, 0);
	CHECK(last_reply(e) && last_reply(e)[0] == 'T');

	/* unknown packet: empty reply */
	CHECK_STR(xact(e, "qTStatus"), "");
	CHECK_STR(xact(e, "vMustReplyEmpty"), "");
	CHECK_STR(xact(e, "qOffsets"), "");
	CHECK_STR(xact(e, "QNonStop:0"), "");
	CHECK_STR(xact(e, "\x7f\x01\x02"), "");
	/* gdb acks our replies: '+' between packets is ignored */
	env_feed_raw(e, "+++", 3);
	env_drain(e);
	CHECK_INT(e->npkts + e->acks + e->naks, 0);
	/* the empty packet: empty reply */
	env_feed_raw(e, "$#00", 4);
	env_drain(e);
	CHECK_INT(e->npkts, 1);
	CHECK_STR(last_reply(e), "");
	/* gdb may read the output piecemeal */
	env_feed_raw(e, "$qC#b4", 6);
	{
		u32 l1, l2;

		rsp_session_output(e->s, &l1);
		rsp_session_consume(e->s, 3);
		o = rsp_session_output(e->s, &l2);
		CHECK(l2 == l1 - 3 && !memcmp(o, "C4d2#", 5));
		rsp_session_consume(e->s, l2);
	}
	/* upper-case checksum digits are accepted */
	env_feed_raw(e, "$OK#9A", 6);
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_STR(last_reply(e), "");
	env_free(e);
}

/* A packet fed one byte at a time, and two packets in one feed. */
static void test_split(void)
{
	struct env *e = env_new(0, NULL);
	const char *pkt = "$qC#b4$qC#b4";
	int i;

	for (i = 0; i < 6; i++) {
		env_feed_raw(e, pkt + i, 1);
		if (i < 5) {
			u32 olen;

			rsp_session_output(e->s, &olen);
			CHECK_INT(olen, 0);
		}
	}
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_STR(last_reply(e), "QC4d2");
	env_feed_raw(e, pkt, 12);
	env_drain(e);
	CHECK_INT(e->acks, 2);
	CHECK_INT(e->npkts, 2);
	/* noise before a packet is skipped */
	env_feed_raw(e, "xyz\r\n$qC#b4", 11);
	env_drain(e);
	CHECK_INT(e->npkts, 1);
	/* a '$' inside a packet restarts it */
	env_feed_raw(e, "$qfThr$qC#b4", 12);
	env_drain(e);
	CHECK_STR(last_reply(e), "QC4d2");
	env_free(e);
}

static void test_bad_checksum(void)
{
	struct env *e = env_new(0, NULL);

	env_feed_raw(e, "$qC#00", 6);
	env_drain(e);
	CHECK_INT(e->naks, 1);
	CHECK_INT(e->acks, 0);
	CHECK_INT(e->npkts, 0);
	/* non-hex checksum digits */
	env_feed_raw(e, "$qC#zz", 6);
	env_drain(e);
	CHECK_INT(e->naks, 1);
	CHECK_INT(e->npkts, 0);
	CHECK_INT(e->s->rx_dropped, 2);
	/* gdb resends; fine this time */
	env_feed_raw(e, "$qC#b4", 6);
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_STR(last_reply(e), "QC4d2");
	env_free(e);
}

static void test_retransmit(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "qC"), "QC4d2");
	env_feed_raw(e, "-", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 1);
	CHECK_STR(last_reply(e), "QC4d2");
	env_feed_raw(e, "--", 2);
	env_drain(e);
	CHECK_INT(e->npkts, 2);
	/* nothing sent yet: nothing to resend */
	env_free(e);
	e = env_new(0, NULL);
	env_feed_raw(e, "-", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	env_free(e);
}

static void test_noack(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "QStartNoAckMode"), "OK");
	CHECK_INT(e->acks, 1);		/* that one is still acked */
	CHECK(e->s->no_ack);
	CHECK_STR(xact(e, "qC"), "QC4d2");
	CHECK_INT(e->acks, 0);
	/* bad checksum: dropped silently */
	env_feed_raw(e, "$qC#00", 6);
	env_drain(e);
	CHECK_INT(e->naks + e->npkts + e->acks, 0);
	/* '-' means nothing now */
	env_feed_raw(e, "-", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 0);
	env_free(e);
}

static void test_interrupt(void)
{
	struct env *e = env_new(0, NULL);

	/* ^C while stopped: ignored */
	env_feed_raw(e, "\x03", 1);
	env_drain(e);
	CHECK_INT(e->m.n_interrupt, 0);
	CHECK_INT(e->npkts, 0);
	xact(e, "vCont;c");
	CHECK(e->s->running);
	env_feed_raw(e, "\x03", 1);
	env_drain(e);
	CHECK_INT(e->m.n_interrupt, 1);
	CHECK_INT(e->npkts, 0);
	/* a 0x03 inside a packet is data, not an interrupt */
	env_send(e, "qRcmd,\x03", 7);
	CHECK_INT(e->m.n_interrupt, 1);
	env_drain(e);
	CHECK_STR(last_reply(e), "E10");	/* busy: target runs */
	e->m.stop.sig = 2;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
	CHECK(last_reply(e) && !strncmp(last_reply(e), "T02thread:4d2;", 14));
	CHECK(!e->s->running);
	/* interrupt() reporting the stop synchronously */
	e->m.interrupt_sync_stop = 1;
	xact(e, "c");
	env_feed_raw(e, "\x03", 1);
	env_drain(e);
	CHECK_INT(e->npkts, 1);
	CHECK(last_reply(e) && !strncmp(last_reply(e), "T02", 3));
	env_free(e);

	/* vCtrlC: OK while stopped (nothing to do), interrupts a run */
	e = env_new(0, NULL);
	CHECK_STR(xact(e, "vCtrlC"), "OK");
	CHECK_INT(e->m.n_interrupt, 0);
	CHECK_STR(xact(e, "vCtrlCx"), "E01");
	xact(e, "vCont;c");
	CHECK_STR(xact(e, "vCtrlC"), "OK");
	CHECK_INT(e->m.n_interrupt, 1);
	CHECK(e->s->running);
	e->m.stop.sig = 2;
	rsp_session_stop(e->s, &e->m.stop);
	env_drain(e);
	CHECK(last_reply(e) && !strncmp(last_reply(e), "T02", 3));
	env_free(e);
	/* without an interrupt op: still OK, nothing called */
	e = env_new(0, &mock_ops_min);
	CHECK_STR(xact(e, "vCtrlC"), "OK");
	env_free(e);
}

static void test_sizes(void)
{
	struct env *e = env_new(0, NULL);
	char *big = malloc(RSP_PACKET_MAX + 128);
	char *hex;
	u32 n;

	/* exactly RSP_PACKET_MAX bytes of payload: accepted */
	memset(big, 'a', RSP_PACKET_MAX + 128);
	memcpy(big, "qZZ", 3);
	env_send(e, big, RSP_PACKET_MAX);
	env_drain(e);
	CHECK_INT(e->acks, 1);
	CHECK_INT(e->naks, 0);
	CHECK_STR(last_reply(e), "");
	/* one more: NAKed and dropped */
	env_send(e, big, RSP_PACKET_MAX + 1);
	env_drain(e);
	CHECK_INT(e->naks, 1);
	CHECK_INT(e->npkts, 0);
	/* the session still works */
	CHECK_STR(xact(e, "qC"), "QC4d2");
	/* the largest M that fits a packet ("M400000,1ff9:" + hex) */
	hex = malloc(RSP_PACKET_MAX + 16);
	n = (RSP_PACKET_MAX - 13) & ~1u;
	CHECK_INT(sprintf(hex, "M400000,%x:", n / 2), 13);
	memset(hex + 13, '5', n);
	CHECK_STR(xact_bin(e, hex, 13 + n, NULL), "OK");
	CHECK(e->m.mem[0] == 0x55 && e->m.mem[n / 2 - 1] == 0x55);
	CHECK(e->m.mem[n / 2] != 0x55);
	/* overlong in no-ack mode: an error reply instead of a NAK */
	CHECK_STR(xact(e, "QStartNoAckMode"), "OK");
	env_send(e, big, RSP_PACKET_MAX + 100);
	env_drain(e);
	CHECK_INT(e->naks, 0);
	CHECK_STR(last_reply(e), "E16");
	free(hex);
	free(big);
	env_free(e);
}

/* The output queue fills: feed() stops consuming until gdb reads. */
static void test_backpressure(void)
{
	struct env *e = env_new(0, NULL);
	char req[64];
	char *stream = malloc(64 * 40);
	u32 n = 0, fed, olen;
	int i;

	for (i = 0; i < 40; i++) {
		u32 l;

		sprintf(req, "m400000,%x", RSP_PACKET_MAX / 2);
		frame(req, strlen(req), stream + n, &l);
		n += l;
	}
	fed = rsp_session_feed(e->s, (const u8 *)stream, n);
	CHECK(fed < n);
	rsp_session_output(e->s, &olen);
	CHECK(olen <= sizeof(e->s->out));
	/* the harness drains as needed; every packet gets its reply */
	env_drain(e);
	env_feed_raw(e, stream + fed, n - fed);
	env_drain(e);
	CHECK_INT(e->bad_csum, 0);
	CHECK(e->npkts > 0);
	if (e->npkts)
		CHECK_INT(e->pkt_len[e->npkts - 1], RSP_PACKET_MAX);
	free(stream);
	env_free(e);
}

/* After "monitor exit", input is swallowed and nothing comes out. */
static void test_exit(void)
{
	struct env *e = env_new(0, NULL);

	CHECK_STR(xact(e, "qRcmd,65786974"), "OK");
	CHECK(e->s->exited);
	CHECK_INT(e->m.n_monitor, 0);
	env_feed_raw(e, "$qC#b4", 6);
	env_drain(e);
	CHECK_INT(e->npkts + e->acks, 0);
	env_free(e);
}

void test_frame(void)
{
	test_checksum();
	test_basic();
	test_split();
	test_bad_checksum();
	test_retransmit();
	test_noack();
	test_interrupt();
	test_sizes();
	test_backpressure();
	test_exit();
}
