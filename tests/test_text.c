/* UTF-8 widths, fitting, and the small parsers (include/text.h). */
#include <locale.h>
#include <stdio.h> /* testutil.h uses snprintf without including it */

#include "testutil.h"
#include "text.h"

static void
utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
}

static void
c_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C"));
}

TestSuite(text, .init = utf8_locale);
TestSuite(text_c_locale, .init = c_locale);

Test(text, width)
{
	cr_expect_eq(text_width(""), 0);
	cr_expect_eq(text_width("abc"), 3);
	cr_expect_eq(text_width("Özlem Kaya"), 10);
	cr_expect_eq(text_width("Jan-Willem de Vries"), 19);
	cr_expect_eq(text_width("李小龙"), 6);
	cr_expect_eq(text_width("e\u0301"), 1);
	cr_expect_eq(text_width("\u2026"), 1);
	cr_expect_eq(text_width("\xff"), 1);
	cr_expect_eq(text_width("a\xc3"), 2);        /* cut short */
	cr_expect_eq(text_width("\xc0\xaf"), 2);     /* overlong '/' */
	cr_expect_eq(text_width("\xed\xa0\x80"), 3); /* surrogate */
}

/* Widths must not fall apart when the program runs in the C locale. */
Test(text_c_locale, width)
{
	cr_expect_eq(text_width("Özlem Kaya"), 10);
	cr_expect_eq(text_width("Jan-Willem de Vries"), 19);
	cr_expect_eq(text_width("e\u0301"), 1);
	cr_expect_eq(text_width("\xff"), 1);
}

static void
expect_fit(const char *s, int width, bool right, const char *want)
{
	char buf[64];

	text_fit(buf, sizeof buf, s, width, right);
	cr_expect_str_eq(buf, want, "fit(\"%s\", %d, %s)", s, width,
	    right ? "right" : "left");
	cr_expect_eq(text_width(buf), width, "fit(\"%s\", %d) is \"%s\"", s,
	    width, buf);
}

Test(text, fit)
{
	expect_fit("Özlem Kaya", 5, false, "Özle…");
	expect_fit("Özlem Kaya", 10, false, "Özlem Kaya");
	expect_fit("Özlem Kaya", 12, false, "Özlem Kaya  ");
	expect_fit("Özlem Kaya", 12, true, "  Özlem Kaya");
	expect_fit("Özlem Kaya", 9, true, "Özlem Ka…");
	expect_fit("Özlem Kaya", 1, false, "…");
	expect_fit("Özlem Kaya", 0, false, "");
	expect_fit("Jan-Willem de Vries", 12, false, "Jan-Willem …");
	expect_fit("", 3, false, "   ");
	expect_fit("", 3, true, "   ");
	expect_fit("42", 5, true, "   42");
}

Test(text, fit_wide_and_combining)
{
	expect_fit("李小龙", 6, false, "李小龙");
	expect_fit("李小龙", 5, false, "李小…");
	/* 小 would straddle the cut: it goes, a space fills the column. */
	expect_fit("李小龙", 4, false, "李… ");
	expect_fit("李小龙", 4, true, " 李…");
	expect_fit("李小龙", 2, false, "… ");
	expect_fit("李小龙", 7, true, " 李小龙");
	/* A combining mark stays with its letter. */
	expect_fit("e\u0301tude", 3, false, "e\u0301t…");
	expect_fit("e\u0301", 2, false, "e\u0301 ");
}

Test(text, fit_never_overflows)
{
	char buf[16];

	/* "Özle…" needs 9 bytes: with 4 only a prefix fits, cut cleanly. */
	memset(buf, 'X', sizeof buf);
	text_fit(buf, 4, "Özlem Kaya", 5, false);
	cr_expect_str_eq(buf, "Öz");
	for (size_t i = 4; i < sizeof buf; i++)
		cr_expect_eq(buf[i], 'X', "byte %zu written", i);

	/* Never half a character: 李 is 3 bytes, a 5 byte buffer holds one. */
	memset(buf, 'X', sizeof buf);
	text_fit(buf, 5, "李小龙", 6, false);
	cr_expect_str_eq(buf, "李");
	for (size_t i = 5; i < sizeof buf; i++)
		cr_expect_eq(buf[i], 'X', "byte %zu written", i);

	memset(buf, 'X', sizeof buf);
	text_fit(buf, 1, "Özlem Kaya", 5, false);
	cr_expect_eq(buf[0], '\0');
	cr_expect_eq(buf[1], 'X');

	memset(buf, 'X', sizeof buf);
	text_fit(buf, 0, "Özlem Kaya", 5, false);
	cr_expect_eq(buf[0], 'X');
}

/* Every width of every name gives exactly that width and clean UTF-8. */
Test(text, fit_all_widths)
{
	static const char *names[] = { "Özlem Kaya", "Jan-Willem de Vries",
		"李小龙 Lee", "e\u0301e\u0301n", "", "a" };
	char buf[128];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		for (int w = 0; w <= 25; w++) {
			for (int right = 0; right <= 1; right++) {
				text_fit(buf, sizeof buf, names[i], w, right);
				cr_expect_eq(text_width(buf), w, "\"%s\" %d: \"%s\"",
				    names[i], w, buf);
				cr_expect(text_is_clean_utf8(buf), "%s", buf);
			}
		}
	}
}

Test(text, clean_utf8)
{
	static const char *good[] = { "", "Özlem Kaya", "Jan-Willem de Vries",
		"李小龙", "e\u0301", "\U0001F600", "\u00a0" };
	static const char *bad[] = {
		"\xc0\xaf",         /* overlong '/' */
		"\xc1\xbf",         /* overlong */
		"\xe0\x80\xaf",     /* overlong, 3 bytes */
		"\xf0\x80\x80\xaf", /* overlong, 4 bytes */
		"\xed\xa0\x80",     /* surrogate */
		"\xed\xbf\xbf",     /* surrogate */
		"\xf4\x90\x80\x80", /* past U+10FFFF */
		"\xf5\x80\x80\x80",
		"\xff",
		"\x80",             /* lone continuation */
		"\xc3",             /* cut short */
		"\xe6\x9d",         /* cut short */
		"a\tb",
		"a\nb",
		"a\rb",
		"\x1b[31m",
		"\x7f",
		"\xc2\x85",         /* C1: NEL */
		"\xc2\x9f",
	};

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_expect(text_is_clean_utf8(good[i]), "good[%zu]", i);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_not(text_is_clean_utf8(bad[i]), "bad[%zu]", i);
}

Test(text, trim)
{
	char a[] = "  Özlem Kaya \t\n", b[] = "", c[] = "   ", d[] = "x";

	cr_expect_str_eq(text_trim(a), "Özlem Kaya");
	cr_expect_str_eq(text_trim(b), "");
	cr_expect_str_eq(text_trim(c), "");
	cr_expect_str_eq(text_trim(d), "x");
}

Test(text, parse_decimal_good)
{
	static const struct {
		const char *in;
		double want;
	} good[] = {
		{ "1,5", 1.5 }, { "1.5", 1.5 }, { "-2", -2 }, { " 3 ", 3 },
		{ "40", 40 }, { "0,25", 0.25 }, { "+7.75", 7.75 },
		{ ",5", 0.5 }, { "\t36,0\n", 36 }, { "-0,1", -0.1 },
	};

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		double v = -999;

		cr_expect_eq(text_parse_decimal(good[i].in, &v), 0, "\"%s\"",
		    good[i].in);
		cr_expect_float_eq(v, good[i].want, 1e-12, "\"%s\" gave %g",
		    good[i].in, v);
	}
}

Test(text, parse_decimal_bad)
{
	static const char *bad[] = { "", "   ", "1,5,5", "1.000,5", "abc",
		"inf", "nan", "-inf", "1e999", "1e3", "0x10", "-", "+", ",",
		"1 5", "1,5 uur", "--1", "1-", "1..5",
		"0000000000000000000000000000000000000000000000000000000000000001" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double v = -999;

		cr_expect_eq(text_parse_decimal(bad[i], &v), -1, "\"%s\"", bad[i]);
		cr_expect_eq(v, -999, "\"%s\" changed the output", bad[i]);
	}
}

Test(text, format_count)
{
	char buf[32];

	cr_expect_str_eq(text_format_count(buf, sizeof buf, 0, false), "0");
	cr_expect_str_eq(text_format_count(buf, sizeof buf, 999, false),
	    "999");
	cr_expect_str_eq(text_format_count(buf, sizeof buf, 45000, false),
	    "45,000");
	cr_expect_str_eq(text_format_count(buf, sizeof buf, 100000, true),
	    "100.000");
	cr_expect_str_eq(text_format_count(buf, sizeof buf, 1234567, true),
	    "1.234.567");
}

Test(text, format_decimal)
{
	char buf[32];

	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, 1.5, 1, false),
	    "1.5");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, 1.5, 1, true),
	    "1,5");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, 1234.5678, 2,
	    true), "1234,57");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, -2.25, 2, true),
	    "-2,25");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, 40, 0, true),
	    "40");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, 1.0 / 3, 3,
	    false), "0.333");
	/* A rounded negative zero reads as zero. */
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, -0.04, 1, true),
	    "0,0");
	cr_expect_str_eq(text_format_decimal(buf, sizeof buf, -0.4, 0, false),
	    "0");
	/* Cut to the buffer, never past it. */
	cr_expect_str_eq(text_format_decimal(buf, 4, 123.456, 2, true), "123");
}

Test(text, bsn)
{
	cr_expect(text_is_bsn("111222333"));
	cr_expect(text_is_bsn("123456782"));
	cr_expect(text_is_bsn("000000000"));
	cr_expect_not(text_is_bsn("123456789"));
	cr_expect_not(text_is_bsn("111222334"));
	cr_expect_not(text_is_bsn("12345678"));
	cr_expect_not(text_is_bsn("1234567820"));
	cr_expect_not(text_is_bsn("12345678a"));
	cr_expect_not(text_is_bsn(" 11122233"));
	cr_expect_not(text_is_bsn("111222333 "));
	cr_expect_not(text_is_bsn(""));
	cr_expect_not(text_is_bsn("CEN-2026-001"));
}

Test(text, equal_nocase)
{
	cr_expect(text_equal_nocase("CEN", "cen"));
	cr_expect(text_equal_nocase("Jeugd", "jEUGD"));
	cr_expect(text_equal_nocase("", ""));
	cr_expect_not(text_equal_nocase("Cen", "cent"));
	cr_expect_not(text_equal_nocase("cent", "Cen"));
	cr_expect_not(text_equal_nocase("Özlem", "özlem")); /* ASCII only */
	cr_expect_not(text_equal_nocase("a", "b"));
}

Test(text, to_ascii)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "Özlem Kaya", "Ozlem Kaya" },
		{ "Jan-Willem de Vriës", "Jan-Willem de Vries" },
		{ "Łukasz Wiśniewski", "Lukasz Wisniewski" },
		{ "IJsselstein Ĳssel", "IJsselstein Issel" },
		{ "2026-W48, 23–29 Nov", "2026-W48, 23-29 Nov" },
		{ "▲ OVER ● HIGH ✓ OK ○ ROOM", "^ OVER * HIGH + OK o ROOM" },
		{ "6 · 21.8 h", "6 . 21.8 h" },
		{ "Centr…", "Centr." },
		{ "≥90% ▾ ▴ ← →", ">90% v ^ < >" },
		{ "█▇▁│─┄", "###|--" },
		{ "李 x", "?? x" },
		{ "e\xcc\x81", "e" },
		{ "\xff", "?" },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_to_ascii(buf, sizeof buf, t[i].in);
		cr_assert_str_eq(buf, t[i].out, "%s", t[i].in);
		cr_assert_eq(text_width(buf), text_width(t[i].in), "%s",
		    t[i].in);
	}
	/* cut at the buffer, never past it */
	cr_assert_str_eq(text_to_ascii(buf, 4, "Öster"), "Ost");
}

/* People's names in a Dutch list: by surname without its tussenvoegsel
 * ("de Vries" under V), then first name; accents and case do not count. */
Test(text, name_compare_sorts_a_dutch_team)
{
	static const char *const sorted[] = {
		"Nadia Ait Taleb", "Marloes van den Berg", "Wilma van den Berg",
		"Geert Bruggink", "Sanne ten Cate", "Ilse 't Hart",
		"Erik Hartman", "Anna Maria de Jong", "Özlem Kaya",
		"Tuğba Kaya", "Pieter van der Meer-de Boer", "Ömer",
		"Sara in ’t Veld", "Jan-Willem de Vries", "Wilma Ždanová",
	};
	size_t n = sizeof sorted / sizeof sorted[0];

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = text_name_compare(sorted[i], sorted[j]);
			cr_assert(i < j ? c < 0 : i > j ? c > 0 : c == 0,
			    "%s vs %s: %d", sorted[i], sorted[j], c);
		}
}

Test(text, name_compare_folds_accents_case_and_ij)
{
	/* Equal at the first level; the tie is broken, but consistently. */
	cr_expect_neq(text_name_compare("Özlem Kaya", "Ozlem Kaya"), 0);
	cr_expect_eq(text_name_compare("Özlem Kaya", "Ozlem Kaya"),
	    -text_name_compare("Ozlem Kaya", "Özlem Kaya"));
	/* Before anything that differs at the first level. */
	cr_expect_lt(text_name_compare("Özlem Kaya", "Paul Kaya"), 0);
	cr_expect_lt(text_name_compare("Ozlem Kaya", "Özlem Kayb"), 0);
	cr_expect_lt(text_name_compare("Éva Visser", "Frank Visser"), 0);
	cr_expect_lt(text_name_compare("eva visser", "Frank Visser"), 0);
	cr_expect_lt(text_name_compare("Piet DE VRIES", "Piet de Wit"), 0);
	/* ĳ is i + j, as in the dictionary. */
	cr_expect_lt(text_name_compare("Kees Ĳzerman", "Kees Ik"), 0);
	cr_expect_lt(text_name_compare("Kees Ijzerman", "Kees Ik"), 0);
	cr_expect_gt(text_name_compare("Kees Ĳzerman", "Kees Ih"), 0);
	/* ß as ss; decomposed accents as composed ones. */
	cr_expect_lt(text_name_compare("Jo Straße", "Jo Strasst"), 0);
	cr_expect_lt(text_name_compare("O\xcc\x88zlem Kaya", "Paul Kaya"), 0);
	/* A hyphen is a word break: Meer-de Boer before Meerdink. */
	cr_expect_lt(text_name_compare("Jo Meer-de Boer", "Jo Meerdink"), 0);
}

Test(text, name_compare_edge_cases)
{
	cr_expect_eq(text_name_compare("", ""), 0);
	cr_expect_lt(text_name_compare("", "Ömer"), 0);
	cr_expect_eq(text_name_compare("Jan de Vries", "Jan de Vries"), 0);
	/* A name that is all tussenvoegsel keeps its last word as surname. */
	cr_expect_lt(text_name_compare("Jan van", "Jan Wit"), 0);
	cr_expect_gt(text_name_compare("Jan van", "Jan Tak"), 0);
	/* Spaces around and between do not count. */
	cr_expect_lt(text_name_compare("  Wilma   van den  Berg ", "Geert Bruggink"),
	    0);
	/* Invalid UTF-8 and odd bytes compare, without crashing. */
	cr_expect_neq(text_name_compare("\xff\xfe", "A"), 0);
	cr_expect_neq(text_name_compare("Jan \x1b[31mRed", "Jan Red"), 0);
	/* Very long names are compared in full. */
	char a[400], b[400];
	memset(a, 'a', sizeof a - 1), a[sizeof a - 1] = '\0';
	memcpy(b, a, sizeof b);
	b[sizeof b - 2] = 'b';
	a[0] = 'X', b[0] = 'X', a[1] = ' ', b[1] = ' ';
	cr_expect_lt(text_name_compare(a, b), 0);
}

Test(text, sanitize_replaces_controls_and_bidi_overrides)
{
	char buf[64];

	cr_assert_str_eq(text_sanitize(buf, sizeof buf, "a\x1b[31mb"),
	    "a\xef\xbf\xbd[31mb");
	cr_assert_str_eq(text_sanitize(buf, sizeof buf,
	    "\xe2\x80\xae" "evil\xc2\x9b\x7f\xff"),
	    "\xef\xbf\xbd" "evil\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	cr_assert_str_eq(text_sanitize(buf, sizeof buf, "Özlem – ok"),
	    "Özlem – ok");
	/* Cut at a character boundary. */
	cr_assert_str_eq(text_sanitize(buf, 5, "ab\x1b"), "ab");
	/* text_fit shows the same, one column each. */
	cr_assert_str_eq(text_fit(buf, sizeof buf, "a\x1b" "b", 4, false),
	    "a\xef\xbf\xbd" "b ");
	cr_assert_eq(text_width("a\xe2\x80\xae" "b"), 3);
}
