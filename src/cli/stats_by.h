/* jrc stats --by (cmd_stats_by.c), for cmd_stats.c. */
#ifndef JRC_CLI_STATS_BY_H
#define JRC_CLI_STATS_BY_H

#include "cli.h"
#include "json.h"
#include "jrc/stats.h"

/* --by's value into one or two dimensions; 0, else the usage exit code. */
int stats_by_parse(cli_call *c, const char *arg, jrc_dim *d1, jrc_dim *d2);
/* The cross table; options 'f' from, 't' to, 's' site. */
int stats_by_run(cli_call *c, jrc_dim d1, jrc_dim d2);
/* The first limit trend rows as JSON (key) or text (title; rises only). */
void stats_trend_json(json_out *j, jrc_db *db, const char *key, jrc_dim d,
		      const jrc_stat_trend *t, size_t n, size_t limit);
void stats_trend_text(jrc_db *db, const char *title, jrc_dim d, const jrc_stat_trend *t,
		      size_t n, size_t limit);

#endif
