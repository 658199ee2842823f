// SPDX-License-Identifier: GPL-2.0
/*
 * The names the osdata tables give to ids and processes, as gdbserver
 * gives them: user and group names (the user database; "" when there is
 * none), a process's command (its comm from /proc/PID/stat), its
 * command line, and times as ctime() writes them.
 */
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "osdata_int.h"

/* s, cut to fit (gdbserver's strncpy into its fixed buffers). */
static void copy_name(char name[OSDATA_NAME_MAX], const char *s)
{
	size_t n;

	for (n = 0; n < OSDATA_NAME_MAX - 1 && s[n]; n++)
		name[n] = s[n];
	name[n] = 0;
}

/* gdbserver's 1024-byte buffer: a longer entry has no name there */
void osdata_user(uid_t uid, char name[OSDATA_NAME_MAX])
{
	struct passwd pwd, *pw = NULL;
	char buf[1024];

	getpwuid_r(uid, &pwd, buf, sizeof(buf), &pw);
	copy_name(name, pw ? pw->pw_name : "");
}

/* gdbserver's getgrgid() takes a group of any size (members): so do we */
void osdata_group(gid_t gid, char name[OSDATA_NAME_MAX])
{
	struct group grp, *gr = NULL;
	size_t size = 4096;
	char *buf = NULL, *nb;

	for (;;) {
		nb = realloc(buf, size);
		if (!nb)
			break;
		buf = nb;
		if (getgrgid_r(gid, &grp, buf, size, &gr) != ERANGE ||
		    size >= (1 << 24))
			break;
		size *= 2;
	}
	copy_name(name, gr ? gr->gr_name : "");
	free(buf);
}

/*
 * gdbserver reads /proc/PID/stat as "%lld %17s": the pid, then the first
 * word of "(comm)", and drops its first and last characters, meant to
 * be the parentheses (so "(ab cd)" gives "a").  A pid without a stat
 * file is named by its number; a stat file that does not fit gives "".
 */
void osdata_command(long long pid, char name[OSDATA_NAME_MAX])
{
	char word[18];
	long long stat_pid;
	size_t n = 0;
	FILE *f;
	int c;

	name[0] = 0;
	f = osdata_fopen("/proc/%lld/stat", pid);
	if (!f) {
		snprintf(name, OSDATA_NAME_MAX, "%lld", pid);
		return;
	}
	if (fscanf(f, "%lld", &stat_pid) == 1 && stat_pid == pid) {
		do
			c = getc(f);
		while (c != EOF && isspace(c));
		while (c != EOF && !isspace(c) && n < sizeof(word) - 1) {
			word[n++] = (char)c;
			c = getc(f);
		}
		word[n] = 0;
		if (n >= 2) {
			word[n - 1] = 0;
			copy_name(name, word + 1);
		}
	}
	fclose(f);
}

/*
 * The arguments of /proc/PID/cmdline, each followed by a blank (the NUL
 * bytes become blanks); "[COMMAND]" when it is empty (kernel threads,
 * zombies); "" when it cannot be read.  Returns a malloc'd string, NULL
 * if memory ran out.
 */
char *osdata_cmdline(long long pid)
{
	char *text = NULL, *nt, buf[1024];
	size_t len = 0, n, i;
	FILE *f;

	f = osdata_fopen("/proc/%lld/cmdline", pid);
	if (!f)
		return calloc(1, 1);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		nt = realloc(text, len + n + 1);
		if (!nt) {
			free(text);
			fclose(f);
			return NULL;
		}
		text = nt;
		memcpy(text + len, buf, n);
		len += n;
	}
	fclose(f);
	if (!len) {
		char comm[OSDATA_NAME_MAX];

		osdata_command(pid, comm);
		free(text);
		if (asprintf(&text, "[%s]", comm) < 0)
			return NULL;
		return text;
	}
	for (i = 0; i < len; i++)
		if (!text[i])
			text[i] = ' ';
	text[len] = 0;
	return text;
}

/* ctime()'s text, its newline included; nothing for time 0. */
void osdata_time(long long t, char text[OSDATA_NAME_MAX])
{
	time_t tt = (time_t)t;
	char buf[64];

	text[0] = 0;
	if (t && ctime_r(&tt, buf))
		copy_name(text, buf);
}

/*
 * gdbserver takes a /proc entry for a process when it starts with a
 * digit and has at most max_len characters, and reads its number with
 * sscanf (so "12abc" would be 12).
 */
int osdata_pid_entry(const char *name, size_t max_len, long long *pid)
{
	if (!isdigit((unsigned char)name[0]) || strlen(name) > max_len)
		return 0;
	return sscanf(name, "%lld", pid) == 1;
}
