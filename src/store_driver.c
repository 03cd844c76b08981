/* store_driver: see include/store_driver.h. The calls go to the driver
 * of the connection. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store_driver.h"

bool
sql_is_postgres(const char *target)
{
	size_t key = strspn(target, "abcdefghijklmnopqrstuvwxyz_");

	/* postgresql:, postgres: — also misspelt after the colon: libpq then
	 * says what is wrong, instead of a file of that name being made —
	 * or a libpq keyword=value list (an unknown keyword is libpq's to
	 * name too) */
	return strncmp(target, "postgresql:", 11) == 0 ||
	    strncmp(target, "postgres:", 9) == 0 ||
	    (key > 0 && target[key] == '=');
}

int
sql_open(struct sql_conn **out, const char *target, bool readonly)
{
	const struct sql_driver *d = sql_is_postgres(target) ?
	    &sql_postgres_driver : &sql_sqlite_driver;

	return d->open(out, target, readonly);
}

void
sql_close(struct sql_conn *c)
{
	if (c != NULL)
		c->driver->close(c);
}

enum sql_dialect
sql_dialect(const struct sql_conn *c)
{
	return c->driver->dialect;
}

enum sql_fault
sql_fault(const struct sql_conn *c)
{
	return c->fault;
}

const char *
sql_message(const struct sql_conn *c)
{
	return c->message;
}

void
sql_set_fault(struct sql_conn *c, enum sql_fault fault, const char *fmt, ...)
{
	va_list ap;

	c->fault = fault;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof c->message, fmt, ap);
	va_end(ap);
}

int
sql_exec(struct sql_conn *c, const char *sql)
{
	return c->driver->exec(c, sql);
}

int
sql_prepare(struct sql_conn *c, const char *sql, bool keep,
    struct sql_stmt **out)
{
	*out = NULL;
	return c->driver->prepare(c, sql, keep, out);
}

void
sql_bind_int64(struct sql_stmt *s, int i, int64_t v)
{
	s->conn->driver->bind_int64(s, i, v);
}

void
sql_bind_double(struct sql_stmt *s, int i, double v)
{
	s->conn->driver->bind_double(s, i, v);
}

void
sql_bind_text(struct sql_stmt *s, int i, const char *v)
{
	s->conn->driver->bind_text(s, i, v);
}

void
sql_bind_null(struct sql_stmt *s, int i)
{
	s->conn->driver->bind_null(s, i);
}

int
sql_step(struct sql_stmt *s)
{
	return s->conn->driver->step(s);
}

int64_t
sql_column_int64(struct sql_stmt *s, int i)
{
	return s->conn->driver->column_int64(s, i);
}

double
sql_column_double(struct sql_stmt *s, int i)
{
	return s->conn->driver->column_double(s, i);
}

const char *
sql_column_text(struct sql_stmt *s, int i)
{
	return s->conn->driver->column_text(s, i);
}

size_t
sql_column_bytes(struct sql_stmt *s, int i)
{
	return s->conn->driver->column_bytes(s, i);
}

bool
sql_column_null(struct sql_stmt *s, int i)
{
	return s->conn->driver->column_null(s, i);
}

int
sql_column_count(struct sql_stmt *s)
{
	return s->conn->driver->column_count(s);
}

void
sql_reset(struct sql_stmt *s)
{
	s->conn->driver->reset(s);
}

void
sql_finalize(struct sql_stmt *s)
{
	if (s != NULL)
		s->conn->driver->finalize(s);
}

int
sql_session(struct sql_conn *c, const char *user, long long txn)
{
	return c->driver->session(c, user, txn);
}

long
sql_changes(struct sql_conn *c)
{
	return c->changes;
}

bool
sql_in_transaction(struct sql_conn *c)
{
	return c->driver->in_transaction(c);
}

unsigned
sql_reconnects(const struct sql_conn *c)
{
	return c->reconnects;
}

int
sql_image(struct sql_conn *c, unsigned char **image, int64_t *size)
{
	*image = NULL;
	*size = 0;
	if (c->driver->image == NULL) {
		sql_set_fault(c, SQL_FAULT_OTHER, "the %s driver makes no "
		    "copy of a database", c->driver->name);
		return -1;
	}
	return c->driver->image(c, image, size);
}

void
sql_free_image(struct sql_conn *c, unsigned char *image)
{
	if (image != NULL)
		c->driver->free_image(image);
}
