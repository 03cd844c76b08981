/* text: UTF-8 strings as people see them: display width (so Özlem and 李 line
 * up in columns), truncation and padding by width, and small parsers for what
 * people type (decimal comma or point). Needs an UTF-8 LC_CTYPE for widths. */
#ifndef WIJKLAST_TEXT_H
#define WIJKLAST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Display width of a UTF-8 string in terminal columns; invalid bytes count 1. */
int text_width(const char *s);

/* Copy s into buf (size bytes) so that it takes exactly width columns: cut at a
 * character boundary with "…" when too wide, padded with spaces on the right
 * (or the left when right_align). Returns buf. */
char *text_fit(char *buf, size_t size, const char *s, int width, bool right_align);

/* s made safe to show on a terminal or in a document, whatever way it
 * reached the database: invalid bytes, C0 and C1 controls (ESC among them),
 * DEL and the bidi controls U+200E/F, U+202A-U+202E, U+2066-U+2069 each
 * become U+FFFD. Cut at a character boundary to fit size. Returns buf.
 * text_fit does the same to what it fits. */
char *text_sanitize(char *buf, size_t size, const char *s);

/* s spelt in ASCII for a terminal that takes no UTF-8, each character by
 * look-alikes of its width: accents dropped (Ö → O, ß → s), dashes, quotes,
 * arrows and status marks by stand-ins (– → -, … → ., ▲ → ^), anything else
 * by '?'. Returns buf. */
char *text_to_ascii(char *buf, size_t size, const char *s);

/* Is s valid UTF-8 with no control characters? */
bool text_is_clean_utf8(const char *s);

/* Strip leading and trailing white space in place; returns s. */
char *text_trim(char *s);

/* Parse a decimal number typed as "1,5" or "1.5" (no thousands separators),
 * the whole string, finite. Returns 0 or -1. */
int text_parse_decimal(const char *s, double *out);

/* Format value with the given decimals into buf; comma as decimal separator
 * when decimal_comma. Returns buf. */
char *text_format_decimal(char *buf, size_t size, double value, int decimals,
    bool decimal_comma);

/* A count with its thousands grouped: "45,000", or "45.000" with
 * decimal_comma (Dutch). Returns buf. */
char *text_format_count(char *buf, size_t size, size_t n, bool decimal_comma);

/* Is s exactly nine digits passing the Dutch BSN "elfproef"? (SPEC §2) */
bool text_is_bsn(const char *s);

/* Case-insensitive ASCII comparison. */
bool text_equal_nocase(const char *a, const char *b);

/* Compare two people's names ("Jan-Willem de Vries") as a Dutch list sorts
 * them, for qsort: by surname without its tussenvoegsel (van, de, van der,
 * 't, in 't, ...: "de Vries" under V), then first name, then tussenvoegsel;
 * case, accents and punctuation do not count (Ö as O, ĳ as ij, ß as ss).
 * The first word is the first name, the surname starts at the first
 * tussenvoegsel after it, else at the second word. Names equal that way
 * are ordered by their bytes, so only equal strings compare 0. */
int text_name_compare(const char *a, const char *b);

#endif
