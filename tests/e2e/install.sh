# make install with PREFIX and DESTDIR puts the binary, both manuals, the
# sample config and the Dutch catalogue in place, and the installed binary runs.
set -eu
src=${WIJKLAST_SRC:?}
stage=$PWD/stage
make -s -C "$src" BUILD="${WIJKLAST_BUILD:?}" SAN="${SAN:-}" install \
    DESTDIR="$stage" \
    PREFIX=/usr SYSCONFDIR=/etc >/dev/null
for f in usr/bin/wijklast usr/share/man/man1/wijklast.1 \
    usr/share/man/man5/wijklast.cfg.5 etc/wijklast/wijklast.cfg.sample \
    usr/share/locale/nl/LC_MESSAGES/wijklast.mo; do
	[ -f "$stage/$f" ] || { echo "missing $f"; exit 1; }
done
"$stage/usr/bin/wijklast" --version | grep -q '^wijklast '
cmp "$src/config/wijklast.cfg" "$stage/etc/wijklast/wijklast.cfg.sample"
echo "install: ok"
