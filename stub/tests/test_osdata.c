// SPDX-License-Identifier: GPL-2.0
/*
 * test_osdata.c - the relay's "info os" tables, without the module: the
 * generators run on a fake /proc and /sys tree made here (hostile names
 * included), and osdata_read() is checked for gdbserver's offsets.
 *
 *   test_osdata              the tests; last line "N passed, N failed"
 *   test_osdata --dump TYPE  TYPE's document from this system's /proc
 *   test_osdata --dump-fake TYPE   ... from the fake tree (for xmllint)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../osdata.h"

static int passed, failed;

#define CHECK(c) check(!!(c), #c, __LINE__)

static void check(int ok, const char *what, int line)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL test_osdata.c:%d: %s\n", line, what);
}

/* The whole document, read in pieces of chunk bytes as gdb would. */
static char *fetch(const char *annex, size_t chunk, size_t *total)
{
	size_t cap = 1 << 16, len = 0;
	char *doc = malloc(cap + 1);
	long n;

	for (;;) {
		if (len + chunk > cap) {
			cap = 2 * (len + chunk);
			doc = realloc(doc, cap + 1);
		}
		n = osdata_read(annex, len, doc + len, chunk);
		if (n < 0) {
			free(doc);
			return NULL;
		}
		len += n;
		if ((size_t)n < chunk)
			break;
	}
	doc[len] = 0;
	if (total)
		*total = len;
	return doc;
}

static char root[4096];

/* Write a file of the fake tree (path relative to root). */
static void put_file(const char *rel, const void *data, size_t len)
{
	char path[8192], *p;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = 0;
		mkdir(path, 0755);
		*p = '/';
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len) {
		perror(path);
		exit(2);
	}
	close(fd);
}

static void put_text(const char *rel, const char *fmt, ...)
{
	char buf[65536];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	put_file(rel, buf, n);
}

static void put_link(const char *rel, const char *target)
{
	char path[8192];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (symlink(target, path) < 0) {
		perror(path);
		exit(2);
	}
}

/* A stat line: pid (comm) state ppid pgrp ... with the CPU in field 39. */
static void put_stat(const char *rel, int pid, const char *comm, int pgrp,
		     int cpu)
{
	char fields[1024];
	int i, n = 0;

	/* fields 3..52: state, ppid, pgrp, then zeros; 39 is the CPU */
	n += sprintf(fields + n, "S 1 %d", pgrp);
	for (i = 6; i <= 52; i++)
		n += sprintf(fields + n, " %d", i == 39 ? cpu : 0);
	put_text(rel, "%d (%s) %s\n", pid, comm, fields);
}

/*
 * Processes of the fake /proc: 1 "init" (pgrp 1), 42 with a hostile
 * comm and command line and two threads on CPUs 3 and 1, 7 a kernel
 * thread (empty cmdline, pgrp 0), 9 with a blank in its comm.
 */
static void make_tree(void)
{
	static const char cmd42[] = "/bin/a<b>&\"c'd\0x\xff\xc3\0\x01\t\n";

	snprintf(root, sizeof(root), "/tmp/ugdb-osdata-XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		exit(2);
	}
	put_stat("proc/1/stat", 1, "init", 1, 0);
	put_file("proc/1/cmdline", "/sbin/init\0splash\0", 18);
	put_stat("proc/1/task/1/stat", 1, "init", 1, 0);
	put_stat("proc/42/stat", 42, "<&\"'\xff\xe4\xb8", 1, 3);
	put_file("proc/42/cmdline", cmd42, sizeof(cmd42) - 1);
	put_stat("proc/42/task/42/stat", 42, "<&\"'\xff\xe4\xb8", 1, 3);
	put_stat("proc/42/task/43/stat", 43, "worker", 1, 1);
	put_text("proc/42/fd/.keep", "");
	put_link("proc/42/fd/0", "/dev/null");
	put_link("proc/42/fd/3", "/tmp/<x>&'\"\xfe");
	put_stat("proc/7/stat", 7, "kthreadd", 0, 0);
	put_file("proc/7/cmdline", "", 0);
	put_stat("proc/7/task/7/stat", 7, "kthreadd", 0, 5);
	put_stat("proc/9/stat", 9, "a b", 9, 2);
	put_file("proc/9/cmdline", "sh\0", 3);
	put_stat("proc/9/task/9/stat", 9, "a b", 9, 2);
	/* not processes */
	put_text("proc/self/stat", "x");
	put_text("proc/12345678901/stat", "x");
	put_text("proc/cpuinfo",
		 "processor\t: 0\nvendor_id\t: Fake<&>\nflags\t\t: a b\n"
		 "power management:\n\nprocessor\t: 1\nmodel name\t: x: y\n");
	put_text("proc/modules",
		 "ugdb 12345 0 - Live 0xffffffffc0614000 (OE)\n"
		 "9pnet 114688 2 9p,9pnet_virtio, Live 0x0000000000000000\n"
		 "broken line\n");
	put_text("proc/net/tcp",
		 "  sl  local_address rem_address   st tx_queue rx_queue tr "
		 "tm->when retrnsmt   uid  timeout inode\n"
		 "   0: 0100007F:0929 00000000:0000 0A 00000000:00000000 "
		 "00:00000000 00000000     0        0 123 1 0 100 0 0 10 0\n");
	put_text("proc/net/udp6",
		 "  sl  local_address                         remote_address"
		 "                        st tx_queue rx_queue tr tm->when "
		 "retrnsmt   uid  timeout inode ref pointer drops\n"
		 "    1: 00000000000000000000000001000000:0035 "
		 "00000000000000000000000000000000:0000 07 00000000:00000000 "
		 "00:00000000 00000000 65534        0 99 2 0 0\n");
	put_text("proc/sysvipc/shm",
		 "       key      shmid perms                  size  cpid  "
		 "lpid nattch   uid   gid  cuid  cgid      atime      dtime "
		 "     ctime                   rss                  swap\n"
		 "         0          5  1600                  4096    42    "
		 "42      1     0     0     0     0          0          0 "
		 "         1                     0                     0\n");
	put_text("proc/sysvipc/sem",
		 "       key      semid perms      nsems   uid   gid  cuid  "
		 "cgid      otime      ctime\n"
		 "      1234          0   600          2     0     0     0 "
		 "    0          0 86400\n");
	put_text("sys/devices/system/cpu/possible", "0-3\n");
	static char proc[4200], sys[4200];

	snprintf(proc, sizeof(proc), "%s/proc", root);
	snprintf(sys, sizeof(sys), "%s/sys", root);
	osdata_proc_root = proc;
	osdata_sys_root = sys;
}

static void remove_tree(void)
{
	char cmd[8300];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd))
		printf("cannot remove %s\n", root);
}

#define TYPE(t, d, title) "<item><column name=\"Type\">" t "</column>" \
	"<column name=\"Description\">" d "</column>" \
	"<column name=\"Title\">" title "</column></item>"

static const char types_doc[] =
	"<osdata type=\"types\">\n"
	TYPE("cpus", "Listing of all cpus/cores on the system", "CPUs")
	TYPE("files", "Listing of all file descriptors", "File descriptors")
	TYPE("modules", "Listing of all loaded kernel modules",
	     "Kernel modules")
	TYPE("msg", "Listing of all message queues", "Message queues")
	TYPE("processes", "Listing of all processes", "Processes")
	TYPE("procgroups", "Listing of all process groups", "Process groups")
	TYPE("semaphores", "Listing of all semaphores", "Semaphores")
	TYPE("shm", "Listing of all shared-memory regions",
	     "Shared-memory regions")
	TYPE("sockets", "Listing of all internet-domain sockets", "Sockets")
	TYPE("threads", "Listing of all threads", "Threads")
	"</osdata>\n";

/* gdbserver's offsets: made at 0, read from the copy, dropped past it. */
static void test_offsets(void)
{
	size_t len = strlen(types_doc), total, chunks[] = { 1, 7, 100, 5000 };
	char buf[8192], *d;
	size_t i;

	/* "" and "types" name the list */
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		d = fetch(i & 1 ? "types" : "", chunks[i], &total);
		CHECK(d && total == len && !strcmp(d, types_doc));
		free(d);
	}
	/* nothing for an unknown table, or past the end */
	CHECK(osdata_read("nosuch", 0, buf, 100) == 0);
	CHECK(osdata_read("Types", 0, buf, 100) == 0);
	CHECK(osdata_read("types ", 0, buf, 100) == 0);
	/*
	 * gdb stops at a short piece ('l'): the copy stays until a read
	 * past its end; after that, no data but from offset 0
	 */
	CHECK(osdata_read("", 10, buf, 100) == 100 &&
	      !memcmp(buf, types_doc + 10, 100));
	CHECK(osdata_read("", len, buf, 100) == 0);
	CHECK(osdata_read("", 10, buf, 100) == 0);
	CHECK(osdata_read("nosuch", 10, buf, 100) == 0);
	CHECK(osdata_read("", 0, buf, 10) == 10 && !memcmp(buf, types_doc, 10));
	CHECK(osdata_read("", 10, buf, 5) == 5 &&
	      !memcmp(buf, types_doc + 10, 5));
	/* each table keeps its own copy */
	CHECK(osdata_read("threads", 0, buf, 10) == 10);
	CHECK(osdata_read("", 20, buf, 5) == 5 &&
	      !memcmp(buf, types_doc + 20, 5));
	/* the last byte, then past the end: the copy is dropped */
	CHECK(osdata_read("", len - 1, buf, 100) == 1 &&
	      buf[0] == '\n');
	CHECK(osdata_read("", len + 100, buf, 100) == 0);
	CHECK(osdata_read("", 5, buf, 100) == 0);
	/* zero bytes asked: nothing copied */
	CHECK(osdata_read("", 0, buf, 0) == 0);
	CHECK(osdata_read("", 3, buf, 2) == 2);
}

#define COL(n, v) "<column name=\"" n "\">" v "</column>"

static int contains(const char *doc, const char *what)
{
	if (doc && strstr(doc, what))
		return 1;
	printf("  missing: %s\n", what);
	return 0;
}

static void test_processes(const char *me)
{
	char *d = fetch("processes", 4096, NULL), want[1024];

	CHECK(contains(d, "<osdata type=\"processes\">\n"));
	snprintf(want, sizeof(want), "<item>" COL("pid", "1") COL("user", "%s")
		 COL("command", "/sbin/init splash ") COL("cores", "0")
		 "</item>", me);
	CHECK(contains(d, want));
	/* escaped; bytes that are not XML characters as '?'; \t \n kept */
	snprintf(want, sizeof(want), "<item>" COL("pid", "42")
		 COL("user", "%s")
		 COL("command", "/bin/a&lt;b&gt;&amp;&quot;c&apos;d x?? ?\t\n")
		 COL("cores", "1,3") "</item>", me);
	CHECK(contains(d, want));
	/* empty cmdline: [comm] (comm cut at its first blank, as gdbserver) */
	CHECK(contains(d, COL("pid", "7")));
	CHECK(contains(d, COL("command", "[kthreadd]") COL("cores", "")));
	CHECK(contains(d, COL("pid", "9")));
	/* not a process; gdbserver takes up to 20 digits */
	CHECK(d && !strstr(d, "self"));
	CHECK(contains(d, COL("pid", "12345678901")));
	CHECK(d && !strncmp(strstr(d, "</item>") ? strstr(d, "</item>") : d,
			    "</item>", 7));
	free(d);
}

static void test_procgroups(void)
{
	char *d = fetch("procgroups", 4096, NULL);

	/* by group, its leader first; pgrp 0 left out */
	CHECK(d && !strcmp(d,
		"<osdata type=\"process groups\">\n"
		"<item>" COL("pgid", "1") COL("leader command", "init")
		COL("pid", "1") COL("command line", "/sbin/init splash ")
		"</item><item>" COL("pgid", "1")
		COL("leader command", "init") COL("pid", "42")
		COL("command line",
		    "/bin/a&lt;b&gt;&amp;&quot;c&apos;d x?? ?\t\n")
		"</item><item>" COL("pgid", "9") COL("leader command", "")
		COL("pid", "9") COL("command line", "sh ") "</item>"
		"</osdata>\n"));
	free(d);
}

static void test_threads(void)
{
	char *d = fetch("threads", 4096, NULL);

	CHECK(contains(d, "<osdata type=\"threads\">\n"));
	CHECK(contains(d, "<item>" COL("pid", "42")
		       COL("command", "&lt;&amp;&quot;&apos;???")
		       COL("tid", "42")
		       COL("core", "3") "</item>"));
	CHECK(contains(d, "<item>" COL("pid", "42")
		       COL("command", "&lt;&amp;&quot;&apos;???")
		       COL("tid", "43")
		       COL("core", "1") "</item>"));
	CHECK(contains(d, COL("pid", "7") COL("command", "kthreadd")
		       COL("tid", "7") COL("core", "5")));
	free(d);
}

static void test_files(void)
{
	char *d = fetch("files", 4096, NULL);

	CHECK(contains(d, "<item>" COL("pid", "42")
		       COL("command", "&lt;&amp;&quot;&apos;???")
		       COL("file descriptor", "0") COL("name", "/dev/null")
		       "</item>"));
	CHECK(contains(d, COL("file descriptor", "3")
		       COL("name", "/tmp/&lt;x&gt;&amp;&apos;&quot;?")));
	CHECK(d && !strstr(d, ".keep"));
	free(d);
}

static void test_system(const char *root_user, const char *nobody)
{
	char *d, want[2048];

	d = fetch("cpus", 4096, NULL);
	CHECK(d && !strcmp(d,
		"<osdata type=\"cpus\">\n<item>"
		COL("processor", " 0\n")
		COL("vendor_id", " Fake&lt;&amp;&gt;\n")
		COL("flags", " a b\n") COL("power management", "\n")
		"</item><item>" COL("processor", " 1\n")
		COL("model name", " x") "</item></osdata>\n"));
	free(d);
	d = fetch("modules", 4096, NULL);
	CHECK(d && !strcmp(d,
		"<osdata type=\"modules\">\n<item>" COL("name", "ugdb")
		COL("size", "12345") COL("num uses", "0")
		COL("dependencies", "-") COL("status", "Live")
		COL("address", "ffffffffc0614000") "</item><item>"
		COL("name", "9pnet") COL("size", "114688") COL("num uses", "2")
		COL("dependencies", "9p,9pnet_virtio,") COL("status", "Live")
		COL("address", "0") "</item></osdata>\n"));
	free(d);
	d = fetch("sockets", 4096, NULL);
	snprintf(want, sizeof(want),
		 "<osdata type=\"I sockets\">\n<item>"
		 COL("local address", "127.0.0.1") COL("local port", "2345")
		 COL("remote address", "0.0.0.0") COL("remote port", "0")
		 COL("state", "LISTEN") COL("user", "%s")
		 COL("family", "INET") COL("protocol", "STREAM")
		 "</item><item>"
		 COL("local address", "::1") COL("local port", "53")
		 COL("remote address", "::") COL("remote port", "0")
		 COL("state", "CLOSE") COL("user", "%s")
		 COL("family", "INET6") COL("protocol", "DGRAM")
		 "</item></osdata>\n", root_user, nobody);
	CHECK(d && !strcmp(d, want));
	if (d && strcmp(d, want))
		printf("%s\n", d);
	free(d);
	d = fetch("shm", 4096, NULL);
	snprintf(want, sizeof(want),
		 "<osdata type=\"shared memory\">\n<item>"
		 COL("key", "0") COL("shmid", "5") COL("permissions", "1600")
		 COL("size", "4096")
		 COL("creator command", "&lt;&amp;&quot;&apos;???")
		 COL("last op. command", "&lt;&amp;&quot;&apos;???")
		 COL("num attached", "1") COL("user", "%s") COL("group", "%s")
		 COL("creator user", "%s") COL("creator group", "%s")
		 COL("last shmat() time", "") COL("last shmdt() time", "")
		 COL("last shmctl() time", "Thu Jan  1 00:00:01 1970\n")
		 "</item></osdata>\n", root_user, root_user, root_user,
		 root_user);
	CHECK(d && !strcmp(d, want));
	if (d && strcmp(d, want))
		printf("%s\n", d);
	free(d);
	d = fetch("semaphores", 4096, NULL);
	CHECK(contains(d, COL("key", "1234") COL("semid", "0")
		       COL("permissions", "600") COL("num semaphores", "2")));
	CHECK(contains(d, COL("last semop() time", "")
		       COL("last semctl() time",
			   "Fri Jan  2 00:00:00 1970\n")));
	free(d);
	/* a missing file: an empty table */
	d = fetch("msg", 4096, NULL);
	CHECK(d && !strcmp(d, "<osdata type=\"message queues\">\n</osdata>\n"));
	free(d);
}

static void dump(const char *type)
{
	size_t len;
	char *d = fetch(type, 1000, &len);

	if (d)
		fwrite(d, 1, len, stdout);
	free(d);
}

int main(int argc, char **argv)
{
	char me[64] = "", root_user[64] = "", nobody[64] = "";
	FILE *p;

	if (argc == 3 && !strcmp(argv[1], "--dump")) {
		dump(argv[2]);
		return 0;
	}
	setenv("TZ", "UTC", 1);
	tzset();
	make_tree();
	if (argc == 3 && !strcmp(argv[1], "--dump-fake")) {
		dump(argv[2]);
		remove_tree();
		return 0;
	}
	/* the user database's names, as the shell's tools see them */
	p = popen("id -un; getent passwd 0 | cut -d: -f1; "
		  "getent passwd 65534 | cut -d: -f1", "r");
	if (!p || !fgets(me, sizeof(me), p) ||
	    !fgets(root_user, sizeof(root_user), p) ||
	    !fgets(nobody, sizeof(nobody), p)) {
		printf("FAIL cannot look up user names\n");
		return 1;
	}
	pclose(p);
	me[strcspn(me, "\n")] = 0;
	root_user[strcspn(root_user, "\n")] = 0;
	nobody[strcspn(nobody, "\n")] = 0;

	test_offsets();
	test_processes(me);
	test_procgroups();
	test_threads();
	test_files();
	test_system(root_user, nobody);
	remove_tree();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
