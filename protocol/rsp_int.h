/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp_int.h - internals shared by the protocol/ source files.  Not part of
 * the API the module uses (that is rsp.h and rsp_amd64.h).
 */
#ifndef UGDB_RSP_INT_H
#define UGDB_RSP_INT_H

#include "rsp.h"

/*
 * Linux errno values.  protocol/ may not include <errno.h> or
 * <linux/errno.h>, and the numbers are ABI, so they are spelled out here.
 */
#define RSP_EPERM	1
#define RSP_ENOENT	2
#define RSP_ESRCH	3
#define RSP_EIO		5
#define RSP_EFAULT	14
#define RSP_EBUSY	16
#define RSP_EINVAL	22
#define RSP_EOPNOTSUPP	95
#define RSP_ENOTSUPP	524	/* kernel-internal, treated as EOPNOTSUPP */

#define RSP_GDB_SIGNAL_UNKNOWN	143

/* Largest memory transfer served by one m / x packet (bytes). */
#define RSP_MEM_MAX	(RSP_PACKET_MAX / 2)

/* Room kept free in out[] before taking another packet: one full reply. */
#define RSP_OUT_RESERVE	(RSP_OUT_MAX + 8)

/* ---- rsp_hex.c: hex digits, numbers and binary escaping ---- */

/*
 * A read position inside a received packet.  Not const: some requests
 * point into the packet and decode their data in place (X, qRcmd).
 */
struct rsp_cur {
	u8 *p;
	u8 *end;
};

extern const char rsp_hex_digits[16];

int rsp_hex_val(u8 c);
long rsp_hex_decode(const u8 *in, u32 n, u8 *out, u32 out_max);
void rsp_hex_encode(const u8 *in, u32 n, u8 *out);
int rsp_cur_eof(const struct rsp_cur *c);
int rsp_cur_skip(struct rsp_cur *c, u8 ch);
int rsp_cur_prefix(struct rsp_cur *c, const char *str);
int rsp_cur_hex(struct rsp_cur *c, u64 *val);
int rsp_cur_hex_int(struct rsp_cur *c, int *val);
int rsp_cur_tid(struct rsp_cur *c, int *pid, int *tid);
int rsp_needs_escape(u8 c);
u32 rsp_escape(const u8 *in, u32 n, u8 *out, u32 out_max, u32 *consumed);
long rsp_unescape(u8 *buf, u32 n);

/* ---- rsp_reply.c: building the reply in s->reply ---- */

void rsp_reply_reset(struct rsp_session *s);
u32 rsp_reply_room(const struct rsp_session *s);
void rsp_put_char(struct rsp_session *s, u8 c);
void rsp_put_str(struct rsp_session *s, const char *str);
void rsp_put_hex(struct rsp_session *s, u64 val);
void rsp_put_hex8(struct rsp_session *s, u8 val);
void rsp_put_hexbytes(struct rsp_session *s, const u8 *p, u32 n);
void rsp_put_error(struct rsp_session *s, long err);

/* ---- rsp_frame.c: output framing ---- */

u32 rsp_out_room(const struct rsp_session *s);
int rsp_send_reply(struct rsp_session *s);

/* ---- rsp_parse.c: packet text -> request ---- */

enum rsp_req_kind {
	RSP_REQ_UNKNOWN = 0,	/* not understood: empty reply */
	RSP_REQ_BAD,		/* understood but malformed: E01 */
	RSP_REQ_OK,		/* answered "OK" without a target call */
	RSP_REQ_SUPPORTED,	/* qSupported */
	RSP_REQ_NOACK,		/* QStartNoAckMode */
	RSP_REQ_STATUS,		/* ? */
	RSP_REQ_EXTENDED,	/* ! */
	RSP_REQ_READ_REGS,	/* g */
	RSP_REQ_WRITE_REGS,	/* G */
	RSP_REQ_READ_REG,	/* p */
	RSP_REQ_WRITE_REG,	/* P */
	RSP_REQ_READ_MEM,	/* m */
	RSP_REQ_WRITE_MEM,	/* M */
	RSP_REQ_READ_BIN,	/* x */
	RSP_REQ_WRITE_BIN,	/* X */
	RSP_REQ_INSERT_BP,	/* Z */
	RSP_REQ_REMOVE_BP,	/* z */
	RSP_REQ_RESUME,		/* c C s S */
	RSP_REQ_VCONT_QUERY,	/* vCont? */
	RSP_REQ_VCONT,		/* vCont;... */
	RSP_REQ_ATTACH,		/* vAttach */
	RSP_REQ_VKILL,		/* vKill */
	RSP_REQ_KILL,		/* k */
	RSP_REQ_DETACH,		/* D */
	RSP_REQ_SET_THREAD,	/* H */
	RSP_REQ_THREAD_ALIVE,	/* T */
	RSP_REQ_ATTACHED,	/* qAttached */
	RSP_REQ_CURRENT,	/* qC */
	RSP_REQ_THREADS_FIRST,	/* qfThreadInfo */
	RSP_REQ_THREADS_NEXT,	/* qsThreadInfo */
	RSP_REQ_XFER_FEATURES,	/* qXfer:features:read */
	RSP_REQ_XFER_THREADS,	/* qXfer:threads:read */
	RSP_REQ_XFER_EXEC_FILE,	/* qXfer:exec-file:read */
	RSP_REQ_XFER_AUXV,	/* qXfer:auxv:read */
	RSP_REQ_XFER_SIGINFO,	/* qXfer:siginfo:read */
	RSP_REQ_XFER_SIGINFO_WRITE,	/* qXfer:siginfo:write (data: bytes) */
	RSP_REQ_MONITOR,	/* qRcmd */
	RSP_REQ_VCTRLC,		/* vCtrlC */
	RSP_REQ_CRC,		/* qCRC:addr,length */
	RSP_REQ_SEARCH,		/* qSearch:memory:addr;length;pattern */
	RSP_REQ_PASS_SIGNALS,	/* QPassSignals: (list in data) */
	RSP_REQ_PROGRAM_SIGNALS,	/* QProgramSignals: */
	RSP_REQ_VFILE,		/* vFile: (the rest in data) */
	RSP_REQ_XFER_LIBRARIES,	/* qXfer:libraries-svr4:read */
	RSP_REQ_CATCH_SYSCALLS,	/* QCatchSyscalls: (rest in data) */
	RSP_REQ_RUN,		/* vRun; (fields in data) */
	RSP_REQ_ENV_SET,	/* QEnvironmentHexEncoded: (hex in data) */
	RSP_REQ_ENV_UNSET,	/* QEnvironmentUnset: */
	RSP_REQ_ENV_RESET,	/* QEnvironmentReset */
	RSP_REQ_SET_CWD,	/* QSetWorkingDir: */
	RSP_REQ_STARTUP_SHELL,	/* QStartupWithShell: */
	RSP_REQ_NO_ASLR,	/* QDisableRandomization: */
	RSP_REQ_THREAD_EVENTS,	/* QThreadEvents: (mode in data) */
	RSP_REQ_XFER_OSDATA,	/* qXfer:osdata:read */
	RSP_REQ_SYMBOL,		/* qSymbol: (the rest in data) */
	RSP_REQ_TLS_ADDR,	/* qGetTLSAddr: (the rest in data) */
};

/* Feature flags found in gdb's qSupported. */
#define RSP_GDB_SWBREAK		0x1
#define RSP_GDB_HWBREAK		0x2
#define RSP_GDB_MULTIPROCESS	0x4
#define RSP_GDB_NO_RESUMED	0x8
#define RSP_GDB_EVENT_SHIFT	8	/* RSP_EVENT_* << this: *-events+ */

struct rsp_req {
	enum rsp_req_kind kind;
	u64 addr;		/* m M x X Z z, resume address */
	u64 len;		/* m M x X, qXfer length */
	u64 off;		/* qXfer offset */
	u8 *data;		/* G P M X data, qRcmd hex, qXfer annex, Q*Signals list */
	u32 data_len;
	u8 *wdata;		/* qXfer write: the data, unescaped */
	u32 wdata_len;
	int regno;		/* p P */
	int type;		/* Z z type; H operation ('g' / 'c') */
	int kind_arg;		/* Z z kind */
	int tid;		/* H T; -1 = all, 0 = any */
	/*
	 * vAttach vKill D qAttached: the pid, -1 = none given.  H T: the
	 * process of the thread-id ("pPID.TID"), 0 = any (plain tid).
	 */
	int pid;
	int sig;		/* C S: gdb signal */
	int step;		/* s S */
	int has_addr;		/* c s C S had an address */
	int features;		/* qSupported: RSP_GDB_* */
	int n_acts;		/* vCont: actions in the acts array */
};

void rsp_parse(u8 *pkt, u32 len, struct rsp_req *req,
	       struct rsp_resume *acts, int max_acts);

/* ---- rsp_serve*.c, rsp_query.c: serving requests ---- */

void rsp_serve(struct rsp_session *s, u8 *pkt, u32 len);
int rsp_serve_data(struct rsp_session *s, struct rsp_req *req);
int rsp_serve_query(struct rsp_session *s, struct rsp_req *req);
int rsp_serve_xfer(struct rsp_session *s, struct rsp_req *req);
int rsp_serve_memscan(struct rsp_session *s, struct rsp_req *req);
void rsp_put_xfer_data(struct rsp_session *s, const u8 *data, u32 n,
		       int more);
int rsp_serve_siginfo(struct rsp_session *s, struct rsp_req *req);
int rsp_current_tid(struct rsp_session *s, int general);
int rsp_thread_pid(struct rsp_session *s, int tid);
int rsp_check_pid(struct rsp_session *s, int pid, int tid);
void rsp_put_tid(struct rsp_session *s, int pid, int tid);
void rsp_forget_threads(struct rsp_session *s);
int rsp_no_process_left(struct rsp_session *s);
int rsp_may_add_process(struct rsp_session *s);

/* ---- rsp_vfile.c, rsp_svr4.c ---- */

int rsp_vfile_supported(const struct rsp_session *s);
int rsp_serve_vfile(struct rsp_session *s, struct rsp_req *req);
int rsp_svr4_supported(const struct rsp_session *s);
void rsp_serve_svr4(struct rsp_session *s, struct rsp_req *req, u32 len);
/* ---- rsp_tls.c, rsp_tdb.c: qSymbol, qGetTLSAddr ---- */

/* The symbols of struct rsp_tdb, in the order gdb is asked for them. */
enum rsp_tdb_sym {
	TDB_NPTL_VERSION,	/* first: the thread library is there */
	TDB_THREAD_AREA,
	TDB_PTHREAD_TID,
	TDB_PTHREAD_DTVP,
	TDB_LIST_NEXT,
	TDB_RTLD_GLOBAL,
	TDB_RTLD_GLOBAL_DESC,
	TDB_RG_STACK_USER,
	TDB_RG_SLOTINFO,
	TDB_STACK_USER,
	TDB_SLOTINFO,
	TDB_SLOTINFO_DESC,
	TDB_SL_LEN,
	TDB_SL_NEXT,
	TDB_SL_SLOTINFO,
	TDB_SI_GEN,
	TDB_SI_MAP,
	TDB_LM_MODID,
	TDB_LM_OFFSET,
	TDB_DTV_DTV,
	TDB_DTV_COUNTER,
	TDB_DTV_POINTER,
	TDB_NSYMS_CHECK		/* == RSP_TDB_NSYMS */
};

int rsp_serve_tls(struct rsp_session *s, struct rsp_req *req);
const char *rsp_tdb_symbol(int i);
void rsp_tdb_reset(struct rsp_session *s);
struct rsp_tdb *rsp_tdb_find(struct rsp_session *s, int pid);
struct rsp_tdb *rsp_tdb_get(struct rsp_session *s, int pid);
void rsp_tdb_forget(struct rsp_session *s, int pid);
void rsp_tdb_forked(struct rsp_session *s, int parent, int child);
int rsp_tdb_tls_address(struct rsp_session *s, struct rsp_tdb *t, int pid,
			int tid, u64 offset, u64 lm, u64 *addr);

/* ---- rsp_run.c ---- */

int rsp_serve_run(struct rsp_session *s, struct rsp_req *req);
int rsp_serve_launch_setting(struct rsp_session *s, struct rsp_req *req);

/* ---- rsp_osdata.c ---- */

int rsp_serve_osdata(struct rsp_session *s, struct rsp_req *req);

/* ---- rsp_stop.c ---- */

void rsp_put_stop(struct rsp_session *s, const struct rsp_stop *st);

/* ---- rsp_signals.c ---- */

int rsp_sig_to_gdb(int linux_sig);
int rsp_sig_from_gdb(int gdb_sig);

#endif /* UGDB_RSP_INT_H */
