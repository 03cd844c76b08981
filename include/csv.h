/* csv: RFC 4180 records in (quoted fields, embedded commas, quotes and line
 * breaks, CRLF or LF) and fields out. Knows nothing of what the columns mean. */
#ifndef WIJKLAST_CSV_H
#define WIJKLAST_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct err;

struct csv_reader {
	FILE *in;
	char sep;
	long line; /* physical line number of the next character */
};

struct csv_record {
	char **fields; /* owned; each field NUL-terminated */
	size_t n, cap;
	long line; /* line the record starts on */
};

void csv_reader_init(struct csv_reader *r, FILE *in, char sep);

/* Read the next record into rec (reusing its storage). Returns 1 for a
 * record, 0 at end of input, -1 with e set (e.g. "unterminated quote"). A
 * leading UTF-8 BOM is skipped. Blank lines are skipped. On -1 rec->line is
 * the line of the problem (where an unterminated quote opened). */
int csv_read(struct csv_reader *r, struct csv_record *rec, struct err *e);
void csv_record_clear(struct csv_record *rec);

/* Write one field, quoted when it holds sep, a quote, CR or LF. */
void csv_write_field(FILE *out, const char *s, char sep);

/* Would a spreadsheet run s as a formula (it starts with = + - @ TAB CR)? */
bool csv_is_formula_like(const char *s);

/* Write a text field guarded against formula injection: a formula-like
 * value gets a ' in front, which spreadsheets show as text. */
void csv_write_text(FILE *out, const char *s, char sep);

#endif
