/* store_sqlite: the SQLite driver of the store (store_driver.h), the
 * only file that includes sqlite3.h. Thin: the table's calls are SQLite's own.
 * A connection also answers wijklast_user() and wijklast_txn(), which the
 * audit triggers call (sql_session): a change made outside wijklast (the
 * sqlite3 shell) fails loudly instead of escaping the audit. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_driver.h"
#include "xmem.h"

struct lite_conn {
	struct sql_conn base;
	sqlite3 *db;
	char user[64];
	long long txn;
};

struct lite_stmt {
	struct sql_stmt base;
	sqlite3_stmt *stmt;
};

static sqlite3 *
db_of(struct sql_conn *c)
{
	return ((struct lite_conn *)c)->db;
}

static sqlite3_stmt *
stmt_of(struct sql_stmt *s)
{
	return ((struct lite_stmt *)s)->stmt;
}

/* Take SQLite's error of the last call into c. */
static void
take_error(struct sql_conn *c)
{
	sqlite3 *db = db_of(c);
	int code = sqlite3_errcode(db) & 0xff;
	enum sql_fault f = SQL_FAULT_OTHER;
	const char *msg = sqlite3_errmsg(db);

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		f = SQL_FAULT_BUSY;
	else if (code == SQLITE_CONSTRAINT)
		f = SQL_FAULT_CONSTRAINT;
	else if (code == SQLITE_FULL || code == SQLITE_IOERR)
		f = SQL_FAULT_IO;
	else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN ||
	    code == SQLITE_PERM || code == SQLITE_NOTADB)
		f = SQL_FAULT_ACCESS;
	else if (code == SQLITE_ERROR && strncmp(msg, "no such table", 13) == 0)
		f = SQL_FAULT_SCHEMA;
	sql_set_fault(c, f, "%s", msg);
}

static void
fn_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct lite_conn *c = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, c->user, -1, SQLITE_TRANSIENT);
}

static void
fn_txn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct lite_conn *c = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_int64(ctx, c->txn);
}

/* What wijklast_user() and wijklast_txn() answer from now on. */
static int
lite_session(struct sql_conn *c, const char *user, long long txn)
{
	struct lite_conn *lc = (struct lite_conn *)c;

	snprintf(lc->user, sizeof lc->user, "%s", user);
	lc->txn = txn;
	return 0;
}

static int
lite_open(struct sql_conn **out, const char *target, bool readonly)
{
	struct lite_conn *c = xcalloc(1, sizeof *c);
	char name[4096 + 2];
	const char *path = target;
	int flags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

	c->base.driver = &sql_sqlite_driver;
	snprintf(c->base.name, sizeof c->base.name, "%s", target);
	*out = &c->base;
	/* Debian's SQLite reads a name starting with "file:" as a URI, which
	 * may point into memory: "./" in front makes it the file. */
	if (strncmp(target, "file:", 5) == 0) {
		snprintf(name, sizeof name, "./%s", target);
		path = name;
	}
	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		if (c->db == NULL) {
			sql_set_fault(&c->base, SQL_FAULT_ACCESS,
			    "cannot open database");
			return -1;
		}
		take_error(&c->base);
		return -1;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 5000);
	if (sqlite3_create_function(c->db, "wijklast_user", 0, SQLITE_UTF8, c,
	    fn_user, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(c->db, "wijklast_txn", 0, SQLITE_UTF8, c,
	    fn_txn, NULL, NULL) != SQLITE_OK) {
		take_error(&c->base);
		return -1;
	}
	return 0;
}

static void
lite_close(struct sql_conn *c)
{
	sqlite3_close(db_of(c));
	free(c);
}

static int
lite_exec(struct sql_conn *c, const char *sql)
{
	if (sqlite3_exec(db_of(c), sql, NULL, NULL, NULL) != SQLITE_OK) {
		take_error(c);
		return -1;
	}
	return 0;
}

static int
lite_prepare(struct sql_conn *c, const char *sql, bool keep,
    struct sql_stmt **out)
{
	sqlite3_stmt *stmt;
	struct lite_stmt *s;

	if (sqlite3_prepare_v3(db_of(c), sql, -1,
	    keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL) != SQLITE_OK) {
		take_error(c);
		return -1;
	}
	s = xcalloc(1, sizeof *s);
	s->base.conn = c;
	s->stmt = stmt;
	*out = &s->base;
	return 0;
}

static void
lite_bind_int64(struct sql_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(stmt_of(s), i, v);
}

static void
lite_bind_double(struct sql_stmt *s, int i, double v)
{
	sqlite3_bind_double(stmt_of(s), i, v);
}

static void
lite_bind_text(struct sql_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(stmt_of(s), i, v, -1, SQLITE_TRANSIENT);
}

static void
lite_bind_null(struct sql_stmt *s, int i)
{
	sqlite3_bind_null(stmt_of(s), i);
}

static int
lite_step(struct sql_stmt *s)
{
	int rc = sqlite3_step(stmt_of(s));

	if (rc == SQLITE_ROW)
		return SQL_ROW;
	if (rc == SQLITE_DONE) {
		s->conn->changes = sqlite3_changes(db_of(s->conn));
		return SQL_DONE;
	}
	take_error(s->conn);
	return SQL_FAIL;
}

static int64_t
lite_column_int64(struct sql_stmt *s, int i)
{
	return sqlite3_column_int64(stmt_of(s), i);
}

static double
lite_column_double(struct sql_stmt *s, int i)
{
	return sqlite3_column_double(stmt_of(s), i);
}

static const char *
lite_column_text(struct sql_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(stmt_of(s), i);
}

static size_t
lite_column_bytes(struct sql_stmt *s, int i)
{
	return (size_t)sqlite3_column_bytes(stmt_of(s), i);
}

static bool
lite_column_null(struct sql_stmt *s, int i)
{
	return sqlite3_column_type(stmt_of(s), i) == SQLITE_NULL;
}

static int
lite_column_count(struct sql_stmt *s)
{
	return sqlite3_column_count(stmt_of(s));
}

static void
lite_reset(struct sql_stmt *s)
{
	sqlite3_reset(stmt_of(s));
	sqlite3_clear_bindings(stmt_of(s));
}

static void
lite_finalize(struct sql_stmt *s)
{
	sqlite3_finalize(stmt_of(s));
	free(s);
}

static bool
lite_in_transaction(struct sql_conn *c)
{
	return !sqlite3_get_autocommit(db_of(c));
}

static int
lite_image(struct sql_conn *c, unsigned char **image, int64_t *size)
{
	sqlite3_int64 n = 0;

	if ((*image = sqlite3_serialize(db_of(c), "main", &n, 0)) == NULL) {
		take_error(c);
		return -1;
	}
	*size = n;
	return 0;
}

static void
lite_free_image(unsigned char *image)
{
	sqlite3_free(image);
}

const struct sql_driver sql_sqlite_driver = {
	.name = "sqlite",
	.dialect = SQL_SQLITE,
	.open = lite_open,
	.close = lite_close,
	.exec = lite_exec,
	.prepare = lite_prepare,
	.bind_int64 = lite_bind_int64,
	.bind_double = lite_bind_double,
	.bind_text = lite_bind_text,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.column_int64 = lite_column_int64,
	.column_double = lite_column_double,
	.column_text = lite_column_text,
	.column_bytes = lite_column_bytes,
	.column_null = lite_column_null,
	.column_count = lite_column_count,
	.reset = lite_reset,
	.finalize = lite_finalize,
	.in_transaction = lite_in_transaction,
	.session = lite_session,
	.image = lite_image,
	.free_image = lite_free_image,
};
