/* libFuzzer: the CSV reader (csv.h) on any bytes, with ',' or ';' (the
 * first byte picks), and every field it returns written back out; then the
 * text functions on each field, whose promises are checked: text_sanitize
 * leaves clean UTF-8, text_fit fills exactly the width asked. */
#include <locale.h>
#include <stdbool.h>
#include <string.h>

#include "csv.h"
#include "err.h"
#include "fuzz.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct csv_reader r;
	struct csv_record rec = { 0 };
	struct err e;
	char buf[1024];
	char *out = NULL;
	size_t out_len = 0;
	FILE *in, *sink;
	int got, width;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = true;
	}
	if (size < 2)
		return 0;
	width = data[0] >> 1 & 0x3f;
	if ((in = fmemopen((void *)(data + 1), size - 1, "r")) == NULL)
		return 0;
	sink = open_memstream(&out, &out_len);
	csv_reader_init(&r, in, data[0] & 1 ? ';' : ',');
	err_clear(&e);
	while ((got = csv_read(&r, &rec, &e)) == 1) {
		for (size_t i = 0; i < rec.n; i++) {
			const char *s = rec.fields[i];

			csv_write_text(sink, s, r.sep);
			if (!text_is_clean_utf8(text_sanitize(buf, sizeof buf, s)))
				abort(); /* text_sanitize left a control */
			if (text_width(text_fit(buf, sizeof buf, s, width,
			    i & 1)) != width)
				abort(); /* text_fit missed the width */
			text_to_ascii(buf, sizeof buf, s);
		}
		fputc('\n', sink);
	}
	if (got < 0 && e.msg[0] == '\0')
		abort(); /* a failure must say what */
	fclose(sink);
	free(out);
	fclose(in);
	csv_record_clear(&rec);
	return 0;
}
