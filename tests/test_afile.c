/* afile: a file appears whole under its name or not at all, with the mode
 * asked, and nothing else stays in its folder — also what a killed writer
 * left behind is cleared by the next write. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "afile.h"
#include "testutil.h"

static size_t
entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	size_t n = 0;

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

Test(afile, appears_whole_with_its_mode_and_nothing_else)
{
	char *dir = test_tmpdir(), path[4200], buf[16] = { 0 };
	struct afile f;
	struct stat st;
	struct err e;
	int fd;

	snprintf(path, sizeof path, "%s/out.txt", dir);
	err_clear(&e);
	cr_assert_eq(afile_open(&f, path, 0600, &e), 0, "%s", e.msg);
	cr_assert_eq(write(f.fd, "hello", 5), 5);
	cr_assert_eq(access(path, F_OK), -1, "visible before the commit");
	cr_assert_eq(entries(dir), 0, "a name while written");
	cr_assert_eq(afile_commit(&f, &e), 0, "%s", e.msg);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600, "mode %o", st.st_mode & 07777);
	fd = open(path, O_RDONLY);
	cr_assert_eq(read(fd, buf, sizeof buf - 1), 5);
	close(fd);
	cr_assert_str_eq(buf, "hello");
	cr_assert_eq(entries(dir), 1);

	/* Aborted: the old file stays as it was, nothing else. */
	cr_assert_eq(afile_open(&f, path, 0644, &e), 0, "%s", e.msg);
	cr_assert_eq(write(f.fd, "other", 5), 5);
	afile_abort(&f);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_size, 5);
	cr_assert_eq(entries(dir), 1);
}

Test(afile, clears_what_a_killed_writer_left)
{
	char *dir = test_tmpdir(), path[4200], stale[4300], live[4300];
	struct afile f;
	struct err e;
	int fd;

	snprintf(path, sizeof path, "%s/week.csv", dir);
	/* pid 4194304 is above any pid_max: that process is gone. */
	snprintf(stale, sizeof stale, "%s/.week.csv.4194304", dir);
	snprintf(live, sizeof live, "%s/.week.csv.%ld", dir, (long)getppid());
	cr_assert_geq(fd = open(stale, O_WRONLY | O_CREAT, 0600), 0);
	close(fd);
	cr_assert_geq(fd = open(live, O_WRONLY | O_CREAT, 0600), 0);
	close(fd);
	err_clear(&e);
	cr_assert_eq(afile_open(&f, path, 0600, &e), 0, "%s", e.msg);
	afile_abort(&f);
	cr_assert_eq(access(stale, F_OK), -1, "the dead writer's file stays");
	cr_assert_eq(access(live, F_OK), 0, "a live writer's file is gone");
}

Test(afile, a_missing_folder_is_cannot_create)
{
	struct afile f;
	struct err e;

	err_clear(&e);
	cr_assert_eq(afile_open(&f, "/nonexistent/folder/x.csv", 0600, &e),
	    -1);
	cr_assert_eq(e.status, EXIT_CANTCREAT);
	cr_assert(strstr(e.msg, "/nonexistent/folder/x.csv"), "%s", e.msg);
}
