// SPDX-License-Identifier: GPL-2.0
/*
 * gdb's "info os", the relay's side (see kmod/uapi/ugdb.h): take the
 * session's request, answer it from the tables made here, as the user
 * the relay runs as.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"
#include "messages.h"
#include "osdata.h"

void osdata_for_gdb(struct ugdb_dev *dev)
{
	struct dev_osdata_request rq;
	char *buf;
	long n;

	if (dev_osdata_get(dev, &rq) < 0) {
		/* ENOENT: none pending (the POLLPRI was for a vRun) */
		if (errno != ENOENT)
			fprintf(stderr, MSG_OSDATA_FAILED, strerror(errno));
		return;
	}
	buf = malloc(rq.len ? rq.len : 1);
	n = buf ? osdata_read(rq.annex, rq.offset, buf, rq.len) : -ENOMEM;
	if (dev_osdata_put(dev, buf, n < 0 ? 0 : (size_t)n,
			   n < 0 ? (int)n : 0) < 0)
		fprintf(stderr, MSG_OSDATA_FAILED, strerror(errno));
	free(buf);
	free(rq.annex);
}
