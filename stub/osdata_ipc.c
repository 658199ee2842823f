// SPDX-License-Identifier: GPL-2.0
/*
 * The System V IPC osdata tables, from /proc/sysvipc/{shm,sem,msg}: the
 * fields gdbserver scans (with its formats: a size beyond int is cut as
 * its sscanf() cuts it), ids named as users, groups and commands, times
 * as ctime() text.
 */
#include <string.h>

#include "osdata_int.h"

#define LINE_MAX_	8192

struct owners {
	char user[OSDATA_NAME_MAX], group[OSDATA_NAME_MAX];
	char cuser[OSDATA_NAME_MAX], cgroup[OSDATA_NAME_MAX];
};

static void name_owners(struct owners *o, unsigned int uid, unsigned int gid,
			unsigned int cuid, unsigned int cgid)
{
	osdata_user(uid, o->user);
	osdata_group(gid, o->group);
	osdata_user(cuid, o->cuser);
	osdata_group(cgid, o->cgroup);
}

static void put_owners(struct textbuf *b, const struct owners *o)
{
	xb_column(b, "user", o->user);
	xb_column(b, "group", o->group);
	xb_column(b, "creator user", o->cuser);
	xb_column(b, "creator group", o->cgroup);
}

static void put_time(struct textbuf *b, const char *name, long long t)
{
	char text[OSDATA_NAME_MAX];

	osdata_time(t, text);
	xb_column(b, name, text);
}

static void put_command(struct textbuf *b, const char *name, long long pid)
{
	char command[OSDATA_NAME_MAX];

	osdata_command(pid, command);
	xb_column(b, name, command);
}

void osdata_shm(struct textbuf *b)
{
	unsigned int perms, uid, gid, cuid, cgid;
	long long cpid, lpid, atime, dtime, ctime;
	int key, shmid, size, nattch;
	char line[LINE_MAX_];
	struct owners o;
	FILE *f;

	f = osdata_fopen("/proc/sysvipc/shm");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%d %d %o %d %lld %lld %d %u %u %u %u "
			   "%lld %lld %lld", &key, &shmid, &perms, &size,
			   &cpid, &lpid, &nattch, &uid, &gid, &cuid, &cgid,
			   &atime, &dtime, &ctime) != 14)
			continue;
		name_owners(&o, uid, gid, cuid, cgid);
		tb_puts(b, "<item>");
		tb_printf(b, "<column name=\"key\">%d</column>"
			"<column name=\"shmid\">%d</column>"
			"<column name=\"permissions\">%o</column>"
			"<column name=\"size\">%d</column>",
			key, shmid, perms, size);
		put_command(b, "creator command", cpid);
		put_command(b, "last op. command", lpid);
		tb_printf(b, "<column name=\"num attached\">%d</column>",
			nattch);
		put_owners(b, &o);
		put_time(b, "last shmat() time", atime);
		put_time(b, "last shmdt() time", dtime);
		put_time(b, "last shmctl() time", ctime);
		tb_puts(b, "</item>");
	}
	fclose(f);
}

void osdata_semaphores(struct textbuf *b)
{
	unsigned int perms, nsems;
	int key, semid, uid, gid, cuid, cgid;
	long long otime, ctime;
	char line[LINE_MAX_];
	struct owners o;
	FILE *f;

	f = osdata_fopen("/proc/sysvipc/sem");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%d %d %o %u %d %d %d %d %lld %lld", &key,
			   &semid, &perms, &nsems, &uid, &gid, &cuid, &cgid,
			   &otime, &ctime) != 10)
			continue;
		name_owners(&o, uid, gid, cuid, cgid);
		tb_puts(b, "<item>");
		tb_printf(b, "<column name=\"key\">%d</column>"
			"<column name=\"semid\">%d</column>"
			"<column name=\"permissions\">%o</column>"
			"<column name=\"num semaphores\">%u</column>",
			key, semid, perms, nsems);
		put_owners(b, &o);
		put_time(b, "last semop() time", otime);
		put_time(b, "last semctl() time", ctime);
		tb_puts(b, "</item>");
	}
	fclose(f);
}

void osdata_msg(struct textbuf *b)
{
	unsigned int perms, cbytes, qnum;
	int key, msqid, uid, gid, cuid, cgid;
	long long lspid, lrpid, stime, rtime, ctime;
	char line[LINE_MAX_];
	struct owners o;
	FILE *f;

	f = osdata_fopen("/proc/sysvipc/msg");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%d %d %o %u %u %lld %lld %d %d %d %d "
			   "%lld %lld %lld", &key, &msqid, &perms, &cbytes,
			   &qnum, &lspid, &lrpid, &uid, &gid, &cuid, &cgid,
			   &stime, &rtime, &ctime) != 14)
			continue;
		name_owners(&o, uid, gid, cuid, cgid);
		tb_puts(b, "<item>");
		tb_printf(b, "<column name=\"key\">%d</column>"
			"<column name=\"msqid\">%d</column>"
			"<column name=\"permissions\">%o</column>"
			"<column name=\"num used bytes\">%u</column>"
			"<column name=\"num messages\">%u</column>",
			key, msqid, perms, cbytes, qnum);
		put_command(b, "last msgsnd() command", lspid);
		put_command(b, "last msgrcv() command", lrpid);
		put_owners(b, &o);
		put_time(b, "last msgsnd() time", stime);
		put_time(b, "last msgrcv() time", rtime);
		put_time(b, "last msgctl() time", ctime);
		tb_puts(b, "</item>");
	}
	fclose(f);
}
