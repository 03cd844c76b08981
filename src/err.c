/* err: see include/err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

void
err_clear(struct err *e)
{
	if (e == NULL)
		return;
	e->status = 0;
	e->msg[0] = '\0';
}

static int
vset(struct err *e, int status, const char *fmt, va_list ap)
{
	if (e == NULL)
		return -1;
	e->status = status;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return -1;
}

int
err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, 1, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_setx(struct err *e, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, status, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_prefix(struct err *e, const char *fmt, ...)
{
	char head[512];
	size_t hlen, mlen;
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	hlen = strlen(head);
	mlen = strlen(e->msg);
	/* Shift the message right, cutting its end if both don't fit. */
	if (hlen + mlen >= sizeof e->msg)
		mlen = sizeof e->msg - 1 - hlen;
	memmove(e->msg + hlen, e->msg, mlen);
	memcpy(e->msg, head, hlen);
	e->msg[hlen + mlen] = '\0';
	if (e->status == 0)
		e->status = 1;
	return -1;
}
