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
int dev_launch(struct ugdb_dev *dev, pid_t pid);
int dev_attach(struct ugdb_dev *dev, pid_t pid);
pid_t dev_wait_stop(struct ugdb_dev *dev, pid_t pid, bool exec_failed);
/*
 * UGDB_MODE_EXTENDED (--multi) as asked; the relay always serves launch
 * and osdata requests (UGDB_MODE_LAUNCHER, UGDB_MODE_OSDATA).
 */
int dev_set_mode(struct ugdb_dev *dev, bool extended);

/* A launch request (UGDB_IOC_RUN_GET), its strings in buf (malloc'd). */
#define DEV_RUN_SHELL		0x1
#define DEV_RUN_NO_ASLR		0x2
struct dev_run_request {
	char *buf;
	size_t len;
	unsigned int flags, argc, nenv;
};
int dev_run_get(struct ugdb_dev *dev, struct dev_run_request *rq);
int dev_run_done(struct ugdb_dev *dev, int result);

/* An osdata request (UGDB_IOC_OSDATA_GET): the table, malloc'd. */
struct dev_osdata_request {
	char *annex;
	unsigned long long offset;
	size_t len;		/* answer with at most this many bytes */
};
int dev_osdata_get(struct ugdb_dev *dev, struct dev_osdata_request *rq);
/* The answer: len bytes of buf, or error < 0 (UGDB_IOC_OSDATA_PUT). */
int dev_osdata_put(struct ugdb_dev *dev, const char *buf, size_t len,
		   int error);

#endif /* UGDB_STUB_DEVICE_H */
