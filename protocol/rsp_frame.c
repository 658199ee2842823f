// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_frame.c - the byte stream: "$data#cs" packets, '+'/'-' acks, the
 * ^C (0x03) interrupt byte, and the output queue the caller drains.
 *
 * Input is a state machine fed arbitrary chunks, so a packet may arrive
 * one byte at a time.  A complete, well-formed packet is acked (unless in
 * no-ack mode) and handed to rsp_serve(), which builds the reply in
 * s->reply; rsp_send_reply() frames it into s->out.  The reply stays in
 * s->reply so that a '-' from gdb can re-send it.
 */
#include "rsp_int.h"

void rsp_session_init(struct rsp_session *s, const struct rsp_target_ops *ops,
		      void *target, int extended)
{
	__builtin_memset(s, 0, sizeof(*s));
	s->ops = ops;
	s->target = target;
	s->extended = !!extended;
	s->rx_state = RSP_RX_IDLE;
	rsp_amd64_tdesc_init(&s->tdesc, RSP_AMD64_FEATURES_BASE);
}

void rsp_session_set_reg_features(struct rsp_session *s, u32 features)
{
	rsp_amd64_tdesc_init(&s->tdesc, features);
}

u32 rsp_out_room(const struct rsp_session *s)
{
	return sizeof(s->out) - s->out_len;
}

static void rsp_out_byte(struct rsp_session *s, u8 c)
{
	if (s->out_len < sizeof(s->out))
		s->out[s->out_len++] = c;
}

/*
 * Run-length encoding, as gdbserver's try_rle does it: the character at
 * in[0] is always written; if at least 3 more copies follow (a run of 4
 * or more), they become '*' and a count character n + 29 (n repeats,
 * 3..96, so ' '..'}').  Counts whose character would be '#' or '$' (6
 * and 7) are shortened to 5, the rest goes out literally.  Like gdbserver
 * this applies to every reply, binary ones included: gdb expands runs
 * before it unescapes, and binary data escapes '*' so a literal '*' never
 * appears in a payload.  Returns the input bytes used.
 */
static u32 rsp_rle_one(struct rsp_session *s, const u8 *in, u32 remaining,
		       u8 *csum)
{
	u32 n;

	*csum += in[0];
	s->out[s->out_len++] = in[0];
	if (remaining > 97)
		remaining = 97;
	for (n = 1; n < remaining; n++)
		if (in[n] != in[0])
			break;
	n--;			/* repeats after in[0] */
	if (n < 3)
		return 1;
	while (n + 29 == '$' || n + 29 == '#')
		n--;
	*csum += '*';
	s->out[s->out_len++] = '*';
	*csum += (u8)(n + 29);
	s->out[s->out_len++] = (u8)(n + 29);
	return n + 1;
}

/*
 * Frame s->reply into the output, run-length encoded (the checksum covers
 * the encoded bytes).  Returns 0, or -1 when the output has no room (the
 * caller has not read for a long time); the packet is then lost, which
 * RSP_OUT_RESERVE makes impossible for ordinary replies.  The encoding
 * never grows the payload, so reply_len + 4 bytes always suffice.
 */
int rsp_send_reply(struct rsp_session *s)
{
	u32 i, start;
	u8 csum = 0;

	if (rsp_out_room(s) < s->reply_len + 4)
		return -1;
	s->out[s->out_len++] = '$';
	start = s->out_len;
	for (i = 0; i < s->reply_len; )
		i += rsp_rle_one(s, s->reply + i, s->reply_len - i, &csum);
	s->have_last = 1;
	s->last_packet_len = s->out_len - start + 4;
	s->out[s->out_len++] = '#';
	s->out[s->out_len++] = (u8)rsp_hex_digits[csum >> 4];
	s->out[s->out_len++] = (u8)rsp_hex_digits[csum & 0xf];
	return 0;
}

/* gdb's '-': send the last packet again (only meaningful with acks). */
static void rsp_retransmit(struct rsp_session *s)
{
	if (s->no_ack || !s->have_last)
		return;
	rsp_send_reply(s);
}

/*
 * A complete packet arrived.  Overlong ones and bad checksums are NAKed so
 * gdb sends them again; in no-ack mode nobody listens for a NAK, so an
 * overlong packet gets an error reply (gdb would otherwise wait forever)
 * and a corrupted one is dropped.
 */
static void rsp_packet_done(struct rsp_session *s)
{
	int bad_csum = s->rx_csum_got != s->rx_csum || s->rx_overflow > 1;

	if (s->rx_overflow == 1 && !bad_csum) {
		s->rx_dropped++;
		if (!s->no_ack) {
			rsp_out_byte(s, '-');
		} else {
			rsp_reply_reset(s);
			rsp_put_error(s, RSP_EINVAL);
			rsp_send_reply(s);
		}
		return;
	}
	if (bad_csum) {
		s->rx_dropped++;
		if (!s->no_ack)
			rsp_out_byte(s, '-');
		return;
	}
	if (!s->no_ack)
		rsp_out_byte(s, '+');
	s->rx_buf[s->rx_len] = 0;
	rsp_serve(s, s->rx_buf, s->rx_len);
}

static void rsp_rx_byte(struct rsp_session *s, u8 c)
{
	int d;

	switch (s->rx_state) {
	case RSP_RX_IDLE:
		if (c == '$') {
			s->rx_state = RSP_RX_DATA;
			s->rx_len = 0;
			s->rx_csum = 0;
			s->rx_overflow = 0;
		} else if (c == '-') {
			rsp_retransmit(s);
		} else if (c == 0x03) {
			/* ^C only means something while the target runs */
			if (s->running && s->ops->interrupt)
				s->ops->interrupt(s->target);
		}
		/* '+' and line noise between packets are ignored */
		break;
	case RSP_RX_DATA:
		if (c == '#') {
			s->rx_state = RSP_RX_CSUM1;
		} else if (c == '$') {
			/* a raw '$' cannot be data: gdb restarted the packet */
			s->rx_len = 0;
			s->rx_csum = 0;
			s->rx_overflow = 0;
		} else {
			s->rx_csum += c;
			if (s->rx_len < RSP_PACKET_MAX)
				s->rx_buf[s->rx_len++] = c;
			else
				s->rx_overflow = 1;
		}
		break;
	case RSP_RX_CSUM1:
		d = rsp_hex_val(c);
		/* a non-hex checksum digit makes the packet bad (overflow 2) */
		if (d < 0)
			s->rx_overflow = 2;
		s->rx_csum_got = (u8)((d < 0 ? 0 : d) << 4);
		s->rx_state = RSP_RX_CSUM2;
		break;
	case RSP_RX_CSUM2:
		d = rsp_hex_val(c);
		if (d < 0)
			s->rx_overflow = 2;
		s->rx_csum_got |= (u8)(d < 0 ? 0 : d);
		s->rx_state = RSP_RX_IDLE;
		rsp_packet_done(s);
		break;
	}
}

u32 rsp_session_feed(struct rsp_session *s, const u8 *data, u32 len)
{
	u32 i;

	for (i = 0; i < len; i++) {
		/* once "monitor exit" was served, input is discarded */
		if (s->exited)
			continue;
		/* reply[] holds an unsent stop reply: keep it */
		if (s->reply_unsent)
			break;
		/* every byte may complete a packet whose reply needs room */
		if (rsp_out_room(s) < RSP_OUT_RESERVE)
			break;
		rsp_rx_byte(s, data[i]);
	}
	return i;
}

const u8 *rsp_session_output(struct rsp_session *s, u32 *len)
{
	*len = s->out_len;
	return s->out;
}

void rsp_session_consume(struct rsp_session *s, u32 n)
{
	if (n >= s->out_len) {
		s->out_len = 0;
	} else {
		__builtin_memmove(s->out, s->out + n, s->out_len - n);
		s->out_len -= n;
	}
	/* a stop reply that did not fit when it happened */
	if (s->reply_unsent && !rsp_send_reply(s))
		s->reply_unsent = 0;
}

/*
 * Text for gdb's console during "monitor": O packets, hex-encoded, split
 * to stay within the packet size.  Text that does not fit into the output
 * queue is dropped rather than blocking.
 */
void rsp_monitor_output(struct rsp_session *s, const char *text)
{
	u32 n = __builtin_strlen(text);
	u32 chunk;

	while (n) {
		chunk = n;
		if (chunk > (RSP_PACKET_MAX - 1) / 2)
			chunk = (RSP_PACKET_MAX - 1) / 2;
		rsp_reply_reset(s);
		rsp_put_char(s, 'O');
		rsp_put_hexbytes(s, (const u8 *)text, chunk);
		if (rsp_out_room(s) < s->reply_len + 4 + RSP_OUT_RESERVE / 2)
			return;
		rsp_send_reply(s);
		text += chunk;
		n -= chunk;
	}
}
