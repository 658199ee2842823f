// SPDX-License-Identifier: GPL-2.0
/*
 * rsp_pingpong - time raw RSP round trips against a stub on 127.0.0.1:PORT
 * (the stub has a stopped process): N 'g' packets (all registers), then N
 * 'm' packets (ADDR, 64 bytes).  Prints "g: USEC us/packet" and "m: ...".
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int fd;
static char buf[65536];

static void send_packet(const char *data)
{
	unsigned int sum = 0;
	char out[512];
	const char *p;
	int n;

	for (p = data; *p; p++)
		sum += (unsigned char)*p;
	n = snprintf(out, sizeof(out), "$%s#%02x", data, sum & 0xff);
	if (write(fd, out, n) != n) {
		perror("write");
		exit(1);
	}
}

/* Buffered input: a reply may come in one segment or many. */
static char in[65536];
static int in_len, in_pos;

static char next_char(void)
{
	if (in_pos == in_len) {
		in_len = read(fd, in, sizeof(in));
		in_pos = 0;
		if (in_len <= 0) {
			fprintf(stderr, "connection closed\n");
			exit(1);
		}
	}
	return in[in_pos++];
}

/* Read one reply packet (skipping acks); returns its payload length. */
static int recv_packet(void)
{
	int len = 0, state = 0, csum = 0;
	char c;

	for (;;) {
		c = next_char();
		if (state == 0) {
			if (c == '$')
				state = 1;
		} else if (state == 1) {
			if (c == '#')
				state = 2;
			else if (len < (int)sizeof(buf) - 1)
				buf[len++] = c;
		} else if (++csum == 2) {
			buf[len] = 0;
			return len;
		}
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void bench(const char *name, const char *packet, int n)
{
	double t0 = now();
	int i;

	for (i = 0; i < n; i++) {
		send_packet(packet);
		if (recv_packet() <= 0 || buf[0] == 'E') {
			fprintf(stderr, "%s: bad reply '%s'\n", name, buf);
			exit(1);
		}
	}
	printf("%s: %.1f us/packet\n", name, (now() - t0) * 1e6 / n);
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	char m[64];
	int n, one = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: rsp_pingpong PORT N HEXADDR\n");
		return 2;
	}
	n = atoi(argv[2]);
	sa.sin_port = htons(atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("connect");
		return 1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	send_packet("qSupported:multiprocess+;swbreak+");
	recv_packet();
	write(fd, "+", 1);
	send_packet("QStartNoAckMode");
	recv_packet();
	write(fd, "+", 1);
	send_packet("?");
	recv_packet();
	send_packet("Hg0");
	recv_packet();
	snprintf(m, sizeof(m), "m%s,40", argv[3]);
	bench("g", "g", n);
	bench("m", m, n);
	return 0;
}
