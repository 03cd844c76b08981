/* csv: an RFC 4180 record reader and a field writer. The reader is lenient
 * where files from spreadsheets differ (LF or CRLF, a BOM, a quote inside an
 * unquoted field) and strict where data would be lost (an unterminated quote,
 * text after a closing quote, NUL bytes). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"
#include "err.h"
#include "xmem.h"

/* The field being built, before it goes into the record. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, int c)
{
	XGROW(b->s, b->cap, b->len + 2);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

static void
record_add(struct csv_record *rec, struct buf *b)
{
	XGROW(rec->fields, rec->cap, rec->n + 1);
	rec->fields[rec->n++] = xstrdup(b->len ? b->s : "");
	b->len = 0;
}

static void
record_reset(struct csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->fields[i]);
	rec->n = 0;
}

void
csv_reader_init(struct csv_reader *r, FILE *in, char sep)
{
	r->in = in;
	r->sep = sep;
	r->line = 1;
}

/* The next byte; a read error is reported as EOF and found by ferror. */
static int
next(struct csv_reader *r)
{
	int c = getc(r->in);

	if (c == '\n')
		r->line++;
	return c;
}

/* After a CR outside quotes: take the LF of a CRLF. A lone CR (old Mac
 * files) ends a line too. */
static void
end_cr(struct csv_reader *r)
{
	int c = getc(r->in);

	if (c != '\n' && c != EOF)
		ungetc(c, r->in);
	r->line++;
}

/* Skip a BOM at the start of the input. The bytes of a false start go into
 * the first field: they are data (and not UTF-8, which the caller reports). */
static void
skip_bom(struct csv_reader *r, struct buf *b)
{
	static const unsigned char bom[] = { 0xef, 0xbb, 0xbf };
	size_t i;
	int c = EOF;

	for (i = 0; i < sizeof bom; i++) {
		c = getc(r->in);
		if (c != bom[i])
			break;
	}
	if (i == sizeof bom)
		return;
	for (size_t j = 0; j < i; j++)
		buf_add(b, bom[j]);
	if (c != EOF)
		ungetc(c, r->in);
}

static int
read_error(struct csv_reader *r, struct csv_record *rec, struct err *e)
{
	rec->line = r->line;
	return err_setx(e, EXIT_IOERR, "read error: %s", strerror(errno));
}

int
csv_read(struct csv_reader *r, struct csv_record *rec, struct err *e)
{
	struct buf b = { 0 };
	int c, ret = -1;

	record_reset(rec);
	/* Only the first record can start on line 1 (any earlier one ended
	 * with a newline, or at the end of the input). */
	if (r->line == 1)
		skip_bom(r, &b);

	/* Blank lines are no records (unless a false BOM start is data). */
	while (b.len == 0) {
		c = next(r);
		if (c == '\n')
			continue;
		if (c == '\r') {
			end_cr(r);
			continue;
		}
		if (c == EOF) {
			if (ferror(r->in))
				goto read_fail;
			ret = 0;
			goto done;
		}
		ungetc(c, r->in);
		break;
	}

	rec->line = r->line;
	for (;;) {
		/* At the start of a field. */
		c = next(r);
		if (c == '"' && b.len == 0) {
			long opened = r->line;

			for (;;) {
				c = next(r);
				if (c == EOF) {
					if (ferror(r->in))
						goto read_fail;
					rec->line = opened;
					err_setx(e, EXIT_DATAERR,
					    "unterminated quote");
					goto done;
				}
				if (c == '\0')
					goto nul;
				if (c == '"') {
					c = next(r);
					if (c != '"')
						break;
				}
				buf_add(&b, c);
			}
			if (c == '\r') {
				end_cr(r);
				c = '\n';
			}
			if (c != r->sep && c != '\n' && c != EOF) {
				rec->line = r->line;
				err_setx(e, EXIT_DATAERR,
				    "text after a closing quote (a quote "
				    "inside a quoted field must be doubled)");
				goto done;
			}
		} else {
			/* Unquoted: up to the separator or the end of line. */
			while (c != r->sep && c != '\n' && c != '\r' &&
			    c != EOF) {
				if (c == '\0')
					goto nul;
				buf_add(&b, c);
				c = next(r);
			}
			if (c == '\r') {
				end_cr(r);
				c = '\n';
			}
		}
		if (c == EOF && ferror(r->in))
			goto read_fail;
		record_add(rec, &b);
		if (c != r->sep)
			break;
	}
	ret = 1;
	goto done;

nul:
	rec->line = r->line;
	err_setx(e, EXIT_DATAERR,
	    "NUL byte (is the file UTF-16? save it as UTF-8 CSV)");
	goto done;
read_fail:
	ret = read_error(r, rec, e);
done:
	free(b.s);
	return ret;
}

void
csv_record_clear(struct csv_record *rec)
{
	record_reset(rec);
	free(rec->fields);
	rec->fields = NULL;
	rec->cap = 0;
}

void
csv_write_field(FILE *out, const char *s, char sep)
{
	if (strchr(s, sep) == NULL && strpbrk(s, "\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

bool
csv_is_formula_like(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

void
csv_write_text(FILE *out, const char *s, char sep)
{
	char clean[1024];
	char *guarded;

	/* Read on a terminal (cat, less) as often as in a spreadsheet. */
	s = text_sanitize(clean, sizeof clean, s);
	if (!csv_is_formula_like(s)) {
		csv_write_field(out, s, sep);
		return;
	}
	guarded = xasprintf("'%s", s);
	csv_write_field(out, guarded, sep);
	free(guarded);
}
