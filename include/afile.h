/* afile: a file written in full, then put in place in one step, that no
 * one sees half-written and that a crash or SIGKILL never leaves behind.
 * The content goes into an unnamed file (O_TMPFILE) in the target's folder,
 * which is linked to its name only when complete and synced (through a
 * hidden name for the microseconds of a rename; the next write to the same
 * path removes one a kill left there). Where the file system has no
 * O_TMPFILE, the content goes into that hidden file from the start: removed
 * on failure, and after a kill by the next write to the same path. */
#ifndef WIJKLAST_AFILE_H
#define WIJKLAST_AFILE_H

#include <stdbool.h>
#include <sys/types.h>

struct err;

struct afile {
	int fd;          /* open for writing */
	char *path;      /* where it goes */
	char *tmp;       /* the hidden temp file, or NULL when unnamed */
	char name[32];   /* /proc/self/fd/N: the unnamed file by a name */
};

/* Start the file that will replace path (or be new there), with exactly
 * mode (no umask). -1 with e set,
 * EXIT_CANTCREAT, naming path. On success the caller ends with
 * afile_commit or afile_abort. */
int afile_open(struct afile *f, const char *path, mode_t mode, struct err *e);

/* A name that opens the file being written, for libraries that want one. */
const char *afile_name(const struct afile *f);

/* Sync the content and put it at its path, replacing what was there; then
 * sync the folder. -1 with e set (EXIT_IOERR or EXIT_CANTCREAT), and path
 * left as it was. Either way f is finished. */
int afile_commit(struct afile *f, struct err *e);

/* Drop the file; path is left as it was. */
void afile_abort(struct afile *f);

#endif
