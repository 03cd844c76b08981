#!/bin/sh
# wijklast init (issue 13, SQLite shared by a group): a plain init makes a
# private empty database; --shared GROUP makes its folder the group's and
# setgid (2770) and the database the group's, mode 0660 — the -wal and -shm
# files SQLite makes while it is open too. A group that does not exist, or
# a folder that is there but not shared, is refused with nothing changed.
# The files' group is the test user's own group, so it runs as any user.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"
group=$(id -gn)

"$WIJKLAST" --db ./private.db init >out || fail "plain init"
grep -q "an empty database" out || fail "plain init says: $(cat out)"
[ "$(stat -c %a private.db)" = 600 ] || fail "private.db is not 0600"
"$WIJKLAST" --db ./private.db init >out || fail "init again"
grep -q "already" out || fail "init again says: $(cat out)"
"$WIJKLAST" --db ./private.db check >/dev/null || fail "the schema is there"

"$WIJKLAST" --db ./team/w.db init --shared "$group" >out ||
    fail "init --shared: $(cat out)"
grep -q "shared by group $group" out || fail "init --shared says: $(cat out)"
[ "$(stat -c '%a %G' team)" = "2770 $group" ] ||
    fail "the folder: $(stat -c '%a %G' team)"
[ "$(stat -c '%a %G' team/w.db)" = "660 $group" ] ||
    fail "the database: $(stat -c '%a %G' team/w.db)"

# in use, as a colleague would have it: the -wal and -shm files too
ln -s team/w.db demo.db
"$WIJKLAST" --db ./team/w.db demo >/dev/null || fail "demo into it"
start 80 24
wait_for "Overview"
for f in team/w.db-wal team/w.db-shm; do
	[ -e "$f" ] || fail "$f is not there while the TUI has it open"
	[ "$(stat -c '%a %G' "$f")" = "660 $group" ] ||
	    fail "$f: $(stat -c '%a %G' "$f")"
done
keys q
wait_for "EXIT=0"

# refused, nothing changed
set +e
"$WIJKLAST" --db ./other/w.db init --shared no-such-group-xyz 2>err
rc1=$?
mkdir -m 755 plain
"$WIJKLAST" --db ./plain/w.db init --shared "$group" 2>>err
rc2=$?
set -e
[ $rc1 -eq 64 ] || fail "an unknown group: exit $rc1"
[ $rc2 -eq 73 ] || fail "a folder that is not shared: exit $rc2"
[ ! -e other ] || fail "the unknown group's folder was made"
[ "$(stat -c %a plain)" = 755 ] || fail "the plain folder was changed"
[ ! -e plain/w.db ] || fail "a database went into the plain folder"
grep -q 'there is no group "no-such-group-xyz"' err || fail "message 1"
grep -q "is not a shared folder of group $group" err || fail "message 2"
"$WIJKLAST" --db ./x.db report --shared "$group" 2>err && fail "--shared elsewhere"
grep -q -- "--shared goes with init" err || fail "--shared elsewhere says"
echo "init_shared: private, shared (folder 2770, files 0660), refusals: ok"
