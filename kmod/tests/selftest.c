// SPDX-License-Identifier: GPL-2.0
/*
 * selftest.c - ugdb_selftest.ko: in-kernel tests of the engine layer.
 *
 * Loaded after ugdb.ko, it runs every test from its init function and
 * prints one line per test to the kernel log ("ugdb_selftest: PASS: name"
 * or "ugdb_selftest: FAIL: name: why"), then "ugdb_selftest: N passed,
 * N failed".  It uses only the layer's contract, utrace.h.
 *
 * The tasks under test are user programs started with the user-mode
 * helper: its init callback runs in the new task just before the exec, so
 * engines attached there are attached by the task itself outside any
 * reporting pass, and see everything from the exec on.  UMH_WAIT_EXEC is
 * used throughout: UMH_WAIT_PROC would wait, without a timeout, for a
 * program a test may have stopped.  Such a child's parent is kthreadd,
 * which ignores SIGCHLD, so it is reaped as soon as it is dead, and
 * report_reap comes without anyone calling wait().
 *
 * Never hang, never leave anything behind: every wait has a timeout that
 * is a failure, and every test ends in st_cleanup(), which detaches every
 * engine (resuming the task), waits out callbacks in progress with
 * utrace_barrier(), and kills the program if it is still alive.  After
 * that no callback can reach the test's memory or this module's code.
 */
#define pr_fmt(fmt) "ugdb_selftest: " fmt

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kmsg_dump.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/ptrace.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/umh.h>
#include <asm/unistd.h>

#include "../utrace.h"

/* Generous: the VM runs under TCG, where a small exec takes a while. */
#define ST_TIMEOUT	(10 * HZ)

enum st_ev {
	EV_EXEC, EV_ENTRY, EV_EXIT_SC, EV_EXIT, EV_DEATH, EV_REAP,
	EV_QUIESCE, EV_MARK, EV_SIGNAL, EV_JCTL,
};

static const char st_ev_char[] = "XEReDrqMSJ";

struct st_rec {
	u8 ev;
	u8 eng;
	long nr;		/* syscall number, or exit code */
};

#define ST_LOG_MAX	256
#define ST_NENG		2

struct st_ctx;

/* One engine of a test, and what its callbacks are told to do. */
struct st_eng {
	struct st_ctx *ctx;
	int id;
	struct utrace_engine *engine;	/* our reference, or NULL */
	unsigned long events;
	bool attach_in_init;
	/* callbacks: counters, written only by the traced task */
	unsigned int nentry;
	unsigned int ncalls;
	/* behaviour, by syscall entry number (1-based; 0: never) */
	unsigned int stop_at;		/* return UTRACE_STOP */
	unsigned int detach_at;		/* return UTRACE_DETACH */
	unsigned int attach_at;		/* attach engine 1 from the callback */
	unsigned int spin_at;		/* busy for spin_ms in the callback */
	unsigned int spin_ms;
	bool cb_done;			/* the spinning callback finished */
	long death_code;
	/* report_signal: what to do with a SIGUSR1, what it saw of it */
	bool sig_change;		/* set *deliver to sig_to */
	int sig_to;
	bool sig_stop;			/* return UTRACE_STOP */
	unsigned int nusr1;		/* SIGUSR1 reports */
	int usr1_code, usr1_pid, usr1_deliver;	/* si_code, si_pid, *deliver */
	/* report_jctl: how many of each type, @notify of the last stop */
	unsigned int njstop, njcont;
	int jnotify;
	bool jhold;			/* report_jctl returns UTRACE_STOP */
	struct task_struct *task;	/* attached to, if not ctx->task */
	struct completion in_cb, death, reap;
};

struct st_ctx {
	raw_spinlock_t lock;		/* log, nlog: taken in callbacks */
	struct st_rec log[ST_LOG_MAX];
	unsigned int nlog;
	bool overflow;
	struct task_struct *task;	/* reference taken in st_umh_init */
	int init_err;
	struct st_eng eng[ST_NENG];
};

/*
 * A program of two threads that wait in pause() for ever (guest-check
 * builds testsuite/vm/mt-pause.c and passes its path); "hung" runs the
 * hung-task test alone, with the detector's timeout set short.
 */
static char *mt_prog;
module_param(mt_prog, charp, 0444);
MODULE_PARM_DESC(mt_prog, "path of a two-thread program waiting in pause()");
static bool hung;
module_param(hung, bool, 0444);
MODULE_PARM_DESC(hung, "run only the hung-task detector test");

static char why[192];
static int npass, nfail;

static void st_log(struct st_eng *e, enum st_ev ev, long nr)
{
	struct st_ctx *c = e->ctx;
	unsigned long flags;

	/* irqsave: report_reap comes from an RCU callback */
	raw_spin_lock_irqsave(&c->lock, flags);
	if (c->nlog < ST_LOG_MAX) {
		c->log[c->nlog].ev = ev;
		c->log[c->nlog].eng = e->id;
		c->log[c->nlog].nr = nr;
		c->nlog++;
	} else {
		c->overflow = true;
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

static const struct utrace_engine_ops st_ops;

static u32 st_quiesce(u32 action, struct utrace_engine *engine,
		      unsigned long event)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	st_log(e, EV_QUIESCE, 0);
	return UTRACE_RESUME;
}

static u32 st_exec(u32 action, struct utrace_engine *engine,
		   const struct linux_binprm *bprm)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	st_log(e, EV_EXEC, 0);
	return UTRACE_RESUME;
}

static u32 st_exit(u32 action, struct utrace_engine *engine, long code)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	st_log(e, EV_EXIT, code);
	return UTRACE_RESUME;
}

static u32 st_syscall_entry(u32 action, struct utrace_engine *engine,
			    struct pt_regs *regs)
{
	struct st_eng *e = engine->data;
	struct st_ctx *c = e->ctx;
	unsigned int n = ++e->nentry;
	u32 ret = UTRACE_RESUME;

	e->ncalls++;
	st_log(e, EV_ENTRY, regs->orig_ax);
	if (n == e->attach_at) {
		struct st_eng *b = &c->eng[1];
		struct utrace_engine *ne;

		/* the mark says where, in the log, engine 1 came to be */
		st_log(e, EV_MARK, regs->orig_ax);
		ne = utrace_attach_task(current, UTRACE_ATTACH_CREATE, &st_ops,
					b);
		if (IS_ERR(ne)) {
			c->init_err = PTR_ERR(ne);
		} else {
			utrace_set_events(current, ne, b->events);
			WRITE_ONCE(b->engine, ne);
		}
	}
	if (n == e->spin_at) {
		/* a callback in progress, for utrace_barrier() to wait on */
		complete(&e->in_cb);
		mdelay(e->spin_ms);
		WRITE_ONCE(e->cb_done, true);
	}
	if (n == e->stop_at)
		ret = UTRACE_STOP;
	if (n == e->detach_at)
		ret = UTRACE_DETACH;
	return ret;
}

static u32 st_syscall_exit(u32 action, struct utrace_engine *engine,
			   struct pt_regs *regs)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	st_log(e, EV_EXIT_SC, regs->orig_ax);
	return UTRACE_RESUME;
}

static void st_death(struct utrace_engine *engine, bool group_dead, long code)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	e->death_code = code;
	st_log(e, EV_DEATH, code);
	complete(&e->death);
}

static void st_reap(struct utrace_engine *engine, struct task_struct *task)
{
	struct st_eng *e = engine->data;

	st_log(e, EV_REAP, 0);
	complete(&e->reap);
}

/*
 * Every signal is logged (nr: the number); a SIGUSR1 is counted, what
 * the engine sees of it kept, and it is handled as the test says.
 */
static u32 st_signal(u32 action, struct utrace_engine *engine,
		     struct pt_regs *regs, kernel_siginfo_t *info,
		     int *deliver)
{
	struct st_eng *e = engine->data;
	u32 ret = UTRACE_RESUME;

	e->ncalls++;
	st_log(e, EV_SIGNAL, info->si_signo);
	if (info->si_signo != SIGUSR1)
		return ret;
	if (!e->nusr1++) {
		e->usr1_code = info->si_code;
		e->usr1_pid = info->si_pid;
		e->usr1_deliver = *deliver;
	}
	if (e->sig_change)
		*deliver = e->sig_to;
	if (e->sig_stop)
		ret = UTRACE_STOP;
	return ret;
}

/* Job control reports: counted, and logged as type + 100 * notify. */
static u32 st_jctl(u32 action, struct utrace_engine *engine, int type,
		   int notify)
{
	struct st_eng *e = engine->data;

	e->ncalls++;
	st_log(e, EV_JCTL, type + 100 * notify);
	if (type == CLD_STOPPED) {
		WRITE_ONCE(e->jnotify, notify);
		WRITE_ONCE(e->njstop, e->njstop + 1);
	} else {
		WRITE_ONCE(e->njcont, e->njcont + 1);
	}
	/* like every report's, this action replaces the engine's */
	return READ_ONCE(e->jhold) ? UTRACE_STOP : UTRACE_RESUME;
}

static const struct utrace_engine_ops st_ops = {
	.report_jctl = st_jctl,
	.report_quiesce = st_quiesce,
	.report_exec = st_exec,
	.report_exit = st_exit,
	.report_syscall_entry = st_syscall_entry,
	.report_syscall_exit = st_syscall_exit,
	.report_death = st_death,
	.report_reap = st_reap,
	.report_signal = st_signal,
};

/* The same callbacks under other ops, for UTRACE_ATTACH_MATCH_OPS. */
static const struct utrace_engine_ops st_other_ops = {
	.report_death = st_death,
};

#define ST_ALL_EVENTS	(UTRACE_EVENT(EXEC) | UTRACE_EVENT(SYSCALL_ENTRY) | \
			 UTRACE_EVENT(SYSCALL_EXIT) | UTRACE_EVENT(EXIT) | \
			 UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP))

static struct st_ctx *st_ctx_new(void)
{
	struct st_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int i;

	if (!c)
		return NULL;
	raw_spin_lock_init(&c->lock);
	for (i = 0; i < ST_NENG; i++) {
		c->eng[i].ctx = c;
		c->eng[i].id = i;
		init_completion(&c->eng[i].in_cb);
		init_completion(&c->eng[i].death);
		init_completion(&c->eng[i].reap);
	}
	return c;
}

/*
 * In the new task, before its exec: attach the test's engines to it.
 * current has no reporting pass running, so they go straight onto its
 * list of attached engines and see the exec.
 */
static int st_umh_init(struct subprocess_info *info, struct cred *new)
{
	struct st_ctx *c = info->data;
	struct utrace_engine *engine;
	int i;

	get_task_struct(current);
	c->task = current;
	for (i = 0; i < ST_NENG; i++) {
		struct st_eng *e = &c->eng[i];

		if (!e->attach_in_init)
			continue;
		engine = utrace_attach_task(current, UTRACE_ATTACH_CREATE,
					    &st_ops, e);
		if (IS_ERR(engine)) {
			c->init_err = PTR_ERR(engine);
			break;
		}
		e->engine = engine;
		c->init_err = utrace_set_events(current, engine, e->events);
		if (c->init_err)
			break;
	}
	return 0;
}

/* Start argv[0] with the engines of @c attached; returns after the exec. */
static int st_spawn(struct st_ctx *c, char **argv)
{
	static char *envp[] = {
		"HOME=/", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL
	};
	struct subprocess_info *info;
	int ret;

	info = call_usermodehelper_setup(argv[0], argv, envp, GFP_KERNEL,
					 st_umh_init, NULL, c);
	if (!info)
		return -ENOMEM;
	ret = call_usermodehelper_exec(info, UMH_WAIT_EXEC);
	if (!ret)
		ret = c->init_err;
	if (!ret && !c->task)
		ret = -ESRCH;
	return ret;
}

static bool st_wait(struct completion *done, long timeout)
{
	return wait_for_completion_timeout(done, timeout) != 0;
}

/*
 * Leave nothing behind: detach every engine (which also lets the task
 * go), wait for a callback in progress, kill the program if it is still
 * alive, drop every reference, free the test.
 */
static void st_cleanup(struct st_ctx *c)
{
	struct task_struct *task = c->task;
	int i;

	for (i = 0; i < ST_NENG; i++) {
		/* engine 0 first: its callback may be attaching engine 1 */
		struct utrace_engine *engine = READ_ONCE(c->eng[i].engine);
		struct task_struct *t = c->eng[i].task ?: task;

		if (!engine)
			continue;
		if (t) {
			utrace_control(t, engine, UTRACE_DETACH);
			utrace_barrier(t, engine);
		}
		utrace_engine_put(engine);
		c->eng[i].engine = NULL;
		if (c->eng[i].task)
			put_task_struct(c->eng[i].task);
	}
	if (task) {
		if (!(READ_ONCE(task->flags) & PF_EXITING))
			send_sig(SIGKILL, task, 1);
		put_task_struct(task);
	}
	kfree(c);
}

/* The log as one short string, for a failure's diagnosis. */
static void st_dump(struct st_ctx *c, const char *name)
{
	char *buf = kmalloc(1024, GFP_KERNEL);
	unsigned long flags;
	unsigned int i, len = 0;

	if (!buf)
		return;
	buf[0] = 0;
	raw_spin_lock_irqsave(&c->lock, flags);
	for (i = 0; i < c->nlog && len < 1000; i++) {
		struct st_rec *r = &c->log[i];

		len += scnprintf(buf + len, 1024 - len, " %d%c", r->eng,
				 st_ev_char[r->ev]);
		if (r->ev == EV_ENTRY || r->ev == EV_EXIT_SC ||
		    r->ev == EV_MARK || r->ev == EV_SIGNAL || r->ev == EV_JCTL)
			len += scnprintf(buf + len, 1024 - len, "%ld", r->nr);
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
	pr_info("note: %s: log:%s%s\n", name, buf,
		c->overflow ? " (overflow)" : "");
	kfree(buf);
}

#define CHECK(cond, fmt, ...)						\
	do {								\
		if (!(cond)) {						\
			snprintf(why, sizeof(why), fmt, ##__VA_ARGS__);	\
			goto out;					\
		}							\
	} while (0)

static void st_report(const char *name, bool ok, struct st_ctx *c)
{
	if (ok) {
		pr_info("PASS: %s\n", name);
		npass++;
		return;
	}
	pr_info("FAIL: %s: %s\n", name, why);
	nfail++;
	if (c)
		st_dump(c, name);
}

/* Engine @e attaches in the new task before its exec, asking @events. */
static void st_watch(struct st_eng *e, unsigned long events)
{
	e->attach_in_init = true;
	e->events = events;
}

/* Every test ends here: its verdict, then nothing left behind. */
static void st_done(const char *name, bool ok, struct st_ctx *c)
{
	st_report(name, ok, c);
	if (c)
		st_cleanup(c);
}

/* Start the program, or fail the test. */
#define ST_SPAWN(c, argv)						\
	do {								\
		ret = st_spawn(c, argv);				\
		CHECK(!ret, "spawn %s: %d", (argv)[0], ret);		\
	} while (0)

/* Have engine @engine hold the running program stopped, or fail. */
#define ST_HOLD(c, engine)						\
	do {								\
		ret = utrace_control((c)->task, engine, UTRACE_STOP);	\
		CHECK(ret == -EINPROGRESS || !ret,			\
		      "utrace_control(STOP): %d", ret);			\
		ret = utrace_prepare_examine((c)->task, ST_TIMEOUT);	\
		CHECK(!ret, "utrace_prepare_examine: %d", ret);	\
	} while (0)

/* Records of engine @id, in order, copied out of the log. */
static unsigned int st_records(struct st_ctx *c, int id, struct st_rec *out)
{
	unsigned long flags;
	unsigned int i, n = 0;

	raw_spin_lock_irqsave(&c->lock, flags);
	for (i = 0; i < c->nlog; i++)
		if (c->log[i].eng == id)
			out[n++] = c->log[i];
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return n;
}

static unsigned int st_count(struct st_rec *r, unsigned int n,
			     enum st_ev ev)
{
	unsigned int i, k = 0;

	for (i = 0; i < n; i++)
		k += r[i].ev == ev;
	return k;
}

/* How many records of @ev with @nr (any nr if @nr < 0). */
static unsigned int st_count_nr(struct st_rec *r, unsigned int n,
				enum st_ev ev, long nr)
{
	unsigned int i, k = 0;

	for (i = 0; i < n; i++)
		k += r[i].ev == ev && (nr < 0 || r[i].nr == nr);
	return k;
}

/* Wait (polling: nothing reports it) until @task is dead, then reaped. */
static bool st_poll(struct task_struct *task, bool reaped)
{
	unsigned long end = jiffies + ST_TIMEOUT;

	while (time_before(jiffies, end)) {
		if (reaped ? !pid_alive(task) : READ_ONCE(task->exit_state))
			return true;
		msleep(20);
	}
	return false;
}

/*
 * 1. One engine, every event: exec, then syscall entry/exit pairs, the
 * entry of exit_group (which never returns), exit, death, reap, in that
 * order and each once.
 */
static void test_event_order(void)
{
	static const char name[] = "event order (exec, syscalls, exit, death, reap)";
	char *argv[] = { "/bin/true", NULL };
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	unsigned int n, i, pairs = 0;
	bool ok = false;
	int ret;

	CHECK(c && r, "out of memory");
	st_watch(&c->eng[0], ST_ALL_EVENTS);
	ST_SPAWN(c, argv);
	CHECK(st_wait(&c->eng[0].reap, ST_TIMEOUT), "no report_reap in 10 s");
	CHECK(!c->overflow, "log overflow");
	n = st_records(c, 0, r);
	CHECK(n >= 6, "only %u events", n);
	CHECK(r[0].ev == EV_EXEC, "first event is %c, not exec",
	      st_ev_char[r[0].ev]);
	i = 1;
	/*
	 * A task started by a kernel thread returns to user mode for the
	 * first time through the syscall exit path (ret_from_fork), so the
	 * kernel's sys_exit tracepoint fires once with no entry before it.
	 */
	if (r[i].ev == EV_EXIT_SC)
		i++;
	for (; i + 1 < n && r[i].ev == EV_ENTRY && r[i + 1].ev == EV_EXIT_SC;
	     i += 2) {
		CHECK(r[i].nr == r[i + 1].nr, "entry %ld paired with exit %ld",
		      r[i].nr, r[i + 1].nr);
		pairs++;
	}
	CHECK(pairs > 0, "no syscall entry/exit pair");
	CHECK(n - i == 4, "%u events after the last pair, want 4", n - i);
	CHECK(r[i].ev == EV_ENTRY && r[i].nr == __NR_exit_group,
	      "after the pairs: %c%ld, want entry of exit_group",
	      st_ev_char[r[i].ev], r[i].nr);
	CHECK(r[i + 1].ev == EV_EXIT && r[i + 2].ev == EV_DEATH &&
	      r[i + 3].ev == EV_REAP, "tail %c%c%c, want exit death reap",
	      st_ev_char[r[i + 1].ev], st_ev_char[r[i + 2].ev],
	      st_ev_char[r[i + 3].ev]);
	CHECK(st_count(r, n, EV_EXEC) == 1 && st_count(r, n, EV_EXIT) == 1 &&
	      st_count(r, n, EV_DEATH) == 1 && st_count(r, n, EV_REAP) == 1,
	      "exec/exit/death/reap not each once");
	CHECK(r[i + 2].nr == 0, "exit code %ld, want 0", r[i + 2].nr);
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

/*
 * 2. An engine attached from a callback (engine 0's report of the 3rd
 * syscall entry attaches engine 1 with the same events) is not called for
 * the event being reported, and is called for later ones: at least the
 * following syscalls, the exit and the death.
 */
static void test_attach_in_callback(void)
{
	static const char name[] = "engine attached in a callback misses that event, sees later ones";
	char *argv[] = { "/bin/true", NULL };
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	unsigned int i, mark = 0, n;
	bool ok = false;
	int ret;

	CHECK(c && r, "out of memory");
	st_watch(&c->eng[0], ST_ALL_EVENTS);
	c->eng[0].attach_at = 3;
	c->eng[1].events = ST_ALL_EVENTS;
	ST_SPAWN(c, argv);
	CHECK(st_wait(&c->eng[0].reap, ST_TIMEOUT), "no report_reap in 10 s");
	CHECK(READ_ONCE(c->eng[1].engine), "attach in callback failed: %d",
	      c->init_err);
	for (i = 0; i < c->nlog; i++)
		if (c->log[i].ev == EV_MARK)
			mark = i;
	CHECK(mark, "no mark");
	/* in a pass engine 0 is called first, engine 1 would come next */
	CHECK(mark + 1 >= c->nlog || c->log[mark + 1].eng != 1 ||
	      c->log[mark + 1].ev != EV_ENTRY,
	      "engine 1 saw the syscall entry during which it was attached");
	n = st_records(c, 1, r);
	CHECK(n > 0, "engine 1 was never called (not even exit/death)");
	CHECK(st_count(r, n, EV_ENTRY) > 0,
	      "engine 1 saw no later syscall entry");
	CHECK(st_count(r, n, EV_EXIT) == 1 && st_count(r, n, EV_DEATH) == 1,
	      "engine 1: exit %u death %u, want 1 each",
	      st_count(r, n, EV_EXIT), st_count(r, n, EV_DEATH));
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

/*
 * 2b. The same from another task: an engine attached by us to a running
 * program (asleep in nanosleep), with no utrace_control() after, must be
 * spliced in at a later quiescent point and so see the program's death.
 */
static void test_attach_from_other(void)
{
	static const char name[] = "engine attached from another task to a running one sees its death";
	char *argv[] = { "/bin/sleep", "0.5", NULL };
	struct st_ctx *c = st_ctx_new();
	struct utrace_engine *engine;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	c->eng[0].events = UTRACE_EVENT(EXIT) | UTRACE_EVENT(DEATH) |
			   UTRACE_EVENT(REAP);
	ST_SPAWN(c, argv);
	engine = utrace_attach_task(c->task, UTRACE_ATTACH_CREATE, &st_ops,
				    &c->eng[0]);
	CHECK(!IS_ERR(engine), "attach: %ld", PTR_ERR(engine));
	c->eng[0].engine = engine;
	ret = utrace_set_events(c->task, engine, c->eng[0].events);
	CHECK(!ret, "utrace_set_events: %d", ret);
	/* once the program is reaped, its death report is overdue */
	CHECK(st_poll(c->task, true), "program not reaped after 10 s");
	CHECK(completion_done(&c->eng[0].death),
	      "program dead and reaped, no report_death");
	CHECK(st_wait(&c->eng[0].reap, ST_TIMEOUT), "no report_reap");
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 3. Two engines: 0 returns UTRACE_STOP from a syscall entry report, 1
 * returns (and later asks) UTRACE_RESUME: the task stays stopped, in
 * ptrace's traced state, until engine 0 resumes it; then it runs to its
 * end.  The attach flags are checked on the stopped task meanwhile.
 */
static void test_stop_wins(void)
{
	static const char name[] = "UTRACE_STOP of one engine beats UTRACE_RESUME of another";
	char *argv[] = { "/bin/true", NULL };
	struct st_ctx *c = st_ctx_new();
	struct utrace_engine *found;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	st_watch(&c->eng[0], UTRACE_EVENT(SYSCALL_ENTRY) | UTRACE_EVENT(DEATH));
	c->eng[0].stop_at = 2;
	st_watch(&c->eng[1], UTRACE_EVENT(SYSCALL_ENTRY) |
		 UTRACE_EVENT(SYSCALL_EXIT) | UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	ret = utrace_prepare_examine(c->task, ST_TIMEOUT);
	CHECK(!ret, "utrace_prepare_examine: %d", ret);
	CHECK(utrace_task_stopped(c->task), "utrace_task_stopped is false");
	CHECK(READ_ONCE(c->task->__state) & __TASK_TRACED,
	      "state %#x lacks __TASK_TRACED", READ_ONCE(c->task->__state));
	ret = utrace_control(c->task, c->eng[1].engine, UTRACE_RESUME);
	CHECK(!ret, "utrace_control(1, RESUME): %d", ret);
	msleep(200);
	CHECK(utrace_task_stopped(c->task) && !completion_done(&c->eng[1].death),
	      "engine 1's UTRACE_RESUME let the task go");
	CHECK(c->eng[0].nentry == 2, "engine 0 saw %u entries while stopped",
	      c->eng[0].nentry);

	/* attach flags, on a task whose list cannot change under us */
	found = utrace_attach_task(c->task, UTRACE_ATTACH_MATCH_OPS |
				   UTRACE_ATTACH_MATCH_DATA, &st_ops,
				   &c->eng[1]);
	CHECK(found == c->eng[1].engine, "lookup by ops+data: %d",
	      PTR_ERR_OR_ZERO(found));
	utrace_engine_put(found);
	found = utrace_attach_task(c->task, UTRACE_ATTACH_MATCH_OPS,
				   &st_other_ops, NULL);
	CHECK(PTR_ERR(found) == -ENOENT, "lookup of other ops: %d",
	      PTR_ERR_OR_ZERO(found));
	found = utrace_attach_task(c->task, UTRACE_ATTACH_CREATE |
				   UTRACE_ATTACH_EXCLUSIVE |
				   UTRACE_ATTACH_MATCH_OPS, &st_ops, NULL);
	CHECK(PTR_ERR(found) == -EEXIST, "exclusive create: %d",
	      PTR_ERR_OR_ZERO(found));

	ret = utrace_control(c->task, c->eng[0].engine, UTRACE_RESUME);
	CHECK(!ret, "utrace_control(0, RESUME): %d", ret);
	CHECK(st_wait(&c->eng[1].death, ST_TIMEOUT),
	      "no report_death within 10 s of the resume");
	CHECK(c->eng[1].death_code == 0, "exit code %ld", c->eng[1].death_code);
	CHECK(st_wait(&c->eng[1].reap, ST_TIMEOUT), "no report_reap");
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 4. Engine 0 returns UTRACE_DETACH from its 3rd syscall entry report:
 * no callback of it after that one; engine 1 goes on to the end.
 */
static void test_detach_in_callback(void)
{
	static const char name[] = "UTRACE_DETACH from a callback: no more callbacks, others go on";
	char *argv[] = { "/bin/true", NULL };
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	unsigned int n;
	bool ok = false;
	int ret;

	CHECK(c && r, "out of memory");
	st_watch(&c->eng[0], ST_ALL_EVENTS);
	c->eng[0].detach_at = 3;
	st_watch(&c->eng[1], ST_ALL_EVENTS);
	ST_SPAWN(c, argv);
	CHECK(st_wait(&c->eng[1].reap, ST_TIMEOUT), "no report_reap in 10 s");
	n = st_records(c, 0, r);
	CHECK(n > 0 && r[n - 1].ev == EV_ENTRY && c->eng[0].nentry == 3,
	      "engine 0 called after its detach (%u entries, last %c)",
	      c->eng[0].nentry, n ? st_ev_char[r[n - 1].ev] : '-');
	CHECK(!completion_done(&c->eng[0].death) &&
	      !completion_done(&c->eng[0].reap), "engine 0 saw death/reap");
	ret = utrace_control(c->task, c->eng[0].engine, UTRACE_RESUME);
	CHECK(ret == -ESRCH, "utrace_control on the detached engine: %d",
	      ret);
	n = st_records(c, 1, r);
	CHECK(st_count(r, n, EV_ENTRY) > 3 && st_count(r, n, EV_DEATH) == 1 &&
	      st_count(r, n, EV_REAP) == 1,
	      "engine 1: %u entries, %u deaths, %u reaps",
	      st_count(r, n, EV_ENTRY), st_count(r, n, EV_DEATH),
	      st_count(r, n, EV_REAP));
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

/*
 * 5. Attaching to a task that is dead (a zombie) or reaped, with and
 * without layer state left from an earlier engine, fails with -ESRCH;
 * so do control and examine, and a lookup finds nothing.
 */
static void test_attach_dead(void)
{
	static const char name[] = "attach to a dead or reaped task fails with -ESRCH";
	char *argv[] = { "/bin/true", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_ctx *c2 = st_ctx_new();
	struct utrace_engine *engine;
	bool ok = false;
	int ret, i;

	CHECK(c && c2, "out of memory");
	/* a task that never had an engine: only our reference on it */
	ST_SPAWN(c, argv);
	CHECK(st_poll(c->task, false), "task not dead after 10 s");
	engine = utrace_attach_task(c->task, UTRACE_ATTACH_CREATE, &st_ops,
				    &c->eng[0]);
	CHECK(PTR_ERR(engine) == -ESRCH, "attach to a dead task: %d",
	      PTR_ERR_OR_ZERO(engine));
	CHECK(st_poll(c->task, true), "task not reaped after 10 s");
	engine = utrace_attach_task(c->task, UTRACE_ATTACH_CREATE, &st_ops,
				    &c->eng[0]);
	CHECK(PTR_ERR(engine) == -ESRCH, "attach to a reaped task: %d",
	      PTR_ERR_OR_ZERO(engine));

	/* a task with an engine: its layer state outlives it until reaped */
	st_watch(&c2->eng[0], UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	ST_SPAWN(c2, argv);
	CHECK(st_wait(&c2->eng[0].death, ST_TIMEOUT), "no report_death");
	engine = utrace_attach_task(c2->task, UTRACE_ATTACH_CREATE, &st_ops,
				    &c2->eng[1]);
	CHECK(PTR_ERR(engine) == -ESRCH, "attach to a dying traced task: %d",
	      PTR_ERR_OR_ZERO(engine));
	ret = utrace_control(c2->task, c2->eng[0].engine, UTRACE_STOP);
	CHECK(ret == -ESRCH || (ret == 0 && st_wait(&c2->eng[0].reap, 0)),
	      "utrace_control(STOP) on a dead task: %d", ret);
	CHECK(st_wait(&c2->eng[0].reap, ST_TIMEOUT), "no report_reap");
	engine = utrace_attach_task(c2->task, UTRACE_ATTACH_CREATE, &st_ops,
				    &c2->eng[1]);
	CHECK(PTR_ERR(engine) == -ESRCH, "attach to a reaped traced task: %d",
	      PTR_ERR_OR_ZERO(engine));
	/*
	 * report_reap is called before the layer lets go of the task's
	 * state (right after it): a lookup may find the engine until then.
	 */
	for (i = 0; i < 50; i++) {
		engine = utrace_attach_task(c2->task, UTRACE_ATTACH_MATCH_OPS,
					    &st_ops, NULL);
		if (IS_ERR(engine))
			break;
		utrace_engine_put(engine);
		msleep(20);
	}
	CHECK(PTR_ERR(engine) == -ENOENT, "lookup on a reaped task: %d",
	      PTR_ERR_OR_ZERO(engine));
	ret = utrace_prepare_examine(c2->task, HZ / 10);
	CHECK(ret == -ESRCH, "utrace_prepare_examine on a reaped task: %d",
	      ret);
	ok = true;
out:
	st_report(name, ok, c2);
	if (c)
		st_cleanup(c);
	if (c2)
		st_cleanup(c2);
}

/*
 * 6. utrace_barrier() waits for a callback in progress: engine 0's first
 * syscall entry report stays busy for 300 ms; detaching it meanwhile
 * says -EINPROGRESS, and the barrier returns only after the callback
 * ended.  Engine 0 is called no more; engine 1 sees the task to its end.
 */
static void test_barrier(void)
{
	static const char name[] = "utrace_barrier waits for a callback in progress";
	char *argv[] = { "/bin/true", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	unsigned int calls;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	e = &c->eng[0];
	st_watch(e, ST_ALL_EVENTS);
	e->spin_at = 1;
	e->spin_ms = 300;
	st_watch(&c->eng[1], UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	CHECK(st_wait(&e->in_cb, ST_TIMEOUT), "callback never called");
	ret = utrace_control(c->task, e->engine, UTRACE_DETACH);
	CHECK(ret == -EINPROGRESS || READ_ONCE(e->cb_done),
	      "detach during the callback: %d, want -EINPROGRESS", ret);
	ret = utrace_barrier(c->task, e->engine);
	CHECK(!ret, "utrace_barrier: %d", ret);
	CHECK(READ_ONCE(e->cb_done),
	      "utrace_barrier returned while the callback ran");
	calls = READ_ONCE(e->ncalls);
	CHECK(st_wait(&c->eng[1].reap, ST_TIMEOUT), "no report_reap in 10 s");
	CHECK(READ_ONCE(e->ncalls) == calls,
	      "detached engine called %u more times",
	      READ_ONCE(e->ncalls) - calls);
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 6a. utrace_barrier_sync() waits for a callback in progress even when
 * the waiter has a signal pending, where utrace_barrier() gives up with
 * -ERESTARTSYS.  An owner about to free what its callbacks use must not
 * give up: ugdb_free_thread() runs from close(), and a relay or gdb that
 * was killed closes with SIGKILL pending.  The waiter is a kernel thread
 * that lets SIGUSR1 in and sends it to itself.
 */
struct st_barrier_waiter {
	struct st_ctx *c;
	int barrier_ret;
	bool pending, cb_done_after_sync;
	struct completion done;
};

static int st_barrier_waiter_fn(void *data)
{
	struct st_barrier_waiter *w = data;
	struct st_eng *e = &w->c->eng[0];

	allow_signal(SIGUSR1);
	send_sig(SIGUSR1, current, 1);
	w->pending = signal_pending(current);
	w->barrier_ret = utrace_barrier(w->c->task, e->engine);
	utrace_barrier_sync(w->c->task, e->engine);
	w->cb_done_after_sync = READ_ONCE(e->cb_done);
	flush_signals(current);
	complete(&w->done);
	return 0;
}

static void test_barrier_signal(void)
{
	static const char name[] = "utrace_barrier_sync waits for a callback through a pending signal";
	char *argv[] = { "/bin/true", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_barrier_waiter w = { .c = c };
	struct task_struct *k;
	struct st_eng *e;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	init_completion(&w.done);
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(SYSCALL_ENTRY));
	e->spin_at = 1;
	e->spin_ms = 1000;	/* the waiter starts within it, even on TCG */
	ST_SPAWN(c, argv);
	CHECK(st_wait(&e->in_cb, ST_TIMEOUT), "callback never called");
	ret = utrace_control(c->task, e->engine, UTRACE_DETACH);
	CHECK(ret == -EINPROGRESS, "detach during the callback: %d", ret);
	k = kthread_run(st_barrier_waiter_fn, &w, "ugdb_st_barrier");
	CHECK(!IS_ERR(k), "kthread_run: %ld", PTR_ERR(k));
	wait_for_completion(&w.done);
	CHECK(w.pending, "the waiter had no signal pending");
	CHECK(w.barrier_ret == -ERESTARTSYS,
	      "utrace_barrier with a signal pending: %d, want -ERESTARTSYS",
	      w.barrier_ret);
	CHECK(w.cb_done_after_sync,
	      "utrace_barrier_sync returned while the callback ran");
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 6b. A utrace_control(STOP) made while the engine's callback runs is not
 * undone by what that callback returns (UTRACE_RESUME here): the
 * callback decided before the stop was asked for.  The syscall entry
 * callback spins 300 ms; the stop comes in the middle; the task must stop.
 */
static void test_control_in_callback(void)
{
	static const char name[] = "a stop asked for during a callback outlives its resume";
	char *argv[] = { "/bin/true", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(SYSCALL_ENTRY));
	e->spin_at = 1;
	e->spin_ms = 300;
	ST_SPAWN(c, argv);
	CHECK(st_wait(&e->in_cb, ST_TIMEOUT), "callback never called");
	ret = utrace_control(c->task, e->engine, UTRACE_STOP);
	CHECK(ret == -EINPROGRESS, "utrace_control(STOP): %d", ret);
	CHECK(!READ_ONCE(e->cb_done), "the callback ended before the stop");
	ret = utrace_prepare_examine(c->task, ST_TIMEOUT);
	CHECK(!ret, "not stopped after the callback returned: %d", ret);
	CHECK(READ_ONCE(e->cb_done), "stopped inside the callback");
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 7. A task held stopped by an engine dies promptly on SIGKILL, and the
 * engine gets report_death (with SIGKILL as the code) and report_reap.
 */
/*
 * /bin/sleep under engine 0 (death and reap watched), stopped at its first
 * system call and off its CPU.  0, or -1 with why[] set.
 */
static int st_stopped_sleeper(struct st_ctx *c)
{
	char *argv[] = { "/bin/sleep", "30", NULL };
	int ret;

	st_watch(&c->eng[0], UTRACE_EVENT(SYSCALL_ENTRY) |
		 UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	c->eng[0].stop_at = 1;
	ST_SPAWN(c, argv);
	ret = utrace_prepare_examine(c->task, ST_TIMEOUT);
	CHECK(!ret, "utrace_prepare_examine: %d", ret);
	return 0;
out:
	return -1;
}

static void test_sigkill_stopped(void)
{
	static const char name[] = "SIGKILL ends a stopped task promptly, death and reap reported";
	struct st_ctx *c = st_ctx_new();
	unsigned long t0;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	if (st_stopped_sleeper(c))
		goto out;	/* why[] says why */
	t0 = jiffies;
	ret = send_sig(SIGKILL, c->task, 1);
	CHECK(!ret, "send_sig: %d", ret);
	CHECK(st_wait(&c->eng[0].death, 2 * HZ),
	      "no report_death within 2 s of SIGKILL");
	CHECK((c->eng[0].death_code & 0x7f) == SIGKILL,
	      "exit code %#lx, want SIGKILL", c->eng[0].death_code);
	CHECK(st_wait(&c->eng[0].reap, ST_TIMEOUT), "no report_reap");
	pr_debug("death %u ms after SIGKILL\n", jiffies_to_msecs(jiffies - t0));
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * utrace_examine_begin() holds a stopped task in its stop, SIGKILL or
 * not, until utrace_examine_end(): its registers (on its kernel stack)
 * stay while an examiner uses them.  Without the hold, the SIGKILL below
 * ends the task within the 300 ms it is given.
 */
static void test_examine_holds(void)
{
	static const char name[] = "an examined task keeps its stop through SIGKILL until the examiner is done";
	struct st_ctx *c = st_ctx_new();
	bool ok = false, held = false;
	int ret;

	CHECK(c, "out of memory");
	if (st_stopped_sleeper(c))
		goto out;	/* why[] says why */
	ret = utrace_examine_begin(c->task);
	CHECK(!ret, "utrace_examine_begin: %d", ret);
	held = true;
	ret = send_sig(SIGKILL, c->task, 1);
	CHECK(!ret, "send_sig: %d", ret);
	CHECK(!st_wait(&c->eng[0].death, HZ * 3 / 10),
	      "died while held for examination");
	CHECK(utrace_task_stopped(c->task), "left its stop while held");
	utrace_examine_end(c->task);
	held = false;
	CHECK(st_wait(&c->eng[0].death, 2 * HZ),
	      "no report_death within 2 s of the end of the examination");
	CHECK(st_wait(&c->eng[0].reap, ST_TIMEOUT), "no report_reap");
	ok = true;
out:
	if (held)
		utrace_examine_end(c->task);
	st_done(name, ok, c);
}

/*
 * Signals.  The programs are dash scripts whose shell sends itself
 * SIGUSR1 with its builtin kill (so si_code SI_USER, si_pid its own pid),
 * and nothing else: no child, hence no SIGCHLD.  USR1's and USR2's
 * default action ends the shell; report_death's code is then the signal.
 *
 * Each case runs twice: with SIGUSR1 at its default action, and with a
 * trap (a handler) for it.  The difference matters to the kernel: a
 * signal whose default action kills (without a core dump), sent to a task
 * that has no handler for it and is not ptraced, is turned into a group
 * exit (SIGKILL) right in the sender, by complete_signal(), before the
 * signal_generate tracepoint the layer hooks -- unless the layer's guard
 * (utrace.c, "the fatal-signal guard") holds it back.  The default-action
 * cases check that it does: the signal is reported and can be suppressed
 * or delivered like any other.
 */
#define ST_SH_KILL_EXIT5	"kill -USR1 $$; exit 5"
#define ST_SH_TRAP_KILL_EXIT5	"trap 'exit 3' USR1; kill -USR1 $$; exit 5"

/*
 * Run @script under one engine asking SIGNAL (and death, reap) until it
 * is reaped; its records go to @r.  Returns how many, or -1 after a
 * failure (why[] says which).
 */
static int st_sig_run(struct st_ctx *c, const char *script,
		      struct st_rec *r)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };
	struct st_eng *e = &c->eng[0];
	int ret;

	st_watch(e, UTRACE_EVENT(SIGNAL) | UTRACE_EVENT(EXIT) |
		 UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	CHECK(st_wait(&e->death, ST_TIMEOUT), "no report_death in 10 s");
	CHECK(st_wait(&e->reap, ST_TIMEOUT), "no report_reap in 10 s");
	return st_records(c, 0, r);
out:
	return -1;
}

/*
 * 8-10. One engine asking SIGNAL; for SIGUSR1 it leaves *deliver (@change
 * false) or sets it to @to.  Wants one SIGUSR1 report with the kill's
 * siginfo, no report of any other signal, and the exit code @want.
 */
static void st_sig_case(const char *name, const char *script, bool change,
			int to, long want)
{
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	bool ok = false;
	int n;

	CHECK(c && r, "out of memory");
	e = &c->eng[0];
	e->sig_change = change;
	e->sig_to = to;
	n = st_sig_run(c, script, r);
	if (n < 0)
		goto out;
	CHECK(e->nusr1 == 1, "%u SIGUSR1 reports, want 1 (exit code %#lx, want %#lx)",
	      e->nusr1, e->death_code, want);
	CHECK(e->usr1_code == SI_USER, "si_code %d, want SI_USER",
	      e->usr1_code);
	CHECK(e->usr1_pid == task_tgid_nr(c->task), "si_pid %d, want %d",
	      e->usr1_pid, task_tgid_nr(c->task));
	CHECK(e->usr1_deliver == SIGUSR1, "*deliver came as %d, want %d",
	      e->usr1_deliver, SIGUSR1);
	CHECK(st_count_nr(r, n, EV_SIGNAL, -1) == 1,
	      "%u signal reports in all, want 1 (USR2: %u)",
	      st_count_nr(r, n, EV_SIGNAL, -1),
	      st_count_nr(r, n, EV_SIGNAL, SIGUSR2));
	CHECK(e->death_code == want, "exit code %#lx, want %#lx",
	      e->death_code, want);
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

/* No handler: the guard keeps it from the group kill; it is reported. */
static void test_signal_fatal_suppress(void)
{
	st_sig_case("fatal default-action signal reported, suppressed: the task goes on",
		    ST_SH_KILL_EXIT5, true, 0, 5 << 8);
}

static void test_signal_fatal_deliver(void)
{
	st_sig_case("fatal default-action signal reported, left alone: dies of it",
		    ST_SH_KILL_EXIT5, false, 0, SIGUSR1);
}

/*
 * A signal the kernel would drop at generation for a task nobody traces
 * (sig_ignored(): its default action is to ignore it, or its handler is
 * SIG_IGN) is reported too, as ptrace reports it, then dropped: the
 * script goes on and exits 5.  @script sends @sig to the shell.
 */
static void st_sig_ignored(const char *name, const char *script, int sig)
{
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	bool ok = false;
	int n;

	CHECK(c && r, "out of memory");
	e = &c->eng[0];
	n = st_sig_run(c, script, r);
	if (n < 0)
		goto out;
	CHECK(st_count_nr(r, n, EV_SIGNAL, sig) == 1,
	      "%u reports of signal %d, want 1",
	      st_count_nr(r, n, EV_SIGNAL, sig), sig);
	CHECK(e->death_code == 5 << 8, "exit code %#lx, want %#x",
	      e->death_code, 5 << 8);
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

static void test_signal_ignored(void)
{
	st_sig_ignored("a signal ignored by default (SIGWINCH) is reported",
		       "kill -WINCH $$; exit 5", SIGWINCH);
	st_sig_ignored("a signal whose handler is SIG_IGN (SIGQUIT) is reported",
		       "trap '' QUIT; kill -QUIT $$; exit 5", SIGQUIT);
}

/* Is all of the layer's guard in @t's ->real_blocked, or none of it? */
static bool st_guard_all(struct task_struct *t)
{
	return sigismember(&t->real_blocked, SIGTERM) &&
	       sigismember(&t->real_blocked, SIGUSR1) &&
	       sigismember(&t->real_blocked, SIGCHLD) &&
	       sigismember(&t->real_blocked, SIGQUIT) &&
	       sigismember(&t->real_blocked, SIGRTMAX);
}

static bool st_guard_none(struct task_struct *t)
{
	return sigisemptyset(&t->real_blocked);
}

/*
 * The guard's lifetime: a shell that waits for its child (sleep) has it
 * while its engine asks for signal reports, but the child, which nobody
 * watches, does not keep the copy it inherited; held and detached, the
 * shell has none once it runs again.  None of it ever blocks a signal
 * for real (->blocked).
 */
static void test_signal_guard_lifetime(void)
{
	static const char name[] =
		"the fatal-signal guard: set with signal reports, not inherited, gone after detach";
	char *argv[] = { "/bin/sh", "-c", "sleep 30; exit 0", NULL };
	struct task_struct *child = NULL;
	struct st_ctx *c = st_ctx_new();
	unsigned long end;
	struct st_eng *e;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(SIGNAL) | UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	/* the shell forks sleep and waits for it */
	end = jiffies + ST_TIMEOUT;
	while (!child && time_before(jiffies, end)) {
		rcu_read_lock();
		child = list_first_or_null_rcu(&c->task->children,
					       struct task_struct, sibling);
		if (child)
			get_task_struct(child);
		rcu_read_unlock();
		if (!child)
			msleep(20);
	}
	CHECK(child, "the shell started no child in 10 s");
	ST_HOLD(c, e->engine);
	CHECK(st_guard_all(c->task), "held shell: guard not in ->real_blocked");
	CHECK(!sigismember(&c->task->blocked, SIGTERM),
	      "held shell: SIGTERM really blocked");
	CHECK(st_guard_none(child), "unwatched child kept the guard");
	ret = utrace_control(c->task, e->engine, UTRACE_DETACH);
	CHECK(!ret, "utrace_control(DETACH): %d", ret);
	end = jiffies + ST_TIMEOUT;
	while (!st_guard_none(c->task) && time_before(jiffies, end))
		msleep(20);
	CHECK(st_guard_none(c->task), "guard still set 10 s after the detach");
	CHECK(!sigismember(&c->task->blocked, SIGTERM),
	      "detached shell: SIGTERM really blocked");
	ok = true;
out:
	if (child) {
		send_sig(SIGKILL, child, 1);
		put_task_struct(child);
	}
	st_done(name, ok, c);
}

static void test_signal_deliver(void)
{
	/* a handler: dash runs the trap after the kill builtin */
	st_sig_case("signal reported, left alone: the task's handler runs",
		    "trap 'exit 3' USR1; kill -USR1 $$; exit 9", false, 0,
		    3 << 8);
}

static void test_signal_suppress(void)
{
	st_sig_case("signal suppressed (*deliver = 0), handler: the task goes on",
		    ST_SH_TRAP_KILL_EXIT5, true, 0, 5 << 8);
}

static void test_signal_change(void)
{
	st_sig_case("signal changed (SIGUSR1 -> SIGUSR2), handler: dies of it, no 2nd report",
		    ST_SH_TRAP_KILL_EXIT5, true, SIGUSR2, SIGUSR2);
}

/*
 * 11. report_signal returns UTRACE_STOP (and *deliver = 0): the task
 * stops holding the signal; utrace_signal_deliver() then chooses SIGUSR2,
 * which it dies of once resumed, without another report.  On the task
 * still running (asleep in the shell's "sleep 1") it is -EBUSY.  The
 * sleep is a child: its SIGCHLD is reported too, and left alone.  A
 * UTRACE_REPORT asked for while it is held is made before it goes on.
 */
static void st_sig_stop_case(const char *name, char *script)
{
	char *argv[] = { "/bin/sh", "-c", script, NULL };
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	unsigned int i, n;
	bool ok = false;
	int ret;

	CHECK(c && r, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(SIGNAL) | UTRACE_EVENT(QUIESCE) |
		 UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	e->sig_change = true;
	e->sig_to = 0;
	e->sig_stop = true;
	ST_SPAWN(c, argv);
	ret = utrace_signal_deliver(c->task, e->engine, SIGUSR2);
	CHECK(ret == -EBUSY, "utrace_signal_deliver on a running task: %d, want -EBUSY",
	      ret);
	ret = utrace_prepare_examine(c->task, ST_TIMEOUT);
	CHECK(!ret, "utrace_prepare_examine: %d (%u SIGUSR1 reports, exit code %#lx)",
	      ret, e->nusr1, e->death_code);
	CHECK(e->nusr1 == 1, "stopped after %u SIGUSR1 reports, want 1",
	      e->nusr1);
	msleep(100);
	CHECK(utrace_task_stopped(c->task) && !completion_done(&e->death),
	      "the task did not stay stopped");
	ret = utrace_signal_deliver(c->task, e->engine, SIGKILL);
	CHECK(ret == -EINVAL, "utrace_signal_deliver(SIGKILL): %d, want -EINVAL",
	      ret);
	ret = utrace_signal_deliver(c->task, e->engine, SIGUSR2);
	CHECK(!ret, "utrace_signal_deliver(SIGUSR2) while stopped: %d", ret);
	ret = utrace_control(c->task, e->engine, UTRACE_REPORT);
	CHECK(!ret, "utrace_control(REPORT): %d", ret);
	ret = utrace_control(c->task, e->engine, UTRACE_RESUME);
	CHECK(!ret, "utrace_control(RESUME): %d", ret);
	CHECK(st_wait(&e->death, ST_TIMEOUT),
	      "no report_death within 10 s of the resume");
	CHECK(e->death_code == SIGUSR2, "exit code %#lx, want SIGUSR2 (%#x)",
	      e->death_code, SIGUSR2);
	CHECK(st_wait(&e->reap, ST_TIMEOUT), "no report_reap");
	n = st_records(c, 0, r);
	CHECK(e->nusr1 == 1 && st_count_nr(r, n, EV_SIGNAL, SIGUSR2) == 0,
	      "reports: %u SIGUSR1, %u SIGUSR2, want 1 and 0", e->nusr1,
	      st_count_nr(r, n, EV_SIGNAL, SIGUSR2));
	for (i = 0; i < n; i++)
		if (r[i].ev == EV_SIGNAL && r[i].nr == SIGUSR1)
			break;
	while (i < n && r[i].ev != EV_QUIESCE)
		i++;
	CHECK(i < n, "no report_quiesce after the signal stop");
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

static void test_signal_stop(void)
{
	st_sig_stop_case("stop in report_signal, utrace_signal_deliver(SIGUSR2), resume, handler: dies of it",
			 "sleep 1; " ST_SH_TRAP_KILL_EXIT5);
}

/*
 * 12. SIGKILL is never reported: a program asleep in clock_nanosleep,
 * with an engine asking SIGNAL, dies of SIGKILL with no report_signal.
 */
static void test_signal_sigkill(void)
{
	static const char name[] = "SIGKILL is not reported to report_signal";
	char *argv[] = { "/bin/sleep", "30", NULL };
	struct st_rec *r = kcalloc(ST_LOG_MAX, sizeof(*r), GFP_KERNEL);
	struct st_ctx *c = st_ctx_new();
	unsigned long end;
	struct st_eng *e;
	unsigned int n;
	bool ok = false, asleep = false;
	int ret;

	CHECK(c && r, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(SIGNAL) | UTRACE_EVENT(SYSCALL_ENTRY) |
		 UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	/* asleep: the entry of (clock_)nanosleep logged, task interruptible */
	end = jiffies + ST_TIMEOUT;
	while (!asleep && time_before(jiffies, end)) {
		n = st_records(c, 0, r);
		asleep = (st_count_nr(r, n, EV_ENTRY, __NR_clock_nanosleep) ||
			  st_count_nr(r, n, EV_ENTRY, __NR_nanosleep)) &&
			 (READ_ONCE(c->task->__state) & TASK_INTERRUPTIBLE);
		if (!asleep)
			msleep(20);
	}
	CHECK(asleep, "sleep not asleep after 10 s");
	ret = kill_pid(task_tgid(c->task), SIGKILL, 1);
	CHECK(!ret, "kill_pid: %d", ret);
	CHECK(st_wait(&e->death, 2 * HZ),
	      "no report_death within 2 s of SIGKILL");
	CHECK((e->death_code & 0x7f) == SIGKILL, "exit code %#lx, want SIGKILL",
	      e->death_code);
	CHECK(st_wait(&e->reap, ST_TIMEOUT), "no report_reap");
	n = st_records(c, 0, r);
	CHECK(st_count_nr(r, n, EV_SIGNAL, -1) == 0,
	      "%u signal reports (SIGKILL: %u), want 0",
	      st_count_nr(r, n, EV_SIGNAL, -1),
	      st_count_nr(r, n, EV_SIGNAL, SIGKILL));
	ok = true;
out:
	st_done(name, ok, c);
	kfree(r);
}

/* --- job control (report_jctl) --- */

/* Poll until @cond holds; false after ST_TIMEOUT. */
#define ST_UNTIL(cond)							\
	({								\
		unsigned long __end = jiffies + ST_TIMEOUT;		\
		bool __ok;						\
		while (!(__ok = (cond)) && time_before(jiffies, __end))	\
			msleep(20);					\
		__ok;							\
	})

/* The state letter ps shows for @t (R S D T t Z ...). */
static char st_state(struct task_struct *t)
{
	return task_state_to_char(t);
}

/*
 * Held by the layer and asleep.  A held task runs briefly for each job
 * control report (and for a wake-up that finds nothing to report), so
 * the tests poll for this rather than look once.
 */
static bool st_held(struct task_struct *t)
{
	return utrace_task_stopped(t) && st_state(t) == 't';
}

static bool st_group_stopped(struct task_struct *t)
{
	return READ_ONCE(t->signal->flags) & SIGNAL_STOP_STOPPED;
}

static int st_kill(struct task_struct *t, int sig)
{
	return kill_pid(task_tgid(t), sig, 1);
}

/*
 * 13. One thread, no layer stop: SIGSTOP gives report_jctl(CLD_STOPPED,
 * notify 1) -- the thread dequeued it -- and the task stops (T);
 * SIGCONT gives report_jctl(CLD_CONTINUED) once it runs again.
 */
static void test_jctl_reports(void)
{
	static const char name[] = "job control: report_jctl at SIGSTOP (notify) and SIGCONT";
	char *argv[] = { "/bin/sleep", "30", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(JCTL) | UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	CHECK(!st_kill(c->task, SIGSTOP), "kill SIGSTOP");
	CHECK(ST_UNTIL(st_state(c->task) == 'T'),
	      "not stopped (T) 10 s after SIGSTOP: state %c",
	      st_state(c->task));
	CHECK(READ_ONCE(e->njstop) == 1 && e->jnotify == 1 && !e->njcont,
	      "reports: %u CLD_STOPPED (notify %d), %u CLD_CONTINUED; want 1 (1), 0",
	      e->njstop, e->jnotify, e->njcont);
	CHECK(!st_kill(c->task, SIGCONT), "kill SIGCONT");
	CHECK(ST_UNTIL(READ_ONCE(e->njcont) == 1),
	      "no CLD_CONTINUED report 10 s after SIGCONT (state %c)",
	      st_state(c->task));
	CHECK(st_state(c->task) != 'T', "still stopped after SIGCONT");
	CHECK(e->njstop == 1, "%u CLD_STOPPED reports, want 1", e->njstop);
	CHECK(!completion_done(&e->death), "the task died");
	ok = true;
out:
	st_done(name, ok, c);
}

/*
 * 14. One thread the layer holds: SIGCONT does not release it; SIGSTOP
 * leaves it held (t) -- no group stop while it is held, as with ptrace;
 * released, it stops for the SIGSTOP at once (T), reporting CLD_STOPPED,
 * and the group stop is complete; SIGCONT then lets it run.
 */
static void test_jctl_held_one(void)
{
	static const char name[] = "job control vs a layer stop (one thread): SIGCONT keeps it, SIGSTOP waits for the release";
	char *argv[] = { "/bin/sleep", "30", NULL };
	struct st_ctx *c = st_ctx_new();
	struct st_eng *e;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	e = &c->eng[0];
	st_watch(e, UTRACE_EVENT(JCTL) | UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	e->jhold = true;
	ST_HOLD(c, e->engine);
	CHECK(st_state(c->task) == 't', "held: state %c, want t",
	      st_state(c->task));
	CHECK(!st_kill(c->task, SIGCONT), "kill SIGCONT");
	msleep(200);
	CHECK(ST_UNTIL(st_held(c->task)),
	      "SIGCONT released the layer stop (state %c)",
	      st_state(c->task));
	CHECK(!st_kill(c->task, SIGSTOP), "kill SIGSTOP");
	msleep(200);
	CHECK(ST_UNTIL(st_held(c->task)),
	      "SIGSTOP changed the layer stop (state %c)", st_state(c->task));
	CHECK(!e->njstop && !e->njcont, "jctl reports while held: %u/%u",
	      e->njstop, e->njcont);
	WRITE_ONCE(e->jhold, false);
	ret = utrace_control(c->task, e->engine, UTRACE_RESUME);
	CHECK(!ret, "utrace_control(RESUME): %d", ret);
	CHECK(ST_UNTIL(st_state(c->task) == 'T' &&
		       st_group_stopped(c->task)),
	      "released: no group stop in 10 s (state %c)",
	      st_state(c->task));
	CHECK(e->njstop == 1 && e->jnotify == 1,
	      "%u CLD_STOPPED reports (notify %d), want 1 (1)", e->njstop,
	      e->jnotify);
	CHECK(!st_kill(c->task, SIGCONT), "kill SIGCONT");
	CHECK(ST_UNTIL(READ_ONCE(e->njcont) == 1 &&
		       st_state(c->task) != 'T'),
	      "SIGCONT after the group stop: %u reports, state %c",
	      e->njcont, st_state(c->task));
	CHECK(!completion_done(&e->death), "the task died");
	ok = true;
out:
	st_done(name, ok, c);
}

/* The thread of @leader's process that is not @leader, referenced. */
static struct task_struct *st_other_thread(struct task_struct *leader)
{
	struct task_struct *t, *found = NULL;

	rcu_read_lock();
	for_each_thread(leader, t) {
		if (t != leader) {
			get_task_struct(t);
			found = t;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

/*
 * 15. Two threads, the main one held by the layer (engine 0), the other
 * (engine 1) free.  SIGSTOP to the process: the free thread stops (T)
 * whichever thread the kernel woke for it, reports CLD_STOPPED with
 * notify 1; the held one reports CLD_STOPPED (notify 0) while held and
 * stays held (t); the group stop waits for it.  SIGCONT: both report
 * CLD_CONTINUED, the free one runs, the held one stays held.  SIGSTOP
 * again, then the release: the held thread joins the group stop, which
 * completes; SIGCONT lets both run.
 */
static void test_jctl_held_threads(void)
{
	static const char name[] = "job control vs a layer stop (two threads): the free one stops, the held one joins when released";
	char *argv[] = { mt_prog, NULL };
	struct st_ctx *c = st_ctx_new();
	struct task_struct *t2;
	struct utrace_engine *engine;
	struct st_eng *e0, *e1;
	bool ok = false;
	int ret;

	CHECK(c, "out of memory");
	CHECK(mt_prog, "no mt_prog= module parameter (testsuite/vm/guest-check gives it)");
	e0 = &c->eng[0];
	e1 = &c->eng[1];
	st_watch(e0, UTRACE_EVENT(JCTL) | UTRACE_EVENT(DEATH) |
		 UTRACE_EVENT(REAP));
	e1->events = UTRACE_EVENT(JCTL);
	ST_SPAWN(c, argv);
	CHECK(ST_UNTIL(get_nr_threads(c->task) == 2),
	      "%d threads after 10 s, want 2", get_nr_threads(c->task));
	t2 = st_other_thread(c->task);
	CHECK(t2, "second thread not found");
	e1->task = t2;
	engine = utrace_attach_task(t2, UTRACE_ATTACH_CREATE, &st_ops, e1);
	CHECK(!IS_ERR(engine), "attach to thread 2: %ld", PTR_ERR(engine));
	e1->engine = engine;
	ret = utrace_set_events(t2, engine, e1->events);
	CHECK(!ret, "utrace_set_events: %d", ret);

	e0->jhold = true;
	ST_HOLD(c, e0->engine);

	CHECK(!st_kill(c->task, SIGSTOP), "kill SIGSTOP");
	CHECK(ST_UNTIL(st_state(t2) == 'T' && READ_ONCE(e0->njstop) == 1),
	      "SIGSTOP: free thread %c, %u/%u CLD_STOPPED reports (free/held)",
	      st_state(t2), e1->njstop, e0->njstop);
	CHECK(e1->njstop == 1 && e1->jnotify == 1 && e0->jnotify == 0,
	      "free thread %u CLD_STOPPED, notify %d/%d (free/held), want 1, 1/0",
	      e1->njstop, e1->jnotify, e0->jnotify);
	/* it ran for its report: wait until it sleeps again */
	CHECK(ST_UNTIL(st_held(c->task)),
	      "held thread: state %c, want t", st_state(c->task));
	CHECK(!st_group_stopped(c->task),
	      "group stop complete while a thread is held");

	CHECK(!st_kill(c->task, SIGCONT), "kill SIGCONT");
	CHECK(ST_UNTIL(st_state(t2) != 'T' && READ_ONCE(e1->njcont) == 1 &&
		       READ_ONCE(e0->njcont) == 1),
	      "SIGCONT: free thread %c, %u/%u CLD_CONTINUED reports (free/held)",
	      st_state(t2), e1->njcont, e0->njcont);
	msleep(100);
	CHECK(ST_UNTIL(st_held(c->task)),
	      "SIGCONT released the held thread (state %c)",
	      st_state(c->task));

	CHECK(!st_kill(c->task, SIGSTOP), "kill SIGSTOP");
	CHECK(ST_UNTIL(st_state(t2) == 'T' && READ_ONCE(e0->njstop) == 2),
	      "2nd SIGSTOP: free thread %c, %u CLD_STOPPED reports (held)",
	      st_state(t2), e0->njstop);
	WRITE_ONCE(e0->jhold, false);
	ret = utrace_control(c->task, e0->engine, UTRACE_RESUME);
	CHECK(!ret, "utrace_control(RESUME): %d", ret);
	CHECK(ST_UNTIL(st_state(c->task) == 'T' &&
		       st_group_stopped(c->task)),
	      "released: state %c, group stop %s", st_state(c->task),
	      st_group_stopped(c->task) ? "complete" : "incomplete");
	CHECK(!st_kill(c->task, SIGCONT), "kill SIGCONT");
	CHECK(ST_UNTIL(st_state(t2) != 'T' && st_state(c->task) != 'T'),
	      "last SIGCONT: states %c %c", st_state(c->task), st_state(t2));
	CHECK(!completion_done(&e0->death), "the program died");
	ok = true;
out:
	st_done(name, ok, c);
}

/* --- the hung-task detector --- */

#define ST_HUNG_COMM	"ugdb_st_dstate"
#define ST_HUNG_HOLD	(8 * HZ)

/* The positive control: uninterruptible for ST_HUNG_HOLD, then idle. */
static int st_dstate_fn(void *data)
{
	struct completion *done = data;

	schedule_timeout_uninterruptible(ST_HUNG_HOLD);
	complete(done);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/*
 * Scan the kernel log for the detector's "INFO: task COMM:PID blocked
 * for more than" lines: is there one for @ctl, and one for anyone else?
 */
static void st_hung_lines(pid_t ctl, bool *seen_ctl, bool *seen_other)
{
	struct kmsg_dump_iter iter;
	char *line = kmalloc(512, GFP_KERNEL);
	char want[48];
	size_t len;

	*seen_ctl = *seen_other = false;
	if (!line)
		return;
	snprintf(want, sizeof(want), "task %s:%d blocked", ST_HUNG_COMM, ctl);
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, 511, &len)) {
		line[len] = 0;
		if (!strstr(line, "blocked for more than"))
			continue;
		if (strstr(line, want))
			*seen_ctl = true;
		else
			*seen_other = true;
	}
	kfree(line);
}

/*
 * 16 (alone, with hung=1; guest-check sets hung_task_timeout_secs to 2).
 * A task held by the layer for 8 s, several detector periods: it shows
 * 't', is not uninterruptible nor counted in the load, and the detector
 * says nothing of it -- while, at the same time, a kernel thread sleeping
 * uninterruptibly as long is reported (so the detector was awake).
 */
static void test_hung_task(void)
{
	static const char name[] = "hung-task detector: silent on a task held 8 s, reports a D-state control";
	char *argv[] = { "/bin/sleep", "30", NULL };
	struct st_ctx *c = st_ctx_new();
	struct task_struct *ctl = NULL;
	struct completion done;
	unsigned long end;
	bool seen_ctl, seen_other, ok = false;
	unsigned int state;
	int ret;

	init_completion(&done);
	CHECK(c, "out of memory");
	st_watch(&c->eng[0], UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
	ST_SPAWN(c, argv);
	ST_HOLD(c, c->eng[0].engine);

	ctl = kthread_run(st_dstate_fn, &done, ST_HUNG_COMM);
	CHECK(!IS_ERR(ctl), "kthread_run: %ld", PTR_ERR(ctl));
	get_task_struct(ctl);
	/* we wait interruptibly: the detector must not see us either */
	end = jiffies + ST_HUNG_HOLD + ST_TIMEOUT;
	while (!completion_done(&done) && time_before(jiffies, end)) {
		state = READ_ONCE(c->task->__state);
		CHECK(st_state(c->task) == 't' &&
		      !(state & TASK_UNINTERRUPTIBLE) &&
		      !c->task->sched_contributes_to_load,
		      "held task: state %c (%#x), counts in the load: %d",
		      st_state(c->task), state,
		      c->task->sched_contributes_to_load);
		msleep_interruptible(200);
	}
	CHECK(completion_done(&done), "control thread still asleep");
	CHECK(utrace_task_stopped(c->task), "the task is no longer held");
	st_hung_lines(task_pid_nr(ctl), &seen_ctl, &seen_other);
	CHECK(seen_ctl, "no report of the D-state control %s:%d: detector off? (hung_task_timeout_secs must be 2)",
	      ST_HUNG_COMM, task_pid_nr(ctl));
	CHECK(!seen_other, "the detector reported another task (the held one?)");
	ok = true;
out:
	if (!IS_ERR_OR_NULL(ctl)) {
		kthread_stop(ctl);
		put_task_struct(ctl);
	}
	st_done(name, ok, c);
}

static int __init st_mod_init(void)
{
	if (hung) {
		test_hung_task();
		pr_info("%d passed, %d failed\n", npass, nfail);
		return 0;
	}
	test_event_order();
	test_attach_in_callback();
	test_attach_from_other();
	test_stop_wins();
	test_detach_in_callback();
	test_attach_dead();
	test_barrier();
	test_barrier_signal();
	test_control_in_callback();
	test_sigkill_stopped();
	test_examine_holds();
	test_signal_fatal_suppress();
	test_signal_fatal_deliver();
	test_signal_guard_lifetime();
	test_signal_ignored();
	test_signal_deliver();
	test_signal_suppress();
	test_signal_change();
	test_signal_stop();
	test_signal_sigkill();
	test_jctl_reports();
	test_jctl_held_one();
	test_jctl_held_threads();
	pr_info("%d passed, %d failed\n", npass, nfail);
	return 0;
}

/* Nothing to undo: every test cleaned up after itself in st_mod_init(). */
static void __exit st_mod_exit(void)
{
}

module_init(st_mod_init);
module_exit(st_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb engine layer self-test");
