/* Opinion surveys (民意调查) and the one question on today's service.
 * Answers are anonymous: stored with the day and the township only. */
#ifndef JRC_SURVEY_H
#define JRC_SURVEY_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/db.h"

enum {
	JRC_SURVEY_QUESTIONS = 9,   /* at most, each answered by one digit */
	JRC_SURVEY_ANSWERS = 9,
	JRC_SURVEY_TEXT_MAX = 120   /* characters of a question or a title */
};

typedef struct jrc_survey_question {
	char text_zh[JRC_SURVEY_TEXT_MAX * 4 + 1], text_en[JRC_SURVEY_TEXT_MAX * 4 + 1];
	int nanswers;
	char answer_zh[JRC_SURVEY_ANSWERS][121], answer_en[JRC_SURVEY_ANSWERS][161];
} jrc_survey_question;

typedef struct jrc_survey {
	int64_t id;
	char title_zh[JRC_SURVEY_TEXT_MAX * 4 + 1], title_en[JRC_SURVEY_TEXT_MAX * 4 + 1];
	char sites[160];             /* township codes, one space between; "" every site */
	char start_day[11], end_day[11];
	char closed_at[32];          /* "" while open */
	int nquestions;
	jrc_survey_question q[JRC_SURVEY_QUESTIONS];
} jrc_survey;

/* Record a survey: title, days, sites ("" or NULL: every site; township
 * codes separated by ';', ',' or blanks) and questions, each written
 * "问题|Question|答案1;答案2|Answer 1;Answer 2".  *id (may be NULL) gets
 * its number.  Bad input: JRC_E_INVALID with a sentence, nothing stored. */
jrc_status survey_add(jrc_db *db, const char *title_zh, const char *title_en,
		      const char *from, const char *to, const char *sites,
		      const char *const *questions, int nquestions, const char *actor,
		      int64_t *id, jrc_err *err);

/* One survey with its questions. */
jrc_status survey_get(jrc_db *db, int64_t id, jrc_survey *out, jrc_err *err);

/* Every survey (closed too), newest first; caller frees *out. */
jrc_status survey_list(jrc_db *db, jrc_survey **out, size_t *n, jrc_err *err);

/* The survey a kiosk at division site_division offers today: open, today
 * within its days, for its township (or every site); JRC_E_NOT_FOUND if
 * none. */
jrc_status survey_active(jrc_db *db, const char *site_division, jrc_survey *out,
			 jrc_err *err);

/* Close a survey (no more answers); its answers are sealed at once. */
jrc_status survey_close(jrc_db *db, int64_t id, const char *actor, jrc_err *err);

/* Keep one set of answers (answers[i] in 1..nanswers of question i) given
 * today at a kiosk of site_division.  Nothing but the day and township is
 * stored with them. */
jrc_status survey_answer(jrc_db *db, int64_t id, const char *site_division,
			 const int *answers, int n, jrc_err *err);

/* Keep one rating of today's service: 1 satisfied, 2 basic, 3 unsatisfied. */
jrc_status survey_rate_service(jrc_db *db, const char *site_division, int rating,
			       jrc_err *err);

/* Move the answers and ratings kept before `before` (a local day
 * YYYY-MM-DD; NULL: all) into the record, in random order, each with an
 * event dated its day that carries it; *sealed (may be NULL) says how
 * many.  This is part of `jrc tick`. */
jrc_status survey_seal(jrc_db *db, const char *before, long *sealed, jrc_err *err);

/* Counts of one question's answers in one township ("" all). */
typedef struct jrc_survey_count {
	char township[16];
	int question;                /* 1-based */
	long count[JRC_SURVEY_ANSWERS];
	long total;
} jrc_survey_count;

/* The answers counted per question: first over all townships (township
 * ""), then per township in code order; caller frees. */
jrc_status survey_results(jrc_db *db, int64_t id, jrc_survey_count **out, size_t *n,
			  jrc_err *err);

#endif
