/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gdb's "info os" tables (qXfer:osdata:read), made by the relay as
 * gdbserver makes them: from /proc, /sys and the user database, as the
 * user the relay runs as.
 */
#ifndef UGDB_STUB_OSDATA_H
#define UGDB_STUB_OSDATA_H

#include <stddef.h>
#include <stdint.h>

struct ugdb_dev;

/* Where the tables are read from: "/proc" and "/sys"; tests change them. */
extern const char *osdata_proc_root;
extern const char *osdata_sys_root;

/*
 * gdbserver's qXfer:osdata:read: up to len bytes of the document of
 * table annex ("" or "types": the list of tables) from offset off.
 * Offset 0 makes the document anew; other offsets read that copy, and
 * reading at or past its end drops it.  A table nobody made yet, or one
 * that does not exist, has no data.  Returns the bytes copied, or
 * -ENOMEM.
 */
long osdata_read(const char *annex, uint64_t off, char *buf, size_t len);

/* Serve the osdata request pending on the session (POLLPRI), if any. */
void osdata_for_gdb(struct ugdb_dev *dev);

#endif /* UGDB_STUB_OSDATA_H */
