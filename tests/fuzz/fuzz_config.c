/* libFuzzer: the config loader (settings.h, libconfig underneath) on any
 * bytes. A file it accepts must hold values in their ranges; a refusal must
 * say where and leave the defaults. */
#include <string.h>

#include "err.h"
#include "fuzz.h"
#include "settings.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	struct fuzz_file f;
	struct err e;

	memset(&s, 0, sizeof s);
	settings_defaults(&s);
	fuzz_file_open(&f, data, size);
	err_clear(&e);
	if (settings_load(&s, f.path, &e) < 0) {
		if (e.msg[0] == '\0' || e.status != EXIT_CONFIG)
			abort(); /* a refusal names the file and the line */
	}
	fuzz_file_close(&f);
	settings_clear(&s);
	return 0;
}
