/* store: see include/store.h.
 *
 * The SQL is written once, for both engines, through the driver table of
 * store_driver.h; where the dialects differ (the schema, JSON in the undo, the
 * schema's version, how a change waits for the lock) st->pg chooses.
 * Triggers write the audit trail (schema.c), so nothing escapes it. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "afile.h"
#include "date.h"
#include "err.h"
#include "schema.h"
#include "store_driver.h"
#include "store.h"
#include "workload.h"
#include "xmem.h"

#define STORE_CACHED_MAX 32

struct store {
	struct sql_conn *db;
	bool pg; /* PostgreSQL: its dialect where the SQL differs */
	bool created; /* store_open gave it the schema */
	long long data_version; /* PRAGMA data_version at the last look */
	long long last_audit;   /* the newest audit row then */
	/* PostgreSQL: the oldest transaction still running then, and how
	 * many audit rows of it and later it saw (audit_mark) */
	char mark_xmin[24];
	long long mark_recent;
	char target[4096]; /* the file or connection string */
	char shown[4096];  /* the same without its password */
	char path[4096];   /* what messages call it (no password) */
	char user[64];
	long long txn; /* audit group of the open transaction */
	/* The writes a big import repeats for every row, prepared once:
	 * compiling the SQL with its audit trigger again would cost most of
	 * the time. Keyed by the SQL's address (a string constant). */
	struct {
		const char *sql;
		struct sql_stmt *stmt;
	} cached[STORE_CACHED_MAX];
	size_t n_cached;
};


static int
db_error(struct store *st, struct err *e, const char *what)
{
	const char *msg = sql_message(st->db);

	switch (sql_fault(st->db)) {
	case SQL_FAULT_BUSY:
		return err_setx(e, EXIT_BUSY,
		    "%s: the database %s is busy (another program is writing "
		    "to it); try again in a moment", what, st->path);
	case SQL_FAULT_CONSTRAINT:
		return err_setx(e, EXIT_DATAERR, "%s: %s", what, msg);
	case SQL_FAULT_USAGE:
		return err_setx(e, EXIT_USAGE, "%s: %s", what, msg);
	case SQL_FAULT_IO:
		return err_setx(e, EXIT_IOERR, "%s: %s (%s)", what, msg, st->path);
	case SQL_FAULT_ACCESS:
		return err_setx(e, EXIT_CANTCREAT, "%s: %s (%s)", what, msg,
		    st->path);
	case SQL_FAULT_DENIED:
		/* the server's own words name the team and the right */
		return err_setx(e, EXIT_NOPERM, "%s", msg);
	case SQL_FAULT_LOST:
		/* a read is simply tried again; a change that was under way
		 * went with the connection — unless it went while being
		 * committed: then only the server knows */
		if (strcmp(what, "save the change") == 0)
			return err_setx(e, EXIT_UNAVAILABLE, "Perhaps not saved: "
			    "the database server was lost while saving "
			    "(\"%s\"); the screen shows what is there", msg);
		if (!sql_in_transaction(st->db) && strcmp(what, "read") == 0)
			return err_setx(e, EXIT_UNAVAILABLE, "Cannot reach the "
			    "database server; trying again (\"%s\")", msg);
		return err_setx(e, EXIT_UNAVAILABLE, "Not saved: the database "
		    "server cannot be reached (\"%s\")", msg);
	default:
		return err_set(e, "%s: %s (%s)", what, msg, st->path);
	}
}

static int
exec(struct store *st, const char *sql, struct err *e, const char *what)
{
	if (sql_exec(st->db, sql) < 0)
		return db_error(st, e, what);
	return 0;
}

static int
get_int(struct store *st, const char *sql, long long *out, struct err *e)
{
	struct sql_stmt *stmt = NULL;
	int rc;

	if (sql_prepare(st->db, sql, false, &stmt) < 0)
		return db_error(st, e, "read");
	rc = sql_step(stmt);
	if (rc != SQL_ROW) {
		sql_finalize(stmt);
		return db_error(st, e, "read");
	}
	*out = sql_column_int64(stmt, 0);
	sql_finalize(stmt);
	return 0;
}

/* Before version 2: two team codes that differ only in case cannot both
 * stay, and which one goes is for a person to decide. */
static int
refuse_team_codes_by_case(struct store *st, struct err *e)
{
	struct sql_stmt *s = NULL;
	int rc;

	if (sql_prepare(st->db, "SELECT group_concat(code, '\", \"') "
	    "FROM team GROUP BY code COLLATE NOCASE HAVING count(*) > 1 "
	    "LIMIT 1", false, &s) < 0)
		return db_error(st, e, "upgrade the database");
	if ((rc = sql_step(s)) == SQL_ROW)
		err_setx(e, EXIT_DATAERR, "%s cannot be upgraded: the team "
		    "codes \"%s\" differ only in case, and from this version on "
		    "a team code is unique regardless of case. Merge or rename "
		    "those teams with the wijklast that wrote the database; it "
		    "is left as it was", st->path,
		    sql_column_text(s, 0));
	sql_finalize(s);
	if (rc == SQL_ROW)
		return -1;
	if (rc != SQL_DONE)
		return db_error(st, e, "upgrade the database");
	return 0;
}

static int begin_write(struct store *st, struct err *e);

/* SQLite: the forward steps of schema.c, each committed with its bump of
 * PRAGMA user_version. */
static int
migrate_sqlite(struct store *st, struct err *e)
{
	long long version;
	char *triggers = NULL;

	if (get_int(st, "PRAGMA user_version", &version, e) < 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION)
		return err_setx(e, EXIT_DATAERR,
		    "%s was written by a newer wijklast (schema %lld; this "
		    "version knows up to %d); it is left untouched",
		    st->path, version, STORE_SCHEMA_VERSION);
	if (version == 0) {
		/* Version 0 with tables in it is someone else's database:
		 * never add ours to it. */
		long long objects;
		if (get_int(st, "SELECT count(*) FROM sqlite_schema", &objects,
		    e) < 0)
			return -1;
		if (objects > 0)
			return err_setx(e, EXIT_DATAERR, "%s is an SQLite "
			    "database of another program; it is left "
			    "untouched", st->path);
		st->created = true;
	}
	while (version < STORE_SCHEMA_VERSION) {
		static const char *const bump[STORE_SCHEMA_VERSION] = {
			"PRAGMA user_version = 1",
			"PRAGMA user_version = 2",
			"PRAGMA user_version = 3",
			"PRAGMA user_version = 4",
		};
		if (begin_write(st, e) < 0)
			return -1;
		/* Someone else may have migrated while we waited for the lock. */
		if (get_int(st, "PRAGMA user_version", &version, e) < 0)
			goto fail;
		if (version >= STORE_SCHEMA_VERSION) {
			store_rollback(st);
			break;
		}
		if (version == 1 && refuse_team_codes_by_case(st, e) < 0)
			goto fail;
		if (exec(st, schema_sqlite_steps[version], e,
		    "create schema") < 0)
			goto fail;
		if (version + 1 == STORE_SCHEMA_VERSION) {
			triggers = schema_sqlite_triggers(true);
			if (exec(st, triggers, e, "create audit triggers") < 0)
				goto fail;
			free(triggers);
			triggers = NULL;
		}
		if (exec(st, bump[version], e, "set schema version") < 0 ||
		    store_commit(st, e) < 0)
			goto fail;
		version++;
	}
	return 0;
fail:
	free(triggers);
	store_rollback(st);
	return -1;
}

/* The version of the schema in PostgreSQL's current schema (its table
 * wijklast_schema); 0 when there is none. */
static int
pg_version(struct store *st, long long *version, struct err *e)
{
	long long there;

	if (get_int(st, "SELECT count(*) FROM pg_tables WHERE schemaname ="
	    " current_schema() AND tablename = 'wijklast_schema'", &there,
	    e) < 0)
		return -1;
	*version = 0;
	if (there && get_int(st, "SELECT coalesce(max(version), 0) FROM"
	    " wijklast_schema", version, e) < 0)
		return -1;
	return 0;
}

/* PostgreSQL starts at this version's schema, whole, in one transaction
 * under a lock that makes a second wijklast starting at once wait; later
 * versions will add their steps here. Only the owner of the schema (who
 * may create tables in it) can. */
static int
migrate_postgres(struct store *st, struct err *e)
{
	long long version, objects;
	char *schema = NULL;

	if (pg_version(st, &version, e) < 0) {
		if (sql_fault(st->db) == SQL_FAULT_DENIED)
			return err_setx(e, EXIT_NOPERM, "%s: no rights in this "
			    "database; an admin gives them with 'wijklast "
			    "grant'", st->path);
		return -1;
	}
	if (version > STORE_SCHEMA_VERSION)
		return err_setx(e, EXIT_DATAERR,
		    "%s was written by a newer wijklast (schema %lld; this "
		    "version knows up to %d); it is left untouched",
		    st->path, version, STORE_SCHEMA_VERSION);
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (exec(st, "BEGIN", e, "create schema") < 0)
		return -1;
	if (exec(st, "SELECT pg_advisory_xact_lock(hashtext(current_schema()))",
	    e, "create schema") < 0 || pg_version(st, &version, e) < 0)
		goto fail;
	if (version == 0) {
		if (get_int(st, "SELECT count(*) FROM pg_class c JOIN"
		    " pg_namespace n ON n.oid = c.relnamespace WHERE"
		    " n.nspname = current_schema()", &objects, e) < 0)
			goto fail;
		if (objects > 0) {
			err_setx(e, EXIT_DATAERR, "%s holds the tables of "
			    "another program; it is left untouched", st->path);
			goto fail;
		}
		schema = schema_postgres();
		if (exec(st, schema, e, "create schema") < 0 ||
		    exec(st, "INSERT INTO wijklast_schema VALUES (4)", e,
		    "set schema version") < 0)
			goto fail;
		free(schema);
		schema = NULL;
		st->created = true;
	}
	return store_commit(st, e);
fail:
	free(schema);
	store_rollback(st);
	return -1;
}

/* mkdir -p for the folder that will hold path, with mode 0700. */
static int
make_parent_dirs(const char *path, struct err *e)
{
	char buf[4096];

	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return err_setx(e, EXIT_CANTCREAT, "%s: path too long", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) < 0 && errno != EEXIST)
			return err_setx(e, EXIT_CANTCREAT, "%s: cannot create "
			    "folder: %s", buf, strerror(errno));
		*p = '/';
	}
	return 0;
}

/* Create an empty database file with mode 0600 before SQLite opens it, so it
 * is never readable by others, whatever the umask. */
static int
create_private_file(const char *path, struct err *e)
{
	int fd;

	if (make_parent_dirs(path, e) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return err_setx(e, EXIT_CANTCREAT, "%s: cannot create: %s",
		    path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

/* The folder that holds path, into buf ("." for a bare name). */
static char *
folder_of(const char *path, char *buf, size_t size)
{
	char copy[4096];

	snprintf(copy, sizeof copy, "%s", path);
	snprintf(buf, size, "%s", dirname(copy));
	return buf;
}

/* Give path to group gid with mode (when it exists). */
static int
share_file(const char *path, gid_t gid, mode_t mode, struct err *e)
{
	if (access(path, F_OK) != 0)
		return 0;
	if (chown(path, (uid_t)-1, gid) < 0 || chmod(path, mode) < 0)
		return err_setx(e, EXIT_CANTCREAT, "%s: cannot give it to the "
		    "group: %s", path, strerror(errno));
	return 0;
}

bool
store_exists(const char *path)
{
	return sql_is_postgres(path) || access(path, F_OK) == 0;
}

void
store_remove(const char *path)
{
	char side[4096 + 8];

	if (sql_is_postgres(path))
		return;
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int
store_share(const char *path, const char *group, struct err *e)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char folder[4096], parent[4096], file[4200];
	struct group *gr = getgrnam(group);
	struct store *st = NULL;
	struct stat sb;

	if (sql_is_postgres(path))
		return err_setx(e, EXIT_USAGE, "--shared is for an SQLite "
		    "file; on PostgreSQL give each person a login with "
		    "'wijklast grant'");
	if (gr == NULL)
		return err_setx(e, EXIT_USAGE, "--shared: there is no group "
		    "\"%s\"", group);
	folder_of(path, folder, sizeof folder);
	if (stat(folder, &sb) < 0) {
		/* a folder of its own, in one that is there */
		folder_of(folder, parent, sizeof parent);
		if (stat(parent, &sb) < 0 || !S_ISDIR(sb.st_mode))
			return err_setx(e, EXIT_CANTCREAT, "%s: its folder %s "
			    "is not there; create that first", path, parent);
		if (mkdir(folder, 0770) < 0 ||
		    chown(folder, (uid_t)-1, gr->gr_gid) < 0 ||
		    chmod(folder, 02770) < 0)
			return err_setx(e, EXIT_CANTCREAT, "%s: cannot create "
			    "the shared folder: %s", folder, strerror(errno));
	} else if (!S_ISDIR(sb.st_mode) || sb.st_gid != gr->gr_gid ||
	    (sb.st_mode & 02070) != 02070) {
		/* never loosen a folder that holds other things (a home) */
		return err_setx(e, EXIT_CANTCREAT, "%s: its folder %s is not "
		    "a shared folder of group %s (group-owned, rwx for the "
		    "group, setgid); name a new folder and wijklast creates "
		    "it, or as its owner: chgrp %s %s && chmod 2770 %s", path,
		    folder, group, group, folder, folder);
	}
	/* the database with its schema, then every file of it the group's */
	if (create_private_file(path, e) < 0 ||
	    store_open(&st, path, "init", e) < 0)
		return -1;
	store_close(st);
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
		if (share_file(file, gr->gr_gid, 0660, e) < 0)
			return -1;
	}
	return 0;
}

/* target with its password, if it holds one, as ***: in a URI between
 * "user:" and "@", in keywords after "password=". */
static void
hide_password(const char *target, char *out, size_t size)
{
	const char *scheme = strstr(target, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = NULL;
	const char *kw = strstr(target, "password=");

	snprintf(out, size, "%s", target);
	if (at != NULL) {
		for (const char *p = scheme + 3; p < at; p++)
			if (*p == ':')
				colon = p;
		if (colon != NULL)
			snprintf(out, size, "%.*s:***%s",
			    (int)(colon - target), target, at);
	} else if (kw != NULL) {
		const char *end = kw + 9 + strcspn(kw + 9, " ");
		snprintf(out, size, "%.*spassword=***%s", (int)(kw - target),
		    target, end);
	}
}

/* SQLite: the file, created 0600 before SQLite opens it, and the
 * settings of a connection that writes. */
static int
open_sqlite(struct store *st, const char *path, struct err *e)
{
	bool memory = strcmp(path, ":memory:") == 0;
	struct stat sb;

	/* an address mistyped is not a file to make (nor to put its
	 * password in the name of) */
	if (strstr(path, "://") != NULL ||
	    strncmp(path, "postgresql/", 11) == 0 ||
	    strncmp(path, "postgres/", 9) == 0)
		return err_setx(e, EXIT_USAGE, "--db: that looks like the "
		    "address of a database server, not a file; PostgreSQL's "
		    "begin with postgresql://");
	if (!memory) {
		if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
			return err_setx(e, EXIT_NOINPUT, "%s: not a database "
			    "file", path);
		if (create_private_file(path, e) < 0)
			return -1;
	}
	if (sql_open(&st->db, path, false) < 0)
		return db_error(st, e, "open database");
	/* A file that is not a database shows here, at the first read. */
	if (exec(st, "PRAGMA foreign_keys = ON", e, "open database") < 0)
		return -1;
	{
		long long n;
		if (get_int(st, "SELECT count(*) FROM sqlite_schema", &n,
		    e) < 0) {
			err_prefix(e, "%s: not a wijklast database? ", path);
			return -1;
		}
	}
	/* WAL only once the schema is known to be ours (a refused file is
	 * left exactly as it was). */
	if (migrate_sqlite(st, e) < 0)
		return -1;
	if (!memory && exec(st, "PRAGMA journal_mode = WAL", e,
	    "open database") < 0)
		return -1;
	/* Statement journals (every write with its audit trigger keeps one)
	 * in memory: in a temporary file, a 100,000-row import wrote to it a
	 * dozen times per row. */
	if (exec(st, "PRAGMA temp_store = MEMORY", e, "open database") < 0)
		return -1;
	/* A page cache that holds a big import's indexes (the cases' by
	 * closing day takes its rows in no order): with SQLite's 2 MB, each
	 * row past the first few thousand read its index pages from disk
	 * again, and 100,000 rows cost 14 times 10,000. Pages are only kept
	 * as they are read. */
	return exec(st, "PRAGMA cache_size = -65536", e, "open database");
}

/* PostgreSQL: the connection, the schema, and who we are — the database
 * user, whatever the program was told: the server's rights and audit
 * know only that one. */
static int
open_postgres(struct store *st, const char *target, struct err *e)
{
	struct sql_stmt *s = NULL;

	st->pg = true;
	if (sql_open(&st->db, target, false) < 0) {
		if (st->db)
			snprintf(st->path, sizeof st->path, "%s",
			    st->db->name);
		return err_setx(e, EXIT_UNAVAILABLE, "%s", sql_message(st->db));
	}
	snprintf(st->path, sizeof st->path, "%s", st->db->name);
	if (migrate_postgres(st, e) < 0)
		return -1;
	if (sql_prepare(st->db, "SELECT session_user", false, &s) < 0 ||
	    sql_step(s) != SQL_ROW) {
		sql_finalize(s);
		return db_error(st, e, "open database");
	}
	snprintf(st->user, sizeof st->user, "%s", sql_column_text(s, 0));
	sql_finalize(s);
	return 0;
}

int
store_open(struct store **out, const char *path, const char *user,
    struct err *e)
{
	struct store *st = xcalloc(1, sizeof *st);

	*out = NULL;
	snprintf(st->target, sizeof st->target, "%s", path);
	hide_password(path, st->shown, sizeof st->shown);
	snprintf(st->path, sizeof st->path, "%s", st->shown);
	snprintf(st->user, sizeof st->user, "%s", user ? user : "unknown");
	if ((sql_is_postgres(path) ? open_postgres(st, path, e)
				   : open_sqlite(st, path, e)) < 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

const char *
store_name(const struct store *st)
{
	return st->path;
}

bool
store_created(const struct store *st)
{
	return st->created;
}

const char *
store_target(const struct store *st)
{
	return st->shown;
}


const char *
store_user(const struct store *st)
{
	return st->user;
}

unsigned
store_reconnects(const struct store *st)
{
	return sql_reconnects(st->db);
}

int
store_probe(const char *path, struct err *e)
{
	struct sql_conn *db = NULL;
	struct sql_stmt *s = NULL;
	bool empty = false;

	/* a server says what it holds when it is opened */
	if (sql_is_postgres(path))
		return 0;
	/* Read-only (never created), and only a read. Anything but a
	 * version 0 read for sure (busy, not a database) is for store_open
	 * to report. */
	if (sql_open(&db, path, true) == 0 &&
	    sql_prepare(db, "PRAGMA user_version", false, &s) == 0 &&
	    sql_step(s) == SQL_ROW)
		empty = sql_column_int64(s, 0) == 0;
	sql_finalize(s);
	sql_close(db);
	if (!empty)
		return 0;
	return err_setx(e, EXIT_NOINPUT, "%s holds no wijklast database (it "
	    "is empty, or not a database); create one with 'wijklast import' "
	    "or 'wijklast demo', or name another with --db", path);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->n_cached; i++)
		sql_finalize(st->cached[i].stmt);
	sql_close(st->db);
	free(st);
}

/* BEGIN for a change: SQLite takes the write lock at once (waiting up to
 * its busy timeout); PostgreSQL locks the rows as they are written, and
 * the version checks see what others committed meanwhile. */
static int
begin_write(struct store *st, struct err *e)
{
	return exec(st, st->pg ? "BEGIN" : "BEGIN IMMEDIATE", e,
	    "start a change");
}

/* BEGIN for a read that must see one state of the data throughout. */
static const char *
begin_read(const struct store *st)
{
	return st->pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN";
}

int
store_begin(struct store *st, struct err *e)
{
	long long txn;

	if (begin_write(st, e) < 0)
		return -1;
	/* SQLite: under the write lock, so the number is ours alone;
	 * PostgreSQL: from its sequence, for writers do not wait here. */
	if (get_int(st, st->pg ? "SELECT nextval('wijklast_txn')" :
	    "SELECT max(coalesce((SELECT max(txn) FROM audit), 0),"
	    " coalesce((SELECT max(txn) FROM change_log), 0)) + 1", &txn,
	    e) < 0) {
		store_rollback(st);
		return -1;
	}
	if (sql_session(st->db, st->user, txn) < 0) {
		db_error(st, e, "start a change");
		store_rollback(st);
		return -1;
	}
	st->txn = txn;
	return 0;
}

int
store_commit(struct store *st, struct err *e)
{
	if (exec(st, "COMMIT", e, "save the change") < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

void
store_rollback(struct store *st)
{
	if (sql_in_transaction(st->db))
		sql_exec(st->db, "ROLLBACK");
}

/* --- binding and reading helpers --- */

static void
bind_text(struct sql_stmt *s, int i, const char *v)
{
	sql_bind_text(s, i, v);
}

static void
bind_date(struct sql_stmt *s, int i, int date)
{
	char buf[DATE_BUF];

	if (date == DATE_NONE)
		sql_bind_null(s, i);
	else
		bind_text(s, i, date_format(date, buf));
}

static void
bind_id(struct sql_stmt *s, int i, int64_t id)
{
	if (id == 0)
		sql_bind_null(s, i);
	else
		sql_bind_int64(s, i, id);
}

static void
col_text(struct sql_stmt *s, int i, char *out, size_t size)
{
	/* a copy cut to size, as snprintf would, at a fraction of its cost
	 * (a city's cases have a million refs) */
	const char *v = sql_column_text(s, i);
	size_t n = v ? (size_t)sql_column_bytes(s, i) : 0;

	if (n >= size)
		n = size - 1;
	if (n > 0)
		memcpy(out, v, n);
	out[n] = '\0';
}

static int
col_int(struct sql_stmt *s, int i)
{
	return (int)sql_column_int64(s, i);
}

static int
col_date(struct sql_stmt *s, int i)
{
	const char *v = sql_column_text(s, i);
	int date;

	if (v == NULL || date_parse((const char *)v, &date, NULL) < 0)
		return DATE_NONE;
	return date;
}

static int
prepare(struct store *st, const char *sql, struct sql_stmt **stmt, struct err *e)
{
	if (sql_prepare(st->db, sql, false, stmt) < 0)
		return db_error(st, e, "prepare");
	return 0;
}

/* prepare, kept for the next call with the same sql (a string constant);
 * give it back with release. */
static int
prepare_cached(struct store *st, const char *sql, struct sql_stmt **stmt,
    struct err *e)
{
	for (size_t i = 0; i < st->n_cached; i++) {
		if (st->cached[i].sql == sql) {
			*stmt = st->cached[i].stmt;
			return 0;
		}
	}
	if (sql_prepare(st->db, sql, true, stmt) < 0)
		return db_error(st, e, "prepare");
	if (st->n_cached < STORE_CACHED_MAX) {
		st->cached[st->n_cached].sql = sql;
		st->cached[st->n_cached++].stmt = *stmt;
	}
	return 0;
}

/* Done with a statement that has run: reset a cached one for its next use
 * (no read stays open), finalize any other. */
static void
release(struct store *st, struct sql_stmt *stmt)
{
	for (size_t i = 0; i < st->n_cached; i++) {
		if (st->cached[i].stmt == stmt) {
			sql_reset(stmt);
			return;
		}
	}
	sql_finalize(stmt);
}

/* Run an INSERT ... RETURNING id whose parameters are bound; set *id and
 * *version. */
static int
insert(struct store *st, struct sql_stmt *stmt, int64_t *id, int64_t *version,
    struct err *e, const char *what)
{
	int rc = sql_step(stmt);

	if (rc == SQL_ROW)
		*id = sql_column_int64(stmt, 0);
	release(st, stmt);
	if (rc != SQL_ROW)
		return db_error(st, e, what);
	*version = 1;
	return 0;
}

/* The columns of each kind, bound from parameter 1 in the order its INSERT
 * and UPDATE name them; returns how many, so an UPDATE binds its id and
 * version after them. */
static int
bind_team(struct sql_stmt *s, const struct team *t)
{
	bind_text(s, 1, t->code);
	bind_text(s, 2, t->name);
	bind_text(s, 3, t->area);
	return 3;
}

static int
bind_rota(struct sql_stmt *s, const struct rota_entry *r)
{
	sql_bind_int64(s, 1, r->team_id);
	sql_bind_int64(s, 2, r->weekday);
	bind_text(s, 3, dataset_part_code(r->part));
	sql_bind_double(s, 4, r->hours);
	return 4;
}

static int
bind_employee(struct sql_stmt *s, const struct employee *em)
{
	bind_text(s, 1, em->code);
	bind_text(s, 2, em->name);
	sql_bind_int64(s, 3, em->team_id);
	bind_text(s, 4, em->discipline);
	sql_bind_double(s, 5, em->contract_hours);
	sql_bind_int64(s, 6, (int)em->workdays);
	bind_date(s, 7, em->start);
	bind_date(s, 8, em->end);
	return 8;
}

static int
bind_absence(struct sql_stmt *s, const struct absence *a)
{
	sql_bind_int64(s, 1, a->employee_id);
	bind_date(s, 2, a->start);
	bind_date(s, 3, a->end);
	sql_bind_int64(s, 4, a->percent);
	bind_text(s, 5, a->reason);
	return 5;
}

static int
bind_activity(struct sql_stmt *s, const struct activity *a)
{
	sql_bind_int64(s, 1, a->employee_id);
	bind_text(s, 2, a->name);
	bind_text(s, 3, a->kind);
	sql_bind_double(s, 4, a->hours_per_week);
	bind_date(s, 5, a->start);
	bind_date(s, 6, a->end);
	return 6;
}

static int
bind_block(struct sql_stmt *s, const struct block *b)
{
	sql_bind_int64(s, 1, b->team_id);
	bind_date(s, 2, b->date);
	bind_text(s, 3, dataset_part_code(b->part));
	sql_bind_double(s, 4, b->hours);
	bind_id(s, 5, b->employee_id);
	sql_bind_int64(s, 6, b->locked);
	return 6;
}

static int
bind_case(struct sql_stmt *s, const struct case_item *c)
{
	bind_text(s, 1, c->ref);
	sql_bind_int64(s, 2, c->team_id);
	bind_id(s, 3, c->employee_id);
	bind_text(s, 4, c->type);
	bind_text(s, 5, settings_phase_code(c->phase));
	bind_date(s, 6, c->opened);
	bind_date(s, 7, c->closed);
	bind_id(s, 8, c->origin_block);
	bind_id(s, 9, c->cover_from);
	return 9;
}

/* Bind an UPDATE's WHERE id = ? AND version = ? after its n columns. */
static void
bind_where(struct sql_stmt *s, int n, int64_t id, int64_t version)
{
	sql_bind_int64(s, n + 1, id);
	sql_bind_int64(s, n + 2, version);
}

int
store_add_team(struct store *st, struct team *t, struct err *e)
{
	struct sql_stmt *s;
	char what[64];

	if (prepare_cached(st,
	    "INSERT INTO team (code, name, area) VALUES (?, ?, ?) RETURNING id",
	    &s, e) < 0)
		return -1;
	bind_team(s, t);
	snprintf(what, sizeof what, "add team %s", t->code);
	return insert(st, s, &t->id, &t->version, e, what);
}

int
store_add_rota(struct store *st, struct rota_entry *r, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "INSERT INTO rota (team_id, weekday, part, hours)"
	    " VALUES (?, ?, ?, ?) RETURNING id", &s, e) < 0)
		return -1;
	bind_rota(s, r);
	return insert(st, s, &r->id, &r->version, e, "add rota entry");
}

int
store_add_employee(struct store *st, struct employee *em, struct err *e)
{
	struct sql_stmt *s;
	char what[64];

	if (prepare_cached(st,
	    "INSERT INTO employee (code, name, team_id, discipline,"
	    " contract_hours, workdays, start_date, end_date)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &s, e) < 0)
		return -1;
	bind_employee(s, em);
	snprintf(what, sizeof what, "add employee %s", em->code);
	return insert(st, s, &em->id, &em->version, e, what);
}

int
store_add_absence(struct store *st, struct absence *a, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "INSERT INTO absence (employee_id, start_date, end_date,"
	    " percent, reason) VALUES (?, ?, ?, ?, ?) RETURNING id", &s, e) < 0)
		return -1;
	bind_absence(s, a);
	return insert(st, s, &a->id, &a->version, e, "add absence");
}

int
store_add_activity(struct store *st, struct activity *a, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st, "INSERT INTO activity (employee_id, name, kind,"
	    " hours_per_week, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)"
	    " RETURNING id",
	    &s, e) < 0)
		return -1;
	bind_activity(s, a);
	return insert(st, s, &a->id, &a->version, e, "add side activity");
}

int
store_add_block(struct store *st, struct block *b, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st, "INSERT INTO block (team_id, date, part, hours,"
	    " employee_id, locked) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", &s,
	    e) < 0)
		return -1;
	bind_block(s, b);
	return insert(st, s, &b->id, &b->version, e, "add intake block");
}

int
store_add_case(struct store *st, struct case_item *c, struct err *e)
{
	struct sql_stmt *s;
	char what[64];

	if (prepare_cached(st,
	    "INSERT INTO cases (ref, team_id, employee_id, type,"
	    " phase, opened, closed, origin_block, cover_from)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &s, e) < 0)
		return -1;
	bind_case(s, c);
	snprintf(what, sizeof what, "add case %s", c->ref);
	return insert(st, s, &c->id, &c->version, e, what);
}

/* UPDATE block SET <column> = ? ... guarded by the version read before. */
static int
update_block(struct store *st, const char *sql, int64_t id, int64_t version,
    int64_t value, bool value_is_id, struct err *e)
{
	struct sql_stmt *s;
	int rc;

	if (prepare(st, sql, &s, e) < 0)
		return -1;
	if (value_is_id)
		bind_id(s, 1, value);
	else
		sql_bind_int64(s, 1, value);
	sql_bind_int64(s, 2, id);
	sql_bind_int64(s, 3, version);
	rc = sql_step(s);
	sql_finalize(s);
	if (rc != SQL_DONE)
		return db_error(st, e, "change intake block");
	if (sql_changes(st->db) != 1)
		return err_set(e, "an intake block was changed by someone else "
		    "meanwhile; reload and try again");
	return 0;
}

int
store_set_block_employee(struct store *st, int64_t id, int64_t version,
    int64_t employee_id, struct err *e)
{
	return update_block(st, "UPDATE block SET employee_id = ?, version = "
	    "version + 1 WHERE id = ? AND version = ?", id, version,
	    employee_id, true, e);
}

int
store_set_block_locked(struct store *st, int64_t id, int64_t version,
    bool locked, struct err *e)
{
	return update_block(st, "UPDATE block SET locked = ?, version = "
	    "version + 1 WHERE id = ? AND version = ?", id, version, locked,
	    false, e);
}

int
store_update_case(struct store *st, struct case_item *c, struct err *e)
{
	struct sql_stmt *s;
	char what[64];
	int rc;

	if (prepare_cached(st,
	    "UPDATE cases SET ref = ?, team_id = ?, employee_id = ?,"
	    " type = ?, phase = ?, opened = ?, closed = ?, origin_block = ?,"
	    " cover_from = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_case(s, c), c->id, c->version);
	rc = sql_step(s);
	release(st, s);
	snprintf(what, sizeof what, "change case %s", c->ref);
	if (rc != SQL_DONE)
		return db_error(st, e, what);
	if (sql_changes(st->db) != 1)
		return err_set(e, "case %s was changed by someone else "
		    "meanwhile; reload and try again", c->ref);
	c->version++;
	return 0;
}

/* Step a version-guarded UPDATE or DELETE: exactly one row must change. */
static int
guarded(struct store *st, struct sql_stmt *s, const char *what, struct err *e)
{
	int rc = sql_step(s);

	release(st, s);
	if (rc != SQL_DONE)
		return db_error(st, e, what);
	if (sql_changes(st->db) != 1)
		return err_set(e, "%s: it was changed or deleted by someone else "
		    "meanwhile; the screen shows the fresh data now", what);
	return 0;
}

int
store_update_absence(struct store *st, struct absence *a, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "UPDATE absence SET employee_id = ?, start_date = ?,"
	    " end_date = ?, percent = ?, reason = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_absence(s, a), a->id, a->version);
	if (guarded(st, s, "change absence", e) < 0)
		return -1;
	a->version++;
	return 0;
}

int
store_update_activity(struct store *st, struct activity *a, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "UPDATE activity SET employee_id = ?, name = ?, kind = ?,"
	    " hours_per_week = ?, start_date = ?, end_date = ?,"
	    " version = version + 1 WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_activity(s, a), a->id, a->version);
	if (guarded(st, s, "change side activity", e) < 0)
		return -1;
	a->version++;
	return 0;
}

int
store_update_team(struct store *st, struct team *t, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st, "UPDATE team SET code = ?, name = ?, area = ?,"
	    " version = version + 1 WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_team(s, t), t->id, t->version);
	if (guarded(st, s, "change team", e) < 0)
		return -1;
	t->version++;
	return 0;
}

int
store_update_employee(struct store *st, struct employee *em, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "UPDATE employee SET code = ?, name = ?, team_id = ?,"
	    " discipline = ?, contract_hours = ?, workdays = ?,"
	    " start_date = ?, end_date = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_employee(s, em), em->id, em->version);
	if (guarded(st, s, "change employee", e) < 0)
		return -1;
	em->version++;
	return 0;
}

int
store_update_rota(struct store *st, struct rota_entry *r, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "UPDATE rota SET team_id = ?, weekday = ?, part = ?,"
	    " hours = ?, version = version + 1 WHERE id = ? AND version = ?",
	    &s, e) < 0)
		return -1;
	bind_where(s, bind_rota(s, r), r->id, r->version);
	if (guarded(st, s, "change rota entry", e) < 0)
		return -1;
	r->version++;
	return 0;
}

int
store_update_block(struct store *st, struct block *b, struct err *e)
{
	struct sql_stmt *s;

	if (prepare_cached(st,
	    "UPDATE block SET team_id = ?, date = ?, part = ?,"
	    " hours = ?, employee_id = ?, locked = ?, version = version + 1"
	    " WHERE id = ? AND version = ?", &s, e) < 0)
		return -1;
	bind_where(s, bind_block(s, b), b->id, b->version);
	if (guarded(st, s, "change intake block", e) < 0)
		return -1;
	b->version++;
	return 0;
}

static int
delete_row(struct store *st, const char *sql, int64_t id, int64_t version,
    const char *what, struct err *e)
{
	struct sql_stmt *s;

	if (prepare(st, sql, &s, e) < 0)
		return -1;
	sql_bind_int64(s, 1, id);
	sql_bind_int64(s, 2, version);
	return guarded(st, s, what, e);
}

int
store_delete_absence(struct store *st, int64_t id, int64_t version,
    struct err *e)
{
	return delete_row(st, "DELETE FROM absence WHERE id = ? AND version = ?",
	    id, version, "delete absence", e);
}

int
store_delete_activity(struct store *st, int64_t id, int64_t version,
    struct err *e)
{
	return delete_row(st, "DELETE FROM activity WHERE id = ? AND version = ?",
	    id, version, "delete side activity", e);
}

int
store_delete_rota(struct store *st, int64_t id, int64_t version,
    struct err *e)
{
	return delete_row(st, "DELETE FROM rota WHERE id = ? AND version = ?",
	    id, version, "delete rota entry", e);
}

int
store_delete_block(struct store *st, int64_t id, int64_t version,
    struct err *e)
{
	return delete_row(st, "DELETE FROM block WHERE id = ? AND version = ?",
	    id, version, "delete intake block", e);
}

/* What a look at the data saw of the audit, for "changed since": the
 * newest row — and on PostgreSQL, where rows commit out of the order of
 * their ids, the oldest transaction still running and how many rows of it
 * and later there were. Inside the look's read transaction. */
static int
audit_mark(struct store *st, long long *newest, char *xmin, size_t size,
    long long *recent, struct err *e)
{
	struct sql_stmt *s = NULL;

	if (!st->pg)
		return get_int(st, "SELECT coalesce(max(id), 0) FROM audit",
		    newest, e);
	if (prepare(st, "SELECT coalesce(max(id), 0),"
	    " pg_snapshot_xmin(pg_current_snapshot())::text,"
	    " (SELECT count(*) FROM audit WHERE"
	    "  txid >= pg_snapshot_xmin(pg_current_snapshot())) FROM audit",
	    &s, e) < 0)
		return -1;
	if (sql_step(s) != SQL_ROW) {
		sql_finalize(s);
		return db_error(st, e, "read");
	}
	*newest = sql_column_int64(s, 0);
	col_text(s, 1, xmin, size);
	*recent = sql_column_int64(s, 2);
	sql_finalize(s);
	return 0;
}

/* The audit rows written since the mark: newer ids, and on PostgreSQL
 * the rows of the transactions running then (some seen already: reading
 * a record again does no harm). ?1 the mark's newest id, ?2 its xmin. */
#define SINCE_MARK_SQLITE "id > ?1"
#define SINCE_MARK_PG "(id > ?1 OR txid >= ?2::xid8)"

static void
bind_mark(const struct store *st, struct sql_stmt *s)
{
	sql_bind_int64(s, 1, st->last_audit);
	if (st->pg)
		sql_bind_text(s, 2, st->mark_xmin);
}

/* SQLite's PRAGMA data_version into st->data_version. */
static int
data_version(struct store *st, struct err *e)
{
	return st->pg ? 0 : get_int(st, "PRAGMA data_version",
	    &st->data_version, e);
}

int
store_changed(struct store *st, bool *changed, struct err *e)
{
	long long v, audit;

	/* SQLite's data_version moves only for commits by other
	 * connections — cheap to ask on every keypress. It also moves for
	 * their snapshots, which change no data: only a new audit row means
	 * the data changed. PostgreSQL has none: the audit is asked (one
	 * index lookup). */
	*changed = false;
	v = st->data_version;
	if (data_version(st, e) < 0)
		return -1;
	if (!st->pg && v == st->data_version)
		return 0;
	if (st->pg) {
		/* a new id, or one more row of the transactions running at
		 * the last look (one of them committed since) */
		struct sql_stmt *s = NULL;
		if (prepare(st, "SELECT coalesce(max(id), 0), (SELECT count(*)"
		    " FROM audit WHERE txid >= ?::xid8) FROM audit", &s, e) < 0)
			return -1;
		bind_text(s, 1, st->mark_xmin);
		if (sql_step(s) != SQL_ROW) {
			sql_finalize(s);
			return db_error(st, e, "read");
		}
		*changed = sql_column_int64(s, 0) != st->last_audit ||
		    sql_column_int64(s, 1) != st->mark_recent;
		sql_finalize(s);
		return 0;
	}
	if (get_int(st, "SELECT coalesce(max(id), 0) FROM audit", &audit,
	    e) < 0)
		return -1;
	*changed = audit != st->last_audit;
	return 0;
}

long long
store_txn(const struct store *st)
{
	return st->txn;
}

#define audited schema_audited
#define N_AUDITED schema_n_audited
#define MAX_COLS SCHEMA_MAX_COLS

/* "col1, col2, ..." of table t */
static void
add_columns(struct schema_text *q, size_t t)
{
	for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
		if (c > 0)
			schema_add(q, ", ");
		schema_add(q, audited[t].cols[c]);
	}
}

/* The columns of table t as the audit JSON in parameter param holds them:
 * SQLite, "json_extract(?1, '$.col1'), ..."; PostgreSQL, a subquery
 * that types them as the table does. */
static void
add_from_json(struct store *st, struct schema_text *q, size_t t,
    const char *param)
{
	if (st->pg) {
		schema_add(q, "(SELECT ");
		add_columns(q, t);
		schema_add(q, " FROM json_populate_record(NULL::");
		schema_add(q, audited[t].table);
		schema_add(q, ", ");
		schema_add(q, param);
		schema_add(q, "::json))");
		return;
	}
	for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
		schema_add(q, c > 0 ? ", json_extract(" : "json_extract(");
		schema_add(q, param);
		schema_add(q, ", '$.");
		schema_add(q, audited[t].cols[c]);
		schema_add(q, "')");
	}
}

/* " AND <every column> IS <its value in ?3>": the row is still as the
 * change left it (the content, not the version: an undo moves the version
 * on, and the undo before it must still find its row). */
static void
add_unchanged(struct store *st, struct schema_text *q, size_t t)
{
	if (st->pg) {
		schema_add(q, " AND EXISTS (SELECT 1 FROM json_populate_record("
		    "NULL::");
		schema_add(q, audited[t].table);
		schema_add(q, ", ?3::json) j WHERE (");
		for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
			schema_add(q, c > 0 ? ", " : "");
			schema_add(q, audited[t].table);
			schema_add(q, ".");
			schema_add(q, audited[t].cols[c]);
		}
		schema_add(q, ") IS NOT DISTINCT FROM (");
		for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
			schema_add(q, c > 0 ? ", j." : "j.");
			schema_add(q, audited[t].cols[c]);
		}
		schema_add(q, "))");
		return;
	}
	for (size_t c = 0; c < MAX_COLS && audited[t].cols[c]; c++) {
		schema_add(q, " AND ");
		schema_add(q, audited[t].cols[c]);
		schema_add(q, " IS json_extract(?3, '$.");
		schema_add(q, audited[t].cols[c]);
		schema_add(q, "')");
	}
}

/* Is record row_id of table t as the audit JSON json has it? 1 yes, 0 no,
 * -1 on error. An update already undone by a cascade (PostgreSQL writes
 * what a delete cascades to after the delete: going backwards, the delete
 * is undone first, and its cascade with it) needs no undoing. */
static int
row_is(struct store *st, size_t t, int64_t row_id, const char *json,
    struct err *e)
{
	struct schema_text q = { 0 };
	struct sql_stmt *s = NULL;
	int rc;

	schema_add(&q, "SELECT count(*) FROM ");
	schema_add(&q, audited[t].table);
	schema_add(&q, " WHERE id = ?2");
	add_unchanged(st, &q, t);
	rc = prepare(st, q.s, &s, e);
	free(q.s);
	if (rc < 0)
		return -1;
	sql_bind_int64(s, 2, row_id);
	bind_text(s, 3, json);
	rc = sql_step(s) == SQL_ROW ? sql_column_int64(s, 0) > 0 : -1;
	sql_finalize(s);
	return rc;
}

/* The inverse of one audit row: delete what was inserted, put back what was
 * updated or deleted — each only if the row is still as the change left it.
 * The version always moves on, so an edit read before is refused. Its
 * parameters: ?1 the row before, ?2 its id, ?3 the row after, ?4 its
 * table. */
static int
revert_row(struct store *st, size_t t, const char *action, int64_t row_id,
    const char *old, const char *new, struct err *e)
{
	struct schema_text q = { 0 };
	struct sql_stmt *s = NULL;
	int rc;

	if (strcmp(action, "insert") == 0) {
		schema_add(&q, "DELETE FROM ");
		schema_add(&q, audited[t].table);
		schema_add(&q, " WHERE id = ?2");
		add_unchanged(st, &q, t);
	} else if (strcmp(action, "update") == 0) {
		schema_add(&q, "UPDATE ");
		schema_add(&q, audited[t].table);
		schema_add(&q, " SET (");
		add_columns(&q, t);
		schema_add(&q, st->pg ? ") = " : ") = (");
		add_from_json(st, &q, t, "?1");
		schema_add(&q, st->pg ? ", version = version + 1 WHERE id = ?2"
				      : "), version = version + 1 WHERE id = ?2");
		add_unchanged(st, &q, t);
	} else {
		/* back with a version above any it had: ids are never reused,
		 * so max over the audit is the row's own history */
		schema_add(&q, "INSERT INTO ");
		schema_add(&q, audited[t].table);
		schema_add(&q, " (id, ");
		add_columns(&q, t);
		schema_add(&q, ", version) SELECT ?2, ");
		if (st->pg) {
			add_columns(&q, t);
			schema_add(&q, ", (SELECT max(coalesce((new->>'version')"
			    "::bigint, (old->>'version')::bigint)) + 1 FROM audit"
			    " WHERE tbl = ?4 AND row_id = ?2) FROM "
			    "json_populate_record(NULL::");
			schema_add(&q, audited[t].table);
			schema_add(&q, ", ?1::json)");
		} else {
			add_from_json(st, &q, t, "?1");
			schema_add(&q, ", (SELECT max(coalesce(json_extract(new, "
			    "'$.version'), json_extract(old, '$.version'))) + 1 "
			    "FROM audit WHERE tbl = ?4 AND row_id = ?2)");
		}
	}
	rc = prepare(st, q.s, &s, e);
	free(q.s);
	if (rc < 0)
		return -1;
	bind_text(s, 1, old ? old : "{}");
	sql_bind_int64(s, 2, row_id);
	bind_text(s, 3, new ? new : "{}");
	bind_text(s, 4, audited[t].table);
	rc = sql_step(s);
	sql_finalize(s);
	if (rc != SQL_DONE && sql_fault(st->db) != SQL_FAULT_CONSTRAINT)
		return db_error(st, e, "undo");
	if (rc == SQL_DONE && sql_changes(st->db) != 1 &&
	    strcmp(action, "update") == 0 && old != NULL &&
	    row_is(st, t, row_id, old, e) == 1)
		return 0;
	if (rc != SQL_DONE || sql_changes(st->db) != 1)
		return err_set(e, "cannot undo: a %s record was changed by "
		    "someone else since", audited[t].table);
	return 0;
}

int
store_revert(struct store *st, long long txn, enum store_change_kind kind,
    struct err *e)
{
	struct sql_stmt *s = NULL;
	int rc, n = 0;

	if (store_begin(st, e) < 0)
		return -1;
	if (prepare(st, "SELECT tbl, action, row_id, old, new FROM audit"
	    " WHERE txn = ? ORDER BY id DESC", &s, e) < 0)
		goto fail;
	sql_bind_int64(s, 1, txn);
	while ((rc = sql_step(s)) == SQL_ROW) {
		const char *tbl = sql_column_text(s, 0);
		size_t t = 0;
		char action[16];
		char *old = NULL, *new = NULL;

		while (t < N_AUDITED && strcmp(audited[t].table, tbl) != 0)
			t++;
		if (t == N_AUDITED) {
			err_set(e, "undo: unknown table %s in the audit", tbl);
			goto fail;
		}
		col_text(s, 1, action, sizeof action);
		/* Copy now: the next step reuses the column memory. */
		if (!sql_column_null(s, 3))
			old = xstrdup(sql_column_text(s, 3));
		if (!sql_column_null(s, 4))
			new = xstrdup(sql_column_text(s, 4));
		rc = revert_row(st, t, action, sql_column_int64(s, 2), old,
		    new, e);
		free(old);
		free(new);
		if (rc < 0)
			goto fail;
		n++;
	}
	if (rc != SQL_DONE) {
		db_error(st, e, "undo");
		goto fail;
	}
	sql_finalize(s);
	s = NULL;
	if (n == 0) {
		err_set(e, "nothing to undo");
		goto fail;
	}
	if (store_log_change(st, kind, txn, e) < 0)
		goto fail;
	return store_commit(st, e);
fail:
	sql_finalize(s);
	store_rollback(st);
	return -1;
}

int
store_log_change(struct store *st, enum store_change_kind kind,
    long long reverts, struct err *e)
{
	static const char *const kinds[] = { "change", "undo", "redo" };
	struct sql_stmt *s = NULL;
	int rc;

	/* A change that wrote nothing is nothing to undo: not logged, or it
	 * would stand on top of the undo stack with nothing to revert. */
	if (prepare(st, "SELECT 1 FROM audit WHERE txn = ? LIMIT 1", &s, e) < 0)
		return -1;
	sql_bind_int64(s, 1, st->txn);
	rc = sql_step(s);
	sql_finalize(s);
	if (rc == SQL_DONE)
		return 0;
	if (rc != SQL_ROW)
		return db_error(st, e, "record the change");
	if (prepare(st, "INSERT INTO change_log (txn, \"user\", kind, reverts)"
	    " VALUES (?, ?, ?, ?)", &s, e) < 0)
		return -1;
	sql_bind_int64(s, 1, st->txn);
	bind_text(s, 2, st->user);
	bind_text(s, 3, kinds[kind]);
	if (kind == STORE_CHANGE)
		sql_bind_null(s, 4);
	else
		sql_bind_int64(s, 4, reverts);
	rc = sql_step(s);
	sql_finalize(s);
	if (rc != SQL_DONE)
		return db_error(st, e, "record the change");
	return 0;
}

int
store_user_changes(struct store *st, struct store_change **out, size_t *n,
    struct err *e)
{
	struct sql_stmt *s = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (prepare(st, "SELECT txn, kind, coalesce(reverts, 0) FROM "
	    "change_log WHERE \"user\" = ? ORDER BY txn", &s, e) < 0)
		return -1;
	bind_text(s, 1, st->user);
	while ((rc = sql_step(s)) == SQL_ROW) {
		const char *k = sql_column_text(s, 1);
		XGROW(*out, cap, *n + 1);
		(*out)[*n] = (struct store_change){
			.txn = sql_column_int64(s, 0),
			.kind = strcmp(k, "undo") == 0 ? STORE_UNDO
			    : strcmp(k, "redo") == 0   ? STORE_REDO
						       : STORE_CHANGE,
			.reverts = sql_column_int64(s, 2),
		};
		(*n)++;
	}
	sql_finalize(s);
	if (rc != SQL_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_error(st, e, "read the change log");
	}
	return 0;
}

int
store_change_rows(struct store *st, long long txn,
    struct store_change_row **out, size_t *n, struct err *e)
{
	struct sql_stmt *s = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* one result row per column of each audit row, oldest change first */
	if (prepare(st, st->pg ?
	    "SELECT a.id, a.tbl, a.action, a.row_id, j.key,"
	    " a.old ->> j.key, a.new ->> j.key"
	    " FROM audit a, json_each(coalesce(a.new, a.old)) j"
	    " WHERE a.txn = ? AND j.key <> 'version' ORDER BY a.id" :
	    "SELECT a.id, a.tbl, a.action, a.row_id, j.key,"
	    " json_extract(a.old, '$.' || j.key),"
	    " json_extract(a.new, '$.' || j.key)"
	    " FROM audit a, json_each(coalesce(a.new, a.old)) j"
	    " WHERE a.txn = ? AND j.key != 'version' ORDER BY a.id",
	    &s, e) < 0)
		return -1;
	sql_bind_int64(s, 1, txn);
	long long last = -1;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct store_change_row *r;
		if (sql_column_int64(s, 0) != last) {
			last = sql_column_int64(s, 0);
			XGROW(*out, cap, *n + 1);
			r = &(*out)[(*n)++];
			memset(r, 0, sizeof *r);
			col_text(s, 1, r->table, sizeof r->table);
			col_text(s, 2, r->action, sizeof r->action);
			r->row_id = sql_column_int64(s, 3);
		}
		r = &(*out)[*n - 1];
		if (r->n_cols == STORE_ROW_COLS)
			continue;
		col_text(s, 4, r->cols[r->n_cols].name,
		    sizeof r->cols[r->n_cols].name);
		col_text(s, 5, r->cols[r->n_cols].old,
		    sizeof r->cols[r->n_cols].old);
		col_text(s, 6, r->cols[r->n_cols].new,
		    sizeof r->cols[r->n_cols].new);
		r->n_cols++;
	}
	sql_finalize(s);
	if (rc != SQL_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_error(st, e, "read the audit");
	}
	return 0;
}

/* --- loading --- */

/* Step through a SELECT — its parameters ?1 and ?2, where it has them,
 * bound to the days from and to (bind_day) — appending a row to *items
 * for each and letting fill_row read it. */
#define LOAD_ROWS(st, sql, from, to, items, n, fill_row)                      \
	do {                                                                  \
		struct sql_stmt *s_;                                             \
		size_t cap_ = (n);                                            \
		int rc_;                                                      \
		if (prepare((st), (sql), &s_, e) < 0)                         \
			goto fail;                                            \
		bind_day(s_, 1, (from)); /* ignored where it has none */      \
		bind_day(s_, 2, (to));                                        \
		while ((rc_ = sql_step(s_)) == SQL_ROW) {              \
			XGROW((items), cap_, (n) + 1);                        \
			memset(&(items)[(n)], 0, sizeof *(items));            \
			fill_row(s_, &(items)[(n)]);                          \
			(n)++;                                                \
		}                                                             \
		sql_finalize(s_);                                         \
		if (rc_ != SQL_DONE) {                                     \
			db_error((st), e, "read");                            \
			goto fail;                                            \
		}                                                             \
	} while (0)

/* A whole table, in id order (its SQL says ORDER BY id). */
#define LOAD(st, sql, items, n, fill_row)                                     \
	LOAD_ROWS(st, sql, DATASET_ALL, DATE_NONE, items, n, fill_row)

static void
fill_team(struct sql_stmt *s, struct team *t)
{
	t->id = sql_column_int64(s, 0);
	col_text(s, 1, t->code, sizeof t->code);
	col_text(s, 2, t->name, sizeof t->name);
	col_text(s, 3, t->area, sizeof t->area);
	t->version = sql_column_int64(s, 4);
}

static enum part
col_part(struct sql_stmt *s, int i)
{
	const char *v = sql_column_text(s, i);

	return v && strcmp((const char *)v, "middag") == 0 ? PART_AFTERNOON
							   : PART_MORNING;
}

static void
fill_rota(struct sql_stmt *s, struct rota_entry *r)
{
	r->id = sql_column_int64(s, 0);
	r->team_id = sql_column_int64(s, 1);
	r->weekday = col_int(s, 2);
	r->part = col_part(s, 3);
	r->hours = sql_column_double(s, 4);
	r->version = sql_column_int64(s, 5);
}

static void
fill_employee(struct sql_stmt *s, struct employee *em)
{
	em->id = sql_column_int64(s, 0);
	col_text(s, 1, em->code, sizeof em->code);
	col_text(s, 2, em->name, sizeof em->name);
	em->team_id = sql_column_int64(s, 3);
	col_text(s, 4, em->discipline, sizeof em->discipline);
	em->contract_hours = sql_column_double(s, 5);
	em->workdays = (unsigned)col_int(s, 6);
	em->start = col_date(s, 7);
	em->end = col_date(s, 8);
	em->version = sql_column_int64(s, 9);
}

static void
fill_absence(struct sql_stmt *s, struct absence *a)
{
	a->id = sql_column_int64(s, 0);
	a->employee_id = sql_column_int64(s, 1);
	a->start = col_date(s, 2);
	a->end = col_date(s, 3);
	a->percent = col_int(s, 4);
	col_text(s, 5, a->reason, sizeof a->reason);
	a->version = sql_column_int64(s, 6);
}

static void
fill_activity(struct sql_stmt *s, struct activity *a)
{
	a->id = sql_column_int64(s, 0);
	a->employee_id = sql_column_int64(s, 1);
	col_text(s, 2, a->name, sizeof a->name);
	col_text(s, 3, a->kind, sizeof a->kind);
	a->hours_per_week = sql_column_double(s, 4);
	a->start = col_date(s, 5);
	a->end = col_date(s, 6);
	a->version = sql_column_int64(s, 7);
}

static void
fill_block(struct sql_stmt *s, struct block *b)
{
	b->id = sql_column_int64(s, 0);
	b->team_id = sql_column_int64(s, 1);
	b->date = col_date(s, 2);
	b->part = col_part(s, 3);
	b->hours = sql_column_double(s, 4);
	b->employee_id = sql_column_int64(s, 5); /* NULL reads as 0 */
	b->locked = col_int(s, 6) != 0;
	b->version = sql_column_int64(s, 7);
}

static void
fill_case(struct sql_stmt *s, struct case_item *c)
{
	const char *phase;

	c->id = sql_column_int64(s, 0);
	col_text(s, 1, c->ref, sizeof c->ref);
	c->team_id = sql_column_int64(s, 2);
	c->employee_id = sql_column_int64(s, 3);
	col_text(s, 4, c->type, sizeof c->type);
	phase = sql_column_text(s, 5);
	c->phase = (enum phase)settings_phase_parse(
	    phase ? (const char *)phase : "actief");
	c->opened = col_date(s, 6);
	c->closed = col_date(s, 7);
	c->origin_block = sql_column_int64(s, 8);
	c->cover_from = sql_column_int64(s, 9);
	c->version = sql_column_int64(s, 10);
}

/* The columns each kind of record is read with (the fill_ functions'
 * order): the whole table for store_load, one row for store_refresh. */
#define SELECT_TEAM "SELECT id, code, name, area, version FROM team"
#define SELECT_ROTA "SELECT id, team_id, weekday, part, hours, version FROM rota"
#define SELECT_EMPLOYEE                                                       \
	"SELECT id, code, name, team_id, discipline, contract_hours,"         \
	" workdays, start_date, end_date, version FROM employee"
#define SELECT_ABSENCE                                                        \
	"SELECT id, employee_id, start_date, end_date, percent, reason,"      \
	" version FROM absence"
#define SELECT_ACTIVITY                                                       \
	"SELECT id, employee_id, name, kind, hours_per_week, start_date,"     \
	" end_date, version FROM activity"
#define SELECT_BLOCK                                                          \
	"SELECT id, team_id, date, part, hours, employee_id, locked, version" \
	" FROM block"
#define SELECT_CASE                                                           \
	"SELECT id, ref, team_id, employee_id, type, phase, opened, closed,"  \
	" origin_block, cover_from, version FROM cases"

/* Add the rows of sql (its parameters ?1 and ?2 bound to the days from
 * and to: from DATASET_ALL binds the first of all, to DATE_NONE none) to
 * items, already in id order, and keep them so: a window is read in the
 * order of its index, not of the ids, so the new rows are sorted and then
 * merged in. */
#define LOAD_DAYS(st, sql, from, to, items, n, fill_row)                      \
	do {                                                                  \
		size_t n0_ = (n);                                             \
		LOAD_ROWS(st, sql, from, to, items, n, fill_row);             \
		(n) = n0_ + sort_by_id(&(items)[n0_], (n) - n0_,              \
		    sizeof *(items));                                         \
		(n) = merge_runs((char *)(items), (n), n0_, sizeof *(items)); \
	} while (0)

/* A window's day as SQL text: before every date for DATASET_ALL. */
static void
bind_day(struct sql_stmt *s, int i, int day)
{
	if (day == DATASET_ALL)
		bind_text(s, i, "");
	else
		bind_date(s, i, day);
}

static int64_t
id_at(const char *base, size_t size, size_t i)
{
	int64_t id;

	memcpy(&id, base + i * size, sizeof id);
	return id;
}

struct id_at {
	int64_t id;
	size_t at;
};

static int
by_id_at(const void *pa, const void *pb)
{
	const struct id_at *a = pa, *b = pb;

	if (a->id != b->id)
		return (a->id > b->id) - (a->id < b->id);
	return (a->at > b->at) - (a->at < b->at);
}

/* sort_by_id for ids too far apart for slots: by comparison, the later of
 * two with one id staying. */
static size_t
sort_sparse(char *base, size_t n, size_t size)
{
	struct id_at *ix = xcalloc(n, sizeof *ix);
	char *sorted = xcalloc(n, size);
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		ix[i] = (struct id_at){ id_at(base, size, i), i };
	qsort(ix, n, sizeof *ix, by_id_at);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && ix[i + 1].id == ix[i].id)
			continue; /* the later one follows */
		memcpy(sorted + k++ * size, base + ix[i].at * size, size);
	}
	memcpy(base, sorted, k * size);
	free(sorted);
	free(ix);
	return k;
}

/* Where the first run of ascending ids ends, if what follows it is one
 * more ascending run (a window widened: what it held, then what came):
 * that index, else 0. */
static size_t
two_runs(const char *base, size_t n, size_t size)
{
	size_t split = 0;

	for (size_t i = 1; i < n; i++)
		if (id_at(base, size, i) <= id_at(base, size, i - 1)) {
			if (split != 0)
				return 0;
			split = i;
		}
	return split;
}

/* Merge the two ascending runs of base, [0, split) and [split, n), in
 * place, the later of two with one id staying; the count. The second run is the few rows a
 * window widened by: it alone is set aside, and the merge walks back from
 * the end, moving only what must move — no copy of a city's cases. */
static size_t
merge_runs(char *base, size_t n, size_t split, size_t size)
{
	size_t tail = n - split;
	char *moved;
	size_t a, b, w;

	if (split == 0 || tail == 0)
		return n; /* one run: in order already */
	moved = xcalloc(tail, size);
	memcpy(moved, base + split * size, tail * size);
	a = split, b = tail, w = n;
	while (b > 0) {
		int64_t ia = a > 0 ? id_at(base, size, a - 1) : INT64_MIN;
		int64_t ib = id_at(moved, size, b - 1);
		if (ia == ib) {
			/* read twice (a refresh between): the later stays, the
			 * rest closes up at the end */
			memcpy(base + --w * size, moved + --b * size, size);
			a--;
			continue;
		}
		if (ia > ib)
			memcpy(base + --w * size, base + --a * size, size);
		else
			memcpy(base + --w * size, moved + --b * size, size);
	}
	free(moved);
	/* w - a slots were freed by duplicates: close them up */
	if (w > a)
		memmove(base + a * size, base + w * size, (n - w) * size);
	return n - (w - a);
}

/* Sort records that begin with their int64_t id by it; of two with one id
 * (read once more when a window widens) the later stays. Returns how many
 * there are now. In a window the ids are a good part of those from the
 * smallest to the largest: each record goes straight to its id's slot (a
 * counting sort), then one pass gathers them. Linear where a comparison
 * sort is not. */
static size_t
sort_by_id(void *items, size_t n, size_t size)
{
	char *sorted, *base = items;
	int64_t lo, hi;
	size_t *slot, k = 0;
	bool in_order = true;

	if (n < 2)
		return n;
	lo = hi = id_at(base, size, 0);
	for (size_t i = 1; i < n; i++) {
		int64_t id = id_at(base, size, i);
		in_order = in_order && id > id_at(base, size, i - 1);
		lo = id < lo ? id : lo;
		hi = id > hi ? id : hi;
	}
	if (in_order)
		return n;
	size_t split = two_runs(base, n, size);
	if (split != 0)
		return merge_runs(base, n, split, size);
	/* ids are AUTOINCREMENT: a window of n spans at most every id there
	 * is, a range a few times n in any city; ids spread thinner than that
	 * (rows written by hand) take the comparison sort */
	if ((uint64_t)(hi - lo) > 16 * (uint64_t)n + (1u << 20))
		return sort_sparse(base, n, size);
	slot = xcalloc((size_t)(hi - lo) + 1, sizeof *slot);
	for (size_t i = 0; i < n; i++)
		slot[id_at(base, size, i) - lo] = i + 1;
	sorted = xcalloc(n, size);
	for (int64_t id = lo; id <= hi; id++)
		if (slot[id - lo])
			memcpy(sorted + k++ * size,
			    base + (slot[id - lo] - 1) * size, size);
	memcpy(base, sorted, k * size);
	free(sorted);
	free(slot);
	return k;
}

/* What a read transaction sees, as text: two reads that say the same
 * saw the same data (SQLite: the newest audit row; PostgreSQL: the
 * snapshot — which transactions had committed). */
#define STATE_SQLITE "SELECT coalesce(max(id), 0) FROM audit"
#define STATE_PG "SELECT pg_current_snapshot()::text"

static int
read_state(struct store *st, char *out, size_t size, struct err *e)
{
	struct sql_stmt *s = NULL;

	if (prepare(st, st->pg ? STATE_PG : STATE_SQLITE, &s, e) < 0)
		return -1;
	if (sql_step(s) != SQL_ROW) {
		sql_finalize(s);
		return db_error(st, e, "read");
	}
	snprintf(out, size, "%s", sql_column_text(s, 0));
	sql_finalize(s);
	return 0;
}

/* The cases still open, read on a connection of their own in a thread of
 * their own while store_load reads the rest: a whole country has some
 * 200,000, and this machine more than one core. */
struct open_reader {
	const char *target;
	const char *begin;
	struct case_item *cases;
	size_t n;
	bool pg;
	char state[128]; /* what its read saw (read_state) */
	bool ok;
};

static void *
read_open_cases(void *arg)
{
	struct open_reader *r = arg;
	struct sql_conn *db = NULL;
	struct sql_stmt *s = NULL;
	size_t cap = 0;
	int rc = SQL_FAIL;

	if (sql_open(&db, r->target, true) < 0 || sql_exec(db, r->begin) < 0 ||
	    sql_prepare(db, r->pg ? STATE_PG : STATE_SQLITE, false, &s) < 0 ||
	    sql_step(s) != SQL_ROW)
		goto done;
	snprintf(r->state, sizeof r->state, "%s", sql_column_text(s, 0));
	sql_finalize(s);
	s = NULL;
	if (sql_prepare(db, SELECT_CASE " WHERE closed IS NULL", false, &s) < 0)
		goto done;
	while ((rc = sql_step(s)) == SQL_ROW) {
		XGROW(r->cases, cap, r->n + 1);
		memset(&r->cases[r->n], 0, sizeof *r->cases);
		fill_case(s, &r->cases[r->n++]);
	}
	/* in id order here, while the other connection reads the rest */
	r->n = sort_by_id(r->cases, r->n, sizeof *r->cases);
done:
	sql_finalize(s);
	if (db != NULL && sql_in_transaction(db))
		sql_exec(db, "COMMIT");
	sql_close(db);
	r->ok = rc == SQL_DONE;
	return NULL;
}

int
store_load(struct store *st, struct dataset *d, int since, struct err *e)
{
	struct open_reader open_cases = { .target = st->target,
		.begin = begin_read(st), .pg = st->pg };
	pthread_t reader;
	bool threaded = false;
	char state[128];

	dataset_clear(d);
	d->since = since;
	/* the open cases in a thread of their own, on a connection of its
	 * own (one in memory has only one): on PostgreSQL too, where the
	 * second connection costs the server a process, but the reads
	 * overlap (at 100 teams 48-62 ms against 63-72 without) */
	if (since != DATASET_ALL && since != DATASET_NONE &&
	    strcmp(st->target, ":memory:") != 0)
		threaded = pthread_create(&reader, NULL, read_open_cases,
		    &open_cases) == 0;
	/* One read transaction, so the arrays agree with each other even
	 * while someone else writes. */
	if (exec(st, begin_read(st), e, "read") < 0)
		goto fail;
	/* What "changed since" (store_changed, store_refresh) compares
	 * against. */
	if (data_version(st, e) < 0 || read_state(st, state, sizeof state,
	    e) < 0 || audit_mark(st, &st->last_audit,
	    st->mark_xmin, sizeof st->mark_xmin, &st->mark_recent, e) < 0)
		goto fail;
	LOAD(st, SELECT_TEAM " ORDER BY id", d->teams, d->n_teams, fill_team);
	LOAD(st, SELECT_ROTA " ORDER BY id", d->rota, d->n_rota, fill_rota);
	LOAD(st, SELECT_EMPLOYEE " ORDER BY id", d->employees, d->n_employees,
	    fill_employee);
	LOAD(st, SELECT_ABSENCE " ORDER BY id", d->absences, d->n_absences,
	    fill_absence);
	LOAD(st, SELECT_ACTIVITY " ORDER BY id", d->activities,
	    d->n_activities, fill_activity);
	if (since == DATASET_ALL) {
		LOAD(st, SELECT_BLOCK " ORDER BY id", d->blocks, d->n_blocks,
		    fill_block);
		LOAD(st, SELECT_CASE " ORDER BY id", d->cases, d->n_cases,
		    fill_case);
	} else if (since != DATASET_NONE) {
		LOAD_DAYS(st, SELECT_BLOCK " WHERE date >= ?1", since,
		    DATE_NONE, d->blocks, d->n_blocks, fill_block);
		if (threaded) {
			pthread_join(reader, NULL);
			threaded = false;
		}
		if (open_cases.ok && strcmp(open_cases.state, state) == 0) {
			/* the same data the thread saw: its cases join */
			LOAD_DAYS(st, SELECT_CASE " WHERE closed >= ?1", since,
			    DATE_NONE, open_cases.cases, open_cases.n,
			    fill_case);
			d->cases = open_cases.cases;
			d->n_cases = open_cases.n;
			open_cases.cases = NULL;
		} else {
			/* two ranges, each read from its index (an OR makes
			 * PostgreSQL scan the table) */
			LOAD_DAYS(st, SELECT_CASE " WHERE closed IS NULL",
			    since, DATE_NONE, d->cases, d->n_cases, fill_case);
			LOAD_DAYS(st, SELECT_CASE " WHERE closed >= ?1", since,
			    DATE_NONE, d->cases, d->n_cases, fill_case);
		}
	}
	exec(st, "COMMIT", NULL, "read");
	free(open_cases.cases);
	return 0;
fail:
	if (threaded)
		pthread_join(reader, NULL);
	free(open_cases.cases);
	store_rollback(st);
	dataset_clear(d);
	return -1;
}

int
store_widen(struct store *st, struct dataset *d, int since, struct err *e)
{
	int held = d->since;

	if (since >= held)
		return 0;
	if (held == DATASET_NONE)
		return store_load(st, d, since, e);
	/* what is held up to date first, so what comes to it agrees */
	if (store_refresh(st, d, e) < 0)
		return -1;
	if (exec(st, begin_read(st), e, "read") < 0)
		return -1;
	LOAD_DAYS(st, SELECT_BLOCK " WHERE date >= ?1 AND date < ?2", since,
	    held, d->blocks, d->n_blocks, fill_block);
	LOAD_DAYS(st, SELECT_CASE " WHERE closed >= ?1 AND closed < ?2", since,
	    held, d->cases, d->n_cases, fill_case);
	exec(st, "COMMIT", NULL, "read");
	d->since = since;
	return 0;
fail:
	store_rollback(st);
	/* not all there: read it whole */
	return store_load(st, d, since, e);
}

/* Above this many touched records a refresh reads everything again: an
 * import, say, is quicker to read whole than row by row. */
#define REFRESH_ROWS_MAX 2000

/* Read record id again with stmt (prepared with its SELECT_ and "WHERE
 * id = ?") and put it in its place in the id-sorted items: replaced,
 * inserted, or taken out when it is gone or, with holds, outside the
 * window. */
#define REFRESH_ROW(stmt, id, items, n, fill_row, holds)                      \
	do {                                                                  \
		__typeof__(*(items)) row_;                                    \
		bool found_, keep_ = false;                                   \
		size_t at_;                                                   \
		int rc_;                                                      \
		sql_reset(stmt);                                          \
		sql_bind_int64((stmt), 1, (id));                          \
		if ((rc_ = sql_step(stmt)) == SQL_ROW) {               \
			memset(&row_, 0, sizeof row_);                        \
			fill_row((stmt), &row_);                              \
			keep_ = holds(d, &row_);                              \
		} else if (rc_ != SQL_DONE) {                              \
			db_error(st, e, "read");                              \
			goto fail;                                            \
		}                                                             \
		at_ = dataset_id_slot((items), (n), sizeof *(items), (id),    \
		    &found_);                                                 \
		if (keep_ && !found_) {                                       \
			(items) = xreallocarray((items), (n) + 1,             \
			    sizeof *(items));                                 \
			memmove(&(items)[at_ + 1], &(items)[at_],             \
			    ((n) - at_) * sizeof *(items));                   \
			(n)++;                                                \
		} else if (!keep_ && found_) {                                \
			memmove(&(items)[at_], &(items)[at_ + 1],             \
			    ((n) - at_ - 1) * sizeof *(items));               \
			(n)--;                                                \
		}                                                             \
		if (keep_)                                                    \
			(items)[at_] = row_;                                  \
	} while (0)

static bool
holds_any(const struct dataset *d, const void *record)
{
	(void)d;
	(void)record;
	return true;
}

enum { R_TEAM, R_ROTA, R_EMPLOYEE, R_ABSENCE, R_ACTIVITY, R_BLOCK, R_CASE,
	R_KINDS };

int
store_refresh(struct store *st, struct dataset *d, struct err *e)
{
	static const char *const one[R_KINDS] = {
		SELECT_TEAM " WHERE id = ?", SELECT_ROTA " WHERE id = ?",
		SELECT_EMPLOYEE " WHERE id = ?", SELECT_ABSENCE " WHERE id = ?",
		SELECT_ACTIVITY " WHERE id = ?", SELECT_BLOCK " WHERE id = ?",
		SELECT_CASE " WHERE id = ?",
	};
	static const char *const tables[R_KINDS] = { "team", "rota",
		"employee", "absence", "activity", "block", "cases" };
	struct sql_stmt *stmt[R_KINDS] = { 0 }, *touched = NULL;
	long long newest, rows, recent;
	char xmin[sizeof st->mark_xmin];
	bool changed;
	int rc;

	/* PostgreSQL: nothing new, nothing to read (SQLite's look below is
	 * as cheap) */
	if (st->pg) {
		if (store_changed(st, &changed, e) < 0)
			return -1;
		if (!changed)
			return 0;
	}
	if (exec(st, begin_read(st), e, "read") < 0)
		return -1;
	if (data_version(st, e) < 0 || audit_mark(st, &newest, xmin,
	    sizeof xmin, &recent, e) < 0)
		goto fail;
	if (!st->pg && newest == st->last_audit) {
		exec(st, "COMMIT", NULL, "read");
		return 0;
	}
	if (prepare(st, st->pg ?
	    "SELECT count(*) FROM audit WHERE " SINCE_MARK_PG :
	    "SELECT count(*) FROM audit WHERE " SINCE_MARK_SQLITE, &touched,
	    e) < 0)
		goto fail;
	bind_mark(st, touched);
	rows = sql_step(touched) == SQL_ROW ?
	    sql_column_int64(touched, 0) : REFRESH_ROWS_MAX + 1;
	sql_finalize(touched);
	touched = NULL;
	if (rows > REFRESH_ROWS_MAX) {
		exec(st, "COMMIT", NULL, "read");
		return store_load(st, d, d->since, e);
	}
	for (int k = 0; k < R_KINDS; k++)
		if (prepare(st, one[k], &stmt[k], e) < 0)
			goto fail;
	if (prepare(st, st->pg ?
	    "SELECT DISTINCT tbl, row_id FROM audit WHERE " SINCE_MARK_PG :
	    "SELECT DISTINCT tbl, row_id FROM audit WHERE " SINCE_MARK_SQLITE,
	    &touched, e) < 0)
		goto fail;
	bind_mark(st, touched);
	while ((rc = sql_step(touched)) == SQL_ROW) {
		const char *tbl = sql_column_text(touched, 0);
		int64_t id = sql_column_int64(touched, 1);
		int k = 0;

		while (k < R_KINDS && (tbl == NULL || strcmp(tbl, tables[k])))
			k++;
		switch (k) {
		case R_TEAM:
			REFRESH_ROW(stmt[k], id, d->teams, d->n_teams,
			    fill_team, holds_any);
			break;
		case R_ROTA:
			REFRESH_ROW(stmt[k], id, d->rota, d->n_rota, fill_rota,
			    holds_any);
			break;
		case R_EMPLOYEE:
			REFRESH_ROW(stmt[k], id, d->employees, d->n_employees,
			    fill_employee, holds_any);
			break;
		case R_ABSENCE:
			REFRESH_ROW(stmt[k], id, d->absences, d->n_absences,
			    fill_absence, holds_any);
			break;
		case R_ACTIVITY:
			REFRESH_ROW(stmt[k], id, d->activities,
			    d->n_activities, fill_activity, holds_any);
			break;
		case R_BLOCK:
			REFRESH_ROW(stmt[k], id, d->blocks, d->n_blocks,
			    fill_block, dataset_holds_block);
			break;
		case R_CASE:
			REFRESH_ROW(stmt[k], id, d->cases, d->n_cases,
			    fill_case, dataset_holds_case);
			break;
		default: /* a table the dataset does not hold */
			break;
		}
	}
	if (rc != SQL_DONE) {
		db_error(st, e, "read");
		goto fail;
	}
	sql_finalize(touched);
	for (int k = 0; k < R_KINDS; k++)
		sql_finalize(stmt[k]);
	st->last_audit = newest;
	snprintf(st->mark_xmin, sizeof st->mark_xmin, "%s", xmin);
	st->mark_recent = recent;
	exec(st, "COMMIT", NULL, "read");
	return 0;
fail:
	sql_finalize(touched);
	for (int k = 0; k < R_KINDS; k++)
		sql_finalize(stmt[k]);
	store_rollback(st);
	return -1;
}

int
store_is_empty(struct store *st, bool *empty, struct err *e)
{
	long long n;

	if (get_int(st, "SELECT (SELECT count(*) FROM team) + (SELECT count(*)"
	    " FROM employee) + (SELECT count(*) FROM cases) + (SELECT count(*)"
	    " FROM snapshot_week)", &n, e) < 0)
		return -1;
	*empty = n == 0;
	return 0;
}

int
store_audit_count(struct store *st, long *n, struct err *e)
{
	long long v;

	if (get_int(st, "SELECT count(*) FROM audit", &v, e) < 0)
		return -1;
	*n = (long)v;
	return 0;
}

/* --- snapshots --- */

static void
bind_load(struct sql_stmt *s, int i, double load, bool counted)
{
	if (!counted || isinf(load))
		sql_bind_null(s, i);
	else
		sql_bind_double(s, i, load);
}

static double
col_load(struct sql_stmt *s, int i, bool counted)
{
	if (sql_column_null(s, i))
		return counted ? INFINITY : 0.0;
	return sql_column_double(s, i);
}

static int
step_done(struct store *st, struct sql_stmt *s, struct err *e)
{
	int rc = sql_step(s);

	sql_reset(s);
	if (rc != SQL_DONE)
		return db_error(st, e, "save snapshot");
	return 0;
}

int
store_save_snapshot(struct store *st, const struct dataset *d,
    const struct week_figures *w, bool explicit, struct err *e)
{
	struct sql_stmt *old = NULL, *old_teams = NULL, *week = NULL;
	struct sql_stmt *emp = NULL, *team = NULL;
	char monday[DATE_BUF];

	date_format(w->monday, monday);
	/* The week's rows this store may see go (with rights per team, the
	 * figures of the teams one does not see stay as they were). */
	if (prepare(st, "DELETE FROM snapshot_employee WHERE monday = ?", &old,
	    e) < 0 ||
	    prepare(st, "DELETE FROM snapshot_team WHERE monday = ?", &old_teams,
	    e) < 0 ||
	    prepare(st, "INSERT INTO snapshot_week (monday, taken_by, explicit)"
	    " VALUES (?, ?, ?) ON CONFLICT (monday) DO UPDATE SET"
	    " taken_at = excluded.taken_at, taken_by = excluded.taken_by,"
	    " explicit = excluded.explicit", &week, e) < 0 ||
	    prepare(st, "INSERT INTO snapshot_employee VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &emp, e) < 0 ||
	    prepare(st, "INSERT INTO snapshot_team VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &team, e) < 0)
		goto fail;
	/* A new snapshot of the week replaces the old one, figures and all. */
	/* The week's row first: on PostgreSQL its lock makes a second
	 * snapshot of the week wait for this one, then replace it whole. */
	bind_text(week, 1, monday);
	bind_text(week, 2, st->user);
	sql_bind_int64(week, 3, explicit);
	if (step_done(st, week, e) < 0)
		goto fail;
	bind_text(old, 1, monday);
	bind_text(old_teams, 1, monday);
	if (step_done(st, old, e) < 0 || step_done(st, old_teams, e) < 0)
		goto fail;
	for (size_t i = 0; i < w->n_employees && i < d->n_employees; i++) {
		const struct employee_week *ew = &w->employees[i];
		if (!ew->counted)
			continue;
		bind_text(emp, 1, monday);
		sql_bind_int64(emp, 2, d->employees[i].id);
		sql_bind_double(emp, 3, ew->available);
		sql_bind_double(emp, 4, ew->capacity);
		sql_bind_double(emp, 5, ew->case_hours);
		sql_bind_double(emp, 6, ew->intake_hours);
		sql_bind_double(emp, 7, ew->side_hours);
		sql_bind_double(emp, 8, ew->demand);
		bind_load(emp, 9, ew->load, ew->counted);
		sql_bind_int64(emp, 10, (int)ew->status);
		sql_bind_int64(emp, 11, ew->counted);
		sql_bind_int64(emp, 12, ew->sustained);
		sql_bind_int64(emp, 13, ew->open_cases);
		sql_bind_int64(emp, 14, ew->new_cases);
		sql_bind_int64(emp, 15, ew->closed_cases);
		sql_bind_int64(emp, 16, ew->blocks);
		if (step_done(st, emp, e) < 0)
			goto fail;
	}
	for (size_t t = 0; t < w->n_teams && t < d->n_teams; t++) {
		const struct team_week *tw = &w->teams[t];
		bind_text(team, 1, monday);
		sql_bind_int64(team, 2, d->teams[t].id);
		sql_bind_double(team, 3, tw->capacity);
		sql_bind_double(team, 4, tw->demand);
		sql_bind_double(team, 5, tw->case_hours);
		sql_bind_double(team, 6, tw->intake_hours);
		sql_bind_double(team, 7, tw->side_hours);
		sql_bind_double(team, 8, tw->waiting_hours);
		sql_bind_int64(team, 9, tw->waiting_cases);
		bind_load(team, 10, tw->load, tw->counted);
		sql_bind_int64(team, 11, (int)tw->status);
		sql_bind_int64(team, 12, tw->counted);
		sql_bind_int64(team, 13, tw->sustained);
		sql_bind_int64(team, 14, tw->members);
		sql_bind_int64(team, 15, tw->by_status[LOAD_STATUS_ROOM]);
		sql_bind_int64(team, 16, tw->by_status[LOAD_STATUS_OK]);
		sql_bind_int64(team, 17, tw->by_status[LOAD_STATUS_HIGH]);
		sql_bind_int64(team, 18, tw->by_status[LOAD_STATUS_OVER]);
		sql_bind_int64(team, 19, tw->sustained_members);
		if (step_done(st, team, e) < 0)
			goto fail;
	}
	sql_finalize(old);
	sql_finalize(old_teams);
	sql_finalize(week);
	sql_finalize(emp);
	sql_finalize(team);
	return 0;
fail:
	sql_finalize(old);
	sql_finalize(old_teams);
	sql_finalize(week);
	sql_finalize(emp);
	sql_finalize(team);
	return -1;
}

int
store_forget_snapshots(struct store *st, struct err *e)
{
	return exec(st, "DELETE FROM snapshot_week WHERE explicit = 0", e,
	    "forget automatic snapshots");
}

/* A snapshot row's figures, from column 1 on (column 0 is the id). */
#define EMPLOYEE_WEEK_COLUMNS                                                 \
	"available, capacity, case_hours, intake_hours, side_hours, demand,"  \
	" load, status, counted, sustained, open_cases, new_cases,"           \
	" closed_cases, blocks"
#define TEAM_WEEK_COLUMNS                                                     \
	"capacity, demand, case_hours, intake_hours, side_hours,"             \
	" waiting_hours, waiting_cases, load, status, counted, sustained,"    \
	" members, n_room, n_ok, n_high, n_over, sustained_members"

static void
fill_employee_week(struct sql_stmt *s, struct employee_week *ew)
{
	ew->available = sql_column_double(s, 1);
	ew->capacity = sql_column_double(s, 2);
	ew->case_hours = sql_column_double(s, 3);
	ew->intake_hours = sql_column_double(s, 4);
	ew->side_hours = sql_column_double(s, 5);
	ew->demand = sql_column_double(s, 6);
	ew->counted = col_int(s, 9) != 0;
	ew->load = col_load(s, 7, ew->counted);
	ew->status = (enum load_status)col_int(s, 8);
	ew->sustained = col_int(s, 10) != 0;
	ew->open_cases = col_int(s, 11);
	ew->new_cases = col_int(s, 12);
	ew->closed_cases = col_int(s, 13);
	ew->blocks = col_int(s, 14);
}

static void
fill_team_week(struct sql_stmt *s, struct team_week *tw)
{
	tw->capacity = sql_column_double(s, 1);
	tw->demand = sql_column_double(s, 2);
	tw->case_hours = sql_column_double(s, 3);
	tw->intake_hours = sql_column_double(s, 4);
	tw->side_hours = sql_column_double(s, 5);
	tw->waiting_hours = sql_column_double(s, 6);
	tw->waiting_cases = col_int(s, 7);
	tw->counted = col_int(s, 10) != 0;
	tw->load = col_load(s, 8, tw->counted);
	tw->status = (enum load_status)col_int(s, 9);
	tw->sustained = col_int(s, 11) != 0;
	tw->members = col_int(s, 12);
	tw->by_status[LOAD_STATUS_ROOM] = col_int(s, 13);
	tw->by_status[LOAD_STATUS_OK] = col_int(s, 14);
	tw->by_status[LOAD_STATUS_HIGH] = col_int(s, 15);
	tw->by_status[LOAD_STATUS_OVER] = col_int(s, 16);
	tw->sustained_members = col_int(s, 17);
}

int
store_load_subject_snapshots(struct store *st, bool employee, int64_t id,
    int first, size_t n, struct team_week *teams,
    struct employee_week *employees, bool *found, struct err *e)
{
	struct sql_stmt *s = NULL;
	int rc;

	memset(found, 0, n * sizeof *found);
	if (n == 0)
		return 0;
	if (prepare(st, employee ?
	    "SELECT monday, " EMPLOYEE_WEEK_COLUMNS " FROM snapshot_employee"
	    " WHERE employee_id = ?1 AND monday BETWEEN ?2 AND ?3" :
	    "SELECT monday, " TEAM_WEEK_COLUMNS " FROM snapshot_team"
	    " WHERE team_id = ?1 AND monday BETWEEN ?2 AND ?3", &s, e) < 0)
		return -1;
	sql_bind_int64(s, 1, id);
	bind_date(s, 2, first);
	bind_date(s, 3, first + 7 * (int)(n - 1));
	while ((rc = sql_step(s)) == SQL_ROW) {
		int monday = col_date(s, 0);
		size_t k;
		if (monday == DATE_NONE || monday < first ||
		    (monday - first) % 7 != 0 ||
		    (k = (size_t)(monday - first) / 7) >= n)
			continue;
		if (employee)
			fill_employee_week(s, &employees[k]);
		else
			fill_team_week(s, &teams[k]);
		found[k] = true;
	}
	sql_finalize(s);
	if (rc != SQL_DONE)
		return db_error(st, e, "read snapshot");
	return 0;
}

int
store_load_snapshot_statuses(struct store *st, const struct dataset *d,
    int monday, struct week_figures *out, bool *found, struct err *e)
{
	struct sql_stmt *s = NULL;
	struct dataset_map map;
	char day[DATE_BUF];
	int rc;

	*found = false;
	memset(out, 0, sizeof *out);
	date_format(monday, day);
	if (prepare(st, "SELECT 0, employee_id, status FROM snapshot_employee"
	    " WHERE monday = ?1 UNION ALL SELECT 1, team_id, status FROM"
	    " snapshot_team WHERE monday = ?1", &s, e) < 0)
		return -1;
	bind_text(s, 1, day);
	out->monday = monday;
	out->n_employees = d->n_employees;
	out->n_teams = d->n_teams;
	out->employees = xcalloc(d->n_employees + 1, sizeof *out->employees);
	out->teams = xcalloc(d->n_teams + 1, sizeof *out->teams);
	dataset_map_start(&map, d);
	while ((rc = sql_step(s)) == SQL_ROW) {
		int64_t id = sql_column_int64(s, 1);
		enum load_status status =
		    (enum load_status)col_int(s, 2);
		long i = col_int(s, 0) == 0 ?
		    dataset_map_employee(&map, id) : -1;
		*found = true;
		if (col_int(s, 0) == 0) {
			if (i >= 0)
				out->employees[i].status = status;
		} else if ((i = dataset_team_index(d, id)) >= 0) {
			out->teams[i].status = status;
		}
	}
	dataset_map_free(&map);
	sql_finalize(s);
	if (rc != SQL_DONE) {
		workload_week_clear(out);
		*found = false;
		return db_error(st, e, "read snapshot");
	}
	if (!*found)
		workload_week_clear(out);
	return 0;
}

int
store_load_snapshot(struct store *st, const struct dataset *d, int monday,
    struct week_figures *out, bool *found, struct err *e)
{
	struct sql_stmt *s = NULL;
	char day[DATE_BUF];
	int rc;

	*found = false;
	memset(out, 0, sizeof *out);
	date_format(monday, day);
	if (prepare(st, "SELECT count(*) FROM snapshot_week WHERE monday = ?",
	    &s, e) < 0)
		return -1;
	bind_text(s, 1, day);
	rc = sql_step(s);
	*found = rc == SQL_ROW && col_int(s, 0) > 0;
	sql_finalize(s);
	if (rc != SQL_ROW)
		return db_error(st, e, "read snapshot");
	if (!*found)
		return 0;

	out->monday = monday;
	out->n_employees = d->n_employees;
	out->n_teams = d->n_teams;
	out->employees = xcalloc(d->n_employees + 1, sizeof *out->employees);
	out->teams = xcalloc(d->n_teams + 1, sizeof *out->teams);
	struct dataset_map map;
	dataset_map_start(&map, d);
	if (prepare(st, "SELECT employee_id, " EMPLOYEE_WEEK_COLUMNS
	    " FROM snapshot_employee WHERE monday = ?", &s, e) < 0)
		goto fail;
	bind_text(s, 1, day);
	while ((rc = sql_step(s)) == SQL_ROW) {
		/* Someone deleted since the snapshot is no longer shown. */
		long i = dataset_map_employee(&map, sql_column_int64(s, 0));
		struct employee_week *ew;
		if (i < 0)
			continue;
		ew = &out->employees[i];
		fill_employee_week(s, ew);
	}
	sql_finalize(s);
	s = NULL;
	dataset_map_free(&map);
	if (rc != SQL_DONE) {
		db_error(st, e, "read snapshot");
		goto fail;
	}
	if (prepare(st, "SELECT team_id, " TEAM_WEEK_COLUMNS
	    " FROM snapshot_team WHERE monday = ?", &s, e) < 0)
		goto fail;
	bind_text(s, 1, day);
	while ((rc = sql_step(s)) == SQL_ROW) {
		long t = dataset_team_index(d, sql_column_int64(s, 0));
		struct team_week *tw;
		if (t < 0)
			continue;
		tw = &out->teams[t];
		fill_team_week(s, tw);
	}
	sql_finalize(s);
	if (rc != SQL_DONE) {
		db_error(st, e, "read snapshot");
		goto fail_clear;
	}
	return 0;
fail:
	sql_finalize(s);
fail_clear:
	workload_week_clear(out);
	*found = false;
	return -1;
}

/* Collect the rows of a check pragma into e; "ok" alone means healthy. */
static int
collect_check(struct store *st, const char *sql, char *buf, size_t size,
    size_t *len, int *problems, struct err *e)
{
	struct sql_stmt *s;
	int rc;

	if (prepare(st, sql, &s, e) < 0)
		return -1;
	while ((rc = sql_step(s)) == SQL_ROW) {
		char line[512];
		int cols = sql_column_count(s);
		size_t l = 0;

		line[0] = '\0';
		for (int i = 0; i < cols && l < sizeof line; i++) {
			const char *v = sql_column_text(s, i);
			l += (size_t)snprintf(line + l, sizeof line - l, "%s%s",
			    i ? " " : "", v ? (const char *)v : "NULL");
		}
		if (strcmp(line, "ok") == 0)
			continue;
		(*problems)++;
		if (*len < size)
			*len += (size_t)snprintf(buf + *len, size - *len,
			    "%s%s", *len ? "; " : "", line);
	}
	sql_finalize(s);
	if (rc != SQL_DONE)
		return db_error(st, e, "check");
	return 0;
}

int
store_check(struct store *st, struct err *e)
{
	char buf[900];
	size_t len = 0;
	int problems = 0;

	/* the server checks its pages and keys itself, always */
	if (st->pg)
		return 0;
	buf[0] = '\0';
	if (collect_check(st, "PRAGMA integrity_check", buf, sizeof buf, &len,
	    &problems, e) < 0)
		return -1;
	if (collect_check(st, "PRAGMA foreign_key_check", buf, sizeof buf,
	    &len, &problems, e) < 0)
		return -1;
	if (problems)
		return err_set(e, "%s: %d problem%s: %s", st->path, problems,
		    problems == 1 ? "" : "s", buf);
	return 0;
}

static bool
owns_path(const struct store *st, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct stat target, ours;
	char name[4096 + 16];

	/* stat follows symlinks and sees through any spelling of the path. */
	if (stat(path, &target) < 0)
		return false;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", st->path, suffixes[i]);
		if (stat(name, &ours) == 0 && target.st_dev == ours.st_dev &&
		    target.st_ino == ours.st_ino)
			return true;
	}
	snprintf(name, sizeof name, "%s-wal", path);
	return access(name, F_OK) == 0;
}

int
store_check_target(const struct store *st, const char *path, struct err *e)
{
	if (!owns_path(st, path))
		return 0;
	return err_setx(e, EXIT_CANTCREAT, "%s is a database in use (this "
	    "one, or one with a -wal file beside it); it is never replaced: "
	    "choose another file name", path);
}

int
store_backup(struct store *st, const char *path, struct err *e)
{
	int64_t size = 0;
	unsigned char *image;
	struct afile f;
	ssize_t n;

	if (store_check_target(st, path, e) < 0)
		return -1;
	/* A consistent image of the database as of one read transaction,
	 * into an unnamed 0600 file: nobody else can read it while it is
	 * written, and a kill leaves nothing behind. */
	if (st->pg)
		return err_setx(e, EXIT_USAGE, "backup copies an SQLite file; "
		    "the %s is backed up with pg_dump", st->path);
	if (sql_image(st->db, &image, &size) < 0)
		return db_error(st, e, "backup");
	/* Bytes 18 and 19 say WAL; the copy is a plain file of its own. */
	if (size > 19)
		image[18] = image[19] = 1;
	if (afile_open(&f, path, 0600, e) < 0) {
		sql_free_image(st->db, image);
		return -1;
	}
	for (int64_t done = 0; done < size; done += n) {
		if ((n = write(f.fd, image + done, (size_t)(size - done))) < 0) {
			err_setx(e, EXIT_IOERR, "%s: cannot write the backup "
			    "there (%s)", path, strerror(errno));
			sql_free_image(st->db, image);
			afile_abort(&f);
			return -1;
		}
	}
	sql_free_image(st->db, image);
	return afile_commit(&f, e);
}

/* --- rights per team (PostgreSQL) --- */

static int
need_server(const struct store *st, const char *what, struct err *e)
{
	if (st->pg)
		return 0;
	return err_setx(e, EXIT_USAGE, "%s: rights per team need a "
	    "PostgreSQL database; an SQLite file has none (everyone who may "
	    "open it may change every team)", what);
}

/* The codes as a text[] literal, {"CEN","NRD"}, each quoted. */
static char *
text_array(const char *const *items, size_t n)
{
	struct schema_text q = { 0 };

	schema_add(&q, "{");
	for (size_t i = 0; i < n; i++) {
		schema_add(&q, i ? ",\"" : "\"");
		for (const char *p = items[i]; *p; p++) {
			char c[3] = { '\\', *p, '\0' };
			schema_add(&q, *p == '"' || *p == '\\' ? c : c + 1);
		}
		schema_add(&q, "\"");
	}
	schema_add(&q, "}");
	return q.s;
}

/* Run the rights function call sql — ?1 the login, then role (unless
 * NULL), then the teams as a text[] — in a transaction of its own. */
static int
run_rights(struct store *st, const char *what, const char *sql,
    const char *login, const char *role, const char *const *teams, size_t n,
    struct err *e)
{
	struct sql_stmt *s = NULL;
	char *codes;
	int rc, i = 1;

	if (need_server(st, what, e) < 0 || exec(st, "BEGIN", e, what) < 0)
		return -1;
	if (prepare(st, sql, &s, e) < 0)
		goto fail;
	codes = text_array(teams, n);
	bind_text(s, i++, login);
	if (role != NULL)
		bind_text(s, i++, role);
	bind_text(s, i, codes);
	rc = sql_step(s);
	sql_finalize(s);
	free(codes);
	if (rc == SQL_FAIL) {
		db_error(st, e, what);
		goto fail;
	}
	return store_commit(st, e);
fail:
	store_rollback(st);
	return -1;
}

int
store_grant(struct store *st, const char *login, const char *role,
    const char *const *teams, size_t n, struct err *e)
{
	return run_rights(st, "grant", "SELECT wl_grant(?, ?, ?::text[])",
	    login, role, teams, n, e);
}

int
store_revoke(struct store *st, const char *login, const char *const *teams,
    size_t n, struct err *e)
{
	return run_rights(st, "revoke", "SELECT wl_revoke(?, ?::text[])", login,
	    NULL, teams, n, e);
}

int
store_rights(struct store *st, struct store_right **out, size_t *n,
    struct err *e)
{
	struct sql_stmt *s = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (need_server(st, "grant", e) < 0)
		return -1;
	/* the owner first: an admin by owning the tables */
	if (prepare(st, "SELECT (SELECT tableowner FROM pg_tables WHERE"
	    " schemaname = current_schema() AND tablename = 'team'), 'admin',"
	    " '', 0 UNION ALL SELECT login, role, coalesce(string_agg(team.code,"
	    " ', ' ORDER BY team.code), ''), 1 FROM access LEFT JOIN team ON"
	    " team.id = access.team_id GROUP BY login, role ORDER BY 4, 1",
	    &s, e) < 0)
		return -1;
	while ((rc = sql_step(s)) == SQL_ROW) {
		struct store_right *r;
		XGROW(*out, cap, *n + 1);
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		col_text(s, 0, r->login, sizeof r->login);
		col_text(s, 1, r->role, sizeof r->role);
		col_text(s, 2, r->teams, sizeof r->teams);
		r->owner = sql_column_int64(s, 3) == 0;
	}
	sql_finalize(s);
	if (rc != SQL_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_error(st, e, "read the rights");
	}
	return 0;
}

/* --- copying a database (wijklast migrate) --- */

/* Every table in an order its foreign keys allow, with its columns and
 * their kinds: i integer, r real (copied as a double, never as text),
 * t text. */
static const struct {
	const char *table;
	const char *cols;
	const char *kinds;
	const char *order;
} copied[] = {
	{ "team", "id, code, name, area, version", "ittti", "id" },
	{ "rota", "id, team_id, weekday, part, hours, version", "iiitri",
		"id" },
	{ "employee", "id, code, name, team_id, discipline, contract_hours,"
		" workdays, start_date, end_date, version", "ittitritti", "id" },
	{ "absence", "id, employee_id, start_date, end_date, percent, reason,"
		" version", "iittiti", "id" },
	{ "activity", "id, employee_id, name, kind, hours_per_week,"
		" start_date, end_date, version", "iittrtti", "id" },
	{ "block", "id, team_id, date, part, hours, employee_id, locked,"
		" version", "iittriii", "id" },
	{ "cases", "id, ref, team_id, employee_id, type, phase, opened,"
		" closed, origin_block, cover_from, version", "itiittttiii",
		"id" },
	{ "audit", "id, at, \"user\", txn, tbl, row_id, action, old, new",
		"ittitittt", "id" },
	{ "change_log", "txn, \"user\", at, kind, reverts", "ittti", "txn" },
	{ "snapshot_week", "monday, taken_at, taken_by, explicit", "ttti",
		"monday" },
	{ "snapshot_employee", "monday, employee_id, available, capacity,"
		" case_hours, intake_hours, side_hours, demand, load, status,"
		" counted, sustained, open_cases, new_cases, closed_cases,"
		" blocks", "tirrrrrrriiiiiii", "monday, employee_id" },
	{ "snapshot_team", "monday, team_id, capacity, demand, case_hours,"
		" intake_hours, side_hours, waiting_hours, waiting_cases, load,"
		" status, counted, sustained, members, n_room, n_ok, n_high,"
		" n_over, sustained_members", "tirrrrrrir" "iiiiiiiii",
		"monday, team_id" },
};
#define N_COPIED (sizeof copied / sizeof copied[0])

/* The rows of table k into to, as they are (ids, versions and all). */
static int
copy_table(struct store *from, struct store *to, size_t k, long long *rows,
    struct err *e)
{
	const char *kinds = copied[k].kinds;
	size_t n_cols = strlen(kinds);
	struct schema_text q = { 0 };
	struct sql_stmt *in = NULL, *out = NULL;
	char *select;
	int rc;

	select = xasprintf("SELECT %s FROM %s ORDER BY %s", copied[k].cols,
	    copied[k].table, copied[k].order);
	schema_add(&q, "INSERT INTO ");
	schema_add(&q, copied[k].table);
	schema_add(&q, " (");
	schema_add(&q, copied[k].cols);
	schema_add(&q, ") VALUES (");
	for (size_t c = 0; c < n_cols; c++)
		schema_add(&q, c ? ", ?" : "?");
	schema_add(&q, ")");
	rc = prepare(from, select, &in, e) < 0 ||
	    sql_prepare(to->db, q.s, true, &out) < 0 ? -1 : 0;
	free(select);
	free(q.s);
	if (rc < 0) {
		if (in != NULL)
			db_error(to, e, "copy");
		goto done;
	}
	*rows = 0;
	while ((rc = sql_step(in)) == SQL_ROW) {
		for (size_t c = 0; c < n_cols; c++) {
			int i = (int)c;
			if (sql_column_null(in, i))
				sql_bind_null(out, i + 1);
			else if (kinds[c] == 'i')
				sql_bind_int64(out, i + 1,
				    sql_column_int64(in, i));
			else if (kinds[c] == 'r')
				sql_bind_double(out, i + 1,
				    sql_column_double(in, i));
			else
				sql_bind_text(out, i + 1,
				    sql_column_text(in, i));
		}
		if (sql_step(out) == SQL_FAIL) {
			char what[64];
			snprintf(what, sizeof what, "copy %s",
			    copied[k].table);
			db_error(to, e, what);
			rc = SQL_FAIL;
			goto done;
		}
		sql_reset(out);
		(*rows)++;
	}
	if (rc != SQL_DONE)
		db_error(from, e, "copy");
done:
	sql_finalize(in);
	sql_finalize(out);
	return rc == SQL_DONE ? 0 : -1;
}

int
store_copy(struct store *from, struct store *to, struct store_count *counts,
    struct err *e)
{
	char *triggers;
	bool empty;
	int rc;

	if (store_is_empty(to, &empty, e) < 0)
		return -1;
	if (!empty)
		return err_setx(e, EXIT_CANTCREAT, "%s already holds data; a "
		    "copy goes only into an empty database", to->path);
	/* one read of the source, one transaction in the target: all or
	 * nothing */
	if (exec(from, begin_read(from), e, "copy") < 0)
		return -1;
	if (exec(to, to->pg ? "BEGIN" : "BEGIN IMMEDIATE", e, "copy") < 0)
		goto fail;
	/* the audit comes along as it was: the triggers write none (SQLite's
	 * are made again at the end, in the same transaction) */
	triggers = schema_sqlite_triggers(false);
	rc = exec(to, to->pg ? "SET LOCAL wijklast.copy = on" : triggers, e,
	    "copy");
	free(triggers);
	if (rc < 0)
		goto fail;
	for (size_t k = 0; k < N_COPIED; k++) {
		snprintf(counts[k].table, sizeof counts[k].table, "%s",
		    copied[k].table);
		if (copy_table(from, to, k, &counts[k].rows, e) < 0)
			goto fail;
	}
	if (!to->pg) {
		triggers = schema_sqlite_triggers(true);
		rc = exec(to, triggers, e, "copy");
		free(triggers);
		if (rc < 0 || store_commit(to, e) < 0)
			goto fail;
		exec(from, "COMMIT", NULL, "copy");
		return 0;
	}
	/* whose data each copied audit row was, for who may read it */
	if (exec(to, "UPDATE audit SET team_id = CASE tbl"
	    " WHEN 'team' THEN row_id"
	    " WHEN 'absence' THEN (SELECT team_id FROM employee WHERE id ="
	    "  (coalesce(new, old)->>'employee_id')::bigint)"
	    " WHEN 'activity' THEN (SELECT team_id FROM employee WHERE id ="
	    "  (coalesce(new, old)->>'employee_id')::bigint)"
	    " ELSE (coalesce(new, old)->>'team_id')::bigint END", e,
	    "copy") < 0)
		goto fail;
	/* new ids and audit groups after the copied ones */
	if (exec(to, "SELECT setval(pg_get_serial_sequence(t, 'id'),"
	    " greatest(m, 1), m > 0) FROM (VALUES"
	    " ('team', (SELECT max(id) FROM team)),"
	    " ('rota', (SELECT max(id) FROM rota)),"
	    " ('employee', (SELECT max(id) FROM employee)),"
	    " ('absence', (SELECT max(id) FROM absence)),"
	    " ('activity', (SELECT max(id) FROM activity)),"
	    " ('block', (SELECT max(id) FROM block)),"
	    " ('cases', (SELECT max(id) FROM cases)),"
	    " ('audit', (SELECT max(id) FROM audit))) v(t, m0),"
	    " LATERAL (SELECT coalesce(m0, 0) AS m) c;"
	    "SELECT setval('wijklast_txn', greatest(m, 1), m > 0) FROM"
	    " (SELECT coalesce(greatest((SELECT max(txn) FROM audit),"
	    " (SELECT max(txn) FROM change_log)), 0) AS m) c", e, "copy") < 0)
		goto fail;
	if (store_commit(to, e) < 0)
		goto fail;
	exec(from, "COMMIT", NULL, "copy");
	/* the planner's statistics and the visibility map of what came in
	 * at once: without them the first reads scan instead of looking up
	 * (best effort: the copy is complete either way) */
	exec(to, "VACUUM ANALYZE", NULL, "copy");
	return 0;
fail:
	store_rollback(to);
	store_rollback(from);
	return -1;
}

int
store_count_rows(struct store *st, struct store_count *counts,
    struct err *e)
{
	for (size_t k = 0; k < N_COPIED; k++) {
		char *sql = xasprintf("SELECT count(*) FROM %s",
		    copied[k].table);
		int rc = get_int(st, sql, &counts[k].rows, e);
		free(sql);
		if (rc < 0)
			return -1;
		snprintf(counts[k].table, sizeof counts[k].table, "%s",
		    copied[k].table);
	}
	return 0;
}
