// SPDX-License-Identifier: GPL-2.0
/*
 * The osdata tables of the system as a whole: CPUs (/proc/cpuinfo),
 * kernel modules (/proc/modules) and internet sockets (/proc/net/tcp,
 * udp, tcp6, udp6), read line by line as gdbserver reads them.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "osdata_int.h"

/* gdbserver's line buffer: longer lines are taken in pieces */
#define LINE_MAX_	8192

/*
 * /proc/cpuinfo: one item per "processor" line; each "key<TAB>: value"
 * line a column: the key up to its first tab, the value from after the
 * ':' to the next ':' or tab, newline and leading blank kept (gdb shows
 * " 0\n"), as gdbserver's strtok_r() split gives them.
 */
void osdata_cpus(struct textbuf *b)
{
	char line[LINE_MAX_], *key, *value, *save;
	bool in_item = false;
	FILE *f;

	f = osdata_fopen("/proc/cpuinfo");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		key = strtok_r(line, ":", &save);
		if (!key)
			continue;
		value = strtok_r(NULL, ":", &save);
		if (!value)
			continue;
		key[strcspn(key, "\t")] = 0;
		value[strcspn(value, "\t")] = 0;
		if (!strcmp(key, "processor")) {
			tb_puts(b, in_item ? "</item><item>" : "<item>");
			in_item = true;
		}
		xb_column(b, key, value);
	}
	if (in_item)
		tb_puts(b, "</item>");
	fclose(f);
}

/* "name size uses deps state address[ (taint)]" */
void osdata_modules(struct textbuf *b)
{
	char line[LINE_MAX_], *name, *deps, *state, *tok, *save;
	unsigned long long addr;
	unsigned int size;
	FILE *f;
	int uses;

	f = osdata_fopen("/proc/modules");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		name = strtok_r(line, " ", &save);
		if (!name)
			continue;
		tok = strtok_r(NULL, " ", &save);
		if (!tok || sscanf(tok, "%u", &size) != 1)
			continue;
		tok = strtok_r(NULL, " ", &save);
		if (!tok || sscanf(tok, "%d", &uses) != 1)
			continue;
		deps = strtok_r(NULL, " ", &save);
		if (!deps)
			continue;
		state = strtok_r(NULL, " ", &save);
		if (!state)
			continue;
		tok = strtok_r(NULL, "\n", &save);
		if (!tok || sscanf(tok, "%llx", &addr) != 1)
			continue;
		tb_puts(b, "<item>");
		xb_column(b, "name", name);
		tb_printf(b, "<column name=\"size\">%u</column>"
			"<column name=\"num uses\">%d</column>", size, uses);
		xb_column(b, "dependencies", deps);
		xb_column(b, "status", state);
		tb_printf(b, "<column name=\"address\">%llx</column>", addr);
		tb_puts(b, "</item>");
	}
	fclose(f);
}

static const char *tcp_state(unsigned int state)
{
	static const char *const names[] = {
		"(unknown)", "ESTABLISHED", "SYN_SENT", "SYN_RECV",
		"FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT",
		"LAST_ACK", "LISTEN", "CLOSING",
	};

	return state < sizeof(names) / sizeof(names[0]) ? names[state] :
							  names[0];
}

/* The kernel's hex address (32-bit words in host order) as a sockaddr. */
static socklen_t sock_addr(int family, const char *hex, unsigned int port,
			   struct sockaddr_storage *ss)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	unsigned int w[4];

	memset(ss, 0, sizeof(*ss));
	ss->ss_family = family;
	if (family == AF_INET) {
		sscanf(hex, "%X", &w[0]);
		sin->sin_addr.s_addr = w[0];
		sin->sin_port = htons(port);
		return sizeof(*sin);
	}
	w[0] = w[1] = w[2] = w[3] = 0;
	sscanf(hex, "%8X%8X%8X%8X", &w[0], &w[1], &w[2], &w[3]);
	memcpy(&sin6->sin6_addr, w, sizeof(w));
	sin6->sin6_port = htons(port);
	return sizeof(*sin6);
}

/* Numeric host and port text; -1 if getnameinfo() refuses. */
static int sock_text(int family, const char *hex, unsigned int port,
		     bool tcp, char *host, size_t hsize, char *serv,
		     size_t ssize)
{
	struct sockaddr_storage ss;
	socklen_t len = sock_addr(family, hex, port, &ss);

	return getnameinfo((struct sockaddr *)&ss, len, host, hsize, serv,
			   ssize, NI_NUMERICHOST | NI_NUMERICSERV |
			   (tcp ? 0 : NI_DGRAM)) ? -1 : 0;
}

static void sockets_of(int family, bool tcp, struct textbuf *b)
{
	char line[LINE_MAX_], laddr[NI_MAXHOST], raddr[NI_MAXHOST];
	char lserv[NI_MAXSERV], rserv[NI_MAXSERV], user[OSDATA_NAME_MAX];
	unsigned int lport, rport, state;
	const char *file;
	FILE *f;
	int uid;

	if (family == AF_INET)
		file = tcp ? "/proc/net/tcp" : "/proc/net/udp";
	else
		file = tcp ? "/proc/net/tcp6" : "/proc/net/udp6";
	f = osdata_fopen("%s", file);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		/* the heading line does not scan */
		if (sscanf(line, "%*d: %32[0-9A-F]:%X %32[0-9A-F]:%X %X "
			   "%*X:%*X %*X:%*X %*X %d %*d %*u %*s\n",
			   laddr, &lport, raddr, &rport, &state, &uid) != 6)
			continue;
		if (sock_text(family, laddr, lport, tcp, laddr,
			      sizeof(laddr), lserv, sizeof(lserv)) < 0 ||
		    sock_text(family, raddr, rport, tcp, raddr,
			      sizeof(raddr), rserv, sizeof(rserv)) < 0)
			continue;
		osdata_user((uid_t)uid, user);
		tb_puts(b, "<item>");
		xb_column(b, "local address", laddr);
		xb_column(b, "local port", lserv);
		xb_column(b, "remote address", raddr);
		xb_column(b, "remote port", rserv);
		xb_column(b, "state", tcp_state(state));
		xb_column(b, "user", user);
		xb_column(b, "family", family == AF_INET ? "INET" : "INET6");
		xb_column(b, "protocol", tcp ? "STREAM" : "DGRAM");
		tb_puts(b, "</item>");
	}
	fclose(f);
}

void osdata_sockets(struct textbuf *b)
{
	sockets_of(AF_INET, true, b);
	sockets_of(AF_INET, false, b);
	sockets_of(AF_INET6, true, b);
	sockets_of(AF_INET6, false, b);
}
