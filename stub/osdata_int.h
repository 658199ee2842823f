/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the osdata tables: one generator per table, and what they
 * share.  Each generator appends its document's items to the buffer
 * (osdata.c writes the <osdata> element around them) and follows
 * gdbserver 13's choices of sources, columns, formats and order, quirks
 * included, so that "info os" shows the same through either stub.
 */
#ifndef UGDB_STUB_OSDATA_INT_H
#define UGDB_STUB_OSDATA_INT_H

#include <dirent.h>
#include <stdio.h>
#include <sys/types.h>

#include "osdata.h"
#include "xmlbuf.h"

/* osdata_proc.c: per process, from /proc/PID */
void osdata_processes(struct textbuf *b);
void osdata_procgroups(struct textbuf *b);
void osdata_threads(struct textbuf *b);
void osdata_files(struct textbuf *b);

/* osdata_sys.c: the system's CPUs, kernel modules and internet sockets */
void osdata_cpus(struct textbuf *b);
void osdata_modules(struct textbuf *b);
void osdata_sockets(struct textbuf *b);

/* osdata_ipc.c: System V shared memory, semaphores, message queues */
void osdata_shm(struct textbuf *b);
void osdata_semaphores(struct textbuf *b);
void osdata_msg(struct textbuf *b);

/* osdata.c: paths under the roots ("/proc/..." = osdata_proc_root) */
FILE *osdata_fopen(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
DIR *osdata_opendir(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* the path of fmt in buf (size bytes); -1 if it does not fit */
int osdata_path(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* osdata_names.c: names gdbserver gives to ids, times and processes */
#define OSDATA_NAME_MAX	32	/* utmp's UT_NAMESIZE: names are cut */
void osdata_user(uid_t uid, char name[OSDATA_NAME_MAX]);
void osdata_group(gid_t gid, char name[OSDATA_NAME_MAX]);
void osdata_command(long long pid, char name[OSDATA_NAME_MAX]);
char *osdata_cmdline(long long pid);
void osdata_time(long long t, char text[OSDATA_NAME_MAX]);
/* a /proc directory entry that names a process: its pid */
int osdata_pid_entry(const char *name, size_t max_len, long long *pid);

#endif /* UGDB_STUB_OSDATA_INT_H */
