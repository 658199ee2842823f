// SPDX-License-Identifier: GPL-2.0
/* test_util.c - assertion counting and the gdb-side harness. */
#include <stdlib.h>
#include "test.h"

int t_passed, t_failed;

void t_check(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		t_passed++;
		return;
	}
	t_failed++;
	printf("FAIL %s:%d: %s\n", file, line, what);
}

void t_check_str(const char *got, const char *want, const char *what,
		 const char *file, int line)
{
	if (got && !strcmp(got, want)) {
		t_passed++;
		return;
	}
	t_failed++;
	printf("FAIL %s:%d: %s = \"%.200s\", want \"%.200s\"\n", file, line,
	       what, got ? got : "(null)", want);
}

void t_check_int(long long got, long long want, const char *what,
		 const char *file, int line)
{
	if (got == want) {
		t_passed++;
		return;
	}
	t_failed++;
	printf("FAIL %s:%d: %s = %lld, want %lld\n", file, line, what, got,
	       want);
}

u8 checksum(const void *p, u32 len)
{
	const u8 *b = p;
	u8 c = 0;

	while (len--)
		c += *b++;
	return c;
}

long rle_decode(const char *in, u32 n, char *out, u32 out_max)
{
	u32 i, o = 0;
	int rep;

	for (i = 0; i < n; i++) {
		if (in[i] != '*') {
			if (o >= out_max)
				return -1;
			out[o++] = in[i];
			continue;
		}
		/* '*' needs a character before it and a count after it */
		if (!o || i + 1 >= n)
			return -1;
		rep = (u8)in[++i] - 29;
		if (rep < 3 || rep > 96 || in[i] == '#' || in[i] == '$' ||
		    o + rep > out_max)
			return -1;
		memset(out + o, out[o - 1], rep);
		o += rep;
	}
	return o;
}

void hexify(const void *p, u32 n, char *out)
{
	const u8 *b = p;
	u32 i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
	out[2 * n] = 0;
}

void frame(const void *payload, u32 len, char *out, u32 *out_len)
{
	out[0] = '$';
	memcpy(out + 1, payload, len);
	sprintf(out + 1 + len, "#%02x", checksum(payload, len));
	*out_len = len + 4;
}

struct env *env_new(int extended, const struct rsp_target_ops *ops)
{
	struct env *e = calloc(1, sizeof(*e));

	e->s = malloc(sizeof(*e->s));
	/* garbage first: init must not rely on zeroed memory */
	memset(e->s, 0xa5, sizeof(*e->s));
	mock_init(&e->m, e->s);
	rsp_session_init(e->s, ops ? ops : &mock_ops, &e->m, extended);
	return e;
}

static void env_clear(struct env *e)
{
	int i;

	for (i = 0; i < e->npkts; i++) {
		free(e->pkts[i]);
		free(e->raw[i]);
	}
	e->npkts = 0;
	e->acks = e->naks = e->garbage = e->bad_csum = 0;
}

void env_free(struct env *e)
{
	env_clear(e);
	free(e->s);
	free(e);
}

void env_feed_raw(struct env *e, const void *data, u32 len)
{
	const u8 *p = data;

	while (len) {
		u32 n = rsp_session_feed(e->s, p, len);

		if (n < len) {
			/* out[] full: gdb reads, then we go on */
			u32 olen;

			rsp_session_output(e->s, &olen);
			if (!olen && !n) {
				printf("FAIL feed stuck\n");
				t_failed++;
				return;
			}
			env_drain(e);
		}
		p += n;
		len -= n;
	}
}

void env_send(struct env *e, const void *payload, u32 len)
{
	char *buf = malloc(len + 8);
	u32 n;

	frame(payload, len, buf, &n);
	env_feed_raw(e, buf, n);
	free(buf);
}

void env_send_str(struct env *e, const char *payload)
{
	env_send(e, payload, strlen(payload));
}

void env_drain(struct env *e)
{
	u32 len, i = 0, start;
	const u8 *o = rsp_session_output(e->s, &len);

	env_clear(e);
	while (i < len) {
		if (o[i] == '+') {
			e->acks++;
			i++;
			continue;
		}
		if (o[i] == '-') {
			e->naks++;
			i++;
			continue;
		}
		if (o[i] != '$') {
			e->garbage++;
			i++;
			continue;
		}
		start = ++i;
		while (i < len && o[i] != '#')
			i++;
		if (i + 2 >= len) {
			e->garbage++;
			break;
		}
		{
			char cs[3] = { (char)o[i + 1], (char)o[i + 2], 0 };
			u32 n = i - start;

			if (strtoul(cs, NULL, 16) != checksum(o + start, n))
				e->bad_csum++;
			if (e->npkts < ENV_MAX_PKTS) {
				/* a run expands to at most 97 bytes per 3 */
				u32 max = n * 33 + 1;
				char *d = malloc(max);
				long dn = rle_decode((const char *)o + start, n,
						     d, max - 1);

				if (dn < 0) {
					e->garbage++;
					dn = 0;
				}
				d[dn] = 0;
				e->raw[e->npkts] = malloc(n + 1);
				memcpy(e->raw[e->npkts], o + start, n);
				e->raw[e->npkts][n] = 0;
				e->raw_len[e->npkts] = n;
				e->pkts[e->npkts] = d;
				e->pkt_len[e->npkts++] = (u32)dn;
			}
		}
		i += 3;
	}
	rsp_session_consume(e->s, len);
}

const char *last_reply(struct env *e)
{
	return e->npkts ? e->pkts[e->npkts - 1] : NULL;
}

const char *xact_bin(struct env *e, const void *payload, u32 len,
		     u32 *reply_len)
{
	env_send(e, payload, len);
	env_drain(e);
	if (e->bad_csum || e->garbage) {
		printf("FAIL bad output framing for %.40s\n",
		       (const char *)payload);
		t_failed++;
	}
	if (reply_len)
		*reply_len = e->npkts ? e->pkt_len[e->npkts - 1] : 0;
	return e->npkts ? e->pkts[e->npkts - 1] : "<none>";
}

const char *xact(struct env *e, const char *payload)
{
	return xact_bin(e, payload, strlen(payload), NULL);
}
