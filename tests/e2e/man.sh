# The manuals are lint-clean mdoc (NOTES.md: -W warning, not style notes).
set -eu
src=${WIJKLAST_SRC:?}
for page in "$src/man/wijklast.1" "$src/man/wijklast.cfg.5"; do
	out=$(mandoc -T lint -W warning "$page" 2>&1) || true
	if [ -n "$out" ]; then
		echo "$out"
		exit 1
	fi
	# And they render.
	mandoc -T utf8 "$page" | grep -q wijklast
done
echo "man: lint clean"
