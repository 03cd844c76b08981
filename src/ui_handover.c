/* ui_handover: the question what happens to the open cases and intake
 * blocks someone gives up — on a team move or an end (ui_people.c), for an
 * absence (cover), on their return — as a form: a choice for the cases and
 * one for the blocks, and under them who takes how much with each
 * colleague's load before → after, recomputed as the choices change. And
 * cover itself: proposed for an employee (o in the Team and Employee views,
 * and after an absence of 50 % or more is saved), asked, applied as one
 * undoable change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "err.h"
#include "handover.h"
#include "i18n.h"
#include "ui_internal.h"
#include "workload.h"
#include "xmem.h"

enum { HF_CASES, HF_BLOCKS, HF_COUNT };

struct handover_form {
	const struct handover *h;
	enum handover_way case_ways[3], block_ways[2];
	const char *case_labels[3], *block_labels[2];
	struct ui_field f[HF_COUNT];
	int field_of[HF_COUNT]; /* the field of each question, or -1 */
};

static enum handover_way
chosen(const struct handover_form *hf, int question)
{
	int k = hf->field_of[question];

	if (k < 0)
		return HANDOVER_KEEP; /* not asked: nothing moves */
	return question == HF_CASES ? hf->case_ways[hf->f[k].choice]
				    : hf->block_ways[hf->f[k].choice];
}

static int
count_to(const struct handover *h, const struct handover_item *items,
    size_t n, enum handover_way way, int64_t to)
{
	int count = 0;

	for (size_t i = 0; i < n; i++)
		count += !items[i].stays &&
		    handover_receiver(h, &items[i], way) == to;
	return count;
}

/* Append a line to buf (size), keeping count of what is used. */
static void
add_line(char *buf, size_t size, size_t *used, const char *line)
{
	if (*used < size)
		*used += (size_t)snprintf(buf + *used, size - *used, "%s%s",
		    *used ? "\n" : "", line);
}

/* Who takes how much, with each one's load before → after over the
 * period; what goes to the waiting list or stays unfilled; and for cover
 * how close to the best possible the fair hand-over is. */
static void
handover_info(const struct ui *u, struct ui_form *f, char *buf, size_t size)
{
	const struct handover_form *hf = f->ctx;
	const struct handover *h = hf->h;
	const struct dataset *d = &u->app->data;
	enum handover_way cw = chosen(hf, HF_CASES), bw = chosen(hf, HF_BLOCKS);
	size_t used = 0;
	char from[64], line[512];

	buf[0] = '\0';
	snprintf(line, sizeof line, ngettext("Projected loads over %d week "
	    "from %s:", "Projected loads over %d weeks from %s:", h->weeks),
	    h->weeks, ui_date(h->first_monday, from, sizeof from));
	add_line(buf, size, &used, line);
	for (size_t k = 0; k < h->n_colleagues; k++) {
		const struct handover_colleague *c = &h->colleagues[k];
		int cases = handover_taken(h, k, true, cw);
		int blocks = handover_taken(h, k, false, bw);
		double after = handover_demand_after(h, k, cw, bw);
		char change[128], what[160], nc[64], nb[64];
		if (cases == 0 && blocks == 0 && after == c->demand)
			continue;
		ui_load_change(u, c->demand, c->capacity, after, c->capacity,
		    true, change, sizeof change);
		snprintf(nc, sizeof nc, ngettext("%d case", "%d cases", cases),
		    cases);
		snprintf(nb, sizeof nb, ngettext("%d intake block",
		    "%d intake blocks", blocks), blocks);
		snprintf(what, sizeof what, "%s%s%s%s", cases || blocks ? "+"
		    : "", cases ? nc : "", cases && blocks ? ", " : "",
		    blocks ? nb : "");
		snprintf(line, sizeof line, "  %s %s: %s",
		    d->employees[c->index].name, what, change);
		add_line(buf, size, &used, line);
	}
	int waiting = count_to(h, h->cases, h->n_cases, cw, 0);
	int unfilled = count_to(h, h->blocks, h->n_blocks, bw, 0);
	if (waiting) {
		snprintf(line, sizeof line, ngettext("%d case to the waiting "
		    "list", "%d cases to the waiting list", waiting), waiting);
		add_line(buf, size, &used, line);
	}
	if (unfilled) {
		snprintf(line, sizeof line, ngettext("%d intake block left "
		    "unfilled", "%d intake blocks left unfilled", unfilled),
		    unfilled);
		add_line(buf, size, &used, line);
	}
	if (cw == HANDOVER_KEEP && h->n_cases && h->new_team != h->old_team) {
		long t = dataset_team_index(d, h->new_team);
		snprintf(line, sizeof line, ngettext("%zu case moves along to "
		    "%s", "%zu cases move along to %s", h->n_cases), h->n_cases,
		    t >= 0 ? d->teams[t].name : "?");
		add_line(buf, size, &used, line);
	}
	if (cw == HANDOVER_COLLEAGUES && h->fair.n_placed > 0) {
		snprintf(line, sizeof line, _("Highest of those taking cases "
		    "%.0f%%, best possible at least %.0f%%"),
		    h->fair.taking_max * 100, h->fair.taking_bound * 100);
		add_line(buf, size, &used, line);
	}
}

/* The cases' choices: what this kind of hand-over can do with them. */
static int
case_choices(struct handover_form *hf, const struct dataset *d,
    const struct handover *h, char **along)
{
	int n = 0;

	*along = NULL;
	if (h->kind == HANDOVER_RETURN) {
		long ei = dataset_employee_index(d, h->employee_id);
		*along = xasprintf(_("Give them back to %s"),
		    ei >= 0 ? d->employees[ei].name : "?");
		hf->case_ways[n] = HANDOVER_COLLEAGUES;
		hf->case_labels[n++] = *along;
		hf->case_ways[n] = HANDOVER_KEEP;
		hf->case_labels[n++] = _("Leave them with the colleagues");
		return n;
	}
	if (h->new_team != h->old_team) {
		long t = dataset_team_index(d, h->new_team);
		*along = xasprintf(_("Take them along to %s"),
		    t >= 0 ? d->teams[t].name : "?");
		hf->case_ways[n] = HANDOVER_KEEP;
		hf->case_labels[n++] = *along;
	}
	/* the fair hand-over first, after taking them along: most wanted */
	hf->case_ways[n] = HANDOVER_COLLEAGUES;
	hf->case_labels[n++] = _("Hand over fairly to colleagues");
	hf->case_ways[n] = HANDOVER_WAITING;
	hf->case_labels[n++] = _("The team's waiting list");
	if (h->kind == HANDOVER_COVER) {
		hf->case_ways[n] = HANDOVER_KEEP;
		hf->case_labels[n++] = _("They wait for the return");
	}
	return n;
}

bool
ui_handover_ask(struct ui *u, const struct handover *h,
    enum handover_way *cases, enum handover_way *blocks)
{
	const struct dataset *d = &u->app->data;
	struct handover_form hf = { .h = h };
	struct ui_form form;
	char title[256], day[64], to[64], case_label[64], block_label[64];
	char *along;
	size_t n_cases = 0;
	long ei = dataset_employee_index(d, h->employee_id);
	const char *name = ei >= 0 ? d->employees[ei].name : "?";
	int n = 0;

	hf.field_of[HF_CASES] = hf.field_of[HF_BLOCKS] = -1;
	for (size_t i = 0; i < h->n_cases; i++)
		n_cases += !h->cases[i].stays;
	if (n_cases > 0) {
		int nc = case_choices(&hf, d, h, &along);
		snprintf(case_label, sizeof case_label, ngettext("%zu open "
		    "case", "%zu open cases", n_cases), n_cases);
		hf.field_of[HF_CASES] = n;
		/* a move offers taking them along first, the fair way next */
		hf.f[n++] = (struct ui_field){ .label = case_label,
			.kind = UI_FIELD_CHOICE, .choices = hf.case_labels,
			.n_choices = nc, .choice = h->kind == HANDOVER_CHANGE
			&& h->new_team != h->old_team };
	} else {
		along = NULL;
	}
	if (h->n_blocks > 0) {
		hf.block_ways[0] = HANDOVER_COLLEAGUES;
		hf.block_labels[0] = _("Hand over fairly to colleagues");
		hf.block_ways[1] = HANDOVER_WAITING;
		hf.block_labels[1] = _("Leave them unfilled");
		snprintf(block_label, sizeof block_label, ngettext("%zu intake "
		    "block", "%zu intake blocks", h->n_blocks), h->n_blocks);
		hf.field_of[HF_BLOCKS] = n;
		hf.f[n++] = (struct ui_field){ .label = block_label,
			.kind = UI_FIELD_CHOICE, .choices = hf.block_labels,
			.n_choices = 2 };
	}
	ui_date(h->from, day, sizeof day);
	ui_date(h->to, to, sizeof to);
	if (h->kind == HANDOVER_COVER) {
		snprintf(title, sizeof title, _("Cover for %s, %s – %s"), name,
		    day, to);
	} else if (h->kind == HANDOVER_RETURN) {
		snprintf(title, sizeof title, _("%s is back: the cases of "
		    "their cover"), name);
	} else if (h->new_team != h->old_team) {
		long t = dataset_team_index(d, h->new_team);
		snprintf(title, sizeof title, _("%s moves to %s: what they "
		    "hold from %s"), name, t >= 0 ? d->teams[t].name : "?",
		    day);
	} else if (n_cases > 0) {
		char last[64];
		snprintf(title, sizeof title, _("%s leaves, last day %s: the "
		    "cases go now, the blocks after it"), name,
		    ui_date(h->from - 1, last, sizeof last));
	} else {
		snprintf(title, sizeof title, _("%s: intake blocks on days "
		    "no longer worked"), name);
	}
	form = (struct ui_form){ .title = title, .fields = hf.f,
		.n_fields = n, .ctx = &hf, .info = handover_info };
	bool saved = n > 0 && ui_form_run(u, &form);
	*cases = chosen(&hf, HF_CASES);
	*blocks = chosen(&hf, HF_BLOCKS);
	free(along);
	return saved;
}

/* Does employee_id have cases out as cover that are still open, and are
 * they at work today (no absence of 50 % or more)? Then o gives back. */
static bool
is_back(const struct ui *u, int64_t employee_id)
{
	const struct dataset *d = &u->app->data;

	if (workload_absence_on(d, employee_id, u->app->today) >=
	    WORKLOAD_ABSENT_PCT)
		return false;
	for (size_t i = 0; i < d->n_cases; i++)
		if (d->cases[i].cover_from == employee_id &&
		    d->cases[i].employee_id != employee_id &&
		    d->cases[i].closed == DATE_NONE)
			return true;
	return false;
}

void
ui_cover(struct ui *u, int64_t employee_id, int from, int to,
    const char *before)
{
	long ei = dataset_employee_index(&u->app->data, employee_id);
	enum handover_way cases, blocks;
	struct handover h;
	struct err e;
	int rc;

	if (ei < 0) {
		ui_message(u, true, "%s", _("No employee selected"));
		return;
	}
	err_clear(&e);
	bool back = from == DATE_NONE && is_back(u, employee_id);
	if (app_propose_cover(u->app, ei, from, to, back, &h, &e) < 0) {
		char msg[512];
		ui_message(u, true, "%s", ui_translate(e.msg, msg,
		    sizeof msg));
		return;
	}
	char key[32], done[256];
	ui_key(u, UI_ACT_COVER, key, sizeof key);
	if (!handover_needed(&h)) {
		char what[512];
		if (h.n_cases > 0 && h.cases[0].reason != NULL)
			snprintf(what, sizeof what, ngettext("no intake block "
			    "then, and the %zu case stays: %s", "no intake "
			    "block then, and the %zu cases stay: %s", h.n_cases),
			    h.n_cases, _(h.cases[0].reason));
		else
			snprintf(what, sizeof what, _("%s holds no intake "
			    "block or case to hand over then"),
			    u->app->data.employees[ei].name);
		ui_message(u, false, "%s%s%s", before ? before : "",
		    before ? "; " : "", what);
		handover_clear(&h);
		return;
	}
	if (!ui_handover_ask(u, &h, &cases, &blocks)) {
		char what[256];
		snprintf(what, sizeof what, _("nothing handed over; %s proposes "
		    "it again"), key);
		ui_message(u, false, "%s%s%s", before ? before : "",
		    before ? "; " : "", what);
		handover_clear(&h);
		return;
	}
	rc = app_apply_handover(u->app, &h, cases, blocks, &e);
	handover_clear(&h);
	if (before != NULL)
		snprintf(done, sizeof done, "%s; %s", before, back ?
		    _("cases given back") : _("cover applied"));
	else
		snprintf(done, sizeof done, "%s", back ? _("Cases given back")
		    : _("Cover applied"));
	ui_changed(u, rc, &e, done);
}
