/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One /dev/ugdb session, or a stand-in for it when testing without the
 * module (see device.c).
 */
#ifndef UGDB_STUB_DEVICE_H
#define UGDB_STUB_DEVICE_H

#include <stdbool.h>
#include <sys/types.h>

struct ugdb_dev {
	int fd;			/* -1 when closed */
	bool fake;		/* a test harness plays the module */
};

/* Path ugdbserver opens (for messages). */
const char *dev_path(void);

/* Open a new session; on failure print why and return -1. */
int dev_open(struct ugdb_dev *dev);
void dev_close(struct ugdb_dev *dev);

/* The ioctls of kmod/uapi/ugdb.h; 0 (or a pid) or -1 with errno. */
int dev_traceme(struct ugdb_dev *dev);
int dev_attach(struct ugdb_dev *dev, pid_t pid);
pid_t dev_wait_stop(struct ugdb_dev *dev, pid_t pid, bool exec_failed);
int dev_set_extended(struct ugdb_dev *dev);

#endif /* UGDB_STUB_DEVICE_H */
