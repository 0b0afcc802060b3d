/* Entry points of the full-screen programs, for the command line. */
#ifndef JRC_UI_UI_H
#define JRC_UI_UI_H

#include "engine.h"

/* The citizen kiosk: the home screen and the filing wizard.  Returns the
 * process exit code (0 after SIGTERM / SIGHUP). */
int ui_run_kiosk(const ui_options *opt);

/* The hall's board on the TV: pages turn every page_seconds (0: 10);
 * voice (opt->voice) says each call when on.  Returns the exit code. */
int ui_run_board(const ui_options *opt, int page_seconds);

#endif
