/* make bench: time the real TUI in a pseudo-terminal, from a key to the last
 * byte of the redraw it causes (issue 12). The program runs under forkpty at
 * a fixed size; after each key the driver reads until the program waits
 * for the next key — the terminal quiet for QUIET_MS and the program asleep
 * in a read or poll of its terminal (/proc/PID/syscall, so work done after
 * a frame, like the forecast, is waited for too) — and takes the time of
 * the last byte read.
 *
 * Usage: bench_tui COLS ROWS STEP... -- PROGRAM ARGS...
 *        bench_tui --run N -- PROGRAM ARGS...
 * The second runs a command N times, its output to /dev/null, and prints
 * "median min max" in milliseconds and its largest peak memory in KB.
 * A STEP is NAME=KEYS*COUNT: send KEYS (a C-like string: \n, \e, \t; "<"
 * for Left, ">" for Right, "^" for Up, "v" for Down) COUNT times, each
 * timed; the line printed is "NAME median min max" in milliseconds. The
 * first lines are from the start of the program to its first frame and
 * to its first screen complete (with what it makes after the first frame).
 * Figures, not a pass/fail test. */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

enum { QUIET_MS = 30, MAX_RUNS = 64 };

static pid_t child;

/* Does the call the program is asleep in wait on its terminal (fd 0)?
 * A read's first argument is the fd; a poll's the array of fds (read from
 * the program's memory); a select's second the set of fds to read. Waiting
 * on anything else — a database server's socket — is not waiting for a
 * key. */
static int
waits_on_terminal(long nr, unsigned long a0, unsigned long a1)
{
	char path[64];
	int fd, on = 0;

	if (nr == 0)
		return a0 == 0;
	snprintf(path, sizeof path, "/proc/%d/mem", (int)child);
	if ((fd = open(path, O_RDONLY)) < 0)
		return 1; /* cannot tell: the quiet decides */
	if (nr == 7 || nr == 271) { /* poll, ppoll */
		struct pollfd fds[16];
		size_t n = a1 < 16 ? a1 : 16;
		ssize_t got = pread(fd, fds, n * sizeof *fds, (off_t)a0);
		for (size_t i = 0; got > 0 && i < (size_t)got / sizeof *fds; i++)
			on = on || fds[i].fd == 0;
	} else { /* select, pselect6: the read set's first byte */
		unsigned char set0 = 0;
		on = a1 == 0 || (pread(fd, &set0, 1, (off_t)a1) == 1 &&
		    (set0 & 1));
	}
	close(fd);
	return on;
}

/* Is the program asleep waiting for input (read, poll, select, ppoll,
 * pselect6 on x86-64, on its terminal)? Elsewhere the quiet alone
 * decides. */
static int
waiting_for_input(void)
{
	char path[64];
	long nr = -1;
	unsigned long a0 = 0, a1 = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/syscall", (int)child);
	if ((f = fopen(path, "r")) == NULL)
		return 1;
	if (fscanf(f, "%ld %lx %lx", &nr, &a0, &a1) < 1)
		nr = -1;
	fclose(f);
#if defined(__x86_64__)
	if (nr == 0 || nr == 7 || nr == 23 || nr == 270 || nr == 271)
		return waits_on_terminal(nr, a0, a1);
	return 0;
#else
	return 1;
#endif
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Read until the program waits for input again (60 s at most); the time
 * of the last byte, or since when nothing came. *frame gets the time of
 * the last byte before the first quiet of QUIET_MS: the first frame, when
 * more is made after it (the forecast). */
static double
drain(int fd, double since, double *frame)
{
	double last = since;
	bool quiet_seen = false;
	char buf[65536];

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		int r = poll(&p, 1, QUIET_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0 && !quiet_seen && last > since) {
			quiet_seen = true;
			if (frame)
				*frame = last;
		}
		if (r < 0 || (r == 0 && waiting_for_input())) {
			if (frame && !quiet_seen)
				*frame = last;
			return last;
		}
		if (r == 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			return last;
		last = now_ms();
		if (last - since > 60000)
			return last;
	}
}

/* KEYS as bytes into out; returns the length. */
static size_t
keys(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 4 < size; s++) {
		const char *seq = NULL;
		char one[2] = { *s, 0 };
		switch (*s) {
		/* the keypad's application mode, which curses turns on */
		case '<': seq = "\033OD"; break;
		case '>': seq = "\033OC"; break;
		case '^': seq = "\033OA"; break;
		case 'v': seq = "\033OB"; break;
		case '\\':
			s++;
			one[0] = *s == 'n' ? '\r' : *s == 'e' ? '\033' :
			    *s == 't' ? '\t' : *s;
			if (*s == '\0')
				s--;
			seq = one;
			break;
		default: seq = one; break;
		}
		size_t l = strlen(seq);
		memcpy(out + n, seq, l);
		n += l;
	}
	return n;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* --run: N runs of argv, timed, with their peak memory. */
static int
run_command(int n, char **argv)
{
	double runs[MAX_RUNS];
	long max_kb = 0;

	if (n < 1 || n > MAX_RUNS)
		return 64;
	for (int r = 0; r < n; r++) {
		struct rusage ru;
		int status;
		double t = now_ms();
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, STDOUT_FILENO);
			execvp(argv[0], argv);
			perror(argv[0]);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench_tui: %s failed\n", argv[0]);
			return 1;
		}
		runs[r] = now_ms() - t;
		if (ru.ru_maxrss > max_kb)
			max_kb = ru.ru_maxrss;
	}
	qsort(runs, (size_t)n, sizeof *runs, by_value);
	printf("%.1f %.1f %.1f %ld\n", runs[n / 2], runs[0], runs[n - 1],
	    max_kb);
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 0 };
	int fd, first_prog = 0;
	pid_t pid;
	double t0;

	if (argc >= 5 && strcmp(argv[1], "--run") == 0 &&
	    strcmp(argv[3], "--") == 0)
		return run_command(atoi(argv[2]), argv + 4);
	if (argc < 5)
		goto usage;
	ws.ws_col = (unsigned short)atoi(argv[1]);
	ws.ws_row = (unsigned short)atoi(argv[2]);
	for (int i = 3; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			first_prog = i + 1;
			break;
		}
	if (first_prog == 0 || first_prog >= argc)
		goto usage;
	setenv("TERM", "xterm-256color", 1);
	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	child = pid;
	if (pid == 0) {
		execvp(argv[first_prog], argv + first_prog);
		perror(argv[first_prog]);
		_exit(127);
	}
	double frame = t0, done = drain(fd, t0, &frame);
	printf("%-14s %8.1f\n", "first-frame", frame - t0);
	printf("%-14s %8.1f\n", "first-complete", done - t0);
	for (int i = 3; i < first_prog - 1; i++) {
		char name[64], bytes[256];
		const char *eq = strchr(argv[i], '='), *star;
		double runs[MAX_RUNS];
		int count = 1;
		size_t len;

		if (eq == NULL || (size_t)(eq - argv[i]) >= sizeof name)
			goto usage;
		memcpy(name, argv[i], (size_t)(eq - argv[i]));
		name[eq - argv[i]] = '\0';
		char spec[256];
		snprintf(spec, sizeof spec, "%s", eq + 1);
		if ((star = strrchr(spec, '*')) != NULL) {
			count = atoi(star + 1);
			spec[star - spec] = '\0';
		}
		if (count < 1 || count > MAX_RUNS)
			goto usage;
		len = keys(spec, bytes, sizeof bytes);
		for (int r = 0; r < count; r++) {
			double t = now_ms();
			if (write(fd, bytes, len) != (ssize_t)len) {
				perror("write");
				return 1;
			}
			runs[r] = drain(fd, t, NULL) - t;
		}
		qsort(runs, (size_t)count, sizeof *runs, by_value);
		printf("%-14s %8.1f %8.1f %8.1f\n", name, runs[count / 2],
		    runs[0], runs[count - 1]);
	}
	fflush(stdout);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return 0;
usage:
	fprintf(stderr, "usage: bench_tui COLS ROWS NAME=KEYS*COUNT... -- "
	    "PROGRAM ARGS...\n       bench_tui --run N -- PROGRAM ARGS...\n");
	return 64;
}
