/* csv: RFC 4180 reading (quotes, line breaks in fields, CRLF, BOM, line
 * numbers for messages) and field writing. */
#include <stdio.h>

#include "csv.h"
#include "testutil.h"

/* Reader over an in-memory string of len bytes (len allows NUL bytes). */
struct src {
	FILE *f;
	struct csv_reader r;
	struct csv_record rec;
	struct err e;
};

static void
open_mem(struct src *s, const char *text, size_t len, char sep)
{
	memset(s, 0, sizeof *s);
	s->f = fmemopen((void *)text, len, "r");
	cr_assert_not_null(s->f);
	csv_reader_init(&s->r, s->f, sep);
	err_clear(&s->e);
}

static void
open_str(struct src *s, const char *text)
{
	open_mem(s, text, strlen(text), ',');
}

static void
close_src(struct src *s)
{
	csv_record_clear(&s->rec);
	fclose(s->f);
}

/* Read one record and check its start line and fields. */
static void
expect(struct src *s, long line, size_t n, const char *const *fields)
{
	cr_assert_eq(csv_read(&s->r, &s->rec, &s->e), 1, "%s", s->e.msg);
	cr_assert_eq(s->rec.line, line, "record on line %ld, want %ld",
	    s->rec.line, line);
	cr_assert_eq(s->rec.n, n, "%zu fields, want %zu", s->rec.n, n);
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(s->rec.fields[i], fields[i], "field %zu", i);
}

static void
expect_end(struct src *s)
{
	cr_assert_eq(csv_read(&s->r, &s->rec, &s->e), 0, "%s", s->e.msg);
	/* And it stays at the end. */
	cr_assert_eq(csv_read(&s->r, &s->rec, &s->e), 0);
}

#define FIELDS(...) (const char *const[]){ __VA_ARGS__ }

Test(csv, plain_records_and_line_numbers)
{
	struct src s;

	open_str(&s, "code,name,area\nCEN,Centrum,\nNRD,Noord,Noordoost\n");
	expect(&s, 1, 3, FIELDS("code", "name", "area"));
	expect(&s, 2, 3, FIELDS("CEN", "Centrum", ""));
	expect(&s, 3, 3, FIELDS("NRD", "Noord", "Noordoost"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, quoted_separators_and_doubled_quotes)
{
	struct src s;

	open_str(&s, "\"a,b\",\"say \"\"hi\"\"\",\"\",\"\"\"\"\n");
	expect(&s, 1, 4, FIELDS("a,b", "say \"hi\"", "", "\""));
	expect_end(&s);
	close_src(&s);
}

Test(csv, embedded_newline_counts_lines)
{
	struct src s;

	open_str(&s, "h1,h2\n\"two\nlines\",x\n\"three\r\nmore\nlines\",y\n"
	    "last,z\n");
	expect(&s, 1, 2, FIELDS("h1", "h2"));
	expect(&s, 2, 2, FIELDS("two\nlines", "x"));
	expect(&s, 4, 2, FIELDS("three\r\nmore\nlines", "y"));
	expect(&s, 7, 2, FIELDS("last", "z"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, crlf_line_ends)
{
	struct src s;

	open_str(&s, "a,b\r\n\"q\",c\r\nd,\"e\"\r\n");
	expect(&s, 1, 2, FIELDS("a", "b"));
	expect(&s, 2, 2, FIELDS("q", "c"));
	expect(&s, 3, 2, FIELDS("d", "e"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, lone_cr_ends_a_line)
{
	struct src s;

	open_str(&s, "a,b\rc,\"d\"\r\re\r");
	expect(&s, 1, 2, FIELDS("a", "b"));
	expect(&s, 2, 2, FIELDS("c", "d"));
	expect(&s, 4, 1, FIELDS("e"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, bom_is_skipped)
{
	struct src s;

	open_str(&s, "\xef\xbb\xbf\"code\",name\nCEN,Centrum\n");
	expect(&s, 1, 2, FIELDS("code", "name"));
	expect(&s, 2, 2, FIELDS("CEN", "Centrum"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, false_bom_start_is_data)
{
	struct src s;

	/* The first two bytes of a BOM, then something else: kept. */
	open_str(&s, "\xef\xbbx,y\n");
	expect(&s, 1, 2, FIELDS("\xef\xbbx", "y"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, bom_only_is_empty)
{
	struct src s;

	open_str(&s, "\xef\xbb\xbf");
	expect_end(&s);
	close_src(&s);
}

Test(csv, blank_lines_are_skipped)
{
	struct src s;

	open_str(&s, "\n\r\na,b\n\n\nc,d\n\n");
	expect(&s, 3, 2, FIELDS("a", "b"));
	expect(&s, 6, 2, FIELDS("c", "d"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, empty_fields_and_no_final_newline)
{
	struct src s;

	open_str(&s, ",,\nx,\n,y");
	expect(&s, 1, 3, FIELDS("", "", ""));
	expect(&s, 2, 2, FIELDS("x", ""));
	expect(&s, 3, 2, FIELDS("", "y"));
	expect_end(&s);
	close_src(&s);
}

Test(csv, empty_input)
{
	struct src s;

	open_str(&s, "");
	expect_end(&s);
	close_src(&s);
}

Test(csv, quote_inside_unquoted_field_is_data)
{
	struct src s;

	open_str(&s, "5\" scherm,b\n");
	expect(&s, 1, 2, FIELDS("5\" scherm", "b"));
	close_src(&s);
}

Test(csv, utf8_passes_through)
{
	struct src s;

	open_str(&s, "Özlem Kaya,Mehmet Koç,李\n");
	expect(&s, 1, 3, FIELDS("Özlem Kaya", "Mehmet Koç", "李"));
	close_src(&s);
}

Test(csv, unterminated_quote_names_its_line)
{
	struct src s;

	open_str(&s, "a,b\nc,d\ne,\"open\nand on\nand on\n");
	expect(&s, 1, 2, FIELDS("a", "b"));
	expect(&s, 2, 2, FIELDS("c", "d"));
	cr_assert_eq(csv_read(&s.r, &s.rec, &s.e), -1);
	cr_assert_eq(s.rec.line, 3);
	cr_assert_str_eq(s.e.msg, "unterminated quote");
	cr_assert_eq(s.e.status, EXIT_DATAERR);
	close_src(&s);
}

Test(csv, quote_opened_on_a_later_line_of_the_record)
{
	struct src s;

	/* The record starts on line 1; the bad quote opens on line 2. */
	open_str(&s, "\"x\ny\",\"z\n");
	cr_assert_eq(csv_read(&s.r, &s.rec, &s.e), -1);
	cr_assert_eq(s.rec.line, 2);
	close_src(&s);
}

Test(csv, text_after_closing_quote)
{
	struct src s;

	open_str(&s, "a\n\"abc\"def,x\n");
	expect(&s, 1, 1, FIELDS("a"));
	cr_assert_eq(csv_read(&s.r, &s.rec, &s.e), -1);
	cr_assert_eq(s.rec.line, 2);
	cr_assert(strstr(s.e.msg, "after a closing quote") != NULL, "%s",
	    s.e.msg);
	close_src(&s);
}

Test(csv, nul_byte_is_refused)
{
	static const char text[] = "a,b\nc\0d,e\n";
	struct src s;

	open_mem(&s, text, sizeof text - 1, ',');
	expect(&s, 1, 2, FIELDS("a", "b"));
	cr_assert_eq(csv_read(&s.r, &s.rec, &s.e), -1);
	cr_assert_eq(s.rec.line, 2);
	cr_assert(strstr(s.e.msg, "NUL") != NULL, "%s", s.e.msg);
	close_src(&s);
}

Test(csv, semicolon_separator)
{
	struct src s;

	open_mem(&s, "a;\"b;c\";1,5\n", strlen("a;\"b;c\";1,5\n"), ';');
	expect(&s, 1, 3, FIELDS("a", "b;c", "1,5"));
	close_src(&s);
}

Test(csv, record_storage_is_reused)
{
	struct src s;

	/* Fewer fields after more: no stale fields left behind. */
	open_str(&s, "a,b,c,d,e\nf\n");
	expect(&s, 1, 5, FIELDS("a", "b", "c", "d", "e"));
	expect(&s, 2, 1, FIELDS("f"));
	close_src(&s);
}

static char *
written(const char *field, char sep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	csv_write_field(f, field, sep);
	fclose(f);
	return buf;
}

Test(csv, write_field_quotes_when_needed)
{
	static const struct {
		char in[32], sep, out[40];
	} cases[] = {
		{ "Centrum", ',', "Centrum" },
		{ "", ',', "" },
		{ "a,b", ',', "\"a,b\"" },
		{ "a,b", ';', "a,b" },
		{ "a;b", ';', "\"a;b\"" },
		{ "say \"hi\"", ',', "\"say \"\"hi\"\"\"" },
		{ "two\nlines", ',', "\"two\nlines\"" },
		{ "cr\r", ',', "\"cr\r\"" },
		{ "Özlem", ',', "Özlem" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = written(cases[i].in, cases[i].sep);

		cr_assert_str_eq(got, cases[i].out, "case %zu", i);
		free(got);
	}
}

Test(csv, write_then_read_round_trips)
{
	static const char *const fields[] = { "plain", "a,b", "\"q\"",
		"multi\r\nline", "", "Jan-Willem de Vries" };
	size_t n = sizeof fields / sizeof fields[0];
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct src s;

	cr_assert_not_null(f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc(',', f);
		csv_write_field(f, fields[i], ',');
	}
	fputs("\r\nnext\r\n", f);
	fclose(f);

	open_mem(&s, buf, len, ',');
	expect(&s, 1, n, fields);
	expect(&s, 3, 1, FIELDS("next"));
	expect_end(&s);
	close_src(&s);
	free(buf);
}

Test(csv, text_cells_are_guarded_against_formulas)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	csv_write_text(f, "=SUM(A1)", ',');
	fputc('|', f);
	csv_write_text(f, "@home,x", ',');
	fputc('|', f);
	csv_write_text(f, "Özlem", ',');
	fclose(f);
	cr_assert_str_eq(buf, "'=SUM(A1)|\"'@home,x\"|Özlem");
	free(buf);
}
