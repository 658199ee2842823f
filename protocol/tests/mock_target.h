/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mock_target.h - an in-memory target for the protocol unit tests: two
 * threads with register files, 64 KiB of memory with a breakpoint shadow,
 * and knobs to make operations fail or report stops synchronously.
 */
#ifndef UGDB_MOCK_TARGET_H
#define UGDB_MOCK_TARGET_H

#include "../rsp.h"
#include "../rsp_amd64.h"

#define MOCK_PID	0x4d2		/* 1234 */
#define MOCK_TID2	0x4d3
#define MOCK_NTHREADS	2
#define MOCK_MEM_BASE	0x400000ULL
#define MOCK_MEM_SIZE	0x10000
#define MOCK_MAX_BP	16

struct mock_bp {
	int used;
	int type;
	u64 addr;
	int kind;
	u8 orig;
};

struct mock {
	struct rsp_session *s;
	int present;			/* process exists */
	int attached_flag;
	int nthreads;
	int tids[MOCK_NTHREADS];
	u8 regs[MOCK_NTHREADS][RSP_AMD64_G_MAX];	/* full layout */
	int reg_fail[RSP_AMD64_NREGS];	/* read_reg returns -EIO */
	int reg_bad_size;		/* read_reg returns size + 1 */
	int write_reg_fail;
	u8 mem[MOCK_MEM_SIZE];
	struct mock_bp bp[MOCK_MAX_BP];
	struct rsp_stop stop;		/* what stop_state reports */
	/* recorded calls */
	int n_resume;
	int n_acts;
	struct rsp_resume acts[RSP_MAX_ACTIONS];
	int resume_ret;
	int resume_sync_stop;		/* report the stop inside resume() */
	int n_interrupt;
	int interrupt_sync_stop;	/* report SIGINT inside interrupt() */
	int n_attach, n_detach, n_kill;
	int last_pid;
	int attach_ret, detach_ret, kill_ret;
	int can_step_val;
	int can_range_step_val;		/* 1: vCont;r goes to resume() */
	int n_monitor;
	char monitor_cmd[256];
	int n_reg_writes;
	int n_mem_writes;
	int n_pid_of;
	int pid_of_val;			/* pid_of answer; 0 = MOCK_PID */
	/* qXfer:threads */
	int extra_threads;		/* more tids listed: 0x10000 + i */
	char names[MOCK_NTHREADS][RSP_THREAD_NAME_MAX];
	int name_ret;			/* thread_name fails with this */
	int cores[MOCK_NTHREADS];	/* thread_core; extras get -1 */
	int n_thread_name;
	/* qXfer:exec-file */
	char exec_path[512];
	int exec_ret;			/* exec_file fails with this */
	int exec_pid;			/* pid of the last call */
	int n_exec_file;
	/* qXfer:auxv */
	u8 auxv[20000];
	u32 auxv_len;
	int auxv_ret;			/* read_auxv fails with this */
	u64 auxv_off;			/* off / len of the last call */
	u32 auxv_req;
	int n_read_auxv;
	/*
	 * vFile: one regular file "/prog" (vf_data, vf_size bytes), a
	 * symlink "/link" -> "/prog", a directory "/dir"; "/secret" gives
	 * -EACCES.  Open files are fds 10.. (MOCK_VFDS of them).
	 */
	u8 vf_data[40000];
	u32 vf_size;
	int vf_fd_used[4];
	int vf_fd_flags[4];
	int vf_setfs_pid;
	int vf_open_flags;		/* of the last open */
	u32 vf_open_mode;
	char vf_last_path[4200];
	u64 vf_last_off;
	u32 vf_last_len;
	int vf_unlinked;
	int n_vfile_calls;
	/* qXfer:siginfo */
	u8 siginfo[128];
	int siginfo_ret;		/* read/write_siginfo fail with this */
	int siginfo_tid;		/* tid of the last call */
	u64 siginfo_off;
	u32 siginfo_req;		/* len of the last call */
	int n_siginfo;
};

#define MOCK_VFDS	4
#define MOCK_VFD0	10

extern const struct rsp_target_ops mock_ops;
extern const struct rsp_target_ops mock_ops_min;	/* most ops NULL */
extern const struct rsp_target_ops mock_ops_noxfer;	/* no qXfer ops */
extern const struct rsp_target_ops mock_ops_novfile;	/* vFile partly */

void mock_init(struct mock *m, struct rsp_session *s);

#endif
