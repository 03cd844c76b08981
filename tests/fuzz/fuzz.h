/* Shared by the libFuzzer harnesses: the input as a file the code under
 * test can open by name (an anonymous memfd, nothing on disk). */
#ifndef WIJKLAST_FUZZ_H
#define WIJKLAST_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_file {
	int fd;
	char path[32]; /* /proc/self/fd/N */
};

/* data as a file named f->path; close with fuzz_file_close. */
static inline void
fuzz_file_open(struct fuzz_file *f, const uint8_t *data, size_t size)
{
	f->fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (f->fd < 0 || (size && write(f->fd, data, size) != (ssize_t)size))
		abort();
	snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

static inline void
fuzz_file_close(struct fuzz_file *f)
{
	close(f->fd);
}

/* The input as a NUL-terminated string (it may hold NULs itself: the
 * string ends at the first). The caller frees. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = (char)data[i];
	s[size] = '\0';
	return s;
}

#endif
