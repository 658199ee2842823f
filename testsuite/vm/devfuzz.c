// SPDX-License-Identifier: GPL-2.0
/*
 * devfuzz - throw mutated RSP packets at /dev/ugdb while it debugs a real
 * process, to show that no input crashes the module (run-vm fails the
 * run on any kernel BUG/WARNING/Oops) and that the session always
 * answers.  Usage: devfuzz ITERATIONS SEED
 *
 * The debuggee is /bin/sleep, launched the way ugdbserver launches a
 * program (the child waits for UGDB_IOC_LAUNCH, then execs).  Packets are made
 * from valid templates by random edits, sent with a correct checksum so
 * that they reach the parser, plus raw garbage now and then.  Whatever
 * the session replies is read and dropped; at the end one '?' must still
 * get an answer unless a packet legitimately ended the session.
 * Prints "devfuzz: N packets, session alive|ended" and exits 0, or 1 when
 * the device misbehaves (a read or write error other than EAGAIN).
 *
 * devfuzz ITERATIONS SEED SESSIONS runs SESSIONS such sessions one after
 * another, each with its own debuggee and ITERATIONS packets: the churn
 * the kmemleak check (testsuite/vm/kmemleak-check) scans after.  A
 * debuggee a fuzzed D packet detached runs on after its session (as gdb
 * asked): it must not be stopped then, and devfuzz kills it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../kmod/uapi/ugdb.h"

static const char *templates[] = {
	"qSupported:multiprocess+;swbreak+;hwbreak+", "QStartNoAckMode", "?",
	"g", "G0000", "p10", "P10=0000000000000000", "m401000,40",
	"M401000,4:90909090", "x401000,10", "X401000,2:ab", "Z0,401000,1",
	"z0,401000,1", "Z1,401000,1", "Hg0", "Hgp1.1", "Hc-1", "T1",
	"qfThreadInfo", "qsThreadInfo", "qC", "qAttached", "qAttached:1",
	"qXfer:features:read:target.xml:0,fff", "vCont?", "vCont;t",
	"vMustReplyEmpty", "qRcmd,6865", "m0,0", "mffffffffffffffff,10",
	"vAttach;0", "s", "c", "vCont;s:p1.1;t",
};

static const char alphabet[] = "0123456789abcdefxXpPmMgG,:;.-#$}*+zZ?";

static int fd;
static unsigned long long rng;
static int detach_sent;		/* a D packet went out: the debuggee may live */

static unsigned int rnd(unsigned int n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (rng >> 33) % n;
}

static void drain(int wait_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[8192];

	while (poll(&p, 1, wait_ms) > 0 && (p.revents & POLLIN)) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n == 0)
			return;
		if (n < 0) {
			if (errno == EAGAIN)
				return;
			perror("devfuzz: read");
			exit(1);
		}
		wait_ms = 0;
	}
}

static void send_raw(const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EAGAIN) {
			drain(10);
			continue;
		}
		if (n < 0) {
			perror("devfuzz: write");
			exit(1);
		}
		p += n;
		len -= n;
	}
}

static void send_packet(const char *data, size_t len)
{
	static char out[20000];
	unsigned int sum = 0;
	size_t i;

	if (len && data[0] == 'D')
		detach_sent = 1;
	out[0] = '$';
	for (i = 0; i < len; i++) {
		out[1 + i] = data[i];
		sum += (unsigned char)data[i];
	}
	sprintf(out + 1 + len, "#%02x", sum & 0xff);
	send_raw(out, len + 4);
}

static size_t mutate(char *buf, size_t cap)
{
	const char *t = templates[rnd(sizeof(templates) / sizeof(*templates))];
	size_t len = strlen(t), edits = rnd(4), i;

	memcpy(buf, t, len);
	for (i = 0; i < edits; i++) {
		size_t at = len ? rnd(len) : 0;

		switch (rnd(5)) {
		case 0:		/* replace a character */
			if (len)
				buf[at] = alphabet[rnd(sizeof(alphabet) - 1)];
			break;
		case 1:		/* truncate */
			len = at;
			break;
		case 2:		/* insert */
			if (len + 1 < cap) {
				memmove(buf + at + 1, buf + at, len - at);
				buf[at] = alphabet[rnd(sizeof(alphabet) - 1)];
				len++;
			}
			break;
		case 3:		/* a long run of one character */
			while (len < cap && rnd(200))
				buf[len++] = alphabet[rnd(16)];
			break;
		default:	/* any byte */
			if (len)
				buf[at] = rnd(256);
			break;
		}
	}
	return len;
}

/* /proc/PID/stat's state letter, or 0 */
static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = open(path, O_RDONLY);
	if (f < 0)
		return 0;
	n = read(f, buf, sizeof(buf) - 1);
	close(f);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : 0;
}

/*
 * The session is closed: its launched debuggee dies with it, unless a D
 * packet detached it -- then it runs on, and must not be left stopped.
 */
static int reap(pid_t child)
{
	int status, i;

	for (i = 0; detach_sent && i < 100; i++) {
		if (waitpid(child, &status, WNOHANG) == child)
			return 0;
		usleep(10000);
	}
	if (detach_sent) {
		char st = proc_state(child);

		if (st == 't' || st == 'T') {
			printf("devfuzz: detached debuggee %d left stopped\n",
			       (int)child);
			return 1;
		}
		kill(child, SIGKILL);
	}
	if (waitpid(child, &status, 0) != child) {
		perror("devfuzz: waitpid");
		return 1;
	}
	return !WIFSIGNALED(status) && !WIFEXITED(status);
}

/* One session: launch a sleep under it, fuzz it, close.  0 if all went well. */
static int one_session(int n)
{
	char buf[18000];
	pid_t child;
	int i, status, go[2];

	detach_sent = 0;
	fd = open("/dev/ugdb", O_RDWR | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		perror("devfuzz: /dev/ugdb");
		return 1;
	}
	if (pipe(go) < 0) {
		perror("devfuzz: pipe");
		return 1;
	}
	child = fork();
	if (child == 0) {
		close(go[1]);
		if (read(go[0], &status, 1) != 1)
			_exit(126);
		execl("/bin/sleep", "sleep", "600", (char *)NULL);
		_exit(127);
	}
	close(go[0]);
	if (ioctl(fd, UGDB_IOC_LAUNCH, &child)) {
		perror("devfuzz: launch");
		return 1;
	}
	if (write(go[1], "g", 1) != 1) {
		perror("devfuzz: start the child");
		return 1;
	}
	close(go[1]);
	if (ioctl(fd, UGDB_IOC_WAIT_STOP) != child) {
		perror("devfuzz: wait for the exec stop");
		return 1;
	}
	for (i = 0; i < n; i++) {
		size_t len = mutate(buf, sizeof(buf));

		if (rnd(20) == 0)
			send_raw(buf, len);	/* unframed garbage */
		else if (rnd(50) == 0)
			send_raw("\x03", 1);
		else
			send_packet(buf, len);
		if (rnd(8) == 0)
			send_raw(rnd(2) ? "+" : "-", 1);
		drain(0);
	}
	send_raw("\x03", 1);
	send_packet("?", 1);
	drain(n > 100 ? 2000 : 200);
	close(fd);	/* the launched sleep is killed, unless detached */
	return reap(child);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	int sessions = argc > 3 ? atoi(argv[3]) : 1, i;

	rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
	for (i = 0; i < sessions; i++)
		if (one_session(n)) {
			printf("devfuzz: session %d of %d failed\n", i + 1,
			       sessions);
			return 1;
		}
	printf("devfuzz: %d session(s) of %d packets, each debuggee ended\n",
	       sessions, n);
	return 0;
}
