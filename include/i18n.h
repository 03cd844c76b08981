/* i18n: gettext for user-visible text (Dutch catalogue in po/nl.po) and the
 * one place that decides whether people see decimal commas. Files and exports
 * always use the C numeric locale (NOTES.md). */
#ifndef WIJKLAST_I18N_H
#define WIJKLAST_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A msgid with a context, for a word that translates differently by its use
 * ("Cases" the tab, "Cases" the column): marked as gettext's msgctxt, looked
 * up with i18n_context. */
#define NC_(ctx, s) (ctx "\004" s)

/* setlocale from the environment with LC_NUMERIC forced to "C", and bind the
 * message catalogue ($WIJKLAST_LOCALEDIR, else the build's LOCALEDIR). */
void i18n_init(void);

/* The translation of a msgid, with or without an NC_ context; untranslated,
 * the msgid without its context. */
const char *i18n_context(const char *msgid);

/* "Tue", "Dec" in the user's language: weekday 1 = Monday … 7 = Sunday,
 * month 1 … 12; "?" out of range. */
const char *i18n_weekday_abbr(int weekday);
const char *i18n_month_abbr(int month);

/* A message of the core (English) in the user's language: its values —
 * quoted text and words with a digit — are taken out, the rest is looked
 * up in the catalogue with a %s for each, and the values put back. Without
 * a translation it comes back as it is. Returns buf. */
char *i18n_message(const char *msg, char *buf, size_t size);

/* Does the user's locale want decimal commas (Dutch)? */
bool i18n_decimal_comma(void);

#endif
