/* afile: see include/afile.h. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "afile.h"
#include "err.h"
#include "xmem.h"

/* The folder of path: "." when it names none. The caller frees. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return xasprintf("%.*s", slash == path ? 1 : (int)(slash - path),
	    path);
}

/* "DIR/.NAME.PID" beside path: the one hidden name this process uses for
 * it (so that remove_stale can tell a dead process's). The caller frees. */
static char *
hidden_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = folder_of(path), *t;

	t = xasprintf("%s/.%s.%ld", dir, slash ? slash + 1 : path,
	    (long)getpid());
	free(dir);
	return t;
}

/* Remove ".NAME.PID" files beside path whose process is gone: what a
 * process killed while it held one left behind. */
static void
remove_stale(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *dir = folder_of(path), *end, *name;
	size_t n = strlen(base);
	struct dirent *de;
	DIR *d;
	long pid;

	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' || strncmp(de->d_name + 1, base, n) ||
		    de->d_name[n + 1] != '.')
			continue;
		errno = 0;
		pid = strtol(de->d_name + n + 2, &end, 10);
		if (*end || end == de->d_name + n + 2 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		name = xasprintf("%s/%s", dir, de->d_name);
		unlink(name);
		free(name);
	}
	closedir(d);
	free(dir);
}

int
afile_open(struct afile *f, const char *path, mode_t mode, struct err *e)
{
	char *dir = folder_of(path);
	int saved;

	remove_stale(path);
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	f->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	free(dir);
	if (f->fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR ||
	    errno == EINVAL)) {
		/* No O_TMPFILE here: a hidden name, removed on failure. */
		f->tmp = hidden_name(path);
		unlink(f->tmp); /* only a dead process of our pid made it */
		f->fd = open(f->tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600);
	}
	if (f->fd < 0 || fchmod(f->fd, mode) != 0) {
		saved = errno;
		afile_abort(f);
		return err_setx(e, EXIT_CANTCREAT, "cannot create %s: %s", path,
		    strerror(saved));
	}
	snprintf(f->name, sizeof f->name, "/proc/self/fd/%d", f->fd);
	return 0;
}

const char *
afile_name(const struct afile *f)
{
	return f->tmp ? f->tmp : f->name;
}

/* Give the unnamed file a hidden name beside path (linkat cannot replace
 * a file; rename can), for the microseconds until the rename; one left by
 * a kill right then is removed by the next afile_open of path. */
static int
link_hidden(struct afile *f)
{
	f->tmp = hidden_name(f->path);
	return linkat(AT_FDCWD, f->name, AT_FDCWD, f->tmp, AT_SYMLINK_FOLLOW);
}

int
afile_commit(struct afile *f, struct err *e)
{
	char *dir;
	int fd, saved;

	if (fsync(f->fd) != 0) {
		saved = errno;
		afile_abort(f);
		return err_setx(e, EXIT_IOERR, "cannot write %s: %s", f->path,
		    strerror(saved));
	}
	if ((f->tmp == NULL && link_hidden(f) < 0) ||
	    rename(f->tmp, f->path) != 0) {
		saved = errno;
		afile_abort(f);
		return err_setx(e, EXIT_CANTCREAT, "cannot write %s: %s",
		    f->path, strerror(saved));
	}
	/* Sync the rename too; a failure here loses nothing that is not
	 * already on the disk. */
	dir = folder_of(f->path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
	free(f->tmp);
	f->tmp = NULL;
	afile_abort(f);
	return 0;
}

void
afile_abort(struct afile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	f->tmp = f->path = NULL;
}
