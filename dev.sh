#!/bin/sh
# The README's two commands, for a fresh Debian 12 that has no make yet:
#   ./dev.sh run     install what building and running needs, open the demo
#   ./dev.sh check   install what testing needs too, run every test
# As root it installs the missing packages; as anyone else it prints the line
# to run as root (scripts/deps). Further arguments go to make.
set -eu
cd "$(dirname "$0")"
case ${1-} in
run | check) ;;
*)
	echo "usage: ./dev.sh run|check [make arguments]" >&2
	exit 2
	;;
esac
target=$1
shift
./scripts/deps "$target"
exec make "$target" "$@"
