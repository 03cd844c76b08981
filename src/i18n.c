/* i18n: see include/i18n.h. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void
i18n_init(void)
{
	const char *dir = getenv("WIJKLAST_LOCALEDIR");

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C"); /* files, SQL and JSON keep the dot */
	bindtextdomain("wijklast", dir && *dir ? dir : LOCALEDIR);
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
