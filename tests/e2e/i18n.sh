# The Dutch catalogue is complete: every user-visible string in the sources
# has a Dutch translation (none missing, none fuzzy), and the CLI speaks
# Dutch when asked.
set -eu
src=${WIJKLAST_SRC:?}
W=${WIJKLAST:?}
xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 -kngettext:1,2 -o wijklast.pot \
    "$src"/src/*.c
msgmerge -q --no-fuzzy-matching "$src/po/nl.po" wijklast.pot -o merged.po
missing=$(msgattrib --untranslated merged.po | grep -c '^msgid' || true)
fuzzy=$(msgattrib --only-fuzzy merged.po | grep -c '^msgid' || true)
if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
	echo "po/nl.po: $missing untranslated, $fuzzy fuzzy:"
	msgattrib --untranslated merged.po | grep -A1 '^msgid' | head -40
	exit 1
fi
LANGUAGE=nl "$W" --help | grep -q '^Gebruik:'
# A build that is not installed finds its catalogue beside the binary.
env -u WIJKLAST_LOCALEDIR LANGUAGE=nl "$W" --help | grep -q '^Gebruik:'
set +e
LANGUAGE=nl "$W" --db ./nothere.db report 2>err
set -e
grep -q 'die database bestaat niet' err
echo "i18n: catalogue complete"
