/* xmem: allocation that never returns NULL. Out of memory aborts: there is
 * no sensible recovery in a TUI, and the database is protected by transactions. */
#ifndef WIJKLAST_XMEM_H
#define WIJKLAST_XMEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
/* Resize p to n * size bytes, checking the multiplication for overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow an array *items of *cap elements so that it holds at least need. */
#define XGROW(items, cap, need)                                               \
	do {                                                                  \
		if ((need) > (cap)) {                                         \
			size_t xg_new = (cap) ? (cap) * 2 : 16;               \
			while (xg_new < (need))                               \
				xg_new *= 2;                                  \
			(items) = xreallocarray((items), xg_new,              \
			    sizeof *(items));                                 \
			(cap) = xg_new;                                       \
		}                                                             \
	} while (0)

#endif
