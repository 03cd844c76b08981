/* store_postgres: the PostgreSQL driver of the store (store_driver.h), the
 * only file that includes libpq-fe.h.
 *
 * The store's ? and ?N parameters become $N; values travel as text and the
 * server types them from where they stand. A statement's whole result is
 * read at its first step and then walked row by row. A statement kept for
 * many runs is prepared on the server once, and again after a reconnect.
 *
 * A broken connection (the server restarted) is made again at once. A read
 * outside a transaction is then simply run again; a transaction that was
 * open is lost with it, so its statement fails (SQL_FAULT_LOST) and what it
 * was saving is reported as not saved — the ROLLBACK that follows has
 * nothing left to do. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "store_driver.h"
#include "xmem.h"

/* pg_type.h's oid of text: the type of a parameter the SQL never names */
#define TEXT_OID 25

struct pg_conn {
	struct sql_conn base;
	PGconn *pg;
	bool in_txn;   /* between a BEGIN and its COMMIT or ROLLBACK */
	bool txn_lost; /* the connection broke inside it: nothing to roll back */
	time_t retry_at; /* the server away: not tried again before then */
	unsigned next_name;
};

struct pg_stmt {
	struct sql_stmt base;
	char *sql;       /* with $N */
	int n_params;    /* the highest N */
	Oid *types;      /* 0 (the server infers) or text where unused */
	char **values;   /* bound, NULL for NULL */
	char name[16];   /* "" unless kept */
	unsigned prepared_at; /* reconnects when prepared on the server + 1 */
	PGresult *res;
	int row, rows;
};

static struct pg_conn *
pgc(struct sql_conn *c)
{
	return (struct pg_conn *)c;
}

static struct pg_stmt *
pgs(struct sql_stmt *s)
{
	return (struct pg_stmt *)s;
}

static void
quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* What every session needs, again after a reconnect. Dates are text in
 * the schema; the settings keep the server's output the same everywhere. */
static int
set_up(struct pg_conn *c)
{
	PGresult *r;
	bool ok;

	PQsetNoticeProcessor(c->pg, quiet, NULL);
	/* The schema first and the session's own temporary one last: by
	 * default it comes first, and a temporary table of a login's own
	 * making would stand in for the database's tables. */
	r = PQexec(c->pg, "SET client_min_messages = warning;"
	    " SET DateStyle = ISO; SET extra_float_digits = 1;"
	    " SET client_encoding = 'UTF8';"
	    " SELECT set_config('search_path', quote_ident(current_schema())"
	    " || ', pg_temp', false) WHERE current_schema() IS NOT NULL");
	ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	PQclear(r);
	return ok ? 0 : -1;
}

/* The fault of a failed result (or of the connection, r NULL). */
static void
take_error(struct pg_conn *c, const PGresult *r)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
			    : NULL;
	const char *detail = r ? PQresultErrorField(r,
	    PG_DIAG_MESSAGE_DETAIL) : NULL;
	enum sql_fault f = SQL_FAULT_OTHER;
	char text[400];

	if (msg == NULL)
		msg = PQerrorMessage(c->pg);
	/* the server's reason, not the socket it was said on */
	if (strstr(msg, "FATAL:  ") != NULL)
		msg = strstr(msg, "FATAL:  ") + 8;
	else if (strstr(msg, "failed: ") != NULL)
		msg = strstr(msg, "failed: ") + 8;
	snprintf(text, sizeof text, "%s", msg);
	text[strcspn(text, "\n")] = '\0';
	if (PQstatus(c->pg) == CONNECTION_BAD)
		f = SQL_FAULT_LOST;
	else if (state == NULL)
		f = SQL_FAULT_OTHER;
	else if (strncmp(state, "23", 2) == 0)
		f = SQL_FAULT_CONSTRAINT;
	else if (strcmp(state, "42501") == 0)
		f = SQL_FAULT_DENIED;
	else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		f = SQL_FAULT_BUSY;
	else if (strcmp(state, "53100") == 0 || strncmp(state, "58", 2) == 0)
		f = SQL_FAULT_IO;
	else if (strcmp(state, "42P01") == 0)
		f = SQL_FAULT_SCHEMA;
	else if (strcmp(state, "22023") == 0)
		f = SQL_FAULT_USAGE;
	else if (strncmp(state, "28", 2) == 0 || strcmp(state, "3D000") == 0)
		f = SQL_FAULT_ACCESS;
	else if (strncmp(state, "57P", 3) == 0 || strncmp(state, "08", 2) == 0)
		f = SQL_FAULT_LOST;
	if (detail && f == SQL_FAULT_CONSTRAINT)
		sql_set_fault(&c->base, f, "%s (%s)", text, detail);
	else
		sql_set_fault(&c->base, f, "%s", text);
}

/* After a statement failed: if the connection broke, make it again. True
 * when the statement may simply run again (no transaction was lost). */
static bool
reconnect(struct pg_conn *c)
{
	time_t now = time(NULL);
	int tries;

	if (PQstatus(c->pg) != CONNECTION_BAD &&
	    c->base.fault != SQL_FAULT_LOST)
		return false;
	if (c->in_txn) {
		/* the transaction died with the connection */
		c->in_txn = false;
		c->txn_lost = true;
	}
	/* found away a moment ago: fail at once (a TUI stays quick while
	 * the server is down) and try again in a few seconds */
	if (now < c->retry_at)
		return false;
	/* just lost: the server may be restarting, up to a second; away
	 * already: once */
	tries = c->retry_at == 0 ? 5 : 1;
	for (int i = 0; i < tries; i++) {
		PQreset(c->pg);
		if (PQstatus(c->pg) == CONNECTION_OK && set_up(c) == 0)
			break;
		if (i + 1 < tries) {
			struct timespec ts = { 0, 200 * 1000 * 1000 };
			nanosleep(&ts, NULL);
		}
	}
	if (PQstatus(c->pg) != CONNECTION_OK) {
		c->retry_at = time(NULL) + 3;
		return false;
	}
	c->retry_at = 0;
	c->base.reconnects++;
	return !c->txn_lost;
}

static void
describe(struct pg_conn *c)
{
	const char *host = PQhost(c->pg);

	/* quoted: the values of a message the catalogue translates */
	snprintf(c->base.name, sizeof c->base.name,
	    "PostgreSQL database \"%s\" on \"%s\"", PQdb(c->pg),
	    host && *host ? host : "localhost");
}

static int
pg_open(struct sql_conn **out, const char *target, bool readonly)
{
	struct pg_conn *c = xcalloc(1, sizeof *c);
	/* postgresql:// alone: everything from the PG* variables */
	const char *info = strcmp(target, "postgresql://") == 0 ||
	    strcmp(target, "postgres://") == 0 ? "" : target;

	(void)readonly; /* the server keeps readers and writers apart */
	c->base.driver = &sql_postgres_driver;
	*out = &c->base;
	{
		/* a server that does not answer is given up on after 5 s
		 * (unless the string says otherwise: it comes later) */
		const char *const keys[] = { "connect_timeout", "dbname",
			NULL };
		const char *const values[] = { "5", info, NULL };
		c->pg = PQconnectdbParams(keys, values, 1);
	}
	if (c->pg == NULL || PQstatus(c->pg) != CONNECTION_OK) {
		char text[400];
		const char *msg = c->pg ? PQerrorMessage(c->pg) : "out of memory";
		const char *echo = *info ? strstr(msg, info) : NULL;
		/* libpq may quote the string back, password and all */
		if (echo != NULL)
			snprintf(text, sizeof text, "%.*sthe connection "
			    "string%s", (int)(echo - msg), msg,
			    echo + strlen(info));
		else
			snprintf(text, sizeof text, "%s", msg);
		text[strcspn(text, "\n")] = '\0';
		sql_set_fault(&c->base, SQL_FAULT_ACCESS,
		    "cannot connect to PostgreSQL: %s", text);
		snprintf(c->base.name, sizeof c->base.name, "PostgreSQL");
		return -1;
	}
	describe(c);
	if (set_up(c) < 0) {
		take_error(c, NULL);
		return -1;
	}
	return 0;
}

static void
pg_close(struct sql_conn *c)
{
	PQfinish(pgc(c)->pg);
	free(c);
}

/* After a transaction was lost with its connection, nothing but its
 * ROLLBACK (or a new BEGIN) may run: the rest of it would run on the new
 * connection outside any transaction. */
static bool
lost_already(struct pg_conn *c, const char *sql)
{
	if (!c->txn_lost || strncasecmp(sql, "BEGIN", 5) == 0)
		return false;
	sql_set_fault(&c->base, SQL_FAULT_LOST, "the connection was lost "
	    "during the change");
	return true;
}

/* Keep in_txn with what sql says it does. */
static void
track(struct pg_conn *c, const char *sql)
{
	if (strncasecmp(sql, "BEGIN", 5) == 0) {
		c->in_txn = true;
		c->txn_lost = false;
	} else if (strncasecmp(sql, "COMMIT", 6) == 0 ||
	    strncasecmp(sql, "ROLLBACK", 8) == 0) {
		c->in_txn = false;
	}
}

static int
pg_exec(struct sql_conn *sc, const char *sql)
{
	struct pg_conn *c = pgc(sc);

	bool ends = strncasecmp(sql, "COMMIT", 6) == 0 ||
	    strncasecmp(sql, "ROLLBACK", 8) == 0;

	if (c->txn_lost && strncasecmp(sql, "ROLLBACK", 8) == 0) {
		c->txn_lost = false; /* nothing is left to roll back */
		return 0;
	}
	if (lost_already(c, sql))
		return -1;
	for (int attempt = 0; attempt < 2; attempt++) {
		PGresult *r = PQexec(c->pg, sql);
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			c->base.changes = atol(PQcmdTuples(r));
			PQclear(r);
			track(c, sql);
			return 0;
		}
		take_error(c, r);
		PQclear(r);
		/* reconnect marks a transaction that was open as lost: a
		 * COMMIT among it, whose fate is unknown, is never sent again
		 * (on a new connection it would "succeed" with nothing) */
		if (!reconnect(c) || ends)
			break;
	}
	if (ends && !c->txn_lost)
		c->in_txn = false;
	return -1;
}

/* The store's ? and ?N as $N; the highest N, and which ones occur. */
static char *
translate(const char *sql, int *n_params, bool used[100])
{
	size_t len = strlen(sql);
	char *out = xcalloc(len * 3 + 1, 1), *w = out;
	int next = 0;
	char quote = 0;

	*n_params = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			*w++ = *p;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			*w++ = *p;
			continue;
		}
		if (*p != '?') {
			*w++ = *p;
			continue;
		}
		int n = 0;
		if (p[1] >= '0' && p[1] <= '9') {
			while (p[1] >= '0' && p[1] <= '9')
				n = n < 1000 ? n * 10 + (*++p - '0') : (p++, n);
		} else {
			n = ++next;
		}
		if (n < 1 || n > 99)
			n = 99;
		used[n] = true;
		if (n > *n_params)
			*n_params = n;
		w += sprintf(w, "$%d", n);
	}
	*w = '\0';
	return out;
}

static int
pg_prepare(struct sql_conn *sc, const char *sql, bool keep,
    struct sql_stmt **out)
{
	struct pg_conn *c = pgc(sc);
	struct pg_stmt *s = xcalloc(1, sizeof *s);
	bool used[100] = { false };

	s->base.conn = sc;
	s->sql = translate(sql, &s->n_params, used);
	s->types = xcalloc((size_t)s->n_params + 1, sizeof *s->types);
	s->values = xcalloc((size_t)s->n_params + 1, sizeof *s->values);
	for (int i = 1; i <= s->n_params; i++)
		s->types[i - 1] = used[i] ? 0 : TEXT_OID;
	if (keep)
		snprintf(s->name, sizeof s->name, "w%u", ++c->next_name);
	*out = &s->base;
	return 0;
}

static void
set_value(struct sql_stmt *ss, int i, char *v)
{
	struct pg_stmt *s = pgs(ss);

	if (i < 1 || i > s->n_params) {
		free(v);
		return;
	}
	free(s->values[i - 1]);
	s->values[i - 1] = v;
}

static void
pg_bind_int64(struct sql_stmt *s, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	set_value(s, i, xstrdup(buf));
}

static void
pg_bind_double(struct sql_stmt *s, int i, double v)
{
	char buf[40];

	/* 17 digits: the server reads back the very same double */
	snprintf(buf, sizeof buf, "%.17g", v);
	set_value(s, i, xstrdup(buf));
}

static void
pg_bind_text(struct sql_stmt *s, int i, const char *v)
{
	set_value(s, i, xstrdup(v));
}

static void
pg_bind_null(struct sql_stmt *s, int i)
{
	set_value(s, i, NULL);
}

/* Run s once, its result into s->res. */
static PGresult *
run(struct pg_conn *c, struct pg_stmt *s)
{
	const char *const *values = (const char *const *)s->values;

	if (s->name[0] == '\0')
		return PQexecParams(c->pg, s->sql, s->n_params, s->types,
		    values, NULL, NULL, 0);
	if (s->prepared_at != c->base.reconnects + 1) {
		PGresult *r = PQprepare(c->pg, s->name, s->sql, s->n_params,
		    s->types);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return r;
		PQclear(r);
		s->prepared_at = c->base.reconnects + 1;
	}
	return PQexecPrepared(c->pg, s->name, s->n_params, values, NULL, NULL,
	    0);
}

static int
pg_step(struct sql_stmt *ss)
{
	struct pg_stmt *s = pgs(ss);
	struct pg_conn *c = pgc(ss->conn);

	if (s->res == NULL) {
		if (lost_already(c, s->sql))
			return SQL_FAIL;
		for (int attempt = 0; attempt < 2; attempt++) {
			ExecStatusType st;
			s->res = run(c, s);
			st = PQresultStatus(s->res);
			if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
				break;
			take_error(c, s->res);
			PQclear(s->res);
			s->res = NULL;
			if (!reconnect(c))
				return SQL_FAIL;
		}
		if (s->res == NULL)
			return SQL_FAIL;
		s->rows = PQntuples(s->res);
		s->row = -1;
		if (PQresultStatus(s->res) == PGRES_COMMAND_OK)
			c->base.changes = atol(PQcmdTuples(s->res));
	}
	if (s->row + 1 < s->rows) {
		s->row++;
		return SQL_ROW;
	}
	s->row = s->rows;
	/* an INSERT ... RETURNING counts its rows too */
	c->base.changes = atol(PQcmdTuples(s->res));
	return SQL_DONE;
}

static bool
at_row(struct pg_stmt *s, int i)
{
	return s->res != NULL && s->row >= 0 && s->row < s->rows && i >= 0 &&
	    i < PQnfields(s->res);
}

static const char *
pg_column_text(struct sql_stmt *ss, int i)
{
	struct pg_stmt *s = pgs(ss);

	if (!at_row(s, i) || PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

static int64_t
pg_column_int64(struct sql_stmt *s, int i)
{
	const char *v = pg_column_text(s, i);

	return v ? strtoll(v, NULL, 10) : 0;
}

static double
pg_column_double(struct sql_stmt *s, int i)
{
	const char *v = pg_column_text(s, i);

	return v ? strtod(v, NULL) : 0.0;
}

static size_t
pg_column_bytes(struct sql_stmt *ss, int i)
{
	struct pg_stmt *s = pgs(ss);

	if (!at_row(s, i))
		return 0;
	return (size_t)PQgetlength(s->res, s->row, i);
}

static bool
pg_column_null(struct sql_stmt *s, int i)
{
	return pg_column_text(s, i) == NULL;
}

static int
pg_column_count(struct sql_stmt *ss)
{
	struct pg_stmt *s = pgs(ss);

	return s->res ? PQnfields(s->res) : 0;
}

static void
pg_reset(struct sql_stmt *ss)
{
	struct pg_stmt *s = pgs(ss);

	PQclear(s->res);
	s->res = NULL;
	for (int i = 0; i < s->n_params; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
	}
}

static void
pg_finalize(struct sql_stmt *ss)
{
	struct pg_stmt *s = pgs(ss);

	pg_reset(ss);
	free(s->values);
	free(s->types);
	free(s->sql);
	free(s);
}

static bool
pg_in_transaction(struct sql_conn *c)
{
	return pgc(c)->in_txn || pgc(c)->txn_lost;
}

/* The audit group of the open transaction, for the audit triggers; who
 * changes is the database user, whatever the program says. */
static int
pg_session(struct sql_conn *sc, const char *user, long long txn)
{
	struct pg_conn *c = pgc(sc);
	char buf[24];
	const char *values[1] = { buf };
	PGresult *r;
	bool ok;

	(void)user;
	snprintf(buf, sizeof buf, "%lld", txn);
	r = PQexecParams(c->pg, "SELECT set_config('wijklast.txn', $1, true)",
	    1, NULL, values, NULL, NULL, 0);
	ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok) {
		take_error(c, r);
		reconnect(c);
	}
	PQclear(r);
	return ok ? 0 : -1;
}

const struct sql_driver sql_postgres_driver = {
	.name = "postgresql",
	.dialect = SQL_POSTGRES,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_bytes = pg_column_bytes,
	.column_null = pg_column_null,
	.column_count = pg_column_count,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.in_transaction = pg_in_transaction,
	.session = pg_session,
	.image = NULL,
	.free_image = NULL,
};
