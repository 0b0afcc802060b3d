/* The case states in one table.  Every list of states in the program is
 * made from these rows: the enum, the names stored and typed, the words
 * citizens and staff read, which states owe a step (the one rule for
 * "overdue"), which run the citizen's window after an answer, the SQL lists
 * and the command line's list.  A new state is one new row here (and its
 * moves in lifecycle.c's table of transitions).
 *
 * X(ID, name, kind, label, desk, words, deadline):
 *   ID        the enum is JRC_ST_<ID>, in the order of the rows
 *   name      stored in the database and typed on the command line
 *   kind      JRC_SK_OWES: the department (or the level above) owes the
 *             next step by the due date, and is late after it;
 *             JRC_SK_ANSWER: a written answer was given and the due date is
 *             the citizen's window to ask for more, which nobody is late for;
 *             JRC_SK_NONE: no deadline runs
 *   label     a short label for a timeline line
 *   desk      the desk's worklist column, a word or two
 *   words     where the matter stands, in plain words for a citizen
 *   deadline  what the running due date means for a citizen, or NULL
 * The texts are N_() marks, translated where they are shown. */
#ifndef JRC_STATES_H
#define JRC_STATES_H

#define JRC_STATES(X) \
	X(REGISTERED, "registered", JRC_SK_OWES, N_("Filed"), N_("to accept"), \
	  N_("Received: your matter is registered and waits for the responsible department to take it on."), \
	  N_("The department decides whether to take it on by")) \
	X(ACCEPTED, "accepted", JRC_SK_OWES, N_("Taken on"), N_("accepted"), \
	  N_("Being handled: the department has taken on your matter and is working on it."), \
	  N_("A written answer is due by")) \
	X(EXTENDED, "extended", JRC_SK_OWES, N_("Time extended"), N_("extended"), \
	  N_("Being handled, with more time: the department needed longer and extended the time limit once."), \
	  N_("A written answer is due by")) \
	X(IN_MEDIATION, "in_mediation", JRC_SK_OWES, N_("Mediation started"), N_("mediation"), \
	  N_("In mediation: a mediator or lawyer is working on your matter."), \
	  N_("A written answer is due by")) \
	X(DECLINED, "declined", JRC_SK_NONE, N_("Not taken on"), N_("declined"), \
	  N_("Not taken on: this matter has to go another way. Below it says where to go."), \
	  NULL) \
	X(REDIRECTED, "redirected", JRC_SK_OWES, N_("Passed on"), N_("redirected"), \
	  N_("Passed on: your matter was sent to another department, which decides whether to take it on."), \
	  N_("The new department decides whether to take it on by")) \
	X(ANSWERED, "answered", JRC_SK_ANSWER, N_("Answered"), N_("answered"), \
	  N_("Answered: the department has given you a written answer."), \
	  N_("You may ask for a review until")) \
	X(REVIEW_REQUESTED, "review_requested", JRC_SK_OWES, N_("Review asked for"), N_("review"), \
	  N_("Review asked for: the office above the department is looking at your matter again."), \
	  N_("The review answer is due by")) \
	X(REVIEW_ANSWERED, "review_answered", JRC_SK_ANSWER, N_("Review answered"), N_("reviewed"), \
	  N_("Review answered: you have the written answer of the review."), \
	  N_("You may ask for a re-review until")) \
	X(REREVIEW_REQUESTED, "rereview_requested", JRC_SK_OWES, N_("Re-review asked for"), \
	  N_("re-review"), \
	  N_("Re-review asked for: your matter is being looked at one last time."), \
	  N_("The re-review answer is due by")) \
	X(REREVIEW_ANSWERED, "rereview_answered", JRC_SK_ANSWER, N_("Re-review answered"), \
	  N_("re-reviewed"), \
	  N_("Re-review answered: this is the final answer."), \
	  N_("If nothing more is needed, the matter closes after")) \
	X(CLOSED, "closed", JRC_SK_NONE, N_("Closed"), N_("closed"), \
	  N_("Finished: this matter is closed."), \
	  NULL) \
	X(TERMINATED, "terminated", JRC_SK_NONE, N_("Lawfully concluded"), N_("concluded"), \
	  N_("Lawfully concluded: this matter has been through every step the law gives and is finished. Offices will not take up the same matter again; below it says where you can still go."), \
	  NULL)

/* What a state's due date means (the kind column above). */
typedef enum jrc_state_kind {
	JRC_SK_NONE = 0,
	JRC_SK_OWES = 1,
	JRC_SK_ANSWER = 2
} jrc_state_kind;

#define JRC_STATE_ENUM_ROW(id, name, kind, label, desk, words, deadline) JRC_ST_##id,
typedef enum jrc_state {
	JRC_STATES(JRC_STATE_ENUM_ROW)
	JRC_STATE_COUNT
} jrc_state;
#undef JRC_STATE_ENUM_ROW

#endif
