// SPDX-License-Identifier: GPL-2.0
/*
 * gdb's vRun, the relay's side (see kmod/uapi/ugdb.h): take the request
 * from the session, start the program exactly as a start from the
 * command line would (our child, our terminal), with the settings gdb
 * sent, and report the outcome.  Replies and visible behaviour follow
 * gdbserver 13.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launch.h"
#include "messages.h"
#include "run.h"
#include "textbuf.h"

/* Characters an argument's shell word escapes with a backslash. */
static const char shell_special[] = "\"!#$&*()\\|[]{}<>?'`~^; \t\n";
/* Characters that make the program's name need quotes. */
static const char prog_special[] = "'!\"()$\\&;<> \n\t";

/* 'PROG' with every ' as '\'' -- only when PROG needs it. */
static void put_prog(struct textbuf *b, const char *prog)
{
	const char *c;

	if (!prog[strcspn(prog, prog_special)]) {
		tb_puts(b, prog);
		return;
	}
	tb_puts(b, "'");
	for (c = prog; *c; c++) {
		if (*c == '\'')
			tb_puts(b, "'\\''");
		else
			tb_put(b, c, 1);
	}
	tb_puts(b, "'");
}

/* An argument as one shell word: '' if empty, newlines inside quotes. */
static void put_arg(struct textbuf *b, const char *arg)
{
	const char *c;

	if (!*arg) {
		tb_puts(b, "''");
		return;
	}
	for (c = arg; *c; c++) {
		if (*c == '\n') {
			tb_puts(b, "'\n'");
			continue;
		}
		if (strchr(shell_special, *c))
			tb_puts(b, "\\");
		tb_put(b, c, 1);
	}
}

char *run_shell_command(char **argv)
{
	struct textbuf b = { 0 };
	size_t len;
	int i;

	tb_puts(&b, "exec ");
	put_prog(&b, argv[0]);
	for (i = 1; argv[i]; i++) {
		tb_puts(&b, " ");
		put_arg(&b, argv[i]);
	}
	return tb_take(&b, &len);
}

/*
 * gdbserver takes a bare name that is a file in its directory as that
 * file (made absolute); other bare names are searched in PATH.
 */
static char *program_path(const char *prog)
{
	char cwd[PATH_MAX];
	struct stat st;
	char *abs;

	if (strchr(prog, '/') || stat(prog, &st) < 0 || !S_ISREG(st.st_mode) ||
	    !getcwd(cwd, sizeof(cwd)))
		return strdup(prog);
	if (asprintf(&abs, "%s/%s", cwd, prog) < 0)
		return NULL;
	return abs;
}

/* Split the request's strings (see struct ugdb_run_request). */
static int parse_request(const struct dev_run_request *rq,
			 struct launch_spec *spec)
{
	const char *p = rq->buf, *end = rq->buf + rq->len;
	size_t i, n = (size_t)rq->argc + 1 + rq->nenv;
	const char **strs;

	if (!rq->argc)
		return -EINVAL;
	strs = calloc(n + 2, sizeof(*strs));
	if (!strs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		const char *nul = memchr(p, 0, end - p);

		if (!nul) {
			free(strs);
			return -EINVAL;
		}
		strs[i < rq->argc ? i : i + 1] = p;
		p = nul + 1;
	}
	/* argv, NULL, cwd, env edits */
	spec->argv = (char **)strs;
	spec->cwd = strs[rq->argc + 1];
	spec->env_edits = (char **)strs + rq->argc + 2;
	spec->nenv = rq->nenv;
	spec->no_aslr = rq->flags & DEV_RUN_NO_ASLR;
	return 0;
}

/* Start it; the pid, or -errno (printed). */
static int launch(struct ugdb_dev *dev, const struct dev_run_request *rq,
		  bool stdio)
{
	struct launch_spec spec = { 0 };
	char *prog, *cmd = NULL;
	const char *given;
	int ret, i;

	ret = parse_request(rq, &spec);
	if (ret < 0)
		return ret;
	given = spec.argv[0];
	prog = program_path(given);
	if (!prog) {
		ret = -ENOMEM;
		goto out;
	}
	spec.argv[0] = prog;
	if (rq->flags & DEV_RUN_SHELL) {
		cmd = run_shell_command(spec.argv);
		if (!cmd) {
			ret = -ENOMEM;
			goto out;
		}
		spec.shell_cmd = cmd;
	} else {
		/* without a shell gdbserver cannot keep such an argument */
		for (i = 1; spec.argv[i]; i++) {
			if (strpbrk(spec.argv[i], " \t\n")) {
				fprintf(stderr, MSG_RUN_WHITESPACE);
				ret = -EINVAL;
				goto out;
			}
		}
	}
	ret = launch_spawn(dev, &spec, stdio);
	if (ret > 0)
		fprintf(stderr, MSG_CREATED, prog, ret);
out:
	free(cmd);
	free(prog);
	free(spec.argv);
	return ret;
}

void run_for_gdb(struct ugdb_dev *dev, bool stdio)
{
	struct dev_run_request rq;
	int ret;

	if (dev_run_get(dev, &rq) < 0) {
		/* ENOENT: taken already, or gdb went away */
		if (errno != ENOENT)
			fprintf(stderr, MSG_RUN_FAILED, strerror(errno));
		return;
	}
	ret = launch(dev, &rq, stdio);
	free(rq.buf);
	if (dev_run_done(dev, ret < 0 ? ret : 0) < 0)
		fprintf(stderr, MSG_RUN_FAILED, strerror(errno));
}
