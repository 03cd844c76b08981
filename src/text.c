/* text: see include/text.h. UTF-8 is decoded here, strictly (no overlongs,
 * surrogates or code points past U+10FFFF), so widths do not depend on the
 * multibyte functions of the locale; only wcwidth asks LC_CTYPE. */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

/* Decode the character at s into *cp; returns its length in bytes (at least
 * 1), with *cp = -1 for a byte that does not start a valid sequence. */
static int
decode(const char *str, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	int32_t c, min;
	int n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	for (int i = 1; i < n; i++) {
		/* Stops at the NUL too: it is not a continuation byte. */
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return n;
}

/* Combining diacritics, for when wcwidth knows nothing (the C locale). */
static bool
is_combining(int32_t c)
{
	return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe20 && c <= 0xfe2f);
}

/* Would c, written to a terminal or into a document, do something else than
 * show itself? Invalid bytes (-1), C0 and C1 controls with ESC, DEL, and the
 * bidi controls that reorder what follows (U+200E/F, U+202A-U+202E,
 * U+2066-U+2069). */
static bool
is_unsafe(int32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x200e ||
	    c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, one column */

static int
cp_width(int32_t c)
{
	int w;

	if (is_unsafe(c))
		return 1; /* shown as REPLACEMENT */
	w = wcwidth((wchar_t)c);
	if (w >= 0)
		return w;
	return is_combining(c) ? 0 : 1;
}

int
text_width(const char *s)
{
	int32_t c;
	int w = 0;

	while (*s) {
		s += decode(s, &c);
		w += cp_width(c);
	}
	return w;
}

/* Appends to a buffer; once something does not fit, nothing more is added,
 * so the result is a prefix cut at a character boundary. */
struct sink {
	char *p;
	size_t left; /* bytes free, not counting the NUL */
	bool full;
};

static void
put(struct sink *k, const char *b, size_t n)
{
	if (k->full || n > k->left) {
		k->full = true;
		return;
	}
	memcpy(k->p, b, n);
	k->p += n;
	k->left -= n;
}

static void
put_spaces(struct sink *k, int n)
{
	while (n-- > 0)
		put(k, " ", 1);
}

char *
text_fit(char *buf, size_t size, const char *s, int width, bool right_align)
{
	struct sink k = { buf, size ? size - 1 : 0, false };
	const char *end = s + strlen(s);
	int used = text_width(s);
	bool cut = used > width;
	int32_t c;
	int n;

	if (size == 0)
		return buf;
	if (width <= 0) {
		buf[0] = '\0';
		return buf;
	}
	if (cut) {
		/* Keep what fits before the ellipsis; a wide character that
		 * would straddle it goes, and a space takes its place. */
		used = 0;
		for (end = s; *end; end += n) {
			n = decode(end, &c);
			if (used + cp_width(c) > width - 1)
				break;
			used += cp_width(c);
		}
		used++;
	}
	if (right_align)
		put_spaces(&k, width - used);
	for (const char *p = s; p < end; p += n) {
		n = decode(p, &c);
		if (is_unsafe(c))
			put(&k, REPLACEMENT, strlen(REPLACEMENT));
		else
			put(&k, p, (size_t)n);
	}
	if (cut)
		put(&k, ELLIPSIS, strlen(ELLIPSIS));
	if (!right_align)
		put_spaces(&k, width - used);
	*k.p = '\0';
	return buf;
}

char *
text_sanitize(char *buf, size_t size, const char *s)
{
	struct sink k = { buf, size ? size - 1 : 0, false };
	int32_t c;
	int n;

	if (size == 0)
		return buf;
	for (; *s && !k.full; s += n) {
		n = decode(s, &c);
		if (is_unsafe(c))
			put(&k, REPLACEMENT, strlen(REPLACEMENT));
		else
			put(&k, s, (size_t)n);
	}
	*k.p = '\0';
	return buf;
}

/* Latin-1 letters U+00C0 .. U+00FF and Latin Extended-A U+0100 .. U+017F
 * without their accents. */
static const char latin1[] =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char latin_ext_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLl"
    "NnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* The ASCII stand-in of one character of width 1, or 0 for none. */
static char
ascii_of(int32_t c)
{
	static const struct {
		int32_t from, to;
		char ascii;
	} ranges[] = {
		{ 0x00a0, 0x00a0, ' ' }, { 0x00ab, 0x00ab, '<' },
		{ 0x00b0, 0x00b0, 'o' }, { 0x00b7, 0x00b7, '.' },
		{ 0x00bb, 0x00bb, '>' }, { 0x0218, 0x0218, 'S' },
		{ 0x0219, 0x0219, 's' }, { 0x021a, 0x021a, 'T' },
		{ 0x021b, 0x021b, 't' }, { 0x2010, 0x2015, '-' },
		{ 0x2018, 0x201b, '\'' }, { 0x201c, 0x201f, '"' },
		{ 0x2022, 0x2022, '*' }, { 0x2026, 0x2026, '.' },
		{ 0x20ac, 0x20ac, 'E' }, { 0x2190, 0x2190, '<' },
		{ 0x2191, 0x2191, '^' }, { 0x2192, 0x2192, '>' },
		{ 0x2193, 0x2193, 'v' }, { 0x2212, 0x2212, '-' },
		{ 0x2264, 0x2264, '<' }, { 0x2265, 0x2265, '>' },
		{ 0x2500, 0x2501, '-' }, { 0x2502, 0x2503, '|' },
		{ 0x2504, 0x2505, '-' }, { 0x2506, 0x2507, '|' },
		{ 0x2508, 0x2509, '-' }, { 0x250a, 0x250b, '|' },
		{ 0x250c, 0x257f, '+' }, { 0x2580, 0x2593, '#' },
		{ 0x25b2, 0x25b5, '^' }, { 0x25bc, 0x25bf, 'v' },
		{ 0x25cb, 0x25cb, 'o' }, { 0x25cf, 0x25cf, '*' },
		{ 0x2713, 0x2714, '+' },
	};

	if (c >= 0x20 && c < 0x7f)
		return (char)c;
	if (c >= 0xc0 && c <= 0xff)
		return latin1[c - 0xc0];
	if (c >= 0x100 && c <= 0x17f)
		return latin_ext_a[c - 0x100];
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i].from && c <= ranges[i].to)
			return ranges[i].ascii;
	return 0;
}

char *
text_to_ascii(char *buf, size_t size, const char *s)
{
	struct sink k = { buf, size ? size - 1 : 0, false };
	int32_t c;

	if (size == 0)
		return buf;
	while (*s) {
		s += decode(s, &c);
		int w = cp_width(c);
		char a = w == 1 ? ascii_of(c) : 0;
		if (a != 0)
			put(&k, &a, 1);
		else
			while (w-- > 0)
				put(&k, "?", 1);
	}
	*k.p = '\0';
	return buf;
}

bool
text_is_clean_utf8(const char *s)
{
	int32_t c;

	while (*s) {
		s += decode(s, &c);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
			return false;
	}
	return true;
}

static bool
is_space(char c)
{
	/* Not isspace: that depends on the locale. */
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

char *
text_trim(char *s)
{
	size_t start = 0, end = strlen(s);

	while (start < end && is_space(s[start]))
		start++;
	while (end > start && is_space(s[end - 1]))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

int
text_parse_decimal(const char *s, double *out)
{
	char num[64];
	size_t len, i = 0;
	int ndigits = 0, nseps = 0;
	locale_t c_locale;
	double v;
	char *end;

	while (is_space(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof num)
		return -1;
	memcpy(num, s, len);
	num[len] = '\0';

	/* Check the syntax first: strtod alone would take "inf", "1e999",
	 * hex and the locale's grouping. */
	if (num[0] == '-' || num[0] == '+')
		i++;
	for (; i < len; i++) {
		if (num[i] >= '0' && num[i] <= '9') {
			ndigits++;
		} else if (num[i] == '.' || num[i] == ',') {
			num[i] = '.';
			nseps++;
		} else {
			return -1;
		}
	}
	if (ndigits == 0 || nseps > 1)
		return -1;

	/* The point is a point whatever LC_NUMERIC says. */
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_locale == (locale_t)0)
		return -1;
	v = strtod_l(num, &end, c_locale);
	freelocale(c_locale);
	if (*end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

char *
text_format_decimal(char *buf, size_t size, double value, int decimals,
    bool decimal_comma)
{
	locale_t c_locale, old = (locale_t)0;
	char *p;

	if (size == 0)
		return buf;
	if (decimals < 0)
		decimals = 0;
	/* Print in the C locale, so the separator is '.', then swap it. */
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_locale != (locale_t)0)
		old = uselocale(c_locale);
	snprintf(buf, size, "%.*f", decimals, value);
	if (c_locale != (locale_t)0) {
		uselocale(old);
		freelocale(c_locale);
	}
	if (decimal_comma && (p = strchr(buf, '.')) != NULL)
		*p = ',';
	/* -0.04 rounds to "-0.0": nobody wants to read a negative zero. */
	if (buf[0] == '-' && strspn(buf + 1, "0.,") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}

char *
text_format_count(char *buf, size_t size, size_t n, bool decimal_comma)
{
	char digits[32];
	size_t len, k = 0;

	if (size == 0)
		return buf;
	len = (size_t)snprintf(digits, sizeof digits, "%zu", n);
	for (size_t i = 0; i < len && k + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[k++] = decimal_comma ? '.' : ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

bool
text_is_bsn(const char *s)
{
	int sum = 0;

	for (int i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		sum += (i < 8 ? 9 - i : -1) * (s[i] - '0');
	}
	return s[9] == '\0' && sum % 11 == 0;
}

bool
text_equal_nocase(const char *a, const char *b)
{
	/* ASCII only: tolower would follow the locale. */
	for (;; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
		char y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;

		if (x != y)
			return false;
		if (x == '\0')
			return true;
	}
}

/* --- names in Dutch order --- */

/* Longest folded key kept; longer names are told apart by their bytes. */
#define NAME_KEY 512

/* Dutch tussenvoegsels, and the foreign ones Dutch registers know, folded. */
static const char *const name_prefixes[] = {
	"'s", "'t", "aan", "af", "bij", "d'", "da", "dal", "de", "del",
	"della", "den", "der", "des", "di", "do", "dos", "du", "het", "in",
	"l'", "la", "le", "les", "lo", "onder", "op", "over", "te", "ten",
	"ter", "tot", "uit", "uijt", "van", "vande", "vanden", "vander",
	"voor", "vom", "von", "zu", "zum", "zur",
};

/* Append the folded form of the character c to k: lower case ASCII with
 * the accents off, a space for a word break, nothing for punctuation; a
 * character of another script as its UTF-8 bytes src[0 .. n-1]. */
static void
fold_char(struct sink *k, int32_t c, const char *src, int n,
    bool keep_apostrophe)
{
	static const struct {
		int32_t c;
		const char *s;
	} multi[] = {
		{ 0xc6, "ae" }, { 0xe6, "ae" }, { 0xdf, "ss" }, { 0x132, "ij" },
		{ 0x133, "ij" }, { 0x152, "oe" }, { 0x153, "oe" },
	};
	char a;

	for (size_t i = 0; i < sizeof multi / sizeof multi[0]; i++)
		if (c == multi[i].c) {
			put(k, multi[i].s, strlen(multi[i].s));
			return;
		}
	if (is_combining(c))
		return;
	a = ascii_of(c);
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') ||
	    (a == '\'' && keep_apostrophe))
		put(k, &a, 1);
	else if (a == '-' || a == ' ')
		put(k, " ", 1);
	else if (a == 0 && (c < 0 || c >= 0x80))
		put(k, src, (size_t)n); /* by code point, after Latin */
}

/* Fold the bytes s[0 .. n-1] into k: words separated by one space. */
static void
fold_words(struct sink *k, const char *s, size_t n, bool keep_apostrophe)
{
	const char *end = s + n;
	char *word_start = k->p;
	int32_t c;
	int len;

	while (s < end) {
		len = decode(s, &c);
		if (s + len > end)
			len = (int)(end - s);
		fold_char(k, c, s, len, keep_apostrophe);
		s += len;
		/* No space at the start, none twice. */
		if (k->p > word_start && k->p[-1] == ' ' &&
		    (k->p - 1 == word_start || k->p[-2] == ' ')) {
			k->p--;
			k->left++;
		}
	}
	if (k->p > word_start && k->p[-1] == ' ') {
		k->p--;
		k->left++;
	}
}

/* The next word of s at or after *pos: its start and length (0 at the
 * end); *pos moves past it. */
static size_t
next_word(const char *s, size_t *pos, const char **word)
{
	size_t i = *pos, j;

	while (s[i] && is_space(s[i]))
		i++;
	for (j = i; s[j] && !is_space(s[j]); j++)
		;
	*word = s + i;
	*pos = j;
	return j - i;
}

static bool
is_name_prefix(const char *word, size_t n)
{
	char buf[32];
	struct sink k = { buf, sizeof buf - 1, false };

	fold_words(&k, word, n, true);
	*k.p = '\0';
	for (size_t i = 0; i < sizeof name_prefixes / sizeof name_prefixes[0];
	    i++)
		if (!k.full && strcmp(buf, name_prefixes[i]) == 0)
			return true;
	return false;
}

/* The sort key of a name: surname, \1, first name(s), \1, tussenvoegsel. */
static void
name_key(char *buf, size_t size, const char *name)
{
	struct sink k = { buf, size - 1, false };
	const char *word[32];
	size_t len[32], n = 0, pos = 0, first, skip;

	/* Words past the 32nd stay in the surname, as its tail. */
	while (n < 32 && (len[n] = next_word(name, &pos, &word[n])) > 0)
		n++;
	if (n == 0) {
		*buf = '\0';
		return;
	}
	/* The surname: from the first tussenvoegsel after the first word,
	 * else from the second word (one word: it is the surname); its
	 * tussenvoegsels are skipped, but never its last word. */
	for (first = 1; first + 1 < n && !is_name_prefix(word[first],
	    len[first]); first++)
		;
	if (first + 1 >= n)
		first = n > 1 ? 1 : 0;
	for (skip = first; skip + 1 < n && is_name_prefix(word[skip],
	    len[skip]); skip++)
		;
	fold_words(&k, word[skip], strlen(word[skip]), false);
	put(&k, "\1", 1);
	if (first > 0)
		fold_words(&k, name, (size_t)(word[first - 1] +
		    len[first - 1] - name), false);
	put(&k, "\1", 1);
	if (skip > first)
		fold_words(&k, word[first], (size_t)(word[skip - 1] +
		    len[skip - 1] - word[first]), false);
	*k.p = '\0';
}

int
text_name_compare(const char *a, const char *b)
{
	char ka[NAME_KEY], kb[NAME_KEY];
	int c;

	name_key(ka, sizeof ka, a);
	name_key(kb, sizeof kb, b);
	if ((c = strcmp(ka, kb)) != 0)
		return c;
	return strcmp(a, b);
}
