/* The only way into curses: wide-character ncursesw, whatever the
 * including file defined before.  Nothing outside src/ui includes this. */
#ifndef JRC_UI_CURSES_H
#define JRC_UI_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
