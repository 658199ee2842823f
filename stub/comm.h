/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gdb's side of the relay: the COMM argument of gdbserver's command
 * line, i.e. a TCP port to listen on, our own stdin/stdout, or a serial
 * (or virtio-serial) device.
 */
#ifndef UGDB_STUB_COMM_H
#define UGDB_STUB_COMM_H

enum comm_kind { COMM_TCP, COMM_STDIO, COMM_SERIAL };

struct comm {
	enum comm_kind kind;
	const char *spec;	/* as given on the command line */
	char *host;		/* TCP: NULL for 127.0.0.1 */
	char *port;		/* TCP: service, "0" for any free port */
	int listen_fd;		/* TCP, after comm_prepare() */
	int bound_port;
	int serial_fd;		/* SERIAL: open from comm_prepare() on */
};

/* One gdb connection: where to read gdb's bytes and write ours. */
struct conn {
	int rfd;
	int wfd;
};

int comm_parse(struct comm *c, const char *spec);

/*
 * Bind/listen (TCP) or open the device (serial) before starting the
 * program.  A serial device is opened once and kept open across
 * sessions: a virtio-serial port cannot be opened twice (EBUSY), and
 * host data sent while the guest has it closed is dropped.
 */
int comm_prepare(struct comm *c);

/*
 * Wait for gdb: accept() on TCP; on a serial device, wait until it stops
 * polling POLLHUP (a virtio-serial port whose host side has no client).
 * @tick runs whenever a signal woke us (e.g. to reap the program).
 * Returns 0, -1 after printing an error, -2 on a quit signal.
 */
int comm_open(struct comm *c, struct conn *conn, void (*tick)(void));

/* End one connection; a serial device itself stays open. */
/*
 * No second gdb will come (--once, or no --multi): stop listening, as
 * gdbserver does once it has its connection.
 */
void comm_stop_listening(struct comm *c);
void comm_close(struct comm *c, struct conn *conn);

/* Only stdio cannot wait for a second gdb. */
int comm_can_reopen(const struct comm *c);

#endif /* UGDB_STUB_COMM_H */
