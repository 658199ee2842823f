/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every line ugdbserver prints on its console.
 *
 * IDE adapters and test harnesses wait for gdbserver's exact wording
 * ("Listening on port", "Process ... created; pid = "), so where
 * gdbserver 13 has a message for the same event we copy its text,
 * spacing and punctuation included.  Messages gdbserver has no
 * equivalent for start with "ugdbserver: ".
 */
#ifndef UGDB_STUB_MESSAGES_H
#define UGDB_STUB_MESSAGES_H

/* Same text as gdbserver 13. */
#define MSG_CREATED		"Process %s created; pid = %d\n"
#define MSG_ATTACHED		"Attached; pid = %d\n"
#define MSG_CANT_ATTACH		"Cannot attach to process %d: %s (%d)\n"
#define MSG_LISTENING		"Listening on port %d\n"
#define MSG_REMOTE_FROM		"Remote debugging from host %s, port %d\n"
#define MSG_USING		"Remote debugging using %s\n"
#define MSG_STDIO_REDIRECTED	"stdin/stdout redirected\n"
#define MSG_CANT_BIND		"Can't bind address: %s.\n"
#define MSG_CANT_RESOLVE	"%s: cannot resolve name: %s\n"
#define MSG_CANT_OPEN_REMOTE	"Could not open remote device: %s.\n"
#define MSG_REOPEN \
	"Remote side has terminated connection.  " \
	"GDBserver will reopen the connection.\n"
#define MSG_KILLING		"Killing process(es): %d\n"
#define MSG_CHILD_EXITED	"\nChild exited with status %d\n"
#define MSG_CHILD_SIGNALLED	"\nChild terminated with signal = 0x%x (%s)\n"
#define MSG_STARTUP_EXITED	"During startup program exited with code %d.\n"
#define MSG_STARTUP_SIGNALLED \
	"During startup program terminated with signal %s, %s.\n"
#define MSG_CANT_EXEC		"ugdbserver: Cannot exec %s\n"
#define MSG_EXEC_ERROR		"ugdbserver: Error: %s\n"
#define MSG_UNKNOWN_ARG		"Unknown argument: %s\n"
#define MSG_EXITING		"Exiting\n"
#define MSG_RUN_WHITESPACE \
	"ugdbserver: can't handle command-line argument containing " \
	"whitespace\n"

/* ugdbserver's own. */
#define MSG_NO_DEVICE \
	"ugdbserver: cannot open %s: %s \xe2\x80\x94 is the ugdb module " \
	"loaded? (insmod kmod/ugdb.ko)\n"
#define MSG_BAD_PID \
	"ugdbserver: invalid PID '%s': expected a positive process id\n"
#define MSG_BAD_COMM		"ugdbserver: invalid COMM '%s'\n"
#define MSG_CANT_TRACE		"ugdbserver: cannot trace %s: %s\n"
#define MSG_WAIT_FAILED		"ugdbserver: waiting for pid %d to stop: %s\n"
#define MSG_SET_MODE_FAILED \
	"ugdbserver: cannot switch the session to extended mode: %s\n"
#define MSG_NOT_DEAD \
	"ugdbserver: pid %d was killed but has not exited after %d s; " \
	"not waiting for it\n"
#define MSG_CANT_CHDIR		"ugdbserver: cannot chdir to %s: %s\n"
#define MSG_RUN_FAILED		"ugdbserver: cannot serve gdb's run: %s\n"
#define MSG_OSDATA_FAILED	"ugdbserver: cannot serve gdb's info os: %s\n"
#define MSG_FATAL		"ugdbserver: %s: %s\n"

#define VERSION_TEXT \
	"ugdbserver (ugdb) 0.1\n" \
	"A gdbserver-compatible relay for the ugdb kernel debugging stub.\n" \
	"Speaks gdbserver's command line; the protocol itself is served " \
	"by /dev/ugdb.\n" \
	"License GPLv2: GNU GPL version 2 " \
	"<https://gnu.org/licenses/gpl-2.0.html>.\n"

#endif /* UGDB_STUB_MESSAGES_H */
