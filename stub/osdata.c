// SPDX-License-Identifier: GPL-2.0
/*
 * The osdata tables gdb's "info os" lists, and gdbserver's way of
 * serving them: a table's document is made when gdb reads it from
 * offset 0, kept for the pieces that follow, and dropped once gdb reads
 * past its end.  Each table keeps its own copy, as in gdbserver.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "osdata_int.h"

const char *osdata_proc_root = "/proc";
const char *osdata_sys_root = "/sys";

static void types(struct textbuf *b);

static const struct table {
	const char *name;	/* gdb's annex, "info os NAME" */
	const char *title;
	const char *description;
	const char *doc_type;	/* <osdata type="..."> */
	void (*items)(struct textbuf *b);
} tables[] = {
	/* the list itself: "" names it too, and it does not list itself */
	{ "types", "Types", "Listing of info os types you can list",
	  "types", types },
	{ "cpus", "CPUs", "Listing of all cpus/cores on the system",
	  "cpus", osdata_cpus },
	{ "files", "File descriptors", "Listing of all file descriptors",
	  "files", osdata_files },
	{ "modules", "Kernel modules", "Listing of all loaded kernel modules",
	  "modules", osdata_modules },
	{ "msg", "Message queues", "Listing of all message queues",
	  "message queues", osdata_msg },
	{ "processes", "Processes", "Listing of all processes",
	  "processes", osdata_processes },
	{ "procgroups", "Process groups", "Listing of all process groups",
	  "process groups", osdata_procgroups },
	{ "semaphores", "Semaphores", "Listing of all semaphores",
	  "semaphores", osdata_semaphores },
	{ "shm", "Shared-memory regions",
	  "Listing of all shared-memory regions",
	  "shared memory", osdata_shm },
	{ "sockets", "Sockets", "Listing of all internet-domain sockets",
	  "I sockets", osdata_sockets },
	{ "threads", "Threads", "Listing of all threads",
	  "threads", osdata_threads },
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* Each table's document being read: made at offset 0, NULL if none. */
static struct copy {
	char *doc;
	size_t len;
} copies[NTABLES];

static void types(struct textbuf *b)
{
	size_t i;

	for (i = 1; i < NTABLES; i++) {
		tb_puts(b, "<item>");
		xb_column(b, "Type", tables[i].name);
		xb_column(b, "Description", tables[i].description);
		xb_column(b, "Title", tables[i].title);
		tb_puts(b, "</item>");
	}
}

/* The table's index; -1 for a name that is none. */
static int find_table(const char *annex)
{
	size_t i;

	if (!*annex)
		return 0;
	for (i = 0; i < NTABLES; i++)
		if (!strcmp(annex, tables[i].name))
			return (int)i;
	return -1;
}

static void drop(struct copy *c)
{
	free(c->doc);
	c->doc = NULL;
	c->len = 0;
}

static int make_doc(const struct table *t, struct copy *c)
{
	struct textbuf b = { 0 };

	drop(c);
	tb_puts(&b, "<osdata type=\"");
	xb_text(&b, t->doc_type);
	tb_puts(&b, "\">\n");
	t->items(&b);
	tb_puts(&b, "</osdata>\n");
	c->doc = tb_take(&b, &c->len);
	return c->doc ? 0 : -ENOMEM;
}

long osdata_read(const char *annex, uint64_t off, char *buf, size_t len)
{
	int i = find_table(annex);
	struct copy *c;
	size_t n;

	if (i < 0)
		return 0;
	c = &copies[i];
	if (!off && make_doc(&tables[i], c) < 0)
		return -ENOMEM;
	if (off >= c->len) {
		drop(c);
		return 0;
	}
	n = c->len - off;
	if (n > len)
		n = len;
	memcpy(buf, c->doc + off, n);
	return (long)n;
}

/* The path @fmt names under the roots in use; -1 (ENAMETOOLONG) if long. */
static int vpath(char *buf, size_t size, const char *fmt, va_list ap)
{
	const char *root = osdata_proc_root;
	char rel[4096];
	int n;

	n = vsnprintf(rel, sizeof(rel), fmt, ap);
	if (n < 0 || (size_t)n >= sizeof(rel))
		goto too_long;
	if (!strncmp(rel, "/sys/", 5)) {
		root = osdata_sys_root;
		n = snprintf(buf, size, "%s%s", root, rel + 4);
	} else if (!strncmp(rel, "/proc", 5)) {
		n = snprintf(buf, size, "%s%s", root, rel + 5);
	} else {
		n = snprintf(buf, size, "%s", rel);
	}
	if (n >= 0 && (size_t)n < size)
		return 0;
too_long:
	errno = ENAMETOOLONG;
	return -1;
}

int osdata_path(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vpath(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

FILE *osdata_fopen(const char *fmt, ...)
{
	char path[4096];
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vpath(path, sizeof(path), fmt, ap);
	va_end(ap);
	return ret < 0 ? NULL : fopen(path, "re");
}

DIR *osdata_opendir(const char *fmt, ...)
{
	char path[4096];
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vpath(path, sizeof(path), fmt, ap);
	va_end(ap);
	return ret < 0 ? NULL : opendir(path);
}
