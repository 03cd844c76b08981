/* store_driver: the driver table under the store (issue 13), in the manner of
 * dovecot's lib-sql. A driver per database engine — store_sqlite.c and
 * store_postgres.c, each the only file that includes its client library's
 * header — gives connections and statements of one shape, SQLite's: the
 * store writes its SQL once, with ? or ?N parameters, prepares, binds,
 * steps and reads columns the same way on both. What the engines spell
 * differently (the schema, JSON, the version of the schema) is the store's
 * to choose by sql_dialect. */
#ifndef WIJKLAST_STORE_DRIVER_H
#define WIJKLAST_STORE_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sql_dialect { SQL_SQLITE, SQL_POSTGRES };

/* What sql_step gives. */
enum { SQL_FAIL = -1, SQL_DONE = 0, SQL_ROW = 1 };

/* Why the last call on a connection failed, in the store's terms. */
enum sql_fault {
	SQL_FAULT_NONE,
	SQL_FAULT_BUSY,       /* another writer holds the lock */
	SQL_FAULT_CONSTRAINT, /* a CHECK, UNIQUE or foreign key */
	SQL_FAULT_IO,         /* disk full, I/O error */
	SQL_FAULT_ACCESS,     /* cannot open, read-only, not a database */
	SQL_FAULT_DENIED,     /* the server refused: a right is missing */
	SQL_FAULT_LOST,       /* the connection to the server broke */
	SQL_FAULT_SCHEMA,     /* no such table: before the schema exists */
	SQL_FAULT_USAGE,      /* a parameter the server's function refused */
	SQL_FAULT_OTHER,
};

struct sql_conn;
struct sql_stmt;

/* Is target a PostgreSQL connection string (a postgresql: or postgres:
 * URI, key=value words such as "service=NAME" or "host=... dbname=...")
 * rather than an SQLite file path? */
bool sql_is_postgres(const char *target);

/* Open target with the driver it names. readonly: a second connection that
 * only reads. Fails with *out NULL or a connection whose sql_message says
 * why (close it either way). */
int sql_open(struct sql_conn **out, const char *target, bool readonly);
void sql_close(struct sql_conn *c);

enum sql_dialect sql_dialect(const struct sql_conn *c);
enum sql_fault sql_fault(const struct sql_conn *c);
const char *sql_message(const struct sql_conn *c);

/* Run SQL without parameters (several statements allowed): 0 or -1. */
int sql_exec(struct sql_conn *c, const char *sql);

/* Compile sql. keep: it will be run many times (prepared once on the
 * server too). -1 on failure (the connection says why). */
int sql_prepare(struct sql_conn *c, const char *sql, bool keep,
    struct sql_stmt **out);
/* Parameters count from 1; one beyond the statement's is ignored. */
void sql_bind_int64(struct sql_stmt *s, int i, int64_t v);
void sql_bind_double(struct sql_stmt *s, int i, double v);
void sql_bind_text(struct sql_stmt *s, int i, const char *v);
void sql_bind_null(struct sql_stmt *s, int i);
/* SQL_ROW while there are rows, then SQL_DONE; SQL_FAIL on error. */
int sql_step(struct sql_stmt *s);
/* Columns of the current row, from 0; NULL reads as 0 or NULL. */
int64_t sql_column_int64(struct sql_stmt *s, int i);
double sql_column_double(struct sql_stmt *s, int i);
const char *sql_column_text(struct sql_stmt *s, int i);
size_t sql_column_bytes(struct sql_stmt *s, int i);
bool sql_column_null(struct sql_stmt *s, int i);
int sql_column_count(struct sql_stmt *s);
/* Back to before the first step, bindings cleared. */
void sql_reset(struct sql_stmt *s);
void sql_finalize(struct sql_stmt *s);

/* Who makes the changes of the open transaction and its audit group, as
 * the audit triggers see them (SQLite: wijklast_user() and wijklast_txn();
 * PostgreSQL: the setting wijklast.txn — who is the database user). Call
 * it right after BEGIN. */
int sql_session(struct sql_conn *c, const char *user, long long txn);

/* Rows the last INSERT, UPDATE or DELETE changed. */
long sql_changes(struct sql_conn *c);
/* Inside BEGIN ... COMMIT? */
bool sql_in_transaction(struct sql_conn *c);
/* How many times the connection was lost and made again (statements
 * prepared with keep are prepared again as they are next run). */
unsigned sql_reconnects(const struct sql_conn *c);
/* A consistent image of the whole database, as a file of its own (SQLite
 * only: -1 with SQL_FAULT_OTHER elsewhere). Free with sql_free_image. */
int sql_image(struct sql_conn *c, unsigned char **image, int64_t *size);
void sql_free_image(struct sql_conn *c, unsigned char *image);

/* --- for the drivers --- */

struct sql_driver {
	const char *name;
	enum sql_dialect dialect;
	int (*open)(struct sql_conn **out, const char *target, bool readonly);
	void (*close)(struct sql_conn *c);
	int (*exec)(struct sql_conn *c, const char *sql);
	int (*prepare)(struct sql_conn *c, const char *sql, bool keep,
	    struct sql_stmt **out);
	void (*bind_int64)(struct sql_stmt *s, int i, int64_t v);
	void (*bind_double)(struct sql_stmt *s, int i, double v);
	void (*bind_text)(struct sql_stmt *s, int i, const char *v);
	void (*bind_null)(struct sql_stmt *s, int i);
	int (*step)(struct sql_stmt *s);
	int64_t (*column_int64)(struct sql_stmt *s, int i);
	double (*column_double)(struct sql_stmt *s, int i);
	const char *(*column_text)(struct sql_stmt *s, int i);
	size_t (*column_bytes)(struct sql_stmt *s, int i);
	bool (*column_null)(struct sql_stmt *s, int i);
	int (*column_count)(struct sql_stmt *s);
	void (*reset)(struct sql_stmt *s);
	void (*finalize)(struct sql_stmt *s);
	bool (*in_transaction)(struct sql_conn *c);
	int (*session)(struct sql_conn *c, const char *user, long long txn);
	int (*image)(struct sql_conn *c, unsigned char **image, int64_t *size);
	void (*free_image)(unsigned char *image);
};

/* What every driver's connection and statement begin with. */
struct sql_conn {
	const struct sql_driver *driver;
	enum sql_fault fault;
	char message[512];
	long changes;
	unsigned reconnects;
	char name[256]; /* what messages call the database (no password) */
};

struct sql_stmt {
	struct sql_conn *conn;
};

extern const struct sql_driver sql_sqlite_driver;
extern const struct sql_driver sql_postgres_driver;

/* Set c's fault and message (printf-style), for the drivers. */
void sql_set_fault(struct sql_conn *c, enum sql_fault fault,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
