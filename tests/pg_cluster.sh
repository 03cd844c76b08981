# A throw-away PostgreSQL cluster for the tests (issue 13): initdb in a
# temporary folder, run by an unprivileged user (nobody when we are root:
# PostgreSQL refuses root), listening only on a Unix socket in that folder.
# Sourced by the test scripts:
#   . tests/pg_cluster.sh
#   pg_start            # sets PGHOST, PGPORT, PGUSER=owner, PGDATABASE=postgres
#   pg_db NAME          # a fresh database; prints its connection string
#   pg_restart          # stop and start the server (a restart)
#   pg_down, pg_up      # the same in two steps
#   pg_stop             # also from a trap: stops it, removes the folder
# The cluster's superuser is "owner", trusted on the socket: the tests make
# logins for rights with `wijklast grant`.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir=

pg_as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	[ -x "$pg_bin/initdb" ] || {
		echo "pg_cluster: no PostgreSQL server here (Debian package" \
		    "postgresql; scripts/deps check installs it)" >&2
		return 1
	}
	pg_dir=$(mktemp -d /tmp/wijklast-pg.XXXXXX)
	chmod 755 "$pg_dir"
	[ "$(id -u)" = 0 ] && chown nobody "$pg_dir"
	pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U owner --auth=trust \
	    --no-sync -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || {
		cat "$pg_dir/initdb.log" >&2
		return 1
	}
	# port: any free-looking one; the socket lives in our folder anyway
	PGPORT=$((20000 + $$ % 20000))
	export PGHOST="$pg_dir" PGPORT PGUSER=owner PGDATABASE=postgres
	_pg_up
}

_pg_up() {
	pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
	    -t 30 -o "-k $pg_dir -c listen_addresses='' -p $PGPORT -c fsync=off \
	    -c full_page_writes=off \
	    -c max_connections=60" start >/dev/null || {
		cat "$pg_dir/server.log" >&2
		return 1
	}
}

# the server down (its connections cut, as a restart does) and up again
pg_down() {
	pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null
}
pg_up() { _pg_up; }
pg_restart() { pg_down && _pg_up; }

pg_db() {
	"$pg_bin/psql" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$1\"" \
	    >/dev/null || return 1
	echo "postgresql:///$1?host=$pg_dir&port=$PGPORT&user=owner"
}

pg_psql() {
	"$pg_bin/psql" -qAt -v ON_ERROR_STOP=1 "$@"
}

pg_stop() {
	[ -n "$pg_dir" ] || return 0
	pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop \
	    >/dev/null 2>&1
	rm -rf "$pg_dir"
	pg_dir=
}

# In a script tests/run-all runs with the cluster started: its folder, for
# pg_db, pg_psql and pg_restart (pg_stop is the caller's).
pg_attach() {
	: "${PGHOST:?run from tests/run-all, which starts the cluster}"
	pg_dir=$PGHOST
}
