// SPDX-License-Identifier: GPL-2.0
/*
 * The osdata tables made from /proc/PID: processes, process groups,
 * threads and open files, in /proc's order (groups sorted), as the
 * relay's user sees them (another user's fd directory cannot be read:
 * its files are not listed, as with gdbserver).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "osdata_int.h"

/* gdbserver's longest entry names: a process, a thread or an fd dir */
#define PID_NAME_MAX	20	/* processes, process groups */
#define TID_NAME_MAX	10	/* threads, files */

/*
 * The CPU a thread runs or last ran on: field 39 of its stat, the 37th
 * after the ")" that ends the command; -1 if unknown.
 */
static int thread_core(long long pid, long long tid)
{
	char buf[4096], *p;
	size_t n;
	FILE *f;
	int i, core;

	f = osdata_fopen("/proc/%lld/task/%lld/stat", pid, tid);
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	p = strrchr(buf, ')');
	if (!p)
		return -1;
	p++;
	for (i = 0; i < 37; i++) {
		p += strspn(p, " ");
		if (!*p)
			return -1;
		if (i < 36)
			p += strcspn(p, " ");
	}
	return sscanf(p, "%d", &core) == 1 ? core : -1;
}

/*
 * How many CPU numbers there can be: one more than the highest in
 * /sys/devices/system/cpu/possible ("0-3,8"), else the CPUs online.
 */
static long cpu_count(void)
{
	char buf[4096], *p, *end;
	unsigned long id, max = 0;
	size_t n;
	FILE *f;

	f = osdata_fopen("/sys/devices/system/cpu/possible");
	if (!f)
		return sysconf(_SC_NPROCESSORS_ONLN);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	for (p = buf; *p; p = *end ? end + 1 : end) {
		id = strtoul(p, &end, 10);
		if (id > max)
			max = id;
	}
	return (long)max + 1;
}

/* "0,2,3": the CPUs the process's threads are on, in order. */
static void process_cores(long long pid, long ncpus, char *out, size_t size)
{
	int *count = calloc(ncpus > 0 ? ncpus : 1, sizeof(*count));
	long long tid;
	struct dirent *d;
	size_t len = 0;
	long i;
	DIR *dir;
	int core;

	out[0] = 0;
	if (!count)
		return;
	dir = osdata_opendir("/proc/%lld/task", pid);
	while (dir && (d = readdir(dir))) {
		if (!osdata_pid_entry(d->d_name, PID_NAME_MAX, &tid))
			continue;
		core = thread_core(pid, tid);
		if (core >= 0 && core < ncpus)
			count[core]++;
	}
	if (dir)
		closedir(dir);
	for (i = 0; i < ncpus; i++) {
		if (!count[i])
			continue;
		len += snprintf(out + len, len < size ? size - len : 0,
				"%s%ld", len ? "," : "", i);
		if (len >= size) {
			out[size - 1] = 0;
			break;
		}
	}
	free(count);
}

void osdata_processes(struct textbuf *b)
{
	char user[OSDATA_NAME_MAX], cores[8192], path[4096];
	long ncpus = cpu_count();
	long long pid;
	struct dirent *d;
	struct stat st;
	char *cmdline;
	DIR *dir;

	dir = osdata_opendir("/proc");
	while (dir && (d = readdir(dir))) {
		if (!osdata_pid_entry(d->d_name, PID_NAME_MAX, &pid))
			continue;
		cmdline = osdata_cmdline(pid);
		/* the owner of /proc/PID */
		if (osdata_path(path, sizeof(path), "/proc/%lld", pid) == 0 &&
		    stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			osdata_user(st.st_uid, user);
		else
			strcpy(user, "?");
		process_cores(pid, ncpus, cores, sizeof(cores));
		tb_puts(b, "<item>");
		tb_printf(b, "<column name=\"pid\">%lld</column>", pid);
		xb_column(b, "user", user);
		xb_column(b, "command", cmdline ? cmdline : "");
		xb_column(b, "cores", cores);
		tb_puts(b, "</item>");
		free(cmdline);
	}
	if (dir)
		closedir(dir);
}

struct group_entry {
	long long pid, pgid;
};

/* By group; its leader first, then by pid. */
static int group_order(const void *a, const void *b)
{
	const struct group_entry *x = a, *y = b;

	if (x->pgid != y->pgid)
		return x->pgid < y->pgid ? -1 : 1;
	if ((x->pid == x->pgid) != (y->pid == y->pgid))
		return x->pid == x->pgid ? -1 : 1;
	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

/* The process group of pid (stat's 5th field, what getpgid() says). */
static long long process_group(long long pid)
{
	char buf[4096], *p;
	long long pgid;
	size_t n;
	FILE *f;

	f = osdata_fopen("/proc/%lld/stat", pid);
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %*c %*d %lld", &pgid) != 1)
		return -1;
	return pgid;
}

void osdata_procgroups(struct textbuf *b)
{
	struct group_entry *list = NULL, *nl;
	size_t n = 0, cap = 0, i;
	char leader[OSDATA_NAME_MAX];
	long long pid, pgid;
	struct dirent *d;
	char *cmdline;
	DIR *dir;

	dir = osdata_opendir("/proc");
	while (dir && (d = readdir(dir))) {
		if (!osdata_pid_entry(d->d_name, PID_NAME_MAX, &pid))
			continue;
		/* processes outside any group here (pgid 0) are left out */
		pgid = process_group(pid);
		if (pgid <= 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 512;
			nl = realloc(list, cap * sizeof(*list));
			if (!nl) {
				b->failed = true;
				break;
			}
			list = nl;
		}
		list[n].pid = pid;
		list[n++].pgid = pgid;
	}
	if (dir)
		closedir(dir);
	if (n)
		qsort(list, n, sizeof(*list), group_order);
	for (i = 0; i < n; i++) {
		osdata_command(list[i].pgid, leader);
		cmdline = osdata_cmdline(list[i].pid);
		tb_puts(b, "<item>");
		tb_printf(b, "<column name=\"pgid\">%lld</column>",
			list[i].pgid);
		xb_column(b, "leader command", leader);
		tb_printf(b, "<column name=\"pid\">%lld</column>", list[i].pid);
		xb_column(b, "command line", cmdline ? cmdline : "");
		tb_puts(b, "</item>");
		free(cmdline);
	}
	free(list);
}

/* The processes the threads and files tables go through. */
static DIR *next_process(DIR *dir, long long *pid, const char **name)
{
	char path[4096];
	struct dirent *d;
	struct stat st;

	while ((d = readdir(dir))) {
		if (!osdata_pid_entry(d->d_name, TID_NAME_MAX, pid))
			continue;
		if (osdata_path(path, sizeof(path), "/proc/%s",
				d->d_name) < 0 ||
		    stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		*pid = atoi(d->d_name);
		*name = d->d_name;
		return dir;
	}
	return NULL;
}

void osdata_threads(struct textbuf *b)
{
	char command[OSDATA_NAME_MAX];
	long long pid, tid;
	const char *name;
	struct dirent *d;
	DIR *dir, *tasks;

	dir = osdata_opendir("/proc");
	while (dir && next_process(dir, &pid, &name)) {
		osdata_command(pid, command);
		tasks = osdata_opendir("/proc/%lld/task", pid);
		while (tasks && (d = readdir(tasks))) {
			if (!osdata_pid_entry(d->d_name, TID_NAME_MAX, &tid))
				continue;
			tid = atoi(d->d_name);
			tb_puts(b, "<item>");
			tb_printf(b, "<column name=\"pid\">%lld</column>", pid);
			xb_column(b, "command", command);
			tb_printf(b, "<column name=\"tid\">%lld</column>"
				"<column name=\"core\">%d</column>", tid,
				thread_core(pid, tid));
			tb_puts(b, "</item>");
		}
		if (tasks)
			closedir(tasks);
	}
	if (dir)
		closedir(dir);
}

void osdata_files(struct textbuf *b)
{
	char command[OSDATA_NAME_MAX], path[4096], target[1000];
	const char *name;
	struct dirent *d;
	long long pid;
	DIR *dir, *fds;
	ssize_t n;

	dir = osdata_opendir("/proc");
	while (dir && next_process(dir, &pid, &name)) {
		osdata_command(pid, command);
		fds = osdata_opendir("/proc/%lld/fd", pid);
		while (fds && (d = readdir(fds))) {
			if (!isdigit((unsigned char)d->d_name[0]))
				continue;
			/* the fd's own name when the link cannot be read */
			n = -1;
			if (osdata_path(path, sizeof(path), "/proc/%lld/fd/%s",
					pid, d->d_name) == 0)
				n = readlink(path, target, sizeof(target) - 1);
			if (n >= 0)
				target[n] = 0;
			tb_puts(b, "<item>");
			xb_column(b, "pid", name);
			xb_column(b, "command", command);
			xb_column(b, "file descriptor", d->d_name);
			xb_column(b, "name", n >= 0 ? target : d->d_name);
			tb_puts(b, "</item>");
		}
		if (fds)
			closedir(fds);
	}
	if (dir)
		closedir(dir);
}
