#ifndef URJA_CNCURSES_SHIM_H
#define URJA_CNCURSES_SHIM_H

/* SwiftPM drops the -D flags of ncursesw.pc: define them before the include. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/form.h>
#include <ncursesw/menu.h>
#include <ncursesw/panel.h>

int wcwidth(wchar_t c);

/* Globals and macros Swift cannot import. */
static inline WINDOW *urja_stdscr(void) { return stdscr; }
static inline WINDOW *urja_curscr(void) { return curscr; }
static inline FILE *urja_stdin(void) { return stdin; }
static inline FILE *urja_stdout(void) { return stdout; }
static inline int urja_lines(void) { return LINES; }
static inline int urja_cols(void) { return COLS; }
static inline int urja_key_f(int n) { return KEY_F(n); }
static inline attr_t urja_a_normal(void) { return A_NORMAL; }
static inline attr_t urja_a_bold(void) { return A_BOLD; }
static inline attr_t urja_a_reverse(void) { return A_REVERSE; }
static inline attr_t urja_a_underline(void) { return A_UNDERLINE; }
static inline attr_t urja_a_dim(void) { return A_DIM; }
static inline int urja_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int urja_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int urja_getmaxx(WINDOW *w) { return getmaxx(w); }

#endif
