/* i18n: see include/i18n.h. */
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

/* Where the catalogue is: $WIJKLAST_LOCALEDIR, the installed LOCALEDIR, or
 * else the locale/ folder beside the binary (a build not installed). */
static const char *
catalogue_dir(char *buf, size_t size)
{
	const char *dir = getenv("WIJKLAST_LOCALEDIR");
	char exe[4096], *slash;
	ssize_t n;

	if (dir && *dir)
		return dir;
	if (access(LOCALEDIR "/nl/LC_MESSAGES/wijklast.mo", R_OK) == 0)
		return LOCALEDIR;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return LOCALEDIR;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return LOCALEDIR;
	*slash = '\0';
	snprintf(buf, size, "%s/locale", exe);
	return access(buf, R_OK) == 0 ? buf : LOCALEDIR;
}

void
i18n_init(void)
{
	static char beside[4200];

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C"); /* files, SQL and JSON keep the dot */
	bindtextdomain("wijklast", catalogue_dir(beside, sizeof beside));
	bind_textdomain_codeset("wijklast", "UTF-8");
	textdomain("wijklast");
}

const char *
i18n_context(const char *msgid)
{
	const char *t = gettext(msgid), *eot = strchr(msgid, '\004');

	return t == msgid && eot != NULL ? eot + 1 : t;
}

bool
i18n_decimal_comma(void)
{
	/* LC_NUMERIC is forced to "C", so ask what the user asked for; the
	 * language of the messages (LANGUAGE) wins, so words and numbers match. */
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_NUMERIC", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "nl", 2) == 0;
	}
	return false;
}

const char *
i18n_weekday_abbr(int weekday)
{
	static const char *const names[7] = { N_("Mon"), N_("Tue"),
		N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

	return weekday >= 1 && weekday <= 7 ? _(names[weekday - 1]) : "?";
}

const char *
i18n_month_abbr(int month)
{
	static const char *const names[12] = { N_("Jan"), N_("Feb"),
		N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
		N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };

	return month >= 1 && month <= 12 ? _(names[month - 1]) : "?";
}

char *
i18n_message(const char *msg, char *buf, size_t size)
{
	char tmpl[1024], vals[4][256];
	const char *p = msg, *tr;
	size_t t = 0;
	int n = 0, slots = 0;

	while (*p != '\0' && t + 3 < sizeof tmpl) {
		bool boundary = p == msg || p[-1] == ' ' || p[-1] == '(';
		const char *end = NULL;
		if (boundary && *p == '"' && strchr(p + 1, '"') != NULL) {
			end = strchr(p + 1, '"') + 1;
		} else if (boundary) {
			/* a word with a digit: a date, a number, a ref */
			size_t len = strcspn(p, " ");
			while (len > 0 && strchr(".,;:)", p[len - 1]) != NULL)
				len--;
			if (strcspn(p, "0123456789") < len)
				end = p + len;
		}
		if (end != NULL && n < 4 &&
		    (size_t)(end - p) < sizeof vals[0]) {
			memcpy(vals[n], p, (size_t)(end - p));
			vals[n++][end - p] = '\0';
			memcpy(tmpl + t, "%s", 2);
			t += 2;
			p = end;
			continue;
		}
		if (*p == '%')
			break; /* the message would be a format: no template */
		tmpl[t++] = *p++;
	}
	tmpl[t] = '\0';
	tr = gettext(tmpl);
	if (*p != '\0' || tr == tmpl || strcmp(tr, tmpl) == 0)
		goto as_is;
	/* the catalogue's template must take exactly these values */
	for (const char *q = tr; (q = strchr(q, '%')) != NULL; q += 2) {
		if (q[1] != 's')
			goto as_is;
		slots++;
	}
	if (slots != n)
		goto as_is;
	snprintf(buf, size, tr, vals[0], vals[1], vals[2], vals[3]);
	return buf;
as_is:
	snprintf(buf, size, "%s", msg);
	return buf;
}
