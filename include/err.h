/* err: a caller-owned error message plus the exit status that fits it (SPEC §9).
 * Core code fills it and returns -1; it never prints or exits. Only main.c, the
 * CLI and the UI show the message. */
#ifndef WIJKLAST_ERR_H
#define WIJKLAST_ERR_H

enum {
	EXIT_USAGE = 64,     /* bad option, bad week */
	EXIT_DATAERR = 65,   /* bad input data */
	EXIT_NOINPUT = 66,   /* missing input file */
	EXIT_UNAVAILABLE = 69, /* the database server: unreachable, no login */
	EXIT_CANTCREAT = 73, /* cannot write */
	EXIT_IOERR = 74,     /* I/O error */
	EXIT_BUSY = 75,      /* database busy */
	EXIT_NOPERM = 77,    /* the database refused: a right is missing */
	EXIT_CONFIG = 78,    /* config error */
};

struct err {
	int status; /* exit status for this failure; 1 unless set */
	char msg[1024];
};

/* Clear e: status 0, empty message. */
void err_clear(struct err *e);

/* Set the message (printf style) with status 1; returns -1. e may be NULL. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Set the message and an exit status; returns -1. e may be NULL. */
int err_setx(struct err *e, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put context in front of the current message ("file.csv:3: " + msg); returns -1. */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
