/*
 * The monitor's line editor: turns typed bytes into edited lines and the
 * terminal bytes that echo them, as QEMU's HMP readline does.
 *
 * It knows nothing about chardevs: echo goes out through a callback and a
 * finished line comes back through another, so it can be driven byte by
 * byte in unit tests. Not thread-safe; the monitor calls it from the main
 * loop only.
 */
#ifndef MONITOR_READLINE_H
#define MONITOR_READLINE_H

#include "qemu/osdep.h"

/* Longest line kept; further typed characters are ignored. */
#define READLINE_CMD_MAX 1024
/* History entries kept; the oldest is dropped first. */
#define READLINE_HIST_MAX 64

typedef void ReadLineOutFunc(void *opaque, const char *buf, size_t len);
typedef void ReadLineLineFunc(void *opaque, const char *line);
/*
 * Tab: add to out (g_strdup'd) every word that could replace the last word
 * of line (the text before the cursor), i.e. starts with it.
 */
typedef void ReadLineCompleteFunc(void *opaque, const char *line,
                                  GPtrArray *out);

typedef enum ReadLineEscState {
    RL_ESC_NONE,
    RL_ESC_ESC,     /* saw ESC */
    RL_ESC_CSI,     /* saw ESC [ */
    RL_ESC_SS3,     /* saw ESC O */
} ReadLineEscState;

typedef struct ReadLineState {
    /* The line being edited and the cursor within it. */
    char cmd[READLINE_CMD_MAX + 1];
    int len;
    int pos;
    /* What the terminal shows, so updates send only what changed. */
    char shown[READLINE_CMD_MAX + 1];
    int shown_len;
    int shown_pos;

    ReadLineEscState esc;
    int esc_param;

    char *hist[READLINE_HIST_MAX];
    int hist_count;
    int hist_entry;                 /* browsing position, -1 when not */

    const char *prompt;
    bool echo;                      /* false: no echo, no prompt */
    ReadLineOutFunc *out;
    ReadLineLineFunc *line_fn;
    ReadLineCompleteFunc *complete_fn;  /* NULL: Tab does nothing */
    void *opaque;
} ReadLineState;

void readline_init(ReadLineState *rs, const char *prompt, bool echo,
                   ReadLineOutFunc *out, ReadLineLineFunc *line_fn,
                   void *opaque);
void readline_free(ReadLineState *rs);
void readline_handle_byte(ReadLineState *rs, uint8_t ch);
/* Forget the line being typed and any half-read escape sequence. */
void readline_restart(ReadLineState *rs);
/* Print the prompt; the terminal line is taken to be empty after it. */
void readline_show_prompt(ReadLineState *rs);
/* History, oldest first; NULL past the end. */
const char *readline_get_history(const ReadLineState *rs, int index);

#endif
